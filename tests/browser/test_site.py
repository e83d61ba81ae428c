"""The reading site (`make site`) opened from disk in Chromium with every network request refused:
each page loads without console errors and its images decode, saved widgets show with their saved
values (the anywidget result lines too, as live regions), a widget module the site lacks is
refused rather than fetched, and the search box finds "CAATSA". Screenshots at a laptop and a
phone size."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from site_build import shared_site

from .conftest import ARTIFACTS, REPO
from .site_pages import RESULT_LINES, open_page, result_lines, watch, widget_problems

SIZES = {"laptop": (1280, 800), "phone": (390, 844)}
# name -> (page, what to scroll to): the pages the issue asks to look at, at their hard parts.
LOOKED_AT = {
    "index": ("index.html", "main h1"),
    "index-route": ("index.html", "main table"),
    "02-figure": ("notebooks/02_influence_network.html", "div.cell_output img"),
    "02-explorer": ("notebooks/02_influence_network.html", ".widget-subarea"),
    "03-lab": ("notebooks/03_reasoning_lab.html", ".s400-reasoning-lab"),
    "03-table": ("notebooks/03_reasoning_lab.html", "div.cell_output table"),
    "02-card": ("notebooks/02_influence_network.html", ".s400-edge-card"),
    "00-demo": ("notebooks/00_start_here.html", ".widget-subarea"),
    "07-quiz": ("notebooks/07_reality_check.html", ".widget-subarea"),
    "07-result": ("notebooks/07_reality_check.html", ".s400-quiz-result"),
    "ex03": ("exercises/ex03_reasoning/ex03_reasoning.html", "main h1"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(tmp_path_factory)


@pytest.fixture
def offline(page: Page) -> Iterator[list[str]]:
    """`watch` the page; fail the test if anything was refused or logged an error (so a page that
    asks the internet fails even if it looks fine)."""
    problems = watch(page)
    yield problems
    assert problems == []


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


def saved_state(notebook: Path) -> dict:
    """The widget state saved in `notebook`."""
    widgets = json.loads(notebook.read_text())["metadata"]["widgets"]
    return widgets["application/vnd.jupyter.widget-state+json"]


def saved_sliders(notebook: Path) -> dict[str, str]:
    """description -> readout of each slider in the notebook's saved widget state."""
    models = saved_state(notebook)["state"].values()
    return {
        # The readout writes a minus sign, not a hyphen.
        m["state"]["description"]: format(
            m["state"]["value"], m["state"]["readout_format"]
        ).replace("-", "\N{MINUS SIGN}")
        for m in models
        if m["model_name"] == "FloatSliderModel"
    }


def test_saved_widgets_show_their_saved_values(site: Path, page: Page, offline: list[str]) -> None:
    """Sliders at their saved values, named after their description (AccessibilityFixes, an
    anywidget, ran), and the result lines a student saw, as live regions."""
    notebooks = sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    lines = {nb.stem: result_lines(saved_state(nb)) for nb in notebooks}
    assert all(lines.values()), f"no result line saved in {[n for n, x in lines.items() if not x]}"
    for notebook in notebooks:
        sliders = saved_sliders(notebook)
        assert sliders or notebook.stem not in ("00_start_here", "03_reasoning_lab")
        open_page(page, site / "notebooks" / f"{notebook.stem}.html")
        shown = page.locator(RESULT_LINES).all_text_contents()
        assert sorted(" ".join(line.split()) for line in shown) == lines[notebook.stem]
        for description, readout in sliders.items():
            slider = page.locator(".widget-slider", has=page.get_by_text(description, exact=True))
            expect(slider.first.locator(".widget-readout")).to_have_text(readout)
            expect(slider.first.locator(".noUi-handle")).to_have_attribute(
                "aria-label", description
            )
        if sliders:
            expect(page.locator(".widget-slider").first).to_be_visible()


def test_a_widget_module_the_site_lacks_is_refused(site: Path, page: Page, tmp_path: Path) -> None:
    """A page whose saved widgets need a module the site does not carry: nothing is fetched, the
    console says why, and `widget_problems` (so every test that opens a page) reports it."""
    (tmp_path / "_static").symlink_to(site / "_static")
    (tmp_path / "notebooks").mkdir()
    planted = tmp_path / "notebooks" / "planted.html"
    original = (site / "notebooks" / "00_start_here.html").read_text()
    planted.write_text(original.replace('"anywidget"', '"elsewhere-widgets"'))
    assert planted.read_text() != original
    problems = watch(page)
    page.goto(planted.as_uri())
    not_drawn = widget_problems(page)
    assert any("widget(s) not drawn" in p for p in not_drawn), not_drawn
    assert not [p for p in problems if "asked the network" in p], problems
    assert any("elsewhere-widgets is not part of the reading site" in p for p in problems), problems


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
        # Just below the header bar, which stays on top of the page.
        page.locator(part).first.evaluate(
            "e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -64); }"
        )
        page.screenshot(path=ARTIFACTS / f"site-{name}-{size}.png")
        # A result line wraps in its column instead of hiding its end in a box that scrolls.
        wide = page.locator(RESULT_LINES).evaluate_all(
            "lines => lines.filter(l => l.scrollWidth > l.closest('.widget-subarea').clientWidth)"
            ".map(l => l.className)"
        )
        assert wide == [], f"{path}: result lines wider than the column: {wide}"
        # Nothing may make the page wider than the screen (a reader would have to pan).
        overflow = page.evaluate("document.documentElement.scrollWidth") - width
        assert overflow <= 0, f"{path} is {overflow}px wider than a {width}px screen"
