/**
 * Replays PyTorch traces through anneal and measures the agreement.
 *
 * @packageDocumentation
 */
import { AnnealError, TraceFormatError } from '../errors.js';
import { checkPyTorch, DEFAULT_PYTORCH, type PyTorchVersion } from '../schedulers/pytorch-version.js';
import { PYTORCH_PROVEN } from './pytorch-changes.js';
import type { OptimizerLike, ParamGroup } from '../schedulers/optimizer.js';
import { readMomentum } from '../schedulers/optimizer.js';
import { ReduceLROnPlateau } from '../schedulers/reduce-lr-on-plateau.js';
import { CosineAnnealingWarmRestarts } from '../schedulers/cosine-annealing-warm-restarts.js';
import { schedulerFromJSON } from '../serialization/scheduler-json.js';
import { parseTrace, type Trace, type TraceCase } from './trace.js';

/** The relative tolerance of the format: |anneal − torch| <= 1e-12 · max(|torch|, the group's initial rate). */
export const TRACE_TOLERANCE = 1e-12;

/** A row where anneal knowingly differs from PyTorch. */
export interface KnownDifference {
  /** Row index (0 = after construction). */
  row: number;
  /** Why. */
  reason: string;
}

/** The outcome of one trace case. */
export interface CaseResult {
  name: string;
  scheduler: string;
  /** The stepping it was replayed with. */
  pytorch: PyTorchVersion;
  /** Largest deviation over every row and group, in units of the format's scale (divide by 1e-12 for ulps-ish). */
  maxDeviation: number;
  /** Largest absolute difference of rates. */
  maxAbsoluteError: number;
  /** Rows compared. */
  rows: number;
  /** Whether every row agrees (known differences excepted). */
  ok: boolean;
  /** Rows skipped because anneal deliberately differs there. */
  knownDifferences: KnownDifference[];
  /** Why the case could not be replayed or where it first disagreed. */
  error?: string;
}

function makeOptimizer(c: TraceCase): OptimizerLike {
  const adam = c.optimizer === 'Adam';
  const paramGroups: ParamGroup[] = c.groups.map((g) => {
    const group: ParamGroup = { lr: g.lr };
    if (adam) group.betas = g.betas ? [...g.betas] : [0.9, 0.999];
    else group.momentum = g.momentum ?? 0;
    if (g.initial_lr !== undefined) group.initialLr = g.initial_lr;
    return group;
  });
  return { paramGroups };
}

/**
 * Why PyTorch's row differs by anneal's restart rule, or `undefined`: anneal is at a restart (the epoch is
 * one, or within 1024 ulps below one, or a `step()` reached one after such an epoch) and PyTorch is at the
 * end of the previous cycle, `etaMin` for every group (its float logarithm picked the previous cycle, or
 * its `T_cur` kept the ulps below the restart).
 */
function restartRuleDifference(s: CosineAnnealingWarmRestarts, epoch: number | undefined, torchRow: readonly number[], bases: readonly number[]): string | undefined {
  if (!(s.tCur === 0 && (epoch === undefined ? s.lastEpoch : epoch) > 0)) return undefined;
  if (!torchRow.every((lr, j) => Math.abs(lr - s.etaMin) <= TRACE_TOLERANCE * Math.max(Math.abs(s.etaMin), Math.abs(bases[j]!)))) return undefined;
  if (epoch === undefined) return 'a step() onto a restart after an epoch a few ulps below one: PyTorch keeps the ulps and ends the previous cycle, anneal restarts';
  return Number.isInteger(epoch) && s.tMult > 1
    ? `PyTorch's float logarithm misses the restart at epoch ${epoch}; anneal gives the restart value`
    : `epoch ${epoch} is within 1024 ulps below a restart: anneal gives the restart value, PyTorch the end of the previous cycle`;
}

/**
 * The stepping a trace's `torch` field names ({@link PyTorchVersion}): `'1.13'` for a 1.x release, `'2'`
 * for a 2.x release (the values are proven against the releases of {@link PYTORCH_PROVEN}), the default
 * `'2'` when the trace names none.
 * @throws {@link TraceFormatError} for another major version or a field that is not a version string.
 */
export function pytorchOfTrace(torch: unknown): PyTorchVersion {
  if (torch === undefined) return DEFAULT_PYTORCH;
  const major = typeof torch === 'string' ? /^(\d+)\.\d+/.exec(torch)?.[1] : undefined;
  if (major === '1') return '1.13';
  if (major === '2') return '2';
  throw new TraceFormatError('torch', `expected a PyTorch 1.x or 2.x version such as "2.13.0+cpu", got ${JSON.stringify(torch)}`);
}

/** Options of {@link replayTrace} and {@link replayCase}. */
export interface ReplayOptions {
  /**
   * The stepping to replay with; default: the one the trace's `torch` field names ({@link pytorchOfTrace}).
   * Replaying a trace with the other one shows where the two versions part.
   */
  pytorch?: PyTorchVersion;
}

/**
 * Replays one case: builds the scheduler from its PyTorch spelling with the stepping of `options.pytorch`
 * (default `'2'`; {@link replayTrace} passes the trace's), performs the actions, compares every row.
 */
export function replayCase(c: TraceCase, options: ReplayOptions = {}): CaseResult {
  const pytorch = checkPyTorch('pytorch', options.pytorch);
  const result: CaseResult = { name: c.name, scheduler: c.scheduler, pytorch, maxDeviation: 0, maxAbsoluteError: 0, rows: 0, ok: true, knownDifferences: [] };
  const optimizer = makeOptimizer(c);
  const initial = c.groups.map((g) => g.lr);
  const compare = (row: number, known: string | undefined): void => {
    const groups = optimizer.paramGroups;
    const expected = c.lrs[row]!;
    let rowWorst = 0;
    groups.forEach((g, j) => {
      const want = expected[j]!;
      const scale = Math.max(Math.abs(want), Math.abs(initial[j]!));
      const diff = Math.abs(g.lr - want);
      const dev = scale === 0 ? (diff === 0 ? 0 : Infinity) : diff / scale;
      const nan = Number.isNaN(g.lr);
      rowWorst = Math.max(rowWorst, nan ? Infinity : dev);
      if (c.record_momentum && c.momentums) {
        const m = readMomentum(g) ?? 0;
        const wantM = c.momentums[row]![j]!;
        const mDev = Math.abs(m - wantM) / Math.max(Math.abs(wantM), 1e-300);
        rowWorst = Math.max(rowWorst, Number.isNaN(m) ? Infinity : mDev);
      }
      if (!known) result.maxAbsoluteError = Math.max(result.maxAbsoluteError, nan ? Infinity : diff);
    });
    if (c.record_last_lr && c.last_lrs) {
      // get_last_lr() must hand out what the step set, exactly as PyTorch's does.
      const last = scheduler!.getLastLr();
      c.last_lrs[row]!.forEach((want, j) => {
        const dev = Math.abs((last[j] ?? NaN) - want) / Math.max(Math.abs(want), Math.abs(initial[j]!), 1e-300);
        rowWorst = Math.max(rowWorst, Number.isNaN(dev) ? Infinity : dev);
      });
    }
    result.rows += 1;
    if (rowWorst > TRACE_TOLERANCE && known) {
      result.knownDifferences.push({ row, reason: known });
      return;
    }
    result.maxDeviation = Math.max(result.maxDeviation, rowWorst);
    if (rowWorst > TRACE_TOLERANCE && result.ok) {
      result.ok = false;
      result.error = `row ${row}: expected [${expected.join(', ')}], got [${groups.map((g) => g.lr).join(', ')}]`;
    }
  };
  let scheduler: ReturnType<typeof schedulerFromJSON> | undefined;
  try {
    scheduler = schedulerFromJSON(optimizer, { scheduler: c.scheduler, kwargs: c.kwargs }, { pytorch });
  } catch (error) {
    return { ...result, ok: false, maxDeviation: Infinity, error: `cannot build ${c.scheduler}: ${(error as Error).message}` };
  }
  compare(0, undefined);
  for (let i = 0; i < c.actions.length; i++) {
    const action = c.actions[i]!;
    let known: string | undefined;
    try {
      if ('metrics' in action) {
        if (!(scheduler instanceof ReduceLROnPlateau)) throw new AnnealError('invalid-trace', `actions[${i}] passes metrics to ${c.scheduler}`);
        scheduler.step(action.metrics);
      } else if ('epoch' in action) {
        if (scheduler instanceof CosineAnnealingWarmRestarts) {
          scheduler.step(action.epoch);
          known = restartRuleDifference(scheduler, action.epoch, c.lrs[i + 1]!, initial);
        } else if ('lastEpoch' in scheduler && typeof (scheduler as { step: unknown }).step === 'function') {
          (scheduler as { step(e?: number): void }).step(action.epoch);
        } else {
          throw new AnnealError('invalid-trace', `actions[${i}]: ${c.scheduler}.step(epoch) is not supported`);
        }
      } else {
        if (scheduler instanceof ReduceLROnPlateau) throw new AnnealError('invalid-trace', `actions[${i}]: ReduceLROnPlateau needs metrics`);
        scheduler.step();
        if (scheduler instanceof CosineAnnealingWarmRestarts) known = restartRuleDifference(scheduler, undefined, c.lrs[i + 1]!, initial);
      }
    } catch (error) {
      return { ...result, ok: false, maxDeviation: Infinity, error: `action ${i}: ${(error as Error).message}` };
    }
    compare(i + 1, known);
  }
  return result;
}

/**
 * Replays every case of a trace (an object or JSON text already parsed) with the stepping of the PyTorch
 * version it names ({@link pytorchOfTrace}), or `options.pytorch`.
 */
export function replayTrace(trace: unknown, options: ReplayOptions = {}): CaseResult[] {
  const parsed: Trace = parseTrace(trace);
  const pytorch = options.pytorch === undefined ? pytorchOfTrace(parsed.torch) : checkPyTorch('pytorch', options.pytorch);
  return parsed.cases.map((c) => replayCase(c, { pytorch }));
}
