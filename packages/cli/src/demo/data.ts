/**
 * The demo's data set, made on the spot: interleaved spirals (one arm per class) with Gaussian noise,
 * from a seeded PRNG, so every run of the demo trains on the same points.
 *
 * @packageDocumentation
 */

/** A seeded PRNG (mulberry32): uniform numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal sample (Box–Muller) from a uniform source. */
function gaussian(random: () => number): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A classification data set: `features` holds `size` rows of 2 numbers, `labels` the class of each row. */
export interface SpiralData {
  /** Row-major `size × 2` coordinates. */
  readonly features: Float32Array;
  /** Class index of each row, in `[0, classes)`. */
  readonly labels: Int32Array;
  /** Number of rows. */
  readonly size: number;
  /** Number of classes (spiral arms). */
  readonly classes: number;
}

/** Options of {@link spirals}. */
export interface SpiralOptions {
  /** Points per arm. */
  samplesPerClass: number;
  /** Number of arms. Default `3`. */
  classes?: number;
  /** Standard deviation of the angle noise, in radians. Default `0.25`. */
  noise?: number;
  /** PRNG seed. */
  seed: number;
}

/**
 * Interleaved spirals: arm `c` at radius `r ∈ [0, 1)` sits at angle `2πc/classes + 3.5·r` plus noise.
 * Rows alternate between classes (0, 1, 2, 0, 1, 2, ...), so batches are balanced without shuffling.
 */
export function spirals(options: SpiralOptions): SpiralData {
  const classes = options.classes ?? 3;
  const noise = options.noise ?? 0.25;
  const random = seededRandom(options.seed);
  const size = options.samplesPerClass * classes;
  const features = new Float32Array(size * 2);
  const labels = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const c = i % classes;
    const r = random();
    const angle = (2 * Math.PI * c) / classes + 3.5 * r + noise * gaussian(random);
    features[2 * i] = r * Math.sin(angle);
    features[2 * i + 1] = r * Math.cos(angle);
    labels[i] = c;
  }
  return { features, labels, size, classes };
}
