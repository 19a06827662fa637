/**
 * Checks the playground's PyTorch code against real PyTorch: for every descriptor's sample spec (and, with
 * --all, each leaf sample behind the playground's warmup and with each option set to its alternative
 * value) it generates the code with toPyTorch, runs it with /usr/bin/python3 and torch, and compares
 * every printed rate with anneal's to 1e-12 relative. Not part of `pnpm test` (it needs torch:
 * `apt-get install -y python3-torch` on Debian).
 *
 * Usage: pnpm --filter @anneal/site verify:pytorch [--all] [--steps N] [--base-lr X]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULE_DESCRIPTORS, alternativeValue, sampleSpec } from '@anneal/core/meta';
import { scheduleFromJSON } from '@anneal/core/json';
import { toPyTorch } from '../src/lib/codegen';

const PYTHON = '/usr/bin/python3';
const TOLERANCE = 1e-12;

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const all = argv.includes('--all');
const steps = option('--steps', 150);
const baseLr = option('--base-lr', 0.1);

interface Case {
  group: string;
  name: string;
  spec: Record<string, unknown> & { type: string };
}

/** A spec as the playground hands it to the generator: read, checked and written back by anneal. */
function resolved(spec: Record<string, unknown>): (Record<string, unknown> & { type: string }) | null {
  try {
    return scheduleFromJSON(spec).toJSON() as Record<string, unknown> & { type: string };
  } catch {
    return null; // an alternative value that the other options make invalid
  }
}

const cases: Case[] = [];
for (const d of SCHEDULE_DESCRIPTORS) {
  cases.push({ group: 'samples', name: d.type, spec: resolved(sampleSpec(d))! });
}
if (all) {
  for (const d of SCHEDULE_DESCRIPTORS.filter((x) => x.children === undefined)) {
    for (const startFactor of [0.1, 0]) {
      const spec = resolved({ type: 'warmup', steps: 5, startFactor, schedule: sampleSpec(d) });
      if (spec) cases.push({ group: 'warmup', name: `warmup(5, from ${startFactor}) → ${d.type}`, spec });
    }
    for (const [key, meta] of Object.entries(d.options)) {
      const value = alternativeValue(meta);
      if (value === undefined) continue;
      const spec = resolved({ ...sampleSpec(d), [key]: value });
      if (spec) cases.push({ group: 'alternatives', name: `${d.type} ${key}=${JSON.stringify(value)}`, spec });
    }
  }
}

const codes = cases.map((c) => toPyTorch(c.spec, baseLr, steps));

// One Python process runs every program as printed (each in a fresh namespace), capturing what it prints
// and any warning PyTorch gives.
const driver = String.raw`
import contextlib, io, json, sys, traceback, warnings
import torch
programs = json.load(open(sys.argv[1]))
out = []
for code in programs:
    buffer = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(buffer):
        warnings.simplefilter('always')
        try:
            exec(compile(code, '<generated>', 'exec'), {'__name__': '__main__'})
            error = None
        except Exception:
            error = traceback.format_exc()
    out.append({'stdout': buffer.getvalue(), 'error': error, 'warnings': [str(w.message) for w in caught]})
print(json.dumps({'torch': torch.__version__, 'results': out}))
`;
const dir = mkdtempSync(join(tmpdir(), 'anneal-verify-pytorch-'));
let report: { torch: string; results: { stdout: string; error: string | null; warnings: string[] }[] };
try {
  writeFileSync(join(dir, 'programs.json'), JSON.stringify(codes));
  writeFileSync(join(dir, 'driver.py'), driver);
  const run = spawnSync(PYTHON, [join(dir, 'driver.py'), join(dir, 'programs.json')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) {
    console.error(run.stderr || run.error?.message);
    console.error(`verify-pytorch: ${PYTHON} with torch is needed (Debian: apt-get install -y python3-torch)`);
    process.exit(2);
  }
  report = JSON.parse(run.stdout);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`PyTorch ${report.torch}; base rate ${baseLr}; up to ${steps} steps per schedule; tolerance ${TOLERANCE} relative`);
let failures = 0;
const notes = new Map<string, string[]>();
const zeros = new Map<string, { count: number; first: number; last: number; largest: number }>();
const groups = new Map<string, { checked: number; values: number; worst: number; skipped: string[] }>();
cases.forEach((c, i) => {
  const group = groups.get(c.group) ?? { checked: 0, values: 0, worst: 0, skipped: [] };
  groups.set(c.group, group);
  const code = codes[i]!;
  const result = report.results[i]!;
  if (code.startsWith('# No PyTorch equivalent')) {
    group.skipped.push(`${c.name}: ${code.split('\n')[0]!.slice(2)}`);
    return;
  }
  const fail = (why: string) => {
    failures++;
    console.log(`FAIL ${c.name}: ${why}\n${code}\n`);
  };
  if (result.error !== null) return fail(result.error);
  // The warning that the loop steps the scheduler before the optimizer is the generator's fault; others
  // (PyTorch 1.13's SequentialLR calls step(0) itself and warns about it) are listed.
  const ordering = result.warnings.filter((w) => w.includes('optimizer.step()'));
  if (ordering.length > 0) return fail(`PyTorch warned: ${ordering.join(' | ')}`);
  for (const w of result.warnings) notes.set(w.split(/\.\s/)[0]!, [...(notes.get(w.split(/\.\s/)[0]!) ?? []), c.name]);
  const schedule = scheduleFromJSON(c.spec);
  const lines = result.stdout.trim().split('\n');
  let worst = 0;
  for (const line of lines) {
    const [t, value] = line.split(' ').map(Number) as [number, number];
    const expected = schedule.lr(t, baseLr);
    if (expected === 0 && value !== 0) {
      // No relative error exists at an exact zero: PyTorch's recursive forms may leave a residue there.
      const z = zeros.get(c.name) ?? { count: 0, first: t, last: t, largest: 0 };
      zeros.set(c.name, { count: z.count + 1, first: z.first, last: t, largest: Math.max(z.largest, Math.abs(value)) });
      if (!(Math.abs(value) <= TOLERANCE * baseLr)) return fail(`step ${t}: PyTorch ${value}, anneal 0 (more than ${TOLERANCE} × the base rate)`);
      continue;
    }
    const error = expected === value ? 0 : Math.abs(value - expected) / Math.abs(expected);
    worst = Math.max(worst, error);
    if (!(error <= TOLERANCE)) return fail(`step ${t}: PyTorch ${value}, anneal ${expected} (relative error ${error})`);
  }
  if (lines.length < Math.min(steps, 2)) return fail(`printed ${lines.length} values`);
  group.checked++;
  group.values += lines.length;
  group.worst = Math.max(group.worst, worst);
  console.log(`ok   ${c.name.padEnd(48)} ${String(lines.length).padStart(4)} values, worst relative error ${worst.toExponential(2)}  (${/scheduler = (\w+)/.exec(code)![1]})`);
});
for (const [name, g] of groups) {
  console.log(`\n${name}: ${g.checked} programs, ${g.values} values, worst relative error ${g.worst.toExponential(2)}; ${g.skipped.length} without a PyTorch equivalent`);
  for (const s of g.skipped) console.log(`  - ${s}`);
}
for (const [name, z] of zeros) {
  console.log(`\n${name}: anneal gives exactly 0 at ${z.count} steps (${z.first}–${z.last}), PyTorch up to ${z.largest.toExponential(2)} (checked to ${TOLERANCE} × the base rate)`);
}
for (const [warning, names] of notes) console.log(`\nPyTorch warned "${warning}." in: ${names.join(', ')}`);
console.log(`\n${failures === 0 ? 'all printed values equal anneal\'s' : `${failures} program(s) FAILED`}`);
process.exit(failures === 0 ? 0 : 1);
