"""The class poll: every kind of broken file is listed with its name and reason, never fatal; the
summaries match hand-computed values; the demo folder is exactly what its script generates."""

import importlib.util
import json
import os
from pathlib import Path

import pytest
from locations import ROOT

from s400.data import load
from s400.plots import draw_poll_spread
from s400.poll import (
    Entry,
    SkippedFile,
    best_options,
    break_even_spread,
    break_evens,
    columns,
    parameter_table,
    read_folder,
    share_rational,
    spread,
    summary_text,
    verdict_summary,
)
from s400.reasoning import Lab
from s400.reasoning.scenarios import MAX_BYTES, preset, to_json
from s400.widgets import ReasoningLab

LAB = Lab(load())
DEMO = ROOT / "instructor" / "poll_demo"
NOTEBOOK = ROOT / "instructor" / "class_poll.ipynb"
# buying wins by 1.25 (verdict_text's doctest): patriot gives no air defence, air defence worth 15
RATIONAL = {**LAB.default(), "magnitude.air_defence": 15.0, "weight.E26": 0.0}


def scenario_file(values: object = None, **fields: object) -> str:
    document = json.loads(to_json(LAB, "ann", preset(LAB, "author")))
    document.update(fields)
    if values is not None:
        document["values"] = values
    return json.dumps(document)


def read_one(
    tmp_path: Path, content: str | bytes, name: str = "f.json"
) -> tuple[list[Entry], list[SkippedFile]]:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_folder(LAB, tmp_path)


def only_problem(tmp_path: Path, content: str | bytes, name: str = "f.json") -> str:
    entries, problems = read_one(tmp_path, content, name)
    assert entries == [] and len(problems) == 1 and problems[0].file == name
    return problems[0].reason


def test_a_file_the_lab_exports_is_read_as_it_was_set(tmp_path):
    app = ReasoningLab(LAB, folder=tmp_path)
    app.sliders["magnitude.autonomy"].value = 7.5
    app.file_name.value = "ann.json"
    app.export.click()
    entries, problems = read_folder(LAB, tmp_path)
    assert problems == [] and [(e.file, e.name) for e in entries] == [("ann.json", "ann")]
    assert entries[0].scenario == pytest.approx(
        {**preset(LAB, "author"), "magnitude.autonomy": 7.5}
    )


@pytest.mark.parametrize(
    "content, reason",
    [
        ("air defence 12, F-35 9", "not valid JSON (Expecting value, line 1)"),
        (
            '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
            'not a scenario file: its "format" is not "s400-scenario"',
        ),  # a notebook
        (
            '{"name": "app", "version": "1.0.0", "dependencies": {}}',
            'not a scenario file: its "format" is not "s400-scenario"',
        ),  # a package.json
        ("[1, 2, 3]", 'not a scenario file: its "format" is not "s400-scenario"'),
        (scenario_file(version=2), "unsupported scenario version 2 (this lab reads version 1)"),
        (scenario_file(version="1"), "unsupported scenario version '1' (this lab reads version 1)"),
        (scenario_file(values=[1, 2]), 'no "values" object in the file'),
        ("", "empty file"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
            "not a text file (not UTF-8): expected the JSON file the lab exports",
        ),
    ],
)
def test_each_broken_file_is_listed_with_its_reason(tmp_path, content, reason):
    assert only_problem(tmp_path, content) == reason


@pytest.mark.parametrize(
    "key, value, reason",
    [
        ("magnitude.morale", 2.0, "unknown parameter: magnitude.morale"),
        (
            "probability.s400_active",
            1.5,
            "probability.s400_active: 1.5 is outside its range 0 to 1",
        ),
        (
            "magnitude.us_sanctions",
            2.0,
            "magnitude.us_sanctions: 2.0 is outside its range -10 to 0",
        ),
        ("magnitude.economy", "high", "magnitude.economy: expected a number, got 'high'"),
        ("magnitude.economy", "3.0", "magnitude.economy: expected a number, got '3.0'"),
        ("discount_rate", None, "discount_rate: expected a number, got None"),
        ("discount_rate", True, "discount_rate: expected a number, got True"),
    ],
)
def test_a_bad_value_names_the_field_and_what_was_expected(tmp_path, key, value, reason):
    assert only_problem(tmp_path, scenario_file({**preset(LAB, "author"), key: value})) == reason


def test_missing_parameters_are_rejected_not_filled_in(tmp_path):
    values = preset(LAB, "author")
    del values["discount_rate"], values["magnitude.f35_place"]
    assert (
        only_problem(tmp_path, scenario_file(values))
        == "missing: magnitude.f35_place; missing: discount_rate"
    )


def test_a_huge_file_is_not_read(tmp_path):
    reason = only_problem(tmp_path, b"{" + b" " * MAX_BYTES)
    assert reason == (
        f"too large (more than {MAX_BYTES:,} bytes): a scenario file is about 1.5 KB; "
        "export it from the lab again"
    )


def test_a_file_of_exactly_the_cap_is_read(tmp_path):
    text = scenario_file()
    entries, problems = read_one(tmp_path, text + " " * (MAX_BYTES - len(text.encode("utf-8"))))
    assert problems == [] and len(entries) == 1


def test_a_byte_order_mark_and_an_upper_case_suffix_are_accepted(tmp_path):
    entries, problems = read_one(
        tmp_path, b"\xef\xbb\xbf" + scenario_file().encode("utf-8"), "ANN.JSON"
    )
    assert problems == [] and entries[0].file == "ANN.JSON"


def test_other_files_and_subfolders_are_listed_hidden_ones_ignored(tmp_path):
    (tmp_path / "ann.json").write_text(scenario_file())
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "ann.json.txt").write_text(scenario_file())
    (tmp_path / "late").mkdir()
    (tmp_path / "late" / "bob.json").write_text(scenario_file(name="bob"))
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    entries, problems = read_folder(LAB, tmp_path)
    assert [e.file for e in entries] == ["ann.json"]
    assert problems == [
        SkippedFile("ann.json.txt", "not a .json file: skipped (the lab exports .json files)"),
        SkippedFile("late/", "a subfolder: skipped (only files directly in the folder are read)"),
        SkippedFile("notes.txt", "not a .json file: skipped (the lab exports .json files)"),
    ]


def test_a_second_copy_counts_once_but_two_students_with_one_name_count_twice(tmp_path):
    (tmp_path / "a.json").write_text(scenario_file(name="my_scenario"))
    (tmp_path / "b.json").write_text(scenario_file(name="my_scenario"))  # the same file again
    (tmp_path / "c.json").write_text(
        scenario_file({**preset(LAB, "author"), "discount_rate": 0.1}, name="my_scenario")
    )
    entries, problems = read_folder(LAB, tmp_path)
    assert [e.file for e in entries] == ["a.json", "c.json"]
    assert problems == [
        SkippedFile("b.json", "duplicate of a.json (same name and numbers): counted once")
    ]


def test_bad_files_do_not_stop_the_good_ones(tmp_path):
    for i, bad in enumerate(["", "{", "[]", scenario_file(version=3)]):
        (tmp_path / f"bad{i}.json").write_text(bad)
    (tmp_path / "good.json").write_text(scenario_file())
    (tmp_path / "zz.json").write_text(scenario_file(name="zz"))
    entries, problems = read_folder(LAB, tmp_path)
    assert [e.file for e in entries] == ["good.json", "zz.json"]
    assert [p.file for p in problems] == ["bad0.json", "bad1.json", "bad2.json", "bad3.json"]


def test_an_unreadable_file_is_listed(tmp_path, monkeypatch):
    # chmod 0 would not stop root (as in CI), so opening it is made to fail as for a student.
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == "locked.json":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert (
        only_problem(tmp_path, scenario_file(), "locked.json")
        == "could not be read (Permission denied)"
    )


def test_bad_folders_are_problems_not_crashes(tmp_path):
    assert read_folder(LAB, tmp_path) == ([], [])
    assert read_folder(LAB, tmp_path / "nope") == (
        [],
        [SkippedFile(str(tmp_path / "nope"), "no such folder")],
    )
    (tmp_path / "file.json").write_text(scenario_file())
    entries, problems = read_folder(LAB, tmp_path / "file.json")
    assert entries == [] and problems[0].reason.startswith("not a folder")


def test_summary_text():
    one = [Entry("a.json", "a", LAB.default())]
    assert summary_text(Path("p"), one, []) == "Read 1 scenario from p; no file skipped."
    assert (
        summary_text(Path("p"), one * 2, [SkippedFile("x", "y")])
        == "Read 2 scenarios from p; 1 file skipped, listed below."
    )
    assert (
        summary_text(Path("p"), [], [SkippedFile("p", "no such folder")])
        == "No scenarios to show: p: no such folder."
    )
    assert (
        summary_text(Path("p"), [], [SkippedFile("x.json", "empty file")])
        == "No scenarios to show from p: 1 file skipped, listed below."
    )


def entries(*scenarios: dict) -> list[Entry]:
    return [Entry(f"{i}.json", str(i), s) for i, s in enumerate(scenarios)]


def test_share_rational_and_best_options_by_hand():
    # RATIONAL: buying wins; author: buying neither is best; relations valued at 10 and nothing
    # else: the Patriot offer is best (0.5 x 10 - 3.5 = 1.5 against 0 and a negative purchase)
    relations = {**LAB.default(), "magnitude.us_relations": 10.0}
    class_ = entries(RATIONAL, RATIONAL, preset(LAB, "author"), relations)
    assert share_rational(LAB, class_) == 0.5
    assert best_options(LAB, class_) == {
        "Buy the S-400": 2,
        "Take the Patriot offer": 1,
        "Buy neither": 1,
    }
    assert share_rational(LAB, []) is None


def test_verdict_summary_by_hand():
    text = verdict_summary(
        LAB,
        entries(RATIONAL, preset(LAB, "author"), preset(LAB, "author")),
        {"The author's reading": preset(LAB, "author")},
    )
    assert text.splitlines() == [
        "By their own numbers, buying the S-400 is the rational choice for 33% of the 3 scenarios "
        "(1 of 3).",
        "  best option Buy the S-400: 1",
        "  best option Take the Patriot offer: 0",
        "  best option Buy neither: 2",
        "The author's reading: best option Buy neither, margin -23.92",
    ]


def test_spread_and_parameter_table_by_hand():
    assert spread([0.0, 10.0]) == {
        "n": 2,
        "min": 0.0,
        "q1": 2.5,
        "median": 5.0,
        "q3": 7.5,
        "max": 10.0,
    }
    class_ = entries(*({**LAB.default(), "probability.s400_active": p} for p in (0.2, 0.4, 0.9)))
    [row] = parameter_table(
        LAB, class_, ["probability.s400_active"], {"author": preset(LAB, "author")}
    )
    assert row == pytest.approx(
        {
            "parameter": "probability.s400_active",
            "label": "chance: S-400 activated",
            "n": 3,
            "min": 0.2,
            "q1": 0.3,
            "median": 0.4,
            "q3": 0.65,
            "max": 0.9,
            "author": 0.5,
        }
    )


def test_break_evens_by_hand():
    # flips where 0.5 x 0.5 x air defence = price 2.5, i.e. at 10 (test_reasoning's case);
    # with the Patriot giving air defence too (E26 0.5), no value of air defence flips it
    flips = {**LAB.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
    never = {**LAB.default(), "magnitude.air_defence": 5.0}
    found = break_evens(LAB, {"flips": flips, "never": never}, ["magnitude.air_defence"])
    assert found["flips"]["magnitude.air_defence"] == pytest.approx(10.0, abs=1e-6)
    assert found["never"]["magnitude.air_defence"] is None
    [row] = break_even_spread(LAB, found, ["magnitude.air_defence"])
    assert (
        row["no flip in range"] == 1
        and row["n"] == 1
        and row["median"] == pytest.approx(10.0, abs=1e-6)
    )
    assert columns(LAB, found, ["magnitude.air_defence"]) == {
        "value of Air-defence capability": [pytest.approx(10.0)]
    }


def test_the_spread_chart_draws_every_student_and_preset_and_copes_with_nothing():
    fig = draw_poll_spread(
        {"a": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}, {"p": {"a": 2.0}, "q": {"a": None}}, "x", "t"
    )
    ax = fig.axes[0]
    assert [len(c.get_offsets()) for c in ax.collections] == [6, 1]
    assert "Not drawn, no value in range: q" in ax.get_xlabel()
    empty = draw_poll_spread({"a": []}, {}, "x", "t")
    assert "No scenarios to show" in [t.get_text() for t in empty.axes[0].texts]


def make_demo():
    spec = importlib.util.spec_from_file_location(
        "make_poll_demo", ROOT / "instructor" / "make_poll_demo.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_demo_folder_is_what_its_script_generates():
    """No drift: regenerate with the seed and compare with what is committed, file by file."""
    generated = make_demo().demo_files(LAB)
    committed = {p.name: p.read_bytes() for p in DEMO.iterdir()}
    assert sorted(committed) == sorted(generated)
    assert [name for name in generated if committed[name] != generated[name]] == []


def test_the_demo_is_labelled_synthetic_and_read_as_intended():
    entries_, problems = read_folder(LAB, DEMO)
    assert len(entries_) == 30 and all(e.name.startswith("synthetic student") for e in entries_)
    for e in entries_:
        assert json.loads((DEMO / e.file).read_text())["notes"]["synthetic"].startswith(
            "Synthetic, not a student's answer"
        )
    assert sorted(p.file for p in problems) == sorted(
        ["README.md", "synthetic_07_copy.json", *(p.name for p in DEMO.glob("broken_*.json"))]
    )
    assert "synthetic" in (DEMO / "README.md").read_text()


@pytest.mark.parametrize("folder", ["missing", "empty", "only_broken"])
def test_the_notebook_runs_on_a_bad_folder(
    tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every cell of the poll notebook, with FOLDER pointed at a missing, an empty or an all-broken
    folder."""
    if folder != "missing":
        (tmp_path / folder).mkdir()
    if folder == "only_broken":
        (tmp_path / folder / "x.json").write_text("{")
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    default = 'FOLDER = Path("poll_demo")'
    assert default in code
    monkeypatch.chdir(NOTEBOOK.parent)
    namespace: dict = {}
    exec(code.replace(default, f"FOLDER = Path({str(tmp_path / folder)!r})"), namespace)
    printed = capsys.readouterr().out
    assert "No scenarios to show" in printed and "No scenarios, so no share." in printed
