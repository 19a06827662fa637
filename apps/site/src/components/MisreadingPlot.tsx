/**
 * <MisreadingPlot>: cosine annealing (core's `cosine`) against the misreading "the rate is multiplied
 * by a cosine", drawn with core's `lambda` schedule: η_max·cos(π·t/T_max) and η_max·cos(t).
 */
import React, { useMemo, type ReactNode } from 'react';
import { cosine, lambda } from '@anneal/core';
import Plot from './plot/Plot';

export interface MisreadingPlotProps {
  tMax: number;
  steps: number;
  baseLr?: number;
  caption?: ReactNode;
}

/** The three curves, as core schedules: the formula, and the two misreadings. */
export function misreadingSchedules(tMax: number) {
  return [
    { label: 'cosine annealing: η_min + ½(η_max − η_min)(1 + cos(π·t/T_max))', schedule: cosine({ tMax }) },
    { label: 'misreading: η_max · cos(π·t/T_max)', schedule: lambda((t) => Math.cos((Math.PI * t) / tMax)) },
    { label: 'misreading: η_max · cos(t)', schedule: lambda((t) => Math.cos(t)) },
  ];
}

export default function MisreadingPlot(props: MisreadingPlotProps): ReactNode {
  const { tMax, steps, baseLr = 0.1 } = props;
  const curves = useMemo(() => misreadingSchedules(tMax), [tMax]);
  const series = useMemo(() => {
    const n = 800;
    const xs = Float64Array.from({ length: n + 1 }, (_, i) => (i * steps) / n);
    return curves.map((c, i) => ({ label: c.label, xs, ys: Float64Array.from(xs, (t) => c.schedule.lr(t, baseLr)), dashed: i > 0 }));
  }, [curves, steps, baseLr]);
  return (
    <Plot
      title={`Cosine annealing against reading it as a multiplication by a cosine, T_max = ${tMax}`}
      testId="misreading-plot"
      xLabel="step"
      yFromZero={false}
      series={series}
      xDomain={[0, steps]}
      guides={[{ x: tMax, label: 'T_max' }]}
      exactAt={(t) => curves.map((c) => c.schedule.lr(t, baseLr))}
      caption={props.caption}
      data={{ config: JSON.stringify({ tMax, steps, baseLr }) }}
    />
  );
}
