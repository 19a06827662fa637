// Python's arithmetic where it differs from JavaScript's, for PyTorch-exact results.

/** Python's `a % b` for floats: the result takes the sign of `b` (JavaScript's takes the sign of `a`). */
export function pyMod(a: number, b: number): number {
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m;
}

/** Python's `bisect.bisect_right(sorted, x)`: how many entries of `sorted` are <= x. */
export function bisectRight(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < (sorted[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Python's `bisect.bisect_left(sorted, x)`: how many entries of `sorted` are < x. */
export function bisectLeft(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
