// Golden values from the real libraries (tools/ecosystem-traces/record.py: HF transformers, timm, Keras on
// JAX, optax, all in float64), replayed without Python: each recorded configuration is read by
// scheduleFromJSON exactly as the library was given it, and anneal's rates must equal the library's.
// The name lists recorded from each library must equal the reader tables' keys, so a name a new release
// adds fails here until its table has an entry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ecosystemFromJSON, HF_SCHEDULERS, KERAS_SCHEDULES, OPTAX_SCHEDULES, scheduleFromJSON, TIMM_SCHEDULERS } from '../src/json.js';

interface Case {
  config: Record<string, unknown>;
  baseLr?: number;
  values: number[];
  numEpochs?: number;
}
interface Fixture {
  library: string;
  version: string;
  names: string[];
  cases: Case[];
}

const load = (name: string): Fixture => JSON.parse(readFileSync(new URL(`./fixtures/ecosystems/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/**
 * Largest deviation allowed, relative to the case's largest rate: float64 libraries differ from anneal by
 * operation order only (ulps). Keras's cosine schedules are float32 even in float64 mode (the JAX backend
 * evaluates their `cos` in float32), so Keras gets two float32 ulps (2^-22).
 */
export const TOLERANCE = { hf: 1e-12, timm: 1e-12, keras: 2 ** -22, optax: 1e-12 } as const;
const TABLES = { hf: HF_SCHEDULERS, timm: TIMM_SCHEDULERS, keras: KERAS_SCHEDULES, optax: OPTAX_SCHEDULES } as const;

/** anneal's values for a case and the largest relative deviation from the library's. */
export function replay(c: Case): { deviation: number; worst: number; anneal: number[] } {
  const reading = ecosystemFromJSON(c.config);
  const schedule = scheduleFromJSON(c.config);
  const base = c.baseLr ?? reading.baseLr ?? 1;
  const scale = Math.max(...c.values.map(Math.abs), Number.MIN_VALUE);
  let deviation = 0;
  let worst = -1;
  const anneal = c.values.map((_, t) => schedule.lr(t, base));
  anneal.forEach((v, t) => {
    const d = Math.abs(v - c.values[t]!) / scale;
    if (d > deviation) [deviation, worst] = [d, t];
  });
  return { deviation, worst, anneal };
}

for (const eco of ['hf', 'timm', 'keras', 'optax'] as const) {
  const fixture = load(eco);
  describe(`${fixture.library} ${fixture.version}: ${fixture.cases.length} recorded configurations`, () => {
    it('the reader table has exactly the names the library has', () => {
      expect(Object.keys(TABLES[eco]).sort()).toEqual([...fixture.names].sort());
    });
    fixture.cases.forEach((c, i) => {
      it(`#${i} ${JSON.stringify(c.config).slice(0, 160)}${c.baseLr === undefined ? '' : ` at lr ${c.baseLr}`}`, () => {
        const { deviation, worst, anneal } = replay(c);
        expect(deviation, `step ${worst}: anneal ${anneal[worst]}, ${fixture.library} ${c.values[worst]}`).toBeLessThanOrEqual(TOLERANCE[eco]);
        const reading = ecosystemFromJSON(c.config);
        if (c.baseLr !== undefined && reading.baseLr !== undefined) expect(reading.baseLr).toBe(c.baseLr);
        if (c.numEpochs !== undefined) expect(reading.steps).toBe(c.numEpochs * ((c.config.step_on_epochs === false ? c.config.updates_per_epoch : 1) as number));
      });
    });
  });
}
