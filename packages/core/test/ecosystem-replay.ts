// Replaying the golden values recorded from the real libraries (tools/ecosystem-traces/record.py).
import { readFileSync } from 'node:fs';
import { ecosystemFromJSON, scheduleFromJSON } from '../src/json.js';

export interface Case {
  config: Record<string, unknown>;
  baseLr?: number;
  /** The steps of `values` (absent: 0, 1, 2, ...). */
  steps?: number[];
  values: number[];
  numEpochs?: number;
}
export interface Fixture {
  library: string;
  version: string;
  names: string[];
  cases: Case[];
}

export const load = (name: string): Fixture => JSON.parse(readFileSync(new URL(`./fixtures/ecosystems/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/**
 * Largest deviation allowed, relative to the case's largest rate: float64 libraries differ from anneal by
 * operation order only (ulps). Keras's cosine schedules are float32 even in float64 mode (the JAX backend
 * evaluates their `cos` in float32), so Keras gets two float32 ulps (2^-22).
 */
export const TOLERANCE = { hf: 1e-14, timm: 1e-15, keras: 2 ** -22, optax: 1e-15 } as const;

/** anneal's values for a case and the largest relative deviation from the library's. */
export function replay(c: Case): { deviation: number; worst: number; anneal: number[] } {
  const reading = ecosystemFromJSON(c.config);
  const schedule = scheduleFromJSON(c.config);
  const base = c.baseLr ?? reading.baseLr ?? 1;
  const scale = Math.max(...c.values.map(Math.abs), Number.MIN_VALUE);
  let deviation = 0;
  let worst = -1;
  const anneal = c.values.map((_, i) => schedule.lr(c.steps?.[i] ?? i, base));
  anneal.forEach((v, t) => {
    const d = Math.abs(v - c.values[t]!) / scale;
    if (d > deviation) [deviation, worst] = [d, t];
  });
  return { deviation, worst, anneal };
}
