"""axe-core over every surface a student or an instructor sees: each notebook after Run All (and
after one task worked with the keyboard alone, see keyboard.py), the class poll, the projector
dashboard, the opening slides and every page of the reading site. The module's own content may
break no WCAG 2.1 A/AA rule at critical or serious impact; what upstream markup breaks (the host's
chrome, ipywidgets' internals) is reported apart, with every count, in
test-artifacts/accessibility/<surface>.json.

A surface is one entry of SURFACES: its host, the CSS selectors of the module's own content, and a
function that opens it in a page and yields once per view to audit.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from site_build import shared_site
from slides import build_slides

from browser.keyboard import TASKS, unnamed_controls
from browser.site_pages import open_page
from s400_testing.accessibility import Violation, audit, blocking, by_impact, describe, save_report
from s400_testing.browser import FIRST_RENDER_MS, REPO, Server, Voila, run_clean

Opener = Callable[[Page, pytest.FixtureRequest], Iterator[str]]


@dataclass(frozen=True)
class Surface:
    host: str  # whose chrome surrounds the content
    content: tuple[str, ...]  # the module's own content: rendered markdown, outputs, slides
    open: Opener


# In JupyterLab and Voila the module writes the markdown and the outputs; the rest is their chrome.
NOTEBOOK_CONTENT = (".jp-Notebook .jp-RenderedMarkdown", ".jp-Notebook .jp-OutputArea-output")


def notebook(path: Path, task: Callable[[Page], None] | None = None) -> Opener:
    def open_it(page: Page, request: pytest.FixtureRequest) -> Iterator[str]:
        server: Server = request.getfixturevalue("lab_server")
        run_clean(page, server, path)
        if task:
            task(page)  # the audit then sees what the keys revealed too
        yield "after Run All" + (" and the keyboard task" if task else "")

    return open_it


def dashboard(page: Page, request: pytest.FixtureRequest) -> Iterator[str]:
    voila: Voila = request.getfixturevalue("dashboard")
    page.goto(voila.url, timeout=FIRST_RENDER_MS)
    expect(page.locator(".s400-verdict")).not_to_be_empty(timeout=FIRST_RENDER_MS)
    expect(page.locator(".s400-network-explorer .s400-figure")).to_be_visible()
    yield "rendered"


def slides(page: Page, request: pytest.FixtureRequest) -> Iterator[str]:
    factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
    html = build_slides(factory.mktemp("slides"), factory.mktemp("slides-home"))
    page.goto(html.as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", polling=100)
    for index in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({index})")
        page.wait_for_timeout(900)  # the transition: axe skips what is not yet visible
        yield f"slide {index + 1}"


def reading_site(page: Page, request: pytest.FixtureRequest) -> Iterator[str]:
    site = shared_site(request.getfixturevalue("tmp_path_factory"))
    for file in sorted(site.rglob("*.html")):
        if file.name not in ("genindex.html", "search.html"):  # Sphinx's own, no content of ours
            open_page(page, file)  # its saved widgets drawn
            yield file.relative_to(site).as_posix()


SURFACES: dict[str, Surface] = {
    **{
        f"notebooks/{path.stem}": Surface(
            "JupyterLab", NOTEBOOK_CONTENT, notebook(path, TASKS.get(path.stem))
        )
        for path in sorted((REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    },
    "instructor/class_poll": Surface(
        "JupyterLab", NOTEBOOK_CONTENT, notebook(REPO / "instructor" / "class_poll.ipynb")
    ),
    "dashboard": Surface("Voila", NOTEBOOK_CONTENT, dashboard),
    "slides": Surface("reveal.js", (".reveal .slides section.present",), slides),
    # The article is ours (notebooks, exercises, READMEs); the theme's header and sidebars are not.
    "site": Surface("sphinx-book-theme", ("main",), reading_site),
}


def test_every_notebook_has_a_keyboard_task() -> None:
    notebooks = [name.split("/")[1] for name in SURFACES if name.startswith("notebooks/")]
    assert sorted(TASKS) == sorted(notebooks)


def test_the_name_check_can_fail() -> None:
    snapshot = '- slider "Prior"\n- slider\n- checkbox [checked]\n- button " Run"'
    assert unnamed_controls(snapshot) == ["- slider", "- checkbox [checked]"]


@pytest.mark.parametrize("name", SURFACES)
def test_no_serious_violation_in_the_modules_content(
    name: str, page: Page, request: pytest.FixtureRequest
) -> None:
    surface = SURFACES[name]
    content: list[Violation] = []
    chrome: list[Violation] = []
    for _view in surface.open(page, request):
        content += audit(page, surface.content)
        chrome += audit(page, ["html"], exclude=surface.content, owner=surface.host)
    report = save_report(name, {"content": content, "chrome": chrome})
    found = blocking(content)
    assert not found, (
        f"{name}: the module's own content breaks WCAG rules (all counts in {report}):\n"
        f"{describe(found)}\ncontent {by_impact(content)}, {surface.host} {by_impact(chrome)}"
    )
