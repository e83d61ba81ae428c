"""Batch grading with nbgrader's real machinery on real submission folders: honest work, bad files,
endless loops, reruns, and the refusal to grade without a sandbox.

One course directory, thirteen students of exercise 2, graded once (interrupted, then resumed);
every test reads what that run left behind. Attacks are in test_grading_attacks.py.
"""

import csv
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from locations import DATA
from submissions import course, nbgrader, require_sandbox, scores, solved_answers, submit

from s400_instructor.grading.batch import UNSAFE, grade

A = "ex02_network"
POINTS = {"q1_check": 1, "q2_check": 1, "q3_check": 2, "q4_check": 2, "q5_check": 1}
FULL = sum(POINTS.values())

EQUALS_EVERYTHING = """
class Anything(float):
    def __eq__(self, other):
        return True
    def __abs__(self):
        return 0.0
    __hash__ = float.__hash__
answer_q3 = Anything(9)
"""
NUMPY = {  # added to the solution's cells
    "q1_answer": "\nimport numpy as np\nanswer_q1 = np.int64(answer_q1)",
    "q3_answer": "\nanswer_q3 = np.float64(answer_q3)",
    "q4_answer": "\nanswer_q4 = np.float32(answer_q4)",
}


def effect_nodes() -> int:
    """Question 1's answer, counted from edges.csv: the nodes the effect edges join."""
    with (DATA / "edges.csv").open(encoding="utf-8") as handle:
        effects = [row for row in csv.DictReader(handle) if row["kind"] == "effect"]
    return len({row["source"] for row in effects} | {row["target"] for row in effects})


READS_EXTRA = (
    "\nanswer_q1 = int(open('notes.txt').read())  # the student's own file, beside the notebook"
)


def _blank_checks(notebook):
    """Overwrite every test cell with `pass` and delete the last one, as a student might."""
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            cell.source = "pass"
    notebook.cells = [
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "q5_check"
    ]


def _wrong(**answers):
    return {f"{q}_answer": f"answer_{q} = {value}" for q, value in answers.items()}


class Interrupt(Exception):
    pass


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade thirteen submissions; stop after the third progress line, as Ctrl-C would; resume."""
    require_sandbox()
    root = course(tmp_path_factory.mktemp("course"), [A])
    right = {**solved_answers(A), "written_answer": "Edge E06 rests on claim C08 ..."}
    # later answers need the graph: every variant keeps the solution's q1 cell or adds to it
    submit(root, "full", A, right)
    submit(root, "blank", A)
    submit(root, "half", A, {**right, **_wrong(q3=0.45, q5='"+"')})
    submit(root, "numpy", A, {**right, **{q: right[q] + more for q, more in NUMPY.items()}})
    submit(root, "int", A, {**right, **_wrong(q3=0)})
    submit(root, "loop", A, {**right, "q3_answer": "while True:\n    pass"})
    submit(root, "exception", A, {**right, "q4_answer": 'raise ValueError("a bug in my answer")'})
    submit(root, "tamper", A, {**right, **_wrong(q2=1)}, edit=_blank_checks)
    submit(root, "fool_eq", A, {**right, "q3_answer": EQUALS_EVERYTHING})
    extras = submit(root, "extras", A, {**right, "q1_answer": right["q1_answer"] + READS_EXTRA})
    (extras.parent / "notes.txt").write_text(str(effect_nodes()))
    (extras.parent / "scratch.ipynb").write_text("{}")
    (submit(root, "badjson", A)).write_text('{"cells": [')
    (submit(root, "empty", A)).write_text("")
    missing = submit(root, "missing", A)
    missing.rename(missing.with_name("renamed.ipynb"))

    lines = []

    def stop_after_three(line):
        lines.append(line)
        if sum(line.startswith("[") for line in lines) == 3:
            raise Interrupt

    with pytest.raises(Interrupt):
        grade(A, root, timeout=20, say=stop_after_three)
    first_run = list(lines)
    lines.clear()
    outcomes = grade(A, root, timeout=20, say=lines.append)
    return root, first_run, lines, {o.student: o for o in outcomes}


def test_every_readable_submission_gets_exactly_the_points_intended(graded):
    root, _, _, _ = graded
    points = {
        student: {k: v for k, v in grades.items() if k != "written_answer"}
        for student, grades in scores(root, A).items()
    }
    expected = {
        "full": FULL,
        "extras": FULL,
        "numpy": FULL,  # numpy scalars count by value
        "blank": 0,
        "half": FULL - POINTS["q3_check"] - POINTS["q5_check"],  # right on q1, q2, q4
        "int": FULL - POINTS["q3_check"],
        "loop": FULL - POINTS["q3_check"],  # the endless answer is stopped; the rest is graded
        "exception": FULL - POINTS["q4_check"],
        "tamper": FULL - POINTS["q2_check"],  # test cells restored, the deleted one too
        "fool_eq": FULL - POINTS["q3_check"],
    }
    assert {s: sum(p.values()) for s, p in points.items()} == expected
    assert points["half"] == {**POINTS, "q3_check": 0, "q5_check": 0}


def _checks(root, student):
    notebook = nbformat.read(root / "autograded" / student / A / f"{A}.ipynb", as_version=4)
    return {
        c.metadata.nbgrader["grade_id"]: c.outputs
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }


def test_each_check_says_why_in_the_students_terms(graded):
    root, _, _, _ = graded
    half, wrong_type = _checks(root, "half"), _checks(root, "fool_eq")
    assert [o.text for o in half["q1_check"]] == ["Correct.\n"]
    assert half["q3_check"][0].evalue.startswith("The size is right but the sign is not.")
    assert wrong_type["q3_check"][0].evalue == (
        "Not a valid answer: a Anything is not a plain answer: give a plain float."
    )
    assert _checks(root, "int")["q3_check"][0].evalue.startswith("Not yet: 0 is off by")
    assert _checks(root, "loop")["q3_check"][0].evalue.startswith("answer_q3 was not defined")


def test_the_student_code_and_its_outputs_stay_in_the_autograded_notebook(graded):
    root, _, _, _ = graded
    notebook = nbformat.read(root / "autograded" / "half" / A / f"{A}.ipynb", as_version=4)
    (answer,) = [
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q3_answer"
    ]
    assert answer.source == "answer_q3 = 0.45" and answer.outputs == []
    (q2,) = [
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "q2_answer"
    ]
    assert q2.outputs[0].data == {"text/plain": "-1"}
    loop = nbformat.read(root / "autograded" / "loop" / A / f"{A}.ipynb", as_version=4)
    assert any(o.get("ename") == "CellTimeout" for c in loop.cells for o in c.get("outputs", []))


def test_unreadable_submissions_are_named_with_the_reason_and_the_others_graded(graded):
    _, _, lines, outcomes = graded
    assert {s for s, o in outcomes.items() if not o.graded} == {"badjson", "empty", "missing"}
    assert "ex02_network.ipynb is not a valid notebook (not JSON" in outcomes["badjson"].message
    assert outcomes["empty"].message == "ex02_network.ipynb is empty (0 bytes)"
    assert outcomes["missing"].message == "ex02_network.ipynb is missing"
    assert any(line.startswith("[") and "badjson: NOT GRADED" in line for line in lines)
    assert lines[-1].startswith("Done: 10 graded, 3 not graded (badjson, empty, missing)")


def _student(line):
    return line.split(":")[0].split("] ")[1]


def test_an_interrupted_run_resumes_without_grading_anyone_twice(graded):
    _, first_run, second_run, _ = graded
    before = [
        _student(line) for line in first_run if line.startswith("[") and "NOT GRADED" not in line
    ]
    assert before == ["blank"]  # badjson, blank, empty: then the interruption
    assert [_student(line) for line in second_run if "graded in an earlier run" in line] == before


def test_grades_csv_holds_one_row_per_graded_student(graded):
    root, _, _, outcomes = graded
    with open(root / "grades.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["student_id"] for r in rows) == sorted(
        s for s, o in outcomes.items() if o.graded
    )
    assert {r["student_id"]: float(r["score"]) for r in rows}["half"] == 4.0
    assert {float(r["max_score"]) for r in rows} == {FULL + 3.0}  # with the written answer


def test_feedback_explains_failures_without_showing_hidden_tests(graded):
    root, _, _, _ = graded
    html = (root / "feedback" / "half" / A / f"{A}.html").read_text()
    assert "NotYetCorrect" in html and "The size is right but the sign is not" in html
    assert "HIDDEN TESTS" not in html and "expect_" not in html and "-0.45" not in html


def test_the_progress_lines_name_each_student_and_score(graded):
    _, first_run, lines, _ = graded
    assert first_run[0].endswith("timeout 20 s per cell, each in a sandbox.")
    assert first_run[1].startswith(
        "[1/13] badjson: NOT GRADED: ex02_network.ipynb is not a valid notebook"
    )
    assert "[2/13] blank: 0/7 checked automatically; 1 written answer(s) left blank" in first_run
    assert "[8/13] half: 4/7 checked automatically; written: 3 points to grade by hand" in lines
    assert [line for line in lines if "loop:" in line] == [
        "[10/13] loop: 5/7 checked automatically; written: 3 points to grade by hand"
    ]


def test_the_command_line_says_when_a_submission_could_not_be_graded(graded):
    root, _, _, _ = graded
    run = subprocess.run(
        [sys.executable, "-m", "s400_instructor.grading", A, "--course", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1 and "3 not graded" in run.stdout


@pytest.fixture(scope="module")
def no_bwrap(tmp_path_factory):
    """A course with one blank submission, and a PATH on which bubblewrap cannot be found."""
    root = course(tmp_path_factory.mktemp("course"), [A])
    submit(root, "blank", A)
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    return root, env


def test_without_bubblewrap_grading_refuses_in_one_line(no_bwrap):
    root, env = no_bwrap
    run = subprocess.run(
        [sys.executable, "-m", "s400_instructor.grading", A, "--course", str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode != 0 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith(
        "Grading refused: bubblewrap (bwrap) is not installed"
    )
    assert "on Linux" in run.stderr and "JupyterHub" in run.stderr and "container" in run.stderr
    assert not (root / "gradebook.db").exists()


def test_the_unsafe_switch_grades_and_says_so_on_every_progress_line(no_bwrap):
    root, env = no_bwrap
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "s400_instructor.grading",
            A,
            "--course",
            str(root),
            "--unsafe-no-sandbox",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    lines = run.stdout.splitlines()
    assert run.returncode == 0 and len(lines) == 3 and all(x.startswith(UNSAFE) for x in lines)
    assert "WITHOUT a sandbox" in lines[0]
    assert (
        lines[1]
        == f"{UNSAFE}[1/1] blank: 0/7 checked automatically; 1 written answer(s) left blank"
    )


def test_nbgrader_autograde_itself_grades_in_the_sandbox(tmp_path):
    """nbgrader_config.py sets the sandbox up, so nbgrader's own command uses it too."""
    require_sandbox()
    root = course(tmp_path, [A])
    steal = f"answer_q3 = open({str(root / 'solutions' / A / f'{A}.ipynb')!r}).read()"
    submit(root, "mallory", A, {**solved_answers(A), "q3_answer": steal})
    for command in (["generate_assignment", A], ["autograde", A, "--student", "mallory"]):
        run = nbgrader(*command, "--force", course=root)
        assert run.returncode == 0, run.stderr[-2000:]
    assert sum(scores(root, A)["mallory"].values()) == FULL - POINTS["q3_check"]
    outputs = _checks(root, "mallory")["q3_check"]
    assert (
        outputs[0].evalue
        == "answer_q3 was not defined here: did its answer cell stop with an error?"
    )
