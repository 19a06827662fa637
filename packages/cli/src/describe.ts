/**
 * The facts `anneal describe` prints about a schedule sampled over N steps.
 *
 * @packageDocumentation
 */
import { exact } from './format.js';

/** A value and the first step where it occurs. */
export interface StepValue {
  /** The rate. */
  value: number;
  /** The step (0-based). */
  step: number;
}

/** What {@link describeValues} finds in the rates of steps 0 … N−1. */
export interface ScheduleDescription {
  /** N, the number of steps. */
  steps: number;
  /** The rate at step 0. */
  first: number;
  /** The rate at step N−1. */
  last: number;
  /** The highest rate, first occurrence. */
  peak: StepValue;
  /** The lowest rate, first occurrence. */
  floor: StepValue;
  /**
   * When the rate rises from step 0 (a warmup), the step where it stops rising and the rate there;
   * `undefined` when step 1 is not above step 0.
   */
  warmup: StepValue | undefined;
  /**
   * Steps where the rate jumps up: it rises in one step after not rising, and does not keep rising
   * (SGDR's warm restarts, a multi-step schedule with `gamma > 1`). Gradual rises (warmup, cyclic ramps) are not jumps.
   */
  restarts: number[];
  /** The mean rate over the N steps (`area / N`). */
  mean: number;
  /** The area under the curve: the sum of the rates of the N steps, each step lasting one unit. */
  area: number;
}

/**
 * Describes the rates `values[t]` of steps `t = 0 … N−1`.
 *
 * @throws {RangeError} when `values` is empty.
 */
export function describeValues(values: ArrayLike<number>): ScheduleDescription {
  const n = values.length;
  if (n === 0) throw new RangeError('describeValues needs at least one value');
  const v = (t: number) => values[t]!;
  const peak = { value: v(0), step: 0 };
  const floor = { value: v(0), step: 0 };
  // Neumaier's compensated sum: the area stays exact to the last bits over millions of steps.
  let sum = 0;
  let compensation = 0;
  for (let t = 0; t < n; t++) {
    const x = v(t);
    if (x > peak.value) Object.assign(peak, { value: x, step: t });
    if (x < floor.value) Object.assign(floor, { value: x, step: t });
    const s = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - s + x : x - s + sum;
    sum = s;
  }
  const area = sum + compensation;

  let warmup: StepValue | undefined;
  if (n > 1 && v(1) > v(0)) {
    let end = 1;
    while (end + 1 < n && v(end + 1) > v(end)) end++;
    warmup = { value: v(end), step: end };
  }
  const restarts: number[] = [];
  for (let t = 2; t < n; t++) {
    const rises = v(t) > v(t - 1);
    const wasNotRising = v(t - 1) <= v(t - 2);
    const keepsRising = t + 1 < n && v(t + 1) > v(t);
    if (rises && wasNotRising && !keepsRising) restarts.push(t);
  }
  return { steps: n, first: v(0), last: v(n - 1), peak, floor, warmup, restarts, mean: area / n, area };
}

/** How many restart steps {@link formatDescription} lists before summarizing. */
const MAX_LISTED = 20;

/**
 * The description as aligned `key  value` lines (exact numbers, shortest round-trip), ending with a newline.
 *
 * @param header - Lines printed first, e.g. `[['schedule', 'cosine:tMax=20'], ['json', '{...}']]`.
 */
export function formatDescription(d: ScheduleDescription, header: ReadonlyArray<readonly [string, string]> = []): string {
  const restarts =
    d.restarts.length === 0
      ? 'none'
      : `${d.restarts.slice(0, MAX_LISTED).join(', ')}${d.restarts.length > MAX_LISTED ? ', ...' : ''} (${d.restarts.length})`;
  const warmup =
    d.warmup === undefined
      ? 'none'
      : `ends at step ${d.warmup.step}: rises from ${exact(d.first)} (step 0) to ${exact(d.warmup.value)}${d.warmup.step === d.steps - 1 ? ' (still rising at the last step)' : ''}`;
  const rows: Array<readonly [string, string]> = [
    ...header,
    ['steps', `${d.steps} (steps 0 to ${d.steps - 1})`],
    ['start', exact(d.first)],
    ['end', exact(d.last)],
    ['peak', `${exact(d.peak.value)} at step ${d.peak.step}`],
    ['floor', `${exact(d.floor.value)} at step ${d.floor.step}`],
    ['warmup', warmup],
    ['restarts', restarts],
    ['mean', exact(d.mean)],
    ['area', `${exact(d.area)} (sum of the rate over the ${d.steps} steps)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return `${rows.map(([k, val]) => `${k.padEnd(width)}${val}`).join('\n')}\n`;
}

