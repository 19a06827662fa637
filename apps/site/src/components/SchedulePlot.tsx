/**
 * <SchedulePlot>: plots one or more schedules given as JSON (anneal's spelling or PyTorch's),
 * sampled in the page by @anneal/core (`scheduleFromJSON` + `sampleSchedule`). The cursor shows
 * `schedule.lr(t, baseLr)` computed at that exact step (on a staircase, at the last update before it: the
 * value drawn). Rendered during SSR, so the curve is in the HTML.
 *
 * `data-series` and `data-points` carry the specs and the values at a few steps, for the browser tests.
 */
import React, { useMemo, type ReactNode } from 'react';
import { sampleSchedule, type Schedule } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';
import Plot, { type PlotGuide, type PlotSeries } from './plot/Plot';
import { describeSpec } from '../lib/describe';

export interface PlotItem {
  /** The schedule as JSON: `{ "type": "cosine", "tMax": 20 }` or `{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`. */
  spec: unknown;
  label?: string;
  /** Base learning rate of this curve; default: the plot's. */
  baseLr?: number;
  /** Draw the rate as a training loop sets it: `perStep` updates per step, held in between. Omitted: the continuous closed form. */
  perStep?: number;
  dashed?: boolean;
  /** Palette index; default: the curve's position. */
  colour?: number;
}

export interface SchedulePlotProps {
  /** A single schedule (shorthand for `schedules={[{ spec, label }]}`). */
  spec?: unknown;
  label?: string;
  schedules?: PlotItem[];
  /** The x axis runs from 0 to `steps`. */
  steps: number;
  /** Base learning rate. Default 0.1. */
  baseLr?: number;
  /** Plot the learning rate (default) or the momentum of schedules that cycle it. */
  quantity?: 'lr' | 'momentum';
  /** Base momentum passed to `schedule.momentum`. Default 0.9. */
  baseMomentum?: number;
  /** Points of a continuous curve. Default 800. */
  samples?: number;
  /** Cursor granularity in steps. Default 1 (or the finest `perStep`). */
  snap?: number;
  /** Steps whose values go into `data-points` (besides 0, the quarters and the end). */
  marks?: number[];
  guides?: PlotGuide[];
  xLabel?: string;
  yLabel?: string;
  title?: string;
  caption?: ReactNode;
  height?: number;
  yFromZero?: boolean;
  yDomain?: [number, number];
  /** A logarithmic rate axis. */
  yLog?: boolean;
  testId?: string;
}

interface Prepared {
  label: string;
  spec: unknown;
  baseLr: number;
  perStep: number | undefined;
  schedule: Schedule;
}

/**
 * The step whose value a curve shows at `t`: `t` itself for a continuous curve; for a staircase
 * (`perStep` updates per step) the last update at or before `t`, the value a training loop holds.
 */
export function heldStep(t: number, perStep: number | undefined): number {
  if (perStep === undefined) return t;
  return Number((Math.floor(t * perStep + 1e-9) / perStep).toPrecision(12));
}

/** The value a plot shows for one curve at step `t` (the held value on a staircase). */
function valueAt(p: Prepared, step: number, quantity: 'lr' | 'momentum', baseMomentum: number): number | null {
  const t = heldStep(step, p.perStep);
  if (quantity === 'lr') return p.schedule.lr(t, p.baseLr);
  return p.schedule.momentum ? p.schedule.momentum(t, baseMomentum) : null;
}

export default function SchedulePlot(props: SchedulePlotProps): ReactNode {
  const { steps, baseLr = 0.1, quantity = 'lr', baseMomentum = 0.9, samples = 800, marks = [] } = props;
  const items: PlotItem[] = props.schedules ?? [{ spec: props.spec, ...(props.label === undefined ? {} : { label: props.label }) }];

  const prepared: Prepared[] = useMemo(
    () =>
      items.map((item) => ({
        label: item.label ?? describeSpec(item.spec),
        spec: item.spec,
        baseLr: item.baseLr ?? baseLr,
        perStep: item.perStep,
        schedule: scheduleFromJSON(item.spec),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(items), baseLr],
  );

  const series: PlotSeries[] = useMemo(
    () =>
      prepared.map((p, i) => {
        const dashed = items[i]?.dashed ?? false;
        const colour = items[i]?.colour ?? i;
        if (p.perStep !== undefined) {
          const n = Math.floor(steps * p.perStep);
          const xs = Float64Array.from({ length: n + 1 }, (_, k) => k / p.perStep!);
          const ys = quantity === 'lr'
            ? sampleSchedule(p.schedule, { points: n + 1, stepSize: 1 / p.perStep, baseLr: p.baseLr })
            : Float64Array.from(xs, (t) => valueAt(p, t, quantity, baseMomentum) ?? NaN);
          return { label: p.label, xs, ys, stepped: true, dashed, colour };
        }
        const xs = Float64Array.from({ length: samples + 1 }, (_, k) => (k * steps) / samples);
        const ys = quantity === 'lr'
          ? sampleSchedule(p.schedule, { points: samples + 1, stepSize: steps / samples, baseLr: p.baseLr })
          : Float64Array.from(xs, (t) => valueAt(p, t, quantity, baseMomentum) ?? NaN);
        return { label: p.label, xs, ys, dashed, colour };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [prepared, steps, samples, quantity, baseMomentum],
  );

  const finest = Math.max(1, ...prepared.map((p) => p.perStep ?? 1));
  const snap = props.snap ?? 1 / finest;
  // (Array.from, not spread: the site's Babel compiles spread of iterables in loose mode.)
  const pointSteps = Array.from(
    new Set([0, steps / 4, steps / 2, (3 * steps) / 4, steps, ...marks].map((t) => Number((Math.round(t / snap) * snap).toPrecision(12)))),
  ).sort((a, b) => a - b);
  const points = pointSteps.map((t) => ({ t, v: prepared.map((p) => valueAt(p, t, quantity, baseMomentum)) }));

  return (
    <Plot
      title={props.title ?? `${quantity === 'lr' ? 'Learning rate' : 'Momentum'} of ${prepared.map((p) => p.label).join(', ')} over ${steps} steps`}
      testId={props.testId ?? 'schedule-plot'}
      series={series}
      xDomain={[0, steps]}
      {...(props.yDomain ? { yDomain: props.yDomain } : {})}
      yFromZero={props.yFromZero ?? quantity === 'lr'}
      yLog={props.yLog ?? false}
      xLabel={props.xLabel ?? 'step'}
      yLabel={props.yLabel ?? (quantity === 'lr' ? 'learning rate' : 'momentum')}
      height={props.height ?? 300}
      snap={snap}
      guides={props.guides ?? []}
      caption={props.caption}
      exactAt={(t) => prepared.map((p) => valueAt(p, t, quantity, baseMomentum))}
      data={{
        series: JSON.stringify(prepared.map((p) => ({ label: p.label, spec: p.spec, baseLr: p.baseLr, perStep: p.perStep ?? null }))),
        quantity,
        'base-momentum': String(baseMomentum),
        points: JSON.stringify(points),
        samples: String(samples),
      }}
    />
  );
}
