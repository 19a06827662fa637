"""Times PyTorch's scheduler.step() for the configurations of anneal's stateful benchmarks.

Run by `pnpm bench` as a subprocess (`/usr/bin/python3 src/torch/bench_torch.py`); prints one JSON
object on stdout. Without an importable torch it prints {"available": false, "reason": ...}.
Each configuration: SGD(momentum=0.9) with 1 or 8 parameter groups of one scalar each, the scheduler
built as in tools/bench/src/cases/stateful.ts, warmed up, then timed in many samples of about 1 ms
with time.perf_counter_ns(); the figure is the median ns per step() (short samples and a median keep
preemption on a busy machine out of the figure).
"""
import json
import math
import platform
import statistics
import sys
import time
import warnings

SAMPLE_NS = 1_000_000
SAMPLES = 101
WARMUP_STEPS = 2_000


def main():
    try:
        import torch
    except Exception as error:  # ImportError, or a broken install
        print(json.dumps({"available": False, "reason": f"import torch failed: {error!r}"}))
        return
    warnings.filterwarnings("ignore")
    torch.set_num_threads(1)
    sched = torch.optim.lr_scheduler

    def optimizer(k):
        groups = [{"params": [torch.zeros(1, requires_grad=True)], "lr": 0.1 * (1 + g / 8)} for g in range(k)]
        opt = torch.optim.SGD(groups, lr=0.1, momentum=0.9)
        opt.step()  # so the scheduler does not warn about the call order
        return opt

    total_steps = 10_000

    def one_cycle(opt):
        s = sched.OneCycleLR(opt, max_lr=0.1, total_steps=total_steps)

        def step():
            if s.last_epoch == total_steps - 1:
                s.last_epoch = -1  # rewind, as the JS benchmark does
            s.step()

        return step

    builders = {
        "CosineAnnealingLR": lambda opt: sched.CosineAnnealingLR(opt, T_max=1000, eta_min=1e-5).step,
        "CosineAnnealingWarmRestarts": lambda opt: sched.CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5).step,
        "OneCycleLR": one_cycle,
        "LambdaLR": lambda opt: sched.LambdaLR(opt, lambda e: 0.5 * (1 + math.cos(math.pi * e / 1000))).step,
    }

    results = {}
    for name, build in builders.items():
        for k in (1, 8):
            step = build(optimizer(k))
            for _ in range(WARMUP_STEPS):
                step()
            # Calibrate on the fastest of a few short runs, so one preempted run cannot shrink n.
            fastest = math.inf
            for _ in range(5):
                t0 = time.perf_counter_ns()
                for _ in range(50):
                    step()
                fastest = min(fastest, (time.perf_counter_ns() - t0) / 50)
            n = max(1, round(SAMPLE_NS / fastest))
            per_step = []
            for _ in range(SAMPLES):
                t0 = time.perf_counter_ns()
                for _ in range(n):
                    step()
                per_step.append((time.perf_counter_ns() - t0) / n)
            results[f"{name}-{k}"] = {
                "medianNs": statistics.median(per_step),
                "minNs": min(per_step),
                "iterations": n,
                "samples": SAMPLES,
            }
    print(json.dumps({
        "available": True,
        "torch": torch.__version__,
        "python": platform.python_version(),
        "configs": results,
    }))


if __name__ == "__main__":
    main()
    sys.stdout.flush()
