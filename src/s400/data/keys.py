"""Keys within and across tables: primary keys and unique fields, foreign keys, and the lists of
ids the schema cannot express (``C08;C09``).

A reference into a table that could not be read is not checked one by one: the table's own
problem is reported once, with how many references wait on it ("claims.csv has no rows: the 77
references to claims in 4 files cannot be checked").
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import NamedTuple

from s400.data.descriptor import DESCRIPTOR
from s400.data.problems import Problem, quoted
from s400.data.tables import NO_ROWS, Table

#: Cells that hold ';'-separated ids of other tables (checked by s400.data only: to Frictionless
#: they are text with a pattern). (table, field) -> the tables whose ids they may be.
LIST_REFERENCES = {
    ("predictions", "claims"): ("claims",),
    ("predictions", "evidence"): ("timeline", "figures"),
    ("moves", "evidence"): ("timeline", "figures"),
}


class Reference(NamedTuple):
    """A column whose values must be ids of other tables.

    Parameters
    ----------
    table, field : str
        The table and the column that cite.
    targets : tuple of tuple of str
        The ``(table, field)`` pairs the values may come from.
    is_list : bool
        Whether a cell holds several ids, separated by ';'.

    Examples
    --------
    A move's evidence lists ids of timeline.csv or figures.csv (see :data:`LIST_REFERENCES`).

    >>> ref = Reference("moves", "evidence", (("timeline", "id"), ("figures", "id")), True)
    >>> [table for table, _ in ref.targets], ref.is_list
    (['timeline', 'figures'], True)
    """

    table: str
    field: str
    targets: tuple[tuple[str, str], ...]  # (table, field) pairs the values may come from
    is_list: bool


def check_keys(tables: Mapping[str, Table], problems: list[Problem]) -> None:
    """Report duplicate keys, references to ids that do not exist, and unreadable tables.

    Parameters
    ----------
    tables : mapping
        Every table read, by resource name.
    problems : list of Problem
        Where to add what is wrong.

    Examples
    --------
    >>> from s400.data.schema import Field, Resource
    >>> nodes = Table(Resource("nodes", "nodes.csv", None, primary_key=("id",)),
    ...               {"id": ["a", "b", "a"]}, [2, 3, 4])
    >>> edges = Table(Resource("edges", "edges.csv", None,
    ...                        foreign_keys=(("source", "nodes", "id"),)),
    ...               {"source": ["a", "c"]}, [2, 3])
    >>> found = []
    >>> check_keys({"nodes": nodes, "edges": edges}, found)
    >>> for p in found:
    ...     print(p)
    nodes.csv, line 4, field "id": duplicate id "a" (first used on line 2)
    edges.csv, line 3, field "source": "c" is not an id in nodes.csv
    """
    for table in tables.values():
        if table.missing is None:
            _duplicates(table, problems)
    waiting: dict[str, list[tuple[str, int]]] = {name: [] for name in tables}
    for ref in _references(tables):
        table = tables[ref.table]
        targets = [tables[t] for t, _ in ref.targets]
        values = [
            (line, item)
            for line, value in table.rows(ref.field)
            if value is not None
            for item in (value if ref.is_list else [value])
        ]
        unreadable = [t for t in targets if t.missing is not None]
        if unreadable:
            for t in unreadable:
                waiting[t.resource.name] += [(table.file, len(values))]
            continue
        known = set().union(*(t.columns[f] for t, (_, f) in zip(targets, ref.targets, strict=True)))
        maybe = set().union(*(t.unread for t in targets))
        files = " or ".join(t.file for t in targets)
        for line, item in values:
            if item not in known and item not in maybe:
                message = f"{quoted(item)} is not an id in {files}{_near(item, known)}"
                problems.append(Problem(table.file, line, ref.field, message))
    for name, table in tables.items():
        if table.missing is not None:
            _unreadable(table, waiting[name], problems)


def _references(tables: Mapping[str, Table]) -> list[Reference]:
    refs = [
        Reference(table.resource.name, column, ((target, target_field),), False)
        for table in tables.values()
        for column, target, target_field in table.resource.foreign_keys
        if target in tables
    ]
    refs += [
        Reference(name, column, tuple((t, "id") for t in targets), True)
        for (name, column), targets in LIST_REFERENCES.items()
        if name in tables and all(t in tables for t in targets)
    ]
    return [r for r in refs if tables[r.table].missing is None]


def _duplicates(table: Table, problems: list[Problem]) -> None:
    resource = table.resource
    keys = [resource.primary_key] if resource.primary_key else []
    keys += [(f.name,) for f in resource.fields if f.constraints.get("unique")]
    for key in dict.fromkeys(keys):  # a unique primary key field is checked once
        column = list(zip(*(table.columns[f] for f in key), strict=True))
        if len(set(column)) == len(column):
            continue
        seen: dict[tuple, int] = {}
        for line, *values in table.rows(*key):
            value = tuple(values)
            if None in value:
                continue
            if value in seen:
                shown = "/".join(map(str, value))
                message = f'duplicate id "{shown}" (first used on line {seen[value]})'
                problems.append(Problem(table.file, line, ", ".join(key), message))
            else:
                seen[value] = line


def _near(item: str, known: set) -> str:
    """A hint when the id is close to one that exists (a typo, a capital letter)."""
    if len(known) > 5000:  # difflib is slow on a very big table; the message stands without
        return ""
    near = difflib.get_close_matches(item, [k for k in known if isinstance(k, str)], 1, 0.85)
    return f' (did you mean "{near[0]}"?)' if near else ""


def _unreadable(table: Table, waiting: list[tuple[str, int]], problems: list[Problem]) -> None:
    """One problem for a table that could not be read, saying what waits on it."""
    missing = table.missing or ""
    count = sum(n for _, n in waiting)
    files = sorted({file for file, n in waiting if n})
    waits = (
        f"the {count} reference{'s' * (count != 1)} to {table.resource.name} in "
        f"{len(files)} file{'s' * (len(files) != 1)} ({', '.join(files)}) cannot be checked"
    )
    if table.told and count:
        line = None if table.file == DESCRIPTOR else 1  # after its cause: the header, the encoding
        problems.append(Problem(table.file, line, None, f"{waits} until {missing}"))
    elif not table.told:
        then = f": {waits}" if count else ": the module needs at least one row"
        message = missing + (then if count or missing == NO_ROWS else "")
        problems.append(Problem(table.file, None, None, message))
