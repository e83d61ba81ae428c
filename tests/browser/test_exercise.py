"""A graded exercise as a student meets it in JupyterLab: Run All reaches the end, checks answer."""

from playwright.sync_api import Page, expect

from s400_testing.browser import REPO, Server, error_outputs, open_notebook, run_all, screenshot


def test_a_blank_exercise_runs_to_the_end_and_a_check_answers(
    lab_server: Server, page: Page
) -> None:
    open_notebook(page, lab_server, REPO / "exercises" / "ex02_network" / "ex02_network.ipynb")
    run_all(page)  # fails if a raising check cell stopped the run
    errors = error_outputs(page)
    assert len(errors) == 5 and all("NotYetCorrect: Not answered yet" in e for e in errors), errors

    answer = page.locator(".jp-CodeCell", has_text="answer_q2 = (").first
    answer.locator(".cm-content").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("answer_q2 = -1")
    page.keyboard.press("Shift+Enter")  # runs the answer, moves to its check cell
    page.keyboard.press("Shift+Enter")
    check = page.locator(".jp-CodeCell", has_text='check("ex02_network.q2", answer_q2)')
    expect(check.locator(".jp-OutputArea-output")).to_have_text("Correct: the sign is -1.")
    check.scroll_into_view_if_needed()
    screenshot(page, "exercise_02_check")
