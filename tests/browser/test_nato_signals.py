"""Notebook 05 in real JupyterLab: it runs cleanly, and the prior slider and the move boxes change the
posterior to the values worked out by hand in odds form."""

from playwright.sync_api import Locator, Page, expect

from .conftest import ARTIFACTS, REPO, Server, error_outputs, open_notebook, run_all


def shot(picture: Locator, name: str) -> None:
    """Save a loaded picture as a student sees it: JupyterLab only renders cells near the viewport,
    so scroll to it and wait until the image has decoded before taking it."""
    picture.scroll_into_view_if_needed()
    picture.evaluate("img => img.decode()")
    assert picture.evaluate("img => img.naturalWidth") > 0
    picture.screenshot(path=ARTIFACTS / f"{name}.png")


def test_prior_and_moves_drive_the_posterior(lab_server: Server, page: Page) -> None:
    open_notebook(page, lab_server, REPO / "notebooks" / "05_nato_signals_and_trust.ipynb")
    run_all(page)
    assert not error_outputs(page), "\n\n".join(error_outputs(page))
    ARTIFACTS.mkdir(exist_ok=True)

    app = page.locator(".s400-belief-updater")
    result = app.locator(".s400-posterior")
    app.scroll_into_view_if_needed()
    # Likelihood ratios 1/2, 2, 3/2, 3/2, 2, 1 multiply to 9/2; prior odds 1 -> 9/2 -> 9/11 = 0.818.
    expect(result).to_have_text("After 6 moves, P(bargaining chip) = 0.82 (prior 0.50).")
    app.screenshot(path=ARTIFACTS / "05_beliefs_default.png")

    handle = app.locator(".s400-prior .noUi-handle")
    handle.focus()
    handle.press("ArrowRight")  # prior 0.55: odds 11/9 x 9/2 = 11/2 -> 11/13 = 0.846
    expect(result).to_have_text("After 6 moves, P(bargaining chip) = 0.85 (prior 0.55).")

    app.get_by_label("M05 · 2025-12").uncheck()  # the denied report left out: odds 11/9 x 9/4 = 11/4 -> 11/15
    expect(result).to_have_text("After 5 moves, P(bargaining chip) = 0.73 (prior 0.55).")
    app.screenshot(path=ARTIFACTS / "05_beliefs_moved.png")

    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(2)  # the balance drawing and the posterior path
    shot(figures.first, "05_balance")
    shot(figures.nth(1), "05_posterior")
    assert not error_outputs(page), "\n\n".join(error_outputs(page))
