/**
 * <RestartTable>: where is step t among SGDR's cycles? For each row it shows the cycle index that the
 * bare floating-point logarithm gives in this browser, the exact cycle from @anneal/core's
 * `restartPosition`, and the rate anneal's `sgdr` gives there. Computed live.
 *
 * The float-log column is filled in after hydration: `Math.log` is not correctly rounded in every
 * JavaScript engine (Node 20's V8 and current Chromium disagree on ln 3 in the last bit), so the
 * server's answer would not be this browser's.
 */
import React, { useEffect, useState, type ReactNode } from 'react';
import { restartPosition, sgdr } from '@anneal/core';

export interface RestartRow {
  t0: number;
  tMult: number;
  epoch: number;
  /** What PyTorch 1.13 does at this epoch, as recorded in the traces (free text). */
  torch?: string;
}

/** The cycle index from the logarithm alone, as PyTorch's `step(epoch)` computes it. */
export function floatLogCycle(epoch: number, t0: number, tMult: number): number {
  if (tMult === 1) return Math.floor(epoch / t0);
  return Math.floor(Math.log((epoch / t0) * (tMult - 1) + 1) / Math.log(tMult));
}

export default function RestartTable({ rows, baseLr = 0.1 }: { rows: RestartRow[]; baseLr?: number }): ReactNode {
  const hasTorch = rows.some((r) => r.torch !== undefined);
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  return (
    <table data-testid="restart-table" data-rows={JSON.stringify(rows)} data-base-lr={baseLr}>
      <thead>
        <tr>
          <th>T_0, T_mult</th>
          <th>epoch t</th>
          <th>argument of the log</th>
          <th>float log here → cycle</th>
          <th>exact cycle, T_cur</th>
          <th>anneal lr(t)</th>
          {hasTorch && <th>PyTorch 1.13</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const arg = (r.epoch / r.t0) * (r.tMult - 1) + 1;
          const log = Math.log(arg) / Math.log(r.tMult);
          const naive = floatLogCycle(r.epoch, r.t0, r.tMult);
          const exact = restartPosition(r.epoch, r.t0, r.tMult);
          const lr = sgdr({ t0: r.t0, tMult: r.tMult }).lr(r.epoch, baseLr);
          return (
            <tr key={`${r.t0}-${r.tMult}-${r.epoch}`} data-epoch={r.epoch} data-lr={lr} data-cycle={exact.cycle} data-tcur={exact.tCur}>
              <td>
                {r.t0}, {r.tMult}
              </td>
              <td>{r.epoch}</td>
              <td><code>{arg}</code></td>
              <td data-float-log={inBrowser ? String(log) : ''}>
                {inBrowser ? (
                  <>
                    <code>{String(log)}</code> → {naive}
                    {naive !== exact.cycle ? ' ✗' : ''}
                  </>
                ) : (
                  '…'
                )}
              </td>
              <td>
                {exact.cycle}, {exact.tCur}
              </td>
              <td>
                <code suppressHydrationWarning>{String(lr)}</code>
              </td>
              {hasTorch && <td>{r.torch ?? ''}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
