"""Read one CSV file of the package against its schema: encoding, header, rows, cells.

A table is kept column by column (a list of values per field, None where a cell is empty or
wrong), which is what makes a big file fast to check; :meth:`Table.rows` gives the rows back to
the rules, leaving out any row whose cells the rule needs are wrong (they are reported already).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from s400.data.cells import convert_column
from s400.data.problems import Problem
from s400.data.schema import Resource
from s400.data.text import SAVE_AS_UTF8, decode

# A long text is not an error (Frictionless reads any length too); the csv module's default
# limit of 131,072 characters would otherwise stop the file with a raw csv.Error.
csv.field_size_limit(2**31 - 2)
_CHUNK = 4096  # rows turned into columns at a time: bounds the memory rows take on the way
NO_ROWS = "has no rows (only its header)"


@dataclass
class Table:
    """One resource as read.

    Parameters
    ----------
    resource : Resource
        The table as the descriptor describes it.
    columns : dict of str to list, optional
        The values of each field, one per row read (None for an empty or a wrong cell).
    lines : list of int, optional
        The line each row read starts on (the header is line 1).
    bad : set of tuple, optional
        ``(row index, field name)`` of every wrong cell (reported already).
    missing : str or None, optional
        Why nothing could be read (None: the table was read).
    told : bool, default False
        Whether the cause is reported already; ``missing`` then says what must happen first
        ("its header is fixed"). Otherwise :func:`s400.data.keys.check_keys` reports it, with
        the references that wait on the table.
    unread : set of str, optional
        The first cell of every row that could not be read as a row (a blank line, a wrong
        number of cells), so that a reference to one of them is not reported a second time.

    Examples
    --------
    Rows on lines 2 and 4 (line 3 was blank), the second row's ``n`` wrong: :meth:`rows` gives
    both rows for ``id`` alone, only the first when ``n`` is wanted too.

    >>> table = Table(Resource("t", "t.csv", None), {"id": ["a", "b"], "n": [1, None]}, [2, 4],
    ...               {(1, "n")})
    >>> list(table.rows("id")), list(table.rows("id", "n"))
    ([(2, 'a'), (4, 'b')], [(2, 'a', 1)])
    """

    resource: Resource
    columns: dict[str, list[Any]] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    bad: set[tuple[int, str]] = field(default_factory=set)
    missing: str | None = None
    told: bool = False
    unread: set[str] = field(default_factory=set)

    @property
    def file(self) -> str:
        """The file, as messages name it.

        Returns
        -------
        str
            The path as the descriptor writes it (``datapackage.json`` when the descriptor's
            entry for the table is what is wrong).

        Examples
        --------
        >>> Table(Resource("nodes", "nodes.csv", None)).file
        'nodes.csv'
        """
        return self.resource.file

    def rows(self, *fields: str) -> Iterator[tuple[Any, ...]]:
        """``(line, value, ...)`` for every row whose cells in ``fields`` are not wrong.

        Parameters
        ----------
        *fields : str
            The columns wanted, in order.

        Returns
        -------
        iterator of tuple
            The row's line, then the values (None for an empty cell).

        Examples
        --------
        >>> table = Table(Resource("t", "t.csv", None), {"a": [1, None, 3]}, [2, 3, 4], {(2, "a")})
        >>> list(table.rows("a"))
        [(2, 1), (3, None)]
        """
        columns = [self.columns.get(f, []) for f in fields]
        for index, row in enumerate(zip(self.lines, *columns, strict=True)):
            if not self.bad or not any((index, f) in self.bad for f in fields):
                yield row


def read_table(resource: Resource, problems: list[Problem]) -> Table:
    """Read and check one resource's CSV file; what is wrong is added to ``problems``.

    Parameters
    ----------
    resource : Resource
        The table as the descriptor describes it (its path already checked).
    problems : list of Problem
        Where to add what is wrong, each with the file, line and field.

    Returns
    -------
    Table
        Its columns converted to the schema's types; ``missing`` set when it cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from s400.data.schema import Field
    >>> path = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("id,n\\na,1\\nb,two\\n", encoding="utf-8")
    >>> fields = (Field("id", "string", {}), Field("n", "integer", {}))
    >>> found = []
    >>> read_table(Resource("t", "t.csv", path, fields), found).columns
    {'id': ['a', 'b'], 'n': [1, None]}
    >>> print(found[0])
    t.csv, line 3, field "n": expected a whole number, got "two"
    """
    table = Table(resource)
    path = resource.path
    if resource.broken or path is None:
        table.missing, table.told = resource.broken, True
        return table
    if not path.is_file():
        table.missing = "is not a file" if path.exists() else "not found in the data folder"
        return table
    found: list[Problem] = []
    encoding = "utf-8-sig" if resource.encoding.lower() in ("utf-8", "utf8") else resource.encoding
    try:
        with path.open(encoding=encoding, newline="") as handle:
            _read(table, handle, found, lambda: path.read_text(encoding, errors="replace"))
    except UnicodeDecodeError:  # read it again, replacing what does not decode, to check the rest
        text, trouble = decode(path.read_bytes(), resource.encoding)
        table, found = Table(resource), []
        if trouble:
            found.append(Problem(resource.file, trouble[0], None, trouble[1]))
        if text:
            _read(table, io.StringIO(text, newline=""), found, lambda: text)
        else:
            table.missing, table.told = "it can be read as text", True
    except OSError as error:
        table.missing = f"could not be read ({error.strerror})"
    problems.extend(found)
    return table


def _read(
    table: Table, handle: io.TextIOBase, problems: list[Problem], text: Callable[[], str]
) -> None:
    """Read the header and rows from ``handle``; ``text`` gives the whole file again, which only
    a row with the wrong number of cells needs (to look at its quotes)."""
    resource, file = table.resource, table.file
    lines = functools.cache(lambda: io.StringIO(text(), newline="").readlines())
    expected = [f.name for f in resource.fields]
    first = handle.readline()
    if not first.strip():
        table.missing = f"is empty: expected a header line ({','.join(expected)}) and rows"
        return
    if "\x00" in first:  # UTF-16 without its byte-order mark reads as UTF-8 with NUL bytes
        problems.append(
            Problem(file, 1, None, f"holds NUL bytes, so it is not a text file: {SAVE_AS_UTF8}")
        )
        table.missing, table.told = "it can be read as text", True
        return
    delimiter = resource.delimiter or _delimiter(first, expected)
    header = [name.strip() for name in next(csv.reader([first], delimiter=delimiter))]
    order = _header(header, expected, file, problems)
    if order is None:
        table.missing, table.told = "its header is fixed", True
        return
    raw: list[list[str]] = [[] for _ in expected]
    chunk: list[list[str]] = []
    reader = csv.reader(handle, delimiter=delimiter)
    width, end = len(header), 1
    for cells in reader:
        start, end = end + 1, reader.line_num + 1
        if len(cells) != width or end != start or not (cells[0] or any(cells)):
            trouble = _irregular(cells, start, end, width, delimiter, lines)
            if trouble:
                problems.append(Problem(file, start, None, trouble))
                swallowed = delimiter.join(cells).split("\n")  # the row, and rows it swallowed
                table.unread |= {row.split(delimiter)[0].strip('"') for row in swallowed}
                continue
        chunk.append(cells)
        table.lines.append(start)
        if len(chunk) == _CHUNK:
            _extend(raw, chunk, order)
    _extend(raw, chunk, order)
    if not table.lines and not table.unread:
        table.missing = NO_ROWS
    for f, cells in zip(resource.fields, raw, strict=True):
        values, wrong = convert_column(f, cells)
        table.columns[f.name] = values
        for index, message in wrong:
            problems.append(Problem(file, table.lines[index], f.name, message))
            table.bad.add((index, f.name))


def _extend(raw: list[list[str]], chunk: list[list[str]], order: list[int]) -> None:
    """Append a chunk of rows to the columns (in the schema's order), and empty the chunk."""
    if chunk:
        columns = list(zip(*chunk, strict=True))
        for column, position in zip(raw, order, strict=True):
            column.extend(columns[position])
        chunk.clear()


def _delimiter(first: str, expected: Iterable[str]) -> str:
    """The delimiter the header line uses: the one that splits it into most expected names.

    Spreadsheets set to a language with a decimal comma save CSV with ";" (Frictionless also
    guesses the delimiter, among the same four).
    """
    wanted = set(expected)

    def score(delimiter: str) -> int:
        return len(wanted & set(next(csv.reader([first], delimiter=delimiter))))

    return max(",;\t|", key=score)


def _header(
    header: list[str], expected: list[str], file: str, problems: list[Problem]
) -> list[int] | None:
    """Where each expected column is in the header, or None when it cannot be read by name."""
    if header == expected:
        return list(range(len(expected)))
    missing = [c for c in expected if c not in header]
    twice = sorted({c for c in header if c and header.count(c) > 1})
    extra = [f'"{c}"' if c else '"" (a "," too many?)' for c in header if c not in expected]
    parts = [f"missing column(s) {', '.join(missing)}"] if missing else []
    parts += [f"unexpected column(s) {', '.join(extra)}"] if extra else []
    parts += [f"column(s) {', '.join(twice)} more than once"] if twice else []
    if not parts:
        parts = ["the columns are in another order"]
    message = "; ".join(parts) + f". Expected the columns: {', '.join(expected)}"
    problems.append(Problem(file, 1, None, message))
    if missing or twice:
        return None
    return [header.index(c) for c in expected]


def _irregular(
    cells: list[str],
    start: int,
    end: int,
    width: int,
    delimiter: str,
    lines: Callable[[], list[str]],
) -> str | None:
    """What is wrong with a row that is blank, has the wrong number of cells or spans lines
    (None: a row whose text has line breaks, which is fine). ``lines()`` gives the file's lines."""
    if not any(cells):
        return "is blank: delete the line (a blank line reads as an empty row)"
    swallowed = [line for c in cells for line in c.split("\n")[1:] if line.count(delimiter) > 1]
    if end > start and (len(cells) != width or swallowed):
        return (
            f'a quote (") opened on this line is not closed until line {end}, so lines {start} '
            f"to {end} read as one row: close the quote (a quote inside a text is written "
            '"")'
        )
    if len(cells) == width:
        return None
    found = f"expected {width} cells, found {len(cells)}"
    if lines()[start - 1].count('"') % 2:  # a quote without its pair: cells ran together
        return f'{found}: check the quotes (") on this line; a quote inside a text is written ""'
    if len(cells) > width:
        return f'{found}: a text holding a "{delimiter}" needs double quotes around it'
    return f'{found}: a "{delimiter}" is missing'
