"""Notebook 07 in real JupyterLab: it runs cleanly; the forecast quiz hides the outcomes until
revealed and then shows exactly the Brier scores s400.forecasting computes, both ways of scoring
"partly"."""

import re

from playwright.sync_api import Page, expect

from s400.data import load
from s400.widgets import ForecastQuiz
from s400_testing.browser import REPO, Server, assert_no_errors, run_clean, shot


def expected_result(pr01: float, partly: str) -> str:
    quiz = ForecastQuiz(load())
    quiz.sliders["PR01"].value = pr01
    quiz.reveal.click()
    quiz.partly.value = partly
    return re.sub("<[^>]+>", "", quiz.result.value)  # the text a student reads


def test_forecast_quiz_reveals_and_scores(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "07_reality_check.ipynb")

    quiz = page.locator(".s400-forecast-quiz")
    result = quiz.locator(".s400-quiz-result")
    quiz.scroll_into_view_if_needed()
    expect(result).to_have_text(
        "Outcomes hidden: set each probability as you would have in mid-2019, then press Reveal."
    )
    shot(quiz, "07_quiz_hidden")

    handle = quiz.locator(".widget-slider .noUi-handle").first  # PR01, at 0.50
    handle.focus()
    for _ in range(2):
        handle.press("ArrowRight")
    expect(quiz.locator(".widget-readout").first).to_have_text("0.60")
    quiz.get_by_role("button", name="Reveal the outcomes").click()
    expect(result).to_have_text(expected_result(0.6, "count as 0.5"))
    expect(quiz).to_contain_text("untested")

    quiz.locator(".widget-dropdown select").select_option("leave out")
    expect(result).to_have_text(expected_result(0.6, "leave out"))
    shot(quiz, "07_quiz_revealed")

    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(2)  # the author's calibration, and yours beside it
    shot(figures.first, "07_calibration")
    assert_no_errors(page)
