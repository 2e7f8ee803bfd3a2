"""pipelines/python: the interpreter DVC's stage commands run pins the numeric kernels and
writes no bytecode beside the code."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json
from numpy._core._multiarray_umath import __cpu_features__ as cpu
from threadpoolctl import threadpool_info
blas = [p for p in threadpool_info() if p["internal_api"] == "openblas"]
print(json.dumps({
    "dispatch": sorted(k for k in ("X86_V4", "AVX512_ICL", "AVX512_SPR") if cpu.get(k)),
    "blas": [(p["architecture"], p["num_threads"]) for p in blas],
}))
"""

avx2_only = pytest.mark.skipif(
    "avx2" not in Path("/proc/cpuinfo").read_text().split(), reason="the pin applies to AVX2 CPUs"
)


def _probe(**env: str) -> dict:
    pins = ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS")
    clean = {k: v for k, v in os.environ.items() if k not in pins}
    done = subprocess.run(
        ["pipelines/python", "-c", PROBE],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@avx2_only
def test_stages_run_the_avx2_kernels_on_one_blas_thread() -> None:
    """What keeps a model fitted on an AVX-512 machine equal to one fitted without it."""
    seen = _probe()
    assert seen["dispatch"] == []  # numpy's AVX-512 loops are off
    assert seen["blas"] and all(blas == ("Haswell", 1) for blas in map(tuple, seen["blas"]))


@avx2_only
def test_settings_in_the_environment_win() -> None:
    seen = _probe(OPENBLAS_NUM_THREADS="2", OPENBLAS_CORETYPE="Sandybridge")
    assert all(blas == ("Sandybridge", 2) for blas in map(tuple, seen["blas"]))


def test_stages_write_no_bytecode_beside_the_code() -> None:
    """The corpus project counts ``src/`` as its stages' code, out of its ``.dvcignore``'s reach:
    a ``__pycache__`` one stage wrote would change what the next records in its ``dvc.lock``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        ["pipelines/python", "-c", "import sys; print(sys.dont_write_bytecode)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "True"
