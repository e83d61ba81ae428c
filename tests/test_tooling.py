"""The pre-commit hooks run the same checks, with the same options, as `make lint`."""

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
    assert set(hooks()) == {"ruff-check", "ruff-format", "mypy", "nbstripout"}


def test_notebooks_are_stripped_with_the_same_options():
    assert hooks()["nbstripout"].split()[1:] == makefile_variable("NBSTRIP").split()
