/**
 * The three schedules the demo compares, in the CLI's short form (so `anneal plot` draws the same curves).
 *
 * @packageDocumentation
 */

/** One training run of the demo. */
export interface DemoRun {
  /** Short name for progress lines and legends. */
  readonly name: string;
  /** The schedule in the short form, stepped once per epoch. */
  readonly spec: string;
}

/**
 * A constant rate, cosine annealing over the whole run, and SGDR (cycles doubling in length) after a short
 * linear warmup, all sized for `epochs`: with 30 epochs, a 2-epoch warmup then cycles of 4, 8 and 16 epochs.
 */
export function demoRuns(epochs: number): DemoRun[] {
  const warmup = Math.max(1, Math.round(epochs / 15));
  const t0 = Math.max(1, Math.floor((epochs - warmup) / 7));
  return [
    { name: 'constant', spec: 'constant' },
    { name: 'cosine', spec: `cosine:tMax=${epochs}` },
    { name: 'sgdr+warmup', spec: `sgdr:t0=${t0},tMult=2,warmupSteps=${warmup},warmupStartFactor=0.1` },
  ];
}
