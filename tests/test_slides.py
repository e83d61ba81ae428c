"""`make slides` builds the opening slides as reveal.js that work offline: nothing from a CDN."""

from pathlib import Path

import pytest
from slides import build_slides, offline_problems


@pytest.fixture(scope="module")
def slides(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_slides(tmp_path_factory.mktemp("slides"), tmp_path_factory.mktemp("jupyter"))


def test_the_slides_load_nothing_from_the_network(slides):
    assert offline_problems(slides) == []
    html = slides.read_text(encoding="utf-8")
    assert '<script src="reveal.js/dist/reveal.js">' in html
    assert html.count("<section") >= 4  # title, timeline, argument map, questions


def test_the_slides_show_no_code_and_both_figures(slides):
    html = slides.read_text(encoding="utf-8")
    assert "from s400" not in html and "enlarge_text" not in html
    assert html.count("<img") == 2 and html.count('src="data:image/png;base64') == 2


def test_the_offline_check_finds_cdn_links_and_missing_files(tmp_path):
    (tmp_path / "here.css").write_text(
        "@import url(fonts/gone.css); a { background: url(https://x.org/a.png) }"
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<link rel="stylesheet" href="https://cdn.example.org/reveal.css">'
        '<link rel="stylesheet" href="here.css"><script src="missing.js"></script>'
        '<style>@import url("//fonts.example.org/f.css");</style>'
        "<script>require(['https://unpkg.com/reveal.js/dist/reveal.js'])</script>"
    )
    assert sorted(offline_problems(page)) == sorted(
        [
            "page.html loads https://cdn.example.org/reveal.css",
            "page.html refers to missing.js, which is missing",
            "page.html loads //fonts.example.org/f.css",
            "inline script loads https://unpkg.com/reveal.js/dist/reveal.js",
            "here.css refers to fonts/gone.css, which is missing",
            "here.css loads https://x.org/a.png",
        ]
    )
