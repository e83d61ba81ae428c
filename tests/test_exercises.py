"""The graded exercises: the release is nbgrader's output, keys agree, and each one grades as
intended."""

import filecmp
import json

import nbformat
import pytest
from locations import ROOT
from submissions import course, nbgrader, require_sandbox, scores, solved_answers, submit

from s400.questions import QUESTIONS
from s400_instructor.grading.batch import grade
from s400_instructor.grading.checking import read_key

ASSIGNMENTS = sorted(p.name for p in (ROOT / "solutions").iterdir() if p.is_dir())
GRADED_HERE = [
    a for a in ASSIGNMENTS if a != "ex02_network"
]  # exercise 2 is graded in test_grading.py


def nbgrader_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if "nbgrader" in c.metadata]


def hidden_keys(assignment):
    """(question id, check name, literal key arguments) of every hidden test in solutions/."""
    keys = []
    for cell in nbgrader_cells(ROOT / "solutions" / assignment / f"{assignment}.ipynb"):
        if cell.metadata.nbgrader.get("grade") and cell.cell_type == "code":
            question = cell.source.split('"')[1]  # check("<exercise>.<question>", answer)
            key = read_key(cell.source)
            keys.append((question, key.check, list(key.args)))
    return keys


def test_each_exercise_is_named_after_its_notebook():
    assert ASSIGNMENTS[:3] == ["ex01_argument", "ex02_network", "ex03_reasoning"]
    assert all(list((ROOT / "notebooks").glob(f"{a[2:4]}_*.ipynb")) for a in ASSIGNMENTS)


def test_the_release_is_exactly_what_nbgrader_generates_from_solutions(tmp_path):
    root = course(tmp_path, ASSIGNMENTS)
    for assignment in ASSIGNMENTS:
        run = nbgrader("generate_assignment", assignment, course=root)
        assert run.returncode == 0, run.stderr[-2000:]
        compared = filecmp.dircmp(root / "exercises" / assignment, ROOT / "exercises" / assignment)
        assert (compared.left_only, compared.right_only, compared.diff_files) == ([], [], []), (
            f"exercises/{assignment} drifted from solutions/: run `make exercises` and commit"
        )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_release_shows_no_solution_key_or_rubric(assignment):
    folder = ROOT / "exercises" / assignment
    text = (folder / f"{assignment}.ipynb").read_text()
    for secret in ("BEGIN SOLUTION", "HIDDEN TESTS", "s400_instructor", "Model answer"):
        assert secret not in text
    assert (
        not (folder / "rubric.md").exists()
        and (ROOT / "solutions" / assignment / "rubric.md").exists()
    )


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_only_check_cells_may_raise_and_they_are_tagged_for_it(assignment):
    cells = nbgrader_cells(ROOT / "exercises" / assignment / f"{assignment}.ipynb")
    checks = [c for c in cells if c.metadata.nbgrader.get("grade") and c.cell_type == "code"]
    tagged = [c for c in cells if "raises-exception" in c.metadata.get("tags", [])]
    assert 3 <= len(checks) <= 6 and tagged == checks
    assert all(c.source.startswith(f'check("{assignment}.') for c in checks)
    written = [c for c in cells if c.metadata.nbgrader.get("grade") and c.cell_type == "markdown"]
    assert written and all(c.metadata.nbgrader["points"] > 0 for c in written)


@pytest.mark.parametrize(
    "question, checker, arguments",
    [pytest.param(*k, id=k[0]) for a in ASSIGNMENTS for k in hidden_keys(a)],
)
def test_visible_checks_and_hidden_keys_agree(question, checker, arguments):
    """The visible check computes its answer from data/; the hidden test holds a literal key."""
    key = arguments[0]
    assert QUESTIONS[question](key).ok, (
        f"{question}: the visible check refuses the hidden key {key!r}"
    )
    wrong = {
        "expect_number": lambda: key + 10 * arguments[1] + 1,
        "expect_count": lambda: key + 1,
        "expect_sign": lambda: -key,
        "expect_ids": lambda: sorted(key)[1:],
        "expect_choice": lambda: key + "x",
    }[checker]()
    assert not QUESTIONS[question](wrong).ok


def test_every_question_has_a_check_cell():
    asked = {question for a in ASSIGNMENTS for question, _, _ in hidden_keys(a)}
    assert asked == set(QUESTIONS)


@pytest.mark.parametrize("exercise", ASSIGNMENTS)
def test_its_narrative_notebook_links_each_exercise(exercise):
    notebook = next((ROOT / "notebooks").glob(f"{exercise[2:4]}_*.ipynb"))
    assert f"../exercises/{exercise}/{exercise}.ipynb" in json.dumps(
        nbformat.read(notebook, as_version=4).cells
    )


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Each exercise (but 2, graded in test_grading.py) submitted solved, blank and half-solved."""
    require_sandbox()
    root = course(tmp_path_factory.mktemp("course"), ASSIGNMENTS)
    for assignment in GRADED_HERE:
        right = solved_answers(assignment)
        submit(root, "solved", assignment, right)
        submit(root, "blank", assignment)
        submit(
            root,
            "half",
            assignment,
            {k: v for k, v in right.items() if k in ("q1_answer", "q2_answer")},
        )
        grade(assignment, root, timeout=60, say=lambda line: None)
    return root


@pytest.mark.parametrize("assignment", GRADED_HERE)
def test_solved_scores_full_marks_blank_zero_half_the_first_two_questions(graded, assignment):
    points = {
        c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
        for c in nbgrader_cells(ROOT / "solutions" / assignment / f"{assignment}.ipynb")
        if c.metadata.nbgrader.get("grade") and c.cell_type == "code"
    }
    got = {
        s: {k: v for k, v in g.items() if k in points}
        for s, g in scores(graded, assignment).items()
    }
    assert got["solved"] == points
    assert sum(got["blank"].values()) == 0
    assert got["half"] == {
        k: (v if k in ("q1_check", "q2_check") else 0) for k, v in points.items()
    }


@pytest.mark.parametrize("assignment", GRADED_HERE)
def test_a_blank_exercise_runs_to_the_end_and_says_not_answered_yet(graded, assignment):
    notebook = nbformat.read(
        graded / "autograded" / "blank" / assignment / f"{assignment}.ipynb", as_version=4
    )
    code = [c for c in notebook.cells if c.cell_type == "code"]
    checks = [c for c in code if c.metadata.nbgrader.get("grade")]
    assert all(c.execution_count for c in code if c not in checks)  # ran in the sandbox
    outputs = [o for c in checks for o in c.outputs]
    assert len(outputs) == len(checks) and all(
        o.ename == "NotYetCorrect" and o.evalue.startswith("Not answered yet") for o in outputs
    )
    errors = [o for c in code if c not in checks for o in c.outputs if o.output_type == "error"]
    assert errors == []
