/**
 * Turns a schedule spec (anneal's JSON spelling, as `schedule.toJSON()` gives it) into code:
 * anneal TypeScript, and the equivalent PyTorch. The PyTorch class and keyword names come from the
 * descriptors' `torch` mapping (`@anneal/core/meta`); a schedule PyTorch has no class for, or a spec
 * that sets an option PyTorch has no keyword for, becomes a `LambdaLR` whose Python formula is in
 * {@link PY_FORMULAS}. Used by the playground.
 */
import { descriptorOf, type ScheduleDescriptor, type ScheduleType } from '@anneal/core/meta';
import { scheduleFromJSON, schedulerFromJSON } from '@anneal/core/json';

type Spec = Record<string, unknown> & { type: string };

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript object literal in the usual code style: `{ tMax: 50, etaMin: 0 }`. */
export function tsLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function omit(spec: Spec, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'type' && !keys.includes(k)));
}

/** The anneal expression that builds `spec`, collecting the factory names it uses. */
function tsExpr(spec: Spec, names: Set<string>): string {
  names.add(spec.type);
  if (spec.type === 'warmup') return `warmup(${tsLiteral(omit(spec, 'schedule'))}, ${tsExpr(spec.schedule as Spec, names)})`;
  if (spec.type === 'cooldown') return `cooldown(${tsLiteral(omit(spec, 'schedule'))}, ${tsExpr(spec.schedule as Spec, names)})`;
  if (spec.type === 'sequence') {
    const children = (spec.schedules as Spec[]).map((s) => tsExpr(s, names));
    return `sequence([${children.join(', ')}], ${tsLiteral({ milestones: spec.milestones })})`;
  }
  if (spec.type === 'chain') return `chain([${(spec.schedules as Spec[]).map((s) => tsExpr(s, names)).join(', ')}])`;
  return `${spec.type}(${tsLiteral(omit(spec))})`;
}

/** Whether a spec (or a schedule inside it) is stepped once per batch, as PyTorch steps its class. */
function stepsPerBatch(spec: Spec): boolean {
  if (PER_BATCH.includes(spec.type as ScheduleType)) return true;
  const children = [spec.schedule, ...(Array.isArray(spec.schedules) ? spec.schedules : [])].filter((c): c is Spec => typeof c === 'object' && c !== null);
  return children.some(stepsPerBatch);
}

/**
 * anneal TypeScript that runs as printed: builds the schedule, shows one value, and drives a stand-in
 * optimizer with `ScheduleLR` over `steps` steps, once per batch for one-cycle and cyclic schedules
 * (their lengths count batches) and once per epoch otherwise.
 */
export function toTypeScript(spec: Spec, sample: { t: number; baseLr: number; value: number | null }, steps = 100): string {
  const names = new Set<string>();
  const expr = tsExpr(spec, names);
  const perBatch = stepsPerBatch(spec);
  const loop = perBatch
    ? [
        `// ${spec.type} counts batches: step once per batch, after optimizer.step().`,
        `const batchesPerEpoch = 10;`,
        `for (let epoch = 0; epoch < ${Math.ceil(steps / 10)}; epoch++) {`,
        '  for (let batch = 0; batch < batchesPerEpoch; batch++) {',
        '    // ... train one batch at optimizer.paramGroups[0].lr ...',
        '    scheduler.step();',
        '  }',
        '}',
      ]
    : [
        '// Step once per epoch, after the epoch\'s optimizer steps.',
        `for (let epoch = 0; epoch < ${steps}; epoch++) {`,
        '  // ... train one epoch at optimizer.paramGroups[0].lr ...',
        '  scheduler.step();',
        '}',
      ];
  return [
    `import { ${Array.from(names).sort().join(', ')} } from '@anneal/core';`,
    `import { ScheduleLR } from '@anneal/core/schedulers';`,
    '',
    `const schedule = ${expr};`,
    '',
    `schedule.lr(${sample.t}, ${sample.baseLr});${sample.value === null ? '' : ` // ${sample.value}`}`,
    '',
    '// Driving an optimizer: anything with paramGroups (or an @anneal/optim or @anneal/tfjs binding).',
    `const optimizer = { paramGroups: [{ lr: ${sample.baseLr}, momentum: 0.9 }] };`,
    'const scheduler = new ScheduleLR(optimizer, schedule);',
    ...loop,
    'console.log(scheduler.getLastLr());',
  ].join('\n');
}

// ---------------------------------------------------------------- PyTorch

/** A Python literal: numbers as JavaScript prints them (shortest round trip, which Python reads back exactly). */
export function py(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return "float('nan')";
    if (!Number.isFinite(value)) return value > 0 ? 'math.inf' : '-math.inf';
    return String(value);
  }
  if (value === undefined || value === null) return 'None';
  throw new Error(`no Python literal for ${String(value)}`);
}

/** A spec the generator cannot write as PyTorch code, with the reason. */
class NoEquivalent extends Error {}

/**
 * The Python body of `def NAME(t):`, the multiplier of BASE_LR at step `t` (what `LambdaLR` wants), with
 * anneal's arithmetic. One entry per schedule type, so a new type needs one here: `null` where the
 * generator has no formula (the PyTorch class covers it, or nobody has written one yet: such a spec
 * gets a "no PyTorch equivalent yet" comment instead of code).
 */
type PyFormula = (spec: Spec, name: string) => string[];

const WSD_CURVES: Record<string, string> = {
  linear: '1 - progress',
  cosine: '(1 + math.cos(math.pi * progress)) / 2',
  sqrt: '1 - math.sqrt(progress)',
};
/** `atBoundary` → the bisection that counts the boundaries before `t`. */
const BOUNDARY_SIDES: Record<string, string> = { next: 'bisect_right', previous: 'bisect_left' };
/** one-cycle's `annealLinear` / `annealCos` arithmetic, from `start` (pct 0) to `end` (pct 1). */
const INTERPOLATIONS: Record<string, string> = {
  linear: '(end - start) * pct + start',
  cosine: 'end + ((start - end) / 2.0) * (math.cos(math.pi * pct) + 1)',
};

function choice(table: Record<string, string>, value: unknown, what: string): string {
  const found = typeof value === 'string' ? table[value] : undefined;
  if (found === undefined) throw new NoEquivalent(`no Python formula for ${what} ${py(value)} yet`);
  return found;
}

export const PY_FORMULAS: Record<ScheduleType, PyFormula | null> = {
  constant: (s, name) => [
    `def ${name}(t):  # factor until total_iters, then 1`,
    `    factor, total_iters = ${py(s.factor)}, ${py(s.totalIters ?? Infinity)}`,
    `    return factor + ((1 - factor) if t >= total_iters else 0)`,
  ],
  linear: (s, name) => [
    `def ${name}(t):  # from start to end over total steps, then end`,
    `    start, end, total = ${py(s.startFactor)}, ${py(s.endFactor)}, ${py(s.totalIters)}`,
    `    return start + ((end - start) * min(total, t)) / total`,
  ],
  step: null,
  multiStep: null,
  exponential: null,
  polynomial: null,
  cosine: (s, name) => [
    `def ${name}(t):  # cosine annealing${s.clamp === true ? ', held at eta_min from T_max on' : ''}`,
    `    t_max, floor = ${py(s.tMax)}, ${py(s.etaMin)} / BASE_LR`,
    ...(s.clamp === true ? ['    if t >= t_max:', '        return floor'] : []),
    `    return floor + ((1 - floor) * (1 + math.cos((math.pi * t) / t_max))) / 2`,
  ],
  sgdr: (s, name) => {
    const decay = Number(s.cycleDecay) !== 1;
    const warmup = Number(s.warmupSteps) > 0;
    const notes = [decay && 'peaks times cycle_decay**i', s.cycleLimit !== undefined && 'floor after cycle_limit cycles', warmup && 'after a linear warmup'];
    const locate =
      Number(s.tMult) === 1
        ? ['        cycle, t_cur, length = math.floor(t / t0), t % t0, t0']
        : [
            '        cycle, start, length = 0, 0, t0',
            '        while start + length <= t:  # the cycle t falls in, found exactly',
            '            start, length, cycle = start + length, length * t_mult, cycle + 1',
            '        t_cur = t - start',
          ];
    return [
      `def ${name}(t):  # SGDR: cosine cycles of T_0 * T_mult**i steps${notes.filter(Boolean).map((n) => `, ${n}`).join('')}`,
      `    t0, t_mult, floor = ${py(s.t0)}, ${py(s.tMult)}, ${py(s.etaMin)} / BASE_LR`,
      ...(decay ? [`    cycle_decay = ${py(s.cycleDecay)}`] : []),
      ...(warmup ? [`    warmup, warmup_start = ${py(s.warmupSteps)}, ${py(s.warmupStartFactor)}`] : []),
      '',
      '    def cycles(t):',
      ...locate,
      ...(s.cycleLimit !== undefined ? [`        if cycle >= ${py(s.cycleLimit)}:`, '            return floor'] : []),
      `        peak = ${decay ? 'cycle_decay ** cycle' : '1'}`,
      '        return floor + ((peak - floor) * (1 + math.cos((math.pi * t_cur) / length))) / 2',
      '',
      ...(warmup
        ? ['    if t < warmup:', '        return cycles(0) * (warmup_start + ((1 - warmup_start) * min(warmup, t)) / warmup)', '    return cycles(t - warmup)']
        : ['    return cycles(t)']),
    ];
  },
  oneCycle: null,
  cyclic: null,
  inverseSqrt: (s, name) => [
    `def ${name}(t):  # inverse square root after a linear warmup from 0`,
    `    warmup, timescale = ${py(s.warmupSteps)}, ${py(s.timescale)}`,
    '    if t < warmup:',
    '        return t / warmup',
    '    return 1 / math.sqrt((t - warmup + timescale) / timescale)',
  ],
  wsd: (s, name) => [
    `def ${name}(t):  # warmup-stable-decay (${String(s.decayShape)} decay)`,
    `    warmup, stable, decay = ${py(s.warmupSteps)}, ${py(s.stableSteps)}, ${py(s.decaySteps)}`,
    `    start_factor, min_factor = ${py(s.startFactor)}, ${py(s.minFactor)}`,
    '    if t < warmup:',
    '        return start_factor + (1 - start_factor) * (t / warmup)',
    '    if t < warmup + stable:',
    '        return 1',
    '    if t >= warmup + stable + decay:',
    '        return min_factor',
    '    progress = (t - (warmup + stable)) / decay',
    `    return min_factor + (1 - min_factor) * (${choice(WSD_CURVES, s.decayShape, 'decayShape')})`,
  ],
  piecewiseConstant: (s, name) => [
    `def ${name}(t):  # values[i] from boundary i - 1 on; at a boundary itself: the ${String(s.atBoundary)} value`,
    `    boundaries, values = ${py(s.boundaries)}, ${py(s.values)}`,
    `    return values[bisect.${choice(BOUNDARY_SIDES, s.atBoundary, 'atBoundary')}(boundaries, t)]`,
  ],
  piecewiseInterpolate: (s, name) => [
    `def ${name}(t):  # ${String(s.interpolation)} interpolation between the values at the boundaries`,
    `    boundaries, values = ${py(s.boundaries)}, ${py(s.values)}`,
    '    i = bisect.bisect_right(boundaries, t) - 1  # the boundary at or before t (the last of equal ones)',
    '    if i < 0:',
    '        return values[0]',
    '    if i >= len(boundaries) - 1:',
    '        return values[-1]',
    '    start, end = values[i], values[i + 1]',
    '    pct = (t - boundaries[i]) / (boundaries[i + 1] - boundaries[i])',
    `    return ${choice(INTERPOLATIONS, s.interpolation, 'interpolation')}`,
  ],
  // Combinators are written from their children's schedulers (SequentialLR, ChainedScheduler) below.
  warmup: null,
  sequence: null,
  chain: null,
  cooldown: null,
  noise: null,
};

/**
 * Options added for other ecosystems' configurations (issue 16) that the Python formulas above do not write
 * yet, with the value at which they change nothing.
 */
const NOT_IN_PY_FORMULAS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  cosine: { minFactor: 0, exponent: 1 },
  sgdr: { minFactor: undefined, kDecay: 1, shape: 'cosine' },
  inverseSqrt: { power: 0.5, stepSize: undefined },
  wsd: { warmupShape: 'linear', decayCycles: 0.5 },
  warmup: { prefix: true, warmTo: 'start' },
};

/** Refuses a spec that sets such an option to a value that matters (instead of writing wrong code). */
function checkWritable(spec: Spec): void {
  for (const [key, neutral] of Object.entries(NOT_IN_PY_FORMULAS[spec.type] ?? {})) {
    if (spec[key] !== undefined && spec[key] !== neutral) throw new NoEquivalent(`no Python formula for ${spec.type}'s ${key} here yet`);
  }
}

/** Schedule kinds PyTorch steps once per batch (OneCycleLR, CyclicLR), not once per epoch. */
const PER_BATCH: readonly ScheduleType[] = ['oneCycle', 'cyclic'];

interface PyContext {
  /** The base rate (what an absent `baseLr`/`maxLr` means). */
  baseLr: number;
  /** Scheduler classes to import. */
  classes: Set<string>;
  /** Python function definitions. */
  helpers: string[];
  /** Function names taken. */
  names: Set<string>;
  /** The classes used that PyTorch steps once per batch. */
  perBatch: Set<string>;
}

/** What one spec became: a scheduler expression, and for a `LambdaLR` the name of its multiplier function. */
interface Built {
  expr: string;
  factor?: string;
  cls?: string;
}

function descriptor(type: string): ScheduleDescriptor {
  const d = descriptorOf(type);
  if (d === undefined) throw new NoEquivalent(`unknown schedule type ${py(type)}`);
  return d;
}

/** The PyTorch class of `type` (from its descriptor). */
function torchClass(type: ScheduleType): string {
  const cls = descriptorOf(type)?.torch?.class;
  if (cls === undefined) throw new Error(`no PyTorch class for ${type}`);
  return cls;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether every option named in `when` has the value given there. */
const applies = (when: Readonly<Record<string, unknown>> | undefined, spec: Spec): boolean =>
  when === undefined || Object.entries(when).every(([k, v]) => same(spec[k], v));

/**
 * Whether leaving `key` out of `spec` means "the group's base rate" (cyclic `baseLr`, one-cycle `maxLr`):
 * anneal's values with the option absent equal those with it set to the base rate, at two base rates.
 */
function absentMeansBaseRate(spec: Spec, key: string): boolean {
  try {
    const absent = scheduleFromJSON(spec);
    return [0.37, 3.1].every((b) => {
      const given = scheduleFromJSON({ ...spec, [key]: b });
      return [0, 1, 2.5, 7, 13, 50].every((t) => given.lr(t, b) === absent.lr(t, b));
    });
  } catch {
    return false;
  }
}

/** A PyTorch class call: the class, its keyword arguments, and which of them are the base rate. */
export interface TorchCall {
  cls: string;
  kwargs: Record<string, unknown>;
  /** Keywords whose value is the group's base rate (written `BASE_LR`): anneal's option is absent. */
  baseRate: string[];
}

/**
 * The PyTorch class call for a leaf spec, or why there is none: an option set to a non-default value has
 * no keyword, an absent option has no PyTorch spelling, or PyTorch refuses a value. Writes every keyword
 * whose value differs from PyTorch's default (which may differ from anneal's). The call is checked by
 * building anneal's PyTorch-exact scheduler from it, which refuses what PyTorch's recursion cannot run
 * (e.g. LinearLR from a start factor of 0).
 */
export function torchCall(d: ScheduleDescriptor, spec: Spec, baseLr = 0.1): TorchCall | string {
  const torch = d.torch;
  if (torch === undefined) return `PyTorch has no class for ${d.label.toLowerCase()}`;
  const call: TorchCall = { cls: torch.class, kwargs: {}, baseRate: [] };
  for (const [key, rule] of Object.entries(d.rules)) {
    const meta = d.options[key];
    if (meta === undefined || meta.kind === 'function' || meta.kind === 'inert') continue; // never in JSON
    if ('when' in meta && !applies(meta.when, spec)) continue; // no effect on the values here
    const value = spec[key];
    const keyword = torch.kwargs[key];
    if (keyword === undefined) {
      const neutral = NOT_IN_PY_FORMULAS[spec.type]?.[key];
      if (value !== undefined && !(rule.kind === 'default' && same(value, rule.value)) && !(neutral !== undefined && same(value, neutral))) {
        return `${key} has no ${torch.class} keyword`;
      }
      continue;
    }
    if (value === undefined) {
      if (rule.torch?.value !== undefined) return `${torch.class} has no spelling for an absent ${key} (its ${keyword} defaults to ${py(rule.torch.value)})`;
      if (absentMeansBaseRate(spec, key)) {
        call.kwargs[keyword] = baseLr;
        call.baseRate.push(keyword);
      }
      continue;
    }
    const torchDefault = rule.torch?.value !== undefined ? rule.torch.value : rule.kind === 'default' ? rule.value : undefined;
    if (torchDefault !== undefined && same(value, torchDefault)) continue;
    call.kwargs[keyword] = value;
  }
  try {
    schedulerFromJSON({ paramGroups: [{ lr: baseLr, momentum: 0.9 }] }, { scheduler: call.cls, kwargs: call.kwargs });
  } catch (error) {
    return `${call.cls} refuses it (${(error as Error).message})`;
  }
  return call;
}

/** Defines the multiplier function of a leaf spec and returns its name; `reason`: why it has no class. */
function factorFunction(spec: Spec, ctx: PyContext, reason: string): string {
  checkWritable(spec);
  const formula = PY_FORMULAS[spec.type as ScheduleType];
  if (formula === null || formula === undefined) throw new NoEquivalent(`${reason}, and there is no Python formula for ${spec.type} here yet`);
  const name = freshName(`${spec.type.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_factor`, ctx);
  ctx.helpers.push(formula(spec, name).join('\n'));
  return name;
}

/** `stem`, or `stem_2`, `stem_3`… when taken. */
function freshName(stem: string, ctx: PyContext): string {
  let name = stem;
  for (let i = 2; ctx.names.has(name); i++) name = `${stem}_${i}`;
  ctx.names.add(name);
  return name;
}

function lambdaOf(factor: string, ctx: PyContext): Built {
  const cls = 'LambdaLR';
  ctx.classes.add(cls);
  return { expr: `${cls}(optimizer, lr_lambda=${factor})`, factor, cls };
}

function classOf(call: TorchCall, ctx: PyContext, type: string): Built {
  ctx.classes.add(call.cls);
  if (PER_BATCH.includes(type as ScheduleType)) ctx.perBatch.add(call.cls);
  const args = Object.entries(call.kwargs).map(([k, v]) => `${k}=${call.baseRate.includes(k) ? 'BASE_LR' : py(v)}`);
  return { expr: `${call.cls}(${['optimizer', ...args].join(', ')})`, cls: call.cls };
}

function leafScheduler(d: ScheduleDescriptor, spec: Spec, ctx: PyContext): Built {
  const call = torchCall(d, spec, ctx.baseLr);
  if (typeof call !== 'string') return classOf(call, ctx, spec.type);
  return lambdaOf(factorFunction(spec, ctx, call), ctx);
}

/** Whether the schedule starts at the base rate (what SequentialLR needs after a warmup). */
function startsAtBase(spec: Spec): boolean {
  return Math.abs(scheduleFromJSON(spec).lr(0, 1) - 1) <= 1e-12;
}

/** Whether the schedule's rate is its base rate times a factor (doubling the base rate doubles every value). */
function multiplicative(spec: Spec): boolean {
  const s = scheduleFromJSON(spec);
  return [0, 1, 2.5, 7, 13, 50, 100, 1000].every((t) => s.lr(t, 2) === 2 * s.lr(t, 1));
}

function wholeSteps(values: unknown[], what: string): void {
  if (!values.every((v) => Number.isInteger(v))) throw new NoEquivalent(`PyTorch steps whole epochs: ${what} ${py(values)} must be integers`);
}

function warmupScheduler(spec: Spec, ctx: PyContext): Built {
  checkWritable(spec);
  const inner = spec.schedule as Spec;
  const steps = Number(spec.steps);
  const start = Number(spec.startFactor);
  if (steps === 0) return pyScheduler(inner, ctx);
  const d = descriptor(inner.type);
  if (d.children !== undefined) throw new NoEquivalent(`PyTorch's SequentialLR cannot hold a ${torchClass('sequence')} or ${torchClass('chain')}, so a warmup goes in front of a single schedule only`);
  const call = torchCall(d, inner, ctx.baseLr);
  if (typeof call === 'string' || !startsAtBase(inner)) {
    // One LambdaLR: the warmup ramps towards the schedule's own start, then the schedule runs shifted.
    const why = typeof call === 'string' ? call : `a warmup in front of ${call.cls}, which does not start at the base rate, cannot be a SequentialLR`;
    const f = factorFunction(inner, ctx, why);
    const name = freshName(`warmup_${f}`, ctx);
    ctx.helpers.push(
      [
        `def ${name}(t):  # linear warmup to ${f}(0) over ${py(steps)} steps, then ${f} shifted by them`,
        `    steps, start = ${py(steps)}, ${py(start)}`,
        '    if t < steps:',
        `        return ${f}(0) * (start + ((1 - start) * min(steps, t)) / steps)`,
        `    return ${f}(t - steps)`,
      ].join('\n'),
    );
    return lambdaOf(name, ctx);
  }
  wholeSteps([steps], 'the warmup steps');
  // The ramp is a linear schedule from startFactor to 1: LinearLR, or a LambdaLR where PyTorch refuses the factor.
  const ramp = pyScheduler({ type: 'linear' satisfies ScheduleType, startFactor: start, endFactor: 1, totalIters: steps }, ctx);
  return sequential([ramp, classOf(call, ctx, inner.type)], [steps], ctx);
}

function sequential(children: Built[], milestones: number[], ctx: PyContext): Built {
  const cls = torchClass('sequence');
  const keyword = descriptor('sequence').torch?.kwargs.milestones ?? 'milestones';
  ctx.classes.add(cls);
  const list = children.map((c) => `        ${c.expr.replace(/\n/g, '\n        ')},`).join('\n');
  return { expr: `${cls}(\n    optimizer,\n    schedulers=[\n${list}\n    ],\n    ${keyword}=${py(milestones)},\n)`, cls };
}

function pyScheduler(spec: Spec, ctx: PyContext): Built {
  const d = descriptor(spec.type);
  if (d.children === undefined) return leafScheduler(d, spec, ctx);
  const children = d.children === 'schedules' ? (spec.schedules as Spec[]) : [spec.schedule as Spec];
  if (spec.type === 'warmup') return warmupScheduler(spec, ctx);
  if (children.some((c) => descriptor(c.type).children !== undefined)) {
    throw new NoEquivalent(`PyTorch's ${torchClass('sequence')} and ${torchClass('chain')} take single schedulers, not nested combinations`);
  }
  if (spec.type === 'sequence') {
    const milestones = spec.milestones as number[];
    wholeSteps(milestones, 'the milestones');
    return sequential(
      children.map((c) => pyScheduler(c, ctx)),
      milestones,
      ctx,
    );
  }
  if (spec.type === 'chain') {
    // ChainedScheduler multiplies the rate by each scheduler's factor in turn: only multiplicative children chain.
    const additive = children.find((c) => !multiplicative(c));
    if (additive !== undefined) {
      throw new NoEquivalent(`${torchClass('chain')} multiplies the rate by factors, and ${additive.type}(${tsLiteral(omit(additive))}) is not its base rate times a factor`);
    }
    const built = children.map((c) => pyScheduler(c, ctx));
    if (built.some((b) => b.factor !== undefined)) {
      throw new NoEquivalent(`a LambdaLR sets the rate from the base rate, so ${torchClass('chain')} cannot multiply it with others`);
    }
    const cls = torchClass('chain');
    ctx.classes.add(cls);
    return { expr: `${cls}([\n${built.map((b) => `    ${b.expr},`).join('\n')}\n])`, cls };
  }
  throw new NoEquivalent(`no PyTorch spelling of ${spec.type} yet`);
}

/**
 * PyTorch code that runs as printed: a stand-in model and an SGD optimizer with base rate `baseLr`, the
 * equivalent scheduler, and a loop printing the rate at each of the first `steps` steps. A spec without
 * a PyTorch equivalent gets a comment saying why.
 */
export function toPyTorch(spec: Spec, baseLr: number, steps = 100): string {
  const ctx: PyContext = { baseLr, classes: new Set(), helpers: [], names: new Set(), perBatch: new Set() };
  let built: Built;
  try {
    built = pyScheduler(spec, ctx);
  } catch (error) {
    if (!(error instanceof NoEquivalent)) throw error;
    return [
      `# No PyTorch equivalent yet: ${error.message}.`,
      '# Use the anneal schedule itself (the TypeScript tab), or write a LambdaLR whose function',
      '# returns the multiplier of the base rate at each step.',
    ].join('\n');
  }
  const code = ctx.helpers.join('\n');
  const modules = ['bisect', 'math'].filter((m) => code.includes(`${m}.`) || built.expr.includes(`${m}.`));
  // OneCycleLR refuses to step past total_steps.
  const count = built.cls === torchClass('oneCycle') ? Math.min(steps, Number(spec.totalSteps)) : steps;
  const perBatch = Array.from(ctx.perBatch).sort();
  const unit = perBatch.length > 0 ? 'batch' : 'epoch';
  const lines = [
    ...(modules.length > 0 ? [...modules.map((m) => `import ${m}`), ''] : []),
    'import torch',
    `from torch.optim.lr_scheduler import ${Array.from(ctx.classes).sort().join(', ')}`,
    '',
    `BASE_LR = ${py(baseLr)}`,
    '',
    'model = torch.nn.Linear(1, 1)  # a stand-in: use your model',
    'optimizer = torch.optim.SGD(model.parameters(), lr=BASE_LR, momentum=0.9)',
    '',
    ...ctx.helpers.flatMap((h) => ['', h, '', '']),
    `scheduler = ${built.expr}`,
    '',
    perBatch.length > 0 ? `# ${perBatch.join(' and ')} steps once per batch (after each optimizer step), not once per epoch.` : '# Stepped once per epoch.',
    `for ${unit} in range(${count}):`,
    `    print(${unit}, scheduler.get_last_lr()[0])`,
    perBatch.length > 0
      ? '    # one batch here (forward, loss.backward(), optimizer.step()); the stand-in only steps:'
      : '    # one epoch of training here (forward, loss.backward(), optimizer.step() per batch); the stand-in only steps:',
    '    optimizer.step()',
    '    scheduler.step()',
  ];
  return lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
}
