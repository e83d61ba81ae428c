"""Student submissions for the grading tests, made from the real release and solution notebooks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from locations import ROOT

from s400_instructor.grading.sandbox import refusal


def require_sandbox() -> None:
    """Skip (locally) or fail (S400_REQUIRE_SANDBOX=1, as in CI) where bubblewrap cannot run."""
    why = refusal()
    if why:
        message = (
            f"grading needs its sandbox: {why}; set S400_REQUIRE_SANDBOX=1 to make this an error"
        )
        if os.environ.get("S400_REQUIRE_SANDBOX") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def course(tmp: Path, assignments: list[str]) -> Path:
    """A fresh nbgrader course directory with this repository's config and the given assignments."""
    shutil.copy(ROOT / "nbgrader_config.py", tmp / "nbgrader_config.py")
    for assignment in assignments:
        shutil.copytree(ROOT / "solutions" / assignment, tmp / "solutions" / assignment)
    return tmp


def solved_answers(assignment: str) -> dict[str, str]:
    """grade_id -> the solution's source of every answer cell, delimiters removed."""
    source = nbformat.read(ROOT / "solutions" / assignment / f"{assignment}.ipynb", as_version=4)
    return {
        c.metadata["nbgrader"]["grade_id"]: "\n".join(
            line
            for line in c.source.splitlines()
            if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line
        )
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }


def submit(
    course_dir: Path,
    student: str,
    assignment: str,
    answers: dict[str, str] | None = None,
    edit=None,
) -> Path:
    """Write submitted/<student>/<assignment>/<assignment>.ipynb: the release with ``answers``
    (grade_id -> source) filled in, then ``edit(notebook)`` applied, as a student's file would
    be."""
    release = nbformat.read(ROOT / "exercises" / assignment / f"{assignment}.ipynb", as_version=4)
    for cell in release.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if answers and grade_id in answers:
            cell.source = answers[grade_id]
    if edit:
        edit(release)
    folder = course_dir / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{assignment}.ipynb"
    nbformat.write(release, path)
    return path


def scores(course_dir: Path, assignment: str) -> dict[str, dict[str, float]]:
    """student -> grade_id -> points, read from the course's gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        return {
            s.student.id: {g.name: g.score for notebook in s.notebooks for g in notebook.grades}
            for s in gradebook.find_assignment(assignment).submissions
        }


def nbgrader(*args: str, course: Path) -> subprocess.CompletedProcess:
    """Run nbgrader's command line in a course directory (it shells out to tools beside this
    Python)."""
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
