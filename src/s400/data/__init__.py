"""Load the module's data package (data/) into typed records, validating on the way.

The schema lives once, in ``data/datapackage.json`` (a Frictionless Data Package). :func:`load`
checks, in this order, and reports every problem found at once:

1. the descriptor (:mod:`s400.data.descriptor`): valid JSON, the shape the module reads, every
   table's path inside the data folder (checked before any table is opened);
2. each table (:mod:`s400.data.tables`, :mod:`s400.data.cells`): encoding, header, rows, and
   each cell against its field's type and constraints;
3. keys (:mod:`s400.data.keys`): unique ids, and every reference to another table's id; a table
   that could not be read is reported once, with how many references wait on it;
4. the rules a table schema cannot express (:mod:`s400.data.rules`), on every row that could be
   read: an op-ed edge needs its claim, a date is a calendar date before the sources end, the
   argument map has no circle, ...

Frictionless validates the same package in the test suite (and must agree, except on the rules
only s400.data checks); it is not used here because its first call costs about two seconds,
which every notebook would pay.

Examples
--------
>>> data = load()
>>> data.claims["C07"].kind
'normative_premise'
>>> sorted({edge.layer for edge in data.edges})[:2]
['economic', 'energy']
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator
from pathlib import Path

from s400.data.dataset import RECORDS, Dataset, build_dataset
from s400.data.descriptor import DESCRIPTOR, read_descriptor
from s400.data.evidence import Event, Figure, Move, Prediction, parse_partial_date
from s400.data.keys import check_keys
from s400.data.problems import DataError, Problem
from s400.data.records import Alignment, Claim, ClaimLink, Edge, Node
from s400.data.rules import check_rules
from s400.data.tables import read_table
from s400.paths import DEFAULT_DATA_DIR

__all__ = [
    "DEFAULT_DATA_DIR",
    "Alignment",
    "Claim",
    "ClaimLink",
    "DataError",
    "Dataset",
    "Edge",
    "Event",
    "Figure",
    "Move",
    "Node",
    "Prediction",
    "Problem",
    "load",
    "parse_partial_date",
]


def load(data_dir: str | Path | None = None) -> Dataset:
    """Load and validate the data package in ``data_dir``.

    Parameters
    ----------
    data_dir : str or Path, optional
        The data folder; by default ``$S400_DATA_DIR`` if set, else the repository's data/.
        Nothing outside it is opened.

    Returns
    -------
    Dataset
        Every table as typed records.

    Raises
    ------
    DataError
        Listing every problem found, each naming the file, the line and the field, what was
        expected and what to do.

    Examples
    --------
    >>> data = load()
    >>> len(data.claims) > 0 and all(c.paragraph.startswith("P") for c in data.claims.values())
    True
    >>> load("no_such_folder")
    Traceback (most recent call last):
    ...
    s400.data.problems.DataError: 1 problem in the data package:
      - datapackage.json: not found (no_such_folder is not a folder): is this the data folder?
    Fix it, then load the data again (data/README.md explains every column).
    """
    folder = Path(data_dir or os.environ.get("S400_DATA_DIR") or DEFAULT_DATA_DIR)
    problems: list[Problem] = []
    with _no_garbage_collection():
        resources = read_descriptor(folder, problems)
        tables = {r.name: read_table(r, problems) for r in resources}
        check_keys(tables, problems)
        check_rules(tables, problems)
        if not problems and resources:
            return build_dataset({name: tables[name].columns for name in RECORDS})
    # By file and line; the descriptor's in the order found, which follows the descriptor.
    files = [DESCRIPTOR] + [r.file for r in resources]
    problems.sort(key=lambda p: (files.index(p.file), p.file != DESCRIPTOR and (p.line or 0)))
    raise DataError(problems)


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Pause Python's cycle collector: loading makes no cycles, and a big table makes millions of
    cells and rows that the collector would otherwise walk again and again (a third of the time
    a 50 MB table takes; see benchmarks/loading.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
