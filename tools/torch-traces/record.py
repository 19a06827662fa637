#!/usr/bin/python3
"""Record golden learning-rate traces from the real PyTorch.

Every case below is plain data (no callables): a PyTorch scheduler class name,
its keyword arguments in PyTorch's spelling, the optimizer param groups and a
list of actions.  The recorder builds a real optimizer and scheduler exactly as
a user would, performs the actions and writes what PyTorch put into
``optimizer.param_groups[i]["lr"]`` (and momentum / Adam beta1 on request) as
``anneal-trace/1`` JSON files (see shared/trace-format.md).

    /usr/bin/python3 tools/torch-traces/record.py            # (re)write every file
    /usr/bin/python3 tools/torch-traces/record.py --check    # exit 1 if any file is stale

The script also replays a list of configurations PyTorch refuses (``REFUSALS``)
and fails if one of them stops raising, so the README's list stays true.
"""

import argparse
import json
import math
import os
import sys
import warnings
from pathlib import Path

import torch
from torch.optim import lr_scheduler

FORMAT = "anneal-trace/1"
REPO_ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = REPO_ROOT / "packages" / "core" / "test" / "fixtures" / "traces"

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


FILES = {
    "step-family.json": STEP_FAMILY,
    "cosine.json": COSINE,
    "sgdr.json": SGDR,
    "onecycle.json": ONECYCLE,
    "cyclic.json": CYCLIC,
    "plateau.json": PLATEAU,
    "composite.json": COMPOSITE,
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
    dict(name="linearlr_start_factor_0_divides_by_zero", scheduler="LinearLR", kwargs={"start_factor": 0.0},
         groups=G1, actions=steps(1), raises="ZeroDivisionError"),
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
    dict(name="cyclic_adam_with_cycle_momentum", scheduler="CyclicLR",
         kwargs={"base_lr": 0.001, "max_lr": 0.01}, optimizer="Adam", groups=g(0.001, betas=(0.9, 0.999)),
         actions=[], raises="ValueError"),
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


def read_row(optimizer, what):
    if what == "lr":
        return [float(pg["lr"]) for pg in optimizer.param_groups]
    if "betas" in optimizer.defaults:
        return [float(pg["betas"][0]) for pg in optimizer.param_groups]
    return [float(pg["momentum"]) for pg in optimizer.param_groups]


def run_case(case):
    """Replay one case against PyTorch; returns (lrs, momentums)."""
    with warnings.catch_warnings():
        for pattern in QUIET:
            warnings.filterwarnings("ignore", message=pattern, category=UserWarning)
        optimizer = build_optimizer(case)
        scheduler = build_scheduler(optimizer, case["scheduler"], case["kwargs"])
        lrs = [read_row(optimizer, "lr")]
        moms = [read_row(optimizer, "momentum")]
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
    return lrs, moms


def record(case):
    lrs, moms = run_case(case)
    out = {"name": case["name"], "scheduler": case["scheduler"], "kwargs": case["kwargs"]}
    if "optimizer" in case:
        out["optimizer"] = case["optimizer"]
    out["groups"] = case["groups"]
    out["actions"] = case["actions"]
    if case.get("record_momentum"):
        out["record_momentum"] = True
    out["lrs"] = lrs
    if case.get("record_momentum"):
        out["momentums"] = moms
    for row in lrs + moms:
        for v in row:
            if not math.isfinite(v):
                raise ValueError("non-finite value in case " + case["name"])
    return out


def check_refusals():
    problems = []
    for case in REFUSALS:
        try:
            run_case(case)
        except Exception as exc:  # noqa: BLE001 - we compare the exception type by name
            if type(exc).__name__ != case["raises"]:
                problems.append("%s: expected %s, got %s: %s"
                                % (case["name"], case["raises"], type(exc).__name__, exc))
        else:
            problems.append("%s: expected %s, but PyTorch accepted it" % (case["name"], case["raises"]))
    return problems


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
        if key in ("actions", "lrs", "momentums") and value:
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


def generate():
    names = set()
    outputs = {}
    for filename, cases in FILES.items():
        recorded = []
        for case in cases:
            if case["name"] in names:
                raise ValueError("duplicate case name " + case["name"])
            names.add(case["name"])
            recorded.append(record(case))
        text = render_file(recorded)
        json.loads(text)  # must parse
        outputs[filename] = text
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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="re-record in memory and exit 1 if a committed file differs")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: %(default)s)")
    args = parser.parse_args(argv)

    problems = check_refusals()
    outputs = generate()
    total = sum(len(c) for c in FILES.values())

    if args.check:
        for filename, text in outputs.items():
            path = args.out / filename
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
              % (len(outputs), total, torch.__version__, len(REFUSALS)))
        return 0

    if problems:
        for p in problems:
            print("FAIL " + p, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for filename, text in outputs.items():
        path = args.out / filename
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        print("wrote %s (%d cases, %d bytes)" % (path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT)
                                                else path, len(FILES[filename]), len(text.encode("utf-8"))))
    print("total: %d cases; %d refusals confirmed" % (total, len(REFUSALS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
