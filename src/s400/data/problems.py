"""What is wrong with a data package: each Problem located by file, line and field, and the one
DataError that lists them all."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: How many problems (after grouping) a DataError's message shows; ``problems`` keeps all.
SHOWN = 20
_UNSEEN = {"Cc", "Cf", "Zs", "Zl", "Zp"}  # control, format and space characters: nothing to see


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible.

    Parameters
    ----------
    file : str
        The file, as the descriptor names it (``edges.csv``, ``datapackage.json``).
    line : int or None
        The line in the file (the header is line 1); None for a problem of the whole file.
    field : str or None
        The column (or descriptor key) concerned, if one is.
    message : str
        What is wrong and what was expected.

    Examples
    --------
    >>> print(Problem("edges.csv", 8, "weight", 'expected a number, got "high"'))
    edges.csv, line 8, field "weight": expected a number, got "high"
    >>> print(Problem("claims.csv", None, None, "not found in the data folder"))
    claims.csv: not found in the data folder
    """

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        return _place(self.file, [self.line] if self.line else [], self.field) + self.message


class DataError(ValueError):
    """The data package does not satisfy its schema; ``problems`` lists every issue.

    Parameters
    ----------
    problems : list of Problem
        Everything found, in file and line order.

    Examples
    --------
    >>> error = DataError([Problem("edges.csv", 8, "sign", 'expected one of -1, 1, got "0"')])
    >>> print(error)
    1 problem in the data package:
      - edges.csv, line 8, field "sign": expected one of -1, 1, got "0"
    Fix it, then load the data again (data/README.md explains every column).
    """

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(summary(problems))

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: the problems, not the loader's frames.

        Returns
        -------
        list of str
            The message's lines, the first one starting with a red "DataError".

        Examples
        --------
        >>> DataError([Problem("a.csv", 2, None, "blank")])._render_traceback_()[1]
        '  - a.csv, line 2: blank'
        """
        first, *rest = str(self).splitlines()
        return [f"\x1b[0;31mDataError\x1b[0m: {first}", *rest]


def summary(problems: Sequence[Problem]) -> str:
    """The problems as a short report: one line per message, with the lines it occurs on.

    The same message in one file and field on several lines (a renamed id cited ten times) is
    one line of the report; at most :data:`SHOWN` such lines are shown.

    Parameters
    ----------
    problems : sequence of Problem
        In the order to report them.

    Returns
    -------
    str
        A count, the problems, and what to do.

    Examples
    --------
    >>> print(summary([Problem("edges.csv", n, "source", '"econ" is not an id in nodes.csv')
    ...                for n in (7, 9, 12)]))
    3 problems in the data package:
      - edges.csv, lines 7, 9 and 12, field "source": "econ" is not an id in nodes.csv
    Fix them, then load the data again (data/README.md explains every column).
    """
    groups: dict[tuple, list[int]] = {}
    for p in problems:
        groups.setdefault((p.file, p.field, p.message), []).extend([p.line] if p.line else [])
    shown = [
        f"  - {_place(file, lines, field)}{message}"
        for (file, field, message), lines in list(groups.items())[:SHOWN]
    ]
    if len(groups) > SHOWN:
        more = len(groups) - SHOWN
        shown.append(f"  ... and {more} more; fix these, and loading again lists the rest")
    n = len(problems)
    return "\n".join(
        [
            f"{n} problem{'s' * (n != 1)} in the data package:",
            *shown,
            f"Fix {'them' if n != 1 else 'it'}, then load the data again "
            "(data/README.md explains every column).",
        ]
    )


def _place(file: str, lines: Sequence[int], field: str | None) -> str:
    where = file
    if lines:
        listed = [str(n) for n in lines[:10]] + ([f"{len(lines) - 10} more"] * (len(lines) > 10))
        last = " and ".join(listed[-2:])
        where += f", line{'s' * (len(lines) > 1)} " + ", ".join([*listed[:-2], last])
    if field is not None:
        where += f', field "{field}"'
    return where + ": "


def quoted(text: str, limit: int = 60) -> str:
    """A cell's text as a message quotes it: cut if long, and naming any character that does not
    show (a zero-width space pasted from a web page, a no-break space), since "C05" and "C05" with
    one of those look the same.

    Parameters
    ----------
    text : str
        The cell.
    limit : int
        The most characters quoted.

    Returns
    -------
    str
        The text in double quotes, and what it hides.

    Examples
    --------
    >>> print(quoted("C05\u200b"))
    "C05​" (it holds U+200B ZERO WIDTH SPACE, which does not show)
    >>> print(quoted("x" * 100, limit=30))
    "xxxxxxxxxx… (100 characters)"
    """
    shown = text if len(text) <= limit else f"{text[: limit - 20]}… ({len(text):,} characters)"
    unseen = sorted({c for c in text if c != " " and unicodedata.category(c) in _UNSEEN})
    names = ", ".join(
        f"U+{ord(c):04X} {unicodedata.name(c, 'a control character')}" for c in unseen
    )
    return f'"{shown}"' + (f" (it holds {names}, which does not show)" if unseen else "")
