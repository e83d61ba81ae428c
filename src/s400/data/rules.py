"""Rules a table schema cannot express, checked on every row that could be read.

Each rule reads only the cells it needs, so a wrong cell elsewhere in a row (reported already)
does not stop it. Frictionless knows none of these rules; tests/test_data_frictionless.py lists
them as the cases where only s400.data refuses the data.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from s400.data.evidence import parse_partial_date
from s400.data.problems import Problem
from s400.data.schema import Resource
from s400.data.tables import Table

#: The day the module's sources end (shared/reference/facts.md): no date may come after it.
HORIZON = dt.date(2026, 3, 3)
#: What an edge or a relation needs beside its basis: at least one of these fields filled.
BASIS_NEEDS = {
    "op-ed": ("claim",),
    "evidence": ("event", "figure"),
    "ankara": ("event", "figure"),
    "assumption": ("note",),
}
_NEEDS_WORDS = {
    "claim": "the claim id it comes from",
    "event": "an event id",
    "figure": "a figure id",
    "note": "a note saying why it is there",
}
#: The fields that hold dates at the source's precision (YYYY, YYYY-MM or YYYY-MM-DD).
DATE_FIELDS = {"timeline": ("date", "end_date"), "moves": ("date",), "predictions": ("resolve_by",)}


def check_rules(tables: Mapping[str, Table], problems: list[Problem]) -> None:
    """Report every row that breaks a rule of the module's data.

    Parameters
    ----------
    tables : mapping
        The tables read, by resource name (a table that could not be read has no rows).
    problems : list of Problem
        Where to add what is wrong.

    Examples
    --------
    >>> from s400.data.schema import Resource
    >>> links = Table(Resource("claim_links", "claim_links.csv", None),
    ...               {"source": ["C01", "C02"], "target": ["C02", "C01"]}, [2, 3])
    >>> found = []
    >>> check_rules({"claim_links": links}, found)
    >>> print(found[0])
    claim_links.csv, line 2: the links C01 → C02 → C01 (lines 2 and 3) go round in a circle; \
an argument map cannot: remove or reverse one of them
    """

    def table(name: str) -> Table:
        return tables[name] if name in tables else Table(Resource(name, name, None))

    def report(t: Table, line: int, field: str | None, message: str) -> None:
        problems.append(Problem(t.file, line, field, message))

    claims, links = table("claims"), table("claim_links")
    for line, kind, condition in claims.rows("kind", "condition"):
        if kind == "conditional_prediction" and not condition:
            report(claims, line, "condition", "a conditional prediction needs its condition")
    for line, source, target in links.rows("source", "target"):
        if source == target:
            report(links, line, "target", "a claim cannot bear on itself")
    _argument_map(links, problems)

    types = {node: kind for _, node, kind in table("nodes").rows("id", "type")}
    edges = table("edges")
    for line, source, target, kind in edges.rows("source", "target", "kind"):
        if source == target:
            report(edges, line, "target", "an edge cannot start and end at the same node")
        ends = (types.get(source), types.get(target))
        if None in ends:
            continue  # an unknown node: reported as a broken reference
        if kind == "tie" and ends != ("actor", "actor"):
            message = "a tie links two actors; use kind=effect for causes and outcomes"
            report(edges, line, "kind", message)
        if kind == "effect" and "actor" in ends:
            message = "an effect links decisions, factors and outcomes; use kind=tie between actors"
            report(edges, line, "kind", message)
    pairs: dict[tuple, int] = {}
    for line, source, target, kind, layer in edges.rows("source", "target", "kind", "layer"):
        key = (source, target) if kind == "effect" else (frozenset((source, target)), layer)
        if key in pairs:
            report(edges, line, "target", f"the same {kind} is already on line {pairs[key]}")
        pairs.setdefault(key, line)
    _basis(edges, "edge", problems)

    alignments = table("alignments")
    for line, source, target in alignments.rows("source", "target"):
        for field, node in (("source", source), ("target", target)):
            if types.get(node, "actor") != "actor":
                message = (
                    f'"{node}" is not an actor (its type is {types[node]}); '
                    "a relation links two actors"
                )
                report(alignments, line, field, message)
        if source == target:
            report(alignments, line, "target", "a relation cannot link an actor to itself")
    signed: dict[tuple, int] = {}
    for line, period, source, target in alignments.rows("period", "source", "target"):
        key = (period, frozenset((source, target)))
        if key in signed:
            message = f"the same pair already has a sign for {period} on line {signed[key]}"
            report(alignments, line, "target", message)
        signed.setdefault(key, line)
    _basis(alignments, "relation", problems)

    starts = _dates(tables, problems)
    timeline = table("timeline")
    for line, end in timeline.rows("end_date"):
        dates = starts.get((line, "date")), starts.get((line, "end_date"))
        if end and None not in dates and dates[1] < dates[0]:  # type: ignore[operator]
            report(timeline, line, "end_date", "ends before it starts")

    figures = table("figures")
    for line, value, low, high in figures.rows("value", "low", "high"):
        if (value is None) == (low is None or high is None):
            message = "give either a value, or both low and high for a range"
            report(figures, line, "value", message)
        elif low is not None and high is not None and low > high:
            report(figures, line, "low", "low is greater than high")

    predictions = table("predictions")
    for line, condition, status in predictions.rows("condition", "condition_status"):
        if (status == "none") != (condition is None):
            message = "is none exactly when the prediction has no condition"
            report(predictions, line, "condition_status", message)


def _basis(table: Table, thing: str, problems: list[Problem]) -> None:
    """An edge or relation has what its basis needs (BASIS_NEEDS)."""
    present = [f for f in _NEEDS_WORDS if f in table.columns]
    for line, basis, *cells in table.rows("basis", *present):
        needs = [f for f in BASIS_NEEDS.get(basis, ()) if f in present]
        filled = {f for f, cell in zip(present, cells, strict=True) if cell is not None}
        if needs and not filled & set(needs):
            article = "an" if basis[0] in "aeiou" else "a"
            what = " or ".join(_NEEDS_WORDS[f] for f in needs)
            message = f"{article} {basis} {thing} needs {what}"
            problems.append(Problem(table.file, line, needs[0], message))


def _dates(tables: Mapping[str, Table], problems: list[Problem]) -> dict[tuple[int, str], dt.date]:
    """Check every date as a calendar date up to the horizon; return the first day of each of the
    timeline's dates, by (line, field), for the end-before-start rule."""
    starts: dict[tuple[int, str], dt.date] = {}
    for name, fields in DATE_FIELDS.items():
        table = tables.get(name, Table(Resource(name, name, None)))
        for field in fields:
            for line, text in table.rows(field):
                if text is None:
                    continue
                try:
                    start = parse_partial_date(text)
                except ValueError:
                    message = f'"{text}" is not a calendar date (is the month or the day right?)'
                    problems.append(Problem(table.file, line, field, message))
                    continue
                if start > HORIZON:
                    message = (
                        f'"{text}" is after {HORIZON.day} {HORIZON:%B %Y}, when the module\'s '
                        "sources end: check the date"
                    )
                    problems.append(Problem(table.file, line, field, message))
                elif name == "timeline":
                    starts[line, field] = start
    return starts


def _argument_map(links: Table, problems: list[Problem]) -> None:
    """Every circle in the argument map, once: a claim cannot (indirectly) support itself."""
    graph: dict[str, dict[str, int]] = {}
    for line, source, target in links.rows("source", "target"):
        if source != target:
            graph.setdefault(source, {}).setdefault(target, line)
    while cycle := _cycle(graph):
        lines = sorted(graph[a][b] for a, b in itertools.pairwise(cycle))
        shown = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
        message = (
            f"the links {' → '.join(cycle)} (lines {shown}) go round in a circle; an argument "
            "map cannot: remove or reverse one of them"
        )
        problems.append(Problem(links.file, lines[0], None, message))
        del graph[cycle[-2]][cycle[-1]]  # so that each circle is reported once


def _cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One cycle of a directed graph as ``[a, b, ..., a]``, or None (depth-first, no recursion)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in graph:
        if root in state:
            continue
        path, stack = [root], [iter(graph[root])]
        state[root] = 1
        while stack:
            for child in stack[-1]:
                if state.get(child) == 1:
                    return [*path[path.index(child) :], child]
                if child not in state:
                    state[child] = 1
                    path.append(child)
                    stack.append(iter(graph.get(child, {})))
                    break
            else:
                state[path.pop()] = 2
                stack.pop()
    return None
