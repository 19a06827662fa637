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

/** Largest cycle index whose start and length are kept in a table (see {@link cycleTable}). */
const MAX_TABLED_CYCLE = 2048;
/**
 * Entries computed when a table is made (cycles 0–31: with `tMult = 2`, steps up to `t0 · 2^32`), so that a
 * run's steady state never grows its table, and V8 does not compile the growth into the caller's loop
 * (docs/benchmarks.md). About 4 µs per table.
 */
const PREFILLED_CYCLES = 32;

/**
 * `f(i)`, each entry computed once and then looked up, for `0 <= i <= MAX_TABLED_CYCLE` (other `i`:
 * computed each time). The first {@link PREFILLED_CYCLES} entries are computed at once, the others on
 * demand. Only a cache: the values are exactly `f`'s, computed without a power per lookup (locating a
 * step needs four cycle starts or lengths; docs/benchmarks.md).
 * For an integer `tMult >= 2`, `tMult ** 1100` is already Infinity, so real cycle indices stay far
 * below the bound.
 */
function cycleTable(f: (i: number) => number): (i: number) => number {
  const table: number[] = [];
  const miss = (i: number): number => {
    if (!(i >= 0 && i <= MAX_TABLED_CYCLE)) return f(i);
    for (let k = table.length; k <= i; k++) table.push(f(k));
    return table[i]!;
  };
  miss(PREFILLED_CYCLES - 1);
  // An explicit bounds test rather than `table[i] ?? miss(i)`: measurably faster (docs/benchmarks.md).
  // Callers pass i >= 0, or NaN, which misses.
  return (i) => (i < table.length ? table[i]! : miss(i));
}

/** Restart cycles of lengths `t0 · tMult^i` with what depends only on `t0` and `tMult` computed once. */
export interface RestartCycles {
  /** The index of the cycle step `t >= 0` falls in (`cycle` of {@link restartPosition}). */
  readonly cycleOf: (t: number) => number;
  /** Steps since the start of cycle `i`, the cycle of step `t` (`tCur` of {@link restartPosition}). */
  readonly since: (t: number, i: number) => number;
  /** The length of cycle `i`, `t0 · tMult^i` (`tI`). */
  readonly length: (i: number) => number;
}

/**
 * The cycles {@link restartPosition} locates steps in, for fixed `t0` and `tMult`: the logarithm of
 * `tMult` and the start and length of each cycle are computed once, so locating a step costs a
 * logarithm and a few exact comparisons, and allocates nothing. Same results as
 * {@link restartPosition}, bit for bit.
 * @param t0 - Length of the first cycle, > 0.
 * @param tMult - Growth factor of the cycle length, an integer >= 1.
 */
export function restartCycles(t0: number, tMult: number): RestartCycles {
  return cycles(t0, tMult, cycleTable);
}

/**
 * How close below a restart a step counts as the restart, relative to the restart step: 1024 ulps, and
 * never more than 2^-20 (about 1e-6) of a step. Epochs accumulated in floating point (`epoch += 1 / 3` per
 * batch) land some ulps below the restart they stand for (6.999999999999997 for 7; tens of ulps after a
 * thousand additions); steps that close are the restart, never the end of the previous cycle. Real steps
 * are farther apart than the window (1.6e-12 wide at 7, 2.3e-10 at 1000, 2^-20 from about 4e9 on), so no
 * step that means something else is moved.
 */
export const RESTART_SNAP = 2.2737367544323206e-13; // 1024 · Number.EPSILON = 2^-42, a literal so that bundlers can drop it

/** Whether `t` is a restart at step `start`, or within the {@link RESTART_SNAP} window below it. */
function reaches(t: number, start: number): boolean {
  const gap = start - t;
  return gap <= 2 ** -20 && gap <= RESTART_SNAP * start; // the first test decides for every integer step
}

/** {@link restartCycles}, with each cycle's start and length memoized by `memo` (or not: the identity). */
function cycles(t0: number, tMult: number, memo: (f: (i: number) => number) => (i: number) => number): RestartCycles {
  if (tMult === 1) {
    return {
      cycleOf: (t) => {
        const i = Math.floor(t / t0);
        return reaches(t, (i + 1) * t0) ? i + 1 : i;
      },
      // 0 for a step moved onto the restart after it (then i·t0 > t)
      since: (t, i) => (i * t0 > t ? 0 : t % t0),
      length: () => t0,
    };
  }
  const logTMult = Math.log(tMult);
  /** The first step of cycle `i`, `t0·(tMult^i − 1)/(tMult − 1)`. */
  const start = memo((i) => {
    const s = (t0 * (tMult ** i - 1)) / (tMult - 1);
    // Past the float range of tMult^i (only when t / t0 is beyond ~1e300): in logarithms, not Infinity.
    return Number.isFinite(s) ? s : Math.exp(Math.log(t0) + i * logTMult - Math.log(tMult - 1));
  });
  const length = memo((i) => {
    const l = t0 * tMult ** i;
    return Number.isFinite(l) ? l : Math.exp(Math.log(t0) + i * logTMult);
  });
  /** The estimate of `cycleOf` in log space, where `t / t0` overflows (a tiny `t0` and a huge `t`). */
  const hugeEstimate = (t: number): number => (Math.log(t) - Math.log(t0) + Math.log(tMult - 1)) / logTMult;
  const cycleOf = (t: number): number => {
    if (t < t0) return reaches(t, t0) ? 1 : 0;
    const x = (t / t0) * (tMult - 1) + 1;
    // For tMult = 2, log2 saves a division; the estimate may then differ in the last bit, which the exact
    // corrections below absorb.
    let i = Math.floor(!Number.isFinite(x) ? hugeEstimate(t) : tMult === 2 ? Math.log2(x) : Math.log(x) / logTMult);
    // The estimate is at most one off; each correction runs at most once or twice (bounded regardless).
    for (let k = 0; k < 4 && i > 0 && start(i) > t; k++) i--;
    let next = start(i + 1);
    for (let k = 0; k < 4 && next <= t; k++) next = start(++i + 1);
    return reaches(t, next) ? i + 1 : i;
  };
  // Before t0, `t` itself (also when `t` is -0, which `t - start(0)` would turn into 0); 0 for a step moved
  // onto the restart after it.
  return { cycleOf, since: (t, i) => (i === 0 ? t : Math.max(0, t - start(i))), length };
}

/** Locates step `t >= 0` among restart cycles of length `t0 · tMult^i` (`t0 > 0`, integer `tMult >= 1`). */
export function restartPosition(t: number, t0: number, tMult: number): RestartPosition {
  const { cycleOf, since, length } = cycles(t0, tMult, (f) => f); // one step: nothing worth keeping
  const cycle = cycleOf(t);
  return { cycle, tCur: since(t, cycle), tI: length(cycle) };
}
