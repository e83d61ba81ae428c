"""Load the module's data package (data/) into typed records, validating on the way.

The schema lives once, in ``data/datapackage.json`` (a Frictionless Data Package).
This loader reads that descriptor and checks its constraints (required fields,
types, enums, patterns, ranges, unique and primary keys, foreign keys) plus the
rules a table schema cannot express (an op-ed edge needs a claim id, a range needs
low <= high, ...). Frictionless itself validates the same package in the test
suite; it is not used here because its first call costs about two seconds, which
every notebook would pay.

Every problem is reported with the file, the line, the field and what was
expected, and all problems are reported at once, so an instructor who edits the
data can fix them in one pass.

Example
-------
>>> data = load()
>>> data.claims["C07"].kind
'normative_premise'
>>> sorted({edge.layer for edge in data.edges})[:2]
['economic', 'energy']
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from s400.paths import DEFAULT_DATA_DIR


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    file: str
    line: int | None  # line in the file (the header is line 1); None for file-level problems
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f', field "{self.field}"'
        return f"{where}: {self.message}"


class DataError(ValueError):
    """The data package does not satisfy its schema; ``problems`` lists every issue."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the data package:\n{shown}{more}")


@dataclass(frozen=True)
class Claim:
    """A claim of the op-ed, paraphrased, with where it comes from and who holds it."""

    id: str
    paragraph: str
    kind: str
    speaker: str
    stated: bool
    hedge: str
    condition: str | None
    horizon: str | None
    text: str


@dataclass(frozen=True)
class ClaimLink:
    """An arrow of the argument map: ``source`` supports, qualifies or rebuts ``target``."""

    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class Node:
    """A node of the influence network: a decision, factor, outcome or actor."""

    id: str
    label: str
    type: str
    description: str


@dataclass(frozen=True)
class Edge:
    """A signed, weighted edge of the influence network, tied to its basis."""

    id: str
    source: str
    target: str
    kind: str
    sign: int
    weight: float
    layer: str
    basis: str
    claim: str | None
    event: str | None
    figure: str | None
    note: str | None


@dataclass(frozen=True)
class Event:
    """A dated event; ``date`` keeps the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD)."""

    id: str
    date: str
    end_date: str | None
    theme: str
    event: str
    source: str
    url: str | None
    confidence: str
    check: str
    note: str | None

    @property
    def start(self) -> dt.date:
        """The first day the date could mean, for plotting on a time axis."""
        return parse_partial_date(self.date)


@dataclass(frozen=True)
class Figure:
    """A sourced number: either ``value``, or a range ``low``-``high``."""

    id: str
    metric: str
    year: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    source: str
    url: str | None
    confidence: str
    check: str
    note: str | None


@dataclass(frozen=True)
class Prediction:
    """A prediction of the op-ed as a dated, checkable statement, with its verdict."""

    id: str
    claims: tuple[str, ...]
    statement: str
    resolve_by: str
    condition: str | None
    condition_status: str
    verdict: str
    verdict_source: str
    evidence: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Alignment:
    """A signed relation between two actors at one moment (``before`` or ``after`` the purchase)."""

    id: str
    period: str
    source: str
    target: str
    sign: int
    basis: str
    claim: str | None
    event: str | None
    note: str | None


@dataclass(frozen=True)
class Move:
    """An observed move of Ankara's, with judged chances of it under two readings of the purchase."""

    id: str
    date: str
    move: str
    evidence: tuple[str, ...]
    p_if_chip: float
    p_if_realign: float
    note: str


@dataclass(frozen=True)
class Dataset:
    """The whole data package, validated. Mappings are keyed by id, in file order."""

    claims: dict[str, Claim]
    claim_links: tuple[ClaimLink, ...]
    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    timeline: dict[str, Event]
    figures: dict[str, Figure]
    predictions: dict[str, Prediction]
    alignments: tuple[Alignment, ...]
    moves: dict[str, Move]


_RECORDS = {
    "claims": Claim,
    "claim_links": ClaimLink,
    "nodes": Node,
    "edges": Edge,
    "timeline": Event,
    "figures": Figure,
    "predictions": Prediction,
    "alignments": Alignment,
    "moves": Move,
}
_LIST_FIELDS = {("predictions", "claims"), ("predictions", "evidence"), ("moves", "evidence")}


def parse_partial_date(text: str) -> dt.date:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD to the first day it can mean.

    >>> parse_partial_date("2019-07")
    datetime.date(2019, 7, 1)
    """
    parts = [int(p) for p in text.split("-")]
    return dt.date(*(parts + [1] * (3 - len(parts))))


def load(data_dir: str | Path | None = None) -> Dataset:
    """Load and validate the data package in ``data_dir`` (default: the repository's data/).

    Raises :class:`DataError` listing every problem found, each naming the file,
    the line and the field.

    >>> data = load()
    >>> len(data.claims) > 0 and all(c.paragraph.startswith("P") for c in data.claims.values())
    True
    """
    folder = Path(data_dir or os.environ.get("S400_DATA_DIR") or DEFAULT_DATA_DIR)
    descriptor_path = folder / "datapackage.json"
    if not descriptor_path.is_file():
        raise DataError(
            [
                Problem(
                    str(descriptor_path),
                    None,
                    None,
                    "not found: is this the module's data/ folder?",
                )
            ]
        )
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    tables = {res["name"]: _read_resource(folder, res, problems) for res in descriptor["resources"]}
    files = {res["name"]: res["path"] for res in descriptor["resources"]}
    for res in descriptor["resources"]:
        _check_keys(res, tables, files, problems)
    if not problems:
        _check_rules(tables, files, problems)
    if problems:
        raise DataError(problems)
    records = {name: [_RECORDS[name](**row) for row, _ in rows] for name, rows in tables.items()}
    return Dataset(
        claims={c.id: c for c in records["claims"]},
        claim_links=tuple(records["claim_links"]),
        nodes={n.id: n for n in records["nodes"]},
        edges=tuple(records["edges"]),
        timeline={e.id: e for e in records["timeline"]},
        figures={f.id: f for f in records["figures"]},
        predictions={p.id: p for p in records["predictions"]},
        alignments=tuple(records["alignments"]),
        moves={m.id: m for m in records["moves"]},
    )


# --- reading one table against its schema ---------------------------------------------

Row = dict[str, Any]


def _read_resource(folder: Path, res: dict, problems: list[Problem]) -> list[tuple[Row, int]]:
    """Read one CSV, convert each cell to its schema type; return (row, line) pairs."""
    path = folder / res["path"]
    name = res["path"]
    schema_fields = res["schema"]["fields"]
    expected = [f["name"] for f in schema_fields]
    if not path.is_file():
        problems.append(Problem(name, None, None, "file not found"))
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        if missing or extra:
            text = []
            if missing:
                text.append(f"missing column(s) {', '.join(missing)}")
            if extra:
                text.append(f"unexpected column(s) {', '.join(extra)}")
            problems.append(
                Problem(
                    name,
                    1,
                    None,
                    "; ".join(text) + f". Expected the columns: {', '.join(expected)}",
                )
            )
            return []
        rows = []
        for cells in reader:
            line = reader.line_num
            if len(cells) != len(header):
                problems.append(
                    Problem(
                        name,
                        line,
                        None,
                        f"expected {len(header)} cells, found {len(cells)} "
                        "(a stray comma or an unclosed quote?)",
                    )
                )
                continue
            raw = dict(zip(header, cells))
            row = {
                f["name"]: _convert(res["name"], f, raw[f["name"]], name, line, problems)
                for f in schema_fields
            }
            rows.append((row, line))
    return rows


def _convert(
    table: str, field: dict, text: str, file: str, line: int, problems: list[Problem]
) -> Any:
    """Convert and check one cell; on a problem record it and return None."""
    name = field["name"]
    cons = field.get("constraints", {})
    text = text.strip()
    if text == "":
        if cons.get("required"):
            problems.append(Problem(file, line, name, "is empty but required"))
        return None

    def bad(expected: str) -> None:
        problems.append(Problem(file, line, name, f'expected {expected}, got "{text}"'))

    kind = field.get("type", "string")
    value: Any = text
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            return bad("a whole number")
        value = int(text)
    elif kind == "number":
        try:
            value = float(text)
        except ValueError:
            return bad("a number (with a dot for decimals, no units)")
    elif kind == "boolean":
        if text not in ("true", "false"):
            return bad('"true" or "false"')
        value = text == "true"
    if "enum" in cons and value not in cons["enum"]:
        return bad("one of " + ", ".join(str(v) for v in cons["enum"]))
    if "minimum" in cons and "maximum" in cons and not cons["minimum"] <= value <= cons["maximum"]:
        return bad(f"a number between {cons['minimum']} and {cons['maximum']}")
    if "minLength" in cons and len(value) < cons["minLength"]:
        return bad(f"at least {cons['minLength']} characters")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], text):
        return bad(_PATTERN_HINTS.get(name, f"text matching {cons['pattern']}"))
    if (table, name) in _LIST_FIELDS:
        value = tuple(text.split(";"))
    return value


_PATTERN_HINTS = {
    "date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "end_date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "resolve_by": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "claim": "a claim id such as C07",
    "claims": "claim ids such as C08 or C08;C09",
    "source": "an id such as C07",
    "target": "an id such as C07",
}


# --- keys across rows and tables --------------------------------------------------------


def _check_keys(res: dict, tables: dict, files: dict, problems: list[Problem]) -> None:
    """Unique fields, primary key and foreign keys of one resource."""
    schema = res["schema"]
    rows = tables[res["name"]]
    file = res["path"]
    pk = schema.get("primaryKey", [])
    seen: dict[tuple, int] = {}
    for row, line in rows:
        key = tuple(row[k] for k in pk)
        if None in key:
            continue
        if key in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    ", ".join(pk),
                    f'duplicate id "{"/".join(map(str, key))}" (first used on line {seen[key]})',
                )
            )
        else:
            seen[key] = line
    for fk in schema.get("foreignKeys", []):
        (field,) = fk["fields"]
        target = fk["reference"]["resource"]
        known = {row[fk["reference"]["fields"][0]] for row, _ in tables.get(target, [])}
        for row, line in rows:
            if row[field] is not None and row[field] not in known:
                problems.append(
                    Problem(file, line, field, f'"{row[field]}" is not an id in {files[target]}')
                )


_BASIS_NEEDS = {
    "op-ed": ("claim", "an op-ed edge needs the claim id it comes from"),
    "evidence": ("event", "an evidence edge needs an event or a figure id"),
    "assumption": ("note", "an assumption needs a note saying why it is there"),
}


def _check_rules(tables: dict, files: dict, problems: list[Problem]) -> None:
    """Rules a table schema cannot express, checked once every table reads cleanly."""

    def rows(name: str):
        return [(row, line, files[name]) for row, line in tables[name]]

    def report(file: str, line: int, field: str | None, message: str) -> None:
        problems.append(Problem(file, line, field, message))

    for row, line, file in rows("claims"):
        if row["kind"] == "conditional_prediction" and not row["condition"]:
            report(file, line, "condition", "a conditional prediction needs its condition")

    for row, line, file in rows("claim_links"):
        if row["source"] == row["target"]:
            report(file, line, "target", "a claim cannot bear on itself")

    node_type = {row["id"]: row["type"] for row, _ in tables["nodes"]}
    effect_pairs: dict[tuple, int] = {}
    tie_pairs: dict[tuple, int] = {}
    for row, line, file in rows("edges"):
        ends = (node_type[row["source"]], node_type[row["target"]])
        if row["source"] == row["target"]:
            report(file, line, "target", "an edge cannot start and end at the same node")
        if row["kind"] == "tie" and ends != ("actor", "actor"):
            report(
                file,
                line,
                "kind",
                "a tie links two actors; use kind=effect for causes and outcomes",
            )
        if row["kind"] == "effect" and "actor" in ends:
            report(
                file,
                line,
                "kind",
                "an effect links decisions, factors and outcomes; use kind=tie between actors",
            )
        if row["kind"] == "effect":
            key, pairs = (row["source"], row["target"]), effect_pairs
        else:
            key, pairs = (frozenset((row["source"], row["target"])), row["layer"]), tie_pairs
        if key in pairs:
            report(file, line, "target", f"the same {row['kind']} is already on line {pairs[key]}")
        pairs.setdefault(key, line)
        field, message = _BASIS_NEEDS[row["basis"]]
        if not (row[field] or (row["basis"] == "evidence" and row["figure"])):
            report(file, line, field, message)

    signed_pairs: dict[tuple, int] = {}
    for row, line, file in rows("alignments"):
        for field in ("source", "target"):
            if node_type[row[field]] != "actor":
                report(
                    file,
                    line,
                    field,
                    f'"{row[field]}" is not an actor (its type is {node_type[row[field]]}); a relation links two actors',
                )
        if row["source"] == row["target"]:
            report(file, line, "target", "a relation cannot link an actor to itself")
        key = (row["period"], frozenset((row["source"], row["target"])))
        if key in signed_pairs:
            report(
                file,
                line,
                "target",
                f"the same pair already has a sign for {row['period']} on line {signed_pairs[key]}",
            )
        signed_pairs.setdefault(key, line)
        field, message = _BASIS_NEEDS[row["basis"]]
        if not row[field]:
            report(
                file, line, field, message.replace(" edge", " relation").replace(" or a figure", "")
            )

    for row, line, file in rows("timeline"):
        for field in ("date", "end_date"):
            if row[field]:
                try:
                    parse_partial_date(row[field])
                except ValueError:
                    report(file, line, field, f'"{row[field]}" is not a calendar date')
        if row["end_date"] and row["end_date"] < row["date"]:
            report(file, line, "end_date", "ends before it starts")

    for row, line, file in rows("figures"):
        if (row["value"] is None) == (row["low"] is None or row["high"] is None):
            report(file, line, "value", "give either a value, or both low and high for a range")
        elif row["low"] is not None and row["low"] > row["high"]:
            report(file, line, "low", "low is greater than high")

    claim_ids = {row["id"] for row, _ in tables["claims"]}
    evidence_ids = {row["id"] for row, _ in tables["timeline"]} | {
        row["id"] for row, _ in tables["figures"]
    }
    for row, line, file in rows("moves"):
        for item in row["evidence"]:
            if item not in evidence_ids:
                report(
                    file,
                    line,
                    "evidence",
                    f'"{item}" is not an id in {files["timeline"]} or {files["figures"]}',
                )
    for row, line, file in rows("predictions"):
        for claim in row["claims"]:
            if claim not in claim_ids:
                report(file, line, "claims", f'"{claim}" is not an id in {files["claims"]}')
        for item in row["evidence"]:
            if item not in evidence_ids:
                report(
                    file,
                    line,
                    "evidence",
                    f'"{item}" is not an id in {files["timeline"]} or {files["figures"]}',
                )
        if (row["condition_status"] == "none") != (row["condition"] is None):
            report(
                file,
                line,
                "condition_status",
                "is none exactly when the prediction has no condition",
            )
