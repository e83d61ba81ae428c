"""The module as others install it: a wheel, not editable, away from the repository.

A hub or Colab installs the wheel into its own environment, so the wheel must carry the data
and the notebooks must not look for the repository. Python 3.14 is not on this machine: pip's
resolver, aimed at 3.14, shows that the lock installs there from binary wheels alone.
Both tests reach the package registry, as `make setup` does.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from locations import ROOT
from packaging.utils import canonicalize_name
from test_pins import lock

# What the source distribution holds (MANIFEST.in adds data/ to the usual files).
SOURCE_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE")
SOURCE_DIRS = ("src", "data")


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    """Run `cmd`; fail the test with its output if it exits non-zero."""
    result = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kwargs
    )
    assert result.returncode == 0, (
        f"{cmd} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (a build writes build/ next to them)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCE_FILES:
        shutil.copy(ROOT / name, source)
    for name in SOURCE_DIRS:
        shutil.copytree(
            ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", out, source])
    (built,) = out.glob("s400-*.whl")
    return built


def test_the_wheel_runs_a_notebook_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "s400/_data/datapackage.json" in names and "s400/_data/scenarios/author.json" in names

    # A venv without pip of its own: this venv's pip fills it, and reuses its download cache.
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    run([*pip, "-c", ROOT / "constraints.txt", wheel, "nbval", "pytest"])

    # Nothing of the repository in sight: a copy of the notebooks, in a folder of their own.
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copy(ROOT / "tests" / "sanitize.cfg", tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S400_", "PYTHON", "JUPYTER"))}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        env[name] = str(tmp_path / "home" / name.lower())
    env["MPLCONFIGDIR"] = str(tmp_path / "home" / "matplotlib")

    where = "import s400.paths as p; print(p.__file__); print(p.DEFAULT_DATA_DIR)"
    module, data = run([python, "-c", where], cwd=tmp_path, env=env).stdout.split()
    site_packages = Path(module).parents[1]
    assert site_packages.is_relative_to(venv) and Path(data) == site_packages / "s400" / "_data"

    # Notebook 00 checks the installed versions against the wheel's ranges and loads the data.
    nbval = [
        *("-m", "pytest", "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=120"),
        *("--nbval-sanitize-with=sanitize.cfg", "-p", "no:cacheprovider", "--rootdir", "."),
        "notebooks/00_start_here.ipynb",
    ]
    result = run([python, *nbval], cwd=tmp_path, env=env)
    assert " passed" in result.stdout and " failed" not in result.stdout


def test_the_lock_installs_on_python_3_14(wheel: Path, tmp_path: Path) -> None:
    """pip resolves the wheel with its test extra under the lock, for Python 3.14 on this
    platform, from binary wheels only (what `pip download --only-binary=:all: --python-version
    3.14` does; --dry-run --report also says what it chose and downloads nothing to keep).

    pip reads dependency markers for the running Python, not the target: test_pins checks that
    the lock holds every dependency that 3.14's markers ask for.
    """
    report = tmp_path / "report.json"
    target = [
        *("--dry-run", "--ignore-installed", "--only-binary=:all:", "--python-version", "3.14"),
        *("--target", tmp_path / "target", "--report", report, "--quiet"),
    ]
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            *target,
            "-c",
            ROOT / "constraints.txt",
            f"{wheel}[test]",
        ]
    )

    chosen: dict[str, tuple[str, str]] = {
        canonicalize_name(item["metadata"]["name"]): (
            item["metadata"]["version"],
            item["download_info"]["url"].rsplit("/", 1)[-1],
        )
        for item in json.loads(report.read_text())["install"]
    }
    assert chosen.pop("s400")[0] == "0.1.0"
    locked = lock()
    off_lock = {
        name: version for name, (version, _) in chosen.items() if locked.get(name) != version
    }
    assert len(chosen) > 100 and not off_lock
    # A compiled package came built for CPython 3.14: pip aimed at 3.14, not at this Python.
    numpy_wheel = chosen["numpy"][1]
    assert "-cp314-" in numpy_wheel and numpy_wheel.endswith(".whl")
