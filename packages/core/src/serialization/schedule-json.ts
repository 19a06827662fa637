/**
 * Reading schedules from JSON: anneal's spelling (`{ "type": "cosine", ... }`) and PyTorch's
 * (`{ "scheduler": "CosineAnnealingLR", "kwargs": { ... } }`).
 *
 * @packageDocumentation
 */
import { InvalidParameterError, UnknownScheduleError } from '../errors.js';
import type { Schedule } from '../schedule.js';
import { constant } from '../schedules/constant.js';
import { linear } from '../schedules/linear.js';
import { step } from '../schedules/step.js';
import { multiStep } from '../schedules/multi-step.js';
import { exponential } from '../schedules/exponential.js';
import { polynomial } from '../schedules/polynomial.js';
import { cosine } from '../schedules/cosine.js';
import { sgdr } from '../schedules/sgdr.js';
import { oneCycle } from '../schedules/one-cycle.js';
import { cyclic } from '../schedules/cyclic.js';
import { inverseSqrt } from '../schedules/inverse-sqrt.js';
import { wsd } from '../schedules/wsd.js';
import { warmup } from '../combinators/warmup.js';
import { sequence } from '../combinators/sequence.js';
import { chain } from '../combinators/chain.js';
import { knownKeys } from '../internal/validate.js';
import { arrayAt, checkDepth, join, located, mark, objectAt, own } from './read-helpers.js';
import { torchSchedule } from './torch-json.js';

/** Reads a child schedule at `path`, one level deeper. */
export type ReadChild = (value: unknown, path: string) => Schedule;

type Reader = (spec: Record<string, unknown>, read: ReadChild) => Schedule;

/** Without the `type`/child keys a combinator's own options are the rest. */
function without(spec: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) if (!keys.includes(k)) out[k] = v;
  return out;
}

function children(spec: Record<string, unknown>, read: ReadChild): Schedule[] {
  return arrayAt('schedules', spec.schedules).map((child, i) => read(child, `schedules[${i}]`));
}

/**
 * Every schedule kind by its JSON `type`. Adding a schedule: one line here, one export in `index.ts`.
 */
const READERS: Record<string, Reader> = {
  constant: (s) => constant(s),
  linear: (s) => linear(s),
  step: (s) => step(s as never),
  multiStep: (s) => multiStep(s as never),
  exponential: (s) => exponential(s as never),
  polynomial: (s) => polynomial(s),
  cosine: (s) => cosine(s as never),
  sgdr: (s) => sgdr(s as never),
  oneCycle: (s) => oneCycle(s as never),
  cyclic: (s) => cyclic(s as never),
  inverseSqrt: (s) => inverseSqrt(s),
  wsd: (s) => wsd(s as never),
  warmup: (s, read) => warmup(without(s, 'schedule') as never, read(s.schedule, 'schedule')),
  sequence: (s, read) => sequence(children(s, read), without(s, 'schedules') as never),
  chain: (s, read) => {
    knownKeys('', s, ['type', 'schedules']);
    return chain(children(s, read));
  },
};

/** The `type` names {@link scheduleFromJSON} accepts. (The calls are marked pure so that bundlers can drop the readers when unused.) */
export const SCHEDULE_TYPES: readonly string[] = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.keys(READERS));

function readAt(value: unknown, path: string, depth: number): Schedule {
  checkDepth(path, depth);
  const spec = objectAt(path, value);
  // A child path may have several segments (`kwargs.schedulers[1]`); each is joined on its own.
  const read: ReadChild = (child, childPath) => readAt(child, childPath.split('.').reduce(join, path), depth + 1);
  if ('scheduler' in spec) return torchSchedule(spec, path, read);
  const reader = own(READERS, spec.type);
  if (reader === undefined) throw mark(new UnknownScheduleError(join(path, 'type'), spec.type, SCHEDULE_TYPES));
  return located(path, () => reader(spec, read));
}

/**
 * Builds a {@link Schedule} from plain JSON (an object, or a JSON string), in anneal's spelling
 * (`{ "type": "cosine", "tMax": 20 }`) or PyTorch's (`{ "scheduler": "CosineAnnealingLR", "kwargs": { "T_max": 20 } }`),
 * combinators nested to any reasonable depth. `schedule.toJSON()` gives anneal's spelling back.
 *
 * @throws {@link InvalidParameterError} naming the path of a bad field (`schedules[1].tMax`, `kwargs.schedulers[0].kwargs.T_max`).
 * @throws {@link UnknownScheduleError} for an unknown `type` or PyTorch class.
 */
export function scheduleFromJSON(json: unknown): Schedule {
  const value = typeof json === 'string' ? parseJSON(json) : json;
  return readAt(value, '', 0);
}

/** `JSON.parse` with a typed error. */
export function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidParameterError('json', text, `valid JSON (${(error as Error).message})`);
  }
}
