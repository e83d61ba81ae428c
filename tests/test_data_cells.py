"""A column converted at once (the fast path that loads a big table quickly) gives exactly what
converting its cells one by one gives: the same values, the same messages on the same rows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s400.data.cells import BadCell, convert_cell, convert_column
from s400.data.descriptor import FALSE_VALUES, TRUE_VALUES, Field

BOOLEANS = {**dict.fromkeys(TRUE_VALUES, True), **dict.fromkeys(FALSE_VALUES, False)}
FIELDS = [
    Field("weight", "number", {"minimum": 0, "maximum": 1, "required": True}),
    Field("value", "number", {}),
    Field("sign", "integer", {"enum": [-1, 1], "required": True}, exact=False),
    Field("stated", "boolean", {"required": True}, exact=True, booleans=BOOLEANS),
    Field("id", "string", {"pattern": "^C[0-9]{2}$", "required": True}, exact=True),
    Field("kind", "string", {"enum": ["fact", "judgement"]}, exact=True),
    Field("source", "string", {}, exact=True),  # a foreign key: no pattern, but exact
    Field("text", "string", {"minLength": 3, "required": True}),
    Field("claims", "string", {"pattern": "^C[0-9]{2}(;C[0-9]{2})*$"}, exact=True, is_list=True),
]
# Cells near the edges of what each field accepts: spaces, signs, cases, dots, lists.
PIECES = ["", " ", "C05", "C5", "C05;C06", "0.5", "1", "-1", "+1", "1.0", "1e0", "nan", "inf"]
PIECES += ["true", "True", "yes", "fact", "Fact", "judgement", "ab", "abcd", "x,y", "0", "7"]
cells = st.lists(
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(["", " "]), st.sampled_from(PIECES),
              st.sampled_from(["", " ", "\t"])),
    max_size=8,
)  # fmt: skip


def one_by_one(field: Field, column: list[str]) -> tuple[list, list]:
    values, bad = [], []
    for index, cell in enumerate(column):
        try:
            values.append(convert_cell(field, cell))
        except BadCell as error:
            values.append(None)
            bad.append((index, str(error)))
    return values, bad


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
@settings(max_examples=300, deadline=None)
@given(column=cells)
def test_the_whole_column_at_once_is_the_cells_one_by_one(field, column):
    assert convert_column(field, column) == one_by_one(field, column)


def test_a_valid_column_takes_the_fast_path(monkeypatch):
    """Otherwise the test above would pass with the fast path never used."""
    import s400.data.cells as cells_module

    def refuse(field: Field, cell: str) -> None:
        raise AssertionError("the cell-by-cell path ran")

    monkeypatch.setattr(cells_module, "convert_cell", refuse)
    assert convert_column(FIELDS[0], ["0.5", " 1", "0"]) == ([0.5, 1.0, 0.0], [])
    assert convert_column(FIELDS[8], ["C01;C02", ""]) == ([("C01", "C02"), None], [])
