/**
 * <RecursiveDrift>: the largest relative gap between core's recursive `CosineAnnealingLR.step()` and the
 * closed form over a long run, computed in the page (inline text).
 */
import React, { useMemo, type ReactNode } from 'react';
import { cosine } from '@anneal/core';
import { CosineAnnealingLR } from '@anneal/core/schedulers';

export function recursiveDrift(tMax: number, steps: number, baseLr = 0.1): { worst: number; at: number } {
  const group = { lr: baseLr };
  const scheduler = new CosineAnnealingLR({ paramGroups: [group] }, { tMax });
  const closed = cosine({ tMax });
  let worst = 0;
  let at = 0;
  for (let e = 1; e <= steps; e++) {
    scheduler.step();
    const gap = Math.abs(group.lr - closed.lr(e, baseLr)) / baseLr;
    if (gap > worst) {
      worst = gap;
      at = e;
    }
  }
  return { worst, at };
}

export default function RecursiveDrift({ tMax, steps }: { tMax: number; steps: number }): ReactNode {
  const { worst, at } = useMemo(() => recursiveDrift(tMax, steps), [tMax, steps]);
  return (
    // The last bits of Math.cos differ between JavaScript engines, so the browser may not reproduce the
    // server's numbers exactly: keep the server's text rather than fail hydration.
    <span data-testid="recursive-drift" data-config={JSON.stringify({ tMax, steps })} data-worst={worst} data-at={at} suppressHydrationWarning>
      <code suppressHydrationWarning>{worst.toExponential(2)}</code> of the base rate (at step {at})
    </span>
  );
}
