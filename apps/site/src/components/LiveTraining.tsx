/**
 * <LiveTraining>: trains the experiment of src/lib/training.ts in the reader's browser, once per schedule
 * and seed, and plots held-out accuracy, training loss and the rate per epoch as the runs progress.
 * TensorFlow.js is loaded only when the reader presses "Train" (a separate chunk), on its CPU backend.
 *
 * For the browser tests the figure carries every run's numbers (`data-results`) and its state.
 */
import React, { useRef, useState, type ReactNode } from 'react';

import Plot, { type PlotSeries } from './plot/Plot';
import { CANDIDATES, EXPERIMENT, type RunResult } from '../lib/training';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Per schedule, the mean over seeds of `pick` at each epoch (only epochs every seed has reached). */
function meanSeries(runs: RunResult[], pick: (r: RunResult) => number[]): PlotSeries[] {
  return CANDIDATES.map((c, i) => {
    const mine = runs.filter((r) => r.schedule === c.name);
    const epochs = mine.length === 0 ? 0 : Math.min(...mine.map((r) => pick(r).length));
    const xs = Float64Array.from({ length: epochs }, (_, e) => e + 1);
    const ys = Float64Array.from({ length: epochs }, (_, e) => mean(mine.map((r) => pick(r)[e]!)));
    return { label: c.name, xs, ys, colour: i };
  });
}

function Figure({ title, runs, pick, yLabel, testId }: { title: string; runs: RunResult[]; pick: (r: RunResult) => number[]; yLabel: string; testId: string }) {
  const series = meanSeries(runs, pick);
  if (series.every((s) => s.xs.length === 0)) return null;
  return (
    <Plot
      title={title}
      testId={testId}
      series={series}
      xDomain={[0, EXPERIMENT.epochs]}
      xLabel="epoch"
      yLabel={yLabel}
      yFromZero={false}
      height={240}
      exactAt={(t) => series.map((s) => { const i = Array.from(s.xs).indexOf(t); return i < 0 ? null : s.ys[i]!; })}
    />
  );
}

export default function LiveTraining(): ReactNode {
  const [runs, setRuns] = useState<RunResult[]>([]);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [seeds, setSeeds] = useState(3);
  const [elapsed, setElapsed] = useState(0);
  const [message, setMessage] = useState('');
  const busy = useRef(false);

  const run = async () => {
    if (busy.current) return;
    busy.current = true;
    setState('running');
    setRuns([]);
    setMessage('');
    const started = performance.now();
    try {
      const tf = await import('@tensorflow/tfjs-core');
      await import('@tensorflow/tfjs-backend-cpu');
      await import('@tensorflow/tfjs-core/dist/register_all_gradients');
      await tf.setBackend('cpu');
      await tf.ready();
      const { train } = await import('../lib/training');
      const done: RunResult[] = [];
      for (let seed = 0; seed < seeds; seed++) {
        for (const c of CANDIDATES) {
          const result = await train(tf, c.name, c.make(), seed, EXPERIMENT, (partial) => setRuns([...done, partial]));
          done.push(result);
          setRuns([...done]);
          setElapsed(performance.now() - started);
        }
      }
      setElapsed(performance.now() - started);
      setState('done');
    } catch (error) {
      setMessage((error as Error).message);
      setState('failed');
    } finally {
      busy.current = false;
    }
  };

  const finished = runs.filter((r) => r.testAccuracy.length === EXPERIMENT.epochs);
  return (
    <div data-testid="live-training" data-state={state} data-seeds={seeds} data-results={JSON.stringify(finished)} data-elapsed={Math.round(elapsed)}>
      <div className="margin-bottom--md" style={{ display: 'flex', gap: '1rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="button" className="button button--primary" data-testid="train" disabled={state === 'running'} onClick={() => void run()}>
          {state === 'running' ? 'Training…' : `Train ${CANDIDATES.length} schedules × ${seeds} seed${seeds > 1 ? 's' : ''}`}
        </button>
        <label>
          seeds{' '}
          <select data-testid="seeds" value={seeds} disabled={state === 'running'} onChange={(e) => setSeeds(Number(e.target.value))}>
            {[1, 3, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span data-testid="training-status">
          {state === 'idle' && 'Nothing is trained until you press the button.'}
          {state === 'running' && `${runs.filter((r) => r.testAccuracy.length === EXPERIMENT.epochs).length} of ${CANDIDATES.length * seeds} runs done, ${(elapsed / 1000).toFixed(1)} s`}
          {state === 'done' && `${finished.length} runs in ${(elapsed / 1000).toFixed(1)} s`}
          {state === 'failed' && `failed: ${message}`}
        </span>
      </div>
      <Figure title="Held-out accuracy per epoch (mean over seeds)" runs={runs} pick={(r) => r.testAccuracy} yLabel="held-out accuracy" testId="training-accuracy" />
      <Figure title="Training loss per epoch (mean over seeds)" runs={runs} pick={(r) => r.trainLoss} yLabel="training loss" testId="training-loss" />
      <Figure title="Learning rate in the last batch of each epoch" runs={runs} pick={(r) => r.lr} yLabel="learning rate" testId="training-lr" />
      {state === 'done' && (
        <table data-testid="training-summary">
          <thead>
            <tr>
              <th>schedule</th>
              <th>final held-out accuracy</th>
              <th>best epoch (accuracy)</th>
              <th>final training loss</th>
            </tr>
          </thead>
          <tbody>
            {CANDIDATES.map((c) => {
              const mine = finished.filter((r) => r.schedule === c.name);
              const acc = mine.map((r) => r.testAccuracy.at(-1)!);
              const curve = meanSeries(finished, (r) => r.testAccuracy)[CANDIDATES.indexOf(c)]!;
              let best = 0;
              for (let e = 1; e < curve.ys.length; e++) if (curve.ys[e]! > curve.ys[best]!) best = e;
              return (
                <tr key={c.name}>
                  <td>{c.name}</td>
                  <td>
                    {(100 * mean(acc)).toFixed(1)} % (seeds: {acc.map((a) => (100 * a).toFixed(1)).join(', ')})
                  </td>
                  <td>
                    {best + 1} ({(100 * curve.ys[best]!).toFixed(1)} %)
                  </td>
                  <td>{mean(mine.map((r) => r.trainLoss.at(-1)!)).toFixed(4)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
