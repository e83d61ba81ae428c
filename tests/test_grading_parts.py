"""The grading sandbox's parts one by one: answers as plain data, the runner's report read back
with suspicion, keys read as data, cells matched to the exercise, the sandbox's own refusals."""

import json
import platform
import re
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from locations import ROOT
from nbformat.v4 import new_code_cell, new_markdown_cell
from submissions import require_sandbox

from s400.checks import NOT_ANSWERED
from s400_instructor.grading import bwrap, sandbox
from s400_instructor.grading.answers import NotPlain, extract, plain
from s400_instructor.grading.checking import Key, judge, judge_all, read_key
from s400_instructor.grading.extraction import build_job, read_events
from s400_instructor.grading.matching import restore

SOURCE = nbformat.read(ROOT / "solutions" / "ex02_network" / "ex02_network.ipynb", as_version=4)
RELEASE = nbformat.read(ROOT / "exercises" / "ex02_network" / "ex02_network.ipynb", as_version=4)


# Answers as plain data (answers.plain runs inside the sandbox)


@pytest.mark.parametrize(
    "answer, expected",
    [
        (np.float64(-0.45), -0.45),
        (np.int64(13), 13),
        (np.bool_(True), True),
        (np.str_("C08"), "C08"),
        ((np.int32(1), "C01"), [1, "C01"]),
        (frozenset({"C09", "C08"}), ["C08", "C09"]),
        ({"a": [1.5, None]}, {"a": [1.5, None]}),
    ],
)
def test_numpy_scalars_tuples_and_sets_become_plain_json(answer, expected):
    assert plain(answer) == expected
    assert json.loads(json.dumps(plain(answer))) == expected


class SneakyInt(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


@pytest.mark.parametrize(
    "answer, reason",
    [
        (SneakyInt(3), "a SneakyInt is not a plain answer: give a plain int"),
        (
            np.array([1, 2]),
            "a numpy array is not a plain answer: turn it into a list with .tolist()",
        ),
        (float("inf"), "inf is not a number that can be checked"),
        ({1: "x"}, "a dict is an answer only with text keys"),
        ([[[]]] * 20_000, "the answer is too large to check"),
        (object(), "a object is not a plain answer: give a number, a string, or a list of them"),
    ],
)
def test_anything_else_is_refused_with_a_reason_the_student_understands(answer, reason):
    with pytest.raises(NotPlain, match=f"^{re.escape(reason)}$"):
        plain(answer)


def test_a_pandas_column_gets_a_hint():
    import pandas as pd

    assert extract({"a": pd.Series([1])}, "a") == {
        "invalid": "a pandas Series is not a plain answer: turn it into a list with .tolist()"
    }


def test_an_answer_that_breaks_while_read_is_invalid_not_a_crash():
    class Trick(np.float64):
        __module__ = "numpy"  # passes for one of numpy's own scalars

        def item(self):
            raise RuntimeError("boom")

    assert extract({"a": [1, Trick(2)]}, "a") == {
        "invalid": "the answer could not be read (RuntimeError)"
    }


# The job sent in, the report read back


def test_check_cells_never_enter_the_sandbox_they_are_where_answers_are_read():
    keys = {
        i: read_key(c.source)
        for i, c in enumerate(SOURCE.cells)
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }
    job = build_job(SOURCE.cells, keys)
    code = "".join(cell.get("code", "") for cell in job.cells)
    assert "HIDDEN" not in code and "expect_" not in code and "-0.45" not in code
    assert [c["extract"] for c in job.cells if "extract" in c] == [
        [f"answer_q{n}"] for n in range(1, 6)
    ]
    smuggled = [*SOURCE.cells, new_code_cell("### BEGIN HIDDEN TESTS\nx = 1")]
    with pytest.raises(ValueError, match="holds hidden tests but is not a graded check cell"):
        build_job(smuggled, keys)


def _job():
    cells = [new_code_cell("x = 1"), new_code_cell("check"), new_markdown_cell("text")]
    return build_job(cells, {1: Key("expect_count", "answer_q1", (13,))})


def _lines(*events):
    return b"".join(e if isinstance(e, bytes) else json.dumps(e).encode() + b"\n" for e in events)


def test_the_report_keeps_plain_answers_and_known_outputs_only():
    png = "iVBORw0KGgo=\n"
    raw = _lines(
        {
            "cell": 0,
            "count": 1,
            "outputs": [
                {"output_type": "stream", "name": "stdout", "text": "hi\n"},
                {
                    "output_type": "display_data",
                    "data": {"text/html": "<script>", "image/png": png},
                },
                {"output_type": "display_data", "data": {"image/png": '"><script>'}},
                {
                    "output_type": "execute_result",
                    "execution_count": 1,
                    "data": {"text/plain": "1"},
                },
                {"output_type": "comm_open", "data": {"text/plain": "x"}},
            ],
        },
        {"cell": 1, "answers": {"answer_q1": {"value": [1, {"a": None}]}, "other": {"value": 2}}},
        {"end": "complete"},
    )
    run = read_events(raw, _job())
    assert [o.output_type for o in run.outputs[0]] == ["stream", "display_data", "execute_result"]
    assert run.outputs[0][1].data == {"image/png": png}
    assert run.answers == {1: {"value": [1, {"a": None}]}} and run.complete and run.counts == {0: 1}


def test_garbage_and_forged_lines_are_ignored():
    raw = _lines(
        b"[" * 100_000 + b"\n",
        b"not json\n",
        {"cell": 99, "answers": {}},
        {"cell": 0, "answers": {"answer_q1": {"value": 13}}},  # a code cell has no answers
        {"cell": 1, "answers": {"answer_q1": {"value": 13, "invalid": "x"}}},
        {"cell": 1, "answers": {"answer_q1": {"value": 14}}},  # the first report stands
        b'{"cell": 0, "outputs": [',
    )
    run = read_events(raw, _job())
    assert run.answers == {1: {"invalid": "the answer could not be read"}}
    assert run.outputs == {} and not run.complete and run.reached == 1


# Keys read as data, answers judged against them


def test_each_hidden_test_of_the_solutions_is_a_readable_key():
    keys = [
        read_key(c.source)
        for c in SOURCE.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    ]
    assert keys[2] == Key("expect_number", "answer_q3", (-0.45, 0.005))
    assert keys[4] == Key("expect_choice", "answer_q5", ("indeterminate",))


@pytest.mark.parametrize(
    "hidden, why",
    [
        ("x = 1", "one call of"),
        ("expect_count(answer_q1, 13)\nexpect_count(answer_q1, 14)", "one call of"),
        ("print(answer_q1)", "must call one of"),
        ("expect_count(answer_q1, KEY)", "literal values"),
        ("expect_count(1, 13)", "must call one of"),
    ],
)
def test_a_hidden_test_that_is_not_a_key_is_an_error_for_the_instructor(hidden, why):
    with pytest.raises(ValueError, match=why):
        read_key(
            f'check("ex.q1", answer_q1)\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS'
        )
    with pytest.raises(ValueError, match="no hidden test"):
        read_key('check("ex.q1", answer_q1)')


def test_ints_count_where_a_float_is_expected_and_bools_do_not():
    key = Key("expect_number", "answer_q3", (7.0, 0.05))
    assert judge(key, {"value": 7}) == (True, "Correct.")
    assert judge(key, {"value": True})[1].startswith("Expected a number, got the bool True")
    assert judge(key, {"unanswered": True}) == (False, NOT_ANSWERED)
    assert judge(key, None)[1].startswith("Not checked: the notebook stopped before this check")


def test_the_fresh_checking_process_gives_the_same_verdicts():
    keyed = [
        (Key("expect_ids", "a", ({"C08", "C09"},)), {"value": ["C09", "C08"]}),
        (Key("expect_number", "b", (-0.45, 0.005)), {"value": 0.45}),
        (Key("expect_sign", "c", (-1,)), {"undefined": True}),
    ]
    assert judge_all(keyed) == [judge(key, answer) for key, answer in keyed]


# Cells matched to the exercise whatever their metadata says


def _submitted(edit):
    cells = [nbformat.from_dict(json.loads(json.dumps(c))) for c in RELEASE.cells]
    edit(cells)
    return cells


def _names(cells):
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in cells]


def _by_name(cells, name):
    return next(c for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == name)


def test_an_honest_notebook_is_left_as_it_is():
    cells, notes = restore(SOURCE.cells, _submitted(lambda cells: None))
    assert notes == [] and _names(cells) == _names(RELEASE.cells)


def test_renamed_and_retyped_cells_get_the_exercises_marks_back():
    def edit(cells):
        _by_name(cells, "q3_answer").metadata.nbgrader.update(grade=True, points=100)
        _by_name(cells, "q2_check").metadata.nbgrader["grade_id"] = "mine"
        del _by_name(cells, "q4_answer")["id"]  # then it is found by its grade_id

    cells, notes = restore(SOURCE.cells, _submitted(edit))
    assert _names(cells) == _names(RELEASE.cells)
    assert (
        _by_name(cells, "q3_answer").metadata.nbgrader
        == SOURCE.cells[_names(SOURCE.cells).index("q3_answer")].metadata.nbgrader
    )
    assert notes == [
        "the grading marks of cell 'q2_check' had been changed (grade_id); "
        "it was graded as the exercise defines it",
        "the grading marks of cell 'q3_answer' had been changed (grade, points); "
        "it was graded as the exercise defines it",
    ]


def test_cells_without_ids_or_names_are_matched_by_position():
    def edit(cells):
        for cell in cells:
            cell.pop("id")
        answer = _by_name(cells, "q2_answer")
        answer.metadata.nbgrader["grade_id"] = "renamed"
        cells.insert(cells.index(answer), new_code_cell("helper = 1"))  # a cell of the student's

    cells, notes = restore(SOURCE.cells, _submitted(edit))
    assert _by_name(cells, "q2_answer").source.startswith("answer_q2 = (")
    assert "helper = 1" in [c.source for c in cells] and len(notes) == 1


def test_a_new_test_cell_loses_its_marks_and_a_deleted_locked_cell_comes_back():
    def edit(cells):
        bonus = new_code_cell("pass")
        bonus.metadata.nbgrader = {"grade": True, "grade_id": "bonus", "points": 50, "locked": True}
        cells.append(bonus)
        cells.remove(_by_name(cells, "setup"))
        cells.remove(_by_name(cells, "q4_answer"))

    cells, notes = restore(SOURCE.cells, _submitted(edit))
    assert _names(cells).index("setup") == _names(RELEASE.cells).index("setup")
    assert cells[-1].source == "pass" and "nbgrader" not in cells[-1].metadata
    assert sorted(notes) == [
        "a cell marked for grading ('bonus', 50 points) is not part of the exercise: "
        "it ran as the student's own code, for no points",
        "the cell 'q4_answer' is missing from the submission",
        "the locked cell 'setup' was missing; it was put back",
    ]


# The sandbox's own refusals


def test_no_view_may_show_the_course_directory(tmp_path):
    with pytest.raises(RuntimeError, match="would show the course directory"):
        bwrap.views([tmp_path.parent], hidden=tmp_path)
    with pytest.raises(RuntimeError, match="would show the course directory"):
        bwrap.views([], hidden=Path("/usr/local/course"))
    assert str(tmp_path / "venv") in bwrap.views([tmp_path / "venv"], hidden=tmp_path)


def test_a_python_under_tmp_is_shown_on_top_of_the_private_tmp():
    venv = "/tmp/tmp.venv"  # where CI's smoke tests make their virtual environments
    argv = bwrap.command([Path(venv)], Path("/srv/course"), None, None, tmp_mb=16)
    assert argv.index("--tmpfs") < argv.index(venv)


def test_without_bwrap_the_refusal_says_why_and_how(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    why = sandbox.refusal()
    assert why.startswith("bubblewrap (bwrap) is not installed") and "\n" not in why
    assert "Linux" in why and "JupyterHub" in why and "container" in why


def test_the_seccomp_filter_is_a_whole_bpf_program():
    program = bwrap.no_new_processes()
    if platform.machine() not in ("x86_64", "aarch64"):
        assert program is None
    else:
        assert program and len(program) % 8 == 0 and len(program) // 8 <= 20


def test_the_sandbox_shows_nobody_nothing_of_the_course_and_figures_still_show(tmp_path):
    require_sandbox()
    course = tmp_path / "course"
    (course / "solutions").mkdir(parents=True)
    probe = (
        "import os, socket\n"
        f"print(os.getuid(), os.path.exists({str(course)!r}), sorted(os.listdir('/tmp')))\n"
        "print(os.access(os.__file__, os.W_OK))\n"
        "socket.create_connection(('127.0.0.1', 22), timeout=1)"
    )
    figure = "%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()"
    finished = sandbox.run(
        {
            "cells": [{"code": probe}, {"code": figure}],
            "timeout": 60,
            "caps": {"cell_chars": 10**6, "total_chars": 10**7},
        },
        [Path(sys.prefix), Path(sys.base_prefix)],
        course,
        None,
        sandbox.Limits(cell_seconds=60),
    )
    probed, plotted, end = [json.loads(line) for line in finished.stdout.splitlines()]
    stdout, error = probed["outputs"]
    # /tmp holds the kernel's folders, and Python's own folder when it lives under /tmp
    shown = {
        Path(p).resolve().relative_to("/tmp").parts[0]
        for p in (sys.prefix, sys.base_prefix)
        if Path(p).resolve().is_relative_to("/tmp")
    }
    listed = sorted({"ipython", "work"} | shown)
    assert stdout["text"] == f"65534 False {listed}\nFalse\n"
    assert error["ename"] == "ConnectionRefusedError"
    (png,) = plotted["outputs"]
    assert sorted(png["data"]) == ["image/png", "text/plain"]
    assert end == {"end": "complete"} and finished.ended == "exited" and finished.status == 0
