"""The reading site (`make site`) opened from disk in Chromium with every network request refused:
each page loads without console errors and its images decode, saved widgets show with their saved
values, and the search box finds "CAATSA". Screenshots at a laptop and a phone size."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Error, Page, Route, expect
from site_build import shared_site

from .conftest import ARTIFACTS, REPO

WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'
# True once html-manager has drawn every saved widget view (it puts each in a div before its tag).
_WIDGETS_DRAWN = f"""() => Array.from(document.querySelectorAll('{WIDGET_VIEW}')).every(
  tag => tag.previousElementSibling?.classList.contains('widget-subarea')
    && tag.previousElementSibling.childElementCount > 0)"""
SIZES = {"laptop": (1280, 800), "phone": (390, 844)}
# name -> (page, what to scroll to): the pages the issue asks to look at, at their hard parts.
LOOKED_AT = {
    "index": ("index.html", "main h1"),
    "index-route": ("index.html", "main table"),
    "02-figure": ("notebooks/02_influence_network.html", "div.cell_output img"),
    "02-explorer": ("notebooks/02_influence_network.html", ".widget-subarea"),
    "03-lab": ("notebooks/03_reasoning_lab.html", ".s400-reasoning-lab"),
    "03-table": ("notebooks/03_reasoning_lab.html", "div.cell_output table"),
    "ex03": ("exercises/ex03_reasoning/ex03_reasoning.html", "main h1"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(tmp_path_factory)


@pytest.fixture
def offline(page: Page) -> Iterator[list[str]]:
    """Refuse every request that is not for a file on disk; yields the refused addresses and
    fails the test if there are any (so a page that asks the internet fails even if it looks fine).
    Console errors and uncaught exceptions go in the same list."""
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
    yield problems
    assert problems == []


def open_page(page: Page, file: Path) -> None:
    """Open `file` and wait until its saved widgets are drawn and its visible pictures decoded."""
    page.goto(file.as_uri())
    page.wait_for_function(_WIDGETS_DRAWN, polling=100)
    for image in page.locator("img").all():
        # A widget's Image stays hidden until it is filled; a reader sees no picture there.
        if image.evaluate("img => img.checkVisibility()"):
            image.scroll_into_view_if_needed()
            image.evaluate("img => img.decode()")
            assert image.evaluate("img => img.naturalWidth") > 0, image.get_attribute("src")


def test_every_page_opens_offline(site: Path, page: Page, offline: list[str]) -> None:
    found = sorted(site.rglob("*.html"))
    names = {p.relative_to(site).as_posix() for p in found}
    expected = (
        {"index.html", "data/README.html", "exercises/README.html", "search.html"}
        | {f"notebooks/{nb.stem}.html" for nb in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb")}
        | {
            f"exercises/{ex.parent.name}/{ex.stem}.html"
            for ex in REPO.glob("exercises/ex*/*.ipynb")
        }
    )
    assert expected <= names, f"missing pages: {sorted(expected - names)}"
    for file in found:
        open_page(page, file)
        if file.parent.name in ("notebooks",) or file.parent.parent.name == "exercises":
            # The download button offers the page's own notebook.
            download = page.locator(f'a[href$="{file.stem}.ipynb"]')
            assert download.count() == 1, f"{file.name}: no link to download its notebook"
            assert (file.parent / str(download.get_attribute("href"))).resolve().is_file()


def saved_sliders(notebook: Path) -> dict[str, str]:
    """description -> readout of each slider in the notebook's saved widget state."""
    state = json.loads(notebook.read_text())["metadata"]["widgets"]
    models = state["application/vnd.jupyter.widget-state+json"]["state"].values()
    return {
        # The readout writes a minus sign, not a hyphen.
        m["state"]["description"]: format(
            m["state"]["value"], m["state"]["readout_format"]
        ).replace("-", "\N{MINUS SIGN}")
        for m in models
        if m["model_name"] == "FloatSliderModel"
    }


def test_saved_widgets_show_their_saved_values(site: Path, page: Page, offline: list[str]) -> None:
    for name in ("00_start_here", "03_reasoning_lab"):
        sliders = saved_sliders(REPO / "notebooks" / f"{name}.ipynb")
        assert sliders, f"{name} saved no slider"
        open_page(page, site / "notebooks" / f"{name}.html")
        for description, readout in sliders.items():
            slider = page.locator(".widget-slider", has=page.get_by_text(description, exact=True))
            expect(slider.first.locator(".widget-readout")).to_have_text(readout)
        expect(page.locator(".widget-slider").first).to_be_visible()


def test_search_box_finds_caatsa(site: Path, page: Page, offline: list[str]) -> None:
    assert "CAATSA" in (REPO / "data" / "README.md").read_text()
    open_page(page, site / "index.html")
    page.locator(".search-button__button:visible").first.click()
    box = page.get_by_role("searchbox", name="Search")
    box.fill("CAATSA")
    box.press("Enter")
    expect(page.locator("#search-results .search-summary")).to_contain_text("Search finished")
    results = page.locator("#search-results ul.search li a")
    links = {str(a.get_attribute("href")).split("?")[0].split("#")[0] for a in results.all()}
    assert "data/README.html" in links, links


@pytest.mark.parametrize("size", SIZES)
def test_screenshots(site: Path, page: Page, offline: list[str], size: str) -> None:
    """Pictures to look at (test-artifacts/site-*.png), and no page wider than the screen."""
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    ARTIFACTS.mkdir(exist_ok=True)
    for name, (path, part) in LOOKED_AT.items():
        open_page(page, site / path)
        page.locator(part).first.evaluate("e => e.scrollIntoView({block: 'start'})")
        page.screenshot(path=ARTIFACTS / f"site-{name}-{size}.png")
        # Nothing may make the page wider than the screen (a reader would have to pan).
        overflow = page.evaluate("document.documentElement.scrollWidth") - width
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
