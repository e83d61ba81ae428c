"""pyproject.toml, environment.yml and constraints.txt pin the same packages, same versions."""

import re
import tomllib

import yaml
from locations import ROOT
from packaging.requirements import Requirement


def pins(lines) -> dict[str, str]:
    """name -> version for each 'name==version' line (other lines, such as '-e .', are skipped)."""
    found = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if "==" in line and not line.startswith("-"):
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line}: pin an exact version"
            found[re.sub(r"[-_.]+", "-", req.name).lower()] = spec.version
    return found


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return pins(
        project["dependencies"]
        + [r for group in project["optional-dependencies"].values() for r in group]
    )


def environment_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    (pip_section,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict)]
    return pins(pip_section)


def test_every_direct_dependency_is_pinned_exactly():
    assert len(pyproject_pins()) >= 15  # the required stack, the grading and browser tools


def test_environment_yml_matches_pyproject():
    assert environment_pins() == pyproject_pins()


def test_environment_yml_installs_the_package_and_the_lock():
    pip_section = next(
        d["pip"]
        for d in yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
        if isinstance(d, dict)
    )
    assert "-e ." in pip_section and "-c constraints.txt" in pip_section


def test_the_lock_agrees_with_the_direct_pins():
    lock = pins((ROOT / "constraints.txt").read_text().splitlines())
    direct = pyproject_pins()
    assert {name: lock.get(name) for name in direct} == direct


def test_python_version_agrees():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert "python=3.11" in env["dependencies"] and requires == ">=3.11,<3.12"
