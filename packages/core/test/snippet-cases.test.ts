/**
 * The generated Python snippets, run in the real libraries: `tools/ecosystem-traces/snippet-cases.json` holds
 * every snippet of the ecosystem-shaped specs (and of each kind's sample where it converts) with anneal's rates;
 * `tools/ecosystem-traces/run_snippets.py` executes them in transformers, timm, Keras, optax and torch and writes
 * `test/fixtures/ecosystems/snippets.json`. This test keeps both in step with the writers (WRITE_SNIPPET_CASES=1
 * rewrites the cases; then re-run the Python script).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { scheduleFromJSON, writeSnippet, writeConfig, WRITE_TARGETS, type WriteTarget } from '../src/json.js';
import { SCHEDULE_DESCRIPTORS, sampleSpec } from '../src/meta.js';
import { SHAPED } from './writer-grid.js';

const CASES = fileURLToPath(new URL('../../../tools/ecosystem-traces/snippet-cases.json', import.meta.url));
const RESULTS = fileURLToPath(new URL('./fixtures/ecosystems/snippets.json', import.meta.url));
const BASE_LR = 0.1;

interface SnippetCase {
  id: string;
  target: WriteTarget;
  steps: number;
  snippet: string;
  expected: number[];
}

function cases(): SnippetCase[] {
  const out: SnippetCase[] = [];
  const add = (name: string, spec: Record<string, unknown>, target: WriteTarget) => {
    const steps = spec.type === 'oneCycle' ? (spec.totalSteps as number) : 200;
    const snippet = writeSnippet(spec, target, { baseLr: BASE_LR, steps });
    const schedule = scheduleFromJSON(spec);
    out.push({ id: `${target}: ${name}`, target, steps, snippet, expected: Array.from({ length: steps }, (_, t) => schedule.lr(t, BASE_LR)) });
  };
  for (const s of SHAPED) for (const t of s.exact) add(s.name, s.spec, t);
  for (const d of SCHEDULE_DESCRIPTORS) {
    for (const t of WRITE_TARGETS) {
      try {
        writeConfig(sampleSpec(d), t);
      } catch {
        continue;
      }
      add(`${d.type} sample`, sampleSpec(d), t);
    }
  }
  return out;
}

it('the snippet cases are the writers\' current snippets', () => {
  const current = JSON.stringify({ baseLr: BASE_LR, cases: cases() }, null, 1) + '\n';
  if (process.env.WRITE_SNIPPET_CASES === '1') writeFileSync(CASES, current);
  expect(readFileSync(CASES, 'utf8')).toBe(current);
});

it('every snippet ran in its library and printed anneal\'s rates (recorded by run_snippets.py)', () => {
  if (!existsSync(RESULTS)) return expect.fail('test/fixtures/ecosystems/snippets.json is missing: run tools/ecosystem-traces/run_snippets.py');
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as { results: Array<{ id: string; snippet: string; ok: boolean; maxDeviation: number; tolerance: number }> };
  const byId = new Map(results.results.map((r) => [r.id, r]));
  for (const c of cases()) {
    const r = byId.get(c.id);
    expect(r, `${c.id} was run`).toBeDefined();
    expect(r!.snippet, `${c.id}: recorded for the current snippet`).toBe(c.snippet);
    expect(r!.ok, `${c.id}: deviation ${r!.maxDeviation}`).toBe(true);
    expect(r!.maxDeviation).toBeLessThanOrEqual(r!.tolerance);
    expect(r!.tolerance).toBeLessThanOrEqual(['keras', 'optax'].includes(c.target) ? 1e-6 : 1e-12);
  }
});
