"""What grading shows, as the student and the instructor meet it: the feedback page and the
Formgrader's view of a submission that tried to run script in them and edited its metadata."""

from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from playwright.sync_api import Page, expect
from submissions import course, require_sandbox, solved_answers, submit

from s400_instructor.grading.batch import grade
from s400_testing.browser import Server, screenshot, shot

A = "ex02_network"
LIVE = """
from IPython.display import HTML, Javascript, display
display(HTML('<b id="pwned">live</b><img src=x onerror="window.PWNED = 1">'))
display(Javascript("window.PWNED = 1"))
answer_q3 = 0.45
"""
PWNED = "() => window.PWNED === undefined && document.getElementById('pwned') === null"


def _mark_as_test(notebook):
    for cell in notebook.cells:
        marks = cell.metadata.get("nbgrader", {})
        if marks.get("grade_id") == "q5_answer":
            marks.update(grade=True, points=100)


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_sandbox()
    root = course(tmp_path_factory.mktemp("course"), [A])
    right = {**solved_answers(A), "written_answer": "E06 rests on claim C08; see caatsa_2020."}
    submit(root, "mallory", A, {**right, "q3_answer": LIVE}, edit=_mark_as_test)
    grade(A, root, timeout=30, say=lambda line: None)
    return root


def test_the_feedback_runs_no_script_and_explains_each_check(graded: Path, page: Page) -> None:
    page.goto((graded / "feedback" / "mallory" / A / f"{A}.html").as_uri())
    notes = page.get_by_text("Notes from grading")
    expect(notes).to_be_visible()
    expect(page.get_by_text("The size is right but the sign is not")).to_be_visible()
    assert page.evaluate(PWNED)
    shot(notes.locator("xpath=../.."), "grading_feedback_notes")
    screenshot(page, "grading_feedback")


def test_the_formgrader_shows_the_sandboxed_run_and_runs_no_script(
    graded: Path, start_lab, page: Page
) -> None:
    server: Server = start_lab(graded)
    with Gradebook(f"sqlite:///{graded / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission_notebook(A, A, "mallory").id
    page.goto(server.url(f"formgrader/submissions/{submission}/?index=0"))
    expect(page.get_by_text("Notes from grading")).to_be_visible()
    expect(
        page.get_by_text("NotYetCorrect: The size is right but the sign is not").first
    ).to_be_visible()
    assert page.evaluate(PWNED)
    screenshot(page, "grading_formgrader")
