import type { PairMeasurement } from './harness.js';

/** What the worker reports for one case. */
export type CaseOutcome =
  | { id: string; status: 'measured'; measurement: PairMeasurement; verifiedValues: number }
  | { id: string; status: 'skipped' | 'invalid' | 'error'; reason: string };
