"""Batch grading with nbgrader: one submission at a time, a progress line each, rerunnable.

``python -m s400.grading ex03_reasoning`` (what ``make grade ASSIGNMENT=ex03_reasoning`` runs) in
the course directory (the repository root, see nbgrader_config.py):

1. registers the assignment from solutions/ in the gradebook (nbgrader's generate_assignment);
2. autogrades each submission in submitted/<student>/<assignment>/ (nbgrader's autograde) with a
   per-cell timeout, printing one line per student. A submission that cannot be graded (a notebook
   missing, empty or not valid JSON) is reported with the student's name; the others go on;
3. writes feedback/<student>/<assignment>/*.html (generate_feedback) and grades.csv (nbgrader's CSV
   export).

It drives nbgrader through its Python API (``NbGraderAPI``, which the command line and the
Formgrader also use) in one process: starting the ``nbgrader`` command once per submission cost
more than grading the submission itself.

Each graded student is appended to autograded/<assignment>.done once nbgrader has recorded the
grade, so an interrupted run picks up where it stopped; ``--regrade`` starts again.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from nbformat import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.plugins import CsvExportPlugin
from nbgrader.preprocessors import ClearHiddenTests
from sqlalchemy.exc import SAWarning
from traitlets.config.loader import PyFileConfigLoader


class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: drop hidden tests from the code and their answer keys from tracebacks.

    nbgrader's feedback otherwise shows the restored hidden tests (upstream issues #917, #1363).
    """

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


@dataclass(frozen=True)
class Outcome:
    """What happened to one student's submission."""

    student: str
    graded: bool
    message: str


def submission_problems(folder: Path, notebooks: list[str]) -> list[str]:
    """Why a submission folder cannot be graded: missing, empty or unreadable notebooks (empty: fine).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "ex.ipynb").write_text("{not json")
    ...     submission_problems(Path(tmp), ["ex.ipynb", "other.ipynb"])
    ['ex.ipynb is not a valid notebook (not JSON: line 1, column 2)', 'other.ipynb is missing']
    """
    problems = []
    for name in notebooks:
        path = folder / name
        if not path.exists():
            problems.append(f"{name} is missing")
        elif path.stat().st_size == 0:
            problems.append(f"{name} is empty (0 bytes)")
        else:
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                where = (
                    f": line {error.lineno}, column {error.colno}"
                    if isinstance(error, json.JSONDecodeError)
                    else ""
                )
                problems.append(f"{name} is not a valid notebook (not JSON{where})")
                continue
            if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
                problems.append(f"{name} is not a valid notebook (no list of cells)")
    return problems


def last_error(log: str) -> str:
    """The most telling line of a failed nbgrader run's log.

    >>> last_error("[INFO] Sanitizing\\n[ERROR] There was an error processing assignment\\n")
    '[ERROR] There was an error processing assignment'
    """
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Error" in line]
    return (errors or lines or ["nbgrader failed without a message"])[-1]


def score(course: Path, assignment: str, student: str) -> str:
    """'5/7 checked automatically; written: 3 points to grade by hand', read from the gradebook."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        grades = [
            g
            for notebook in gradebook.find_submission(assignment, student).notebooks
            for g in notebook.grades
        ]
        checked = [g for g in grades if g.cell.cell_type == "code"]
        written = [g for g in grades if g.cell.cell_type != "code"]
        text = f"{sum(g.score for g in checked):g}/{sum(g.max_score for g in checked):g} checked automatically"
        if written:
            unanswered = [
                g for g in written if g.auto_score == 0
            ]  # nbgrader scores an untouched answer 0
            to_grade = sum(
                g.max_score for g in written if g not in unanswered and g.manual_score is None
            )
            text += (f"; written: {to_grade:g} points to grade by hand" if to_grade else "") + (
                f"; {len(unanswered)} written answer(s) left blank" if unanswered else ""
            )
    return text


def course_api(course: Path, timeout: int) -> NbGraderAPI:
    """nbgrader's API for the course directory, with its nbgrader_config.py and the cell timeout."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.Execute.timeout = timeout
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def grade(
    assignment: str, course: Path = Path("."), timeout: int = 30, regrade: bool = False, say=print
) -> list[Outcome]:
    """Autograde every submission of ``assignment``, then write feedback and grades.csv."""
    course = course.resolve()
    source = course / "solutions" / assignment
    if not source.is_dir():
        known = ", ".join(sorted(p.name for p in (course / "solutions").iterdir() if p.is_dir()))
        raise SystemExit(f"No assignment {assignment!r} in solutions/ (known: {known}).")
    notebooks = sorted(p.name for p in source.glob("*.ipynb"))
    # nbgrader's gradebook shells out to alembic, which lives beside this Python.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    # nbgrader 0.9.6 triggers harmless SQLAlchemy "not in session" warnings on every submission.
    warnings.filterwarnings("ignore", category=SAWarning)
    api = course_api(course, timeout)
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
    say(
        f"Grading {assignment}: {len(students)} submissions in submitted/, "
        f"{len(done & set(students))} already graded, timeout {timeout} s per cell."
    )

    outcomes = []
    for number, student in enumerate(students, 1):
        prefix = f"[{number}/{len(students)}] {student}:"
        if student in done:
            outcomes.append(Outcome(student, True, "graded in an earlier run"))
            say(f"{prefix} graded in an earlier run ({score(course, assignment, student)})")
            continue
        problems = submission_problems(course / "submitted" / student / assignment, notebooks)
        if problems:
            outcomes.append(Outcome(student, False, "; ".join(problems)))
            say(f"{prefix} NOT GRADED: {'; '.join(problems)}")
            continue
        run = api.autograde(assignment, student)
        if not run["success"]:
            outcomes.append(Outcome(student, False, last_error(run["log"])))
            say(f"{prefix} NOT GRADED: {outcomes[-1].message}")
            continue
        with done_file.open("a") as log:
            log.write(student + "\n")
        outcomes.append(Outcome(student, True, score(course, assignment, student)))
        say(f"{prefix} {outcomes[-1].message}")

    feedback = api.generate_feedback(assignment)
    if not feedback["success"]:
        say(f"Feedback failed: {last_error(feedback['log'])}")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        CsvExportPlugin(to=str(course / "grades.csv")).export(gradebook)
    failed = [o for o in outcomes if not o.graded]
    say(
        f"Done: {len(outcomes) - len(failed)} graded, {len(failed)} not graded"
        f"{' (' + ', '.join(o.student for o in failed) + ')' if failed else ''}. "
        f"Feedback in feedback/<student>/{assignment}/, grades in grades.csv; "
        "grade the written answers in the Formgrader (JupyterLab: Nbgrader > Formgrader)."
    )
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m s400.grading", description=__doc__.splitlines()[0]
    )
    parser.add_argument("assignment", help="e.g. ex03_reasoning (a folder of solutions/)")
    parser.add_argument(
        "--timeout", type=int, default=30, help="seconds per cell before it is stopped (30)"
    )
    parser.add_argument("--regrade", action="store_true", help="grade every submission again")
    parser.add_argument("--course", type=Path, default=Path("."), help="the course directory (.)")
    args = parser.parse_args(argv)
    outcomes = grade(args.assignment, args.course, args.timeout, args.regrade)
    return 1 if any(not o.graded for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
