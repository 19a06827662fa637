/**
 * <PlateauPlot>: ReduceLROnPlateau on a simulated validation loss. The loss is a deterministic
 * made-up curve (a decaying exponential that levels off, plus a fixed pseudo-random wiggle); each
 * epoch it is fed to @anneal/core's `ReduceLROnPlateau.step(metric)` on a plain `{ paramGroups }`
 * object, and the plot shows the loss and the rate the scheduler set.
 */
import React, { useMemo, type ReactNode } from 'react';
import { LinearLR, ReduceLROnPlateau, SequentialLR, type ReduceLROnPlateauOptions } from '@anneal/core/schedulers';
import Plot from './plot/Plot';

export interface PlateauPlotProps {
  epochs?: number;
  baseLr?: number;
  options?: ReduceLROnPlateauOptions;
  /** Seed of the wiggle. */
  seed?: number;
  caption?: ReactNode;
  /** Epochs of linear warmup (from a tenth of the rate) before the plateau phase, through `SequentialLR`. Default 0: no warmup. */
  warmup?: number;
}

/** A made-up validation loss: fast progress, then a noisy plateau. It does not react to the rate. */
export function simulatedLoss(epochs: number, seed: number): number[] {
  let state = seed >>> 0;
  const noise = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const loss: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const base = 0.3 + 1.5 * Math.exp(-e / 8);
    loss.push(Number((base + 0.03 * noise()).toFixed(6)));
  }
  return loss;
}

export default function PlateauPlot(props: PlateauPlotProps): ReactNode {
  const epochs = props.epochs ?? 80;
  const baseLr = props.baseLr ?? 0.1;
  const seed = props.seed ?? 7;
  const options = props.options ?? { factor: 0.5, patience: 5 };
  const { metrics, lrs, xs } = useMemo(() => {
    const metrics = simulatedLoss(epochs, seed);
    const group = { lr: baseLr };
    const optimizer = { paramGroups: [group] };
    const warmup = props.warmup ?? 0;
    const scheduler =
      warmup > 0
        ? new SequentialLR(optimizer, {
            schedulers: [new LinearLR(optimizer, { startFactor: 0.1, totalIters: warmup }), new ReduceLROnPlateau(optimizer, options)],
            milestones: [warmup],
          })
        : new ReduceLROnPlateau(optimizer, options);
    // lrs[e] is the rate used during epoch e; the scheduler sees epoch e's loss at its end.
    const lrs = [group.lr];
    for (const m of metrics) {
      scheduler.step(m);
      lrs.push(group.lr);
    }
    return { metrics, lrs: lrs.slice(0, epochs), xs: Float64Array.from({ length: epochs }, (_, i) => i) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [epochs, baseLr, seed, props.warmup, JSON.stringify(options)]);
  const data = { config: JSON.stringify({ epochs, baseLr, options, ...(props.warmup ? { warmup: props.warmup } : {}) }), metrics: JSON.stringify(metrics), lrs: JSON.stringify(lrs) };
  return (
    <div>
      <Plot
        title="Simulated validation loss per epoch"
        testId="plateau-metric-plot"
        xLabel="epoch"
        yLabel="validation loss"
        yFromZero={false}
        height={220}
        series={[{ label: 'validation loss (simulated)', xs, ys: metrics }]}
        xDomain={[0, epochs - 1]}
        exactAt={(t) => [metrics[t] ?? null]}
        data={data}
      />
      <Plot
        title={`ReduceLROnPlateau rate per epoch, factor ${options.factor ?? 0.1}, patience ${options.patience ?? 10}`}
        testId="plateau-lr-plot"
        xLabel="epoch"
        height={240}
        series={[{ label: 'rate set by ReduceLROnPlateau', xs, ys: lrs, stepped: true }]}
        xDomain={[0, epochs - 1]}
        exactAt={(t) => [lrs[t] ?? null]}
        caption={props.caption}
        data={data}
      />
    </div>
  );
}
