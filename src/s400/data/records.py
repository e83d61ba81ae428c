"""The typed records the data package loads into: one frozen dataclass per table, and the Dataset.

The records are also the module's side of the contract with ``datapackage.json``: a table's
schema must have exactly its record's fields, with the matching types (:func:`expected_fields`),
so that a notebook never meets a number where it expects text.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, NamedTuple


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
    """A dated event; ``date`` keeps the source's precision (YYYY, YYYY-MM or YYYY-MM-DD)."""

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
        """The first day the date could mean, for plotting on a time axis.

        Returns
        -------
        datetime.date
            :func:`parse_partial_date` of ``date``.

        Examples
        --------
        >>> from s400.data import load
        >>> load().timeline["f35_removal_2019"].start
        datetime.date(2019, 7, 17)
        """
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
    """An observed move of Ankara's, with judged chances of it under two readings of the deal."""

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


#: The tables of the package, by resource name, and the record each row becomes.
RECORDS: dict[str, type] = {
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
_SCHEMA_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


class FieldSpec(NamedTuple):
    """What a record needs of one schema field."""

    type: str  # the Frictionless type: string, integer, number or boolean
    required: bool  # the record cannot hold None
    is_list: bool  # a ';'-separated list of ids, read into a tuple


@functools.cache
def expected_fields(record: type) -> dict[str, FieldSpec]:
    """What a record type needs of its table's schema, field by field, in order.

    Parameters
    ----------
    record : type
        One of the record dataclasses, e.g. :class:`Move`.

    Returns
    -------
    dict
        ``{field name: FieldSpec}``, read from the dataclass's type hints: ``X | None`` is an
        optional field, ``tuple[str, ...]`` a ';'-separated list stored as a string.

    Examples
    --------
    >>> expected_fields(Move)["evidence"]
    FieldSpec(type='string', required=True, is_list=True)
    >>> expected_fields(Figure)["value"]
    FieldSpec(type='number', required=False, is_list=False)
    """
    hints = typing.get_type_hints(record)
    specs = {}
    for field in fields(record):
        hint = hints[field.name]
        required = not (isinstance(hint, types.UnionType) and type(None) in hint.__args__)
        if not required:
            hint = next(arg for arg in hint.__args__ if arg is not type(None))
        is_list = typing.get_origin(hint) is tuple
        specs[field.name] = FieldSpec(_SCHEMA_TYPES[str if is_list else hint], required, is_list)
    return specs


def build_dataset(columns: Mapping[str, Mapping[str, Sequence[Any]]]) -> Dataset:
    """The Dataset from checked tables, given column by column.

    Parameters
    ----------
    columns : mapping
        ``{table name: {field name: the column's values, one per row}}`` for every table of
        :data:`RECORDS`, already converted to the records' types.

    Returns
    -------
    Dataset
        Rows become records in file order; tables with an ``id`` become dicts keyed by it.

    Examples
    --------
    >>> empty = {name: {f: [] for f in expected_fields(record)} for name, record in RECORDS.items()}
    >>> empty["nodes"] = {"id": ["a", "b"], "label": ["A", "B"], "type": ["actor"] * 2,
    ...                   "description": ["first", "second"]}
    >>> build_dataset(empty).nodes["b"].description
    'second'
    """

    def rows(name: str) -> list:
        record = RECORDS[name]
        return list(map(record, *(columns[name][f] for f in expected_fields(record))))

    def by_id(name: str) -> dict:
        return {row.id: row for row in rows(name)}

    return Dataset(
        claims=by_id("claims"),
        claim_links=tuple(rows("claim_links")),
        nodes=by_id("nodes"),
        edges=tuple(rows("edges")),
        timeline=by_id("timeline"),
        figures=by_id("figures"),
        predictions=by_id("predictions"),
        alignments=tuple(rows("alignments")),
        moves=by_id("moves"),
    )


def parse_partial_date(text: str) -> dt.date:
    """The first day a date at the source's precision can mean.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Returns
    -------
    datetime.date
        The date; a missing month or day is read as 1.

    Raises
    ------
    ValueError
        If the text is not a date in one of those forms, or not a calendar date (2019-02-30).

    Examples
    --------
    >>> parse_partial_date("2019-07")
    datetime.date(2019, 7, 1)
    >>> parse_partial_date("2019")
    datetime.date(2019, 1, 1)
    >>> parse_partial_date("2019-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    parts = [int(p) for p in text.split("-")]
    if len(parts) > 3:
        raise ValueError(f"not a date: {text!r}")
    return dt.date(*(parts + [1] * (3 - len(parts))))
