#!/usr/bin/python3
"""Record reference optimizer trajectories from the real PyTorch for @anneal/optim's tests.

For each case below, builds torch.optim.SGD / Adam / AdamW on float64 parameters, then for every step
writes the case's learning rate (and momentum / beta1) into param_groups[0], sets the gradients from a
fixed LCG, calls optimizer.step() and records the parameters. The JS test replays the same rates and
gradients through SGD / Adam / AdamW and compares the parameters.

    /usr/bin/python3 packages/optim/scripts/record-torch.py          # (re)write the fixture
    /usr/bin/python3 packages/optim/scripts/record-torch.py --check  # exit 1 if the fixture is stale

Needs Debian's python3-torch (1.13.1). Deterministic: same bytes every run.
"""

import argparse
import json
import sys
from pathlib import Path

import torch

OUT = Path(__file__).resolve().parents[1] / "test" / "fixtures" / "torch-optimizers.json"
STEPS = 12
SIZES = [3, 2]


class Lcg:
    """A 32-bit linear congruential generator giving floats in [-1, 1)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state / 2**31 - 1


# name, optimizer, options in anneal's camelCase, which hyperparameter cycles ("momentum", "beta1" or None)
CASES = [
    ("sgd-plain", "SGD", {"lr": 0.1}, None),
    ("sgd-momentum", "SGD", {"lr": 0.1, "momentum": 0.9}, "momentum"),
    ("sgd-dampening-weight-decay", "SGD", {"lr": 0.1, "momentum": 0.8, "dampening": 0.25, "weightDecay": 0.01}, "momentum"),
    ("sgd-nesterov", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weightDecay": 0.001}, "momentum"),
    ("sgd-maximize", "SGD", {"lr": 0.1, "momentum": 0.5, "maximize": True}, None),
    ("adam", "Adam", {"lr": 0.01}, "beta1"),
    ("adam-weight-decay-amsgrad", "Adam", {"lr": 0.02, "betas": [0.8, 0.99], "weightDecay": 0.05, "amsgrad": True, "eps": 1e-6}, "beta1"),
    ("adam-maximize", "Adam", {"lr": 0.01, "maximize": True}, None),
    ("adamw", "AdamW", {"lr": 0.01}, "beta1"),
    ("adamw-amsgrad", "AdamW", {"lr": 0.03, "weightDecay": 0.1, "amsgrad": True}, "beta1"),
]

TORCH_NAMES = {"weightDecay": "weight_decay"}


def torch_kwargs(options):
    out = {}
    for key, value in options.items():
        out[TORCH_NAMES.get(key, key)] = tuple(value) if key == "betas" else value
    return out


def record_case(index, name, kind, options, cycled):
    rng = Lcg(1000 + index)
    initial = [[round(rng.next(), 6) for _ in range(n)] for n in SIZES]
    params = [torch.nn.Parameter(torch.tensor(v, dtype=torch.float64)) for v in initial]
    optimizer = getattr(torch.optim, kind)(params, **torch_kwargs(options))
    group = optimizer.param_groups[0]
    steps = []
    for k in range(STEPS):
        lr = options["lr"] * (1 + 0.5 * rng.next())
        group["lr"] = lr
        row = {"lr": lr}
        if cycled == "momentum":
            row["momentum"] = 0.85 + 0.1 * abs(rng.next())
            group["momentum"] = row["momentum"]
        elif cycled == "beta1":
            row["beta1"] = 0.85 + 0.1 * abs(rng.next())
            group["betas"] = (row["beta1"], group["betas"][1])
        grads = [[rng.next() * (k + 1) for _ in range(n)] for n in SIZES]
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g, dtype=torch.float64)
        optimizer.step()
        row["grads"] = grads
        row["params"] = [p.detach().tolist() for p in params]
        steps.append(row)
    return {"name": name, "optimizer": kind, "options": options, "initial": initial, "steps": steps}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    torch.set_default_dtype(torch.float64)
    doc = {
        "format": "anneal-optim-trace/1",
        "torch": torch.__version__,
        "note": "Recorded by packages/optim/scripts/record-torch.py; do not edit by hand.",
        "cases": [record_case(i, *case) for i, case in enumerate(CASES)],
    }
    text = json.dumps(doc, indent=1) + "\n"
    if args.check:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} is stale; re-run without --check", file=sys.stderr)
            return 1
        print("fixture up to date")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text)
    print(f"wrote {OUT} ({len(doc['cases'])} cases)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
