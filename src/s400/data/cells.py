"""Convert and check the cells of one column against its field in the schema.

:func:`convert_cell` is the definition: what a cell may hold and the message when it does not.
:func:`convert_column` first tries the whole column at once with the same conversions (``int``,
``float``, a set for enums, a compiled pattern), which is most of the speed of loading a big
table, and falls back to :func:`convert_cell` cell by cell as soon as anything looks wrong.

Spaces: around a number they do not matter (``int`` and ``float`` ignore them, as Frictionless
does); free text is stripped; in an id or a code (a field with a pattern or an enum, or in a key)
and in true/false they are an error, because "C05 " is not the id "C05".
"""

from __future__ import annotations

import math
import re
from typing import Any

from s400.data.problems import quoted
from s400.data.schema import Field

_DATE = "a date as YYYY, YYYY-MM or YYYY-MM-DD (month 01 to 12, day 01 to 31)"
#: What a pattern asks for, in words, by field name (the pattern itself otherwise).
PATTERN_HINTS = {
    "date": _DATE,
    "end_date": _DATE,
    "resolve_by": _DATE,
    "claim": "a claim id such as C07",
    "claims": "claim ids such as C08 or C08;C09",
    "evidence": "ids of timeline.csv or figures.csv, separated by ';' (no spaces)",
    "source": "a claim id such as C07",
    "target": "a claim id such as C07",
}


class BadCell(ValueError):
    """A cell that does not fit its field; the message says what was expected.

    Examples
    --------
    A sign must be one of the enum's values, -1 and 1; "2" reads as a number but is neither.

    >>> convert_cell(Field("sign", "integer", {"enum": [-1, 1]}), "2")
    Traceback (most recent call last):
    ...
    s400.data.cells.BadCell: expected one of -1, 1, got "2"
    """


class _Slow(Exception):
    """The column needs the cell-by-cell check."""


def convert_column(field: Field, cells: list[str]) -> tuple[list[Any], list[tuple[int, str]]]:
    """Every cell of a column converted to its field's type, and what is wrong with the others.

    Parameters
    ----------
    field : Field
        The column's field in the schema.
    cells : list of str
        The column's cells, as the CSV file holds them.

    Returns
    -------
    tuple
        The values (None for an empty cell or a wrong one) and ``[(row index, message)]``.

    Examples
    --------
    >>> weight = Field("weight", "number", {"minimum": 0, "maximum": 1, "required": True})
    >>> convert_column(weight, ["0.5", " 1 ", "7", ""])
    ([0.5, 1.0, None, None], [(2, 'expected a number between 0 and 1, got "7"'), \
(3, 'is empty but required')])
    """
    try:
        return _fast(field, cells), []
    except (_Slow, ValueError, KeyError):
        pass
    values, bad = [], []
    for index, cell in enumerate(cells):
        try:
            values.append(convert_cell(field, cell))
        except BadCell as error:
            values.append(None)
            bad.append((index, str(error)))
    return values, bad


def convert_cell(field: Field, cell: str) -> Any:
    """One cell converted to its field's type and checked against its constraints.

    Parameters
    ----------
    field : Field
        The cell's field in the schema.
    cell : str
        The cell as the file holds it.

    Returns
    -------
    object
        A str, int, float or bool (a tuple of str for a list of ids), or None for an empty cell.

    Raises
    ------
    BadCell
        Saying what was expected and what the cell holds.

    Examples
    --------
    >>> convert_cell(Field("sign", "integer", {"enum": [-1, 1]}), " -1")
    -1
    >>> convert_cell(Field("id", "string", {"pattern": "^C[0-9]{2}$"}, exact=True), "C05 ")
    Traceback (most recent call last):
    ...
    s400.data.cells.BadCell: "C05 " has a space at its end: remove it (an id or a code must \
match exactly)
    """
    c = field.constraints
    text = cell if field.exact or field.type != "string" else cell.strip()
    if text == "":
        if c.get("required"):
            raise BadCell(
                "is empty but required" if cell == "" else "holds only spaces, but is required"
            )
        return None
    if field.exact and text.strip() != text:
        raise BadCell(_spaces(text))

    def bad(expected: str) -> BadCell:
        return BadCell(f"expected {expected}, got {quoted(text)}")

    value: Any = text
    if field.type == "integer":
        try:
            value = int(text)
        except ValueError:
            raise bad("a whole number") from None
    elif field.type == "number":
        try:
            value = float(text)
        except ValueError:
            raise bad("a number (with a dot for decimals, no units)") from None
        if not math.isfinite(value):
            raise bad("a finite number")
    elif field.type == "boolean":
        if text not in field.booleans:
            raise bad('"true" or "false"')
        value = field.booleans[text]
    if "enum" in c and value not in c["enum"]:
        near = [v for v in c["enum"] if str(v).lower() == text.lower()]
        hint = f' (did you mean "{near[0]}"?)' if near else ""
        raise BadCell(bad("one of " + ", ".join(str(v) for v in c["enum"])).args[0] + hint)
    low, high = c.get("minimum"), c.get("maximum")
    if (low is not None and not value >= low) or (high is not None and not value <= high):
        if low is not None and high is not None:
            raise bad(f"a number between {low} and {high}")
        raise bad(f"a number of at least {low}" if low is not None else f"a number up to {high}")
    if len(text) < c.get("minLength", 0):
        raise bad(f"at least {c['minLength']} characters")
    if len(text) > c.get("maxLength", math.inf):
        raise bad(f"at most {c['maxLength']} characters")
    if "pattern" in c and not re.fullmatch(c["pattern"], text):
        raise bad(PATTERN_HINTS.get(field.name, f"text matching the pattern {c['pattern']}"))
    return tuple(text.split(";")) if field.is_list else value


def _fast(field: Field, cells: list[str]) -> list[Any]:
    """The column converted at once, or _Slow (or the ValueError or KeyError of a conversion)
    as soon as a cell might not convert exactly as :func:`convert_cell` would."""
    c = field.constraints
    values: list[Any]
    if field.type == "string":
        stripped = list(map(str.strip, cells))
        if field.exact and stripped != cells:
            raise _Slow
        values = [v or None for v in stripped]
    elif field.type == "boolean":
        values = [field.booleans[cell] if cell else None for cell in cells]
    else:
        convert = int if field.type == "integer" else float
        values = [convert(cell) if cell else None for cell in cells]
    if c.get("required") and None in values:
        raise _Slow
    checked = {"enum", "minimum", "maximum", "minLength", "maxLength", "pattern"} & set(c)
    if not checked and field.type != "number" and not field.is_list:
        return values
    present = [v for v in values if v is not None]
    if field.type == "number" and not all(map(math.isfinite, present)):
        raise _Slow
    if "enum" in c and not set(present) <= set(c["enum"]):
        raise _Slow
    if present and (
        ("minimum" in c and min(present) < c["minimum"])
        or ("maximum" in c and max(present) > c["maximum"])
    ):
        raise _Slow
    if field.type == "string" and present:
        lengths = list(map(len, present))
        if min(lengths) < c.get("minLength", 0) or max(lengths) > c.get("maxLength", math.inf):
            raise _Slow
        if "pattern" in c and not all(map(re.compile(c["pattern"]).fullmatch, present)):
            raise _Slow
        if "enum" in c:  # one shared string per code, not one per cell
            values = list(map({v: v for v in c["enum"]}.get, values))
        if field.is_list:
            values = [tuple(v.split(";")) if v else None for v in values]
    return values


def _spaces(text: str) -> str:
    at = "its start" if text[:1].isspace() else "its end"
    if text[:1].isspace() and text[-1:].isspace():
        at = "both ends"
    return f"{quoted(text)} has a space at {at}: remove it (an id or a code must match exactly)"
