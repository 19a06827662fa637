/**
 * <SchedulerReference name="CosineAnnealingLR">: the reference entry of one stateful scheduler class:
 * constructor (read from its source by scripts/reference.mjs), options with the PyTorch keyword each one
 * answers to (from the descriptor's `torch` mapping), how to step it, a runnable loop, and links.
 */
import React, { type ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import Link from '@docusaurus/Link';
import * as schedulers from '@anneal/core/schedulers';
import { descriptorOf, sampleSpec } from '@anneal/core/meta';
import SchedulePlot from '../SchedulePlot';
import { tsLiteral } from '../../lib/codegen';
import { PYTORCH_PROVEN, sourceUrl, torchDocsUrl } from '../../lib/links';
import { Inline, Links, RefTable, type LinkItem } from './parts';
import { defaultOf, horizonOf, type OptionDoc } from './ScheduleReference';

/** Classes PyTorch steps once per batch; the rest once per epoch. */
const PER_BATCH = new Set(['OneCycleLR', 'CyclicLR']);

/** Loops for the classes whose options are not a schedule's sample (functions, child schedulers). */
const EXAMPLES: Record<string, string> = {
  LambdaLR: `const scheduler = new LambdaLR(optimizer, { lrLambda: (epoch) => 0.95 ** epoch });`,
  MultiplicativeLR: `const scheduler = new MultiplicativeLR(optimizer, { lrLambda: () => 0.95 });`,
  ScheduleLR: `import { ScheduleLR } from '@anneal/core/schedulers';\nimport { cosine } from '@anneal/core';\nconst scheduler = new ScheduleLR(optimizer, cosine({ tMax: 30 }));`,
  SequentialLR: `import { LinearLR, CosineAnnealingLR } from '@anneal/core/schedulers';\nconst scheduler = new SequentialLR(optimizer, {\n  schedulers: [new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 }), new CosineAnnealingLR(optimizer, { tMax: 25 })],\n  milestones: [5],\n});`,
  ChainedScheduler: `import { LinearLR, ExponentialLR } from '@anneal/core/schedulers';\nconst scheduler = new ChainedScheduler([\n  new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 }),\n  new ExponentialLR(optimizer, { gamma: 0.95 }),\n]);`,
};

export default function SchedulerReference(props: {
  name: string;
  type: string | null;
  source: string | null;
  signature: string;
  optionDocs: Record<string, OptionDoc>;
  summary: string | null;
  torchClass: string | null;
}): ReactNode {
  const { name, type, source, signature, optionDocs, summary, torchClass } = props;
  const d = type ? descriptorOf(type) : undefined;
  const links: LinkItem[] = [];
  if (torchClass) links.push({ label: `PyTorch: ${torchClass}`, href: d?.torch?.docs || torchDocsUrl(torchClass), testId: 'torch-docs' });
  if (source) links.push({ label: `source: ${source.replace('packages/core/src/', '')}`, href: sourceUrl(source), testId: 'source' });

  // PyTorch keyword of each option: the descriptor's mapping, its class-only keywords, and the common ones.
  const keyword = (key: string): string | undefined => {
    const direct = d?.torch?.kwargs[key];
    if (direct) return direct;
    const classOnly = Object.entries(d?.torch?.classKwargs ?? {}).find(([, option]) => option === key)?.[0];
    if (classOnly) return classOnly;
    return ({ lastEpoch: 'last_epoch', verbose: 'verbose', lrLambda: 'lr_lambda', schedulers: 'schedulers', milestones: 'milestones' } as Record<string, string>)[key];
  };

  const perBatch = PER_BATCH.has(name);
  const unit = perBatch ? 'batch' : 'epoch';
  // The loop: the descriptor's sample as this class's options (only the keys the class takes), checked here.
  let construct = EXAMPLES[name];
  let spec: Record<string, unknown> | null = null;
  let steps = 60;
  if (construct === undefined && d !== undefined) {
    spec = sampleSpec(d);
    steps = horizonOf(d, spec);
    const options = Object.fromEntries(Object.entries(spec).filter(([k]) => k in optionDocs));
    construct = `const scheduler = new ${name}(optimizer, ${tsLiteral(options)});`;
    const Cls = (schedulers as unknown as Record<string, new (o: unknown, p: unknown) => unknown>)[name]!;
    new Cls({ paramGroups: [{ lr: 0.1, momentum: 0.9 }] }, options); // throws at build time if the example is wrong
  }
  if (name === 'ReduceLROnPlateau') construct = `const scheduler = new ReduceLROnPlateau(optimizer, { mode: 'min', factor: 0.1, patience: 10 });`;
  const imports = construct?.startsWith('import ') ? '' : `import { ${name} } from '@anneal/core/schedulers';\n`;
  // An example's own import line from the stateful entry gains this class; ScheduleLR's names it already.
  const body = construct?.startsWith('import ') ? construct.replace(/^import \{ (?!ScheduleLR)([^}]*) \} from '@anneal\/core\/schedulers'/, `import { ${name}, $1 } from '@anneal/core/schedulers'`) : (construct ?? '');
  const stepLine = name === 'ReduceLROnPlateau' ? 'scheduler.step(validationLoss); // once per epoch, with the watched metric' : `scheduler.step(); // once per ${unit}, after optimizer.step()`;
  const loop = perBatch
    ? `for (let epoch = 0; epoch < 10; epoch++) {\n  for (let batch = 0; batch < 10; batch++) {\n    // ... train one batch at optimizer.paramGroups[0].lr ...\n    ${stepLine}\n  }\n}`
    : `for (let epoch = 0; epoch < 30; epoch++) {\n  // ... train one epoch at optimizer.paramGroups[0].lr ...${name === 'ReduceLROnPlateau' ? '\n  const validationLoss = 1 / (epoch + 1);' : ''}\n  ${stepLine}\n}`;
  const example = `${imports}${body}\n\nconsole.log(scheduler.getLastLr());\n${loop}\nconsole.log(scheduler.getLastLr());`;
  const code = example.replace(/^(import[^\n]*\n)+/, (m) => `${m}\n// An optimizer stand-in: anything with paramGroups (or an @anneal/optim, @anneal/tfjs binding).\nconst optimizer = { paramGroups: [{ lr: 0.1, momentum: 0.9 }] };\n`);

  return (
    <div data-testid="scheduler-reference" data-class={name}>
      <p>
        <code>{name}</code>: {summary ?? (d ? <>the stateful, PyTorch-exact form of <Link to={`/docs/reference/schedules/${d.type}`}>{d.type}</Link> ({d.label.toLowerCase()})</> : '')}. It
        sets <code>optimizer.paramGroups[i].lr</code> on every <code>step()</code>, with PyTorch&apos;s semantics: <code>step()</code>,{' '}
        <code>step(epoch)</code>, <code>getLastLr()</code>, <code>stateDict()</code>/<code>loadStateDict()</code>.
        {torchClass && <> Its values are checked against traces recorded from PyTorch {PYTORCH_PROVEN.join(' and ')}.</>}
      </p>
      <Links items={links} />
      <h2 id="constructor">Constructor</h2>
      <CodeBlock language="ts">{`import { ${name} } from '@anneal/core/schedulers';\n\n${signature}`}</CodeBlock>
      <h2 id="options">Options</h2>
      {Object.keys(optionDocs).length === 0 ? (
        <p>No options object: see the constructor.</p>
      ) : (
        <RefTable
          testId="options-table"
          head={['option', 'type', 'default', 'PyTorch', 'meaning']}
          rows={Object.entries(optionDocs).map(([key, o]) => [
            <code key="k">{key}</code>,
            <code key="t">{o.type}</code>,
            d && key in d.rules ? <code key="d">{defaultOf(d, key)}</code> : o.optional ? 'optional' : 'required',
            keyword(key) ? <code key="p">{keyword(key)}</code> : 'none',
            <Inline key="m" text={o.doc} />,
          ])}
        />
      )}
      <h2 id="stepping">Stepping</h2>
      <p>
        Call <code>step()</code> once per <strong>{unit}</strong>
        {perBatch ? ' (as PyTorch does for this class: its lengths count batches)' : ''}, after the optimizer&apos;s step.
        {name === 'ReduceLROnPlateau' && ' Pass the watched metric: step(metric).'}
      </p>
      {spec && <SchedulePlot spec={spec} steps={steps} height={200} xLabel={unit} />}
      <h2 id="example">Example</h2>
      <CodeBlock language="ts">{code}</CodeBlock>
    </div>
  );
}
