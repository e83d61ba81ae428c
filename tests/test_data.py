"""The data package: it loads, every kind of broken input gets its clear message (the bank in
broken_data.py and broken_tables.py), nothing outside the data folder is opened, and a notebook
shows a DataError as one short message."""

import json
import re
from pathlib import Path

import broken_descriptor  # noqa: F401  (adds its cases to CASES)
import broken_tables  # noqa: F401
import nbformat
import pytest
from broken_data import CASES, edit_csv, waiting
from locations import DATA, ROOT
from nbclient import NotebookClient
from opened_files import opened

from s400 import environment
from s400.data import DataError, load, parse_partial_date


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return [str(p) for p in caught.value.problems]


def test_the_real_package_loads_into_typed_records():
    data = load()
    edge = data.edges[0]
    assert isinstance(edge.sign, int) and isinstance(edge.weight, float)
    assert all(isinstance(c.stated, bool) for c in data.claims.values())
    assert all(isinstance(p.evidence, tuple) for p in data.predictions.values())
    assert len(data.claims) == len((DATA / "claims.csv").read_text().splitlines()) - 1


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_kind_of_broken_input_gets_its_message(data_copy, name):
    expected = CASES[name](data_copy)
    if not expected:
        load(data_copy)  # a variation that must load
    else:
        assert problems_of(data_copy) == expected


def test_the_report_lists_each_message_once_with_its_lines(data_copy):
    expected = CASES["renamed_node"](data_copy)
    lines = [int(re.search(r"line (\d+)", p).group(1)) for p in expected]
    with pytest.raises(DataError) as caught:
        load(data_copy)
    message = str(caught.value).splitlines()
    assert len(lines) > 2 and message[0] == f"{len(lines)} problems in the data package:"
    listed = ", ".join(map(str, lines[:-1])) + f" and {lines[-1]}"
    assert message[1] == (
        f'  - edges.csv, lines {listed}, field "target": "economy" is not an id in nodes.csv'
    )
    assert message[2:] == [
        "Fix them, then load the data again (data/README.md explains every column)."
    ]


@pytest.mark.parametrize("name", ["path_absolute", "path_up_and_out", "path_a_link_out"])
def test_nothing_outside_the_data_folder_is_opened(data_copy, name):
    CASES[name](data_copy)
    secret = data_copy.parent / "data" / ".." / "secret.csv"
    secret.write_text("the first line of a file outside the data folder\n")
    with opened() as paths, pytest.raises(DataError) as caught:
        load(data_copy)
    message = str(caught.value)
    folder = data_copy.resolve()
    assert paths and [p for p in paths if not Path(p).resolve().is_relative_to(folder)] == []
    assert Path(paths[0]).name == "datapackage.json"  # the paths were checked before any table
    assert "first line" not in message


def test_a_table_that_cannot_be_opened_is_named(data_copy, monkeypatch):
    # chmod would not stop root (as in CI): opening it is made to fail as it would for a student.
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):
        if self.name == "claims.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert problems_of(data_copy) == [
        f"claims.csv: could not be read (Permission denied): {waiting(data_copy, 'claims')} "
        "cannot be checked"
    ]


def test_a_data_error_in_a_notebook_is_one_short_message(data_copy, monkeypatch):
    """The first cell of notebook 01 in a real kernel, with a broken data folder: the student sees
    the problems, not the loader's frames."""
    line = edit_csv(data_copy, "edges.csv", "E07", "weight", "7")
    monkeypatch.setenv("S400_DATA_DIR", str(data_copy))
    source = json.loads((ROOT / "notebooks" / "01_case_and_argument.ipynb").read_text())
    first = next(c for c in source["cells"] if c["cell_type"] == "code")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("".join(first["source"]))])
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True)
    client.execute(cwd=str(ROOT / "notebooks"))
    (error,) = [o for o in notebook.cells[0].outputs if o.output_type == "error"]
    shown = [re.sub(r"\x1b\[[0-9;]*m", "", text) for text in error.traceback]
    assert shown == [
        "DataError: 1 problem in the data package:",
        f'  - edges.csv, line {line}, field "weight": expected a number between 0 and 1, got "7"',
        "Fix it, then load the data again (data/README.md explains every column).",
    ]


def test_the_environment_check_reports_a_broken_package(data_copy, monkeypatch):
    (problem,) = CASES["descriptor_not_json"](data_copy)
    monkeypatch.setenv("S400_DATA_DIR", str(data_copy))
    text = environment.report()
    assert text.splitlines()[1:] == [
        "1 problem in the data package:",
        f"  - {problem}",
        "Fix it, then load the data again (data/README.md explains every column).",
    ]


def test_the_environment_check_reports_any_failure_of_the_loader(monkeypatch):
    def fails() -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr(environment, "load", fails)
    last = environment.report().splitlines()[-1]
    assert last == (
        "The data package could not be loaded; the notebooks cannot load it either "
        "(MemoryError: out of memory). Please report this with the data folder."
    )


def test_partial_dates_keep_their_precision():
    assert parse_partial_date("2017").isoformat() == "2017-01-01"
    assert parse_partial_date("2019-07-12").isoformat() == "2019-07-12"
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", load().timeline["f35_removal_2019"].date)


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "2019-1-2-3", "soon"])
def test_a_date_that_is_not_on_the_calendar_is_refused(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)
