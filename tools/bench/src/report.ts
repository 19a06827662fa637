/**
 * The results document (`results/latest.json`) and its Markdown tables.
 */
import type { Interval, Summary } from './stats.js';
import type { Target } from './cases/types.js';
import type { SizeResult } from './size/bundle-size.js';

/** One timed case in the results. */
export interface CaseRow {
  id: string;
  item: string;
  title: string;
  subjectLabel: string;
  baselineLabel: string;
  unit: string;
  /** Unit of a baseline iteration when it differs from `unit`. */
  baselineUnit?: string;
  target: Target;
  status: 'measured' | 'skipped' | 'invalid' | 'error';
  /** `true`/`false` when measured; `null` otherwise. */
  met: boolean | null;
  /** Set when not measured. */
  reason?: string;
  /** `median(subject) / median(baseline)`. */
  ratio?: number;
  ratioInterval?: Interval;
  /**
   * The ratio measured by each worker process, ascending; `ratio`, its interval and the times are those
   * of the median process. Absent in results written before 2026-12-03.
   */
  processRatios?: number[];
  /** Absolute times per iteration (information only: they depend on the machine). */
  subjectNs?: Summary;
  baselineNs?: Summary;
  /** Values compared bit for bit between subject and baseline before timing. */
  verifiedValues?: number;
  torchId?: string;
}

/** PyTorch's timings, or why there are none. */
export type TorchSection =
  | { available: true; torch: string; python: string; configs: Record<string, { medianNs: number; minNs: number; iterations: number; samples: number }> }
  | { available: false; reason: string };

/** The whole document. */
export interface Results {
  schema: 1;
  /** ISO date of the run. */
  date: string;
  /** Wall time of the run, s. */
  durationSeconds: number;
  machine: { node: string; v8: string; platform: string; cpu: string; cores: number; loadAverageStart: number[]; loadAverageEnd: number[] };
  method: string;
  /** The candidate core build timed instead of `@anneal/core` (`--core`). */
  coreOverride?: string;
  cases: CaseRow[];
  torch: TorchSection;
  size: SizeResult[];
}

function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e4) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}

function fmtRatio(r: number, percent: boolean): string {
  return percent ? `${(r * 100).toFixed(3)}%` : `${r.toFixed(2)}x`;
}

function fmtTarget(t: Target, percent: boolean): string {
  if (t.kind === 'max') return `≤ ${fmtRatio(t.value, percent)}`;
  if (t.kind === 'info') return '–';
  return `≈ 1x (${t.lo}–${t.hi})`;
}

/** Whether a measured ratio meets its target; `null` for an information-only row. */
export function meets(target: Target, ratio: number): boolean | null {
  if (target.kind === 'info') return null;
  return target.kind === 'max' ? ratio <= target.value : ratio >= target.lo && ratio <= target.hi;
}

/** The ratio as printed: a percentage for item 5 (fractions of a training step), else `1.23x`. */
export function formatRatio(item: string, ratio: number): string {
  return fmtRatio(ratio, item === '5');
}

const ITEM_TITLES: Record<string, string> = {
  '1': '1. Closed-form schedule value vs hand-inlined formula',
  '2': '2. Stateful scheduler step() vs hand-inlined update',
  '3': '3. SGDR lookup far away vs near (no loop over cycles)',
  '4': '4. sampleSchedule, 10^6 points into a Float64Array',
  '5': '5. Framework adapters: cost per batch / per run() vs the framework itself',
};

/** The timing table, one Markdown table per item (MDX-safe: code in backticks, no bare `<` or braces). */
export function casesTable(rows: readonly CaseRow[]): string {
  const lines: string[] = [];
  for (const item of ['1', '2', '3', '4', '5']) {
    const group = rows.filter((r) => r.item === item);
    lines.push(`### ${ITEM_TITLES[item]}`, '');
    if (group.length === 0) {
      lines.push('_no case of this item ran (see --filter, or item 5 below)_', '');
      continue;
    }
    const percent = item === '5';
    lines.push('| benchmark | anneal | baseline | ratio (95% CI) | processes | target | result |', '|---|---:|---:|---:|---:|---:|:---:|');
    for (const r of group) {
      if (r.status !== 'measured' || r.ratio === undefined) {
        lines.push(`| \`${r.title}\` | | | | | ${fmtTarget(r.target, percent)} | ${r.status}: ${(r.reason ?? '').split('\n')[0]} |`);
        continue;
      }
      const ci = r.ratioInterval ? ` (${fmtRatio(r.ratioInterval.lo, percent)}–${fmtRatio(r.ratioInterval.hi, percent)})` : '';
      const runs = r.processRatios ?? [];
      const spread = runs.length > 1 ? `${fmtRatio(runs[0]!, percent)}–${fmtRatio(runs.at(-1)!, percent)} (${runs.length})` : runs.length === 1 ? '1' : '–';
      lines.push(
        `| \`${r.title}\` | ${fmtNs(r.subjectNs!.median)}/${r.unit} | ${fmtNs(r.baselineNs!.median)}/${r.baselineUnit ?? r.unit} | ${fmtRatio(r.ratio, percent)}${ci} | ${spread} | ${fmtTarget(r.target, percent)} | ${r.met === null ? 'info' : r.met ? 'met' : '**missed**'} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** anneal's stateful step() next to PyTorch's. */
export function torchTable(rows: readonly CaseRow[], torch: TorchSection): string {
  const lines = ['### 7. anneal step() vs PyTorch scheduler.step(), same configurations', ''];
  if (!torch.available) {
    lines.push(`_skipped: PyTorch not available (${torch.reason})_`, '');
    return lines.join('\n');
  }
  lines.push(`PyTorch ${torch.torch}, Python ${torch.python}; each side's median time per step().`, '');
  lines.push('| configuration | anneal | PyTorch | anneal is |', '|---|---:|---:|---:|');
  for (const r of rows) {
    if (r.torchId === undefined || r.status !== 'measured') continue;
    const t = torch.configs[r.torchId];
    if (t === undefined) continue;
    const a = r.subjectNs!.median;
    lines.push(`| \`${r.title}\` | ${fmtNs(a)} | ${fmtNs(t.medianNs)} | ${(t.medianNs / a).toFixed(0)}x faster |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Bundle sizes against their targets and CI limits. */
export function sizeTable(size: readonly SizeResult[]): string {
  const kb = (b: number | null) => (b === null ? '–' : `${(b / 1024).toFixed(1)} kB`);
  const lines = ['### 6. Bundle size (esbuild, tree-shaken, minified; gzip -9)', ''];
  lines.push('| import | min | min+gzip | min+brotli | target | result | CI limit |', '|---|---:|---:|---:|---:|:---:|---:|');
  for (const s of size) {
    const result = s.met === null ? 'info' : s.met ? 'met' : '**missed**';
    const limit = s.withinLimit === null ? '–' : `${kb(s.limitBytes)} ${s.withinLimit ? '(ok)' : '(**exceeded**)'}`;
    lines.push(`| \`${s.title}\` | ${s.minified} B | ${s.gzip} B | ${s.brotli} B | ${kb(s.targetBytes)} | ${result} | ${limit} |`);
  }
  lines.push('');
  return lines.join('\n');
}
