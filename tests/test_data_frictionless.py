"""s400.data and `frictionless validate` agree on every case of the bank of broken data folders
(broken_data.py, broken_tables.py): what one accepts the other accepts, what one refuses the
other refuses, except for the rules only s400.data checks, listed here with the reason.

`frictionless validate` runs in this process through its own command-line app (Typer's test
runner calls the same command as the shell does), because a new process per case would cost
two seconds each; test_the_command_line_validates_the_real_package runs the real command once.
"""

import json
import subprocess
import sys
from pathlib import Path

import broken_descriptor  # noqa: F401  (adds its cases to CASES)
import broken_tables  # noqa: F401
import pytest
from broken_data import CASES
from frictionless.console import console
from locations import DATA
from typer.testing import CliRunner

from s400.data import DataError, load

#: What only s400.data refuses, and why the module needs it refused.
S400_ONLY = {
    "resource_left_out": "the module reads all nine tables",
    "field_type_changed": "a field's type is what the module's record needs (sign: integer)",
    "required_dropped": "a field the module's record needs is required",
    "field_added": "a table has exactly the fields the module's record reads",
    "path_a_link_out": "nothing outside the data folder is opened, links included",
    "moves_only_a_header": "every table needs a row (notebook 05 has nothing to update on)",
    "required_only_spaces": "a required text of spaces only is empty",
    "number_infinite": "a number is finite",
    "date_not_on_the_calendar": "a date is on the calendar (2020-02-30 is not)",
    "date_after_the_sources": "no date after 3 March 2026, when the module's sources end",
    "unknown_evidence_in_a_list": "each id in a ';' list is an id of its table",
    "op_ed_edge_without_its_claim": "an edge or a relation has what its basis needs",
    "evidence_relation_without_its_event": "an edge or a relation has what its basis needs",
    "tie_between_outcomes": "a tie links two actors, an effect none",
    "relation_with_an_outcome": "a relation links two actors",
    "range_upside_down": "a range has low <= high",
    "conditional_prediction_without_its_condition": "a conditional prediction states its condition",
    "condition_status_without_a_condition": "condition_status is none exactly without a condition",
    "a_claim_bearing_on_itself": "a claim does not bear on itself",
    "argument_map_in_a_circle": "the argument map has no circle (notebook 01 lays it out in order)",
    "ends_before_it_starts": "an event does not end before it starts",
}


def frictionless_errors(folder: Path) -> list[str] | None:
    """What `frictionless validate --json` finds (None: the package is valid)."""
    result = CliRunner().invoke(console, ["validate", str(folder / "datapackage.json"), "--json"])
    if result.exit_code == 0:
        return None
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:  # it failed before writing a report
        return [result.stdout[-500:]]
    found = report.get("errors", []) + [e for task in report["tasks"] for e in task["errors"]]
    return [f"{e['type']}: {e['message'][:200]}" for e in found]


def s400_problems(folder: Path) -> list[str] | None:
    try:
        load(folder)
    except DataError as error:
        return [str(p) for p in error.problems]
    return None


@pytest.mark.parametrize("name", sorted(CASES))
def test_frictionless_and_s400_data_agree(data_copy, name):
    CASES[name](data_copy)
    ours, theirs = s400_problems(data_copy), frictionless_errors(data_copy)
    if name in S400_ONLY:
        assert ours and theirs is None, f"listed as s400.data's only, but frictionless: {theirs}"
    else:
        assert (ours is None) == (theirs is None), f"s400.data: {ours}\nfrictionless: {theirs}"


def test_the_list_names_only_cases_of_the_bank():
    assert set(S400_ONLY) <= set(CASES)


def test_frictionless_validates_the_real_package():
    assert frictionless_errors(DATA) is None


def test_the_command_line_validates_the_real_package():
    cli = Path(sys.executable).with_name("frictionless")
    result = subprocess.run(
        [str(cli), "validate", str(DATA / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
