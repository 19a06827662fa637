/**
 * What changed in `torch.optim.lr_scheduler` between PyTorch 1.13 and 2, and what anneal does for each:
 * the data of the table in docs/guides/pytorch-versions.mdx (a test generates the table from it and checks
 * that every recorded case whose values differ between the two versions is listed under one change), and
 * the releases the replay's two steppings are proven against. Only {@link PYTORCH_PROVEN} is exported (from
 * `@anneal/core/replay`); the table's prose stays out of the bundles.
 *
 * @packageDocumentation
 */
import type { PyTorchVersion } from '../schedulers/pytorch-version.js';

/** The PyTorch releases anneal's values are proven against, by the recorded traces, for each stepping. */
export const PYTORCH_PROVEN: Readonly<Record<PyTorchVersion, string>> = { '1.13': '1.13.1', '2': '2.13.0' };

/** One behaviour that changed between PyTorch 1.13 and 2. */
export interface PyTorchChange {
  /** A stable identifier. */
  readonly id: string;
  /** The behaviour, in a few words. */
  readonly behaviour: string;
  /** What PyTorch 1.13 does. */
  readonly pytorch113: string;
  /** What PyTorch 2 does (as of {@link PYTORCH_PROVEN}'s 2.x release). */
  readonly pytorch2: string;
  /** What anneal does. */
  readonly anneal: string;
  /** Whether the `pytorch` option selects between the two (otherwise anneal does the same under both). */
  readonly option: boolean;
  /** Recorded trace cases (fixtures/traces and traces-torch2) that pin it down; empty where none can. */
  readonly cases: readonly string[];
}

/** Every change, in the order of the table. */
export const PYTORCH_CHANGES: readonly PyTorchChange[] = [
  {
    id: 'resume-initial-step',
    behaviour: 'Resuming through the constructor (`last_epoch >= 0`): the initial step',
    pytorch113: 'applies the recursive update of step `last_epoch + 1` to the rates the groups hold (CosineAnnealingLR: its closed form there)',
    pytorch2: 'keeps the rates the groups hold (ExponentialLR, LinearLR, PolynomialLR, CosineAnnealingLR, MultiplicativeLR); StepLR, MultiStepLR, ConstantLR, LambdaLR, CyclicLR and OneCycleLR step as in 1.13',
    anneal: "both: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: [
      'resume_linearlr_le2_total5_two_groups',
      'resume_linearlr_le0',
      'resume_linearlr_le4_lr_at_initial',
      'resume_linearlr_decreasing_epoch_form',
      'resume_exponentiallr_le5_two_groups',
      'resume_exponentiallr_le0_lr_at_initial',
      'resume_exponentiallr_epoch_form',
      'resume_polynomiallr_le3',
      'resume_polynomiallr_epoch_form',
      'resume_cosine_le4_tmax10_two_groups',
      'resume_cosine_le10_at_tmax',
      'resume_cosine_le3_lr_at_initial',
      'resume_cosine_epoch_form',
      'chained_resumed_children_two_groups',
      'chained_resumed_polynomial_linear',
      'seq_le3_resumed_children',
    ],
  },
  {
    id: 'step-to-zero',
    behaviour: 'A step to `last_epoch = 0` that is not the initial step (a SequentialLR scheduler after a milestone the SequentialLR `last_epoch` skipped, or reached past an unsorted milestone)',
    pytorch113: 'keeps the rates (ExponentialLR, PolynomialLR, CosineAnnealingLR, MultiplicativeLR)',
    pytorch2: "applies step 0's update: `gamma`, PolynomialLR's factor from step -1, CosineAnnealingLR's rise from step -1",
    anneal: "both: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: ['seq_le4_skips_handover_two_groups', 'seq_le7_past_milestone', 'seq_le5_three_skips_first_handover', 'seq_le4_skips_handover_to_polynomial', 'seq_le6_skips_handover_to_cosine', 'seq_unsorted_milestones_6_4_1'],
  },
  {
    id: 'sequential-initial-step',
    behaviour: 'SequentialLR construction: which scheduler takes the initial step',
    pytorch113: 'always the first (with a milestone at 0 its rate stays in force until the next hand-over)',
    pytorch2: 'the one active at step 0: after every milestone at 0',
    anneal: "both: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: [
      'sequential_milestone_0',
      'seq_milestones_0_3_three_schedulers',
      'seq_milestone_0_linear_cosine_two_groups',
      'seq_milestones_0_0_three_schedulers',
      'seq_milestone_0_to_polynomial',
    ],
  },
  {
    id: 'sequential-handover',
    behaviour: 'SequentialLR hand-over at a milestone',
    pytorch113: '`step(0)`: counts a step; a CosineAnnealingWarmRestarts restarts its cycle',
    pytorch2: '`_update_lr(0)`: the same jump to step 0 without counting a step; a CosineAnnealingWarmRestarts keeps its position in the cycle (after a resume through its constructor, mid-cycle)',
    anneal: "both (`takeOver()`): `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: ['seq_handover_to_resumed_sgdr', 'seq_handover_to_resumed_sgdr_tmult_2'],
  },
  {
    id: 'sgdr-wrap',
    behaviour: 'CosineAnnealingWarmRestarts `step()` past the end of a cycle',
    pytorch113: '`T_cur - T_i` (once: after a resume with `last_epoch >= 2·T_0 - 1` the position stays past the cycle)',
    pytorch2: '`T_cur % T_i`',
    anneal: "both: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: [
      'resume_sgdr_le25_t0_10_tmult_1',
      'resume_sgdr_le35_t0_5_tmult_2',
      'resume_sgdr_epoch_form',
      'resume_sgdr_le3_accumulated_thirds',
      'resume_sgdr_le13_t0_3_tmult_1_three_groups',
      'resume_sgdr_le20_t0_3_tmult_3_then_epochs',
    ],
  },
  {
    id: 'cyclic-momentum',
    behaviour: 'CyclicLR with `cycle_momentum`: the groups at construction',
    pytorch113: "sets each group's momentum to `base_momentum`; cycles up from the momentum each group holds (after a resume: the checkpoint's)",
    pytorch2: "sets each group's momentum to `max_momentum` and stores both bounds in the group (where a OneCycleLR on the same optimizer reads them); cycles between the arguments' bounds",
    anneal: "both: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: [
      'resume_cyclic_le7_momentum',
      'resume_cyclic_epoch_form',
      'resume_cyclic_le5_momentum_two_groups',
      'onecycle_then_cyclic_sequential',
      'onecycle_then_cyclic_stepping_first_two_groups',
    ],
  },
  {
    id: 'cyclic-adam',
    behaviour: 'CyclicLR with `cycle_momentum` on Adam',
    pytorch113: 'refuses it (ValueError: the optimizer has no `momentum`)',
    pytorch2: 'cycles `betas[0]`',
    anneal: 'cycles `betas[0]` under both (a known difference from 1.13)',
    option: false,
    cases: ['cyclic_adam_cycle_momentum_beta1'],
  },
  {
    id: 'plateau-lrscheduler',
    behaviour: 'ReduceLROnPlateau',
    pytorch113: 'a plain class: no `get_last_lr()`; SequentialLR and ChainedScheduler accept it and fail when stepped',
    pytorch2: 'an LRScheduler: `get_last_lr()` from construction on; SequentialLR and ChainedScheduler refuse it when built',
    anneal: '`getLastLr()` from construction on, under both; it is not an `LRScheduler` subclass (same methods). SequentialLR and ChainedScheduler run it as a phase or member driven by `step(metric)` (an extension of both versions)',
    option: false,
    cases: ['plateau_get_last_lr', 'plateau_get_last_lr_cooldown_min_lr'],
  },
  {
    id: 'chained-optimizer',
    behaviour: 'ChainedScheduler arguments',
    pytorch113: '`ChainedScheduler(schedulers)`',
    pytorch2: "`ChainedScheduler(schedulers, optimizer=None)`: the optimizer is checked against every scheduler's",
    anneal: "`new ChainedScheduler(schedulers, { optimizer })`, checked, under both; the PyTorch JSON spelling cannot carry an optimizer (the reader's is every scheduler's)",
    option: false,
    cases: ['chained_given_the_optimizer'],
  },
  {
    id: 'nested-composites',
    behaviour: 'A SequentialLR or ChainedScheduler inside a SequentialLR',
    pytorch113: 'fails at construction (a ChainedScheduler has no `last_epoch` to undo) or at the hand-over (`step(0)`)',
    pytorch2: 'undoes the initial steps recursively, so one runs while it is first; the hand-over to one still fails',
    anneal: 'refused at construction under both (SequentialLR takes LRScheduler subclasses)',
    option: false,
    cases: [],
  },
  {
    id: 'linear-start-factor-0',
    behaviour: 'LinearLR with `start_factor = 0`',
    pytorch113: 'accepted; the first `step()` divides by zero (`step(epoch)` works)',
    pytorch2: 'refused at construction (ValueError)',
    anneal: 'refused under both, except with `closedForm: true`',
    option: false,
    cases: [],
  },
  {
    id: 'onecycle-message',
    behaviour: 'OneCycleLR stepped past `total_steps`',
    pytorch113: 'ValueError "Tried to step N + 1 times"',
    pytorch2: 'ValueError "Tried to step N times" (N: the last epoch); the values are the same',
    anneal: "SchedulerUsageError with the selected version's wording: `pytorch: '2'` (default) or `'1.13'`",
    option: true,
    cases: [],
  },
  {
    id: 'verbose',
    behaviour: 'The `verbose` argument',
    pytorch113: 'prints each change',
    pytorch2: 'deprecated (default `"deprecated"`), ReduceLROnPlateau no longer takes it',
    anneal: 'the JSON readers accept `true`, `false` and `"deprecated"` and print nothing; the classes take no such option',
    option: false,
    cases: [],
  },
  {
    id: 'classes',
    behaviour: 'Classes added since 1.13',
    pytorch113: '`_LRScheduler` is the base class',
    pytorch2: 'no new scheduler; `LRScheduler` is the public base class (`_LRScheduler` remains as a subclass of it)',
    anneal: '`LRScheduler` is the base class of every scheduler but ReduceLROnPlateau, SequentialLR and ChainedScheduler (which have the same methods)',
    option: false,
    cases: [],
  },
];

/** The Markdown table of {@link PYTORCH_CHANGES} (docs/guides/pytorch-versions.mdx embeds it; a test checks it). */
export function pytorchChangesTable(changes: readonly PyTorchChange[] = PYTORCH_CHANGES): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = changes.map((c) => `| ${cell(c.behaviour)} | ${cell(c.pytorch113)} | ${cell(c.pytorch2)} | ${cell(c.anneal)} | ${c.cases.length === 0 ? '—' : c.cases.length} |`);
  return ['| behaviour | PyTorch 1.13 | PyTorch 2 | anneal | recorded cases |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
