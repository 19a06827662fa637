import type { Loop, MeasureOptions } from '../harness.js';

/** A target on the ratio `subject / baseline`. */
export type Target =
  /** Met when the median ratio is at most `value`. */
  | { kind: 'max'; value: number }
  /** Met when the median ratio lies in [lo, hi] ("≈ 1x"). */
  | { kind: 'approx'; lo: number; hi: number }
  /** Reported for information, no verdict. */
  | { kind: 'info' };

/** The two loops of a case, built fresh in the process that times them. */
export interface CaseLoops {
  subject: Loop;
  baseline: Loop;
  /**
   * For stateful cases: every value the loop wrote into its objects (rates, momentums), read after a
   * run; compared between subject and baseline by the value check.
   */
  subjectState?: () => number[];
  baselineState?: () => number[];
}

/** One benchmark: anneal's code (`subject`) against a baseline that computes the same values. */
export interface BenchCase {
  /** Stable id, used on the command line and in the JSON. */
  id: string;
  /** Issue item it answers: "1" closed form, "2" stateful, "3" far SGDR, "4" sampling, "5" adapters. */
  item: '1' | '2' | '3' | '4' | '5';
  /** Short row label. */
  title: string;
  /** What the subject loop runs. */
  subjectLabel: string;
  /** What the baseline loop runs. */
  baselineLabel: string;
  /** Unit of one iteration, for the absolute times ("step", "point", "batch", ...). */
  unit: string;
  /** Unit of a baseline iteration when it differs from `unit` (adapters: "train step"). */
  baselineUnit?: string;
  target: Target;
  /**
   * Number of iterations after which subject and baseline must have written identical values
   * (bit for bit); `0` when they compute different things on purpose (e.g. far vs near step).
   */
  verifyIterations: number;
  /** Timing overrides. */
  measure?: Partial<MeasureOptions>;
  /** The PyTorch configuration timed by `src/torch/bench_torch.py` that this case mirrors. */
  torchId?: string;
  /** Builds the loops; returns a reason string when the case cannot run here (missing package). */
  setup(): Promise<CaseLoops | string> | CaseLoops | string;
}
