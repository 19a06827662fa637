/**
 * Where step `t` falls in a sequence of restart cycles of lengths `t0 · tMult^i`: the cycle index,
 * the position inside it (`tCur`) and its length (`tI`), in O(1) and exactly.
 *
 * Derivation: cycle `i` starts at `S(i) = t0·(tMult^i − 1)/(tMult − 1)`. Solving `S(i) <= t` for `i` gives
 * `i = floor(log_tMult(t/t0·(tMult − 1) + 1))`. The floating-point logarithm can land one off at an exact
 * restart (PyTorch 1.13 does at `t = 1210` with `t0 = 10, tMult = 3`), so the estimate is then corrected
 * against the exact integer starts `S(i)` and `S(i + 1)`.
 */
export interface RestartPosition {
  /** Zero-based index of the cycle `t` falls in. */
  cycle: number;
  /** Steps since the start of that cycle, in [0, tI). */
  tCur: number;
  /** Length of that cycle: `t0 · tMult^cycle`. */
  tI: number;
}

function cycleStart(i: number, t0: number, tMult: number): number {
  const start = (t0 * (tMult ** i - 1)) / (tMult - 1);
  // Past the float range of tMult^i (only when t / t0 is beyond ~1e300): in logarithms, not Infinity.
  return Number.isFinite(start) ? start : Math.exp(Math.log(t0) + i * Math.log(tMult) - Math.log(tMult - 1));
}

function cycleLength(i: number, t0: number, tMult: number): number {
  const length = t0 * tMult ** i;
  return Number.isFinite(length) ? length : Math.exp(Math.log(t0) + i * Math.log(tMult));
}

/** Locates step `t >= 0` among restart cycles of length `t0 · tMult^i` (`tMult >= 1`). */
export function restartPosition(t: number, t0: number, tMult: number): RestartPosition {
  if (tMult === 1) {
    const tCur = t % t0;
    return { cycle: Math.floor(t / t0), tCur, tI: t0 };
  }
  if (t < t0) return { cycle: 0, tCur: t, tI: t0 };
  const x = (t / t0) * (tMult - 1) + 1;
  // In log space when t / t0 overflows (a tiny t0 and a huge t).
  const logX = Number.isFinite(x) ? Math.log(x) : Math.log(t) - Math.log(t0) + Math.log(tMult - 1);
  let i = Math.floor(logX / Math.log(tMult));
  // The estimate is at most one off; each correction runs at most once or twice (bounded regardless).
  for (let k = 0; k < 4 && i > 0 && cycleStart(i, t0, tMult) > t; k++) i--;
  for (let k = 0; k < 4 && cycleStart(i + 1, t0, tMult) <= t; k++) i++;
  return { cycle: i, tCur: t - cycleStart(i, t0, tMult), tI: cycleLength(i, t0, tMult) };
}
