"""Which cell of a submission is which cell of the exercise, whatever its grading metadata says.

nbgrader reads a submission's questions from the metadata the student's file carries, and refused
the whole notebook ("Please see the above traceback") when a student renamed a cell's grade_id,
turned an answer cell into a test cell or added a test cell of their own. :func:`restore`
matches each submitted cell to the exercise's source notebook instead: by its cell id, then by
its nbgrader name, then by its position between cells already matched. A matched cell gets the
exercise's metadata back; a cell that matches nothing loses any grading metadata it claims (its
code still runs, as the student's own, for no points); a locked cell the student deleted comes
back in its place. Each repair is a note in plain words.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any

from nbformat import NotebookNode

GRADING_KEYS = ("grade_id", "grade", "solution", "locked", "task", "points")


def _marks(cell: NotebookNode) -> dict[str, Any]:
    """The cell's nbgrader metadata, whatever shape the student left it in."""
    marks = cell.metadata.get("nbgrader")
    return dict(marks) if isinstance(marks, dict) else {}


def _name(cell: NotebookNode) -> str | None:
    name = _marks(cell).get("grade_id")
    return name if isinstance(name, str) else None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _changed(submitted: NotebookNode, source: NotebookNode) -> list[str]:
    """The grading keys on which the submitted cell's metadata differs from the exercise's."""
    mine, theirs = _marks(submitted), _marks(source)
    return [
        key
        for key in GRADING_KEYS
        if (mine.get(key) or False) != (theirs.get(key) or False)
        and not (key == "points" and not mine.get("grade") and not theirs.get("grade"))
    ]


def pair(source: list[NotebookNode], submitted: list[NotebookNode]) -> dict[int, int]:
    """submitted cell index -> source cell index: by cell id, then grade_id, then position.

    Position pairs a graded source cell left unmatched with an unmatched submitted cell of the
    same type between the same two matched neighbours: the first that carries grading metadata,
    else the first.

    Parameters
    ----------
    source : list of NotebookNode
        The exercise's cells (the instructor's source notebook).
    submitted : list of NotebookNode
        The student's cells.

    Returns
    -------
    dict of int to int
        For each submitted cell matched, the index of its source cell; each source cell is
        matched at most once.

    Examples
    --------
    The student added a cell and gave the answer cell a new id and a new grade_id. The
    introduction and the check cell keep their ids; the answer cell is found by position, the
    cell with grading marks between those two being preferred to the new one.

    >>> from nbformat.v4 import new_code_cell, new_markdown_cell
    >>> def cell(source, id, **marks):
    ...     return new_code_cell(source, id=id, metadata={"nbgrader": marks} if marks else {})
    >>> source = [
    ...     new_markdown_cell("# Exercise", id="intro"),
    ...     cell("answer = ...", "a1", grade_id="q1", solution=True),
    ...     cell("check(answer)", "c1", grade_id="q1_check", grade=True, locked=True, points=1),
    ... ]
    >>> submitted = [
    ...     new_markdown_cell("# Exercise", id="intro"),
    ...     cell("print('trying')", "new"),
    ...     cell("answer = 13", "x9", grade_id="mine", solution=True),
    ...     cell("check(answer)", "c1", grade_id="q1_check", grade=True, locked=True, points=1),
    ... ]
    >>> sorted(pair(source, submitted).items())
    [(0, 0), (2, 1), (3, 2)]
    """
    pairs: dict[int, int] = {}

    def claim(by: dict[Any, int], key: Any) -> None:
        for j, cell in enumerate(submitted):
            i = by.get(key(cell))
            if j not in pairs and i is not None and i not in pairs.values():
                pairs[j] = i

    claim({c.get("id"): i for i, c in enumerate(source) if c.get("id")}, lambda c: c.get("id"))
    claim({_name(c): i for i, c in enumerate(source) if _name(c)}, _name)
    anchors = [(-1, -1), *sorted(pairs.items()), (len(submitted), len(source))]
    for (j0, i0), (j1, i1) in itertools.pairwise(anchors):
        free = [j for j in range(j0 + 1, j1) if j not in pairs]
        for i in range(i0 + 1, i1):
            if i in pairs.values() or not _marks(source[i]):
                continue
            same = [j for j in free if submitted[j].cell_type == source[i].cell_type]
            same.sort(key=lambda j: not _marks(submitted[j]))  # a cell with marks first
            if same:
                pairs[same[0]] = i
                free = free[free.index(same[0]) + 1 :]
    return pairs


def _retype(cell: NotebookNode, cell_type: str) -> None:
    cell.cell_type = cell_type
    if cell_type == "code":
        cell.setdefault("outputs", [])
        cell.setdefault("execution_count", None)
    else:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)


def restore(
    source: list[NotebookNode], submitted: list[NotebookNode]
) -> tuple[list[NotebookNode], list[str]]:
    """The submitted cells with the exercise's grading metadata back, and a note per repair.

    Parameters
    ----------
    source : list of NotebookNode
        The exercise's cells (the instructor's source notebook).
    submitted : list of NotebookNode
        The student's cells; they are repaired in place.

    Returns
    -------
    tuple of (list of NotebookNode, list of str)
        The cells to grade: the submitted ones, each matched cell with its source cell's
        grading metadata, any other without grading metadata, and every locked cell the
        student deleted back in its place; and one note in plain words per repair.

    Examples
    --------
    The student renamed the answer cell's grade_id (and its id) and deleted the check cell. The
    answer cell is matched by position (see :func:`pair`) and gets ``q1`` back; the check cell
    comes back after it.

    >>> from nbformat.v4 import new_code_cell, new_markdown_cell
    >>> def cell(source, id, **marks):
    ...     return new_code_cell(source, id=id, metadata={"nbgrader": marks} if marks else {})
    >>> source = [
    ...     new_markdown_cell("# Exercise", id="intro"),
    ...     cell("answer = ...", "a1", grade_id="q1", solution=True),
    ...     cell("check(answer)", "c1", grade_id="q1_check", grade=True, locked=True, points=1),
    ... ]
    >>> submitted = [
    ...     new_markdown_cell("# Exercise", id="intro"),
    ...     cell("answer = 13", "x9", grade_id="mine", solution=True),
    ... ]
    >>> cells, notes = restore(source, submitted)
    >>> [c.id for c in cells], cells[1].metadata["nbgrader"]["grade_id"]
    (['intro', 'x9', 'c1'], 'q1')
    >>> for note in notes:
    ...     print(note)
    the grading marks of cell 'q1' had been changed (grade_id); it was graded as the exercise \
defines it
    the locked cell 'q1_check' was missing; it was put back
    """
    pairs = pair(source, submitted)
    cells: list[NotebookNode] = []
    origin: list[int | None] = []  # the source index of each cell kept
    notes = []
    for j, cell in enumerate(submitted):
        i = pairs.get(j)
        if i is None or not _marks(source[i]):
            marks = _marks(cell)
            if marks.get("grade") or marks.get("solution") or marks.get("locked"):
                notes.append(
                    f"a cell marked for grading ({_short(marks.get('grade_id'))}, "
                    f"{_short(marks.get('points'))} points) is not part of the exercise: "
                    "it ran as the student's own code, for no points"
                )
            cell.metadata.pop("nbgrader", None)
        else:
            name = _name(source[i])
            changed = _changed(cell, source[i])
            if cell.cell_type != source[i].cell_type:
                changed.append("cell type")
                _retype(cell, source[i].cell_type)
            if changed:
                notes.append(
                    f"the grading marks of cell {name!r} had been changed ({', '.join(changed)}); "
                    "it was graded as the exercise defines it"
                )
            cell.metadata["nbgrader"] = copy.deepcopy(source[i].metadata["nbgrader"])
        cells.append(cell)
        origin.append(i)
    for i, cell in enumerate(source):
        if i in pairs.values() or not _marks(cell):
            continue
        if not _marks(cell).get("locked"):
            notes.append(f"the cell {_name(cell)!r} is missing from the submission")
            continue
        place = 1 + max((k for k, o in enumerate(origin) if o is not None and o < i), default=-1)
        back = copy.deepcopy(cell)
        if back.cell_type == "code":
            back.outputs, back.execution_count = [], None
        cells.insert(place, back)
        origin.insert(place, i)
        notes.append(f"the locked cell {_name(cell)!r} was missing; it was put back")
    return cells, notes
