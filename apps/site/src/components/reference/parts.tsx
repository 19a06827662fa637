/** Small pieces the reference entries share: inline code from backticks, link rows, tables. */
import React, { type ReactNode } from 'react';
import styles from './reference.module.css';

/** Text with `backtick` spans as <code>. */
export function Inline({ text }: { text: string }): ReactNode {
  const parts = text.split(/`([^`]*)`/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <React.Fragment key={i}>{part}</React.Fragment>))}
    </>
  );
}

export interface LinkItem {
  label: string;
  href: string;
  testId?: string;
}

/** A row of outbound links (PyTorch docs, source, papers). */
export function Links({ items }: { items: LinkItem[] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <ul className={styles.links}>
      {items.map((l) => (
        <li key={l.href}>
          <a href={l.href} data-testid={l.testId} target="_blank" rel="noopener noreferrer">
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A table whose cells never break an identifier: scrolls sideways on a narrow screen instead. */
export function RefTable({ head, rows, testId }: { head: string[]; rows: ReactNode[][]; testId?: string }): ReactNode {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An option's default as the reference shows it. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return JSON.stringify(v);
}
