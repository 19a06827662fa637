/**
 * Every input anneal refuses although PyTorch accepts it, and every place where anneal's values knowingly
 * differ from PyTorch's: one table, rendered into the core README and the migration guide by
 * `scripts/differences.ts` (not shipped in the package: the documents carry it), and checked
 * against the code by `test/differences.test.ts` (each row has a check the compiler demands, and every
 * refused case recorded from PyTorch belongs to exactly one row).
 *
 * The rule for a refusal: anneal refuses only where PyTorch's result is not a usable schedule (negative
 * or non-finite rates, rates above the bound the schedule promises, `step()` and `step(epoch)`
 * disagreeing, a division by zero later in the run) or where the input is a negative or zero length,
 * which anneal always treats as a mistake; the row then says which value PyTorch effectively runs.
 * Everything else PyTorch accepts, anneal runs with PyTorch's values.
 *
 * @packageDocumentation
 */

/** One row of {@link PYTORCH_DIFFERENCES}. */
export interface PytorchDifference {
  /** Stable identifier. */
  readonly id: DifferenceId;
  /** `'refusal'`: anneal throws a typed error at construction (or at the call); `'difference'`: both run, values differ. */
  readonly kind: 'refusal' | 'difference';
  /** The PyTorch classes (or anneal functions) concerned. */
  readonly where: readonly string[];
  /** The input, in PyTorch's spelling (Markdown). */
  readonly input: string;
  /** What PyTorch does with it, from recorded traces where {@link cases} names them (Markdown). */
  readonly pytorch: string;
  /** What anneal does instead, and what to write (Markdown). */
  readonly anneal: string;
  /** Names of the recorded PyTorch cases that show PyTorch's values (`test/fixtures/traces-refused`, `traces`). */
  readonly cases: readonly string[];
}

/** The identifiers of {@link PYTORCH_DIFFERENCES}, in table order. */
export const DIFFERENCE_IDS = [
  'negative-length',
  'last-epoch-below-minus-one',
  'sequential-negative-milestone',
  'sequential-nested-composite',
  'multistep-negative-milestone',
  'recursive-zero-factor',
  'negative-gamma',
  'negative-power',
  'one-cycle-start-or-end-above-peak',
  'one-cycle-three-phase-overlap',
  'plateau-negative-factor',
  'plateau-negative-patience',
  'plateau-negative-threshold',
  'invalid-step-epoch',
  'plateau-in-composites',
  'sgdr-restart-rule',
  'cyclic-adam',
  'state-dict-checked',
  'restore-on-load',
  'overflow',
  'pure-one-cycle-tail',
  'last-bits',
] as const;

/** A row identifier of {@link PYTORCH_DIFFERENCES}. */
export type DifferenceId = (typeof DIFFERENCE_IDS)[number];

/**
 * The refusals and knowing differences, one row each, in {@link DIFFERENCE_IDS} order. PyTorch versions:
 * the values were recorded from 1.13.1 and 2.13.0, which agree on every row.
 */
export const PYTORCH_DIFFERENCES: readonly PytorchDifference[] = [
  {
    id: 'negative-length',
    kind: 'refusal',
    where: ['StepLR', 'ConstantLR', 'LinearLR', 'PolynomialLR', 'CosineAnnealingLR', 'CyclicLR', 'ReduceLROnPlateau'],
    input: '`step_size`, `total_iters`, `T_max`, `step_size_up` ≤ 0 (`total_iters` = 0 runs as in PyTorch for ConstantLR and LinearLR); `cooldown` < 0',
    pytorch:
      'Runs them, often as another value: `T_max=-4` exactly as `T_max=4`, `cooldown=-2` as 0; `StepLR(step_size=-2)` decays every 2 steps with `step()` but grows the rate with `step(epoch)` (0.2 at epoch 1 from 0.1); PolynomialLR `total_iters=0` keeps the base rate with `step()` and divides by zero with `step(epoch)`; CyclicLR `step_size_up=-2` alternates between two rates',
    anneal: '`InvalidParameterError` naming the option: a length is positive (write `T_max=4`, `cooldown=0`)',
    cases: [
      'refused_steplr_negative_step_size',
      'refused_steplr_negative_step_size_epoch_form',
      'refused_constantlr_negative_total_iters',
      'refused_linearlr_negative_total_iters',
      'refused_polynomiallr_total_iters_0',
      'refused_polynomiallr_negative_total_iters',
      'refused_cosine_negative_tmax',
      'refused_cosine_negative_tmax_epoch_form',
      'refused_cyclic_negative_step_size_up',
      'refused_plateau_negative_cooldown',
    ],
  },
  {
    id: 'last-epoch-below-minus-one',
    kind: 'refusal',
    where: ['every LRScheduler'],
    input: '`last_epoch` < −1',
    pytorch: 'Counts from a step before the start: `StepLR(step_size=2, last_epoch=-3)` starts at half the rate',
    anneal: '`InvalidParameterError`: `last_epoch` is −1 (a fresh run) or the index of the last finished step',
    cases: ['refused_steplr_last_epoch_minus_3', 'refused_exponentiallr_last_epoch_minus_4_epoch_form'],
  },
  {
    id: 'sequential-negative-milestone',
    kind: 'refusal',
    where: ['SequentialLR'],
    input: 'a milestone < 0',
    pytorch: 'Runs it exactly as milestone 0',
    anneal: '`InvalidParameterError` naming the milestone (write 0). Unsorted milestones run as in PyTorch',
    cases: ['refused_seq_negative_milestone'],
  },
  {
    id: 'sequential-nested-composite',
    kind: 'refusal',
    where: ['SequentialLR', 'ChainedScheduler'],
    input: 'a SequentialLR or ChainedScheduler among `schedulers`',
    pytorch:
      'A nested SequentialLR steps the shared optimizer again when it is built: with base rate 0.1 and a LinearLR warmup from 0.5 the rate reaches 0.2; a hand-over to a nested one fails. 2.x runs a ChainedScheduler child as a chain (1.13 raises)',
    anneal:
      '`InvalidParameterError` naming the child; nest pure schedules with `sequence` and `chain` and drive them with `ScheduleLR` (a ChainedScheduler child, which 2.x runs usefully, is not supported yet)',
    cases: ['refused_seq_nested_sequential_first', 'refused_seq_nested_chained_first'],
  },
  {
    id: 'multistep-negative-milestone',
    kind: 'refusal',
    where: ['MultiStepLR'],
    input: 'a milestone < 0',
    pytorch: '`step()` never reaches it; `step(epoch)` counts it as passed (0.05 against 0.1 at epoch 1): the two forms disagree',
    anneal: '`InvalidParameterError` naming the milestone',
    cases: ['refused_multisteplr_negative_milestone', 'refused_multisteplr_negative_milestone_epoch_form'],
  },
  {
    id: 'recursive-zero-factor',
    kind: 'refusal',
    where: ['ConstantLR', 'LinearLR'],
    input: '`factor=0` (ConstantLR), `start_factor=0` (LinearLR)',
    pytorch:
      '`step()` runs at rate 0, then divides by zero where the warmup ends (ConstantLR with `total_iters=0` stays at 0 for good); `step(epoch)` gives the warmup values',
    anneal: '`InvalidParameterError` for the recursive form; `closedForm: true` gives PyTorch\'s `step(epoch)` values at every step',
    cases: [
      'refused_constantlr_factor_0_before_total_iters',
      'refused_constantlr_factor_0_epoch_form',
      'refused_constantlr_factor_0_total_iters_0',
      'refused_linearlr_start_factor_0_epoch_form',
    ],
  },
  {
    id: 'negative-gamma',
    kind: 'refusal',
    where: ['ExponentialLR', 'CyclicLR'],
    input: '`gamma` < 0 (CyclicLR: `mode="exp_range"`)',
    pytorch: 'The rate changes sign every step (−0.05 after one step from 0.1)',
    anneal: '`InvalidParameterError` naming `gamma` (`gamma^t` is not a number at fractional steps either)',
    cases: [
      'refused_exponentiallr_negative_gamma',
      'refused_exponentiallr_negative_gamma_epoch_form',
      'refused_cyclic_exp_range_negative_gamma',
    ],
  },
  {
    id: 'negative-power',
    kind: 'refusal',
    where: ['PolynomialLR'],
    input: '`power` < 0',
    pytorch: 'The "decay" rises above the base rate (0.245 from 0.1 after 5 of 6 steps)',
    anneal: '`InvalidParameterError` naming `power`',
    cases: ['refused_polynomiallr_negative_power_before_total_iters'],
  },
  {
    id: 'one-cycle-start-or-end-above-peak',
    kind: 'refusal',
    where: ['OneCycleLR'],
    input: '`div_factor` < 1, or `div_factor · final_div_factor` < 1',
    pytorch: 'The start or the final rate exceeds `max_lr`: with `max_lr=0.1` it starts at 0.2, or ends at 0.25',
    anneal: '`InvalidParameterError` naming the factor and the bound it needs. `max_lr=0` (a frozen group) runs as in PyTorch',
    cases: ['refused_onecycle_div_factor_below_1', 'refused_onecycle_final_div_below_inverse_div'],
  },
  {
    id: 'one-cycle-three-phase-overlap',
    kind: 'refusal',
    where: ['OneCycleLR'],
    input: '`three_phase=True` with `pct_start` > 0.5',
    pytorch: 'The mirrored phase ends after the run, so the final annealing never happens: 0.0116 at the last of 20 steps instead of 4e-7',
    anneal: '`InvalidParameterError` naming `pct_start` (at most 0.5 with `three_phase`)',
    cases: ['refused_onecycle_three_phase_pct_start_0.6'],
  },
  {
    id: 'plateau-negative-factor',
    kind: 'refusal',
    where: ['ReduceLROnPlateau'],
    input: '`factor` < 0',
    pytorch: 'Cuts the rate to `min_lr` at the first plateau (as `factor=0`); with a negative `min_lr` the rate turns negative',
    anneal: '`InvalidParameterError` naming `factor` (in [0, 1); write 0)',
    cases: ['refused_plateau_negative_factor'],
  },
  {
    id: 'plateau-negative-patience',
    kind: 'refusal',
    where: ['ReduceLROnPlateau'],
    input: '`patience` < 0',
    pytorch: 'Cuts the rate at every step, whatever the metric',
    anneal: '`InvalidParameterError` naming `patience`. A fractional patience runs as in PyTorch (1.5 acts as 1)',
    cases: ['refused_plateau_negative_patience'],
  },
  {
    id: 'plateau-negative-threshold',
    kind: 'refusal',
    where: ['ReduceLROnPlateau'],
    input: '`threshold` < 0',
    pytorch: 'A slightly worse metric counts as an improvement; with `threshold_mode="abs"`, −0.05 never cut the recorded run',
    anneal: '`InvalidParameterError` naming `threshold`',
    cases: ['refused_plateau_negative_threshold_rel', 'refused_plateau_negative_threshold_abs'],
  },
  {
    id: 'invalid-step-epoch',
    kind: 'refusal',
    where: ['every LRScheduler'],
    input: '`step(epoch)` with a negative, NaN or infinite epoch',
    pytorch: 'Evaluates the closed form there (`ExponentialLR(gamma=0.5).step(-2)` sets 4× the base rate; NaN gives NaN)',
    anneal: '`InvalidParameterError` naming `epoch`; the scheduler is left as it was',
    cases: [],
  },
  {
    id: 'plateau-in-composites',
    kind: 'difference',
    where: ['SequentialLR', 'ChainedScheduler'],
    input: 'a ReduceLROnPlateau among `schedulers`',
    pytorch: '1.13 builds it and fails at the first step; 2.x refuses it when built',
    anneal: 'Runs it: a plateau phase of SequentialLR (restarted from the base rates at its hand-over, driven by `step(metric)`, metrics before it ignored) or a member of ChainedScheduler whose cuts multiply into the others\' updates',
    cases: [],
  },
  {
    id: 'sgdr-restart-rule',
    kind: 'difference',
    where: ['CosineAnnealingWarmRestarts'],
    input: '`step(epoch)` at a restart, or within 1024 ulps below one (epochs accumulated in floating point)',
    pytorch:
      'Finds the cycle with a float logarithm: at some exact restarts it takes the previous cycle and gives `eta_min` (epoch 1210 with `T_0=10, T_mult=3`). A few ulps below a restart (21 additions of 1/3 give 6.999999999999997) it gives the restart with `T_mult` > 1 and the end of the previous cycle, about `eta_min`, with `T_mult=1`',
    anneal: 'Always the restart value; the trace replay reports PyTorch\'s other rows as known differences, with the reason',
    cases: ['sgdr_t0_10_tmult_3_boundary_epochs'],
  },
  {
    id: 'cyclic-adam',
    kind: 'difference',
    where: ['CyclicLR'],
    input: '`cycle_momentum=True` on an optimizer with `betas` (Adam)',
    pytorch: '1.13 raises `ValueError`; 2.x cycles `betas[0]`',
    anneal: 'Cycles `betas[0]`, as 2.x does',
    cases: [],
  },
  {
    id: 'state-dict-checked',
    kind: 'difference',
    where: ['every scheduler'],
    input: '`load_state_dict` with a state saved by another scheduler kind or with other options',
    pytorch: 'Overwrites the attributes with whatever the state holds',
    anneal: '`StateDictError` naming the field; loading is all or nothing, a refused state changes nothing',
    cases: [],
  },
  {
    id: 'restore-on-load',
    kind: 'difference',
    where: ['every scheduler'],
    input: '`load_state_dict` on a scheduler whose optimizer keeps no state of its own (`restoreOnLoad: true`: the tfjs binding, rate targets, the ONNX feeder)',
    pytorch: 'Leaves the rates to `optimizer.load_state_dict`; the scheduler\'s load changes no rate',
    anneal: 'Writes the saved rates (and the cycled momentum) back into the groups, so the PyTorch resume recipe is exact there; without the flag, as PyTorch',
    cases: [],
  },
  {
    id: 'overflow',
    kind: 'difference',
    where: ['every schedule'],
    input: 'a rate that overflows (`ExponentialLR(gamma=2)` from base rate 0.1, at step 1028)',
    pytorch: 'Sets the rate to `inf`',
    anneal: '`NonFiniteRateError` at the step that overflows',
    cases: [],
  },
  {
    id: 'pure-one-cycle-tail',
    kind: 'difference',
    where: ['oneCycle'],
    input: 'the pure `oneCycle` evaluated after `total_steps − 1`',
    pytorch: '`OneCycleLR` raises past `total_steps` steps (so does anneal\'s `OneCycleLR`)',
    anneal: 'The pure schedule holds its final rate',
    cases: [],
  },
  {
    id: 'last-bits',
    kind: 'difference',
    where: ['cosine schedules'],
    input: 'large arguments of the cosine',
    pytorch: 'The C library\'s `cos`',
    anneal: '`Math.cos`, which can differ in the last place: the recorded traces agree within a relative 1e-14 (the replay\'s tolerance is 1e-12)',
    cases: [],
  },
];
