"""The projector dashboard as an instructor starts it, `make dashboard` (Voila), offline: widgets
render, no code shows, and a keyboard-moved slider changes the verdict and the chart to exactly what
s400.reasoning computes for the same numbers. Screenshots at projector sizes go to
test-artifacts/."""

import contextlib
import re
from html import unescape

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from s400.data import load
from s400.plots import contribution_chart_svg
from s400.reasoning import Lab, verdict_text
from s400.reasoning.scenarios import preset
from s400.widgets import NetworkExplorer
from s400_testing.browser import ARTIFACTS, FIRST_RENDER_MS, Voila, screenshot

LAB = Lab(load())
PROJECTORS = {"1280x800": (1280, 800), "1024x768": (1024, 768)}


def chart_readout(svg: str) -> list[str]:
    """The chart's numbers: each segment's tooltip ('US sanctions: -2.52') and each 'net' label."""
    return re.findall(r"<title>([^<]*)</title>", svg) + re.findall(r">(net [^<]*)<", svg)


def expected_chart(scenario: dict[str, float]) -> list[str]:
    return chart_readout(
        contribution_chart_svg(LAB.contributions(scenario), LAB.prices, LAB.labels)
    )


SHOWN_CHART_JS = """(() => {
  const svg = document.querySelector('.s400-chart svg');
  const texts = sel => [...svg.querySelectorAll(sel)].map(t => t.textContent);
  return texts('title').concat(texts('text').filter(t => t.startsWith('net ')));
})()"""


def shown_chart(page: Page) -> list[str]:
    """chart_readout of the chart the page shows."""
    return page.evaluate(SHOWN_CHART_JS)


def projector_shots(page: Page, name: str, parts: dict[str, str]) -> None:
    """What a projector shows at each size, scrolled to the top of each part (name -> selector).
    Voila's page scrolls inside a container, so a full-page screenshot would show no more."""
    for size, (width, height) in PROJECTORS.items():
        page.set_viewport_size({"width": width, "height": height})
        for part, selector in parts.items():
            page.locator(selector).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.wait_for_timeout(300)  # let the layout settle
            page.screenshot(path=ARTIFACTS / f"{name}-{size}-{part}.png")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_dashboard_runs_offline_without_code_and_follows_the_sliders(
    dashboard: Voila, page: Page
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    remote: list[str] = []

    def offline(route):  # the projector may have no internet: refuse everything not local
        if route.request.url.startswith("http://127.0.0.1"):
            return route.continue_()
        remote.append(route.request.url)
        return route.abort()

    page.route("**/*", offline)
    page.set_viewport_size({"width": 1280, "height": 800})
    author = preset(LAB, "author")
    lab = page.locator(".s400-reasoning-lab")
    verdict = lab.locator(".s400-verdict")
    try:
        page.goto(dashboard.url, timeout=FIRST_RENDER_MS)
        expect(verdict).to_contain_text(
            verdict_text(LAB, LAB.verdict(author)), timeout=FIRST_RENDER_MS
        )
    except (PlaywrightTimeoutError, AssertionError):
        shot = screenshot(page, "dashboard-timeout")
        pytest.fail(
            f"The dashboard did not show the lab's verdict within {FIRST_RENDER_MS / 1000:.0f} s. "
            f"Screenshot {shot}; requests refused as remote: {remote}; "
            f"Voila log {dashboard.log}:\n{dashboard.log.read_text()[-5000:]}",
            pytrace=False,
        )

    # Code-free: no code input areas, no editors, no source text (markdown renders in an input
    # area too).
    expect(
        page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .cm-editor, .CodeMirror")
    ).to_have_count(0)
    expect(page.locator(".jp-MarkdownCell")).to_have_count(4)
    page_text = page.locator("body").inner_text()
    assert "from s400" not in page_text and "ReasoningLab(" not in page_text
    # Every slider is there (hidden tabs included), the network picture is drawn and named.
    expect(lab.locator(".widget-slider")).to_have_count(len(LAB.parameters))
    picture = page.locator(".s400-network-explorer").get_by_role("img")
    expect(picture).to_be_visible()
    label = re.search(r'aria-label="([^"]*)"', NetworkExplorer(load(), 1.5).picture.value)
    assert label is not None
    expect(picture).to_have_attribute("aria-label", unescape(label.group(1)))
    assert shown_chart(page) == expected_chart(author)
    projector_shots(
        page,
        "dashboard-author",
        {
            "top": "h1",
            "sliders": ".s400-reasoning-lab .widget-tab",
            "network": ".s400-network-explorer",
        },
    )

    # The third slider of the first tab is the value of the F-35 place: one step per key press.
    key = "magnitude.f35_place"
    assert list(LAB.parameters).index(key) == 2
    handle = lab.locator(".widget-slider .noUi-handle").nth(2)
    handle.scroll_into_view_if_needed()
    handle.focus()
    moved = author
    for presses in (1, 2, 3):
        handle.press("ArrowRight")
        moved = {**author, key: round(author[key] + LAB.parameters[key].step * presses, 2)}
        expect(verdict).to_contain_text(verdict_text(LAB, LAB.verdict(moved)))
    assert verdict_text(LAB, LAB.verdict(moved)) != verdict_text(LAB, LAB.verdict(author))
    # The chart is a separate widget message: wait for it, then compare every number.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            f"want => JSON.stringify({SHOWN_CHART_JS}) === JSON.stringify(want)",
            arg=expected_chart(moved),
            timeout=10_000,
            polling=100,
        )
    assert shown_chart(page) == expected_chart(moved)
    projector_shots(page, "dashboard-moved", {"verdict": ".s400-verdict"})
    assert remote == [], f"the dashboard asks the internet for {remote}"
