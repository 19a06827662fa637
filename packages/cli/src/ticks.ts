/**
 * "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten.
 *
 * @packageDocumentation
 */

/** The tick spacing for `range` split into about `count` intervals: 1, 2 or 5 × 10^k. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0) || !(count >= 1)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Tick values inside `[min, max]`, about `count` intervals apart, at multiples of a nice step.
 * With `integer`, the step is at least 1 and every tick is an integer (for step axes).
 */
export function niceTicks(min: number, max: number, count: number, integer = false): number[] {
  if (!(max > min)) return [min];
  let step = niceStep(max - min, Math.max(1, count));
  if (integer) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/**
 * Tick indices of a step axis of `steps` points whose first point is numbered `xStart`: the indices whose
 * numbers are nice (multiples of 1, 2, 5 × 10^k), and index 0 when the first nice number is far from the start.
 */
export function stepTicks(steps: number, xStart: number, count: number): number[] {
  const nice = niceTicks(xStart, xStart + steps - 1, count, true).map((v) => v - xStart);
  const gap = nice.length > 1 ? nice[1]! - nice[0]! : steps;
  return nice[0] !== undefined && nice[0] !== 0 && nice[0] >= gap / 2 ? [0, ...nice] : nice.length === 0 ? [0] : nice;
}
