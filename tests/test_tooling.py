"""The pre-commit hooks run the same checks, with the same options, as `make lint`."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from locations import ROOT


def hooks() -> dict[str, str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}


def makefile_variable(name: str) -> str:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(rf"^{name} = (.*)$", makefile, re.M)
    assert found, f"the Makefile sets no {name}"
    return found.group(1).strip()


def test_the_hooks_are_a_valid_pre_commit_config():
    bin_dir = Path(sys.executable).parent
    result = subprocess.run(
        [bin_dir / "pre-commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hooks_and_make_lint_run_the_same_tools():
    # make lint's tools, and a check of the commit subject that only a hook can make
    assert set(hooks()) == {"ruff-check", "ruff-format", "mypy", "nbstripout", "subject-length"}


def test_notebooks_are_stripped_with_the_same_options():
    assert hooks()["nbstripout"].split()[1:] == makefile_variable("NBSTRIP").split()


def test_the_subject_hook_refuses_a_long_subject_and_passes_a_short_one(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".pre-commit-config.yaml").write_bytes(
        (ROOT / ".pre-commit-config.yaml").read_bytes()
    )
    pre_commit = Path(sys.executable).parent / "pre-commit"
    results = {}
    for name, subject in [("short", "x" * 72), ("long", "x" * 73)]:
        (tmp_path / f"{name}.txt").write_text(f"{subject}\n\nThe why, in the body.\n")
        run = subprocess.run(
            [
                pre_commit,
                "run",
                "subject-length",
                "--hook-stage",
                "commit-msg",
                "--commit-msg-filename",
                f"{name}.txt",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")},
        )
        results[name] = run.returncode
    assert results == {"short": 0, "long": 1}
