"""The lock, the ranges and the Python versions agree across the files that state them.

pyproject.toml gives ranges: what the package accepts when it joins someone else's environment (a
hub, Colab). constraints.txt is the lock: the exact version of every package `make` installs, one
lock for every supported Python. environment.yml pins the direct dependencies at the lock's
versions for conda. The Makefile's SUPPORTED lists the Pythons that `make` accepts.
"""

import re
import tomllib
from importlib import metadata

import pytest
import yaml
from locations import ROOT
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name


def makefile_supported() -> list[str]:
    """The Pythons `make` accepts: the Makefile's SUPPORTED."""
    match = re.search(r"^SUPPORTED\s*:=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert match, "the Makefile has no SUPPORTED line"
    return match[1].split()


SUPPORTED = makefile_supported()


def pins(lines: list[str]) -> dict[str, str]:
    """name -> version for each 'name==version' line (other lines, such as '-e .', are skipped)."""
    found: dict[str, str] = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if "==" in line and not line.startswith("-"):
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line}: pin an exact version"
            found[canonicalize_name(req.name)] = spec.version
    return found


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def direct_requirements() -> list[Requirement]:
    project = pyproject()
    extras = project["optional-dependencies"].values()
    return [Requirement(r) for r in project["dependencies"] + [r for e in extras for r in e]]


def lock() -> dict[str, str]:
    return pins((ROOT / "constraints.txt").read_text().splitlines())


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def environment_pip_section() -> list[str]:
    (section,) = [d["pip"] for d in environment()["dependencies"] if isinstance(d, dict)]
    return section


def test_the_lock_pins_every_package_exactly():
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(lock()) == len(entries) >= 150  # pins() fails on any line that is not name==version


def test_every_range_admits_the_locked_version():
    locked = lock()
    outside = {
        req.name: (str(req.specifier), locked.get(canonicalize_name(req.name)))
        for req in direct_requirements()
        if locked.get(canonicalize_name(req.name)) not in req.specifier
    }
    assert not outside, f"range -> locked version (None: not in constraints.txt): {outside}"


def test_every_range_has_a_floor_and_a_ceiling():
    # A ceiling below the next major release: a hub install does not take a release that may
    # break the module; a floor: no version older than those tested.
    unbounded = [
        str(req)
        for req in direct_requirements()
        if {s.operator for s in req.specifier} != {">=", "<"}
    ]
    assert len(direct_requirements()) >= 15 and not unbounded


def test_environment_yml_pins_the_direct_dependencies_at_the_locked_versions():
    locked = lock()
    direct = {canonicalize_name(req.name) for req in direct_requirements()}
    assert pins(environment_pip_section()) == {name: locked[name] for name in direct}


def test_environment_yml_installs_the_package_and_the_lock():
    section = environment_pip_section()
    assert "-e ." in section and "-c constraints.txt" in section


def test_every_file_names_the_same_pythons():
    assert SUPPORTED == ["3.11", "3.12", "3.13", "3.14"]
    project = pyproject()
    classifiers = [
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if c.startswith("Programming Language :: Python :: 3.")
    ]
    assert classifiers == SUPPORTED
    assert project["requires-python"] == ">=3.11"
    (conda_python,) = [d for d in environment()["dependencies"] if str(d).startswith("python")]
    conda_range = SpecifierSet(conda_python.removeprefix("python"))
    assert [f"3.{minor}" for minor in range(8, 20) if f"3.{minor}" in conda_range] == SUPPORTED


@pytest.mark.parametrize("python", SUPPORTED)
def test_the_lock_holds_every_dependency_each_python_asks_for(python: str):
    """One lock serves every Python only if no Python needs a package it does not pin.

    Dependencies carry markers ('overrides; python_version < "3.12"'); reading each installed
    locked package's requirements with `python`'s markers finds any that a newer Python adds.
    """
    locked = lock()
    env = {"python_version": python, "python_full_version": f"{python}.0", "extra": ""}
    asked = [(dist, req) for dist in ("s400", *locked) for req in _requirements(dist, env)]
    missing = [
        f"{dist} needs {req}" for dist, req in asked if canonicalize_name(req.name) not in locked
    ]
    assert len(asked) > 200 and not missing


def _requirements(dist: str, env: dict[str, str]) -> list[Requirement]:
    """Requirements of the installed `dist` whose markers hold in `env` (s400: with its extras)."""
    try:
        texts = metadata.requires(dist) or []
    except metadata.PackageNotFoundError:  # locked for another Python only (e.g. a backport)
        return []
    extras = ("", *pyproject()["optional-dependencies"]) if dist == "s400" else ("",)
    reqs = [Requirement(text) for text in texts]
    return [
        r
        for r in reqs
        if r.marker is None or any(r.marker.evaluate({**env, "extra": e}) for e in extras)
    ]
