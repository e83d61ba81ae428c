"""nbgrader preprocessors that make autograding safe from the code it grades.

:func:`use_sandbox` puts them into an nbgrader configuration (nbgrader_config.py calls it), so
``make grade``, ``nbgrader autograde`` and the Formgrader's autograde button all grade alike:

- :class:`MatchRelease` runs first when nbgrader copies a submission in: it matches the cells to
  the exercise (:mod:`matching`) so tampered metadata costs nothing but a note;
- :class:`SandboxedExecute` replaces nbgrader's ``Execute``: no kernel runs the notebook; the
  student's code runs in the sandbox (:mod:`sandbox`, :mod:`runner`), the answers come out as
  plain data (:mod:`extraction`) and the hidden keys judge them in a fresh process
  (:mod:`checking`). nbgrader then scores the check cells from the outputs written here, as it
  would from a kernel's, and keeps the gradebook, the Formgrader, feedback and export;
- :class:`HideHiddenTests` keeps the hidden tests and their answer keys out of the feedback.

Each note (a repaired cell, a run that stopped early) is logged as ``Grading note: ...`` (the
batch driver prints them on the student's progress line) and listed in a markdown cell at the top
of the autograded notebook, which the Formgrader and the feedback show.
"""

from __future__ import annotations

import html
import signal
from functools import cache
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell, new_output
from nbgrader import utils
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearHiddenTests, NbGraderPreprocessor
from traitlets import Bool, Integer
from traitlets.config import Config

from s400_instructor.grading import sandbox
from s400_instructor.grading.checking import judge_all, read_key
from s400_instructor.grading.extraction import CAPS, build_job, read_events
from s400_instructor.grading.matching import restore

NOTES = "s400_grading_notes"  # metadata flag of the notes cell
HERE = "s400_instructor.grading.preprocessors"


def use_sandbox(c: Config) -> None:
    """Configure nbgrader to autograde through these preprocessors (nbgrader's own otherwise).

    Parameters
    ----------
    c : Config
        The nbgrader configuration to change (``get_config()`` in nbgrader_config.py).

    Examples
    --------
    >>> c = Config()
    >>> use_sandbox(c)
    >>> [name.rsplit(".", 1)[1] for name in c.Autograde.autograde_preprocessors[:2]]
    ['SandboxedExecute', 'IgnorePattern']
    """
    c.Autograde.sanitize_preprocessors = [
        f"{HERE}.MatchRelease",
        "nbgrader.preprocessors.ClearOutput",
        "nbgrader.preprocessors.DeduplicateIds",
        "nbgrader.preprocessors.OverwriteKernelspec",
        "nbgrader.preprocessors.OverwriteCells",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]
    c.Autograde.autograde_preprocessors = [
        f"{HERE}.SandboxedExecute",
        "nbgrader.preprocessors.IgnorePattern",
        "nbconvert.preprocessors.ClearMetadataPreprocessor",
        "nbgrader.preprocessors.LimitOutput",
        "nbgrader.preprocessors.SaveAutoGrades",
        "nbgrader.preprocessors.AssignLatePenalties",
        "nbgrader.preprocessors.CheckCellMetadata",
    ]


def add_notes(nb: NotebookNode, notes: list[str], log) -> None:
    """Log ``notes`` and list them in the notes cell at the top of ``nb`` (made if missing).

    Parameters
    ----------
    nb : NotebookNode
        The notebook being graded; changed in place.
    notes : list of str
        The notes, each a sentence in plain words without its capital and full stop.
    log : logging.Logger
        Where each note is logged as a warning, ``Grading note: ...`` (nbgrader's log).

    Examples
    --------
    Each note becomes a sentence of a markdown list, HTML-escaped so that it shows as text.

    >>> import logging
    >>> import sys
    >>> from nbformat.v4 import new_code_cell, new_notebook
    >>> log = logging.Logger("grading")
    >>> log.addHandler(logging.StreamHandler(sys.stdout))
    >>> nb = new_notebook(cells=[new_code_cell("answer = 13")])
    >>> add_notes(nb, ["the cell 'setup' was missing", "<b>one</b> more"], log)
    Grading note: the cell 'setup' was missing
    Grading note: <b>one</b> more
    >>> print(nb.cells[0].source)
    **Notes from grading**
    <BLANKLINE>
    - The cell &#x27;setup&#x27; was missing.
    - &lt;b&gt;one&lt;/b&gt; more.
    """
    if not notes:
        return
    for note in notes:
        log.warning("Grading note: %s", note)
    if not nb.cells or not nb.cells[0].metadata.get(NOTES):
        cell = new_markdown_cell("**Notes from grading**\n")
        cell.metadata[NOTES] = True
        nb.cells.insert(0, cell)
    nb.cells[0].source += "".join(
        f"\n- {html.escape(note[:1].upper() + note[1:])}." for note in notes
    )


class MatchRelease(NbGraderPreprocessor):
    """Give each submitted cell the exercise's grading metadata back (see :mod:`matching`).

    Parameters
    ----------
    **kw
        traitlets' keyword arguments, such as ``config``: nbgrader makes it from its own.

    Examples
    --------
    >>> MatchRelease(config=Config()).enabled
    True
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple:
        """Restore the grading metadata of ``nb`` from the exercise's source notebook.

        Parameters
        ----------
        nb : NotebookNode
            The submitted notebook, as nbgrader copies it in; changed in place.
        resources : dict
            nbgrader's, whose ``nbgrader`` entry names the assignment and the notebook.

        Returns
        -------
        tuple
            ``nb``, its cells matched to the exercise's (a note cell on top for any repair),
            and ``resources``.

        Examples
        --------
        The student changed the answer cell's grade_id; the exercise's comes back.

        >>> import tempfile
        >>> from nbformat.v4 import new_code_cell, new_notebook
        >>> course = Path(tempfile.mkdtemp())
        >>> (course / "solutions" / "ex").mkdir(parents=True)
        >>> def notebook(code, name):
        ...     marks = {"nbgrader": {"grade_id": name, "solution": True}}
        ...     return new_notebook(cells=[new_code_cell(code, id="a1", metadata=marks)])
        >>> nbformat.write(notebook("answer = ...", "q1"), course / "solutions/ex/ex.ipynb")
        >>> config = Config()
        >>> config.CourseDirectory.root = str(course)
        >>> config.CourseDirectory.source_directory = "solutions"
        >>> resources = {"nbgrader": {"assignment": "ex", "notebook": "ex"}}
        >>> submitted = notebook("answer = 13", "mine")
        >>> nb, _ = MatchRelease(config=config).preprocess(submitted, resources)
        >>> nb.cells[0].source.splitlines()[0], nb.cells[1].metadata.nbgrader["grade_id"]
        ('**Notes from grading**', 'q1')
        """
        course = CourseDirectory(config=self.config)
        info = resources["nbgrader"]
        folder = course.format_path(course.source_directory, ".", info["assignment"])
        source = nbformat.read(Path(folder) / f"{info['notebook']}.ipynb", as_version=4)
        nb.cells, notes = restore(source.cells, nb.cells)
        add_notes(nb, notes, self.log)
        return nb, resources


@cache
def _refusal() -> str | None:
    return sandbox.refusal()


def _ending(finished: sandbox.Finished, cell: NotebookNode | None, limits: sandbox.Limits) -> str:
    """Why a run stopped before its end, in the student's terms."""
    status = finished.status or 0
    number = -status if status < 0 else status - 128  # bwrap reports a signal as 128 + its number
    if finished.ended == "timed out":
        why = f"ran past its time limit ({limits.cell_seconds} s per cell) and was stopped"
    elif finished.ended == "too much output":
        why = f"printed more than {limits.output_mb} MB and was stopped"
    elif number in signal.valid_signals():
        why = f"was ended by the signal {signal.Signals(number).name}" + (
            " (it used up its CPU time)" if number == signal.SIGXCPU else ""
        )
    else:
        why = f"ended by itself (exit status {status})"
    if cell is not None:
        grade_id = _marks_name(cell)
        why += f" in the cell {grade_id!r}" if grade_id else f" in the cell {cell.source[:30]!r}"
    return f"the Python process running the notebook {why}; the checks after it could not run"


def _own_files(course: CourseDirectory, student: str, assignment: str) -> Path | None:
    """The student's submitted folder, or None if a link leads to it (never bound)."""
    folder = Path(course.format_path(course.submitted_directory, student, assignment))
    submitted = Path(course.root, course.submitted_directory).resolve()
    linked = folder.is_symlink() or not folder.resolve().is_relative_to(submitted)
    return None if linked else folder


def _verdict(ok: bool, message: str) -> NotebookNode:
    """A check cell's output: nbgrader scores an error 0 and anything else full points."""
    if ok:
        return new_output("stream", name="stdout", text="Correct.\n")
    return new_output(
        "error", ename="NotYetCorrect", evalue=message, traceback=[f"NotYetCorrect: {message}"]
    )


def _marks_name(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


class SandboxedExecute(NbGraderPreprocessor):
    """Grade without running student code in the grader: sandbox, extract, check outside.

    Parameters
    ----------
    **kw
        traitlets' keyword arguments: ``config``, and the traits ``timeout`` (seconds each cell
        may run, 30), ``memory_mb`` (the address space of the sandboxed process, 2048) and
        ``unsafe_no_sandbox`` (run without bubblewrap, False).

    Examples
    --------
    >>> SandboxedExecute(timeout=20).timeout, SandboxedExecute().unsafe_no_sandbox
    (20, False)
    """

    timeout = Integer(30, help="Seconds each cell may run in the sandbox.").tag(config=True)
    memory_mb = Integer(2048, help="Address space of the sandboxed process, MiB.").tag(config=True)
    unsafe_no_sandbox = Bool(
        False, help="Run student code without bubblewrap (it then sees all the grader sees)."
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple:
        """Run the student's code in the sandbox, then judge its answers outside it.

        Parameters
        ----------
        nb : NotebookNode
            The submission, its metadata restored; changed in place.
        resources : dict
            nbgrader's, whose ``nbgrader`` entry names the student and the assignment.

        Returns
        -------
        tuple
            ``nb`` with the outputs of the student's cells, each check cell's verdict as its
            output ("Correct." or a NotYetCorrect error) and a note for a run that stopped
            early; and ``resources``.

        Raises
        ------
        RuntimeError
            When grading is refused (no sandbox and not ``unsafe_no_sandbox``), or the sandbox
            did not start.

        Examples
        --------
        Without bubblewrap, 6 + 7 is 13, which the check's key expects.

        >>> import tempfile
        >>> from nbformat.v4 import new_code_cell, new_notebook
        >>> hidden = "### BEGIN HIDDEN TESTS\\nexpect_count(answer, 13)\\n### END HIDDEN TESTS"
        >>> check = new_code_cell(f"check('q1', answer)\\n{hidden}")
        >>> check.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "c1"}
        >>> nb = new_notebook(cells=[new_code_cell("answer = 6 + 7"), check])
        >>> config = Config()
        >>> config.CourseDirectory.root = tempfile.mkdtemp()
        >>> grader = SandboxedExecute(config=config, unsafe_no_sandbox=True)
        >>> nb, _ = grader.preprocess(nb, {"nbgrader": {"student": "ann", "assignment": "ex"}})
        >>> nb.cells[0].execution_count, nb.cells[1].outputs[0].text
        (1, 'Correct.\\n')
        """
        if not self.unsafe_no_sandbox and (why := _refusal()):
            raise RuntimeError(f"Grading refused: {why}")
        course = CourseDirectory(config=self.config)
        info = resources["nbgrader"]
        keys = {
            i: read_key(cell.source)
            for i, cell in enumerate(nb.cells)
            if utils.is_grade(cell) and not utils.is_solution(cell) and cell.cell_type == "code"
        }
        job = build_job(nb.cells, keys)
        limits = sandbox.Limits(cell_seconds=self.timeout, memory_mb=self.memory_mb)
        finished = sandbox.run(
            {"cells": job.cells, "timeout": self.timeout, "caps": CAPS},
            sandbox.notebook_views(),
            Path(course.root).resolve(),
            _own_files(course, info["student"], info["assignment"]),
            limits,
            unsafe=self.unsafe_no_sandbox,
        )
        run = read_events(finished.stdout, job)
        if run.reached < 0 and finished.stderr:
            raise RuntimeError(f"The sandbox did not start: {finished.stderr[-500:]}")
        for index, outputs in run.outputs.items():
            nb.cells[index].outputs = outputs
            nb.cells[index].execution_count = run.counts.get(index)
        verdicts = judge_all([(key, run.answers.get(i)) for i, key in keys.items()])
        for index, (ok, message) in zip(keys, verdicts, strict=True):
            nb.cells[index].outputs = [_verdict(ok, message)]
        if finished.ended != "exited" or not run.complete:
            stopped = job.where[run.reached + 1] if run.reached + 1 < len(job.where) else None
            cell = nb.cells[stopped] if stopped is not None else None
            add_notes(nb, [_ending(finished, cell, limits)], self.log)
        return nb, resources


class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: drop hidden tests from the code and their answer keys from tracebacks.

    nbgrader's feedback otherwise shows the restored hidden tests (upstream issues #917, #1363).

    Parameters
    ----------
    **kw
        traitlets' keyword arguments, such as ``config``: nbgrader makes it from its own.

    Examples
    --------
    nbgrader_config.py lists it among the preprocessors of GenerateFeedback.

    >>> HideHiddenTests(config=Config()).enforce_metadata  # as nbgrader's ClearHiddenTests
    True
    """

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        """The cell without its hidden tests; a check cell's error without its traceback.

        Parameters
        ----------
        cell : NotebookNode
            One cell of the autograded notebook.
        resources : dict
            nbgrader's, passed on.
        cell_index : int
            The cell's index in the notebook.

        Returns
        -------
        tuple
            The cell (changed in place) and ``resources``.

        Examples
        --------
        The traceback's first line shows the hidden test's call, and so its key.

        >>> from nbformat.v4 import new_code_cell, new_output
        >>> hidden = "### BEGIN HIDDEN TESTS\\nexpect_count(answer, 13)\\n### END HIDDEN TESTS"
        >>> error = new_output("error", ename="NotYetCorrect", evalue="Not yet: 12 is too few.",
        ...                    traceback=["expect_count(answer, 13)", "NotYetCorrect: ..."])
        >>> cell = new_code_cell(f"check('q1', answer)\\n{hidden}", outputs=[error])
        >>> cell.metadata.nbgrader = {"grade": True, "solution": False, "grade_id": "c1"}
        >>> cell, _ = HideHiddenTests().preprocess_cell(cell, {}, 0)
        >>> cell.source, cell.outputs[0].traceback
        ("check('q1', answer)", ['NotYetCorrect: Not yet: 12 is too few.'])
        """
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources
