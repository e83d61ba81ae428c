"""What a batch run (:mod:`.batch`) says about each submission, in one line each.

Before grading, why a submission folder cannot be graded; after, nbgrader's most telling error,
the notes the preprocessors logged, and the points read back from the gradebook.
"""

from __future__ import annotations

import json
from pathlib import Path

from nbgrader.api import Gradebook


def submission_problems(folder: Path, notebooks: list[str]) -> list[str]:
    """Why a submission folder cannot be graded: missing, empty or unreadable notebooks, links.

    Parameters
    ----------
    folder : Path
        The submission: submitted/<student>/<assignment>/.
    notebooks : list of str
        The file names of the assignment's notebooks.

    Returns
    -------
    list of str
        One reason per notebook that cannot be graded (empty: the submission can be graded).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "ex.ipynb").write_text("{not json")  # wrong at its 2nd character
    ...     submission_problems(Path(tmp), ["ex.ipynb", "other.ipynb"])
    ['ex.ipynb is not a valid notebook (not JSON: line 1, column 2)', 'other.ipynb is missing']
    """
    links = [p.name for p in [folder, *folder.rglob("*")] if p.is_symlink()]
    if links:
        return [f"the submission holds links ({', '.join(links[:3])}), which grading refuses"]
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
            except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
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

    Parameters
    ----------
    log : str
        What nbgrader logged.

    Returns
    -------
    str
        The last line with an error in it, preferring one that is not a "see above" line.

    Examples
    --------
    >>> last_error("[INFO] Sanitizing\\n[ERROR] There was an error processing assignment\\n")
    '[ERROR] There was an error processing assignment'
    """
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Error" in line]
    telling = [
        line for line in errors if "Please see" not in line and "error processing" not in line
    ]
    return (telling or errors or lines or ["nbgrader failed without a message"])[-1]


def grading_notes(log: str) -> list[str]:
    """The notes the preprocessors logged about one submission.

    Parameters
    ----------
    log : str
        What nbgrader logged while autograding it.

    Returns
    -------
    list of str
        The text after each ``Grading note: ``, in order.

    Examples
    --------
    >>> grading_notes("[INFO] x\\n[WARNING] Grading note: the cell 'setup' was missing\\n")
    ["the cell 'setup' was missing"]
    """
    return [
        line.split("Grading note: ", 1)[1] for line in log.splitlines() if "Grading note: " in line
    ]


def points_summary(course: Path, assignment: str, student: str) -> str:
    """'5/7 checked automatically; written: 3 points to grade by hand', read from the gradebook.

    Parameters
    ----------
    course : Path
        The course directory, which holds gradebook.db.
    assignment, student : str
        Whose submission of which assignment.

    Returns
    -------
    str
        The points of the checked cells, and what is left to grade by hand or left blank.

    Examples
    --------
    A gradebook with a check worth 2 points and a written answer worth 3, neither scored yet
    (a new gradebook runs the alembic command, installed beside this Python):

    >>> import os, sys, tempfile
    >>> from unittest import mock
    >>> course, bin = Path(tempfile.mkdtemp()), str(Path(sys.executable).parent)
    >>> with mock.patch.dict(os.environ, PATH=bin):
    ...     with Gradebook(f"sqlite:///{course}/gradebook.db") as book:
    ...         _ = book.add_assignment("ex"), book.add_notebook("nb", "ex")
    ...         _ = book.add_grade_cell("q1", "nb", "ex", max_score=2, cell_type="code")
    ...         _ = book.add_grade_cell("w1", "nb", "ex", max_score=3, cell_type="markdown")
    ...         _ = book.add_student("ann"), book.add_submission("ex", "ann")
    >>> points_summary(course, "ex", "ann")
    '0/2 checked automatically; written: 3 points to grade by hand'
    """
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        grades = [
            (g.cell.cell_type, g.score, g.max_score, g.auto_score, g.manual_score)
            for notebook in gradebook.find_submission(assignment, student).notebooks
            for g in notebook.grades
        ]
    checked = [g for g in grades if g[0] == "code"]
    written = [g for g in grades if g[0] != "code"]
    text = f"{sum(g[1] for g in checked):g}/{sum(g[2] for g in checked):g} checked automatically"
    blank = [g for g in written if g[3] == 0]  # nbgrader scores an untouched answer 0
    to_grade = sum(g[2] for g in written if g not in blank and g[4] is None)
    if to_grade:
        text += f"; written: {to_grade:g} points to grade by hand"
    if blank:
        text += f"; {len(blank)} written answer(s) left blank"
    return text
