"""Notebook 05 in real JupyterLab: it runs cleanly, and the prior slider and the move boxes change
the posterior to the values worked out by hand in odds form."""

from playwright.sync_api import Page, expect

from s400_testing.browser import REPO, Server, assert_no_errors, run_clean, shot


def test_prior_and_moves_drive_the_posterior(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "05_nato_signals_and_trust.ipynb")

    app = page.locator(".s400-belief-updater")
    result = app.locator(".s400-posterior")
    app.scroll_into_view_if_needed()
    # Likelihood ratios 1/2, 2, 3/2, 3/2, 2, 1 multiply to 9/2; prior odds 1 -> 9/2 -> 9/11 = 0.818.
    expect(result).to_have_text("After 6 moves, P(bargaining chip) = 0.82 (prior 0.50).")
    shot(app, "05_beliefs_default")

    handle = app.locator(".s400-prior .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")  # prior 0.55: odds 11/9 x 9/2 = 11/2 -> 11/13 = 0.846
    expect(result).to_have_text("After 6 moves, P(bargaining chip) = 0.85 (prior 0.55).")

    app.get_by_label(
        "M05 · 2025-12"
    ).uncheck()  # the denied report left out: odds 11/9 x 9/4 = 11/4 -> 11/15
    expect(result).to_have_text("After 5 moves, P(bargaining chip) = 0.73 (prior 0.55).")
    shot(app, "05_beliefs_moved")

    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(2)  # the balance drawing and the posterior path
    shot(figures.first, "05_balance")
    shot(figures.nth(1), "05_posterior")
    assert_no_errors(page)
