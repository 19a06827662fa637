/** The reference's overview: every schedule kind and every scheduler class, from the descriptors. */
import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import * as schedulers from '@anneal/core/schedulers';
import { SCHEDULE_DESCRIPTORS } from '@anneal/core/meta';
import { PAPERS, PYTORCH_PROVEN, arxivUrl } from '../../lib/links';
import { RefTable } from './parts';

const EXTRA = ['LambdaLR', 'MultiplicativeLR', 'ReduceLROnPlateau', 'ScheduleLR'];

export default function ReferenceIndex(): ReactNode {
  const classes = Array.from(new Set([...SCHEDULE_DESCRIPTORS.map((d) => d.torch?.class).filter((c): c is string => !!c && typeof (schedulers as Record<string, unknown>)[c] === 'function'), ...EXTRA]));
  return (
    <div data-testid="reference-index">
      <p>
        One entry per schedule kind and per stateful class, generated from <code>@anneal/core</code>&apos;s descriptor registry
        (<code>packages/core/src/registry.ts</code>, published as <code>@anneal/core/meta</code>): a kind added there appears here.
        Values are checked against traces recorded from PyTorch {PYTORCH_PROVEN.join(' and ')}.
      </p>
      <h2 id="schedules">Schedules</h2>
      <RefTable
        head={['schedule', 'what', 'PyTorch class']}
        rows={SCHEDULE_DESCRIPTORS.map((d) => [
          <Link key="l" to={`/docs/reference/schedules/${d.type}`}>
            <code>{d.type}</code>
          </Link>,
          d.label,
          d.torch ? (
            <Link key="c" to={`/docs/reference/classes/${d.torch.class}`}>
              <code>{d.torch.class}</code>
            </Link>
          ) : (
            'none'
          ),
        ])}
      />
      <h2 id="classes">Scheduler classes</h2>
      <ul>
        {classes.map((c) => (
          <li key={c}>
            <Link to={`/docs/reference/classes/${c}`}>
              <code>{c}</code>
            </Link>
          </li>
        ))}
      </ul>
      <h2 id="papers">Papers</h2>
      <ul>
        {Object.values(PAPERS).map((p) => (
          <li key={p.arxiv}>
            <a href={arxivUrl(p.arxiv)} target="_blank" rel="noopener noreferrer">
              {p.title}
            </a>{' '}
            ({p.authors}, arXiv:{p.arxiv})
          </li>
        ))}
      </ul>
    </div>
  );
}
