// The "Coming from ..." pages (docs/ecosystems/*.mdx) are generated from the reader tables and the recorded
// golden values, so the name mapping, the versions and the largest deviations cannot drift from the code.
// `UPDATE_ECOSYSTEM_DOCS=1 npx vitest run test/ecosystem-docs.test.ts` rewrites them; otherwise this test
// fails when a page differs from what the tables give.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { ecosystemFromJSON, HF_SCHEDULERS, KERAS_SCHEDULES, OPTAX_SCHEDULES, TIMM_DEFAULTS, TIMM_SCHEDULERS } from '../src/json.js';
import { load, replay, TOLERANCE } from './ecosystem-replay.js';

const DOCS = fileURLToPath(new URL('../../../docs/ecosystems/', import.meta.url));

const code = (s: string) => `\`${s}\``;
/** A table cell: pipes escaped, and braces outside code spans too (MDX reads `{...}` as an expression). */
const cell = (s: string) =>
  s
    .replace(/\|/g, '\\|')
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/[{}]/g, (b) => `\\${b}`) : part))
    .join('`');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/** Versions, case counts and the largest deviation, from the fixture. */
function verification(eco: 'hf' | 'timm' | 'keras' | 'optax', extra: string): string {
  const f = load(eco);
  let max = 0;
  let values = 0;
  for (const c of f.cases) {
    max = Math.max(max, replay(c).deviation);
    values += c.values.length;
  }
  return [
    '## How this is verified',
    '',
    `\`tools/ecosystem-traces/record.py\` runs ${f.library} ${f.version} itself on ${f.cases.length} configurations (${values} rates) and commits`,
    `the rates to \`packages/core/test/fixtures/ecosystems/${eco}.json\`, with the list of every schedule name the library has.`,
    'The normal test run replays them without Python: each configuration is read exactly as the library was given it.',
    `The largest deviation, relative to the configuration's largest rate, is ${max.toExponential(2)} (the test allows ${TOLERANCE[eco].toExponential(2)}).`,
    extra,
    '',
  ].join('\n');
}

/** A plot of a pasted configuration, at its own base rate. */
function plot(config: Record<string, unknown>, label: string, steps: number): string {
  const reading = ecosystemFromJSON(config);
  return [
    '```json',
    JSON.stringify(config, null, 2),
    '```',
    '',
    'becomes, in anneal\'s spelling (what `scheduleFromJSON(config).toJSON()` gives):',
    '',
    '```json',
    JSON.stringify(reading.schedule, null, 2),
    '```',
    '',
    `<SchedulePlot spec={${JSON.stringify(config)}} label=${JSON.stringify(label)} steps={${steps}} baseLr={${reading.baseLr ?? 1}} />`,
    '',
  ].join('\n');
}

const USE = [
  '## Using a configuration',
  '',
  'Paste it: `scheduleFromJSON` (and `schedulerFromJSON`, and every `anneal` command) recognises it by its shape.',
  '`ecosystemFromJSON` also tells the base rate at which anneal\'s values are the library\'s numbers, and the run length.',
  '',
  '```ts',
  "import { ecosystemFromJSON, scheduleFromJSON } from '@anneal/core/json';",
  '',
  'const schedule = scheduleFromJSON(config);',
  'const { baseLr } = ecosystemFromJSON(config);',
  'schedule.lr(100, baseLr!); // the rate the library gives at step 100',
  '```',
  '',
  '```sh',
  'anneal values @config.json --steps 1000   # the base rate defaults to the configuration\'s own',
  '```',
  '',
  'A key the library would accept but anneal cannot honour is refused with an `InvalidParameterError` naming its path',
  '(`lr_scheduler_kwargs.num_cycles`); nothing is silently ignored.',
  '',
].join('\n');

const front = (title: string, description: string) => ['---', `title: ${JSON.stringify(title)}`, `description: ${JSON.stringify(description)}`, '---', '', `# ${title}`, ''].join('\n');

function hfPage(): string {
  const rows = Object.entries(HF_SCHEDULERS).map(([name, e]) => [
    code(name),
    e.anneal === null ? 'not read (refused with a typed error)' : e.anneal,
    Object.keys(e.kwargs).length === 0 ? '—' : Object.entries(e.kwargs).map(([k, v]) => `${code(k)}: ${v}`).join('; '),
  ]);
  return [
    front('Coming from HF transformers', 'Every lr_scheduler_type of transformers, read from TrainingArguments fields or get_scheduler arguments, and what it becomes in anneal.'),
    'anneal reads two shapes: the schedule fields of `TrainingArguments` (`lr_scheduler_type`, `learning_rate`, `warmup_steps`',
    '(an integer, or a ratio of `max_steps` below 1), transformers 4\'s `warmup_ratio`, `max_steps`, `lr_scheduler_kwargs`) and',
    'the arguments of `get_scheduler` (`name`, `num_warmup_steps`, `num_training_steps`, `scheduler_specific_kwargs`).',
    'A step is an optimizer step, as in the Trainer. `learning_rate` is the base rate (default 5e-5).',
    '',
    USE,
    '## The names',
    '',
    table(['`lr_scheduler_type`', 'anneal', '`scheduler_specific_kwargs`'], rows),
    '',
    '## What differs',
    '',
    '- HF ignores `num_warmup_steps` for `constant`, `reduce_lr_on_plateau` and `greedy`; anneal refuses a non-zero one instead of dropping it.',
    '- `cosine_warmup_with_min_lr` without warmup evaluates the decay one step ahead ((step + 1)/T); anneal has no form for that shift and refuses `num_warmup_steps = 0` there.',
    '- `greedy` (GreedyLR) follows the loss with state of its own: not read yet.',
    '- Decays need `num_training_steps > num_warmup_steps` (HF silently gives 0 after the warmup otherwise).',
    '',
    '## Example',
    '',
    plot({ lr_scheduler_type: 'cosine_with_min_lr', learning_rate: 3e-4, warmup_steps: 0.05, max_steps: 400, lr_scheduler_kwargs: { min_lr_rate: 0.1, num_cycles: 0.5 } }, 'HF cosine_with_min_lr', 440),
    verification('hf', 'The fixture also covers the TrainingArguments form (warmup ratios, `lr_scheduler_kwargs`), at two base rates each.'),
  ].join('\n');
}

function timmPage(): string {
  const rows = Object.entries(TIMM_SCHEDULERS).map(([name, e]) => [
    code(name),
    e.anneal,
    Object.keys(e.uses).length === 0 ? '—' : Object.entries(e.uses).map(([k, v]) => `${code(k)}: ${v}`).join('; '),
  ]);
  return [
    front('Coming from timm', 'The arguments of timm.scheduler.create_scheduler_v2, read as anneal schedules: cosine with cycles and k-decay, step, multistep, poly, plateau.'),
    'anneal reads the keyword arguments of `create_scheduler_v2` (what `scheduler_kwargs(args)` returns) plus `lr`, the optimizer\'s',
    'base rate, which timm takes from the optimizer and anneal needs to place the absolute `warmup_lr`. A step is timm\'s `t`: an',
    'epoch, or an update with `step_on_epochs: false` (lengths are then multiplied by `updates_per_epoch`, as timm does).',
    'The reading\'s `steps` is the run length `create_scheduler_v2` returns, in steps.',
    '',
    USE,
    '## The names',
    '',
    table(['`sched`', 'anneal', 'keywords it uses (besides the warmup and `num_epochs`)'], rows),
    '',
    `A keyword the chosen \`sched\` does not use must be absent or at its default (${Object.keys(TIMM_DEFAULTS).length} keywords, defaults as in timm):`,
    'timm ignores it, anneal refuses a changed one so that a typo cannot pass unnoticed.',
    '',
    '## What differs',
    '',
    '- `warmup_prefix: false` (the default) is a warmup over the first steps of the schedule, not in front of it: anneal\'s `warmup` with `prefix: false`.',
    '- `multistep` decays when `t + 1` reaches a milestone (timm bisects `t + 1`): anneal\'s milestones are one step earlier, exact at whole steps.',
    '- Cycle growth (`cycle_mul`) must be at least 1; restarts follow anneal\'s exact-restart rule (timm locates cycles with a logarithm).',
    "- `noise` becomes anneal's `noise` combinator, which carries PyTorch's generator (MT19937, Box–Muller, float32): the noisy rates are timm's, draw for draw.",
    '- Not read yet: `plateau` with a warmup.',
    '',
    '## Example',
    '',
    plot({ sched: 'cosine', num_epochs: 30, warmup_epochs: 3, warmup_lr: 1e-5, lr: 0.1, min_lr: 1e-4, cycle_limit: 3, cycle_mul: 1.5, cycle_decay: 0.5, k_decay: 1.5 }, 'timm cosine, 3 cycles', 150),
    verification('timm', 'Each configuration is recorded at two base rates, with the epoch count create_scheduler_v2 returns.'),
  ].join('\n');
}

function kerasPage(): string {
  const rows = Object.entries(KERAS_SCHEDULES).map(([name, e]) => [code(name), e.anneal, Object.entries(e.config).map(([k, v]) => `${code(k)}: ${v}`).join('; ')]);
  return [
    front('Coming from Keras', 'Serialised Keras 3 LearningRateSchedules read as anneal schedules, and how their rates relate to the base rate.'),
    'anneal reads a serialised `LearningRateSchedule` as `keras.optimizers.schedules.serialize` writes it,',
    '`{ "module": "keras.optimizers.schedules", "class_name": ..., "config": {...}, "registered_name": null }`,',
    'or the bare `{ "class_name": ..., "config": {...} }`.',
    '',
    'Keras schedules carry their rates; anneal\'s schedules scale a base rate. The base rate is the schedule\'s peak: `warmup_target`',
    'when CosineDecay warms up, `initial_learning_rate` otherwise, and 1 for PiecewiseConstantDecay (whose values are the rates).',
    'The reading\'s `baseLr` says which, and `anneal values` uses it, so the printed numbers are Keras\'s.',
    '',
    USE,
    '## The names',
    '',
    table(['`class_name`', 'anneal', '`config`'], rows),
    '',
    '## What differs',
    '',
    '- Keras\'s cosine schedules compute in float32 even with `floatx` float64 (the JAX backend evaluates `cos` in float32); anneal computes in float64, so values differ in the 7th digit.',
    '- CosineDecay ignores `warmup_steps` without `warmup_target`; anneal refuses a non-zero one.',
    '- CosineDecayRestarts: `t_mul` must be at least 1; `alpha` is a floor that `m_mul` does not shrink (sgdr\'s `minFactor`).',
    '',
    '## Example',
    '',
    plot({ module: 'keras.optimizers.schedules', class_name: 'CosineDecayRestarts', config: { initial_learning_rate: 0.1, first_decay_steps: 20, t_mul: 1.5, m_mul: 0.8, alpha: 0.05, name: 'SGDRDecay' }, registered_name: null }, 'Keras CosineDecayRestarts', 150),
    verification('keras', 'Recorded with the JAX backend, `jax_enable_x64` and `floatx` float64.'),
  ].join('\n');
}

function optaxPage(): string {
  const rows = Object.entries(OPTAX_SCHEDULES).map(([name, e]) => [code(name), e.anneal, Object.entries(e.kwargs).map(([k, v]) => `${code(k)}: ${v}`).join('; ')]);
  return [
    front('Coming from optax', 'Every schedule of optax.schedules, written as { optax, kwargs }, read as an anneal schedule.'),
    'An optax schedule is a function call; anneal reads it as `{ "optax": "warmup_cosine_decay_schedule", "kwargs": { ... } }`',
    '(the name may carry an `optax.` or `optax.schedules.` prefix). `join_schedules` takes its schedules in the same form;',
    '`piecewise_*` keys are integer steps written as JSON strings (`{ "30": 0.1 }`).',
    '',
    'optax gives absolute rates; anneal\'s base rate is the schedule\'s own scale (`init_value`, or `peak_value` where there is one),',
    'returned as the reading\'s `baseLr`. End values (`end_value`) are absolute rates in anneal too (`endLr`).',
    '',
    USE,
    '## The names',
    '',
    table(['optax', 'anneal', 'kwargs'], rows),
    '',
    '## What differs',
    '',
    '- Schedules are functions of the step count; anneal\'s accept fractional steps too and agree with optax at whole steps.',
    '',
    '## Example',
    '',
    plot({ optax: 'warmup_cosine_decay_schedule', kwargs: { init_value: 0, peak_value: 0.001, warmup_steps: 100, decay_steps: 1000, end_value: 1e-5, exponent: 2 } }, 'optax warmup_cosine_decay_schedule', 1100),
    verification('optax', 'Recorded with `jax_enable_x64`, so optax computes in float64.'),
  ].join('\n');
}

const PAGES = { 'hf-transformers.mdx': hfPage, 'timm.mdx': timmPage, 'keras.mdx': kerasPage, 'optax.mdx': optaxPage } as const;

for (const [file, render] of Object.entries(PAGES)) {
  it(`docs/ecosystems/${file} is what the reader table and the recorded values give`, () => {
    const text = `${render()}\n`;
    const path = `${DOCS}${file}`;
    if (process.env.UPDATE_ECOSYSTEM_DOCS === '1') writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
}
