/**
 * The nearest spelling of each schedule kind in the other ecosystems' APIs, for the reference. Names and
 * the keyword that carries each anneal option, not exact code: where the shapes differ the note says so.
 * A kind missing here shows "no direct equivalent".
 */
export interface Equivalents {
  hf?: string;
  timm?: string;
  keras?: string;
  optax?: string;
}

export const EQUIVALENTS: Record<string, Equivalents> = {
  constant: { hf: '`get_constant_schedule_with_warmup` (the inverse shape: low, then full)', keras: '`PiecewiseConstantDecay([T], [f·η₀, η₀])`', optax: '`piecewise_constant_schedule(f·η₀, {T: 1/f})`' },
  linear: { hf: '`get_linear_schedule_with_warmup` (decay to 0 over `num_training_steps`)', keras: '`PolynomialDecay(power=1)`', optax: '`linear_schedule(init_value, end_value, transition_steps)`' },
  step: { timm: "`StepLRScheduler(decay_t=stepSize, decay_rate=gamma)`", keras: '`ExponentialDecay(decay_steps=stepSize, decay_rate=gamma, staircase=True)`', optax: '`exponential_decay(transition_steps=stepSize, decay_rate=gamma, staircase=True)`' },
  multiStep: { timm: '`MultiStepLRScheduler(decay_t=milestones, decay_rate=gamma)`', keras: '`PiecewiseConstantDecay(boundaries, values)`', optax: '`piecewise_constant_schedule(init_value, boundaries_and_scales)`' },
  exponential: { keras: '`ExponentialDecay(decay_steps=1, decay_rate=gamma)`', optax: '`exponential_decay(transition_steps=1, decay_rate=gamma)`' },
  polynomial: { hf: '`get_polynomial_decay_schedule_with_warmup(power=power, lr_end=0)`', timm: '`PolyLRScheduler(power=power)`', keras: '`PolynomialDecay(decay_steps=totalIters, power=power)`', optax: '`polynomial_schedule(power=power, transition_steps=totalIters)`' },
  cosine: { hf: '`get_cosine_schedule_with_warmup(num_training_steps=tMax)` (stops at tMax: anneal `clamp: true`)', timm: '`CosineLRScheduler(t_initial=tMax, lr_min=etaMin)`', keras: '`CosineDecay(decay_steps=tMax, alpha=etaMin/η₀)` (clamped)', optax: '`cosine_decay_schedule(decay_steps=tMax, alpha=etaMin/η₀)` (clamped)' },
  sgdr: { hf: '`get_cosine_with_hard_restarts_schedule_with_warmup` (equal cycles only)', timm: '`CosineLRScheduler(t_initial=t0, cycle_mul=tMult, cycle_decay=cycleDecay, cycle_limit=cycleLimit)`', keras: '`CosineDecayRestarts(first_decay_steps=t0, t_mul=tMult, m_mul=cycleDecay)`', optax: '`sgdr_schedule([...])` (one dict per cycle)' },
  oneCycle: { optax: '`cosine_onecycle_schedule(transition_steps=totalSteps, peak_value=maxLr)`, `linear_onecycle_schedule`' },
  cyclic: {},
  inverseSqrt: { hf: '`get_inverse_sqrt_schedule(num_warmup_steps, timescale)`', keras: '`InverseTimeDecay` (1/t, not 1/√t)' },
  wsd: { hf: '`get_wsd_schedule(num_warmup_steps, num_stable_steps, num_decay_steps)`' },
  piecewiseConstant: { keras: '`PiecewiseConstantDecay(boundaries, values)`', optax: '`piecewise_constant_schedule`' },
  piecewiseInterpolate: { optax: "`piecewise_interpolate_schedule('linear' | 'cosine', ...)`" },
  warmup: { hf: 'the `num_warmup_steps` of every `get_*_schedule_with_warmup`', timm: '`warmup_t`, `warmup_lr_init`', keras: '`CosineDecay(warmup_steps=..., warmup_target=...)`', optax: '`warmup_cosine_decay_schedule`, or `join_schedules`' },
  sequence: { optax: '`join_schedules(schedules, boundaries)`' },
  chain: {},
};
