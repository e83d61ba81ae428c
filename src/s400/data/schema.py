"""What s400.data reads of ``datapackage.json``: a Resource per table, a Field per column.

:func:`s400.data.descriptor.read_descriptor` makes them, after checking the descriptor; the
tables (:mod:`s400.data.tables`) and cells (:mod:`s400.data.cells`) are read against them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Field:
    """One column of a table's schema, as s400.data reads it.

    Parameters
    ----------
    name : str
        The column's name, as the CSV header has it.
    type : str
        ``string``, ``integer``, ``number`` or ``boolean``.
    constraints : dict
        The schema's constraints on it, such as ``{"required": True, "enum": [-1, 1]}``.
    exact : bool, default False
        An id, a code or a boolean: spaces around a value are an error, not trimmed.
    is_list : bool, default False
        A ';'-separated list of ids (see :func:`s400.data.dataset.expected_fields`).
    booleans : dict of str to bool, optional
        For a boolean: each spelling a cell may hold, and the value it stands for.

    Examples
    --------
    The field ``stated`` of claims.csv in the real descriptor: a required boolean, so exact,
    with Frictionless's default spellings of true and false (``"FALSE"`` among them).

    >>> from s400.data.descriptor import read_descriptor
    >>> from s400.paths import DEFAULT_DATA_DIR
    >>> claims = read_descriptor(DEFAULT_DATA_DIR, [])[0]
    >>> stated = next(f for f in claims.fields if f.name == "stated")
    >>> stated.type, stated.constraints, stated.exact, stated.is_list, stated.booleans["FALSE"]
    ('boolean', {'required': True}, True, False, False)
    """

    name: str
    type: str
    constraints: dict[str, Any]
    exact: bool = False
    is_list: bool = False
    booleans: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Resource:
    """One table: where it is, its fields and keys; ``broken`` says why it cannot be read.

    Parameters
    ----------
    name : str
        The resource's name, such as ``claims``.
    file : str
        The path as the descriptor writes it: what messages call the file.
    path : Path or None
        The file to open, inside the data folder (None when the table cannot be read).
    fields : tuple of Field, optional
        Its columns, in order.
    primary_key : tuple of str, optional
        The fields whose values together must be unique.
    foreign_keys : tuple of tuple, optional
        ``(field, target resource, target field)`` for each column that cites another table.
    encoding : str, default "utf-8"
        The file's encoding.
    delimiter : str or None, optional
        The character between cells; None: the header shows it.
    broken : str or None, optional
        What must happen first when the table cannot be read, such as
        ``'the path of "nodes" is fixed'`` (its problem is reported already).

    Examples
    --------
    claim_links, the second resource of the real descriptor: two claim ids make its key, and
    each cites a claim.

    >>> from s400.data.descriptor import read_descriptor
    >>> from s400.paths import DEFAULT_DATA_DIR
    >>> links = read_descriptor(DEFAULT_DATA_DIR, [])[1]
    >>> links.file, links.primary_key, links.foreign_keys, links.broken
    ('claim_links.csv', ('source', 'target'), (('source', 'claims', 'id'), \
('target', 'claims', 'id')), None)
    """

    name: str
    file: str
    path: Path | None
    fields: tuple[Field, ...] = ()
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    encoding: str = "utf-8"
    delimiter: str | None = None
    broken: str | None = None
