/**
 * Python code from the written configurations: imports, a stand-in model and optimizer, the schedule built
 * with the library's own call, and a loop with the library's stepping that prints the rate of every step.
 *
 * @packageDocumentation
 */
import type { TorchSchedulerSpec } from '../spec.js';
import { TARGET_NAMES, type WriteTarget } from './common.js';
import { writeConfig, type HfConfig, type KerasConfig, type OptaxConfig, type TimmConfig, type WriteOptions } from './index.js';

/** Options of {@link writeSnippet}. */
export interface SnippetOptions extends WriteOptions {
  /**
   * Steps the loop runs (epochs, or batches for PyTorch's one-cycle and cyclic schedulers). Default: the run
   * length the configuration states (HF `max_steps`, timm's epoch count, `total_steps`), else 100.
   */
  steps?: number;
}

/** A JSON value as a Python literal (`true` → `True`, `null` → `None`; integer keys of `boundaries_and_scales` stay integers). */
export function pythonLiteral(value: unknown, intKeys = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 ? String(value) : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonLiteral(v)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${intKeys ? k : JSON.stringify(k)}: ${pythonLiteral(v, k === 'boundaries_and_scales')}`);
  return `{${entries.join(', ')}}`;
}

/** `name=value, ...` keyword arguments. */
function keywords(kwargs: Record<string, unknown>, literal: (key: string, value: unknown) => string = (k, v) => pythonLiteral(v, k === 'boundaries_and_scales')): string {
  return Object.entries(kwargs).map(([k, v]) => `${k}=${literal(k, v)}`).join(', ');
}

const MODEL = `model = torch.nn.Linear(10, 1)  # stand-in model`;

/** A PyTorch scheduler construction, children included. */
function torchCall(spec: TorchSchedulerSpec): string {
  const kwargs = spec.kwargs ?? {};
  const literal = (key: string, value: unknown) => (key === 'schedulers' ? `[${(value as TorchSchedulerSpec[]).map(torchCall).join(', ')}]` : pythonLiteral(value));
  if (spec.scheduler === 'ChainedScheduler') return `lr_scheduler.ChainedScheduler(${literal('schedulers', kwargs.schedulers)})`;
  const rest = keywords(kwargs, literal);
  return `lr_scheduler.${spec.scheduler}(optimizer${rest === '' ? '' : `, ${rest}`})`;
}

function torchSnippet(config: TorchSchedulerSpec, baseLr: number, steps: number | undefined): string {
  const perBatch = config.scheduler === 'OneCycleLR' || config.scheduler === 'CyclicLR';
  const total = steps ?? (typeof config.kwargs?.total_steps === 'number' ? config.kwargs.total_steps : 100);
  return `import torch
from torch.optim import lr_scheduler

${MODEL}
optimizer = torch.optim.SGD(model.parameters(), lr=${pythonLiteral(baseLr)}, momentum=0.9)
scheduler = ${torchCall(config)}

for step in range(${total}):  # ${perBatch ? 'one step per batch' : 'one step per epoch'}
    print(step, scheduler.get_last_lr()[0])
    optimizer.step()  # after loss.backward() in a real loop
    scheduler.step()
`;
}

function hfSnippet(config: HfConfig, steps: number | undefined): string {
  const total = steps ?? config.max_steps ?? 100;
  const kwargs = config.lr_scheduler_kwargs;
  return `# TrainingArguments: ${pythonLiteral(config)}
import torch
from transformers import get_scheduler

${MODEL}
optimizer = torch.optim.AdamW(model.parameters(), lr=${pythonLiteral(config.learning_rate)})
scheduler = get_scheduler(
    ${JSON.stringify(config.lr_scheduler_type)},
    optimizer,
    num_warmup_steps=${config.warmup_steps},
    num_training_steps=${pythonLiteral(config.max_steps ?? null)},${kwargs === undefined ? '' : `\n    scheduler_specific_kwargs=${pythonLiteral(kwargs)},`}
)

for step in range(${total}):  # one step per optimizer update
    print(step, scheduler.get_last_lr()[0])
    optimizer.step()  # after loss.backward() in a real loop
    scheduler.step()
`;
}

function timmSnippet(config: TimmConfig, steps: number | undefined): string {
  const { lr, ...args } = config;
  return `import torch
from timm.scheduler import create_scheduler_v2

${MODEL}
optimizer = torch.optim.SGD(model.parameters(), lr=${pythonLiteral(lr)})
scheduler, num_epochs = create_scheduler_v2(optimizer, ${keywords(args)})
scheduler.step(0)  # the first epoch's rate (timm sets it only when stepped)

for epoch in range(${steps ?? 'num_epochs'}):  # one step per epoch
    print(epoch, optimizer.param_groups[0]["lr"])
    optimizer.step()  # one epoch of training in a real loop
    scheduler.step(epoch + 1)
`;
}

function kerasSnippet(config: KerasConfig, steps: number | undefined): string {
  return `import keras

schedule = keras.optimizers.schedules.deserialize(${pythonLiteral(config)})
optimizer = keras.optimizers.SGD(learning_rate=schedule)  # Keras calls schedule(iterations) per update

for step in range(${steps ?? 100}):
    print(step, float(schedule(step)))
`;
}

/** An optax schedule construction, joined schedules included. */
function optaxCall(config: OptaxConfig): string {
  const literal = (key: string, value: unknown) =>
    key === 'schedules' && config.optax === 'join_schedules' ? `[${(value as OptaxConfig[]).map(optaxCall).join(', ')}]` : pythonLiteral(value, false);
  const kwargs = Object.entries(config.kwargs).map(([k, v]) => `${k}=${k === 'boundaries_and_scales' ? pythonLiteral(v, false).replace(/"(\d+)":/g, '$1:') : literal(k, v)}`);
  return `optax.schedules.${config.optax}(${kwargs.join(', ')})`;
}

function optaxSnippet(config: OptaxConfig, steps: number | undefined): string {
  return `import optax

schedule = ${optaxCall(config)}
optimizer = optax.sgd(learning_rate=schedule)  # optax evaluates schedule(count) per update

for step in range(${steps ?? 100}):
    print(step, float(schedule(step)))
`;
}

/**
 * Python code for `spec` in `target`'s library: imports, a stand-in model and optimizer, the schedule from
 * {@link writeConfig}'s configuration, and a loop that steps it as the library expects and prints each
 * step's rate (per batch for PyTorch's one-cycle and cyclic schedulers).
 *
 * @throws {@link ConversionError} when `target` cannot express `spec` exactly (see {@link writeConfig}).
 */
export function writeSnippet(spec: unknown, target: WriteTarget, options: SnippetOptions = {}): string {
  const baseLr = options.baseLr ?? 1;
  const steps = options.steps;
  const header = `# ${TARGET_NAMES[target]}: written by anneal (read back, same rates as the spec)\n`;
  switch (target) {
    case 'pytorch':
      return header + torchSnippet(writeConfig(spec, 'pytorch', options), baseLr, steps);
    case 'hf':
      return header + hfSnippet(writeConfig(spec, 'hf', options), steps);
    case 'timm':
      return header + timmSnippet(writeConfig(spec, 'timm', options), steps);
    case 'keras':
      return header + kerasSnippet(writeConfig(spec, 'keras', options), steps);
    case 'optax':
      return header + optaxSnippet(writeConfig(spec, 'optax', options), steps);
  }
}
