/**
 * The specs the writers are tested on: every kind's sample spec, the sample with each option at its
 * alternative value, and specs shaped like each ecosystem's schedules (with the targets that must write them).
 */
import { scheduleFromJSON, WRITE_TARGETS, type WriteTarget } from '../src/json.js';
import { SCHEDULE_DESCRIPTORS, sampleSpec, alternativeValue } from '../src/meta.js';

/** A spec of the grid and the targets it must be written for exactly (the others may refuse). */
export interface GridSpec {
  readonly name: string;
  readonly spec: Record<string, unknown>;
  readonly exact: readonly WriteTarget[];
}

const cosineClamped = { type: 'cosine', tMax: 90, clamp: true };

/** Ecosystem-shaped specs, each with the targets that must write it exactly. */
export const SHAPED: readonly GridSpec[] = [
  { name: 'HF linear', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'linear', startFactor: 1, endFactor: 0, totalIters: 90 } }, exact: ['hf'] },
  { name: 'HF cosine', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'cosine', tMax: 90 } }, exact: ['hf'] },
  { name: 'cosine (PyTorch)', spec: { type: 'cosine', tMax: 100 }, exact: ['pytorch', 'hf'] },
  { name: 'cosine, half-step period', spec: { type: 'cosine', tMax: 45.5 }, exact: ['pytorch', 'hf'] },
  { name: 'HF cosine_with_min_lr (min_lr)', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'cosine', tMax: 90, etaMin: 0.001 } }, exact: ['hf'] },
  { name: 'HF cosine_with_min_lr (min_lr_rate)', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'cosine', tMax: 90, minFactor: 0.1 } }, exact: ['hf'] },
  { name: 'HF cosine_with_restarts', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'sgdr', t0: 30, cycleLimit: 3 } }, exact: ['hf'] },
  { name: 'HF polynomial', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'polynomial', totalIters: 90, power: 2, endLr: 1e-7 } }, exact: ['hf', 'optax'] },
  { name: 'HF constant_with_warmup', spec: { type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'constant', factor: 1 } }, exact: ['hf'] },
  { name: 'constant', spec: { type: 'constant', factor: 1 }, exact: ['pytorch', 'hf', 'optax'] },
  { name: 'HF inverse_sqrt', spec: { type: 'inverseSqrt', warmupSteps: 10, timescale: 20 }, exact: ['hf'] },
  { name: 'HF warmup_stable_decay', spec: { type: 'wsd', warmupSteps: 10, stableSteps: 60, decaySteps: 30, decayShape: 'cosine', startFactor: 0.05, minFactor: 0.05 }, exact: ['hf'] },
  { name: 'HF warmup_stable_decay (1-sqrt)', spec: { type: 'wsd', warmupSteps: 5, stableSteps: 20, decaySteps: 25, decayShape: 'sqrt', warmupShape: 'cosine' }, exact: ['hf'] },
  { name: 'Keras CosineDecay', spec: cosineClamped, exact: ['keras', 'optax'] },
  { name: 'Keras CosineDecay (alpha)', spec: { ...cosineClamped, minFactor: 0.1 }, exact: ['keras', 'optax'] },
  { name: 'Keras CosineDecay (warmup)', spec: { type: 'warmup', steps: 10, startFactor: 0.1, schedule: { ...cosineClamped, etaMin: 0.001 } }, exact: ['keras', 'optax'] },
  { name: 'Keras CosineDecayRestarts', spec: { type: 'sgdr', t0: 10, tMult: 2, cycleDecay: 0.8 }, exact: ['keras'] },
  { name: 'Keras CosineDecayRestarts (real t_mul, alpha)', spec: { type: 'sgdr', t0: 10, tMult: 1.5, minFactor: 0.05 }, exact: ['keras'] },
  { name: 'exponential every 10 steps', spec: { type: 'exponential', gamma: 0.9, period: 10 }, exact: ['keras', 'optax'] },
  { name: 'step', spec: { type: 'step', stepSize: 10, gamma: 0.5 }, exact: ['pytorch', 'keras', 'optax', 'timm'] },
  { name: 'Keras PiecewiseConstantDecay', spec: { type: 'piecewiseConstant', boundaries: [30, 80], values: [1, 0.5, 0.1], atBoundary: 'previous' }, exact: ['keras'] },
  { name: 'Keras PolynomialDecay (cycle)', spec: { type: 'polynomial', totalIters: 50, power: 2, endLr: 0.0001, cycle: true }, exact: ['keras'] },
  { name: 'Keras InverseTimeDecay', spec: { type: 'inverseSqrt', warmupSteps: 0, timescale: 20, power: 1 }, exact: ['keras'] },
  { name: 'Keras InverseTimeDecay (staircase)', spec: { type: 'inverseSqrt', warmupSteps: 0, timescale: 20, power: 1, stepSize: 10 }, exact: ['keras'] },
  { name: 'optax linear_schedule', spec: { type: 'linear', startFactor: 0.1, endFactor: 1, totalIters: 20 }, exact: ['pytorch', 'optax'] },
  { name: 'optax cosine (exponent)', spec: { ...cosineClamped, exponent: 2 }, exact: ['optax'] },
  { name: 'optax exponential_decay (end_value)', spec: { type: 'exponential', gamma: 0.9, period: 10, endLr: 0.01 }, exact: ['optax'] },
  { name: 'optax warmup_exponential_decay_schedule', spec: { type: 'warmup', steps: 5, startFactor: 0, schedule: { type: 'step', stepSize: 10, gamma: 0.5 } }, exact: ['optax'] },
  { name: 'optax piecewise_constant_schedule', spec: { type: 'piecewiseConstant', boundaries: [30, 80], values: [1, 0.5, 0.1] }, exact: ['optax'] },
  { name: 'optax piecewise_interpolate_schedule', spec: { type: 'piecewiseInterpolate', boundaries: [0, 20, 60, 100], values: [0.1, 1, 0.3, 0.01], interpolation: 'linear' }, exact: ['optax'] },
  { name: 'optax join_schedules', spec: { type: 'sequence', milestones: [20], schedules: [{ type: 'linear', startFactor: 0.1, endFactor: 1, totalIters: 20 }, { ...cosineClamped, tMax: 80 }] }, exact: ['optax'] },
  { name: 'timm cosine', spec: { type: 'sgdr', t0: 50, cycleLimit: 1, etaMin: 1e-5, cycleDecay: 0.1 }, exact: ['timm'] },
  { name: 'timm cosine (k_decay, cycles)', spec: { type: 'sgdr', t0: 20, tMult: 2, cycleLimit: 3, cycleDecay: 0.5, kDecay: 2 }, exact: ['timm'] },
  { name: 'timm tanh', spec: { type: 'sgdr', t0: 40, cycleLimit: 1, shape: 'tanh' }, exact: ['timm'] },
  { name: 'timm poly', spec: { type: 'sgdr', t0: 40, cycleLimit: 1, shape: 'poly', power: 2, etaMin: 1e-4 }, exact: ['timm'] },
  { name: 'timm warmup prefix', spec: { type: 'warmup', steps: 5, startFactor: 0.01, prefix: true, schedule: { type: 'sgdr', t0: 50, cycleLimit: 1 } }, exact: ['timm'] },
  { name: 'timm warmup over the decay', spec: { type: 'warmup', steps: 5, startFactor: 0.01, prefix: false, schedule: { type: 'sgdr', t0: 50, cycleLimit: 1 } }, exact: ['timm'] },
  { name: 'timm tanh warmup', spec: { type: 'warmup', steps: 5, startFactor: 0.01, warmTo: 'baseLr', schedule: { type: 'sgdr', t0: 40, cycleLimit: 1, shape: 'tanh' } }, exact: ['timm'] },
  { name: 'timm noise', spec: { type: 'noise', start: 25, end: 40, pct: 0.5, seed: 7, schedule: { type: 'sgdr', t0: 50, cycleLimit: 1 } }, exact: ['timm'] },
  { name: 'timm multistep', spec: { type: 'multiStep', milestones: [30, 60], gamma: 0.1 }, exact: ['pytorch', 'timm'] },
  { name: 'PyTorch warmup (SequentialLR after LinearLR)', spec: { type: 'warmup', steps: 5, startFactor: 0.1, schedule: { type: 'cosine', tMax: 95 } }, exact: ['pytorch'] },
  { name: 'linear decay to a fraction', spec: { type: 'linear', startFactor: 1, endFactor: 0.1, totalIters: 50 }, exact: ['pytorch', 'hf', 'keras', 'optax'] },
  { name: 'PyTorch CosineAnnealingWarmRestarts', spec: { type: 'sgdr', t0: 10, tMult: 2, etaMin: 0.001 }, exact: ['pytorch'] },
  { name: 'PyTorch SequentialLR', spec: { type: 'sequence', milestones: [10], schedules: [{ type: 'linear', startFactor: 0.1, endFactor: 1, totalIters: 10 }, { type: 'cosine', tMax: 90 }] }, exact: ['pytorch'] },
  { name: 'PyTorch ChainedScheduler', spec: { type: 'chain', schedules: [{ type: 'constant', factor: 0.5, totalIters: 5 }, { type: 'exponential', gamma: 0.95 }] }, exact: ['pytorch'] },
];

/** Every kind's sample spec, and the sample with one option at its alternative value (the valid ones). */
export function sampleGrid(): GridSpec[] {
  const out: GridSpec[] = [];
  for (const d of SCHEDULE_DESCRIPTORS) {
    const sample = sampleSpec(d);
    out.push({ name: `${d.type} sample`, spec: sample, exact: [] });
    for (const [option, meta] of Object.entries(d.options)) {
      const value = alternativeValue(meta as never);
      if (value === undefined) continue;
      const spec = { ...sample, [option]: value };
      try {
        scheduleFromJSON(spec);
      } catch {
        continue; // an alternative that is not valid with the other samples
      }
      out.push({ name: `${d.type} ${option}=${JSON.stringify(value)}`, spec, exact: [] });
    }
  }
  return out;
}

/** The whole grid. */
export const GRID: readonly GridSpec[] = [...sampleGrid(), ...SHAPED];

export { WRITE_TARGETS };

import { ConversionError, TARGET_NAMES, writeConfig } from '../src/json.js';
import { SCHEDULE_DESCRIPTORS as KINDS } from '../src/meta.js';

/** Markdown-safe (and MDX-safe) text. */
const safe = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\{/g, '\\{').replace(/\}/g, '\\}');

/** The outcome of writing each grid spec for each target (base rate 1). */
export function outcomes(): Array<{ kind: string; name: string; target: WriteTarget; reason?: string }> {
  const out: Array<{ kind: string; name: string; target: WriteTarget; reason?: string }> = [];
  for (const { name, spec } of GRID) {
    for (const target of WRITE_TARGETS) {
      try {
        writeConfig(spec, target);
        out.push({ kind: spec.type as string, name, target });
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        out.push({ kind: spec.type as string, name, target, reason: e.message });
      }
    }
  }
  return out;
}

/** The conversion matrix as Markdown: per kind and target, the grid specs written exactly, then why each sample is refused. */
export function conversionMatrix(): string {
  const all = outcomes();
  const header = `| kind | ${WRITE_TARGETS.map((t) => TARGET_NAMES[t]).join(' | ')} |\n| --- | ${WRITE_TARGETS.map(() => '---').join(' | ')} |`;
  const rows = KINDS.map((d) => {
    const cells = WRITE_TARGETS.map((t) => {
      const mine = all.filter((o) => o.kind === d.type && o.target === t);
      const exact = mine.filter((o) => o.reason === undefined).length;
      return exact === 0 ? `— (0/${mine.length})` : exact === mine.length ? `exact (${exact}/${mine.length})` : `${exact}/${mine.length}`;
    });
    return `| \`${d.type}\` | ${cells.join(' | ')} |`;
  });
  const totals = WRITE_TARGETS.map((t) => {
    const mine = all.filter((o) => o.target === t);
    return `${mine.filter((o) => o.reason === undefined).length} exact, ${mine.filter((o) => o.reason !== undefined).length} refused`;
  });
  const reasons = KINDS.flatMap((d) => {
    const sample = all.filter((o) => o.kind === d.type && o.name === `${d.type} sample` && o.reason !== undefined);
    return sample.length === 0 ? [] : [`- \`${d.type}\` (sample spec): ${sample.map((o) => `${TARGET_NAMES[o.target]}: ${safe(o.reason!)}`).join('; ')}`];
  });
  return [header, ...rows, `| **all ${GRID.length} specs** | ${totals.join(' | ')} |`, '', 'Why each kind\'s sample spec is refused where it is:', '', ...reasons].join('\n');
}
