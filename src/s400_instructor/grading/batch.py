"""Batch grading with nbgrader: one submission at a time, a progress line each, rerunnable.

``python -m s400_instructor.grading ex03_reasoning`` (what ``make grade ASSIGNMENT=...`` runs) in
the course directory (the repository root, see nbgrader_config.py):

1. refuses, in one line, where student code cannot be sandboxed (no bubblewrap), unless
   ``--unsafe-no-sandbox`` is given, which every progress line then repeats;
2. registers the assignment from solutions/ in the gradebook (nbgrader's generate_assignment);
3. autogrades each submission in submitted/<student>/<assignment>/ (nbgrader's autograde, with
   :mod:`.preprocessors`: the student's code runs in the sandbox, the answers are checked outside
   it), printing one line per student with the points and any note (a repaired cell, a notebook
   that stopped early). A submission that cannot be graded (a notebook missing, empty, not valid
   JSON, or a link) is reported with the student's name; the others go on;
4. writes feedback/<student>/<assignment>/*.html (generate_feedback) and grades.csv.

It drives nbgrader through its Python API (``NbGraderAPI``, which the command line and the
Formgrader also use) in one process: starting the ``nbgrader`` command once per submission cost
more than grading the submission itself. Each graded student is appended to
autograded/<assignment>.done once nbgrader has recorded the grade, so an interrupted run picks up
where it stopped; ``--regrade`` starts again. None of this state is visible to student code.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import CsvExportPlugin
from sqlalchemy.exc import SAWarning
from traitlets.config.loader import PyFileConfigLoader

from s400_instructor.grading import sandbox
from s400_instructor.grading.preprocessors import use_sandbox
from s400_instructor.grading.reports import (
    grading_notes,
    last_error,
    points_summary,
    submission_problems,
)

UNSAFE = "UNSAFE, NOT SANDBOXED: "


@dataclass(frozen=True)
class Outcome:
    """What happened to one student's submission.

    Parameters
    ----------
    student : str
        The student's id (their folder in submitted/).
    graded : bool
        Whether nbgrader recorded a grade for it.
    message : str
        The points and any note, or why it could not be graded.

    Examples
    --------
    >>> Outcome("ann", False, "ex.ipynb is missing").graded
    False
    """

    student: str
    graded: bool
    message: str


def course_api(course: Path, timeout: int, unsafe: bool) -> NbGraderAPI:
    """nbgrader's API for the course, its nbgrader_config.py, the sandbox and the cell timeout.

    Parameters
    ----------
    course : Path
        The course directory, which holds nbgrader_config.py.
    timeout : int
        Seconds each cell may run.
    unsafe : bool
        Grade without bubblewrap.

    Returns
    -------
    NbGraderAPI
        Configured to autograde through :mod:`.preprocessors`, whatever the config says.

    Examples
    --------
    >>> import tempfile
    >>> course = Path(tempfile.mkdtemp())
    >>> _ = (course / "nbgrader_config.py").write_text("c.Autograde.autograde_preprocessors = []")
    >>> api = course_api(course, timeout=20, unsafe=False)
    >>> api.config.Autograde.autograde_preprocessors[0], api.config.SandboxedExecute.timeout
    ('s400_instructor.grading.preprocessors.SandboxedExecute', 20)
    """
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    use_sandbox(config)  # whatever the course's config says, grading goes through the sandbox
    config.SandboxedExecute.timeout = timeout
    config.SandboxedExecute.unsafe_no_sandbox = unsafe
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def grade(
    assignment: str,
    course: Path = Path("."),
    timeout: int = 30,
    regrade: bool = False,
    say: Callable[[str], None] = print,
    unsafe: bool = False,
) -> list[Outcome]:
    """Autograde every submission of ``assignment``, then write feedback and grades.csv.

    Parameters
    ----------
    assignment : str
        A folder of solutions/, such as ``ex03_reasoning``.
    course : Path, default the current folder
        The course directory.
    timeout : int, default 30
        Seconds each cell may run.
    regrade : bool, default False
        Grade every submission again, not only those not graded yet.
    say : callable, default print
        Where the progress lines go.
    unsafe : bool, default False
        Grade without bubblewrap; every progress line then says so.

    Returns
    -------
    list of Outcome
        One per student, in name order.

    Raises
    ------
    SystemExit
        When grading is refused (no sandbox) or the assignment or its registration is missing.

    Examples
    --------
    >>> import tempfile
    >>> course = Path(tempfile.mkdtemp())
    >>> (course / "solutions" / "ex01").mkdir(parents=True)
    >>> grade("ex02", course, unsafe=True)
    Traceback (most recent call last):
    ...
    SystemExit: No assignment 'ex02' in solutions/ (known: ex01).
    """
    course = course.resolve()
    prefix = UNSAFE if unsafe else ""
    why = None if unsafe else sandbox.refusal()
    if why:
        raise SystemExit(f"Grading refused: {why}")
    source = course / "solutions" / assignment
    if not source.is_dir():
        known = ", ".join(sorted(p.name for p in (course / "solutions").iterdir() if p.is_dir()))
        raise SystemExit(f"No assignment {assignment!r} in solutions/ (known: {known}).")
    notebooks = sorted(p.name for p in source.glob("*.ipynb"))
    # nbgrader's gradebook shells out to alembic, which lives beside this Python.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    # nbgrader 0.9.6 triggers harmless SQLAlchemy "not in session" warnings on every submission.
    warnings.filterwarnings("ignore", category=SAWarning)
    api = course_api(course, timeout, unsafe)
    setup = api.generate_assignment(assignment)
    if not setup["success"]:
        raise SystemExit(f"nbgrader could not register {assignment}: {last_error(setup['log'])}")

    students = sorted(
        p.parent.name for p in (course / "submitted").glob(f"*/{assignment}") if p.is_dir()
    )
    done_file = course / "autograded" / f"{assignment}.done"
    if regrade:
        done_file.unlink(missing_ok=True)
    done = set(done_file.read_text().split()) if done_file.exists() else set()
    where = "WITHOUT a sandbox" if unsafe else "each in a sandbox"
    say(
        f"{prefix}Grading {assignment}: {len(students)} submissions in submitted/, "
        f"{len(done & set(students))} already graded, timeout {timeout} s per cell, {where}."
    )

    outcomes = []
    for number, student in enumerate(students, 1):
        line = f"{prefix}[{number}/{len(students)}] {student}:"
        if student in done:
            outcomes.append(Outcome(student, True, "graded in an earlier run"))
            say(f"{line} graded in an earlier run ({points_summary(course, assignment, student)})")
            continue
        problems = submission_problems(course / "submitted" / student / assignment, notebooks)
        if problems:
            outcomes.append(Outcome(student, False, "; ".join(problems)))
            say(f"{line} NOT GRADED: {'; '.join(problems)}")
            continue
        run = api.autograde(assignment, student)
        if not run["success"]:
            outcomes.append(Outcome(student, False, last_error(run.get("log", ""))))
            say(f"{line} NOT GRADED: {outcomes[-1].message}")
            continue
        done_file.parent.mkdir(exist_ok=True)
        with done_file.open("a") as log:
            log.write(student + "\n")
        notes = grading_notes(run.get("log", ""))
        message = points_summary(course, assignment, student)
        outcomes.append(Outcome(student, True, message + "".join(f". Note: {n}" for n in notes)))
        say(f"{line} {outcomes[-1].message}")

    if any(o.graded for o in outcomes):
        feedback = api.generate_feedback(assignment)
        if not feedback["success"]:
            say(f"{prefix}Feedback failed: {last_error(feedback['log'])}")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        CsvExportPlugin(to=str(course / "grades.csv")).export(gradebook)
    failed = [o for o in outcomes if not o.graded]
    say(
        f"{prefix}Done: {len(outcomes) - len(failed)} graded, {len(failed)} not graded"
        f"{' (' + ', '.join(o.student for o in failed) + ')' if failed else ''}. "
        f"Feedback in feedback/<student>/{assignment}/, grades in grades.csv; "
        "grade the written answers in the Formgrader "
        "(make lab-instructor, then Nbgrader > Formgrader)."
    )
    return outcomes


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python -m s400_instructor.grading ASSIGNMENT [options]``.

    Parameters
    ----------
    argv : list of str, optional
        The arguments (the command line's by default); ``--help`` lists them.

    Returns
    -------
    int
        0 when every submission was graded, 1 otherwise.

    Examples
    --------
    >>> import tempfile
    >>> course = Path(tempfile.mkdtemp())
    >>> (course / "solutions" / "ex01").mkdir(parents=True)
    >>> main(["ex02", "--course", str(course), "--unsafe-no-sandbox"])
    Traceback (most recent call last):
    ...
    SystemExit: No assignment 'ex02' in solutions/ (known: ex01).
    """
    parser = argparse.ArgumentParser(
        prog="python -m s400_instructor.grading", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("assignment", help="e.g. ex03_reasoning (a folder of solutions/)")
    parser.add_argument(
        "--timeout", type=int, default=30, help="seconds per cell before it is stopped (30)"
    )
    parser.add_argument("--regrade", action="store_true", help="grade every submission again")
    parser.add_argument("--course", type=Path, default=Path("."), help="the course directory (.)")
    parser.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="grade without bubblewrap: student code runs with your rights (not for real grades)",
    )
    args = parser.parse_args(argv)
    outcomes = grade(
        args.assignment, args.course, args.timeout, args.regrade, unsafe=args.unsafe_no_sandbox
    )
    return 1 if any(not o.graded for o in outcomes) else 0
