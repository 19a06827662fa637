"""Runs the Python snippets anneal's writers print (`anneal convert`, `writeSnippet`) in the real libraries.

Reads tools/ecosystem-traces/snippet-cases.json (written by packages/core/test/snippet-cases.test.ts with
WRITE_SNIPPET_CASES=1: each snippet with anneal's rates at steps 0..n-1), executes every snippet exactly as
printed (one interpreter, a fresh namespace each, its stdout captured), parses the `step rate` lines it prints
and compares them with anneal's. Writes packages/core/test/fixtures/ecosystems/snippets.json, which the test
replays without Python.

The only thing added around the snippets: timm's package __init__ imports torchvision, whose build in the
index does not load with torch 2.13, so `timm` is entered as a bare namespace first (as record.py does); the
snippets' `from timm.scheduler import create_scheduler_v2` is unchanged. Keras (JAX backend) and optax run in
their default float32, as a user's snippet does: their tolerance is float32's.

Run:  /opt/eco-venv/bin/python tools/ecosystem-traces/run_snippets.py
"""
import contextlib
import importlib.util as _util
import io
import json
import os
import sys
import traceback
import types
from pathlib import Path

_spec = _util.find_spec("timm")
_timm = types.ModuleType("timm")
_timm.__path__ = list(_spec.submodule_search_locations)
_timm.__spec__ = _spec
sys.modules["timm"] = _timm
os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import optax  # noqa: E402
import timm.scheduler  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tools/ecosystem-traces/snippet-cases.json"
OUT = ROOT / "packages/core/test/fixtures/ecosystems/snippets.json"

# float64 libraries: relative to the larger rate (rates below 1e-9 of the base rate, where a cosine ends at 0,
# are compared to 1e-9 of it), within 1e-12. float32 ones (Keras on JAX, optax, as printed): the difference in
# units of the base rate (float32 keeps about 7 digits of the rates it computes), within 1e-6.
FLOAT32 = {"keras", "optax"}
TOLERANCE = {"pytorch": 1e-12, "hf": 1e-12, "timm": 1e-12, "keras": 1e-6, "optax": 1e-6}


def deviation(a, b, base, target):
    if target in FLOAT32:
        return abs(a - b) / base
    return abs(a - b) / max(abs(a), abs(b), 1e-9 * base)


def main():
    data = json.loads(CASES.read_text())
    base = data["baseLr"]
    results = []
    for case in data["cases"]:
        out = io.StringIO()
        error = None
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(case["snippet"], case["id"], "exec"), {"__name__": "__main__"})
        except Exception:  # noqa: BLE001
            error = traceback.format_exc(limit=3)
        rates = {}
        for line in out.getvalue().splitlines():
            parts = line.split()
            if len(parts) == 2:
                rates[int(parts[0])] = float(parts[1])
        expected = case["expected"]
        worst = 0.0
        missing = [t for t in range(len(expected)) if t not in rates]
        for t, want in enumerate(expected):
            if t in rates:
                worst = max(worst, deviation(rates[t], want, base, case["target"]))
        tol = TOLERANCE[case["target"]]
        ok = error is None and not missing and worst <= tol
        results.append({
            "id": case["id"],
            "target": case["target"],
            "steps": len(expected),
            "snippet": case["snippet"],
            "ok": ok,
            "maxDeviation": worst,
            "measure": "absolute / baseLr (float32)" if case["target"] in FLOAT32 else "relative",
            "tolerance": tol,
            **({"error": error} if error else {}),
            **({"missingSteps": len(missing)} if missing else {}),
        })
        print(f"{'ok ' if ok else 'BAD'} {worst:.2e} {case['id']}" + (f"\n{error}" if error else ""), file=sys.stderr)
    versions = {
        "torch": torch.__version__, "transformers": transformers.__version__, "timm": _version("timm"),
        "keras": keras.__version__, "optax": optax.__version__, "python": sys.version.split()[0],
    }
    OUT.write_text(json.dumps({"versions": versions, "baseLr": base, "results": results}, indent=1) + "\n")
    bad = [r["id"] for r in results if not r["ok"]]
    print(f"{len(results) - len(bad)} of {len(results)} snippets match; {OUT}", file=sys.stderr)
    return 1 if bad else 0


def _version(name):
    from importlib.metadata import version
    return version(name)


if __name__ == "__main__":
    sys.exit(main())
