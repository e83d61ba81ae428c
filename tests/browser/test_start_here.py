"""Notebook 00 in JupyterLab, started with `make lab` as the README says: it runs cleanly
and its demo widget answers the keyboard."""

from playwright.sync_api import Page, expect

from s400_testing.browser import REPO, Server, error_outputs, open_notebook, run_all, screenshot

NOTEBOOK = REPO / "notebooks" / "00_start_here.ipynb"


def test_start_here_runs_and_slider_updates_result(lab_server: Server, page: Page) -> None:
    # `make lab` serves the whole module, so students can open data/, exercises/ and the README.
    assert lab_server.root_dir == REPO
    open_notebook(page, lab_server, NOTEBOOK)
    run_all(page)
    errors = error_outputs(page)
    assert not errors, "\n\n".join(errors)

    demo = page.locator(".s400-demo")
    result = demo.locator(".s400-demo-result")
    expect(result).not_to_be_empty()
    demo.scroll_into_view_if_needed()
    screenshot(page, "00_start_here_before")

    handle = demo.locator(".noUi-handle").first
    handle.focus()
    for _ in range(3):
        # One key, one update from the kernel: waiting for each keeps the screenshot current.
        shown = result.text_content() or ""
        handle.press("ArrowRight")
        expect(result).not_to_have_text(shown)
    screenshot(page, "00_start_here_after")
