"""The reading site (`make site`): nothing an instructor keeps from students reaches it (solutions,
hidden tests, rubrics, the teaching guide's strong answers), its pages load nothing from the
internet, and figures keep the alt text their notebook outputs carry."""

from __future__ import annotations

import base64
import doctest
import html
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import nbformat
import pytest
from locations import ROOT
from matplotlib.figure import Figure
from PIL import Image
from site_build import shared_site
from slides import offline_problems

from s400.plots.export import figure_svg

# Text students must not find on the site, and text that is theirs anyway (the published sources).
KEPT_BACK = ("solutions/*/*.ipynb", "solutions/*/rubric.md", "instructor/guide.md")
PUBLISHED = ("README.md", "notebooks/*.ipynb", "exercises/**/*", "data/README.md", "site/*.md")
MARKERS = ("begin solution", "end solution", "begin hidden tests", "end hidden tests")
MIN_WORDS = 6  # shorter passages ("answer_q1 = (") say nothing an answer key would
SVG_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"  # in matplotlib's SVG <metadata>


def words(text: str) -> str:
    """Lower-case words and numbers joined by single spaces, padded with one space each side:
    the same passage compares equal in a notebook, in rendered HTML and in a JSON string."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def secret_parts(file: Path) -> list[str]:
    """The parts of `file` that only instructors see: in an nbgrader source notebook the code
    between BEGIN/END SOLUTION or BEGIN/END HIDDEN TESTS and whole written-answer cells; all of a
    rubric or the guide. Split at lines and table cells."""
    if file.suffix != ".ipynb":
        return file.read_text().splitlines()
    parts: list[str] = []
    for cell in nbformat.read(file, as_version=4).cells:
        grader = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and grader.get("solution"):
            parts += cell.source.splitlines()
            continue
        inside = False
        for line in cell.source.splitlines():
            if re.search(r"### (BEGIN|END) (SOLUTION|HIDDEN TESTS)", line):
                inside = "BEGIN" in line
            elif inside:
                parts.append(line)
    return parts


def secrets() -> dict[str, list[str]]:
    """file -> its kept-back passages (as `words`) that appear nowhere in the published sources."""
    public = "".join(
        words(site_file_text(f)) for pattern in PUBLISHED for f in ROOT.glob(pattern) if f.is_file()
    )
    found = {}
    for pattern in KEPT_BACK:
        for file in sorted(ROOT.glob(pattern)):
            passages = {words(cell) for line in secret_parts(file) for cell in line.split("|")}
            found[file.relative_to(ROOT).as_posix()] = sorted(
                p for p in passages if len(p.split()) >= MIN_WORDS and p not in public
            )
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def site_file_text(file: Path) -> str:
    """The text a reader could get from `file`: HTML without tags, every string of a JSON file
    (notebooks), other text as it is; "" for a binary file."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return ""
    if file.suffix in (".html", ".htm"):
        return html.unescape(re.sub(r"<[^>]+>", " ", text))
    if file.suffix in (".ipynb", ".json"):
        return "\n".join(_strings(json.loads(text)))
    return text


def leaks(site: Path, kept_back: dict[str, list[str]]) -> list[str]:
    """One line per kept-back passage or nbgrader marker found in a file of `site`."""
    found = []
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        text = words(site_file_text(file))
        name = file.relative_to(site).as_posix()
        found += [f"{name}: nbgrader marker '{m}'" for m in MARKERS if f" {m} " in text]
        found += [
            f"{name}: from {source}: {passage.strip()}"
            for source, passages in kept_back.items()
            for passage in passages
            if passage in text
        ]
    return found


@pytest.fixture(scope="module")
def kept_back() -> dict[str, list[str]]:
    found = secrets()
    # Every answer key, rubric and the guide must contribute, or the leak test could pass vacuously.
    empty = [name for name, passages in found.items() if not passages]
    assert len(found) >= 15 and not empty, f"no passages to look for from {empty}"
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(tmp_path_factory)


def test_nothing_kept_back_reaches_the_site(site: Path, kept_back: dict[str, list[str]]) -> None:
    assert leaks(site, kept_back) == []


def test_a_planted_solution_rubric_or_guide_is_found(
    tmp_path: Path, kept_back: dict[str, list[str]]
) -> None:
    solution = ROOT / "solutions" / "ex01_argument" / "ex01_argument.ipynb"
    (tmp_path / "_sources").mkdir()
    (tmp_path / "_sources" / solution.name).write_bytes(solution.read_bytes())
    rubric = (ROOT / "solutions" / "ex02_network" / "rubric.md").read_text()
    guide = (ROOT / "instructor" / "guide.md").read_text()
    (tmp_path / "page.html").write_text(f"<p>{html.escape(rubric)}</p><td>{guide}</td>")
    found = "\n".join(leaks(tmp_path, kept_back))
    assert "nbgrader marker 'begin hidden tests'" in found
    for source in (
        "solutions/ex01_argument/ex01_argument.ipynb",
        "solutions/ex02_network/rubric.md",
    ):
        assert f"from {source}:" in found
    assert "page.html: from instructor/guide.md:" in found


def test_pages_load_nothing_from_the_internet(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) >= 20
    assert [problem for page in pages for problem in offline_problems(page)] == []


def test_the_offline_check_skips_namespace_names_but_not_loads(tmp_path: Path) -> None:
    """Saved widget state holds SVG as JSON text: its namespace names and metadata are not loads,
    but an address a widget or a script would fetch is found, wherever it is on the page."""
    svg = figure_svg(Figure(figsize=(1, 1)))  # the SVG the explorers keep in their HTML widget
    assert all(f'="{name}"' in svg for name in ("http://www.w3.org/2000/svg", SVG_RDF))
    models = {
        "figure": {"model_module": "@jupyter-widgets/controls", "state": {"value": svg}},
        "picture": {"state": {"value": "<img src='https://img.example.org/a.png' alt='A'>"}},
        "line": {"model_module": "anywidget", "state": {"_esm": "https://esm.example.org/w.js"}},
        "near": {"state": {"value": '<a href="http://www.w3.org/2000/svg/x.js">x</a>'}},
    }
    state = json.dumps({"version_major": 2, "version_minor": 0, "state": models})
    page = tmp_path / "page.html"
    page.write_text(
        f'<script type="application/vnd.jupyter.widget-state+json">{state}</script>'
        '<script>document.createElementNS("http://www.w3.org/1999/xhtml", "div");'
        'fetch("https://api.example.org/data");</script>'
        '<script src="https://cdn.example.org/require.js"></script>'
        '<link rel="stylesheet" href="//cdn.example.org/theme.css">'
    )
    assert sorted(offline_problems(page)) == [
        "inline script loads http://www.w3.org/2000/svg/x.js",
        "inline script loads https://api.example.org/data",
        "inline script loads https://esm.example.org/w.js",
        "inline script loads https://img.example.org/a.png",
        "page.html loads //cdn.example.org/theme.css",
        "page.html loads https://cdn.example.org/require.js",
    ]


def site_module(name: str) -> ModuleType:
    """A module of site/ (not a package), imported under a name of its own."""
    spec = importlib.util.spec_from_file_location(f"s400_site_{name}", ROOT / "site" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_alt_text_examples() -> None:
    result = doctest.testmod(site_module("output_figures"))
    assert result.attempted >= 5 and result.failed == 0


def _image_output(metadata: dict, text: dict[str, str], width: int = 4) -> dict:
    png = io.BytesIO()
    Image.new("RGB", (width, 4)).save(png, format="PNG")
    data = {"image/png": base64.b64encode(png.getvalue()).decode(), **text}
    return nbformat.v4.new_output("display_data", data=data, metadata=metadata)


def test_figures_keep_their_alt_text_and_captions(tmp_path: Path) -> None:
    """Alt text from the output's metadata, a text alternative or the cell's metadata (which
    wins), a caption from the cell's metadata; a figure wider than the column links to itself."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "index.md").write_text("# Test\n\n```{toctree}\nfigures\n```\n")
    plain = nbformat.v4.new_code_cell("draw()", execution_count=1)
    plain.outputs = [
        _image_output({"image/png": {"alt": "From the metadata"}}, {"text/plain": "<Figure>"}),
        _image_output({}, {"text/markdown": "From the markdown", "text/plain": "<Figure>"}),
        _image_output({}, {"text/plain": "<Figure size 640x480 with 1 Axes>"}),
    ]
    mystnb = {"figure": {"caption": "A caption"}, "image": {"alt": "From the cell"}}
    wide = nbformat.v4.new_code_cell("draw()", execution_count=2, metadata={"mystnb": mystnb})
    wide.outputs = [_image_output({}, {"text/markdown": "Not this one"}, width=1300)]
    nbformat.write(nbformat.v4.new_notebook(cells=[plain, wide]), source / "figures.ipynb")
    # A process of its own: Sphinx and myst-nb register themselves with docutils globally.
    sphinx = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", "-c", str(ROOT / "site")]
    run = subprocess.run(
        [*sphinx, str(source), str(tmp_path / "out")], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "out" / "figures.html").read_text()
    alts = re.findall(r'<img[^>]*\balt="([^"]*)"', page)
    assert alts[:2] == ["From the metadata", "From the markdown"]
    assert "Figure size" not in alts[2]  # an object's repr describes nothing
    assert alts[3] == "From the cell"
    assert re.search(r"<figcaption>\s*<p><span class=\"caption-text\">A caption<", page)
    linked = re.findall(
        r'<a class="reference internal image-reference"[^>]*>\s*<img[^>]*alt="([^"]*)"', page
    )
    assert linked == ["From the cell"]
