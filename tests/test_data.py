"""The data package: it loads, frictionless accepts it, and every kind of mistake gets a clear message."""

import csv
import io
import re
from pathlib import Path

import pytest
from frictionless import Package
from locations import DATA

from s400.data import DataError, load, parse_partial_date


def edit_csv(folder: Path, file: str, row_id: str, field: str, value: str) -> int:
    """Set one cell of a copied CSV (the row whose first column is row_id); return its line number."""
    path = folder / file
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    column = rows[0].index(field)
    for index, row in enumerate(rows):
        if row[0] == row_id:
            row[column] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
            return index + 1
    raise AssertionError(f"{row_id} not in {file}")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return [str(p) for p in caught.value.problems]


def frictionless_errors(folder: Path) -> list[str]:
    report = Package(str(folder / "datapackage.json")).validate()
    return [error.type for task in report.tasks for error in task.errors]


def test_the_real_package_loads_into_typed_records():
    data = load()
    edge = data.edges[0]
    assert isinstance(edge.sign, int) and isinstance(edge.weight, float)
    assert all(isinstance(c.stated, bool) for c in data.claims.values())
    assert all(isinstance(p.evidence, tuple) for p in data.predictions.values())


def test_frictionless_validates_the_real_package():
    assert frictionless_errors(DATA) == []


def test_frictionless_cli_validates_the_real_package():
    import subprocess
    import sys

    cli = Path(sys.executable).with_name("frictionless")
    result = subprocess.run(
        [str(cli), "validate", str(DATA / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_missing_column_is_named(data_copy):
    path = data_copy / "edges.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    weight = rows[0].index("weight")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:weight] + r[weight + 1 :] for r in rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    (problem,) = problems_of(data_copy)
    assert problem.startswith("edges.csv, line 1: missing column(s) weight.")
    assert "Expected the columns: id, source, target" in problem
    assert frictionless_errors(data_copy)


def test_an_unknown_node_in_an_edge_is_named(data_copy):
    line = edit_csv(data_copy, "edges.csv", "E06", "target", "us_relation")
    assert problems_of(data_copy) == [
        f'edges.csv, line {line}, field "target": "us_relation" is not an id in nodes.csv'
    ]
    assert "foreign-key" in frictionless_errors(data_copy)


@pytest.mark.parametrize("weight", ["1.5", "-0.1"])
def test_a_weight_outside_0_1_is_named(data_copy, weight):
    line = edit_csv(data_copy, "edges.csv", "E07", "weight", weight)
    assert problems_of(data_copy) == [
        f'edges.csv, line {line}, field "weight": expected a number between 0 and 1, got "{weight}"'
    ]
    assert "constraint-error" in frictionless_errors(data_copy)


def test_a_weight_that_is_not_a_number_is_named(data_copy):
    line = edit_csv(data_copy, "edges.csv", "E07", "weight", "0,6")
    assert problems_of(data_copy) == [
        f'edges.csv, line {line}, field "weight": expected a number '
        '(with a dot for decimals, no units), got "0,6"'
    ]


@pytest.mark.parametrize("sign", ["0", "2", "+"])
def test_a_sign_that_is_not_plus_or_minus_one_is_named(data_copy, sign):
    line = edit_csv(data_copy, "edges.csv", "E08", "sign", sign)
    (problem,) = problems_of(data_copy)
    assert problem.startswith(f'edges.csv, line {line}, field "sign": expected ')
    assert problem.endswith(f'got "{sign}"')
    assert frictionless_errors(data_copy)


def test_a_duplicate_id_is_named_with_both_lines(data_copy):
    first = edit_csv(data_copy, "nodes.csv", "economy", "label", "Economy")
    line = edit_csv(data_copy, "nodes.csv", "autonomy", "id", "economy")
    problems = problems_of(data_copy)
    assert (
        f'nodes.csv, line {max(first, line)}, field "id": duplicate id "economy" (first used on line {min(first, line)})'
        in problems
    )
    assert {"primary-key", "unique-error"} & set(frictionless_errors(data_copy))


def test_an_edge_citing_a_claim_that_does_not_exist_is_named(data_copy):
    line = edit_csv(data_copy, "edges.csv", "E09", "claim", "C99")
    assert problems_of(data_copy) == [
        f'edges.csv, line {line}, field "claim": "C99" is not an id in claims.csv'
    ]
    assert "foreign-key" in frictionless_errors(data_copy)


@pytest.mark.parametrize(
    "date, expected",
    [
        ("12/07/2019", 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "12/07/2019"'),
        ("2019-7-12", 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2019-7-12"'),
        ("2019-02-30", '"2019-02-30" is not a calendar date'),
    ],
)
def test_a_malformed_date_is_named(data_copy, date, expected):
    line = edit_csv(data_copy, "timeline.csv", "f35_removal_2019", "date", date)
    assert problems_of(data_copy) == [f'timeline.csv, line {line}, field "date": {expected}']


def test_rules_beyond_the_schema(data_copy):
    opinion = edit_csv(data_copy, "edges.csv", "E06", "claim", "")
    rng = edit_csv(data_copy, "figures.csv", "f35_payments", "low", "2")
    evidence = edit_csv(
        data_copy, "predictions.csv", "PR01", "evidence", "f35_removal_2019;moon_landing_1969"
    )
    tie = edit_csv(data_copy, "edges.csv", "E31", "target", "economy")
    problems = problems_of(data_copy)
    assert problems == [
        f'edges.csv, line {opinion}, field "claim": an op-ed edge needs the claim id it comes from',
        f'edges.csv, line {tie}, field "kind": a tie links two actors; use kind=effect for causes and outcomes',
        f'figures.csv, line {rng}, field "low": low is greater than high',
        f'predictions.csv, line {evidence}, field "evidence": "moon_landing_1969" is not an id in timeline.csv or figures.csv',
    ]


def test_every_problem_is_reported_at_once(data_copy):
    edit_csv(data_copy, "edges.csv", "E07", "weight", "7")
    edit_csv(data_copy, "claims.csv", "C03", "speaker", "Erdogan")
    edit_csv(data_copy, "timeline.csv", "caatsa_2020", "confidence", "high")
    message = str(pytest.raises(DataError, load, data_copy).value)
    assert message.startswith("3 problem(s) in the data package:")
    assert all(f in message for f in ('field "weight"', 'field "speaker"', 'field "confidence"'))


def test_a_missing_folder_says_what_it_looked_for(tmp_path):
    (problem,) = problems_of(tmp_path)
    assert "datapackage.json: not found" in problem


def test_partial_dates_keep_their_precision():
    assert parse_partial_date("2017").isoformat() == "2017-01-01"
    assert parse_partial_date("2019-07-12").isoformat() == "2019-07-12"
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", load().timeline["f35_removal_2019"].date)


def test_broken_relations_and_moves_are_named(data_copy):
    actor = edit_csv(data_copy, "alignments.csv", "A02", "target", "economy")
    evidence = edit_csv(data_copy, "alignments.csv", "A06", "event", "")
    duplicate = edit_csv(data_copy, "alignments.csv", "A08", "target", "turkey_gov")
    unknown = edit_csv(
        data_copy, "moves.csv", "M02", "evidence", "patriot_request_2020;patriot_gift_2021"
    )
    problems = problems_of(data_copy)
    assert problems == [
        f'alignments.csv, line {actor}, field "target": "economy" is not an actor (its type is outcome); a relation links two actors',
        f'alignments.csv, line {evidence}, field "event": an evidence relation needs an event id',
        f'alignments.csv, line {duplicate}, field "target": the same pair already has a sign for after on line {duplicate - 1}',
        f'moves.csv, line {unknown}, field "evidence": "patriot_gift_2021" is not an id in timeline.csv or figures.csv',
    ]


@pytest.mark.parametrize("chance", ["1", "0", "0.995"])
def test_a_judged_chance_must_stay_off_certainty(data_copy, chance):
    """A likelihood of 0 or 1 would fix the posterior for good, whatever came after: 0.01 to 0.99."""
    line = edit_csv(data_copy, "moves.csv", "M01", "p_if_chip", chance)
    assert problems_of(data_copy) == [
        f'moves.csv, line {line}, field "p_if_chip": expected a number between 0.01 and 0.99, got "{chance}"'
    ]
    assert "constraint-error" in frictionless_errors(data_copy)


def test_a_relation_sign_must_be_plus_or_minus_one(data_copy):
    line = edit_csv(data_copy, "alignments.csv", "A12", "sign", "0")
    assert problems_of(data_copy) == [
        f'alignments.csv, line {line}, field "sign": expected one of -1, 1, got "0"'
    ]
