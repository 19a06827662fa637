import { createSchedule, type Schedule } from '../schedule.js';
import { bool, finite, knownKeys, positive } from '../internal/validate.js';
import { pyMod } from '../internal/python.js';

/** Options of {@link cosine}. */
export interface CosineOptions {
  /** Half period of the cosine, in steps: the rate reaches `etaMin` at `tMax`. Required, > 0. */
  tMax: number;
  /** The floor η_min. Default `0`. */
  etaMin?: number;
  /**
   * Stay at `etaMin` once `t >= tMax` instead of following the cosine back up.
   * Default `false`, which is PyTorch's `CosineAnnealingLR` (periodic with period `2·tMax`).
   * Set it when `tMax` is the length of the whole run and you want a single decay.
   */
  clamp?: boolean;
}

/** JSON form of {@link cosine}. */
export interface CosineSpec extends Required<CosineOptions> {
  type: 'cosine';
}

/**
 * The closed form η_min + (η_max − η_min)·(1 + cos(π·tCur/tMax))/2, with PyTorch's operation order.
 * The single place this formula lives: cosine, SGDR, and their stateful schedulers call it.
 */
export function cosineAnnealingValue(tCur: number, tMax: number, etaMax: number, etaMin: number): number {
  return etaMin + ((etaMax - etaMin) * (1 + Math.cos((Math.PI * tCur) / tMax))) / 2;
}

/**
 * One step of the recursive ("chainable") form PyTorch's `CosineAnnealingLR.get_lr` uses, from the
 * current rate `lr` at step `lastEpoch - 1` to step `lastEpoch`. It equals the closed form only while
 * nothing else changes the rate between steps; PyTorch's own arithmetic, so values agree to the last bit.
 */
export function cosineAnnealingRecursiveValue(lastEpoch: number, lr: number, baseLr: number, tMax: number, etaMin: number): number {
  if (lastEpoch === 0) return lr;
  if (pyMod(lastEpoch - 1 - tMax, 2 * tMax) === 0) {
    return lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2;
  }
  return (
    ((1 + Math.cos((Math.PI * lastEpoch) / tMax)) / (1 + Math.cos((Math.PI * (lastEpoch - 1)) / tMax))) * (lr - etaMin) +
    etaMin
  );
}

/**
 * Cosine annealing (PyTorch `CosineAnnealingLR`, closed form):
 * `lr(t) = etaMin + (baseLr − etaMin)·(1 + cos(π·t/tMax))/2`.
 *
 * - Endpoints: `lr(0) = baseLr`, `lr(tMax) = etaMin`; without `clamp` it climbs back to `baseLr` at `2·tMax`
 *   (PyTorch's behaviour past `tMax`); with `clamp` it stays at `etaMin`.
 * - Bounds: between `etaMin` and `baseLr`.
 */
export function cosine(options: CosineOptions): Schedule {
  knownKeys('', options, ['type', 'tMax', 'etaMin', 'clamp']);
  const tMax = positive('tMax', options.tMax);
  const etaMin = finite('etaMin', options.etaMin ?? 0);
  const clamp = bool('clamp', options.clamp ?? false);
  return createSchedule({
    type: 'cosine',
    spec: { type: 'cosine', tMax, etaMin, clamp },
    lr: clamp
      ? (t, baseLr) => (t >= tMax ? etaMin : cosineAnnealingValue(t, tMax, baseLr, etaMin))
      : (t, baseLr) => cosineAnnealingValue(t, tMax, baseLr, etaMin),
  });
}
