#!/usr/bin/python3
"""Record golden learning-rate traces from the real PyTorch.

Every case below is plain data (no callables): a PyTorch scheduler class name,
its keyword arguments in PyTorch's spelling, the optimizer param groups and a
list of actions.  The recorder builds a real optimizer and scheduler exactly as
a user would, performs the actions and writes what PyTorch put into
``optimizer.param_groups[i]["lr"]`` (and momentum / Adam beta1 on request) as
``anneal-trace/1`` JSON files (see docs/guides/replaying-traces.mdx).

    /usr/bin/python3 tools/torch-traces/record.py            # PyTorch 1.13: traces/ (+ traces-refused/)
    /opt/anneal-venv/bin/python tools/torch-traces/record.py # PyTorch 2.x: traces-torch2/
    ... record.py --check                                    # exit 1 if any file is stale

The output folder follows the major version of the torch that runs the script
(``--out`` overrides it).  The script also replays a list of configurations
PyTorch refuses (``REFUSALS``) and fails if one of them stops raising (or raises
something else) in the running version, so the README's list stays true.
"""

import argparse
import json
import math
import os
import sys
import warnings
from pathlib import Path

# A torch wheel installed without NumPy (the 2.x virtualenv) warns about it on import; the
# recorder never touches NumPy.
warnings.filterwarnings("ignore", message=r"Failed to initialize NumPy", category=UserWarning)

import torch  # noqa: E402
from torch.optim import lr_scheduler  # noqa: E402

FORMAT = "anneal-trace/1"
REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "packages" / "core" / "test" / "fixtures"
TORCH_MAJOR = int(str(torch.__version__).split(".")[0])
# Where each major version's traces go by default.  packages/core/test/traces.test.ts replays every
# file in traces/ (the 1.13 set) and in traces-torch2/ (the 2.x set, refusals.json aside), each with the
# stepping of the version it names.  The 1.13 inputs anneal refuses (PENDING: the refusals, each a row of
# the differences table, packages/core/scripts/pytorch-differences.ts) are written to traces-refused/
# instead, where test/differences.test.ts reads them.  The 2.x set is written whole (its refusals.json included).
OUT_DIR = FIXTURES / ("traces" if TORCH_MAJOR == 1 else "traces-torch%d" % TORCH_MAJOR)
PENDING_DIR = FIXTURES / "traces-refused" if TORCH_MAJOR == 1 else None

# --------------------------------------------------------------------------
# Small builders for action lists and param groups (they only return data).
# --------------------------------------------------------------------------


def steps(n):
    """n plain `optimizer.step(); scheduler.step()` actions."""
    return [{"op": "step"} for _ in range(n)]


def epochs(values):
    """`scheduler.step(epoch)` for each value, in order."""
    return [{"op": "step", "epoch": v} for v in values]


def metrics(values):
    """`ReduceLROnPlateau.step(metric)` for each value, in order."""
    return [{"op": "step", "metrics": v} for v in values]


def fractional_epochs(n_epochs, iters_per_epoch, start=0):
    """The usual SGDR per-batch pattern: step(epoch + i / iters_per_epoch)."""
    out = []
    for e in range(start, start + n_epochs):
        for i in range(iters_per_epoch):
            out.append(e + i / iters_per_epoch)
    return out


def sgdr_boundaries(t0, t_mult, limit):
    """Restart epochs T_0 * (T_mult**k - 1) / (T_mult - 1) below `limit` (integers)."""
    out = []
    k = 1
    while True:
        if t_mult == 1:
            b = t0 * k
        else:
            b = t0 * (t_mult ** k - 1) // (t_mult - 1)
        if b > limit:
            return out
        out.append(b)
        k += 1


def lcg(seed, n):
    """Deterministic pseudo-random numbers in [0, 1) (64-bit LCG, top 53 bits)."""
    state = seed & 0xFFFFFFFFFFFFFFFF
    out = []
    for _ in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        out.append((state >> 11) / float(1 << 53))
    return out


def metric_series(kind, n, seed=1, scale=1.0, offset=0.0):
    """Synthetic validation-metric sequences, rounded to 6 decimals."""
    r = lcg(seed, n)
    vals = []
    for t in range(n):
        if kind == "improving":          # steady decrease
            v = 2.0 / (1.0 + 0.1 * t)
        elif kind == "worsening":        # steady increase
            v = 0.5 + 0.02 * t
        elif kind == "plateau":          # flat
            v = 0.75
        elif kind == "noisy":            # slow decrease with noise
            v = 1.0 / (1.0 + 0.05 * t) + 0.02 * (r[t] - 0.5)
        elif kind == "noisy_flat":       # improves for a while, then noisy plateau
            v = max(1.0 - 0.01 * t, 0.4) + 0.02 * (r[t] - 0.5)
        elif kind == "staircase":        # drops, then long flat stretches
            v = 1.0 - 0.1 * (t // 15)
        elif kind == "plateau_noise":    # flat with tiny noise (tests threshold)
            v = 0.5 + 1e-5 * (r[t] - 0.5)
        elif kind == "oscillating":
            v = 0.6 + 0.1 * math.sin(t * 0.7) + 0.02 * (r[t] - 0.5)
        elif kind == "rising_noisy":     # for mode='max'
            v = 1.0 - 1.0 / (1.0 + 0.05 * t) + 0.02 * (r[t] - 0.5)
        elif kind == "early_best":       # best early, then worse forever
            v = 0.3 if t == 2 else 0.5 + 0.001 * t
        else:
            raise ValueError(kind)
        vals.append(round(v * scale + offset, 6))
    return vals


def g(*lrs, momentum=None, betas=None):
    """Param groups with the given lrs (and the same momentum / betas on each)."""
    out = []
    for lr in lrs:
        grp = {"lr": lr}
        if momentum is not None:
            grp["momentum"] = momentum
        if betas is not None:
            grp["betas"] = list(betas)
        out.append(grp)
    return out


def gr(*pairs, momentum=None, betas=None):
    """Param groups of a resumed run: (lr, initial_lr) pairs (and the same momentum / betas on each)."""
    out = g(*[lr for lr, _ in pairs], momentum=momentum, betas=betas)
    for grp, (_, initial) in zip(out, pairs):
        grp["initial_lr"] = initial
    return out


def accumulated_epochs(increment, n, start=0.0):
    """`epoch += increment; scheduler.step(epoch)` n times: the epochs drift from the exact multiples
    (7 becomes 6.999999999999997 with increment 1/3), some just below a restart and some just above."""
    out = []
    e = start
    for _ in range(n):
        e += increment
        out.append(e)
    return out


def sub(scheduler, **kwargs):
    """A nested scheduler for SequentialLR / ChainedScheduler."""
    return {"scheduler": scheduler, "kwargs": kwargs}


G1 = g(0.1)
G2 = g(0.1, 0.02)
G3 = g(0.1, 0.05, 0.003)

# --------------------------------------------------------------------------
# Cases, grouped by output file.
# --------------------------------------------------------------------------

STEP_FAMILY = [
    # StepLR
    dict(name="steplr_ss3_gamma0.1", scheduler="StepLR", kwargs={"step_size": 3},
         groups=G1, actions=steps(30)),
    dict(name="steplr_ss1_gamma0.5_two_groups", scheduler="StepLR", kwargs={"step_size": 1, "gamma": 0.5},
         groups=G2, actions=steps(25)),
    dict(name="steplr_ss7_gamma0.9_three_groups", scheduler="StepLR", kwargs={"step_size": 7, "gamma": 0.9},
         groups=G3, actions=steps(200)),
    dict(name="steplr_ss30_gamma0.1_long_1000", scheduler="StepLR", kwargs={"step_size": 30, "gamma": 0.1},
         groups=g(1.0), actions=steps(1000)),
    dict(name="steplr_gamma_above_one", scheduler="StepLR", kwargs={"step_size": 2, "gamma": 1.5},
         groups=g(0.01), actions=steps(20)),
    dict(name="steplr_adam", scheduler="StepLR", kwargs={"step_size": 4, "gamma": 0.3}, optimizer="Adam",
         groups=g(0.001, 0.0003, betas=(0.9, 0.999)), actions=steps(20)),
    dict(name="steplr_epoch_jumps_forward_backward", scheduler="StepLR", kwargs={"step_size": 3, "gamma": 0.5},
         groups=G2, actions=epochs([0, 1, 2, 3, 5, 9, 4, 0, 12, 7, 30, 2])),
    dict(name="steplr_epoch_then_step_mixed", scheduler="StepLR", kwargs={"step_size": 4, "gamma": 0.5},
         groups=G1, actions=steps(3) + epochs([10]) + steps(6) + epochs([2]) + steps(5) + epochs([0]) + steps(9)),
    # MultiStepLR
    dict(name="multisteplr_5_10_15", scheduler="MultiStepLR", kwargs={"milestones": [5, 10, 15]},
         groups=G1, actions=steps(25)),
    dict(name="multisteplr_repeated_2_2_5", scheduler="MultiStepLR", kwargs={"milestones": [2, 2, 5], "gamma": 0.5},
         groups=G2, actions=steps(10)),
    dict(name="multisteplr_unsorted_8_3_5", scheduler="MultiStepLR", kwargs={"milestones": [8, 3, 5], "gamma": 0.2},
         groups=G1, actions=steps(12)),
    dict(name="multisteplr_single_milestone_1", scheduler="MultiStepLR", kwargs={"milestones": [1], "gamma": 0.3},
         groups=G1, actions=steps(5)),
    dict(name="multisteplr_milestone_zero", scheduler="MultiStepLR", kwargs={"milestones": [0, 3], "gamma": 0.5},
         groups=G1, actions=steps(6)),
    dict(name="multisteplr_30_60_90_three_groups", scheduler="MultiStepLR",
         kwargs={"milestones": [30, 60, 90], "gamma": 0.1}, groups=G3, actions=steps(120)),
    dict(name="multisteplr_repeated_unsorted_7_3_7_3_3", scheduler="MultiStepLR",
         kwargs={"milestones": [7, 3, 7, 3, 3], "gamma": 0.7}, groups=G2, actions=steps(10)),
    dict(name="multisteplr_epoch_jumps_repeated", scheduler="MultiStepLR",
         kwargs={"milestones": [2, 2, 5], "gamma": 0.5}, groups=G2,
         actions=epochs([0, 1, 2, 3, 5, 6, 2, 1, 4, 5, 100, 0])),
    dict(name="multisteplr_epoch_jumps_unsorted", scheduler="MultiStepLR",
         kwargs={"milestones": [8, 3, 5], "gamma": 0.1}, groups=G1,
         actions=epochs([3, 8, 5, 4, 9, 2, 7, 0])),
    dict(name="multisteplr_epoch_then_step_mixed", scheduler="MultiStepLR",
         kwargs={"milestones": [3, 6, 6, 9], "gamma": 0.5}, groups=G2,
         actions=steps(2) + epochs([5]) + steps(6) + epochs([1]) + steps(4) + epochs([7]) + steps(3)),
    # ConstantLR
    dict(name="constantlr_defaults", scheduler="ConstantLR", kwargs={}, groups=G1, actions=steps(10)),
    dict(name="constantlr_factor0.5_total3_two_groups", scheduler="ConstantLR",
         kwargs={"factor": 0.5, "total_iters": 3}, groups=G2, actions=steps(8)),
    dict(name="constantlr_factor0.1_total1", scheduler="ConstantLR", kwargs={"factor": 0.1, "total_iters": 1},
         groups=G3, actions=steps(5)),
    dict(name="constantlr_factor1_total4", scheduler="ConstantLR", kwargs={"factor": 1.0, "total_iters": 4},
         groups=G1, actions=steps(6)),
    dict(name="constantlr_total_iters_0", scheduler="ConstantLR", kwargs={"factor": 0.5, "total_iters": 0},
         groups=G1, actions=steps(4)),
    dict(name="constantlr_factor0.3_total50_long", scheduler="ConstantLR",
         kwargs={"factor": 0.3, "total_iters": 50}, groups=G2, actions=steps(80)),
    dict(name="constantlr_epoch_jumps", scheduler="ConstantLR", kwargs={"factor": 0.25, "total_iters": 4},
         groups=G2, actions=epochs([3, 0, 7, 2, 4, 5, 1, 4])),
    dict(name="constantlr_epoch_then_step_mixed", scheduler="ConstantLR", kwargs={"factor": 0.5, "total_iters": 4},
         groups=G1, actions=epochs([2]) + steps(4) + epochs([6]) + steps(2) + epochs([0]) + steps(6)),
    # LinearLR
    dict(name="linearlr_defaults", scheduler="LinearLR", kwargs={}, groups=G1, actions=steps(10)),
    dict(name="linearlr_start0.25_total4_two_groups", scheduler="LinearLR",
         kwargs={"start_factor": 0.25, "total_iters": 4}, groups=G2, actions=steps(8)),
    dict(name="linearlr_decreasing_1_to_0.1", scheduler="LinearLR",
         kwargs={"start_factor": 1.0, "end_factor": 0.1, "total_iters": 10}, groups=G1, actions=steps(15)),
    dict(name="linearlr_start0.5_end0.75", scheduler="LinearLR",
         kwargs={"start_factor": 0.5, "end_factor": 0.75, "total_iters": 6}, groups=G1, actions=steps(10)),
    dict(name="linearlr_decreasing_0.9_to_0.2_three_groups", scheduler="LinearLR",
         kwargs={"start_factor": 0.9, "end_factor": 0.2, "total_iters": 7}, groups=G3, actions=steps(12)),
    dict(name="linearlr_decreasing_to_zero", scheduler="LinearLR",
         kwargs={"start_factor": 1.0, "end_factor": 0.0, "total_iters": 5}, groups=G2, actions=steps(8)),
    dict(name="linearlr_start0.1_total100_long", scheduler="LinearLR",
         kwargs={"start_factor": 0.1, "total_iters": 100}, groups=g(0.5), actions=steps(150)),
    dict(name="linearlr_start0.001_total1000", scheduler="LinearLR",
         kwargs={"start_factor": 0.001, "total_iters": 1000}, groups=g(0.3), actions=steps(1100)),
    dict(name="linearlr_total1", scheduler="LinearLR", kwargs={"start_factor": 0.2, "total_iters": 1},
         groups=G1, actions=steps(4)),
    dict(name="linearlr_total_iters_0", scheduler="LinearLR", kwargs={"start_factor": 0.5, "total_iters": 0},
         groups=G1, actions=steps(4)),
    dict(name="linearlr_start_equals_end", scheduler="LinearLR",
         kwargs={"start_factor": 0.5, "end_factor": 0.5, "total_iters": 4}, groups=G1, actions=steps(6)),
    dict(name="linearlr_epoch_jumps", scheduler="LinearLR",
         kwargs={"start_factor": 0.2, "end_factor": 0.8, "total_iters": 8}, groups=G2,
         actions=epochs([2, 0, 5, 10, 3, 8, 7, 1])),
    dict(name="linearlr_epoch_then_step_mixed", scheduler="LinearLR",
         kwargs={"start_factor": 0.25, "total_iters": 10}, groups=G1,
         actions=steps(2) + epochs([5]) + steps(3) + epochs([1]) + steps(12) + epochs([4]) + steps(2)),
    # ExponentialLR
    dict(name="exponentiallr_gamma0.9", scheduler="ExponentialLR", kwargs={"gamma": 0.9},
         groups=G1, actions=steps(50)),
    dict(name="exponentiallr_gamma0.5_two_groups", scheduler="ExponentialLR", kwargs={"gamma": 0.5},
         groups=G2, actions=steps(20)),
    dict(name="exponentiallr_gamma0.95_three_groups", scheduler="ExponentialLR", kwargs={"gamma": 0.95},
         groups=G3, actions=steps(100)),
    dict(name="exponentiallr_gamma0.99_long_2000", scheduler="ExponentialLR", kwargs={"gamma": 0.99},
         groups=g(1.0), actions=steps(2000)),
    dict(name="exponentiallr_gamma1", scheduler="ExponentialLR", kwargs={"gamma": 1.0},
         groups=G1, actions=steps(5)),
    dict(name="exponentiallr_epoch_jumps", scheduler="ExponentialLR", kwargs={"gamma": 0.9},
         groups=G2, actions=epochs([0, 3, 10, 1, 50, 49, 0, 7])),
    dict(name="exponentiallr_epoch_then_step_mixed", scheduler="ExponentialLR", kwargs={"gamma": 0.8},
         groups=G1, actions=steps(3) + epochs([10]) + steps(5) + epochs([2]) + steps(5)),
    # PolynomialLR
    dict(name="polynomiallr_defaults", scheduler="PolynomialLR", kwargs={}, groups=G1, actions=steps(8)),
    dict(name="polynomiallr_total10_power1_two_groups", scheduler="PolynomialLR",
         kwargs={"total_iters": 10, "power": 1.0}, groups=G2, actions=steps(15)),
    dict(name="polynomiallr_total10_power2", scheduler="PolynomialLR",
         kwargs={"total_iters": 10, "power": 2.0}, groups=G1, actions=steps(15)),
    dict(name="polynomiallr_total20_power0.5_three_groups", scheduler="PolynomialLR",
         kwargs={"total_iters": 20, "power": 0.5}, groups=G3, actions=steps(30)),
    dict(name="polynomiallr_total1", scheduler="PolynomialLR", kwargs={"total_iters": 1, "power": 1.0},
         groups=G1, actions=steps(3)),
    dict(name="polynomiallr_total100_power0.9", scheduler="PolynomialLR",
         kwargs={"total_iters": 100, "power": 0.9}, groups=g(0.01), actions=steps(120)),
    dict(name="polynomiallr_total1000_power2_long", scheduler="PolynomialLR",
         kwargs={"total_iters": 1000, "power": 2}, groups=g(0.2), actions=steps(1050)),
    dict(name="polynomiallr_epoch_jumps_power2", scheduler="PolynomialLR",
         kwargs={"total_iters": 10, "power": 2.0}, groups=G2, actions=epochs([0, 5, 2, 10, 12, 3, 9])),
    dict(name="polynomiallr_epoch_jumps_power0.5", scheduler="PolynomialLR",
         kwargs={"total_iters": 8, "power": 0.5}, groups=G1, actions=epochs([4, 1, 8, 7, 20, 0])),
    dict(name="polynomiallr_epoch_then_step_mixed", scheduler="PolynomialLR",
         kwargs={"total_iters": 12, "power": 1.0}, groups=G1,
         actions=steps(2) + epochs([4]) + steps(3) + epochs([1]) + steps(14)),
]

COSINE = [
    dict(name="cosine_tmax1", scheduler="CosineAnnealingLR", kwargs={"T_max": 1}, groups=G1, actions=steps(12)),
    dict(name="cosine_tmax1_eta_min", scheduler="CosineAnnealingLR", kwargs={"T_max": 1, "eta_min": 0.01},
         groups=G2, actions=steps(12)),
    dict(name="cosine_tmax3", scheduler="CosineAnnealingLR", kwargs={"T_max": 3}, groups=G1, actions=steps(20)),
    dict(name="cosine_tmax3_eta_min", scheduler="CosineAnnealingLR", kwargs={"T_max": 3, "eta_min": 0.001},
         groups=G3, actions=steps(20)),
    dict(name="cosine_tmax10", scheduler="CosineAnnealingLR", kwargs={"T_max": 10}, groups=G1, actions=steps(45)),
    dict(name="cosine_tmax10_eta_min_two_groups", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 10, "eta_min": 0.005}, groups=G2, actions=steps(45)),
    dict(name="cosine_tmax20_100_steps", scheduler="CosineAnnealingLR", kwargs={"T_max": 20},
         groups=G1, actions=steps(100)),
    dict(name="cosine_tmax20_eta_min_100_steps", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 20, "eta_min": 0.001}, groups=G2, actions=steps(100)),
    dict(name="cosine_tmax20_eta_min_three_groups", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 20, "eta_min": 1e-4}, groups=G3, actions=steps(60)),
    dict(name="cosine_tmax10_long_1200", scheduler="CosineAnnealingLR", kwargs={"T_max": 10},
         groups=G1, actions=steps(1200)),
    dict(name="cosine_tmax50_eta_min_long_3000", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 50, "eta_min": 1e-4}, groups=g(0.05), actions=steps(3000)),
    dict(name="cosine_tmax1000_eta_min_1000_steps", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 1000, "eta_min": 1e-5}, groups=g(0.1), actions=steps(1000)),
    dict(name="cosine_tmax7_long_5000", scheduler="CosineAnnealingLR", kwargs={"T_max": 7, "eta_min": 0.002},
         groups=g(0.02), actions=steps(5000)),
    dict(name="cosine_tmax_float_7.5", scheduler="CosineAnnealingLR", kwargs={"T_max": 7.5},
         groups=G1, actions=steps(60)),
    dict(name="cosine_tmax_float_2.5_eta_min", scheduler="CosineAnnealingLR", kwargs={"T_max": 2.5, "eta_min": 0.01},
         groups=G2, actions=steps(30)),
    dict(name="cosine_eta_min_above_lr", scheduler="CosineAnnealingLR", kwargs={"T_max": 5, "eta_min": 0.2},
         groups=G1, actions=steps(15)),
    dict(name="cosine_adam", scheduler="CosineAnnealingLR", kwargs={"T_max": 8, "eta_min": 1e-5}, optimizer="Adam",
         groups=g(0.001, betas=(0.9, 0.999)), actions=steps(20)),
    dict(name="cosine_sgd_momentum_recorded", scheduler="CosineAnnealingLR", kwargs={"T_max": 4},
         groups=g(0.1, 0.01, momentum=0.9), actions=steps(6), record_momentum=True),
    dict(name="cosine_epoch_jumps_forward_backward", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 10, "eta_min": 0.001}, groups=G2,
         actions=epochs([0, 5, 10, 20, 15, 3, 40, 41, 11, 1])),
    dict(name="cosine_epoch_then_step_mixed", scheduler="CosineAnnealingLR", kwargs={"T_max": 10},
         groups=G1, actions=steps(3) + epochs([15]) + steps(10) + epochs([2]) + steps(8)),
    dict(name="cosine_epoch_then_step_eta_min_mixed", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 6, "eta_min": 0.01}, groups=G3,
         actions=epochs([4]) + steps(5) + epochs([13]) + steps(6) + epochs([0]) + steps(14)),
    dict(name="cosine_epoch_onto_odd_multiple_then_step", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 5, "eta_min": 0.001}, groups=G1,
         actions=epochs([5]) + steps(3) + epochs([15]) + steps(3) + epochs([6]) + steps(12)),
    dict(name="cosine_float_epochs", scheduler="CosineAnnealingLR", kwargs={"T_max": 4},
         groups=G1, actions=epochs([0.5, 1.25, 3.75, 4.0, 6.5]) + steps(3)),
]


SGDR = [
    # plain step() runs
    dict(name="sgdr_t0_10_tmult_1_300_steps", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 10},
         groups=G1, actions=steps(300)),
    dict(name="sgdr_t0_10_tmult_2_500_steps_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 2}, groups=G2, actions=steps(500)),
    dict(name="sgdr_t0_5_tmult_3_eta_min_400_steps", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 3, "eta_min": 0.001}, groups=G1, actions=steps(400)),
    dict(name="sgdr_t0_1_tmult_1", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 1},
         groups=G1, actions=steps(10)),
    dict(name="sgdr_t0_1_tmult_2_300_steps", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1, actions=steps(300)),
    dict(name="sgdr_t0_3_tmult_2_eta_min_three_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 2, "eta_min": 0.001}, groups=G3, actions=steps(200)),
    dict(name="sgdr_t0_7_tmult_1_eta_min_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 7, "eta_min": 0.005}, groups=G2, actions=steps(100)),
    dict(name="sgdr_t0_50_tmult_2_long_3000", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 50, "T_mult": 2, "eta_min": 1e-5}, groups=g(0.05), actions=steps(3000)),
    # step(epoch + i / iters_per_epoch)
    dict(name="sgdr_t0_2_tmult_2_fractional_ipe3", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 2}, groups=G2, actions=epochs(fractional_epochs(30, 3))),
    dict(name="sgdr_t0_10_tmult_1_fractional_ipe7", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10}, groups=G1, actions=epochs(fractional_epochs(25, 7))),
    dict(name="sgdr_t0_5_tmult_3_fractional_ipe4", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 3, "eta_min": 0.001}, groups=G1, actions=epochs(fractional_epochs(50, 4))),
    dict(name="sgdr_t0_1_tmult_2_fractional_ipe10", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1, actions=epochs(fractional_epochs(40, 10))),
    dict(name="sgdr_t0_3_tmult_2_fractional_ipe100", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 2}, groups=g(0.1), actions=epochs(fractional_epochs(20, 100))),
    dict(name="sgdr_t0_4_tmult_1_fractional_ipe6_three_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 4, "eta_min": 1e-4}, groups=G3, actions=epochs(fractional_epochs(12, 6))),
    dict(name="sgdr_t0_10_tmult_3_fractional_ipe5", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 3}, groups=G1, actions=epochs(fractional_epochs(140, 5))),
    # jumps and mixing
    dict(name="sgdr_t0_5_tmult_2_epoch_jumps", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 2, "eta_min": 0.001}, groups=G2,
         actions=epochs([0, 5, 25, 3, 100.5, 7.25, 0, 16, 15.999, 36, 2.5])),
    dict(name="sgdr_t0_10_tmult_1_epoch_jumps", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10}, groups=G1, actions=epochs([3, 13, 7.5, 100, 99.9, 0.1, 55, 20])),
    dict(name="sgdr_t0_5_tmult_2_epoch_then_step_mixed", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 2}, groups=G1,
         actions=steps(3) + epochs([12.5]) + steps(6) + epochs([3]) + steps(4) + epochs([40]) + steps(30)),
    dict(name="sgdr_t0_3_tmult_3_epoch_then_step_mixed", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 3, "eta_min": 0.01}, groups=G2,
         actions=epochs([2.5]) + steps(3) + epochs([11.75]) + steps(10) + epochs([0]) + steps(15)),
    dict(name="sgdr_t0_4_tmult_1_epoch_then_step_mixed", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 4}, groups=G1,
         actions=epochs([6.5]) + steps(5) + epochs([1]) + steps(5)),
    dict(name="sgdr_steps_then_fractional_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 2}, groups=G1,
         actions=steps(7) + epochs(fractional_epochs(8, 4, start=7)) + steps(10)),
    # exact restart boundaries (float log can misfire)
    dict(name="sgdr_t0_10_tmult_3_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 3}, groups=G1, actions=epochs(sgdr_boundaries(10, 3, 10 ** 6))),
    dict(name="sgdr_t0_10_tmult_3_boundary_neighbourhood", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 3}, groups=G1,
         actions=epochs([x for b in sgdr_boundaries(10, 3, 40000) for x in (b - 1, b - 0.5, b, b + 0.5, b + 1)])),
    dict(name="sgdr_t0_1_tmult_2_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1, actions=epochs(sgdr_boundaries(1, 2, 2 ** 40))),
    dict(name="sgdr_t0_1_tmult_2_boundary_neighbourhood", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1,
         actions=epochs([x for b in sgdr_boundaries(1, 2, 70000) for x in (b - 0.5, b, b + 0.5)])),
    dict(name="sgdr_t0_2_tmult_2_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 2, "eta_min": 0.001}, groups=G2, actions=epochs(sgdr_boundaries(2, 2, 2 ** 40))),
    dict(name="sgdr_t0_3_tmult_3_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 3}, groups=G1, actions=epochs(sgdr_boundaries(3, 3, 10 ** 12))),
    dict(name="sgdr_t0_5_tmult_2_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 2}, groups=G1, actions=epochs(sgdr_boundaries(5, 2, 10 ** 9))),
    dict(name="sgdr_t0_4_tmult_5_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 4, "T_mult": 5}, groups=G1, actions=epochs(sgdr_boundaries(4, 5, 10 ** 12))),
    dict(name="sgdr_t0_7_tmult_4_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 7, "T_mult": 4}, groups=G1, actions=epochs(sgdr_boundaries(7, 4, 10 ** 12))),
    dict(name="sgdr_t0_6_tmult_10_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 6, "T_mult": 10}, groups=G1, actions=epochs(sgdr_boundaries(6, 10, 10 ** 13))),
    dict(name="sgdr_t0_1_tmult_3_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 3}, groups=G1, actions=epochs(sgdr_boundaries(1, 3, 10 ** 12))),
    dict(name="sgdr_t0_1_tmult_10_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 10}, groups=G1, actions=epochs(sgdr_boundaries(1, 10, 10 ** 13))),
    dict(name="sgdr_t0_2_tmult_9_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 9}, groups=G1, actions=epochs(sgdr_boundaries(2, 9, 10 ** 12))),
    dict(name="sgdr_t0_3_tmult_3_eta_min_boundary_epochs_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 3, "eta_min": 0.001}, groups=G2,
         actions=epochs(sgdr_boundaries(3, 3, 10 ** 6))),
    dict(name="sgdr_boundary_misfire_then_step", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 3, "eta_min": 0.0001}, groups=G1,
         actions=epochs([1210]) + steps(3) + epochs([1209]) + steps(2) + epochs([400]) + steps(2)),
    dict(name="sgdr_t0_2_tmult_3_boundary_misfire_then_step", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 3}, groups=G2,
         actions=epochs([242]) + steps(5) + epochs([241.5, 242.0, 242.5]) + steps(2)),
    dict(name="sgdr_t0_10_tmult_1_boundary_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "eta_min": 0.01}, groups=G1, actions=epochs(sgdr_boundaries(10, 1, 200))),
    dict(name="sgdr_t0_2_tmult_3_all_integer_epochs_to_250", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 3}, groups=G1, actions=epochs(list(range(0, 251)))),
    dict(name="sgdr_t0_1_tmult_2_all_integer_epochs_to_300", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1, actions=epochs(list(range(0, 301)))),
    dict(name="sgdr_t0_10_tmult_3_steps_across_boundaries", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 3}, groups=G1, actions=steps(420)),
]


ONECYCLE = [
    dict(name="onecycle_cos_defaults_total100", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 100},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="onecycle_linear_total100", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 100, "anneal_strategy": "linear"},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="onecycle_cos_three_phase_total100", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 100, "three_phase": True},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="onecycle_linear_three_phase_total100", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 100, "three_phase": True, "anneal_strategy": "linear"},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="onecycle_three_phase_odd_total_37", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.5, "total_steps": 37, "three_phase": True, "pct_start": 0.3},
         groups=g(0.1, momentum=0.9), actions=steps(37), record_momentum=True),
    dict(name="onecycle_pct_start_0.1", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.2, "total_steps": 50, "pct_start": 0.1}, groups=G1, actions=steps(50)),
    dict(name="onecycle_pct_start_0.25_linear", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.2, "total_steps": 50, "pct_start": 0.25, "anneal_strategy": "linear"},
         groups=G1, actions=steps(50)),
    dict(name="onecycle_pct_start_0.5", scheduler="OneCycleLR",
         kwargs={"max_lr": 1.0, "total_steps": 40, "pct_start": 0.5}, groups=G1, actions=steps(40)),
    dict(name="onecycle_pct_start_0.9", scheduler="OneCycleLR",
         kwargs={"max_lr": 1.0, "total_steps": 40, "pct_start": 0.9}, groups=G1, actions=steps(40)),
    dict(name="onecycle_pct_start_0.0", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.3, "total_steps": 20, "pct_start": 0.0}, groups=G1, actions=steps(20)),
    dict(name="onecycle_pct_start_1.0_stops_before_end", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.3, "total_steps": 20, "pct_start": 1.0}, groups=G1, actions=steps(19)),
    dict(name="onecycle_three_phase_pct_start_0.5", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.3, "total_steps": 30, "pct_start": 0.5, "three_phase": True},
         groups=G1, actions=steps(30)),
    dict(name="onecycle_div_factors", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.05, "total_steps": 60, "div_factor": 10.0, "final_div_factor": 100.0},
         groups=G1, actions=steps(60)),
    dict(name="onecycle_div_factor_1", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.05, "total_steps": 30, "div_factor": 1.0, "final_div_factor": 1000.0},
         groups=G1, actions=steps(30)),
    dict(name="onecycle_max_lr_list_two_groups", scheduler="OneCycleLR",
         kwargs={"max_lr": [0.1, 0.01], "total_steps": 80},
         groups=g(0.1, 0.1, momentum=0.9), actions=steps(80), record_momentum=True),
    dict(name="onecycle_max_lr_list_three_groups_three_phase_linear", scheduler="OneCycleLR",
         kwargs={"max_lr": [1.0, 0.3, 0.004], "total_steps": 45, "three_phase": True,
                 "anneal_strategy": "linear", "pct_start": 0.4},
         groups=G3, actions=steps(45)),
    dict(name="onecycle_epochs_steps_per_epoch", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "epochs": 5, "steps_per_epoch": 20},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="onecycle_total_steps_overrides_epochs", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 30, "epochs": 5, "steps_per_epoch": 20},
         groups=G1, actions=steps(30)),
    dict(name="onecycle_adam_betas", scheduler="OneCycleLR", kwargs={"max_lr": 0.01, "total_steps": 50},
         optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)), actions=steps(50), record_momentum=True),
    dict(name="onecycle_adam_momentum_lists_two_groups", scheduler="OneCycleLR",
         kwargs={"max_lr": [0.01, 0.002], "total_steps": 40, "base_momentum": [0.8, 0.7],
                 "max_momentum": [0.9, 0.95], "three_phase": True},
         optimizer="Adam", groups=g(0.001, 0.001, betas=(0.9, 0.99)), actions=steps(40), record_momentum=True),
    dict(name="onecycle_adam_no_cycle_momentum", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.01, "total_steps": 25, "cycle_momentum": False},
         optimizer="Adam", groups=g(0.001, betas=(0.95, 0.999)), actions=steps(25), record_momentum=True),
    dict(name="onecycle_sgd_no_cycle_momentum", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 25, "cycle_momentum": False},
         groups=g(0.01, momentum=0.5), actions=steps(25), record_momentum=True),
    dict(name="onecycle_sgd_momentum_lists", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 30, "base_momentum": [0.85, 0.5], "max_momentum": [0.95, 0.6]},
         groups=g(0.01, 0.01, momentum=0.9), actions=steps(30), record_momentum=True),
    dict(name="onecycle_sgd_zero_momentum_group_cycled", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 20},
         groups=G1, actions=steps(20), record_momentum=True),
    dict(name="onecycle_total_steps_1", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 1},
         groups=G1, actions=steps(1)),
    dict(name="onecycle_total_steps_2", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 2},
         groups=G1, actions=steps(2), record_momentum=True),
    dict(name="onecycle_total_steps_3_three_phase", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 3, "three_phase": True}, groups=G1, actions=steps(3)),
    dict(name="onecycle_total_steps_5_linear", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 5, "anneal_strategy": "linear"}, groups=G1, actions=steps(5)),
    dict(name="onecycle_total_steps_7_stop_early", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 7}, groups=G2, actions=steps(4)),
    dict(name="onecycle_long_3000", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.4, "total_steps": 3000, "pct_start": 0.25},
         groups=g(0.01, momentum=0.9), actions=steps(3000), record_momentum=True),
    dict(name="onecycle_three_phase_long_1000_two_groups", scheduler="OneCycleLR",
         kwargs={"max_lr": [0.4, 0.04], "total_steps": 1000, "three_phase": True, "final_div_factor": 1e3},
         groups=G2, actions=steps(1000)),
]


CYCLIC = [
    dict(name="cyclic_triangular_ss5", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5},
         groups=g(0.01, momentum=0.9), actions=steps(50), record_momentum=True),
    dict(name="cyclic_triangular2_ss4", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "mode": "triangular2"},
         groups=g(0.01, momentum=0.9), actions=steps(60), record_momentum=True),
    dict(name="cyclic_exp_range_gamma0.99", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "mode": "exp_range", "gamma": 0.99},
         groups=g(0.01, momentum=0.9), actions=steps(100), record_momentum=True),
    dict(name="cyclic_exp_range_gamma0.9_down7", scheduler="CyclicLR",
         kwargs={"base_lr": 0.01, "max_lr": 1.0, "step_size_up": 3, "step_size_down": 7,
                 "mode": "exp_range", "gamma": 0.9},
         groups=g(0.01, momentum=0.9), actions=steps(60), record_momentum=True),
    dict(name="cyclic_triangular_up3_down7", scheduler="CyclicLR",
         kwargs={"base_lr": 0.01, "max_lr": 0.2, "step_size_up": 3, "step_size_down": 7},
         groups=g(0.05, momentum=0.9), actions=steps(45), record_momentum=True),
    dict(name="cyclic_triangular_up10_down2", scheduler="CyclicLR",
         kwargs={"base_lr": 0.01, "max_lr": 0.2, "step_size_up": 10, "step_size_down": 2},
         groups=G1, actions=steps(40)),
    dict(name="cyclic_triangular_up1_down1", scheduler="CyclicLR",
         kwargs={"base_lr": 0.01, "max_lr": 0.02, "step_size_up": 1, "step_size_down": 1},
         groups=G1, actions=steps(10)),
    dict(name="cyclic_triangular2_up2_down6", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 2, "step_size_down": 6, "mode": "triangular2"},
         groups=G1, actions=steps(50)),
    dict(name="cyclic_float_step_size_2.5", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 2.5, "step_size_down": 1.5},
         groups=G1, actions=steps(30)),
    dict(name="cyclic_triangular2_scale_mode_iterations_ignored", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "mode": "triangular2",
                 "scale_mode": "iterations"},
         groups=G1, actions=steps(40)),
    dict(name="cyclic_exp_range_scale_mode_cycle_ignored", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "mode": "exp_range", "gamma": 0.95,
                 "scale_mode": "cycle"},
         groups=G1, actions=steps(40)),
    dict(name="cyclic_exp_range_scale_mode_iterations", scheduler="CyclicLR",
         kwargs={"base_lr": 0.002, "max_lr": 0.05, "step_size_up": 6, "mode": "exp_range", "gamma": 0.97,
                 "scale_mode": "iterations"},
         groups=g(0.01, momentum=0.9), actions=steps(50), record_momentum=True),
    dict(name="cyclic_no_cycle_momentum_sgd", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "cycle_momentum": False},
         groups=g(0.01, momentum=0.9), actions=steps(25), record_momentum=True),
    dict(name="cyclic_no_cycle_momentum_adam", scheduler="CyclicLR",
         kwargs={"base_lr": 0.0001, "max_lr": 0.001, "step_size_up": 4, "cycle_momentum": False},
         optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)), actions=steps(25)),
    dict(name="cyclic_per_group_lists_two_groups", scheduler="CyclicLR",
         kwargs={"base_lr": [0.001, 0.0001], "max_lr": [0.1, 0.05], "step_size_up": 5},
         groups=g(0.1, 0.1, momentum=0.9), actions=steps(40), record_momentum=True),
    dict(name="cyclic_per_group_lists_three_groups_triangular2", scheduler="CyclicLR",
         kwargs={"base_lr": [0.01, 0.001, 0.0001], "max_lr": [0.1, 0.02, 0.001], "step_size_up": 3,
                 "step_size_down": 4, "mode": "triangular2",
                 "base_momentum": [0.8, 0.85, 0.7], "max_momentum": [0.9, 0.95, 0.99]},
         groups=g(0.1, 0.1, 0.1, momentum=0.9), actions=steps(60), record_momentum=True),
    dict(name="cyclic_momentum_from_zero_sgd_group", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.01, "step_size_up": 3, "base_momentum": 0.5, "max_momentum": 0.6},
         groups=G1, actions=steps(15), record_momentum=True),
    dict(name="cyclic_base_above_max", scheduler="CyclicLR",
         kwargs={"base_lr": 0.1, "max_lr": 0.01, "step_size_up": 4},
         groups=G1, actions=steps(20)),
    dict(name="cyclic_default_step_size_2000_long_4500", scheduler="CyclicLR",
         kwargs={"base_lr": 0.0001, "max_lr": 0.01},
         groups=g(0.001, momentum=0.9), actions=steps(4500)),
    dict(name="cyclic_triangular2_long_1000", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 50, "step_size_down": 30, "mode": "triangular2"},
         groups=g(0.01, momentum=0.9), actions=steps(1000), record_momentum=True),
    dict(name="cyclic_exp_range_long_1000", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 25, "mode": "exp_range", "gamma": 0.999},
         groups=G2, actions=steps(1000)),
]


PLATEAU = [
    dict(name="plateau_defaults_noisy_200", scheduler="ReduceLROnPlateau", kwargs={},
         groups=G1, actions=metrics(metric_series("noisy_flat", 200, seed=11))),
    dict(name="plateau_patience0_factor0.5_staircase", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.5}, groups=G1, actions=metrics(metric_series("staircase", 60))),
    dict(name="plateau_patience1_plateau", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "factor": 0.5}, groups=G2, actions=metrics(metric_series("plateau", 50))),
    dict(name="plateau_patience2_noisy", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 2, "factor": 0.3}, groups=G2, actions=metrics(metric_series("noisy", 120, seed=3))),
    dict(name="plateau_patience3_oscillating", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 3, "factor": 0.5}, groups=G3, actions=metrics(metric_series("oscillating", 100, seed=5))),
    dict(name="plateau_improving_never_reduces", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0}, groups=G1, actions=metrics(metric_series("improving", 50))),
    dict(name="plateau_worsening_patience2", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 2, "factor": 0.5}, groups=G1, actions=metrics(metric_series("worsening", 60))),
    dict(name="plateau_mode_max_rel", scheduler="ReduceLROnPlateau",
         kwargs={"mode": "max", "patience": 2, "factor": 0.5}, groups=G2,
         actions=metrics(metric_series("rising_noisy", 120, seed=7))),
    dict(name="plateau_mode_max_abs", scheduler="ReduceLROnPlateau",
         kwargs={"mode": "max", "threshold_mode": "abs", "threshold": 0.01, "patience": 1, "factor": 0.5},
         groups=G1, actions=metrics(metric_series("rising_noisy", 120, seed=8))),
    dict(name="plateau_mode_max_worsening", scheduler="ReduceLROnPlateau",
         kwargs={"mode": "max", "patience": 0, "factor": 0.7}, groups=G1,
         actions=metrics(metric_series("improving", 40))),
    dict(name="plateau_mode_min_abs_threshold0.01", scheduler="ReduceLROnPlateau",
         kwargs={"threshold_mode": "abs", "threshold": 0.01, "patience": 2, "factor": 0.5}, groups=G2,
         actions=metrics(metric_series("noisy", 150, seed=13))),
    dict(name="plateau_mode_min_abs_threshold0.1", scheduler="ReduceLROnPlateau",
         kwargs={"threshold_mode": "abs", "threshold": 0.1, "patience": 1, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("noisy", 100, seed=17))),
    dict(name="plateau_rel_threshold0.05", scheduler="ReduceLROnPlateau",
         kwargs={"threshold": 0.05, "patience": 1, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("noisy", 100, seed=19))),
    dict(name="plateau_threshold0_tiny_noise", scheduler="ReduceLROnPlateau",
         kwargs={"threshold": 0.0, "patience": 1, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("plateau_noise", 80, seed=23))),
    dict(name="plateau_default_threshold_tiny_noise", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("plateau_noise", 80, seed=23))),
    dict(name="plateau_cooldown2_patience0", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "cooldown": 2, "factor": 0.5}, groups=G2,
         actions=metrics(metric_series("worsening", 50))),
    dict(name="plateau_cooldown5_patience1_noisy", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "cooldown": 5, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("noisy", 150, seed=29))),
    dict(name="plateau_cooldown3_early_best", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 2, "cooldown": 3, "factor": 0.5}, groups=G1,
         actions=metrics(metric_series("early_best", 60))),
    dict(name="plateau_min_lr_scalar", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.5, "min_lr": 0.01}, groups=G2,
         actions=metrics(metric_series("plateau", 30))),
    dict(name="plateau_min_lr_per_group", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "factor": 0.3, "min_lr": [0.005, 0.0001, 0.0005]}, groups=G3,
         actions=metrics(metric_series("worsening", 80))),
    dict(name="plateau_eps_skips_small_reductions", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.5, "eps": 0.001}, groups=g(0.01, 0.1),
         actions=metrics(metric_series("plateau", 30))),
    dict(name="plateau_default_eps_tiny_lr", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.5}, groups=g(1e-6, 1e-7),
         actions=metrics(metric_series("plateau", 30))),
    dict(name="plateau_factor0.9_long", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 2, "factor": 0.9}, groups=G1, actions=metrics(metric_series("worsening", 200))),
    dict(name="plateau_factor0.1_patience3", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 3, "factor": 0.1}, groups=G2, actions=metrics(metric_series("plateau", 40))),
    dict(name="plateau_factor0_to_min_lr", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "factor": 0.0, "min_lr": 0.001}, groups=G1,
         actions=metrics(metric_series("plateau", 12))),
    dict(name="plateau_negative_metrics_min_rel", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 1, "factor": 0.5, "threshold": 0.01}, groups=G1,
         actions=metrics(metric_series("noisy_flat", 100, seed=31, offset=-2.0))),
    dict(name="plateau_negative_metrics_max_rel", scheduler="ReduceLROnPlateau",
         kwargs={"mode": "max", "patience": 1, "factor": 0.5, "threshold": 0.01}, groups=G1,
         actions=metrics(metric_series("noisy_flat", 100, seed=37, scale=-1.0))),
    dict(name="plateau_zero_metrics_rel", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.5}, groups=G1, actions=metrics([0.0] * 10)),
    dict(name="plateau_mode_max_cooldown_min_lr_list", scheduler="ReduceLROnPlateau",
         kwargs={"mode": "max", "patience": 1, "cooldown": 2, "factor": 0.5, "min_lr": [0.02, 0.001]},
         groups=G2, actions=metrics(metric_series("oscillating", 120, seed=41))),
    dict(name="plateau_adam", scheduler="ReduceLROnPlateau", kwargs={"patience": 2, "factor": 0.2},
         optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)),
         actions=metrics(metric_series("noisy_flat", 120, seed=43))),
]


COMPOSITE = [
    # SequentialLR
    dict(name="sequential_linear_warmup_cosine", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5), sub("CosineAnnealingLR", T_max=45)],
                 "milestones": [5]}, groups=G1, actions=steps(60)),
    dict(name="sequential_linear_warmup_cosine_eta_min_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.01, total_iters=10),
                                sub("CosineAnnealingLR", T_max=40, eta_min=1e-4)],
                 "milestones": [10]}, groups=G2, actions=steps(70)),
    dict(name="sequential_constant_then_exponential", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [3]}, groups=G2, actions=steps(20)),
    dict(name="sequential_constant_then_exponential_milestone_2", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [2]}, groups=G1, actions=steps(10)),
    dict(name="sequential_linear_then_steplr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.25, total_iters=10),
                                sub("StepLR", step_size=10, gamma=0.5)],
                 "milestones": [10]}, groups=G3, actions=steps(60)),
    dict(name="sequential_linear_then_multisteplr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=4),
                                sub("MultiStepLR", milestones=[3, 6, 6], gamma=0.5)],
                 "milestones": [4]}, groups=G1, actions=steps(15)),
    dict(name="sequential_constant_then_polynomial", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.2, total_iters=5),
                                sub("PolynomialLR", total_iters=20, power=2.0)],
                 "milestones": [5]}, groups=G2, actions=steps(30)),
    dict(name="sequential_warmup_shorter_than_milestone", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=3), sub("CosineAnnealingLR", T_max=10)],
                 "milestones": [8]}, groups=G1, actions=steps(25)),
    dict(name="sequential_warmup_longer_than_milestone", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=10), sub("ExponentialLR", gamma=0.8)],
                 "milestones": [4]}, groups=G1, actions=steps(15)),
    dict(name="sequential_milestone_1", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=1), sub("CosineAnnealingLR", T_max=8)],
                 "milestones": [1]}, groups=G1, actions=steps(12)),
    dict(name="sequential_milestone_0", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [0]}, groups=G1, actions=steps(8)),
    dict(name="sequential_milestone_beyond_run", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=5), sub("ExponentialLR", gamma=0.5)],
                 "milestones": [100]}, groups=G1, actions=steps(12)),
    dict(name="sequential_exponential_twice", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9), sub("ExponentialLR", gamma=0.5)],
                 "milestones": [5]}, groups=G2, actions=steps(12)),
    dict(name="sequential_three_linear_constant_cosine", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5),
                                sub("ConstantLR", factor=0.5, total_iters=5),
                                sub("CosineAnnealingLR", T_max=20, eta_min=0.001)],
                 "milestones": [5, 10]}, groups=G2, actions=steps(40)),
    dict(name="sequential_three_constant_exponential_steplr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.25, total_iters=2),
                                sub("ExponentialLR", gamma=0.9),
                                sub("StepLR", step_size=3, gamma=0.5)],
                 "milestones": [2, 8]}, groups=G3, actions=steps(25)),
    dict(name="sequential_three_adjacent_milestones", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=2),
                                sub("ExponentialLR", gamma=0.5),
                                sub("CosineAnnealingLR", T_max=5)],
                 "milestones": [2, 3]}, groups=G1, actions=steps(12)),
    dict(name="sequential_linear_then_sgdr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5),
                                sub("CosineAnnealingWarmRestarts", T_0=5, T_mult=2)],
                 "milestones": [5]}, groups=G1, actions=steps(50)),
    dict(name="sequential_warmup_cosine_long_2000", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.001, total_iters=100),
                                sub("CosineAnnealingLR", T_max=1900, eta_min=1e-6)],
                 "milestones": [100]}, groups=g(0.3), actions=steps(2000)),
    dict(name="sequential_warmup_cosine_past_tmax_300", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=10),
                                sub("CosineAnnealingLR", T_max=50)],
                 "milestones": [10]}, groups=G2, actions=steps(300)),
    dict(name="sequential_adam_momentum_untouched", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=4), sub("CosineAnnealingLR", T_max=10)],
                 "milestones": [4]}, optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)),
         actions=steps(16), record_momentum=True),
    # ChainedScheduler
    dict(name="chained_constant_exponential", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.1, total_iters=2), sub("ExponentialLR", gamma=0.9)]},
         groups=G1, actions=steps(10)),
    dict(name="chained_linear_steplr_two_groups", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=5), sub("StepLR", step_size=3, gamma=0.5)]},
         groups=G2, actions=steps(20)),
    dict(name="chained_cosine_exponential", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CosineAnnealingLR", T_max=10, eta_min=0.001), sub("ExponentialLR", gamma=0.95)]},
         groups=G1, actions=steps(40)),
    dict(name="chained_exponential_cosine_order", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.95), sub("CosineAnnealingLR", T_max=10, eta_min=0.001)]},
         groups=G1, actions=steps(40)),
    dict(name="chained_three_constant_linear_multistep", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=4),
                                sub("LinearLR", start_factor=0.5, total_iters=6),
                                sub("MultiStepLR", milestones=[3, 8], gamma=0.1)]},
         groups=G3, actions=steps(15)),
    dict(name="chained_polynomial_steplr", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("PolynomialLR", total_iters=10, power=2.0), sub("StepLR", step_size=4, gamma=0.5)]},
         groups=G1, actions=steps(15)),
    dict(name="chained_single_scheduler", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.7)]}, groups=G2, actions=steps(6)),
    dict(name="chained_sgdr_exponential", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CosineAnnealingWarmRestarts", T_0=4), sub("ExponentialLR", gamma=0.9)]},
         groups=G1, actions=steps(20)),
    dict(name="chained_cosine_exponential_long_1000", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CosineAnnealingLR", T_max=100, eta_min=1e-4), sub("ExponentialLR", gamma=0.999)]},
         groups=G1, actions=steps(1000)),
]


# --------------------------------------------------------------------------
# Round 2 (parity-round2.json): where anneal and PyTorch are most likely to part ways.
# --------------------------------------------------------------------------

# Built with last_epoch >= 0 (resuming through the constructor; the groups carry initial_lr). Each
# class that takes last_epoch, with the group lr at the checkpoint value or left at initial_lr, and
# continued with step() or step(epoch). OneCycleLR cannot be resumed this way from the format (it
# needs max_lr/min_lr in the groups: see REFUSALS).
RESUME = [
    dict(name="resume_steplr_le7_lr_at_checkpoint_two_groups", scheduler="StepLR",
         kwargs={"step_size": 3, "gamma": 0.5, "last_epoch": 7}, groups=gr((0.025, 0.1), (0.005, 0.02)),
         actions=steps(10)),
    dict(name="resume_steplr_le5_lr_at_initial", scheduler="StepLR",
         kwargs={"step_size": 3, "gamma": 0.5, "last_epoch": 5}, groups=gr((0.1, 0.1)), actions=steps(8)),
    dict(name="resume_steplr_le4_epoch_form", scheduler="StepLR",
         kwargs={"step_size": 3, "gamma": 0.5, "last_epoch": 4}, groups=gr((0.05, 0.1), (0.01, 0.02)),
         actions=epochs([6, 7, 9, 3, 12]) + steps(4)),
    dict(name="resume_multisteplr_le4_two_groups", scheduler="MultiStepLR",
         kwargs={"milestones": [3, 6, 9], "gamma": 0.1, "last_epoch": 4}, groups=gr((0.01, 0.1), (0.002, 0.02)),
         actions=steps(10)),
    dict(name="resume_multisteplr_le5_milestone_at_initial_step", scheduler="MultiStepLR",
         kwargs={"milestones": [3, 6, 6], "gamma": 0.5, "last_epoch": 5}, groups=gr((0.1, 0.1)), actions=steps(6)),
    dict(name="resume_multisteplr_epoch_form", scheduler="MultiStepLR",
         kwargs={"milestones": [3, 6, 9], "gamma": 0.5, "last_epoch": 4}, groups=gr((0.05, 0.1)),
         actions=epochs([2, 7, 10, 5]) + steps(3)),
    dict(name="resume_constantlr_le2_total4", scheduler="ConstantLR",
         kwargs={"factor": 0.5, "total_iters": 4, "last_epoch": 2}, groups=gr((0.05, 0.1), (0.01, 0.02)),
         actions=steps(5)),
    dict(name="resume_constantlr_le3_restores_at_initial_step", scheduler="ConstantLR",
         kwargs={"factor": 0.5, "total_iters": 4, "last_epoch": 3}, groups=gr((0.1, 0.1), (0.02, 0.02)),
         actions=steps(4)),
    dict(name="resume_constantlr_le6_past_total", scheduler="ConstantLR",
         kwargs={"factor": 0.25, "total_iters": 4, "last_epoch": 6}, groups=gr((0.1, 0.1)), actions=steps(4)),
    dict(name="resume_constantlr_epoch_form", scheduler="ConstantLR",
         kwargs={"factor": 0.5, "total_iters": 4, "last_epoch": 1}, groups=gr((0.05, 0.1)),
         actions=epochs([1, 5, 2]) + steps(3)),
    dict(name="resume_linearlr_le2_total5_two_groups", scheduler="LinearLR",
         kwargs={"start_factor": 0.25, "total_iters": 5, "last_epoch": 2}, groups=gr((0.055, 0.1), (0.011, 0.02)),
         actions=steps(6)),
    dict(name="resume_linearlr_le0", scheduler="LinearLR",
         kwargs={"start_factor": 0.25, "total_iters": 5, "last_epoch": 0}, groups=gr((0.025, 0.1)),
         actions=steps(7)),
    dict(name="resume_linearlr_le4_lr_at_initial", scheduler="LinearLR",
         kwargs={"start_factor": 0.5, "total_iters": 6, "last_epoch": 4}, groups=gr((0.1, 0.1)), actions=steps(5)),
    dict(name="resume_linearlr_decreasing_epoch_form", scheduler="LinearLR",
         kwargs={"start_factor": 1.0, "end_factor": 0.1, "total_iters": 6, "last_epoch": 3},
         groups=gr((0.055, 0.1)), actions=epochs([4, 6, 2, 8]) + steps(3)),
    dict(name="resume_exponentiallr_le5_two_groups", scheduler="ExponentialLR",
         kwargs={"gamma": 0.9, "last_epoch": 5}, groups=gr((0.059049, 0.1), (0.0118098, 0.02)), actions=steps(8)),
    dict(name="resume_exponentiallr_le0_lr_at_initial", scheduler="ExponentialLR",
         kwargs={"gamma": 0.5, "last_epoch": 0}, groups=gr((0.1, 0.1)), actions=steps(4)),
    dict(name="resume_exponentiallr_epoch_form", scheduler="ExponentialLR",
         kwargs={"gamma": 0.9, "last_epoch": 2}, groups=gr((0.081, 0.1)), actions=epochs([3, 10, 0]) + steps(3)),
    dict(name="resume_polynomiallr_le3", scheduler="PolynomialLR",
         kwargs={"total_iters": 10, "power": 2.0, "last_epoch": 3}, groups=gr((0.049, 0.1), (0.0098, 0.02)),
         actions=steps(10)),
    dict(name="resume_polynomiallr_epoch_form", scheduler="PolynomialLR",
         kwargs={"total_iters": 10, "power": 1.0, "last_epoch": 3}, groups=gr((0.07, 0.1)),
         actions=epochs([5, 2, 12]) + steps(3)),
    dict(name="resume_cosine_le4_tmax10_two_groups", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 10, "eta_min": 0.001, "last_epoch": 4}, groups=gr((0.0658, 0.1), (0.0135, 0.02)),
         actions=steps(20)),
    dict(name="resume_cosine_le10_at_tmax", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 10, "eta_min": 0.001, "last_epoch": 10}, groups=gr((0.001, 0.1)), actions=steps(15)),
    dict(name="resume_cosine_le3_lr_at_initial", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 6, "eta_min": 0.01, "last_epoch": 3}, groups=gr((0.1, 0.1)), actions=steps(10)),
    dict(name="resume_cosine_epoch_form", scheduler="CosineAnnealingLR",
         kwargs={"T_max": 10, "last_epoch": 4}, groups=gr((0.0655, 0.1)), actions=epochs([6, 12, 3]) + steps(5)),
    dict(name="resume_sgdr_le25_t0_10_tmult_1", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "last_epoch": 25}, groups=gr((0.05, 0.1)), actions=steps(30)),
    dict(name="resume_sgdr_le5_t0_10_tmult_2_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 10, "T_mult": 2, "eta_min": 0.001, "last_epoch": 5}, groups=gr((0.05, 0.1), (0.01, 0.02)),
         actions=steps(40)),
    dict(name="resume_sgdr_le35_t0_5_tmult_2", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 5, "T_mult": 2, "last_epoch": 35}, groups=gr((0.05, 0.1), (0.01, 0.02)), actions=steps(40)),
    dict(name="resume_sgdr_epoch_form", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 4, "T_mult": 2, "last_epoch": 12}, groups=gr((0.05, 0.1)),
         actions=epochs([12.5, 13, 27.99, 28, 3]) + steps(5)),
    dict(name="resume_sgdr_le3_accumulated_thirds", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 2, "last_epoch": 3}, groups=gr((0.05, 0.1)),
         actions=epochs(accumulated_epochs(1 / 3, 36, start=3.0))),
    dict(name="resume_cyclic_le7_momentum", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "last_epoch": 7},
         groups=gr((0.05, 0.001), momentum=0.85), actions=steps(20), record_momentum=True),
    dict(name="resume_cyclic_le3_no_cycle_momentum_two_groups", scheduler="CyclicLR",
         kwargs={"base_lr": [0.001, 0.0001], "max_lr": [0.1, 0.01], "step_size_up": 4, "cycle_momentum": False,
                 "last_epoch": 3},
         groups=gr((0.07, 0.001), (0.007, 0.0001)), actions=steps(20)),
    dict(name="resume_cyclic_epoch_form", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 5, "mode": "triangular2", "last_epoch": 4},
         groups=gr((0.08, 0.001), momentum=0.82), actions=epochs([3, 12, 7, 25]) + steps(5), record_momentum=True),
    dict(name="cyclic_epoch_form_fresh", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "step_size_down": 6, "mode": "exp_range",
                 "gamma": 0.95},
         groups=g(0.01, 0.01, momentum=0.9), actions=epochs([3, 12, 7, 25, 0]) + steps(5), record_momentum=True),
]

# SequentialLR built with last_epoch (PyTorch starts its count at last_epoch + 1, so the milestones
# come sooner and a hand-over at or before last_epoch + 1 never happens), other SequentialLR inputs,
# and ChainedScheduler configurations.  Composites have no step(epoch) (see REFUSALS).
COMPOSITE_ROUND2 = [
    dict(name="seq_le2_linear_cosine", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=5), sub("CosineAnnealingLR", T_max=20)],
                 "milestones": [5], "last_epoch": 2}, groups=G1, actions=steps(25)),
    dict(name="seq_le3_handover_at_first_step_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [5], "last_epoch": 3}, groups=G2, actions=steps(12)),
    dict(name="seq_le4_skips_handover_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [5], "last_epoch": 4}, groups=G2, actions=steps(12)),
    dict(name="seq_le7_past_milestone", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=5), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [5], "last_epoch": 7}, groups=G1, actions=steps(10)),
    dict(name="seq_le0_linear_steplr_three_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=3), sub("StepLR", step_size=2, gamma=0.5)],
                 "milestones": [3], "last_epoch": 0}, groups=G3, actions=steps(15)),
    dict(name="seq_le1_three_schedulers_three_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=3),
                                sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("StepLR", step_size=3, gamma=0.5)],
                 "milestones": [3, 6], "last_epoch": 1}, groups=G3, actions=steps(15)),
    dict(name="seq_le5_three_skips_first_handover", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.1, total_iters=4),
                                sub("ExponentialLR", gamma=0.8),
                                sub("CosineAnnealingLR", T_max=6, eta_min=0.001)],
                 "milestones": [4, 8], "last_epoch": 5}, groups=G2, actions=steps(12)),
    dict(name="seq_le3_resumed_children", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9, last_epoch=3),
                                sub("StepLR", step_size=2, gamma=0.5, last_epoch=3)],
                 "milestones": [6], "last_epoch": 3}, groups=gr((0.0729, 0.1), (0.01458, 0.02)), actions=steps(10)),
    dict(name="seq_le2_linear_then_sgdr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=4),
                                sub("CosineAnnealingWarmRestarts", T_0=4, T_mult=2)],
                 "milestones": [4], "last_epoch": 2}, groups=G1, actions=steps(30)),
    dict(name="seq_repeated_milestones_4_4", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=4),
                                sub("ExponentialLR", gamma=0.5),
                                sub("CosineAnnealingLR", T_max=6)],
                 "milestones": [4, 4]}, groups=G2, actions=steps(12)),
    dict(name="seq_milestones_0_3_three_schedulers", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("ExponentialLR", gamma=0.9),
                                sub("StepLR", step_size=2, gamma=0.5)],
                 "milestones": [0, 3]}, groups=G2, actions=steps(10)),
    dict(name="seq_milestone_0_linear_cosine_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.25, total_iters=4), sub("CosineAnnealingLR", T_max=8)],
                 "milestones": [0]}, groups=G2, actions=steps(10)),
    # ChainedScheduler
    dict(name="chained_resumed_children_two_groups", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9, last_epoch=4),
                                sub("CosineAnnealingLR", T_max=10, eta_min=0.001, last_epoch=4)]},
         groups=gr((0.04, 0.1), (0.008, 0.02)), actions=steps(12)),
    dict(name="chained_with_sequential_inside", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("SequentialLR", schedulers=[sub("LinearLR", start_factor=0.1, total_iters=5),
                                                               sub("CosineAnnealingLR", T_max=15)],
                                    milestones=[5]),
                                sub("ExponentialLR", gamma=0.95)]},
         groups=G2, actions=steps(20)),
    dict(name="chained_sgdr_multistep_two_groups", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CosineAnnealingWarmRestarts", T_0=3, T_mult=2, eta_min=0.001),
                                sub("MultiStepLR", milestones=[5, 10], gamma=0.5)]},
         groups=G2, actions=steps(25)),
    dict(name="chained_onecycle_exponential", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=20), sub("ExponentialLR", gamma=0.95)]},
         groups=g(0.01, momentum=0.9), actions=steps(20), record_momentum=True),
    dict(name="chained_cyclic_steplr", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=0.001, max_lr=0.1, step_size_up=4),
                                sub("StepLR", step_size=5, gamma=0.5)]},
         groups=g(0.01, momentum=0.9), actions=steps(24), record_momentum=True),
    dict(name="chained_exponential_cyclic_order", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9),
                                sub("CyclicLR", base_lr=0.001, max_lr=0.1, step_size_up=4, cycle_momentum=False)]},
         groups=G1, actions=steps(16)),
]

# CosineAnnealingWarmRestarts.step(epoch) with epochs accumulated in floating point
# (`epoch += 1/3`), so that the epochs around each restart land a few ulps off it.
SGDR_ROUND2 = [
    dict(name="sgdr_acc_third_t0_1_tmult_2_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G2, actions=epochs(accumulated_epochs(1 / 3, 96))),
    dict(name="sgdr_acc_seventh_t0_1_tmult_2", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1, actions=epochs(accumulated_epochs(1 / 7, 222))),
    dict(name="sgdr_acc_tenth_t0_1_tmult_2_eta_min", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2, "eta_min": 0.001}, groups=G1, actions=epochs(accumulated_epochs(0.1, 320))),
    dict(name="sgdr_acc_sixth_t0_2_tmult_2_three_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 2}, groups=G3, actions=epochs(accumulated_epochs(1 / 6, 186))),
    dict(name="sgdr_acc_third_t0_3_tmult_2", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 2}, groups=G1, actions=epochs(accumulated_epochs(1 / 3, 140))),
    dict(name="sgdr_acc_third_t0_1_tmult_1", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1}, groups=G1, actions=epochs(accumulated_epochs(1 / 3, 60))),
    dict(name="sgdr_acc_seventh_t0_7_tmult_1_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 7, "eta_min": 0.001}, groups=G2, actions=epochs(accumulated_epochs(1 / 7, 160))),
    dict(name="sgdr_acc_tenth_t0_3_tmult_1", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3}, groups=G1, actions=epochs(accumulated_epochs(0.1, 200))),
    dict(name="sgdr_acc_sixth_t0_2_tmult_1", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2}, groups=G1, actions=epochs(accumulated_epochs(1 / 6, 120))),
    dict(name="sgdr_acc_third_t0_1_tmult_3_two_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 3}, groups=G2, actions=epochs(accumulated_epochs(1 / 3, 123))),
    dict(name="sgdr_acc_tenth_t0_1_tmult_3", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 3}, groups=G1, actions=epochs(accumulated_epochs(0.1, 410))),
    dict(name="sgdr_acc_seventh_t0_1_tmult_3", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 3, "eta_min": 0.0005}, groups=G1, actions=epochs(accumulated_epochs(1 / 7, 100))),
    dict(name="sgdr_acc_sixth_t0_2_tmult_3", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 2, "T_mult": 3}, groups=G1, actions=epochs(accumulated_epochs(1 / 6, 162))),
    dict(name="sgdr_acc_third_then_step_t0_1_tmult_2", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 1, "T_mult": 2}, groups=G1,
         actions=epochs(accumulated_epochs(1 / 3, 21)) + steps(10) + epochs(accumulated_epochs(0.1, 30, start=14.0))),
    dict(name="sgdr_step_then_acc_tenth_t0_3_tmult_1", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3}, groups=G2, actions=steps(5) + epochs(accumulated_epochs(0.1, 40, start=5.0)) + steps(5)),
]

# Two OneCycleLR / CyclicLR on the same optimizer.  OneCycleLR writes initial_lr, max_lr, min_lr (and
# max_momentum, base_momentum) into the groups and reads them back on every step, so the second one
# built changes the first; CyclicLR's first step reads initial_lr, which only the first one sets.
# "Built one after the other, stepping the first" is a SequentialLR whose milestone is past the run.
TWO_OF_A_KIND = [
    dict(name="two_onecycle_stepping_first", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=30),
                                sub("OneCycleLR", max_lr=1.0, total_steps=50, div_factor=5.0, final_div_factor=100.0)],
                 "milestones": [1000]}, groups=g(0.01, momentum=0.9), actions=steps(30), record_momentum=True),
    dict(name="two_onecycle_stepping_first_momentum_bounds_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=[0.1, 0.05], total_steps=25, anneal_strategy="linear"),
                                sub("OneCycleLR", max_lr=[0.3, 0.01], total_steps=40, base_momentum=0.6,
                                    max_momentum=[0.99, 0.9])],
                 "milestones": [1000]}, groups=g(0.01, 0.01, momentum=0.9), actions=steps(25), record_momentum=True),
    dict(name="two_onecycle_sequential_phases", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=20),
                                sub("OneCycleLR", max_lr=0.05, total_steps=30, three_phase=True, anneal_strategy="linear")],
                 "milestones": [20]}, groups=g(0.01, momentum=0.9), actions=steps(49), record_momentum=True),
    dict(name="two_onecycle_sequential_phases_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=[0.2, 0.02], total_steps=15),
                                sub("OneCycleLR", max_lr=[0.1, 0.05], total_steps=20, pct_start=0.2)],
                 "milestones": [10]}, groups=g(0.01, 0.01, momentum=0.9), actions=steps(29), record_momentum=True),
    dict(name="two_onecycle_sequential_adam", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.01, total_steps=12),
                                sub("OneCycleLR", max_lr=0.002, total_steps=12, base_momentum=0.8, max_momentum=0.9)],
                 "milestones": [12]}, optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)), actions=steps(23),
         record_momentum=True),
    dict(name="two_onecycle_chained", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=20),
                                sub("OneCycleLR", max_lr=0.3, total_steps=20, pct_start=0.5)]},
         groups=g(0.01, momentum=0.9), actions=steps(20), record_momentum=True),
    dict(name="two_cyclic_stepping_first", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=0.001, max_lr=0.1, step_size_up=5),
                                sub("CyclicLR", base_lr=0.01, max_lr=0.05, step_size_up=3, base_momentum=0.7,
                                    max_momentum=0.95)],
                 "milestones": [1000]}, groups=g(0.01, momentum=0.9), actions=steps(30), record_momentum=True),
    dict(name="two_cyclic_sequential_phases_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=[0.001, 0.0001], max_lr=[0.1, 0.01], step_size_up=3),
                                sub("CyclicLR", base_lr=0.002, max_lr=0.02, step_size_up=2, step_size_down=4,
                                    mode="triangular2")],
                 "milestones": [12]}, groups=g(0.05, 0.05, momentum=0.9), actions=steps(30), record_momentum=True),
    dict(name="two_cyclic_chained", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=0.001, max_lr=0.1, step_size_up=4),
                                sub("CyclicLR", base_lr=0.01, max_lr=0.02, step_size_up=3, cycle_momentum=False)]},
         groups=g(0.01, momentum=0.9), actions=steps(20), record_momentum=True),
    dict(name="two_cyclic_adam_no_cycle_momentum", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=0.0001, max_lr=0.001, step_size_up=3, cycle_momentum=False),
                                sub("CyclicLR", base_lr=0.0005, max_lr=0.002, step_size_up=2, cycle_momentum=False)],
                 "milestones": [8]}, optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)), actions=steps(16)),
    dict(name="onecycle_then_cyclic_sequential", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=20),
                                sub("CyclicLR", base_lr=0.001, max_lr=0.01, step_size_up=4)],
                 "milestones": [20]}, groups=g(0.01, momentum=0.9), actions=steps(35), record_momentum=True),
    dict(name="cyclic_then_onecycle_sequential", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("CyclicLR", base_lr=0.001, max_lr=0.01, step_size_up=4),
                                sub("OneCycleLR", max_lr=0.1, total_steps=20)],
                 "milestones": [10]}, groups=g(0.01, momentum=0.9), actions=steps(29), record_momentum=True),
    # 2.x only: 1.13 refuses CyclicLR's momentum cycling on Adam; 2.x cycles beta1.
    dict(name="cyclic_adam_cycle_momentum_beta1", scheduler="CyclicLR",
         kwargs={"base_lr": 0.0001, "max_lr": 0.001, "step_size_up": 4, "base_momentum": 0.8, "max_momentum": 0.95},
         optimizer="Adam", groups=g(0.001, 0.001, betas=(0.9, 0.999)), actions=steps(20), record_momentum=True,
         only_torch=2),
]

ROUND2 = RESUME + COMPOSITE_ROUND2 + SGDR_ROUND2 + TWO_OF_A_KIND


# --------------------------------------------------------------------------
# torch-versions.json: what changed between PyTorch 1.13 and 2.x (docs/guides/pytorch-versions.md), one
# configuration or more per change, beyond those of parity-round2.json (resume with last_epoch, SequentialLR
# milestone 0 and last_epoch, SGDR resume, CyclicLR momentum).  `record_last_lr` also records
# `scheduler.get_last_lr()` after construction and after each action (`last_lrs`); `pass_optimizer` builds
# the top-level ChainedScheduler with the optimizer as its second argument (2.x only).
# --------------------------------------------------------------------------

VERSION_CHANGES = [
    # SequentialLR hands over with step(0) (1.13) or _update_lr(0) (2.x): a CosineAnnealingWarmRestarts
    # resumed through its constructor restarts its cycle under 1.13 and keeps its T_cur under 2.x.
    dict(name="seq_handover_to_resumed_sgdr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=3),
                                sub("CosineAnnealingWarmRestarts", T_0=4, last_epoch=5)],
                 "milestones": [3]}, groups=gr((0.1, 0.1), (0.02, 0.02)), actions=steps(14), record_last_lr=True),
    dict(name="seq_handover_to_resumed_sgdr_tmult_2", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("CosineAnnealingWarmRestarts", T_0=3, T_mult=2, eta_min=0.001, last_epoch=4)],
                 "milestones": [2]}, groups=gr((0.1, 0.1)), actions=steps(16)),
    dict(name="seq_handover_to_fresh_sgdr", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.2, total_iters=4),
                                sub("CosineAnnealingWarmRestarts", T_0=3, T_mult=2)],
                 "milestones": [4]}, groups=G2, actions=steps(20), record_last_lr=True),
    # A later scheduler's first step without a hand-over (SequentialLR last_epoch past the milestone): a
    # step to last_epoch 0 that is not the initial one: 1.13 keeps the rate, 2.x applies step 0's update.
    dict(name="seq_le4_skips_handover_to_polynomial", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3),
                                sub("PolynomialLR", total_iters=6, power=2.0)],
                 "milestones": [5], "last_epoch": 4}, groups=G2, actions=steps(10)),
    dict(name="seq_le6_skips_handover_to_cosine", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=3),
                                sub("CosineAnnealingLR", T_max=5, eta_min=0.001)],
                 "milestones": [4], "last_epoch": 6}, groups=G1, actions=steps(12)),
    dict(name="seq_le3_skips_handover_to_linear", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("LinearLR", start_factor=0.5, end_factor=1.0, total_iters=4)],
                 "milestones": [3], "last_epoch": 3}, groups=G3, actions=steps(8)),
    # Milestone 0 with three schedulers and the resumed children of a SequentialLR.
    dict(name="seq_milestones_0_0_three_schedulers", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("LinearLR", start_factor=0.5, total_iters=3),
                                sub("ExponentialLR", gamma=0.9)],
                 "milestones": [0, 0]}, groups=G2, actions=steps(8), record_last_lr=True),
    dict(name="seq_milestone_0_to_polynomial", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.5), sub("PolynomialLR", total_iters=5, power=1.0)],
                 "milestones": [0]}, groups=G1, actions=steps(7)),
    # ChainedScheduler: resumed children, and (2.x) built with the optimizer.
    dict(name="chained_resumed_polynomial_linear", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("PolynomialLR", total_iters=8, power=1.0, last_epoch=2),
                                sub("LinearLR", start_factor=0.5, total_iters=4, last_epoch=2)]},
         groups=gr((0.06, 0.1), (0.012, 0.02)), actions=steps(10), record_last_lr=True),
    dict(name="chained_given_the_optimizer", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9), sub("StepLR", step_size=3, gamma=0.5)]},
         groups=G2, actions=steps(10), record_last_lr=True, pass_optimizer=True, only_torch=2),
    # CosineAnnealingWarmRestarts resumed: step() wraps T_cur with T_cur - T_i (1.13) or T_cur % T_i (2.x).
    dict(name="resume_sgdr_le13_t0_3_tmult_1_three_groups", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "eta_min": 0.0005, "last_epoch": 13}, groups=gr((0.1, 0.1), (0.05, 0.05), (0.003, 0.003)),
         actions=steps(12)),
    dict(name="resume_sgdr_le20_t0_3_tmult_3_then_epochs", scheduler="CosineAnnealingWarmRestarts",
         kwargs={"T_0": 3, "T_mult": 3, "last_epoch": 20}, groups=gr((0.05, 0.1)),
         actions=steps(5) + epochs([14.5, 40]) + steps(4)),
    # CyclicLR built with momentum: 1.13 writes base_momentum into the groups, 2.x max_momentum and both
    # bounds (which a OneCycleLR on the same optimizer reads).
    dict(name="onecycle_then_cyclic_stepping_first_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=[0.1, 0.05], total_steps=15),
                                sub("CyclicLR", base_lr=0.001, max_lr=0.01, step_size_up=3, base_momentum=[0.7, 0.6],
                                    max_momentum=[0.99, 0.9])],
                 "milestones": [1000]}, groups=g(0.01, 0.01, momentum=0.9), actions=steps(15), record_momentum=True),
    dict(name="onecycle_then_cyclic_chained", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("OneCycleLR", max_lr=0.1, total_steps=15),
                                sub("CyclicLR", base_lr=0.001, max_lr=0.01, step_size_up=3, base_momentum=0.7,
                                    max_momentum=0.99)]},
         groups=g(0.01, momentum=0.9), actions=steps(15), record_momentum=True),
    dict(name="resume_cyclic_le5_momentum_two_groups", scheduler="CyclicLR",
         kwargs={"base_lr": [0.001, 0.002], "max_lr": [0.1, 0.02], "step_size_up": 3, "base_momentum": [0.8, 0.7],
                 "max_momentum": [0.9, 0.95], "last_epoch": 5},
         groups=gr((0.05, 0.001), (0.01, 0.002), momentum=0.88), actions=steps(12), record_momentum=True),
    # ReduceLROnPlateau is an LRScheduler in 2.x: get_last_lr() works from construction on (1.13 has none).
    dict(name="plateau_get_last_lr", scheduler="ReduceLROnPlateau", kwargs={"patience": 1, "factor": 0.5},
         groups=G2, actions=metrics(metric_series("plateau", 12)), record_last_lr=True, only_torch=2),
    dict(name="plateau_get_last_lr_cooldown_min_lr", scheduler="ReduceLROnPlateau",
         kwargs={"patience": 0, "factor": 0.3, "cooldown": 2, "min_lr": [0.001, 0.0]},
         groups=G2, actions=metrics(metric_series("worsening", 15)), record_last_lr=True, only_torch=2),
    # get_last_lr() of the other kinds, in both versions.
    dict(name="cosine_get_last_lr_epoch_form", scheduler="CosineAnnealingLR", kwargs={"T_max": 6},
         groups=G2, actions=steps(3) + epochs([9, 2]) + steps(3), record_last_lr=True),
]


# --------------------------------------------------------------------------
# Inputs anneal refuses (InvalidParameterError) and PyTorch accepts (refusals.json): what PyTorch
# does with each.  A replay of these is expected to fail at construction while anneal refuses them.
# --------------------------------------------------------------------------

# Inputs anneal refused until it was shown that PyTorch's result is a useful schedule (issue 15, class 4):
# unsorted SequentialLR milestones, OneCycleLR max_lr 0 (a frozen group), CyclicLR step_size_down 0 (a
# sawtooth), fractional ReduceLROnPlateau patience and cooldown, negative min_lr (never binds) and eps.  anneal now runs them as PyTorch does.
ACCEPTED_EDGES = [
    dict(name="seq_unsorted_milestones_8_3_two_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.5, total_iters=4), sub("ExponentialLR", gamma=0.9),
                                sub("StepLR", step_size=2, gamma=0.5)],
                 "milestones": [8, 3]}, groups=G2, actions=steps(15)),
    dict(name="seq_unsorted_milestones_5_2_three_groups", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("CosineAnnealingLR", T_max=10),
                                sub("ExponentialLR", gamma=0.8)],
                 "milestones": [5, 2]}, groups=G3, actions=steps(12)),
    dict(name="seq_unsorted_milestones_6_4_1", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("LinearLR", start_factor=0.25, total_iters=6), sub("ExponentialLR", gamma=0.9),
                                sub("StepLR", step_size=2, gamma=0.5), sub("CosineAnnealingLR", T_max=5)],
                 "milestones": [6, 4, 1]}, groups=G1, actions=steps(12)),
    dict(name="onecycle_max_lr_zero_in_list", scheduler="OneCycleLR",
         kwargs={"max_lr": [0.1, 0.0], "total_steps": 10}, groups=G2, actions=steps(10)),
    dict(name="cyclic_step_size_down_0", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 4, "step_size_down": 0},
         groups=g(0.01, momentum=0.9), actions=steps(12), record_momentum=True),
    dict(name="plateau_float_patience", scheduler="ReduceLROnPlateau", kwargs={"factor": 0.5, "patience": 1.5},
         groups=G1, actions=metrics(metric_series("noisy", 40, seed=3))),
    dict(name="plateau_float_cooldown", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": 0, "cooldown": 1.5}, groups=G1, actions=metrics(metric_series("plateau", 10))),
    dict(name="plateau_negative_min_lr", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.0, "patience": 0, "min_lr": -0.01}, groups=G2, actions=metrics(metric_series("plateau", 4))),
    dict(name="plateau_negative_eps", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": 0, "min_lr": 0.02, "eps": -1.0}, groups=G2,
         actions=metrics(metric_series("plateau", 6))),
]


ANNEAL_REFUSALS = [
    # SequentialLR milestones: anneal wants them non-negative and non-decreasing.
    dict(name="refused_seq_negative_milestone", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=3), sub("ExponentialLR", gamma=0.9)],
                 "milestones": [-1]}, groups=G2, actions=steps(8)),
    # SequentialLR children that are composites (anneal takes plain schedulers only); fine while the
    # nested one runs first (a hand-over to one fails: REFUSALS).
    dict(name="refused_seq_nested_sequential_first", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("SequentialLR", schedulers=[sub("LinearLR", start_factor=0.5, total_iters=3),
                                                               sub("ExponentialLR", gamma=0.9)],
                                    milestones=[3]),
                                sub("StepLR", step_size=3, gamma=0.5)],
                 "milestones": [6]}, groups=G2, actions=steps(12)),
    dict(name="refused_seq_nested_chained_first", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ChainedScheduler", schedulers=[sub("ConstantLR", factor=0.5, total_iters=2),
                                                                    sub("ExponentialLR", gamma=0.9)]),
                                sub("CosineAnnealingLR", T_max=8)],
                 "milestones": [5]}, groups=G1, actions=steps(12), only_torch=2),
    # last_epoch below -1 (anneal: a number >= -1); the groups need initial_lr, as for a resume.
    dict(name="refused_steplr_last_epoch_minus_3", scheduler="StepLR",
         kwargs={"step_size": 2, "gamma": 0.5, "last_epoch": -3}, groups=gr((0.1, 0.1), (0.02, 0.02)),
         actions=steps(8)),
    dict(name="refused_exponentiallr_last_epoch_minus_4_epoch_form", scheduler="ExponentialLR",
         kwargs={"gamma": 0.5, "last_epoch": -4}, groups=gr((0.1, 0.1)), actions=steps(3) + epochs([2, 0]) + steps(2)),
    # StepLR / MultiStepLR
    dict(name="refused_steplr_negative_step_size", scheduler="StepLR", kwargs={"step_size": -2, "gamma": 0.5},
         groups=G2, actions=steps(8)),
    dict(name="refused_steplr_negative_step_size_epoch_form", scheduler="StepLR",
         kwargs={"step_size": -2, "gamma": 0.5}, groups=G1, actions=epochs([1, 2, 3, 4, 6]) + steps(2)),
    dict(name="refused_multisteplr_negative_milestone", scheduler="MultiStepLR",
         kwargs={"milestones": [-1, 3], "gamma": 0.5}, groups=G2, actions=steps(6)),
    dict(name="refused_multisteplr_negative_milestone_epoch_form", scheduler="MultiStepLR",
         kwargs={"milestones": [-1, 3], "gamma": 0.5}, groups=G1, actions=epochs([0, 2, 4, 1]) + steps(3)),
    # ConstantLR / LinearLR
    dict(name="refused_constantlr_factor_0_before_total_iters", scheduler="ConstantLR",
         kwargs={"factor": 0.0, "total_iters": 5}, groups=G2, actions=steps(4)),
    dict(name="refused_constantlr_factor_0_epoch_form", scheduler="ConstantLR",
         kwargs={"factor": 0.0, "total_iters": 3}, groups=G1, actions=epochs([0, 2, 3, 7, 1])),
    dict(name="refused_constantlr_factor_0_total_iters_0", scheduler="ConstantLR",
         kwargs={"factor": 0.0, "total_iters": 0}, groups=G1, actions=steps(6)),
    dict(name="refused_constantlr_negative_total_iters", scheduler="ConstantLR",
         kwargs={"factor": 0.5, "total_iters": -2}, groups=G2, actions=steps(5) + epochs([0, 3]) + steps(2)),
    dict(name="refused_linearlr_start_factor_0_epoch_form", scheduler="LinearLR",
         kwargs={"start_factor": 0.0, "total_iters": 4}, groups=G2, actions=epochs([2, 4, 1]) + steps(4),
         only_torch=1),
    dict(name="refused_linearlr_negative_total_iters", scheduler="LinearLR",
         kwargs={"start_factor": 0.5, "total_iters": -3}, groups=G1, actions=steps(5) + epochs([2, 0]) + steps(2)),
    # ExponentialLR / PolynomialLR / CosineAnnealingLR
    dict(name="refused_exponentiallr_negative_gamma", scheduler="ExponentialLR", kwargs={"gamma": -0.5},
         groups=G2, actions=steps(6)),
    dict(name="refused_exponentiallr_negative_gamma_epoch_form", scheduler="ExponentialLR", kwargs={"gamma": -0.5},
         groups=G1, actions=epochs([3, 1, 4]) + steps(2)),
    dict(name="refused_polynomiallr_total_iters_0", scheduler="PolynomialLR", kwargs={"total_iters": 0, "power": 1.0},
         groups=G2, actions=steps(5)),
    dict(name="refused_polynomiallr_negative_total_iters", scheduler="PolynomialLR",
         kwargs={"total_iters": -4, "power": 2.0}, groups=G1, actions=steps(4) + epochs([2, 6]) + steps(2)),
    dict(name="refused_polynomiallr_negative_power_before_total_iters", scheduler="PolynomialLR",
         kwargs={"total_iters": 6, "power": -0.5}, groups=G1, actions=steps(5) + epochs([3, 1]) + steps(2)),
    dict(name="refused_cosine_negative_tmax", scheduler="CosineAnnealingLR", kwargs={"T_max": -4, "eta_min": 0.01},
         groups=G2, actions=steps(10)),
    dict(name="refused_cosine_negative_tmax_epoch_form", scheduler="CosineAnnealingLR", kwargs={"T_max": -4},
         groups=G1, actions=epochs([2, 5, 9]) + steps(3)),
    # OneCycleLR: anneal keeps the peak the peak
    dict(name="refused_onecycle_div_factor_below_1", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 20, "div_factor": 0.5},
         groups=g(0.01, momentum=0.9), actions=steps(20), record_momentum=True),
    dict(name="refused_onecycle_final_div_below_inverse_div", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 20, "div_factor": 4.0, "final_div_factor": 0.1},
         groups=G1, actions=steps(20)),
    dict(name="refused_onecycle_three_phase_pct_start_0.6", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 20, "three_phase": True, "pct_start": 0.6},
         groups=g(0.01, momentum=0.9), actions=steps(20), record_momentum=True),
    # CyclicLR
    dict(name="refused_cyclic_negative_step_size_up", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": -2, "step_size_down": 4, "cycle_momentum": False},
         groups=G1, actions=steps(12)),
    dict(name="refused_cyclic_exp_range_negative_gamma", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 3, "mode": "exp_range", "gamma": -0.9,
                 "cycle_momentum": False},
         groups=G1, actions=steps(12)),
    # ReduceLROnPlateau
    dict(name="refused_plateau_negative_factor", scheduler="ReduceLROnPlateau", kwargs={"factor": -0.5, "patience": 0},
         groups=G2, actions=metrics(metric_series("plateau", 6))),
    dict(name="refused_plateau_negative_patience", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": -1}, groups=G1, actions=metrics(metric_series("improving", 8))),
    dict(name="refused_plateau_negative_threshold_rel", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": 1, "threshold": -0.01}, groups=G1,
         actions=metrics(metric_series("worsening", 20))),
    dict(name="refused_plateau_negative_threshold_abs", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": 1, "threshold": -0.05, "threshold_mode": "abs"}, groups=G1,
         actions=metrics(metric_series("worsening", 20))),
    dict(name="refused_plateau_negative_cooldown", scheduler="ReduceLROnPlateau",
         kwargs={"factor": 0.5, "patience": 0, "cooldown": -2}, groups=G1, actions=metrics(metric_series("plateau", 8))),
]

# The 1.13 cases that go to traces-refused/ (same file name) rather than traces/: the inputs anneal
# refuses.  When anneal starts to accept one, move its case to ACCEPTED_EDGES and re-record.
PENDING = {case["name"] for case in ANNEAL_REFUSALS}


FILES = {
    "step-family.json": STEP_FAMILY,
    "cosine.json": COSINE,
    "sgdr.json": SGDR,
    "onecycle.json": ONECYCLE,
    "cyclic.json": CYCLIC,
    "plateau.json": PLATEAU,
    "composite.json": COMPOSITE,
    "parity-round2.json": ROUND2,
    "accepted-edges.json": ACCEPTED_EDGES,
    "torch-versions.json": VERSION_CHANGES,
    "refusals.json": ANNEAL_REFUSALS,
}


# Configurations PyTorch 1.13 refuses. Each is run like a case and must raise
# the named exception; they are not written to any fixture file.
REFUSALS = [
    dict(name="constantlr_factor_above_1", scheduler="ConstantLR", kwargs={"factor": 1.5}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="constantlr_factor_0_divides_by_zero_at_total_iters", scheduler="ConstantLR",
         kwargs={"factor": 0.0, "total_iters": 2}, groups=G1, actions=steps(2), raises="ZeroDivisionError"),
    dict(name="linearlr_start_factor_above_1", scheduler="LinearLR", kwargs={"start_factor": 1.5}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="linearlr_end_factor_negative", scheduler="LinearLR", kwargs={"end_factor": -0.1}, groups=G1,
         actions=[], raises="ValueError"),
    # 1.13 divides by zero on the first step(); 2.x refuses start_factor 0 in the constructor.
    dict(name="linearlr_start_factor_0_divides_by_zero", scheduler="LinearLR", kwargs={"start_factor": 0.0},
         groups=G1, actions=steps(1), raises={1: "ZeroDivisionError", 2: "ValueError"}),
    dict(name="steplr_step_size_0", scheduler="StepLR", kwargs={"step_size": 0}, groups=G1,
         actions=steps(1), raises="ZeroDivisionError"),
    dict(name="polynomiallr_total_iters_0_closed_form", scheduler="PolynomialLR", kwargs={"total_iters": 0},
         groups=G1, actions=epochs([1]), raises="ZeroDivisionError"),
    dict(name="cosine_tmax_0", scheduler="CosineAnnealingLR", kwargs={"T_max": 0}, groups=G1,
         actions=steps(1), raises="ZeroDivisionError"),
    dict(name="sgdr_t0_0", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 0}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="sgdr_t0_float", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 2.5}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="sgdr_tmult_0", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 2, "T_mult": 0}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="sgdr_tmult_float", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 2, "T_mult": 1.5},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="sgdr_negative_epoch", scheduler="CosineAnnealingWarmRestarts", kwargs={"T_0": 2}, groups=G1,
         actions=epochs([-1]), raises="ValueError"),
    dict(name="onecycle_step_past_total_steps", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 5},
         groups=G1, actions=steps(6), raises="ValueError"),
    dict(name="onecycle_pct_start_1.0_at_total_steps", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 5, "pct_start": 1.0}, groups=G1, actions=steps(5),
         raises="ZeroDivisionError"),
    dict(name="onecycle_no_length", scheduler="OneCycleLR", kwargs={"max_lr": 0.1}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="onecycle_total_steps_0", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 0},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="onecycle_total_steps_float", scheduler="OneCycleLR", kwargs={"max_lr": 0.1, "total_steps": 10.0},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="onecycle_pct_start_int", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 10, "pct_start": 1}, groups=G1, actions=[], raises="ValueError"),
    dict(name="onecycle_pct_start_above_1", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 10, "pct_start": 1.5}, groups=G1, actions=[], raises="ValueError"),
    dict(name="onecycle_bad_anneal_strategy", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 10, "anneal_strategy": "exp"}, groups=G1, actions=[],
         raises="ValueError"),
    dict(name="onecycle_max_lr_list_wrong_length", scheduler="OneCycleLR",
         kwargs={"max_lr": [0.1, 0.2], "total_steps": 10}, groups=G1, actions=[], raises="ValueError"),
    # 2.x accepts it and cycles beta1 (recorded as cyclic_adam_cycle_momentum_beta1, 2.x only).
    dict(name="cyclic_adam_with_cycle_momentum", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.01}, optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)),
         actions=[], raises={1: "ValueError", 2: None}),
    dict(name="cyclic_bad_mode", scheduler="CyclicLR", kwargs={"base_lr": 0.001, "max_lr": 0.01, "mode": "sine"},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="cyclic_base_lr_list_wrong_length", scheduler="CyclicLR",
         kwargs={"base_lr": [0.001, 0.002], "max_lr": 0.01}, groups=G1, actions=[], raises="ValueError"),
    dict(name="plateau_factor_1", scheduler="ReduceLROnPlateau", kwargs={"factor": 1.0}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="plateau_bad_mode", scheduler="ReduceLROnPlateau", kwargs={"mode": "avg"}, groups=G1,
         actions=[], raises="ValueError"),
    dict(name="plateau_bad_threshold_mode", scheduler="ReduceLROnPlateau", kwargs={"threshold_mode": "pct"},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="plateau_min_lr_list_wrong_length", scheduler="ReduceLROnPlateau", kwargs={"min_lr": [0.1, 0.2]},
         groups=G1, actions=[], raises="ValueError"),
    dict(name="sequential_milestone_count_mismatch", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR"), sub("ExponentialLR", gamma=0.9)], "milestones": [2, 4]},
         groups=G1, actions=[], raises="ValueError"),
    # Resuming through the constructor needs initial_lr in every group; OneCycleLR also reads max_lr
    # and min_lr back from the groups (written only when last_epoch == -1), which the format cannot carry.
    dict(name="resume_without_initial_lr", scheduler="StepLR", kwargs={"step_size": 2, "last_epoch": 3},
         groups=G1, actions=[], raises="KeyError"),
    dict(name="onecycle_resume_without_group_bounds", scheduler="OneCycleLR",
         kwargs={"max_lr": 0.1, "total_steps": 20, "last_epoch": 4}, groups=gr((0.05, 0.004)),
         actions=[], raises="KeyError"),
    # The composites' step() takes no epoch.
    dict(name="sequential_step_epoch", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR"), sub("ExponentialLR", gamma=0.9)], "milestones": [2]},
         groups=G1, actions=epochs([1]), raises="TypeError"),
    dict(name="chained_step_epoch", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ConstantLR"), sub("ExponentialLR", gamma=0.9)]},
         groups=G1, actions=epochs([1]), raises="TypeError"),
    # ReduceLROnPlateau in a composite: 2.x refuses it when built; 1.13 fails when it is stepped
    # (SequentialLR: it has no _initial_step; ChainedScheduler: step() without the metric).
    dict(name="sequential_with_plateau", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ReduceLROnPlateau"), sub("ExponentialLR", gamma=0.9)], "milestones": [2]},
         groups=G1, actions=[], raises={1: "AttributeError", 2: "ValueError"}),
    dict(name="chained_with_plateau", scheduler="ChainedScheduler",
         kwargs={"schedulers": [sub("ExponentialLR", gamma=0.9), sub("ReduceLROnPlateau")]},
         groups=G1, actions=steps(1), raises={1: "TypeError", 2: "ValueError"}),
    # A composite nested in SequentialLR is accepted while it runs first (see refusals.json), but the
    # hand-over to one fails: 1.13 calls step(0), which it does not take; 2.x calls _update_lr(0),
    # which needs get_lr(), which the composites do not have.
    dict(name="sequential_handover_to_nested_sequential", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ConstantLR", factor=0.5, total_iters=2),
                                sub("SequentialLR", schedulers=[sub("LinearLR", start_factor=0.5, total_iters=2),
                                                                sub("ExponentialLR", gamma=0.9)],
                                    milestones=[2])],
                 "milestones": [3]},
         groups=G1, actions=steps(3), raises={1: "TypeError", 2: "NotImplementedError"}),
    # 1.13's SequentialLR undoes each child's initial step with `last_epoch -= 1`; its ChainedScheduler
    # has no last_epoch.  2.x undoes recursively and accepts it (refusals.json, 2.x only).
    dict(name="sequential_nested_chained_first_1_13", scheduler="SequentialLR",
         kwargs={"schedulers": [sub("ChainedScheduler", schedulers=[sub("ConstantLR", factor=0.5, total_iters=2),
                                                                    sub("ExponentialLR", gamma=0.9)]),
                                sub("CosineAnnealingLR", T_max=8)],
                 "milestones": [5]},
         groups=G1, actions=[], raises={1: "AttributeError", 2: None}),
    # 2.x refuses LinearLR(start_factor=0) outright (1.13's closed form works: refusals.json, 1.13 only).
    dict(name="linearlr_start_factor_0_epoch_form_2x", scheduler="LinearLR",
         kwargs={"start_factor": 0.0, "total_iters": 4}, groups=G1, actions=epochs([2]),
         raises={1: None, 2: "ValueError"}),
]


# --------------------------------------------------------------------------
# Recording
# --------------------------------------------------------------------------

SCHEDULERS = {
    name: getattr(lr_scheduler, name)
    for name in ("StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR",
                 "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
                 "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler")
}

# The warnings PyTorch emits for the usage patterns the traces deliberately
# exercise: step(epoch) and calling scheduler.step() before optimizer.step().
QUIET = (
    r"The epoch parameter in `scheduler\.step\(\)`",
    r"Detected call of `lr_scheduler\.step\(\)` before `optimizer\.step\(\)`",
)


def build_optimizer(case):
    kind = case.get("optimizer", "SGD")
    param_groups = []
    for grp in case["groups"]:
        pg = {"params": [torch.nn.Parameter(torch.zeros(2))], "lr": grp["lr"]}
        if "initial_lr" in grp:  # a resumed run (last_epoch >= 0)
            pg["initial_lr"] = grp["initial_lr"]
        if kind == "SGD":
            pg["momentum"] = grp.get("momentum", 0)
        elif kind == "Adam":
            if "betas" in grp:
                pg["betas"] = tuple(grp["betas"])
        else:
            raise ValueError("unknown optimizer " + kind)
        param_groups.append(pg)
    if kind == "SGD":
        return torch.optim.SGD(param_groups, lr=case["groups"][0]["lr"])
    return torch.optim.Adam(param_groups, lr=case["groups"][0]["lr"])


def build_scheduler(optimizer, name, kwargs):
    cls = SCHEDULERS[name]
    kwargs = dict(kwargs)
    if name in ("SequentialLR", "ChainedScheduler"):
        # Built in order on the same optimizer, exactly like user code would.
        kwargs["schedulers"] = [build_scheduler(optimizer, s["scheduler"], s.get("kwargs", {}))
                                for s in kwargs["schedulers"]]
        if name == "ChainedScheduler":
            return cls(**kwargs)
    return cls(optimizer, **kwargs)


def build_case_scheduler(optimizer, case):
    """The case's top-level scheduler (``pass_optimizer``: a ChainedScheduler given the optimizer, 2.x)."""
    if case.get("pass_optimizer"):
        kwargs = dict(case["kwargs"])
        schedulers = [build_scheduler(optimizer, s["scheduler"], s.get("kwargs", {})) for s in kwargs.pop("schedulers")]
        return SCHEDULERS[case["scheduler"]](schedulers, optimizer, **kwargs)
    return build_scheduler(optimizer, case["scheduler"], case["kwargs"])


def read_row(optimizer, what):
    if what == "lr":
        return [float(pg["lr"]) for pg in optimizer.param_groups]
    if "betas" in optimizer.defaults:
        return [float(pg["betas"][0]) for pg in optimizer.param_groups]
    return [float(pg["momentum"]) for pg in optimizer.param_groups]


def run_case(case):
    """Replay one case against PyTorch; returns (lrs, momentums, last_lrs)."""
    with warnings.catch_warnings():
        for pattern in QUIET:
            warnings.filterwarnings("ignore", message=pattern, category=UserWarning)
        optimizer = build_optimizer(case)
        scheduler = build_case_scheduler(optimizer, case)
        last = case.get("record_last_lr", False)
        lrs = [read_row(optimizer, "lr")]
        moms = [read_row(optimizer, "momentum")]
        last_lrs = [[float(v) for v in scheduler.get_last_lr()]] if last else []
        for action in case["actions"]:
            if action["op"] != "step":
                raise ValueError("unknown op " + str(action["op"]))
            if "metrics" in action:
                scheduler.step(action["metrics"])
            elif "epoch" in action:
                scheduler.step(action["epoch"])
            else:
                for pg in optimizer.param_groups:
                    for p in pg["params"]:
                        p.grad = torch.zeros_like(p)
                optimizer.step()
                scheduler.step()
            lrs.append(read_row(optimizer, "lr"))
            moms.append(read_row(optimizer, "momentum"))
            if last:
                last_lrs.append([float(v) for v in scheduler.get_last_lr()])
    return lrs, moms, last_lrs


def record(case):
    try:
        lrs, moms, last_lrs = run_case(case)
    except Exception as exc:
        raise RuntimeError("case %s: torch %s raised %s: %s"
                           % (case["name"], torch.__version__, type(exc).__name__, exc)) from exc
    out = {"name": case["name"], "scheduler": case["scheduler"], "kwargs": case["kwargs"]}
    if "optimizer" in case:
        out["optimizer"] = case["optimizer"]
    out["groups"] = case["groups"]
    out["actions"] = case["actions"]
    if case.get("record_momentum"):
        out["record_momentum"] = True
    if case.get("record_last_lr"):
        out["record_last_lr"] = True
    out["lrs"] = lrs
    if case.get("record_momentum"):
        out["momentums"] = moms
    if case.get("record_last_lr"):
        out["last_lrs"] = last_lrs
    for row in lrs + moms + last_lrs:
        for v in row:
            if not math.isfinite(v):
                raise ValueError("non-finite value in case " + case["name"])
    return out


def for_this_torch(case):
    """Whether a case applies to the running torch (``only_torch``: a major version, e.g. 2)."""
    return case.get("only_torch", TORCH_MAJOR) == TORCH_MAJOR


def expected_raise(case):
    """The exception name a refusal expects from the running torch, or None where it is accepted.

    ``raises`` is a name, or a dict from major version to a name (None: that version accepts it).
    """
    raises = case["raises"]
    if isinstance(raises, dict):
        return raises.get(TORCH_MAJOR)
    return raises


def check_refusals():
    problems = []
    checked = 0
    for case in REFUSALS:
        expected = expected_raise(case)
        try:
            run_case(case)
        except Exception as exc:  # noqa: BLE001 - we compare the exception type by name
            if type(exc).__name__ != expected:
                problems.append("%s: expected %s, got %s: %s"
                                % (case["name"], expected or "no error", type(exc).__name__, exc))
        else:
            if expected is not None:
                problems.append("%s: expected %s, but PyTorch accepted it" % (case["name"], expected))
        if expected is not None:
            checked += 1
    return problems, checked


# --------------------------------------------------------------------------
# Output: one key per line, one action / row per line.
# --------------------------------------------------------------------------

def _dump(value):
    return json.dumps(value, allow_nan=False, ensure_ascii=False)


def render_case(case, indent="  "):
    inner = indent + "  "
    lines = [indent + "{"]
    items = list(case.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if key in ("actions", "lrs", "momentums", "last_lrs") and value:
            lines.append("%s%s: [" % (inner, _dump(key)))
            lines.append(",\n".join(inner + "  " + _dump(v) for v in value))
            lines.append("%s]%s" % (inner, comma))
        else:
            lines.append("%s%s: %s%s" % (inner, _dump(key), _dump(value), comma))
    lines.append(indent + "}")
    return "\n".join(lines)


def render_file(cases):
    head = '{\n  "format": %s,\n  "torch": %s,\n  "cases": [\n' % (_dump(FORMAT), _dump(str(torch.__version__)))
    return head + ",\n".join(render_case(c, "    ") for c in cases) + "\n  ]\n}\n"


def generate(split_pending):
    """Records every case for the running torch.

    Returns {(folder key, file name): text or None}; folder key "out" or "pending".  None means the
    file must not exist there (it has no case for this torch).  With ``split_pending`` the cases named
    in PENDING go to the pending folder, the others to the output folder; otherwise all go to the
    output folder.
    """
    names = set()
    outputs = {}
    for cases in FILES.values():
        for case in cases:
            if case["name"] in names:
                raise ValueError("duplicate case name " + case["name"])
            names.add(case["name"])
    unknown = sorted(PENDING - names)
    if unknown:
        raise ValueError("PENDING names unknown cases: " + ", ".join(unknown))
    for filename, cases in FILES.items():
        parts = {"out": [], "pending": []}
        for case in cases:
            if not for_this_torch(case):
                continue
            where = "pending" if split_pending and case["name"] in PENDING else "out"
            parts[where].append(record(case))
        for where, recorded in parts.items():
            if not recorded:
                outputs[(where, filename)] = None
                continue
            text = render_file(recorded)
            json.loads(text)  # must parse
            outputs[(where, filename)] = text
    return outputs


def describe_difference(old_text, new_text):
    try:
        old = {c["name"]: c for c in json.loads(old_text)["cases"]}
    except ValueError:
        return "existing file is not valid JSON"
    new = {c["name"]: c for c in json.loads(new_text)["cases"]}
    notes = []
    for name in sorted(set(old) | set(new)):
        if name not in old:
            notes.append("new case " + name)
        elif name not in new:
            notes.append("removed case " + name)
        elif old[name] != new[name]:
            notes.append("changed case " + name)
    return "; ".join(notes[:10]) or "formatting differs"


def _shown(path):
    return path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="re-record in memory and exit 1 if a committed file differs")
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default for this torch: %s)" % _shown(OUT_DIR))
    parser.add_argument("--pending", type=Path, default=None,
                        help="folder for the PENDING cases (default with torch 1.x and the default --out: %s; "
                             "otherwise they stay in --out)" % (_shown(PENDING_DIR) if PENDING_DIR else "none"))
    args = parser.parse_args(argv)
    out_dir = args.out if args.out is not None else OUT_DIR
    pending_dir = args.pending if args.pending is not None else (PENDING_DIR if args.out is None else None)
    folders = {"out": out_dir, "pending": pending_dir}

    problems, refusals = check_refusals()
    outputs = generate(split_pending=pending_dir is not None)
    total = sum(1 for cases in FILES.values() for c in cases if for_this_torch(c))
    files = sum(1 for text in outputs.values() if text is not None)

    if args.check:
        for (where, filename), text in outputs.items():
            if folders[where] is None:
                continue
            path = folders[where] / filename
            if text is None:
                if path.exists():
                    problems.append("%s: should not exist (no case of torch %s belongs there)"
                                    % (path, torch.__version__))
                continue
            if not path.exists():
                problems.append("%s: missing" % path)
                continue
            old = path.read_text(encoding="utf-8")
            if old != text:
                problems.append("%s: stale (%s)" % (path, describe_difference(old, text)))
        if problems:
            for p in problems:
                print("FAIL " + p, file=sys.stderr)
            return 1
        print("ok: %d files, %d cases match torch %s; %d refusals confirmed"
              % (files, total, torch.__version__, refusals))
        return 0

    if problems:
        for p in problems:
            print("FAIL " + p, file=sys.stderr)
        return 1
    for (where, filename), text in outputs.items():
        if folders[where] is None:
            continue
        path = folders[where] / filename
        if text is None:
            if path.exists():
                path.unlink()
                print("removed %s (no case of torch %s belongs there)" % (_shown(path), torch.__version__))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        print("wrote %s (%d cases, %d bytes)" % (_shown(path), len(json.loads(text)["cases"]), len(text.encode("utf-8"))))
    print("total: %d cases from torch %s; %d refusals confirmed" % (total, torch.__version__, refusals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
