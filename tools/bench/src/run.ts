/**
 * `pnpm bench`: times every case (each in a fresh Node process, subject and baseline in the same one),
 * PyTorch's scheduler.step() when /usr/bin/python3 can import torch, and the bundle sizes; prints
 * Markdown tables and writes `results/latest.json`.
 *
 * Options: `--filter <text>` runs the cases whose id contains the text; `--no-torch`; `--no-size`;
 * `--reference` also writes `results/reference.json`; `--cpu-prof` writes V8 CPU profiles of the
 * workers into `results/profiles/`; `--core <dir>` times a candidate build of core (a copy of its built
 * `dist/`, whose `<name>.js` stands for `@anneal/core/<name>`) instead of `@anneal/core`, to measure a
 * proposed change before making it; `--core <file.js>` (one ESM bundle of `src/index.ts`) stands for the
 * root entry only, and a case importing a subpath then fails rather than time the installed build;
 * `--processes <n>` times each case in `n` worker processes (default 3; 1 with `--cpu-prof`) and reports
 * the median one, with the range over all of them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, arch } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCases } from './cases/index.js';
import { meets, formatRatio, casesTable, sizeTable, torchTable, type CaseRow, type Results, type TorchSection } from './report.js';
import type { CaseOutcome } from './result-types.js';
import { SIZE_ENTRIES } from './size/entries.js';
import { measureSize, type SizeResult } from './size/bundle-size.js';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = resolve(PACKAGE_DIR, 'results');
const PYTHON = '/usr/bin/python3';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] ?? '' : '';
const coreAt = args.indexOf('--core');
const coreOverride = coreAt >= 0 ? resolve(process.cwd(), args[coreAt + 1] ?? '') : undefined;
const processesAt = args.indexOf('--processes');
const processes = flag('--cpu-prof') ? 1 : processesAt >= 0 ? Number(args[processesAt + 1]) : 3;
if (!Number.isSafeInteger(processes) || processes < 1) throw new Error(`--processes takes an integer >= 1, got ${args[processesAt + 1]}`);

const METHOD = [
  'Each case runs in a fresh Node process (so no other case shapes the JIT type feedback it sees);',
  'subject (anneal) and baseline (the same values computed inline, checked bit for bit first) are timed',
  'in the same process, alternating S B B S …, in ~1 ms samples (process.hrtime.bigint) after a 250 ms',
  'warmup; every sample runs whole walks over the steps where their costs differ. The figure is',
  'median(subject) / median(baseline) with a percentile-bootstrap 95% interval, from the median of several',
  'worker processes (each compiles the loops its own way); the range over the processes is given too.',
  'Absolute times are for information only.',
].join(' ');

function runCase(id: string): CaseOutcome {
  const nodeArgs = ['--import', 'tsx'];
  if (coreOverride !== undefined) nodeArgs.push('--import', resolve(PACKAGE_DIR, 'src/override/register.mjs'));
  if (flag('--cpu-prof')) {
    mkdirSync(resolve(RESULTS_DIR, 'profiles'), { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${resolve(RESULTS_DIR, 'profiles')}`, `--cpu-prof-name=${id}.cpuprofile`);
  }
  const child = spawnSync(process.execPath, [...nodeArgs, resolve(PACKAGE_DIR, 'src/worker.ts'), id], {
    cwd: PACKAGE_DIR,
    encoding: 'utf8',
    timeout: 120_000,
    env: coreOverride === undefined ? process.env : { ...process.env, ANNEAL_BENCH_CORE: coreOverride },
  });
  const line = child.stdout?.split('\n').find((l) => l.startsWith('RESULT '));
  if (line === undefined) {
    return { id, status: 'error', reason: `worker exited with ${child.status ?? child.signal}: ${child.stderr?.slice(-500) ?? ''}` };
  }
  return JSON.parse(line.slice('RESULT '.length)) as CaseOutcome;
}

function runTorch(): TorchSection {
  if (flag('--no-torch')) return { available: false, reason: '--no-torch' };
  const child = spawnSync(PYTHON, [resolve(PACKAGE_DIR, 'src/torch/bench_torch.py')], { encoding: 'utf8', timeout: 120_000 });
  if (child.error !== undefined) return { available: false, reason: `${PYTHON} could not run: ${child.error.message}` };
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as TorchSection;
  } catch {
    return { available: false, reason: `unexpected output from the PyTorch script: ${(child.stderr || last).slice(-300)}` };
  }
}

/**
 * {@link runCase} in `n` processes: the outcome of the process with the median ratio (the lower of the
 * two middle ones for an even `n`), with every process's ratio; the first outcome that is not a
 * measurement, if any.
 */
function runCaseIn(id: string, n: number): { outcome: CaseOutcome; ratios: number[] } {
  const outcomes: CaseOutcome[] = [];
  for (let k = 0; k < n; k++) {
    const outcome = runCase(id);
    if (outcome.status !== 'measured') return { outcome, ratios: [] };
    outcomes.push(outcome);
  }
  const measured = outcomes as Extract<CaseOutcome, { status: 'measured' }>[];
  measured.sort((a, b) => a.measurement.ratio - b.measurement.ratio);
  return { outcome: measured[(n - 1) >> 1]!, ratios: measured.map((o) => o.measurement.ratio) };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadavg();
  const cases = allCases.filter((c) => c.id.includes(filter));
  const rows: CaseRow[] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const { outcome, ratios } = runCaseIn(c.id, processes);
    const row: CaseRow = {
      id: c.id,
      item: c.item,
      title: c.title,
      subjectLabel: c.subjectLabel,
      baselineLabel: c.baselineLabel,
      unit: c.unit,
      ...(c.baselineUnit === undefined ? {} : { baselineUnit: c.baselineUnit }),
      target: c.target,
      status: outcome.status,
      met: null,
      ...(c.torchId === undefined ? {} : { torchId: c.torchId }),
    };
    if (outcome.status === 'measured') {
      const m = outcome.measurement;
      Object.assign(row, {
        ratio: m.ratio,
        ratioInterval: m.ratioInterval,
        subjectNs: m.subjectNs,
        baselineNs: m.baselineNs,
        processRatios: ratios,
        verifiedValues: outcome.verifiedValues,
        met: meets(c.target, m.ratio),
      });
    } else {
      row.reason = outcome.reason;
    }
    rows.push(row);
    const verdict = row.met === null ? 'info' : row.met ? 'met' : 'MISSED';
    const spread = ratios.length > 1 ? ` (processes ${formatRatio(row.item, ratios[0]!)}–${formatRatio(row.item, ratios.at(-1)!)})` : '';
    const what = row.ratio === undefined ? `${row.status}: ${row.reason?.split('\n')[0]}` : `${formatRatio(row.item, row.ratio)} ${verdict}${spread}`;
    process.stderr.write(`  ${c.id.padEnd(32)} ${what}  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  process.stderr.write('  PyTorch ...\n');
  const torch = runTorch();
  let size: SizeResult[] = [];
  if (!flag('--no-size')) size = await Promise.all(SIZE_ENTRIES.map((e) => measureSize(e, coreOverride)));

  const cpu = cpus()[0]?.model ?? 'unknown';
  const results: Results = {
    schema: 1,
    date: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    machine: {
      node: process.version,
      v8: process.versions.v8,
      platform: `${platform()} ${arch()}`,
      cpu,
      cores: cpus().length,
      loadAverageStart: loadStart,
      loadAverageEnd: loadavg(),
    },
    method: METHOD,
    ...(coreOverride === undefined ? {} : { coreOverride }),
    cases: rows,
    torch,
    size,
  };

  const out = [
    `## anneal benchmarks (${results.date}, Node ${results.machine.node}, ${cpu}, ${results.machine.cores} cores)${coreOverride === undefined ? '' : `, core = ${coreOverride}`}`,
    '',
    casesTable(rows),
    size.length > 0 ? sizeTable(size) : '',
    torchTable(rows, torch),
  ].join('\n');
  process.stdout.write(`${out}\n`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(resolve(RESULTS_DIR, 'latest.json'), json);
  if (flag('--reference')) writeFileSync(resolve(RESULTS_DIR, 'reference.json'), json);
  process.stderr.write(`\nwrote ${resolve(RESULTS_DIR, 'latest.json')}${flag('--reference') ? ' and reference.json' : ''} in ${results.durationSeconds} s\n`);
  if (rows.some((r) => r.status === 'invalid' || r.status === 'error')) process.exitCode = 1;
}

await main();
