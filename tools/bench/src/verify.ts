import { RING } from './harness.js';
import type { CaseLoops } from './cases/types.js';

/** Outcome of comparing what subject and baseline wrote. */
export interface Verification {
  /** Whether every value agreed bit for bit. */
  identical: boolean;
  /** Number of values compared. */
  compared: number;
  /** The first disagreement, for the error message. */
  mismatch?: { where: string; subject: number; baseline: number };
}

function compare(where: string, a: ArrayLike<number>, b: ArrayLike<number>, result: Verification): void {
  if (a.length !== b.length) {
    result.identical = false;
    result.mismatch ??= { where: `${where}.length`, subject: a.length, baseline: b.length };
    return;
  }
  for (let i = 0; i < a.length; i++) {
    result.compared++;
    if (!Object.is(a[i], b[i])) {
      result.identical = false;
      result.mismatch ??= { where: `${where}[${i}]`, subject: a[i]!, baseline: b[i]! };
    }
  }
}

/**
 * Runs both loops of fresh `loops` for `iterations` iterations and compares, bit for bit, the values
 * they wrote (the last {@link RING} of them) and, for stateful cases, the state of their objects.
 * A case whose baseline computes anything else would measure nothing, so the suite refuses to time it.
 */
export async function verifyLoops(loops: CaseLoops, iterations: number): Promise<Verification> {
  const outS = new Float64Array(RING);
  const outB = new Float64Array(RING);
  await loops.subject(iterations, outS);
  await loops.baseline(iterations, outB);
  const result: Verification = { identical: true, compared: 0 };
  compare('values', outS, outB, result);
  if (loops.subjectState && loops.baselineState) compare('state', loops.subjectState(), loops.baselineState(), result);
  return result;
}
