/**
 * <RecursiveVsClosedPlot>: what happens to PyTorch's recursive cosine update when something else
 * changes the rate. Drives @anneal/core's `CosineAnnealingLR` (PyTorch's recursive `step()`) on a
 * plain `{ paramGroups }` object, multiplies the group's rate by `factor` right after step `changeAt`
 * (as user code halving the rate would), and plots it against the closed form `cosine({ tMax })`.
 */
import React, { useMemo, type ReactNode } from 'react';
import { cosine } from '@anneal/core';
import { CosineAnnealingLR } from '@anneal/core/schedulers';
import Plot from './plot/Plot';

export interface RecursiveVsClosedPlotProps {
  tMax: number;
  steps: number;
  changeAt: number;
  factor?: number;
  baseLr?: number;
  etaMin?: number;
  caption?: ReactNode;
}

/** Rates after construction and after each of `steps` calls to `step()`, with the external change applied. */
export function simulateRecursive(p: Required<Omit<RecursiveVsClosedPlotProps, 'caption'>>): number[] {
  const group = { lr: p.baseLr };
  const scheduler = new CosineAnnealingLR({ paramGroups: [group] }, { tMax: p.tMax, etaMin: p.etaMin });
  const rates = [group.lr];
  for (let epoch = 1; epoch <= p.steps; epoch++) {
    scheduler.step();
    if (epoch === p.changeAt) group.lr *= p.factor;
    rates.push(group.lr);
  }
  return rates;
}

export default function RecursiveVsClosedPlot(props: RecursiveVsClosedPlotProps): ReactNode {
  const config = { tMax: props.tMax, steps: props.steps, changeAt: props.changeAt, factor: props.factor ?? 0.5, baseLr: props.baseLr ?? 0.1, etaMin: props.etaMin ?? 0 };
  const { recursive, closed, xs } = useMemo(() => {
    const schedule = cosine({ tMax: config.tMax, etaMin: config.etaMin });
    const xs = Float64Array.from({ length: config.steps + 1 }, (_, i) => i);
    return {
      xs,
      recursive: simulateRecursive(config),
      closed: Array.from(xs, (t) => schedule.lr(t, config.baseLr)),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(config)]);
  const factorText = config.factor === 0.5 ? 'halved' : `multiplied by ${config.factor}`;
  return (
    <Plot
      title={`CosineAnnealingLR's recursive step() vs the closed form, T_max = ${config.tMax}, rate ${factorText} at epoch ${config.changeAt}`}
      testId="recursive-plot"
      xLabel="epoch"
      series={[
        { label: 'closed form (cosine)', xs, ys: closed, dashed: true },
        { label: `recursive step(), rate ${factorText} at epoch ${config.changeAt}`, xs, ys: recursive },
      ]}
      xDomain={[0, config.steps]}
      guides={[{ x: config.changeAt, label: `×${config.factor}` }]}
      exactAt={(t) => [closed[t] ?? null, recursive[t] ?? null]}
      caption={props.caption}
      data={{ config: JSON.stringify(config), closed: JSON.stringify(closed), recursive: JSON.stringify(recursive) }}
    />
  );
}
