"""Records golden learning rates from the real HF transformers, timm, Keras (JAX backend) and optax.

Writes packages/core/test/fixtures/ecosystems/<ecosystem>.json: the library version, every schedule name the
library has (read from the library itself), and cases of {config, baseLr, values at steps 0..n-1}, where the
config is exactly what anneal reads (`scheduleFromJSON`) and the values are the library's own numbers.
The tests replay them without Python (test/ecosystems.test.ts).

Run:  python3 -m venv /opt/eco-venv && /opt/eco-venv/bin/pip install --retries 0 transformers timm keras jax optax
      /opt/eco-venv/bin/python tools/ecosystem-traces/record.py
Everything is computed in float64 (jax_enable_x64, Keras floatx float64).
"""
import inspect
import sys as _sys

import importlib.util as _util
import types as _types

# The index's torchvision does not load with torch 2.13, and timm's package __init__ imports it through its
# layers; the schedulers need neither, so timm is entered as a bare namespace and only timm.scheduler loads.
_spec = _util.find_spec("timm")
_timm = _types.ModuleType("timm")
_timm.__path__ = list(_spec.submodule_search_locations)
_timm.__spec__ = _spec
_sys.modules["timm"] = _timm
import json
import math
import os
import re
import types
import sys
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402
import optax  # noqa: E402
import timm.scheduler  # noqa: E402
import timm.version  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from transformers import get_scheduler  # noqa: E402
from transformers.trainer_utils import SchedulerType  # noqa: E402

keras.config.set_floatx("float64")
OUT = Path(__file__).resolve().parents[2] / "packages" / "core" / "test" / "fixtures" / "ecosystems"


def optimizer(lr):
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)


def write(name, payload):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(payload, indent=1) + "\n")
    print(f"{path}: {len(payload['cases'])} cases")


# ---------------------------------------------------------------- HF transformers
def hf_values(name, lr, warmup, total, kwargs, n):
    opt = optimizer(lr)
    sched = get_scheduler(name, opt, num_warmup_steps=warmup, num_training_steps=total, scheduler_specific_kwargs=kwargs)
    out = []
    for _ in range(n):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def hf_cases():
    cases = []
    grid = []
    for w, t in [(0, 100), (10, 100), (7, 53), (1, 30), (250, 1000)]:
        grid += [("linear", w, t, {}), ("cosine", w, t, {}), ("cosine", w, t, {"num_cycles": 1.5}), ("cosine", w, t, {"num_cycles": 0.25})]
        grid += [("cosine_with_restarts", w, t, {}), ("cosine_with_restarts", w, t, {"num_cycles": 3})]
        grid += [("polynomial", w, t, {}), ("polynomial", w, t, {"lr_end": 1e-5, "power": 2.0}), ("polynomial", w, t, {"power": 0.5})]
        grid += [("constant_with_warmup", w, None, {}), ("inverse_sqrt", w, None, {}), ("inverse_sqrt", w, None, {"timescale": 20})]
        grid += [("cosine_with_min_lr", w, t, {"min_lr": 1e-5}), ("cosine_with_min_lr", w, t, {"min_lr_rate": 0.1, "num_cycles": 0.75})]
        grid += [("warmup_stable_decay", w, t, {"num_decay_steps": t // 4})]
        grid += [("warmup_stable_decay", w, None, {"num_stable_steps": t // 3, "num_decay_steps": t // 5, "warmup_type": "cosine", "decay_type": "1-sqrt", "min_lr_ratio": 0.1})]
        grid += [("warmup_stable_decay", w, t, {"num_decay_steps": t // 4, "warmup_type": "1-sqrt", "decay_type": "linear", "min_lr_ratio": 0.05})]
        grid += [("warmup_stable_decay", w, t, {"num_decay_steps": t // 2, "decay_type": "cosine", "num_cycles": 1.0})]
        if w >= 1:
            grid += [("cosine_warmup_with_min_lr", w, t, {"min_lr_rate": 0.05}), ("cosine_warmup_with_min_lr", w, t, {"min_lr": 1e-5, "warmup_lr_rate": 0.1})]
    grid += [("constant", None, None, {})]
    for lr in [1e-3, 0.1]:
        for name, w, t, kw in grid:
            if name == "polynomial" and kw.get("lr_end", 1e-7) >= lr:
                continue
            n = (t or 200) + 20
            config = {"name": name}
            if w is not None:
                config["num_warmup_steps"] = w
            if t is not None:
                config["num_training_steps"] = t
            if kw:
                config["scheduler_specific_kwargs"] = kw
            cases.append({"config": config, "baseLr": lr, "values": hf_values(name, lr, w, t, kw or None, n)})
    # TrainingArguments form: warmup_steps as a ratio and lr_scheduler_kwargs
    for fields in [
        {"lr_scheduler_type": "cosine", "learning_rate": 3e-4, "warmup_steps": 0.1, "max_steps": 200},
        {"lr_scheduler_type": "linear", "learning_rate": 5e-5, "warmup_steps": 20, "max_steps": 200},
        {"lr_scheduler_type": "cosine_with_min_lr", "learning_rate": 1e-3, "warmup_steps": 0.05, "max_steps": 300, "lr_scheduler_kwargs": {"min_lr": 1e-5}},
        {"lr_scheduler_type": "polynomial", "learning_rate": 1e-3, "warmup_steps": 10, "max_steps": 100, "lr_scheduler_kwargs": {"lr_end": 1e-4, "power": 3.0}},
    ]:
        # TrainingArguments itself does not construct in this environment (an optional integration import
        # fails); its own get_warmup_steps turns warmup_steps into steps, and the Trainer passes the rest as is.
        total = fields["max_steps"]
        holder = types.SimpleNamespace(warmup_steps=fields.get("warmup_steps", 0))
        w = transformers.TrainingArguments.get_warmup_steps(holder, total)
        values = hf_values(fields["lr_scheduler_type"], fields["learning_rate"], w, total, fields.get("lr_scheduler_kwargs"), total + 20)
        cases.append({"config": fields, "baseLr": fields["learning_rate"], "values": values})
    names = [e.value for e in SchedulerType]
    write("hf", {"library": "transformers", "version": transformers.__version__, "torch": torch.__version__, "names": names, "cases": cases})


# ---------------------------------------------------------------- Keras
def keras_cases():
    S = keras.optimizers.schedules
    grid = [
        S.CosineDecay(0.1, 100), S.CosineDecay(0.1, 100, alpha=0.1), S.CosineDecay(0.01, 50, alpha=0.05, warmup_target=0.1, warmup_steps=20),
        S.CosineDecay(0.0, 80, warmup_target=1e-3, warmup_steps=10),
        S.CosineDecayRestarts(0.1, 20), S.CosineDecayRestarts(0.1, 10, t_mul=1.0, m_mul=0.5, alpha=0.1), S.CosineDecayRestarts(0.05, 13, t_mul=1.5, m_mul=0.9, alpha=0.01),
        S.CosineDecayRestarts(0.1, 10, t_mul=3.0),
        S.ExponentialDecay(0.1, 10, 0.5), S.ExponentialDecay(0.1, 7, 0.9, staircase=True), S.ExponentialDecay(1e-3, 100, 0.96),
        S.PiecewiseConstantDecay([10, 30], [0.1, 0.05, 0.01]), S.PiecewiseConstantDecay([5], [1.0, 0.5]),
        S.PolynomialDecay(0.1, 50), S.PolynomialDecay(0.1, 50, end_learning_rate=0.01, power=2.0), S.PolynomialDecay(0.1, 30, end_learning_rate=0.001, power=0.5, cycle=True),
        S.InverseTimeDecay(0.1, 10, 0.5), S.InverseTimeDecay(1e-3, 1, 0.01), S.InverseTimeDecay(0.1, 7, 0.3, staircase=True),
        S.CosineDecay(0.02, 1000, alpha=0.001, warmup_target=0.2, warmup_steps=100),
        S.CosineDecayRestarts(1e-3, 7, t_mul=2.5, m_mul=0.7), S.ExponentialDecay(0.5, 3, 0.97, staircase=True),
        S.PolynomialDecay(0.2, 17, end_learning_rate=0.0, power=3.0, cycle=True), S.PiecewiseConstantDecay([0, 3, 3, 50], [1.0, 0.3, 0.2, 0.1, 0.05]),
    ]
    cases = []
    for sched in grid:
        config = keras.optimizers.schedules.serialize(sched)
        config = json.loads(json.dumps(config, default=float))
        values = [float(sched(jnp.asarray(float(t), dtype=jnp.float64))) for t in range(160)]
        cases.append({"config": config, "values": values})
        # fractional steps (Keras accepts any step)
        fractional = [0.5, 2.25, 7.5, 9.999, 10.0001, 33.3, 101.7, 1234.5]
        cases.append({"config": config, "steps": fractional, "values": [float(sched(jnp.asarray(t, dtype=jnp.float64))) for t in fractional]})
    names = sorted(n for n, c in vars(S).items() if inspect.isclass(c) and issubclass(c, S.LearningRateSchedule) and c is not S.LearningRateSchedule)
    write("keras", {"library": "keras", "version": keras.__version__, "backend": keras.backend.backend(), "jax": jax.__version__, "names": names, "cases": cases})


# ---------------------------------------------------------------- optax
# Schedules whose arithmetic is defined for a fractional count (the one-cycle boundaries are int()s of the
# length, not of the count, so they qualify too).
FRACTIONAL_OK = {"cosine_decay_schedule", "exponential_decay", "linear_schedule", "polynomial_schedule", "piecewise_constant_schedule",
                 "piecewise_interpolate_schedule", "linear_onecycle_schedule", "cosine_onecycle_schedule", "warmup_cosine_decay_schedule",
                 "warmup_exponential_decay_schedule", "warmup_constant_schedule", "sgdr_schedule", "constant_schedule"}


def optax_cases():
    grid = [
        ("constant_schedule", {"value": 0.01}),
        ("linear_schedule", {"init_value": 0.1, "end_value": 0.001, "transition_steps": 50}),
        ("linear_schedule", {"init_value": 0.0, "end_value": 0.1, "transition_steps": 20, "transition_begin": 5}),
        ("polynomial_schedule", {"init_value": 0.1, "end_value": 0.01, "power": 2, "transition_steps": 60, "transition_begin": 10}),
        ("cosine_decay_schedule", {"init_value": 0.1, "decay_steps": 100}),
        ("cosine_decay_schedule", {"init_value": 0.1, "decay_steps": 80, "alpha": 0.1, "exponent": 2.0}),
        ("cosine_decay_schedule", {"init_value": 1e-3, "decay_steps": 50, "exponent": 0.5}),
        ("exponential_decay", {"init_value": 0.1, "transition_steps": 10, "decay_rate": 0.5}),
        ("exponential_decay", {"init_value": 0.1, "transition_steps": 10, "decay_rate": 0.5, "staircase": True, "transition_begin": 15}),
        ("exponential_decay", {"init_value": 0.1, "transition_steps": 5, "decay_rate": 0.8, "end_value": 0.01}),
        ("exponential_decay", {"init_value": 0.01, "transition_steps": 5, "decay_rate": 1.1, "end_value": 0.05}),
        ("exponential_decay", {"init_value": 0.1, "transition_steps": 6, "decay_rate": 0.5, "staircase": True, "end_value": 0.004, "transition_begin": 3}),
        ("piecewise_constant_schedule", {"init_value": 0.1, "boundaries_and_scales": {"30": 0.1, "60": 0.5, "90": 0.2}}),
        ("piecewise_interpolate_schedule", {"interpolate_type": "linear", "init_value": 0.1, "boundaries_and_scales": {"20": 0.5, "50": 0.1, "0": 2.0}}),
        ("piecewise_interpolate_schedule", {"interpolate_type": "cosine", "init_value": 0.05, "boundaries_and_scales": {"10": 2.0, "40": 0.25}}),
        ("linear_onecycle_schedule", {"transition_steps": 100, "peak_value": 0.1}),
        ("linear_onecycle_schedule", {"transition_steps": 77, "peak_value": 0.5, "pct_start": 0.25, "pct_final": 0.7, "div_factor": 10, "final_div_factor": 100}),
        ("cosine_onecycle_schedule", {"transition_steps": 100, "peak_value": 0.1}),
        ("cosine_onecycle_schedule", {"transition_steps": 63, "peak_value": 0.2, "pct_start": 0.4, "div_factor": 5, "final_div_factor": 50}),
        ("warmup_constant_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 10}),
        ("warmup_cosine_decay_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 10, "decay_steps": 100}),
        ("warmup_cosine_decay_schedule", {"init_value": 0.01, "peak_value": 0.1, "warmup_steps": 7, "decay_steps": 60, "end_value": 0.001, "exponent": 1.5}),
        ("warmup_exponential_decay_schedule", {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 10, "transition_steps": 10, "decay_rate": 0.7}),
        ("warmup_exponential_decay_schedule", {"init_value": 0.001, "peak_value": 0.1, "warmup_steps": 5, "transition_steps": 4, "decay_rate": 0.5, "staircase": True, "transition_begin": 6}),
        ("sgdr_schedule", {"cosine_kwargs": [
            {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 5, "decay_steps": 40},
            {"init_value": 0.01, "peak_value": 0.05, "warmup_steps": 3, "decay_steps": 30, "end_value": 0.001},
            {"init_value": 0.0, "peak_value": 0.02, "warmup_steps": 0, "decay_steps": 20}]}),
    ]
    cases = []
    for name, kwargs in grid:
        py = dict(kwargs)
        if "boundaries_and_scales" in py:
            py["boundaries_and_scales"] = {int(k): v for k, v in py["boundaries_and_scales"].items()}
        fn = getattr(optax.schedules, name)
        sched = fn(**py)
        values = [float(sched(jnp.asarray(t))) for t in range(130)]
        cases.append({"config": {"optax": name, "kwargs": kwargs}, "values": values})
        if name in FRACTIONAL_OK:
            fractional = [0.5, 2.25, 7.5, 9.999, 10.0001, 33.3, 101.7, 1234.5]
            cases.append({"config": {"optax": name, "kwargs": kwargs}, "steps": fractional, "values": [float(sched(jnp.asarray(t, dtype=jnp.float64))) for t in fractional]})
    # join_schedules, in anneal's JSON form of its children
    a = {"optax": "linear_schedule", "kwargs": {"init_value": 0.0, "end_value": 0.1, "transition_steps": 10}}
    b = {"optax": "cosine_decay_schedule", "kwargs": {"init_value": 0.1, "decay_steps": 50, "alpha": 0.01}}
    c = {"optax": "constant_schedule", "kwargs": {"value": 0.002}}
    joined = optax.schedules.join_schedules([optax.schedules.linear_schedule(0.0, 0.1, 10), optax.schedules.cosine_decay_schedule(0.1, 50, alpha=0.01), optax.schedules.constant_schedule(0.002)], [10, 60])
    cases.append({"config": {"optax": "join_schedules", "kwargs": {"schedules": [a, b, c], "boundaries": [10, 60]}}, "values": [float(joined(jnp.asarray(t))) for t in range(130)]})
    skip = {"Schedule", "StatefulSchedule", "inject_hyperparams", "inject_stateful_hyperparams", "InjectHyperparamsState", "InjectStatefulHyperparamsState", "WrappedSchedule"}
    names = sorted(n for n in dir(optax.schedules) if not n.startswith("_") and n not in skip and callable(getattr(optax.schedules, n)))
    write("optax", {"library": "optax", "version": optax.__version__, "jax": jax.__version__, "names": names, "cases": cases})


# ---------------------------------------------------------------- timm
def timm_values(kwargs, lr, n):
    opt = optimizer(lr)
    args = {k: v for k, v in kwargs.items() if k != "lr"}
    sched, _epochs = timm.scheduler.create_scheduler_v2(opt, **args)
    on_epochs = args.get("step_on_epochs", True)
    out = []
    for t in range(n):
        if on_epochs:
            sched.step(t)
        else:
            sched.step_update(t)
        out.append(opt.param_groups[0]["lr"])
    return out, _epochs


def timm_cases():
    grid = [
        {"sched": "cosine", "num_epochs": 50},
        {"sched": "cosine", "num_epochs": 50, "min_lr": 1e-5, "warmup_epochs": 5, "warmup_lr": 1e-4},
        {"sched": "cosine", "num_epochs": 40, "min_lr": 1e-4, "warmup_epochs": 5, "warmup_lr": 1e-5, "warmup_prefix": True},
        {"sched": "cosine", "num_epochs": 20, "cycle_limit": 3, "cycle_decay": 0.5},
        {"sched": "cosine", "num_epochs": 16, "cycle_limit": 3, "cycle_mul": 2.0, "cycle_decay": 0.8, "min_lr": 1e-4},
        {"sched": "cosine", "num_epochs": 13, "cycle_limit": 4, "cycle_mul": 1.5},
        {"sched": "cosine", "num_epochs": 60, "k_decay": 2.0},
        {"sched": "cosine", "num_epochs": 60, "k_decay": 0.5, "min_lr": 1e-5},
        {"sched": "cosine", "num_epochs": 10, "warmup_epochs": 2, "step_on_epochs": False, "updates_per_epoch": 7},
        {"sched": "step", "decay_epochs": 15, "decay_rate": 0.5},
        {"sched": "step", "decay_epochs": 10, "decay_rate": 0.3, "warmup_epochs": 3, "warmup_prefix": True},
        {"sched": "step", "decay_epochs": 2, "decay_rate": 0.9, "step_on_epochs": False, "updates_per_epoch": 5},
        {"sched": "multistep", "decay_milestones": [10, 30, 60], "decay_rate": 0.2},
        {"sched": "multistep", "decay_milestones": [5, 5, 40], "decay_rate": 0.5, "warmup_epochs": 4},
        {"sched": "poly", "num_epochs": 80, "decay_rate": 2.0},
        {"sched": "poly", "num_epochs": 50, "decay_rate": 0.5, "min_lr": 1e-4, "warmup_epochs": 5, "warmup_prefix": True},
        {"sched": "cosine", "num_epochs": 30, "cooldown_epochs": 10},
        {"sched": "tanh", "num_epochs": 50},
        {"sched": "poly", "num_epochs": 20, "decay_rate": 1.5, "cycle_limit": 3, "cycle_decay": 0.5, "min_lr": 1e-4},
        {"sched": "poly", "num_epochs": 10, "decay_rate": 2.0, "cycle_limit": 4, "cycle_mul": 2.0, "k_decay": 0.5, "warmup_epochs": 3},
        {"sched": "cosine", "num_epochs": 60, "noise": 0.3},
        {"sched": "cosine", "num_epochs": 40, "noise": [0.1, 0.6], "noise_pct": 0.2, "noise_seed": 7, "warmup_epochs": 4},
        {"sched": "step", "decay_epochs": 10, "noise": [0.25], "noise_pct": 1.5, "noise_seed": 123456},
        {"sched": "tanh", "num_epochs": 30, "noise": 0.5, "noise_pct": 0.05},
        {"sched": "tanh", "num_epochs": 20, "cycle_limit": 3, "cycle_decay": 0.5, "min_lr": 1e-4, "warmup_epochs": 3, "warmup_prefix": True},
        {"sched": "tanh", "num_epochs": 12, "cycle_limit": 3, "cycle_mul": 1.5, "warmup_epochs": 2},
    ]
    cases = []
    for kw in grid:
        for lr in [0.1, 1e-3]:
            if kw.get("warmup_epochs", 0) > 0:
                kw = {**kw, "lr": lr}
            values, epochs = timm_values(kw, lr, 150)
            cases.append({"config": kw, "baseLr": lr, "values": values, "numEpochs": epochs})
    source = inspect.getsource(timm.scheduler.create_scheduler_v2)
    names = re.findall(r"sched == '([a-z]+)'", source)
    write("timm", {"library": "timm", "version": timm.version.__version__, "torch": torch.__version__, "names": names, "cases": cases})


if __name__ == "__main__":
    which = sys.argv[1:] or ["hf", "keras", "optax", "timm"]
    for w in which:
        globals()[f"{w}_cases"]()
