// Linear-regression data and the gradient in plain JavaScript (float64), to check what the ONNX graph did.

/** A seeded uniform generator on [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples (Box–Muller) from a uniform generator. */
function normal(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export interface Dataset {
  /** Row-major [n, d]. */
  X: Float32Array;
  y: Float32Array;
  n: number;
  d: number;
}

/** y = X·wTrue + noise·N(0, 1), X ~ N(0, 1), all rounded to float32. */
export function makeDataset(options: { n: number; wTrue: readonly number[]; noise: number; seed: number }): Dataset {
  const { n, wTrue, noise, seed } = options;
  const d = wTrue.length;
  const rand = seeded(seed);
  const X = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < d; j++) {
      X[i * d + j] = normal(rand);
      dot += X[i * d + j]! * wTrue[j]!;
    }
    y[i] = dot + noise * normal(rand);
  }
  return { X, y, n, d };
}

/** Mini-batch `k` of `size` rows, cycling through the data in order. */
export function miniBatch(data: Dataset, k: number, size: number): { X: Float32Array; y: Float32Array } {
  const start = (k * size) % data.n;
  return { X: data.X.slice(start * data.d, (start + size) * data.d), y: data.y.slice(start, start + size) };
}

/** G = (2/b)·Xᵀ(X·W − y), the gradient of mean((X·W − y)²) at W, in float64. */
export function gradient(X: Float32Array, y: Float32Array, W: ArrayLike<number>): Float64Array {
  const b = y.length;
  const d = W.length;
  const G = new Float64Array(d);
  for (let i = 0; i < b; i++) {
    let err = -y[i]!;
    for (let j = 0; j < d; j++) err += X[i * d + j]! * W[j]!;
    for (let j = 0; j < d; j++) G[j]! += (2 / b) * err * X[i * d + j]!;
  }
  return G;
}

/** Half a unit in the last place of `x` as a float32 (the rounding error of storing x in float32). */
export function halfUlp32(x: number): number {
  const a = Math.abs(Math.fround(x));
  if (a === 0) return 2 ** -150;
  return 2 ** (Math.floor(Math.log2(a)) - 24);
}

/**
 * Largest |ΔW + lr·G| over the weights, in units of its float32 tolerance (<= 1 passes), where
 * ΔW = wNew − wOld (exact in float64, both being float32) and G the float64 gradient at wOld. The
 * tolerance covers the rounding of W_new, of lr·G, and of the graph's short float32 sums.
 */
export function updateError(wOld: ArrayLike<number>, wNew: ArrayLike<number>, G: ArrayLike<number>, lr: number): number {
  let worst = 0;
  for (let j = 0; j < G.length; j++) {
    const delta = wNew[j]! - wOld[j]!;
    const expected = -lr * G[j]!;
    const tol = 2 * halfUlp32(wNew[j]!) + 4 * halfUlp32(expected) + 1e-6 * Math.abs(lr);
    worst = Math.max(worst, Math.abs(delta - expected) / tol);
  }
  return worst;
}
