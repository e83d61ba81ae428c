"""The whole data package as one Dataset, and its contract with ``datapackage.json``.

A table's schema must have exactly its record's fields (:mod:`s400.data.records`), with the
matching types (:func:`expected_fields`), so that a notebook never meets a number where it
expects text. :func:`build_dataset` turns the checked tables into the records.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from s400.data.evidence import Event, Figure, Move, Prediction
from s400.data.records import Alignment, Claim, ClaimLink, Edge, Node


@dataclass(frozen=True)
class Dataset:
    """The whole data package, validated. Mappings are keyed by id, in file order.

    Parameters
    ----------
    claims : dict of str to Claim
        The op-ed's claims (claims.csv).
    claim_links : tuple of ClaimLink
        The arrows of the argument map (claim_links.csv).
    nodes : dict of str to Node
        The nodes of the influence network (nodes.csv).
    edges : tuple of Edge
        Its edges (edges.csv).
    timeline : dict of str to Event
        The dated events (timeline.csv).
    figures : dict of str to Figure
        The sourced numbers (figures.csv).
    predictions : dict of str to Prediction
        The op-ed's predictions with their verdicts (predictions.csv).
    alignments : tuple of Alignment
        The signed relations between actors, before and after the purchase (alignments.csv).
    moves : dict of str to Move
        Ankara's observed moves, with their judged chances (moves.csv).

    Examples
    --------
    claims.csv begins with the rows C01 and C02 (lines 2 and 3), edges.csv with E01 (line 2):
    the claims become a dict keyed by id, the edges a tuple, both in file order.

    >>> from s400.data import load
    >>> data = load()
    >>> list(data.claims)[:2], type(data.edges).__name__, data.edges[0].id
    (['C01', 'C02'], 'tuple', 'E01')
    """

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
    """What a record needs of one schema field.

    Parameters
    ----------
    type : str
        The Frictionless type: ``string``, ``integer``, ``number`` or ``boolean``.
    required : bool
        Whether the record cannot hold None, so the schema must make the field required.
    is_list : bool
        A ';'-separated list of ids in a string field, read into a tuple.

    Examples
    --------
    ``Edge.claim`` is ``str | None``: text, and may be empty.

    >>> from s400.data.records import Edge
    >>> expected_fields(Edge)["claim"]
    FieldSpec(type='string', required=False, is_list=False)
    """

    type: str
    required: bool
    is_list: bool


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
