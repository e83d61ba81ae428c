"""The opening slides from `make slides`, opened from disk in Chromium with the network refused:
reveal.js starts, every slide is there, and the figures load. Screenshots at projector sizes."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from slides import build_slides

from s400_testing.browser import ARTIFACTS

SLIDE_COUNT = 4  # title, timeline, argument map, questions


@pytest.fixture(scope="module")
def slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_slides(tmp_path_factory.mktemp("slides"), tmp_path_factory.mktemp("jupyter"))


def test_slides_start_offline_and_show_the_figures(slides: Path, page: Page) -> None:
    remote: list[str] = []

    def offline(route):
        if route.request.url.startswith(("file:", "data:")):
            return route.continue_()
        remote.append(route.request.url)
        return route.abort()

    page.route("**/*", offline)
    page.goto(slides.as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", polling=100)
    assert page.evaluate("Reveal.getTotalSlides()") == SLIDE_COUNT
    expect(
        page.locator(".reveal .slides section.present:not(.stack)").get_by_role(
            "heading", name="The S-400 Decision"
        )
    ).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in ((1280, 800), (1024, 768)):
        page.set_viewport_size({"width": width, "height": height})
        for index in range(SLIDE_COUNT):
            page.evaluate(f"Reveal.slide({index})")
            current = page.locator(".reveal .slides section.present:not(.stack)")
            expect(current).to_be_visible()
            for picture in current.locator("img").all():
                picture.evaluate("img => img.decode()")
                assert picture.evaluate("img => img.naturalWidth") > 0
            page.wait_for_timeout(900)  # the slide transition
            page.screenshot(path=ARTIFACTS / f"slides-{index + 1}-{width}x{height}.png")
    assert remote == [], f"the slides ask the internet for {remote}"
