/** The schedules the playground offers, with their parameters, defaults and PyTorch names. */

export type ParamKind = 'number' | 'int' | 'boolean' | 'select' | 'list' | 'optional';

export interface ParamDef {
  key: string;
  label: string;
  kind: ParamKind;
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  /** PyTorch's name for it, when it has one. */
  torch?: string;
  help?: string;
}

export interface KindDef {
  type: string;
  label: string;
  torch: string;
  params: ParamDef[];
}

export const CATALOG: readonly KindDef[] = [
  {
    type: 'cosine',
    label: 'Cosine annealing',
    torch: 'CosineAnnealingLR',
    params: [
      { key: 'tMax', label: 'tMax', kind: 'number', default: 50, min: 1, max: 500, step: 1, torch: 'T_max', help: 'half period: steps from the base rate down to etaMin' },
      { key: 'etaMin', label: 'etaMin', kind: 'number', default: 0, min: 0, max: 0.1, step: 0.001, torch: 'eta_min' },
      { key: 'clamp', label: 'clamp', kind: 'boolean', default: false, help: 'stay at etaMin after tMax (no PyTorch flag)' },
    ],
  },
  {
    type: 'sgdr',
    label: 'SGDR (warm restarts)',
    torch: 'CosineAnnealingWarmRestarts',
    params: [
      { key: 't0', label: 't0', kind: 'number', default: 10, min: 1, max: 200, step: 1, torch: 'T_0' },
      { key: 'tMult', label: 'tMult', kind: 'int', default: 2, min: 1, max: 5, step: 1, torch: 'T_mult' },
      { key: 'etaMin', label: 'etaMin', kind: 'number', default: 0, min: 0, max: 0.1, step: 0.001, torch: 'eta_min' },
      { key: 'cycleDecay', label: 'cycleDecay', kind: 'number', default: 1, min: 0, max: 1, step: 0.05 },
      { key: 'cycleLimit', label: 'cycleLimit', kind: 'optional', default: '', min: 1, max: 20, step: 1, help: 'empty: no limit' },
      { key: 'warmupSteps', label: 'warmupSteps', kind: 'number', default: 0, min: 0, max: 100, step: 1 },
      { key: 'warmupStartFactor', label: 'warmupStartFactor', kind: 'number', default: 0, min: 0, max: 1, step: 0.05 },
    ],
  },
  {
    type: 'oneCycle',
    label: 'One-cycle',
    torch: 'OneCycleLR',
    params: [
      { key: 'totalSteps', label: 'totalSteps', kind: 'int', default: 100, min: 1, max: 2000, step: 1, torch: 'total_steps' },
      { key: 'maxLr', label: 'maxLr', kind: 'number', default: 0.1, min: 0.001, max: 1, step: 0.001, torch: 'max_lr' },
      { key: 'pctStart', label: 'pctStart', kind: 'number', default: 0.3, min: 0, max: 1, step: 0.05, torch: 'pct_start' },
      { key: 'annealStrategy', label: 'annealStrategy', kind: 'select', default: 'cos', options: ['cos', 'linear'], torch: 'anneal_strategy' },
      { key: 'divFactor', label: 'divFactor', kind: 'number', default: 25, min: 1, max: 100, step: 1, torch: 'div_factor' },
      { key: 'finalDivFactor', label: 'finalDivFactor', kind: 'number', default: 10000, min: 1, max: 100000, step: 1, torch: 'final_div_factor' },
      { key: 'threePhase', label: 'threePhase', kind: 'boolean', default: false, torch: 'three_phase' },
    ],
  },
  {
    type: 'cyclic',
    label: 'Cyclic (triangular)',
    torch: 'CyclicLR',
    params: [
      { key: 'baseLr', label: 'baseLr (lower bound)', kind: 'number', default: 0.01, min: 0, max: 1, step: 0.001, torch: 'base_lr' },
      { key: 'maxLr', label: 'maxLr', kind: 'number', default: 0.1, min: 0, max: 1, step: 0.001, torch: 'max_lr' },
      { key: 'stepSizeUp', label: 'stepSizeUp', kind: 'number', default: 10, min: 1, max: 200, step: 1, torch: 'step_size_up' },
      { key: 'stepSizeDown', label: 'stepSizeDown', kind: 'number', default: 10, min: 1, max: 200, step: 1, torch: 'step_size_down' },
      { key: 'mode', label: 'mode', kind: 'select', default: 'triangular', options: ['triangular', 'triangular2', 'exp_range'], torch: 'mode' },
      { key: 'gamma', label: 'gamma', kind: 'number', default: 0.99, min: 0.9, max: 1, step: 0.001, torch: 'gamma', help: 'used by exp_range' },
    ],
  },
  {
    type: 'step',
    label: 'Step decay',
    torch: 'StepLR',
    params: [
      { key: 'stepSize', label: 'stepSize', kind: 'number', default: 30, min: 1, max: 500, step: 1, torch: 'step_size' },
      { key: 'gamma', label: 'gamma', kind: 'number', default: 0.1, min: 0, max: 1, step: 0.05, torch: 'gamma' },
    ],
  },
  {
    type: 'multiStep',
    label: 'Multi-step decay',
    torch: 'MultiStepLR',
    params: [
      { key: 'milestones', label: 'milestones', kind: 'list', default: '30, 60, 80', torch: 'milestones', help: 'comma-separated steps' },
      { key: 'gamma', label: 'gamma', kind: 'number', default: 0.1, min: 0, max: 1, step: 0.05, torch: 'gamma' },
    ],
  },
  {
    type: 'exponential',
    label: 'Exponential decay',
    torch: 'ExponentialLR',
    params: [{ key: 'gamma', label: 'gamma', kind: 'number', default: 0.95, min: 0.5, max: 1, step: 0.005, torch: 'gamma' }],
  },
  {
    type: 'polynomial',
    label: 'Polynomial decay',
    torch: 'PolynomialLR',
    params: [
      { key: 'totalIters', label: 'totalIters', kind: 'number', default: 100, min: 1, max: 1000, step: 1, torch: 'total_iters' },
      { key: 'power', label: 'power', kind: 'number', default: 1, min: 0, max: 5, step: 0.1, torch: 'power' },
    ],
  },
  {
    type: 'linear',
    label: 'Linear ramp',
    torch: 'LinearLR',
    params: [
      { key: 'startFactor', label: 'startFactor', kind: 'number', default: 0.1, min: 0, max: 1, step: 0.05, torch: 'start_factor' },
      { key: 'endFactor', label: 'endFactor', kind: 'number', default: 1, min: 0, max: 1, step: 0.05, torch: 'end_factor' },
      { key: 'totalIters', label: 'totalIters', kind: 'number', default: 20, min: 1, max: 500, step: 1, torch: 'total_iters' },
    ],
  },
  {
    type: 'constant',
    label: 'Constant factor',
    torch: 'ConstantLR',
    params: [
      { key: 'factor', label: 'factor', kind: 'number', default: 0.5, min: 0, max: 1, step: 0.05, torch: 'factor' },
      { key: 'totalIters', label: 'totalIters', kind: 'number', default: 20, min: 0, max: 500, step: 1, torch: 'total_iters' },
    ],
  },
  {
    type: 'inverseSqrt',
    label: 'Inverse square root',
    torch: 'LambdaLR',
    params: [
      { key: 'warmupSteps', label: 'warmupSteps', kind: 'number', default: 10, min: 0, max: 200, step: 1 },
      { key: 'timescale', label: 'timescale', kind: 'number', default: 10, min: 1, max: 1000, step: 1 },
    ],
  },
  {
    type: 'wsd',
    label: 'Warmup-stable-decay',
    torch: 'LambdaLR',
    params: [
      { key: 'warmupSteps', label: 'warmupSteps', kind: 'number', default: 10, min: 0, max: 200, step: 1 },
      { key: 'stableSteps', label: 'stableSteps', kind: 'number', default: 60, min: 0, max: 1000, step: 1 },
      { key: 'decaySteps', label: 'decaySteps', kind: 'number', default: 30, min: 0, max: 500, step: 1 },
      { key: 'decayShape', label: 'decayShape', kind: 'select', default: 'linear', options: ['linear', 'cosine', 'sqrt'] },
      { key: 'startFactor', label: 'startFactor', kind: 'number', default: 0, min: 0, max: 1, step: 0.05 },
      { key: 'minFactor', label: 'minFactor', kind: 'number', default: 0, min: 0, max: 1, step: 0.05 },
    ],
  },
];

export type ParamValues = Record<string, number | boolean | string>;

export function defaults(kind: KindDef): ParamValues {
  return Object.fromEntries(kind.params.map((p) => [p.key, p.default]));
}

/** The anneal JSON spec for a kind and its control values (before validation by @anneal/core). */
export function buildSpec(kind: KindDef, values: ParamValues, warmup: { steps: number; startFactor: number }): Record<string, unknown> {
  const spec: Record<string, unknown> = { type: kind.type };
  for (const p of kind.params) {
    const v = values[p.key] ?? p.default;
    if (p.kind === 'boolean') spec[p.key] = Boolean(v);
    else if (p.kind === 'select') spec[p.key] = String(v);
    else if (p.kind === 'list') {
      spec[p.key] = String(v)
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map(Number);
    } else if (p.kind === 'optional') {
      if (String(v).trim() !== '') spec[p.key] = Number(v);
    } else spec[p.key] = String(v).trim() === '' ? Number.NaN : Number(v);
  }
  if (warmup.steps > 0) return { type: 'warmup', steps: warmup.steps, startFactor: warmup.startFactor, schedule: spec };
  return spec;
}

/** A short legend label: the schedule type with its first parameter and every parameter changed from its default. */
export function shortLabel(kind: KindDef, values: ParamValues, warmup: { steps: number; startFactor: number }): string {
  const shown = kind.params.filter((p, i) => i === 0 || String(values[p.key] ?? p.default) !== String(p.default));
  const args = shown.map((p) => `${p.key} ${String(values[p.key] ?? p.default)}`).join(', ');
  const main = `${kind.type}(${args})`;
  return warmup.steps > 0 ? `warmup(${warmup.steps}${warmup.startFactor ? `, from ${warmup.startFactor}` : ''}) → ${main}` : main;
}
