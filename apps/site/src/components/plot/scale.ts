/**
 * Axis arithmetic for the hand-written SVG plots: linear scales, "nice" tick values and number
 * formatting. No dependencies; the numbers drawn come from @anneal/core.
 */

/** A linear map from a data interval onto a pixel interval. */
export interface LinearScale {
  (value: number): number;
  invert(pixel: number): number;
  readonly domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as LinearScale;
  scale.invert = (p: number) => d0 + ((p - r0) / (r1 - r0)) * span;
  Object.defineProperty(scale, 'domain', { value: [d0, d1] as const });
  return scale;
}

/** The tick spacing 1, 2 or 5 × 10^k that gives about `count` ticks over [min, max]. */
export function tickStep(min: number, max: number, count: number): number {
  const raw = Math.abs(max - min) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const nice = ratio >= 5 ? 10 : ratio >= 2 ? 5 : ratio >= 1 ? 2 : 1;
  return nice * power;
}

/** Tick values (multiples of a nice step) inside [min, max]. */
export function ticks(min: number, max: number, count: number): number[] {
  const step = tickStep(min, max, count);
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** A padded domain containing every finite value; starts at 0 when asked and all values are >= 0. */
export function valueDomain(values: readonly number[], fromZero: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (fromZero && lo >= 0) lo = 0;
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.06;
  return [fromZero && lo === 0 ? 0 : lo - pad, hi + pad];
}

/** A tick label: as few digits as the tick spacing needs, exponent notation for tiny or huge values. */
export function formatTick(value: number, step: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs < 1e-3 || abs >= 1e6) {
    const digits = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step / abs) + 1e-9)));
    return value.toExponential(digits).replace(/\.?0+e/, 'e');
  }
  const decimals = Math.max(0, Math.min(12, Math.ceil(-Math.log10(step) - 1e-9)));
  return value.toFixed(decimals);
}

/** The exact value of a double, as JavaScript prints it (the shortest string that reads back the same). */
export function formatExact(value: number): string {
  return String(value);
}

/** A domain for a logarithmic axis: the positive values, padded by a twentieth of a decade each side. */
export function logDomain(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0.1, 1];
  if (hi === lo) return [lo / 2, hi * 2];
  const pad = 10 ** ((Math.log10(hi) - Math.log10(lo)) * 0.05);
  return [lo / pad, hi * pad];
}

/** Ticks of a logarithmic axis: the powers of ten inside [min, max], with 2 and 5 times them when there are few. */
export function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const multiples = last - first <= 2 ? [1, 2, 5] : [1];
  for (let e = first; e <= last; e++) {
    for (const m of multiples) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v >= min && v <= max) out.push(v);
    }
  }
  return out;
}
