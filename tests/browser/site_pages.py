"""Opening the reading site's pages in Chromium as a reader does: offline, with the saved widgets
drawn (tests/browser/test_site.py, and the site's accessibility audit in test_accessibility.py)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from playwright.sync_api import ConsoleMessage, Error, Page, Route

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
WIDGET_STATE = 'script[type="application/vnd.jupyter.widget-state+json"]'
RESULT_LINES = ".widget-subarea [role=status]"  # s400.widgets.accessible.LiveText
FAILED_WIDGETS = ".jupyter-widgets-error-widget"  # html-manager's stand-in for a widget it lacks
# True once html-manager has drawn every saved widget view (it puts each in a div before its tag).
_WIDGETS_DRAWN = f"""() => Array.from(document.querySelectorAll('{WIDGET_VIEW}')).every(
  tag => tag.previousElementSibling?.classList.contains('widget-subarea')
    && tag.previousElementSibling.childElementCount > 0)"""


def watch(page: Page) -> list[str]:
    """Refuse every request of `page` that is not for a file on disk; return the list in which the
    refused addresses, console errors and uncaught exceptions will be written."""
    problems: list[str] = []

    def refuse(route: Route) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            problems.append(f"asked the network for {route.request.url}")
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"{page.url}: {message.text}")

    def uncaught(error: Error) -> None:
        problems.append(f"{page.url}: {error}")

    page.route("**/*", refuse)
    page.on("console", console)
    page.on("pageerror", uncaught)
    return problems


def result_lines(state: dict) -> list[str]:
    """The text of each result line in a saved widget state (the anywidget models, those with
    code in `_esm`, that have a value: LiveText), whitespace collapsed, sorted."""
    return sorted(
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", model["state"]["value"])).split())
        for model in state["state"].values()
        if "_esm" in model["state"] and "value" in model["state"]
    )


def widget_problems(page: Page) -> list[str]:
    """Wait until the open page has drawn its saved widgets, or one of them failed; say what a
    reader would miss: a widget html-manager could not draw, a result line not drawn."""
    page.wait_for_function(_WIDGETS_DRAWN, polling=100)
    state = page.locator(WIDGET_STATE)
    if state.count() == 0:
        return []
    lines = len(result_lines(json.loads(str(state.text_content()))))
    # anywidget draws its views after fetching its module and importing each view's code.
    page.wait_for_function(
        f"""() => document.querySelectorAll('{RESULT_LINES}').length >= {lines}
          || document.querySelector('{FAILED_WIDGETS}') !== null""",
        polling=100,
    )
    failed, shown = page.locator(FAILED_WIDGETS).count(), page.locator(RESULT_LINES).count()
    return [
        *([f"{page.url}: {failed} widget(s) not drawn"] if failed else []),
        *([f"{page.url}: {shown} of {lines} saved result lines drawn"] if shown != lines else []),
    ]


def open_page(page: Page, file: Path) -> None:
    """Open `file` and wait until its saved widgets are drawn and its visible pictures decoded."""
    page.goto(file.as_uri())
    assert widget_problems(page) == []
    for image in page.locator("img").all():
        # A widget's Image stays hidden until it is filled; a reader sees no picture there.
        if image.evaluate("img => img.checkVisibility()"):
            image.scroll_into_view_if_needed()
            image.evaluate("img => img.decode()")
            assert image.evaluate("img => img.naturalWidth") > 0, image.get_attribute("src")
