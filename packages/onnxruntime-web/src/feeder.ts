/**
 * The feeder: puts the scheduled learning rate (and the step) into the feeds of a training-step session.
 *
 * @packageDocumentation
 */
import { InvalidParameterError, SchedulerUsageError, StateDictError } from '@anneal/core';
import { type SchedulerState } from '@anneal/core/schedulers';
import { checkKnownKeys, createScheduleDriver, isSchedule, isScheduler } from '@anneal/core/adapter';
import { scheduleFromJSON, schedulerFromJSON } from '@anneal/core/json';
import { resolveLrInput, resolveStepInput } from './graph-input.js';
import type { LrSource, PlateauSchedulerLike, SchedulerLike, SourceJSON } from './lr-source.js';
import type { FeedsOf, OrtLike, OutputsOf, SessionLike, TensorLike } from './ort-types.js';
import { ScalarFeed } from './scalar-feed.js';

/** Options of {@link createFeeder}. */
export interface FeederOptions {
  /**
   * The base learning rate a pure schedule scales (the `lr` you would give the optimizer), or the
   * starting rate of the scheduler a factory builds. Required with a `Schedule` or a factory; must be
   * absent with a scheduler, whose optimizer group holds it.
   */
  baseLr?: number;
  /** With a scheduler: the index of the param group whose rate is fed. Default `0`. */
  group?: number;
  /** Name of the learning-rate input. Default: the graph's input named `lr` or `learning_rate`. */
  lrInput?: string;
  /**
   * Name of the step input, or `false` to feed none. Default: the input named `step` if the graph
   * has one. It receives {@link ScheduleFeeder.currentStep}, the 0-based index of the step being taken.
   */
  stepInput?: string | false;
  /** The step the first `feeds()` uses, to resume a run; a non-negative integer. Default `0`. */
  initialStep?: number;
  /**
   * With a `ReduceLROnPlateau` source: the graph output whose value `trainStep` passes to
   * `scheduler.step(metric)`. Default `"loss"`. Must be absent with other sources.
   */
  metricOutput?: string;
  /**
   * To resume a stateful source: a state saved by `feeder.scheduler.stateDict()` (JSON round trips allowed),
   * loaded into the scheduler (for a factory, once built); the saved rates, and a cycled momentum, go back
   * into its param groups. With `initialStep`, the scheduler must then be at step `initialStep`. Not for a
   * pure schedule, which resumes from `initialStep` alone.
   */
  state?: SchedulerState;
}

const OPTION_KEYS = ['baseLr', 'group', 'lrInput', 'stepInput', 'initialStep', 'metricOutput', 'state'];

/** A JSON object naming a kind (`type` or `scheduler`) that is neither a schedule nor a scheduler. */
function isSpec(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isSchedule(value) || isScheduler(value)) return false;
  const v = value as { type?: unknown; scheduler?: unknown };
  return typeof v.type === 'string' || typeof v.scheduler === 'string';
}

/** A JSON source read: a `scheduler` spec becomes a factory, a `type` spec a pure schedule. */
function readSource(source: LrSource): Exclude<LrSource, SourceJSON> {
  if (!isSpec(source)) return source as Exclude<LrSource, SourceJSON>;
  if (typeof source.scheduler === 'string') {
    schedulerFromJSON({ paramGroups: [{ lr: 0.1 }] }, source); // refused at construction, naming the path
    return (optimizer) => schedulerFromJSON(optimizer, source) as SchedulerLike | PlateauSchedulerLike;
  }
  return scheduleFromJSON(source);
}

/** What the feeder needs of a stateful source to save and resume it. */
interface Resumable {
  lastEpoch?: unknown;
  kind?: unknown;
  getLastLr?: () => number[];
  loadStateDict?: (state: SchedulerState) => void;
  restoreGroups?: () => void;
}

/**
 * Feeds a schedule into one session. Create it with {@link createFeeder}.
 *
 * Two ways to use it: `trainStep(feeds)` runs the session and advances the schedule; or build the
 * feeds yourself with `feeds(extra)`, call `session.run`, then `step()`.
 */
export interface ScheduleFeeder<S extends SessionLike> {
  /** The session fed. */
  readonly session: S;
  /** The name of the learning-rate input. */
  readonly lrInput: string;
  /** The name of the step input, or `null` when none is fed. */
  readonly stepInput: string | null;
  /** The 0-based index of the step the next `feeds()` is for; `initialStep` plus the `step()` calls so far. */
  readonly currentStep: number;
  /** The learning rate of the current step, as the schedule or scheduler gives it (before rounding to the input's type). */
  readonly lr: number;
  /**
   * The scheduler the rate comes from: the one given, the one the factory (or a JSON spec) built, or the
   * `ScheduleLR` of a pure schedule. Save `feeder.scheduler.stateDict()` with your weights; resume with
   * `createFeeder(..., { state, initialStep })`.
   */
  readonly scheduler: object;
  /**
   * The feeds for one run: `extra` (your other inputs) plus the learning rate and, if the graph
   * takes one, the step. The lr and step tensors are the same objects every call, their one-element
   * buffers rewritten, so no tensor is allocated per step: use the result for one run before calling
   * `feeds()` again.
   * @throws InvalidParameterError when `extra` sets the lr or step input itself, or the rate is not
   * finite in the input's type (NaN written into the optimizer group, or above 3.4e38 for float32).
   * Errors of the schedule itself (core's `NonFiniteRateError`) pass through.
   */
  feeds(extra?: FeedsOf<S>): FeedsOf<S>;
  /**
   * Advances to the next step: the pure schedule's step counter, or the scheduler's `step()`.
   * A `ReduceLROnPlateau` source takes the step's metric: `step(loss)`.
   * @throws SchedulerUsageError when a metric is missing for a `ReduceLROnPlateau` source or given to
   * another source, or a `trainStep` is still running.
   */
  step(metric?: number): void;
  /**
   * One training step: runs the session on `feeds(extra)`, then advances the schedule (passing the
   * `metricOutput` value to a `ReduceLROnPlateau`), and resolves with the session's outputs.
   * If the run fails, the schedule does not advance. `runOptions` go to `session.run` as its options.
   * @throws SchedulerUsageError when called again before the previous call has settled.
   */
  trainStep(extra?: FeedsOf<S>, runOptions?: object): Promise<OutputsOf<S>>;
}

function checkRuntime(ort: unknown, session: unknown): void {
  if (typeof (ort as Partial<OrtLike> | null)?.Tensor !== 'function') {
    throw new InvalidParameterError('ort', ort, "an onnxruntime module with a Tensor class (import * as ort from 'onnxruntime-web')");
  }
  const s = session as Partial<SessionLike> | null;
  if (typeof s?.run !== 'function' || !Array.isArray(s.inputNames) || !Array.isArray(s.outputNames)) {
    throw new InvalidParameterError('session', session, 'an InferenceSession (await ort.InferenceSession.create(model))');
  }
}

/**
 * Loads `state` into a stateful source (its groups get the saved rates back), then checks that the source
 * is where the run resumes: at step `initialStep`, with the rate of its last step in the fed group. A
 * source that fails either would feed the rate of another step, silently: it stops here instead.
 */
function resume(scheduler: Resumable, groups: ReadonlyArray<{ lr: number }>, group: number, state: SchedulerState | undefined, initialStep: number): void {
  const kind = typeof scheduler.kind === 'string' ? scheduler.kind : 'scheduler';
  const recipe = 'save feeder.scheduler.stateDict() with your weights and pass it back: createFeeder(ort, session, source, { initialStep, state: saved })';
  if (state !== undefined) {
    if (typeof state !== 'object' || state === null || typeof scheduler.loadStateDict !== 'function') {
      throw new InvalidParameterError('state', state, "a scheduler's state (feeder.scheduler.stateDict()), for a source that can load one");
    }
    try {
      scheduler.loadStateDict(state);
    } catch (error) {
      if (error instanceof StateDictError) throw error.within('state');
      throw error;
    }
    scheduler.restoreGroups?.(); // the groups of a scheduler given as is may not restore on load
  }
  const position = scheduler.lastEpoch;
  if (initialStep > 0 && typeof position === 'number' && position !== initialStep) {
    throw new SchedulerUsageError(
      `createFeeder: initialStep is ${initialStep} but the ${kind} is at step ${position}${position === 0 ? ', as built: its saved state was not loaded' : ''}; ${recipe}`,
    );
  }
  const last = scheduler.getLastLr?.()[group];
  const held = groups[group]!.lr;
  if (last !== undefined && !Object.is(last, held)) {
    throw new SchedulerUsageError(
      `createFeeder: param group ${group} holds lr ${held}, but the ${kind}'s last step set ${last}: its state was loaded without the rates (PyTorch leaves them to optimizer.load_state_dict); pass the state as the state option, or call scheduler.restoreGroups() first`,
    );
  }
}

/** Refuses an input of the caller's that the feeder supplies (the learning rate, or the step). */
function supplied(name: string, feeds: Record<string, TensorLike>): never {
  throw new InvalidParameterError(`feeds.${name}`, feeds[name], 'absent: the feeder supplies this input');
}

function metricOf(outputs: Record<string, unknown>, name: string): number {
  const data = (outputs[name] as { data?: ArrayLike<number | bigint> } | undefined)?.data;
  if (data === undefined || data.length !== 1) {
    throw new SchedulerUsageError(`output ${JSON.stringify(name)} must be a one-element tensor to serve as the ReduceLROnPlateau metric`);
  }
  return Number(data[0]);
}

/**
 * Attaches a schedule to a session whose graph takes the learning rate as an input (a training step
 * of standard ONNX operators: forward, gradient, `W − lr·G`; see the package README).
 *
 * The learning-rate input is found by `options.lrInput` or the names in `LR_INPUT_NAMES` (`lr`,
 * `learning_rate`) and must be float32 or float64 with shape `[]` or `[1]`; a step input (`step`, or
 * `options.stepInput`) is fed when present, as int64, int32, float32 or float64. Types and shapes are
 * read from `session.inputMetadata` (onnxruntime-web >= 1.22); where a runtime does not report them, the
 * feeder uses a float32 (lr) or int64 (step) scalar.
 *
 * @param ort The onnxruntime module the session comes from (`import * as ort from 'onnxruntime-web'`);
 *   its `Tensor` class builds the fed tensors.
 * @param session The training-step session.
 * @param source A pure `Schedule` (give `options.baseLr`), evaluated at step 0, 1, 2, ...; or a stateful
 *   scheduler from `@anneal/core/schedulers` (its constructor took the initial step), whose group rate is fed and
 *   whose `step()` is called after each training step; or a `ReduceLROnPlateau`, stepped with a metric;
 *   or a function `(optimizer) => scheduler`, called once on a param group holding `options.baseLr`.
 * @throws MissingGraphInputError when the graph has no learning-rate input, or no input named by
 *   `lrInput`/`stepInput`.
 * @throws GraphInputTypeError when that input's type or shape cannot be fed.
 * @throws InvalidParameterError for a bad `ort`, `session`, source or option, naming it and its value.
 *
 * @example
 * ```ts
 * const feeder = createFeeder(ort, session, sgdr({ t0: 100 }), { baseLr: 0.05 });
 * for (const batch of batches) {
 *   const { W_new, loss } = await feeder.trainStep({ X: batch.X, y: batch.y, W });
 *   W = W_new;
 * }
 * ```
 */
export function createFeeder<S extends SessionLike>(ort: OrtLike, session: S, source: LrSource, options: FeederOptions = {}): ScheduleFeeder<S> {
  checkRuntime(ort, session);
  const opts = checkKnownKeys('', options, OPTION_KEYS) as FeederOptions;
  const driver = createScheduleDriver(readSource(source), { ...(opts.baseLr === undefined ? {} : { baseLr: opts.baseLr }) });
  let group = 0;
  if (driver.kind === 'schedule') {
    if (opts.group !== undefined) throw new InvalidParameterError('group', opts.group, 'absent when feeding a pure schedule (it has no param groups)');
  } else {
    const n = driver.optimizer.paramGroups.length;
    group = opts.group ?? 0;
    if (!Number.isSafeInteger(group) || group < 0 || group >= n) {
      throw new InvalidParameterError('group', group, `an integer from 0 to ${n - 1} (the optimizer has ${n} param groups)`);
    }
  }
  const initialStep = opts.initialStep ?? 0;
  if (!Number.isSafeInteger(initialStep) || initialStep < 0) {
    throw new InvalidParameterError('initialStep', initialStep, 'a non-negative integer');
  }
  // A pure schedule starts at initialStep; a scheduler's constructor took its own initial step.
  if (driver.kind === 'schedule') {
    if (opts.state !== undefined) {
      throw new InvalidParameterError('state', '(a state)', 'absent with a pure schedule: it resumes from initialStep alone');
    }
    if (initialStep > 0) driver.stepTo(initialStep);
  } else resume(driver.scheduler as Resumable, driver.optimizer.paramGroups, group, opts.state, initialStep);
  let metricOutput: string | null = null;
  if (driver.kind === 'plateau') {
    metricOutput = opts.metricOutput ?? 'loss';
    if (!session.outputNames.includes(metricOutput)) {
      throw new InvalidParameterError('metricOutput', metricOutput, `the name of a graph output, one of ${session.outputNames.map((n) => JSON.stringify(n)).join(', ')}`);
    }
  } else if (opts.metricOutput !== undefined) {
    throw new InvalidParameterError('metricOutput', opts.metricOutput, 'absent unless the source is a ReduceLROnPlateau');
  }
  const lrIn = resolveLrInput(session, opts.lrInput);
  const stepIn = resolveStepInput(session, opts.stepInput);
  if (stepIn !== null && stepIn.name === lrIn.name) {
    throw new InvalidParameterError('stepInput', stepIn.name, `a different input than the learning rate's (${JSON.stringify(lrIn.name)})`);
  }
  const lrFeed = new ScalarFeed(ort, lrIn);
  const lrName = lrIn.name;
  const stepName = stepIn?.name;
  const stepFeed = stepIn === null ? null : new ScalarFeed(ort, stepIn);
  let t = initialStep;
  let running = false;

  const feeder: ScheduleFeeder<S> = {
    session,
    lrInput: lrIn.name,
    stepInput: stepIn?.name ?? null,
    get currentStep() {
      return t;
    },
    get lr() {
      return driver.lr(group);
    },
    get scheduler() {
      return driver.scheduler;
    },
    feeds(extra?: FeedsOf<S>): FeedsOf<S> {
      if (extra !== undefined && (typeof extra !== 'object' || extra === null || Array.isArray(extra))) {
        throw new InvalidParameterError('feeds', extra, 'an object mapping input names to tensors');
      }
      const base = (extra ?? {}) as Record<string, TensorLike>;
      const lr = lrFeed.tensor(driver.lr(group));
      // The feeder's inputs first, then the caller's: one of the caller's with the same name would replace
      // the feeder's, which is refused. (A literal: adding a property to a copy of the caller's object,
      // by spread or Object.assign, costs several times more in V8; docs/benchmarks.md.)
      if (stepFeed === null) {
        const out: Record<string, TensorLike> = { [lrName]: lr, ...base };
        if (out[lrName] !== lr) supplied(lrName, base);
        return out as FeedsOf<S>;
      }
      const step = stepFeed.tensor(t);
      const out: Record<string, TensorLike> = { [lrName]: lr, [stepName!]: step, ...base };
      if (out[lrName] !== lr) supplied(lrName, base);
      if (out[stepName!] !== step) supplied(stepName!, base);
      return out as FeedsOf<S>;
    },
    step(metric?: number): void {
      if (running) throw new SchedulerUsageError('step() was called while trainStep() is running; await it first');
      driver.step(metric);
      t += 1;
    },
    async trainStep(extra?: FeedsOf<S>, runOptions?: object): Promise<OutputsOf<S>> {
      if (running) throw new SchedulerUsageError('trainStep() was called again before the previous call settled; await each step');
      const feeds = feeder.feeds(extra) as Record<string, TensorLike>;
      running = true;
      let outputs: Record<string, unknown>;
      try {
        outputs = runOptions === undefined ? await session.run(feeds) : await session.run(feeds, runOptions);
      } finally {
        running = false;
      }
      feeder.step(metricOutput === null ? undefined : metricOf(outputs, metricOutput));
      return outputs as OutputsOf<S>;
    },
  };
  return feeder;
}
