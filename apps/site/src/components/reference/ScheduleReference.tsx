/**
 * <ScheduleReference type="cosine">: the reference entry of one schedule kind, all of it read from the
 * descriptor (`@anneal/core/meta`) during SSR: signature, options with their defaults and PyTorch
 * keywords, formula, a plot of the descriptor's sample, runnable code, and the other ecosystems'
 * spellings. The option descriptions are the TSDoc of the options interface (scripts/reference.mjs).
 */
import React, { type ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import Link from '@docusaurus/Link';
import { descriptorOf, sampleSpec, type ScheduleDescriptor } from '@anneal/core/meta';
import { scheduleFromJSON } from '@anneal/core/json';
import SchedulePlot from '../SchedulePlot';
import { toPyTorch, toTypeScript } from '../../lib/codegen';
import { equivalentsOf } from '../../lib/equivalents';
import { arxivUrl, papersOf, sourceUrl, torchDocsUrl } from '../../lib/links';
import { Inline, Links, RefTable, showValue, type LinkItem } from './parts';

export interface OptionDoc {
  doc: string;
  type: string;
  optional: boolean;
}

type Spec = Record<string, unknown> & { type: string };

/** How many steps the entry's plot shows: the sample's own length where it has one. */
export function horizonOf(d: ScheduleDescriptor, spec: Record<string, unknown>): number {
  if (typeof spec.totalSteps === 'number') return spec.totalSteps;
  let longest = 0;
  for (const [key, meta] of Object.entries(d.options)) {
    const v = spec[key];
    if (meta.kind === 'integer' && typeof v === 'number') longest = Math.max(longest, v);
    if ((meta.kind === 'steps' || meta.kind === 'numbers') && Array.isArray(v) && key !== 'values') longest = Math.max(longest, ...(v as number[]));
  }
  return Math.min(300, Math.max(60, Math.round(longest * 3)));
}

/** Default as shown: the rule's value, "required", "absent" or "derived", and PyTorch's when it differs. */
export function defaultOf(d: ScheduleDescriptor, key: string): string {
  const rule = d.rules[key];
  if (rule === undefined) return '';
  const torch = rule.torch?.value !== undefined ? ` (PyTorch: ${showValue(rule.torch.value)})` : '';
  switch (rule.kind) {
    case 'required':
      return `required${torch}`;
    case 'default':
      return `${showValue(rule.value)}${torch}`;
    case 'derived':
      return `derived${torch}`;
    default:
      return `absent${torch}`;
  }
}

/** The factory's signature, from the descriptor's shape. */
export function signatureOf(d: ScheduleDescriptor): string {
  const opts = `options: ${d.type[0]!.toUpperCase()}${d.type.slice(1)}Options`;
  const hasOptions = Object.keys(d.options).length > 0;
  if (d.children === 'schedule') return `${d.type}(${opts}, schedule: Schedule): Schedule`;
  if (d.children === 'schedules') return `${d.type}(schedules: Schedule[]${hasOptions ? `, ${opts}` : ''}): Schedule`;
  return `${d.type}(${opts}): Schedule`;
}

export default function ScheduleReference({ type, source, optionDocs, children }: { type: string; source: string | null; optionDocs: Record<string, OptionDoc>; children?: ReactNode }): ReactNode {
  const d = descriptorOf(type);
  if (d === undefined) throw new Error(`no descriptor for ${type}`);
  const spec = sampleSpec(d) as Spec;
  const steps = horizonOf(d, spec);
  const schedule = scheduleFromJSON(spec);
  const t = Math.round(steps / 4);
  const ts = toTypeScript(spec, { t, baseLr: 0.1, value: schedule.lr(t, 0.1) }, steps);
  let python: string;
  try {
    python = toPyTorch(spec, 0.1, steps);
  } catch (error) {
    python = `# ${(error as Error).message}`;
  }
  const links: LinkItem[] = [];
  if (d.torch) links.push({ label: `PyTorch: ${d.torch.class}`, href: d.torch.docs || torchDocsUrl(d.torch.class), testId: 'torch-docs' });
  if (source) links.push({ label: `source: ${source.replace('packages/core/src/', '')}`, href: sourceUrl(source), testId: 'source' });
  for (const p of papersOf(d.type, d.source)) links.push({ label: `paper: ${p.title} (${p.authors}, arXiv:${p.arxiv})`, href: arxivUrl(p.arxiv), testId: 'paper' });

  const eq = equivalentsOf(d.type);
  const none = 'no direct equivalent';
  const classPage = d.torch && d.torch.class ? `/docs/reference/classes/${d.torch.class}` : null;

  return (
    <div data-testid="schedule-reference" data-type={d.type}>
      <p>
        <strong>{d.label}</strong>: the pure schedule <code>{d.type}</code>, a function of the (possibly fractional) step.
        {classPage && (
          <>
            {' '}
            Its stateful, PyTorch-exact class is <Link to={classPage}>{d.torch!.class}</Link>.
          </>
        )}
        {d.source && !/arXiv/.test(d.source) && <> From: {d.source}.</>}
      </p>
      <Links items={links} />
      <h2 id="signature">Signature</h2>
      <CodeBlock language="ts">{`import { ${d.type} } from '@anneal/core';\n\n${signatureOf(d)}`}</CodeBlock>
      <h2 id="options">Options</h2>
      {Object.keys(d.options).length === 0 ? (
        <p>None besides the child schedules.</p>
      ) : (
        <RefTable
          testId="options-table"
          head={['option', 'type', 'default', 'PyTorch', 'meaning']}
          rows={Object.entries(d.options).map(([key, meta]) => [
            <code key="k">{key}</code>,
            <code key="t">{optionDocs[key]?.type ?? meta.kind}</code>,
            <code key="d">{defaultOf(d, key)}</code>,
            d.torch?.kwargs[key] ? <code key="p">{d.torch.kwargs[key]}</code> : d.torch ? 'none' : '',
            <Inline key="m" text={optionDocs[key]?.doc ?? (meta.kind === 'inert' ? meta.why : '')} />,
          ])}
        />
      )}
      <h2 id="formula">Formula</h2>
      {/* The descriptor's TeX, typeset at build time (the generated page passes it as $$...$$). */}
      <div data-testid="reference-formula">{children}</div>
      <h2 id="plot">Plot</h2>
      <SchedulePlot spec={spec} steps={steps} height={220} />
      <h2 id="example">Example</h2>
      <p>The plotted sample, runnable as printed (Node 20, <code>npm install @anneal/core</code>):</p>
      <CodeBlock language="ts">{ts}</CodeBlock>
      <h2 id="equivalents">Equivalents</h2>
      <RefTable
        testId="equivalents-table"
        head={['library', 'spelling']}
        rows={[
          ['anneal JSON', <code key="j">{JSON.stringify(spec).replace(/,(?=")/g, ', ').replace(/":/g, '": ')}</code>],
          ['PyTorch', d.torch ? <code key="c">{d.torch.class}</code> : 'none: a LambdaLR (below)'],
          ['HF transformers', <Inline key="h" text={eq.hf ?? none} />],
          ['timm', <Inline key="t" text={eq.timm ?? none} />],
          ['Keras', <Inline key="k" text={eq.keras ?? none} />],
          ['optax', <Inline key="o" text={eq.optax ?? none} />],
        ]}
      />
      <p>The same sample in PyTorch (the class where it has one, otherwise a <code>LambdaLR</code> with anneal&apos;s formula):</p>
      <CodeBlock language="python">{python}</CodeBlock>
    </div>
  );
}
