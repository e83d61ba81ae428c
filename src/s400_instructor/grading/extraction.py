"""What goes into the sandbox and what comes back out of it.

:func:`build_job` turns a notebook about to be graded into the runner's job: its code cells in
order, except the check cells, which hold the hidden tests and so never enter the sandbox; each
becomes the place where the runner reads that question's answer variable.

:func:`read_events` turns what the runner wrote (untrusted bytes) into data the grader can use:
complete JSON lines only, answers only for the variables asked for and only as plain JSON,
outputs only of nbformat's kinds with text, PNG or JPEG data. HTML, SVG, JavaScript and widget
outputs are dropped: the Formgrader would show them to the instructor as live HTML.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from nbformat import NotebookNode
from nbformat.v4 import new_output

from s400_instructor.grading.checking import Key

#: Size caps the runner keeps to (characters of output per cell and in all).
CAPS = {"cell_chars": 100_000, "total_chars": 4_000_000}
SAFE_DATA = ("text/plain", "image/png", "image/jpeg")
MAX_NOTE = 300  # characters of a reason the runner gives for an invalid answer


@dataclass(frozen=True)
class Job:
    """The runner's cells (``{"code": ...}`` or ``{"extract": [name]}``) and where each sits.

    Parameters
    ----------
    cells : list of dict
        What the runner does, in order: run ``{"code": source}``, or read the answer variables
        of ``{"extract": [name]}``.
    where : list of int
        The notebook cell index of each job cell.

    Examples
    --------
    A notebook whose cell 0 is markdown, cell 1 the answer and cell 2 its check:

    >>> job = Job([{"code": "answer = 6 + 7"}, {"extract": ["answer"]}], where=[1, 2])
    >>> job.where[1], job.cells[1]
    (2, {'extract': ['answer']})
    """

    cells: list[dict[str, Any]]
    where: list[int]  # the notebook cell index of each job cell


@dataclass
class Run:
    """What a sandboxed run reported, checked: by notebook cell index.

    Parameters
    ----------
    outputs : dict of int to list of NotebookNode, optional
        The outputs of each code cell, rebuilt from their allowed fields.
    counts : dict of int to int, optional
        The execution count of each code cell.
    answers : dict of int to dict, optional
        The answer read at each check cell, in one of the runner's forms (see
        :func:`s400_instructor.grading.checking.judge`).
    complete : bool, default False
        Whether the runner reported the end of the job.
    reached : int, default -1
        The index in the job of the last cell reported (-1: none).

    Examples
    --------
    A run that reported nothing, such as one that never started:

    >>> run = Run()
    >>> run.answers, run.complete, run.reached
    ({}, False, -1)
    """

    outputs: dict[int, list[NotebookNode]] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)
    answers: dict[int, dict[str, Any]] = field(default_factory=dict)  # check cell -> answer
    complete: bool = False
    reached: int = -1  # the last job cell reported


def build_job(cells: list[NotebookNode], keys: dict[int, Key]) -> Job:
    """The job for ``cells``; ``keys`` maps each check cell's index to its hidden key.

    Parameters
    ----------
    cells : list of NotebookNode
        The notebook's cells, as nbgrader is about to grade them.
    keys : dict of int to Key
        The hidden key of each check cell, by cell index.

    Returns
    -------
    Job
        The code cells in order, each check cell replaced by the reading of its answer
        variable; markdown cells are left out.

    Raises
    ------
    ValueError
        If a cell that is not a check cell holds hidden tests, which must not enter the sandbox.

    Examples
    --------
    >>> from nbformat.v4 import new_code_cell, new_markdown_cell
    >>> hidden = "### BEGIN HIDDEN TESTS\\nexpect_count(answer, 13)\\n### END HIDDEN TESTS"
    >>> check = new_code_cell('check("q1", answer)\\n' + hidden)
    >>> cells = [new_markdown_cell("# Q1"), new_code_cell("answer = 6 + 7"), check]
    >>> build_job(cells, {2: Key("expect_count", "answer", (13,))})
    Job(cells=[{'code': 'answer = 6 + 7'}, {'extract': ['answer']}], where=[1, 2])
    >>> build_job(cells, {})
    Traceback (most recent call last):
    ...
    ValueError: cell 2 holds hidden tests but is not a graded check cell
    """
    job, where = [], []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        if index in keys:
            job.append({"extract": [keys[index].name]})
        elif "HIDDEN TESTS" in cell.source:
            raise ValueError(f"cell {index} holds hidden tests but is not a graded check cell")
        else:
            job.append({"code": cell.source})
        where.append(index)
    return Job(job, where)


def _plain_json(value: Any, depth: int = 0) -> bool:
    if depth > 25:
        return False
    if isinstance(value, list):
        return all(_plain_json(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_plain_json(v, depth + 1) for v in value.values())
    return value is None or isinstance(value, bool | int | float | str)


def _answer(reported: Any) -> dict[str, Any]:
    """One reported answer, as one of the runner's four forms, or invalid."""
    if isinstance(reported, dict) and len(reported) == 1:
        ((kind, value),) = reported.items()
        if kind in ("unanswered", "undefined") and value is True:
            return {kind: True}
        if kind == "invalid" and isinstance(value, str):
            return {"invalid": value[:MAX_NOTE]}
        if kind == "value" and _plain_json(value):
            return {"value": value}
    return {"invalid": "the answer could not be read"}


def _base64(text: str) -> bool:
    """Whether ``text`` is base64 and nothing else (it goes into an <img src="data:...">).

    >>> _base64("iVBORw0KGgo=\\n"), _base64('x"><script>')
    (True, False)
    """
    try:
        base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _output(item: Any) -> NotebookNode | None:
    """One reported output rebuilt from its allowed fields, or None."""
    if not isinstance(item, dict):
        return None
    kind = item.get("output_type")
    if kind == "stream" and item.get("name") in ("stdout", "stderr"):
        if isinstance(item.get("text"), str):
            return new_output("stream", name=item["name"], text=item["text"])
    elif kind == "error":
        trace = item.get("traceback")
        if isinstance(trace, list) and all(isinstance(line, str) for line in trace):
            ename, evalue = str(item.get("ename", "Error")), str(item.get("evalue", ""))
            return new_output("error", ename=ename, evalue=evalue, traceback=trace)
    elif kind in ("display_data", "execute_result") and isinstance(item.get("data"), dict):
        data = {
            mime: text
            for mime, text in item["data"].items()
            if mime in SAFE_DATA
            and isinstance(text, str)
            and (mime == "text/plain" or _base64(text))
        }
        if data and kind == "display_data":
            return new_output("display_data", data=data)
        if data:
            count = item.get("execution_count")
            return new_output(
                "execute_result", data=data, execution_count=count if type(count) is int else None
            )
    return None


def read_events(raw: bytes, job: Job) -> Run:
    """The runner's JSON lines checked against ``job``; anything else in ``raw`` is ignored.

    Parameters
    ----------
    raw : bytes
        What the runner wrote on its stdout (untrusted: the student's code ran in it).
    job : Job
        The job it was given: which job cells are code, which are answers, and where they sit.

    Returns
    -------
    Run
        The first report of each cell, by notebook cell index; outputs other than text, PNG or
        JPEG dropped, answers not of plain JSON made invalid.

    Examples
    --------
    A report with a line that is not JSON and an HTML output, both dropped:

    >>> job = Job([{"code": "answer = 6 + 7"}, {"extract": ["answer"]}], where=[1, 2])
    >>> lines = [
    ...     b'{"cell": 0, "count": 1, "outputs": [{"output_type": "display_data",'
    ...     b' "data": {"text/html": "<script>"}}]}',
    ...     b"not json",
    ...     b'{"cell": 1, "answers": {"answer": {"value": 13}}}',
    ...     b'{"end": "complete"}',
    ... ]
    >>> run = read_events(b"\\n".join(lines), job)
    >>> run.outputs, run.counts, run.answers, run.complete, run.reached
    ({1: []}, {1: 1}, {2: {'value': 13}}, True, 1)
    """
    run = Run()
    for line in raw.split(b"\n"):
        try:
            event = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if not isinstance(event, dict):
            continue
        if event == {"end": "complete"}:
            run.complete = True
            continue
        number = event.get("cell")
        if type(number) is not int or not 0 <= number < len(job.cells):
            continue
        cell, index = job.cells[number], job.where[number]
        if "extract" in cell and isinstance(event.get("answers"), dict):
            (name,) = cell["extract"]
            run.answers.setdefault(index, _answer(event["answers"].get(name)))
        elif "code" in cell and isinstance(event.get("outputs"), list):
            run.outputs.setdefault(index, [o for o in map(_output, event["outputs"]) if o])
            if type(event.get("count")) is int:
                run.counts.setdefault(index, event["count"])
        else:
            continue
        run.reached = max(run.reached, number)
    return run
