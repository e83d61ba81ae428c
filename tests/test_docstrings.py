"""Every public function, class and method of the libraries has a numpydoc docstring: a summary,
its parameters, what it returns and an example (numpydoc's own validation, run on each)."""

import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest
from numpydoc.validate import validate

import s400
import s400_instructor

#: numpydoc's codes for what the project requires: a docstring (GL08) with a one-line summary
#: (SS01), every parameter documented (PR01) and no unknown one (PR02), a Returns section (RT01)
#: and an Examples section (EX01).
REQUIRED = {"GL08", "SS01", "PR01", "PR02", "RT01", "EX01"}


def modules(package: ModuleType) -> list[ModuleType]:
    names = [package.__name__] + [
        m.name for m in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
    ]
    return [importlib.import_module(n) for n in names if not n.endswith("__main__")]


def public_objects() -> list[str]:
    """Dotted names of the public functions, classes, methods and properties each module defines."""
    found = []
    for module in modules(s400) + modules(s400_instructor):
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj):
                found.append(f"{module.__name__}.{name}")
            elif inspect.isclass(obj):
                found.append(f"{module.__name__}.{name}")
                found += [
                    f"{module.__name__}.{name}.{member}"
                    for member, value in vars(obj).items()
                    if not member.startswith("_")
                    and (inspect.isfunction(value) or isinstance(value, property))
                ]
    return found


def test_there_are_objects_to_check():
    assert "s400.reasoning.model.Lab.contributions" in public_objects()


@pytest.mark.parametrize("name", public_objects())
def test_numpydoc(name: str) -> None:
    missing = [
        f"{code}: {message}" for code, message in validate(name)["errors"] if code in REQUIRED
    ]
    assert missing == []


def test_the_check_finds_a_missing_example():
    codes = {code for code, _ in validate("tests.test_docstrings.public_objects")["errors"]}
    assert {"RT01", "EX01"} <= codes
