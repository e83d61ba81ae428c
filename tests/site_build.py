"""Build the reading site with `make site`, once per test session even across xdist workers."""

from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest
from locations import ROOT


def build_site(out: Path, timeout: float = 300) -> Path:
    """Run `make site SITE=out`; return `out`. Fails with make's output if the build fails."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    # -o: never reinstall the venv under a running test session (see tests/browser/conftest.py).
    cmd = ["make", "-C", str(ROOT), "-o", ".venv/.installed", "site", f"SITE={out}"]
    try:
        run = subprocess.run(
            cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"make site did not finish in {timeout} s")
    if run.returncode != 0:
        pytest.fail(f"make site failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    return out


def shared_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built by whichever xdist worker asks first; the others wait and reuse it.

    Under xdist every worker's temporary folder sits in one folder of this run; without xdist
    the run's own folder is used, so a site is never reused across runs.
    """
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, done = root / "site", root / "site.built"
    with (root / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            build_site(out)
            done.touch()
    return out
