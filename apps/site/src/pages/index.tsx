import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import SchedulePlot from '../components/SchedulePlot';
import styles from './index.module.css';

const FEATURES = [
  {
    title: 'Pure schedules',
    body: 'Every schedule is a closed-form function of the (possibly fractional) step: O(1), no hidden state, plain JSON in and out.',
  },
  {
    title: 'PyTorch, to the last bit',
    body: "Stateful schedulers with PyTorch's semantics (step(), step(epoch), state dicts, param groups, ReduceLROnPlateau), checked against traces recorded from real PyTorch 2.13.0 and 1.13.1; the pytorch option picks 2 (the default) or 1.13 where they differ.",
  },
  {
    title: 'Configs port by copy',
    body: 'A PyTorch scheduler written as { "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } } is valid input, nested SequentialLR included.',
  },
];

export default function Home(): ReactNode {
  return (
    <Layout title="Learning-rate schedules for JavaScript" description="anneal: PyTorch's learning-rate schedulers for JavaScript and TypeScript, numerically identical.">
      <header className={`hero hero--anneal ${styles.hero}`}>
        <div className="container">
          <h1 className="hero__title">anneal</h1>
          <p className="hero__subtitle">
            Learning-rate schedules for JavaScript and TypeScript, numerically identical to PyTorch&apos;s
            <code> torch.optim.lr_scheduler</code>.
          </p>
          <div className={styles.buttons}>
            <Link className="button button--primary button--lg" to="/docs/getting-started">
              Get started
            </Link>
            <Link className="button button--secondary button--lg" to="/docs/schedules/cosine-annealing">
              Cosine annealing, explained
            </Link>
            <Link className="button button--secondary button--lg" to="/playground">
              Playground
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <SchedulePlot
          schedules={[
            { spec: { type: 'cosine', tMax: 150 }, label: 'cosine({ tMax: 150 })' },
            { spec: { scheduler: 'CosineAnnealingWarmRestarts', kwargs: { T_0: 10, T_mult: 2 } }, label: 'CosineAnnealingWarmRestarts(T_0=10, T_mult=2)' },
            { spec: { type: 'oneCycle', totalSteps: 150, maxLr: 0.1 }, label: 'oneCycle({ totalSteps: 150 })' },
          ]}
          steps={150}
          xLabel="epoch"
          title="Three schedules computed by @anneal/core in this page"
          caption="Computed in your browser by @anneal/core: point at the plot for exact values."
        />
        <div className="row">
          {FEATURES.map((f) => (
            <div key={f.title} className="col col--4 margin-bottom--lg">
              <h3>{f.title}</h3>
              <p>{f.body}</p>
            </div>
          ))}
        </div>
        <pre className={styles.snippet}>
          <code>{`import { sgdr, warmup } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';

const schedule = warmup({ steps: 5 }, sgdr({ t0: 10, tMult: 2 }));
schedule.lr(12.5, 0.1); // the rate at (fractional) step 12.5 for a base rate of 0.1

scheduleFromJSON({ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 20 } });`}</code>
        </pre>
      </main>
    </Layout>
  );
}
