"""Every notebook has the shape students rely on, and nothing in it breaks on another machine."""

import itertools
import json
import re
from pathlib import Path

import pytest
from locations import ROOT

NOTEBOOKS = sorted(
    p
    for folder in ("notebooks", "solutions", "exercises", "instructor")
    for p in (ROOT / folder).rglob("*.ipynb")
    if ".ipynb_checkpoints" not in p.parts
)
ABSOLUTE_PATH = re.compile(
    r"""(?:['"(]|^|\s)(/(?:home|root|work|tmp|Users|usr|opt|mnt)/[\w.-]+|[A-Z]:\\\\)"""
)


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def test_there_are_notebooks():
    assert (ROOT / "notebooks" / "00_start_here.ipynb") in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_opening_has_title_objectives_and_time(path):
    first = cells(path)[0]
    text = source(first)
    assert first["cell_type"] == "markdown" and text.startswith("# "), "first cell: a '# Title'"
    assert "Learning objectives" in text
    assert re.search(r"Estimated time:\*\* \d+ minutes", text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_error_outputs_are_committed(path):
    errors = [
        source(c)[:60]
        for c in cells(path)
        for o in c.get("outputs", [])
        if o["output_type"] == "error"
    ]
    assert errors == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_absolute_paths(path):
    found = []
    for cell in cells(path):
        texts = [source(cell)] + [json.dumps(o) for o in cell.get("outputs", [])]
        found += [m.group(1) for t in texts for m in ABSOLUTE_PATH.finditer(t)]
    assert found == []


# Pages that print findings: the teaching notebooks and the class poll.
FINDINGS = [p for p in NOTEBOOKS if p.parent.name == "notebooks"] + [
    ROOT / "instructor" / "class_poll.ipynb"
]


@pytest.mark.parametrize("path", FINDINGS, ids=lambda p: p.name)
def test_checked_cells_have_stored_outputs_to_check(path):
    """nbval compares a '# NBVAL_CHECK_OUTPUT' cell with its stored output; an empty store
    checks nothing."""
    checked = [
        c for c in cells(path) if c["cell_type"] == "code" and "NBVAL_CHECK_OUTPUT" in source(c)
    ]
    assert checked, "mark the cells whose printed values are findings with # NBVAL_CHECK_OUTPUT"
    assert all(c["outputs"] for c in checked)


@pytest.mark.parametrize(
    "path",
    [p for p in NOTEBOOKS if p.parent.name in ("notebooks", "instructor")],
    ids=lambda p: p.name,
)
def test_figures_are_stored_as_pictures(path):
    """A cell that draws must show a picture (inside its HTML figure), not '<Figure size ...>'."""
    drawing = [
        c
        for c in cells(path)
        if c["cell_type"] == "code" and re.search(r"^draw_\w+\(", source(c), re.M)
    ]
    shown = ["".join(o.get("data", {}).get("text/html", "")) for c in drawing for o in c["outputs"]]
    assert len(shown) >= len(drawing) and all("data:image/png;base64," in h for h in shown)


@pytest.mark.parametrize(
    "name, ids",
    [
        ("01_case_and_argument.ipynb", lambda data: data.claims),
        ("02_influence_network.ipynb", lambda data: [e.id for e in data.edges]),
    ],
)
def test_every_claim_and_every_edge_is_shown(name, ids):
    """Notebook 01 shows every claim of claims.csv, notebook 02 every edge of edges.csv."""
    from s400.data import load

    shown = json.dumps([c.get("outputs", []) for c in cells(ROOT / "notebooks" / name)])
    assert [i for i in ids(load()) if f'"{i}' not in shown and f">{i}<" not in shown] == []


def test_the_absolute_path_check_can_fail():
    assert ABSOLUTE_PATH.search("open('/home/ann/data.csv')")
    assert not ABSOLUTE_PATH.search("open('data/claims.csv')")


LESSONS = sorted((ROOT / "notebooks").glob("0[1-9]_*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_lesson_has_the_modules_frame(path):
    """Objectives, time and prerequisites on top; a summary, discussion questions and a link to
    its own graded exercise at the end (the frame CONTRIBUTING.md describes)."""
    opening = source(cells(path)[0])
    markdown = "\n".join(source(c) for c in cells(path) if c["cell_type"] == "markdown")
    number = path.name[:2]
    assert "**Learning objectives.**" in opening and "**Prerequisites" in opening
    assert re.search(r"^## Summary$", markdown, re.M), "a '## Summary' section"
    assert re.search(r"^## Discussion questions$", markdown, re.M), "a '## Discussion questions'"
    exercise = next((ROOT / "exercises").glob(f"ex{number}_*"))
    assert f"exercises/{exercise.name}" in markdown, f"a link to exercises/{exercise.name}"


# Accessibility of the notebooks' structure (WCAG 2.1: 1.3.1, 2.4.4, 2.4.6, 1.1.1).
# nbgrader's solution markers are not headings a student sees.
NBGRADER_MARKER = re.compile(r"^#+ (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")
HTML_HEADING = re.compile(r"<h([1-6])\b", re.I)


def markdown_lines(path: Path) -> list[str]:
    """The lines of every markdown cell, fenced code left out."""
    lines, fenced = [], False
    for cell in cells(path):
        if cell["cell_type"] != "markdown":
            continue
        for line in source(cell).splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            elif not fenced:
                lines.append(line)
    return lines


def heading_levels(lines: list[str]) -> list[int]:
    levels = []
    for line in lines:
        atx = re.match(r"^(#{1,6})\s", line)
        if atx and not NBGRADER_MARKER.match(line):
            levels.append(len(atx.group(1)))
        levels += [int(level) for level in HTML_HEADING.findall(line)]
    return levels


def heading_problems(levels: list[int]) -> list[str]:
    problems = []
    if levels.count(1) != 1 or levels[:1] != [1]:
        problems.append(f"one H1, first: found levels {levels}")
    problems += [
        f"H{before} then H{after}"
        for before, after in itertools.pairwise(levels)
        if after > before + 1
    ]
    return problems


def test_the_heading_check_can_fail():
    assert heading_problems([1, 2, 3, 2]) == []
    assert heading_problems([1, 3]) == ["H1 then H3"]
    assert heading_problems([2, 1]) == ["one H1, first: found levels [2, 1]"]
    assert heading_levels(["# T", "### BEGIN SOLUTION", "<h2>x</h2>"]) == [1, 2]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_one_h1_and_headings_in_order(path):
    assert heading_problems(heading_levels(markdown_lines(path))) == []


LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)[^)]*\)|<a\b[^>]*>(.*?)</a>", re.I | re.S)
VAGUE = {"here", "click here", "this", "link", "this link", "more", "read more", "see here"}


def vague_links(lines: list[str]) -> list[str]:
    """Link texts that do not say where they lead: empty, vague, or a bare path or address."""
    found = []
    for line in lines:
        for match in LINK.finditer(line):
            text = (match.group(1) if match.group(1) is not None else match.group(3)).strip()
            bare = re.fullmatch(r"(https?://)?[\w.~/-]+/[\w.~/-]*", text)
            if not text or text.lower() in VAGUE or bare:
                found.append(text)
    return found


def test_the_link_check_can_fail():
    assert vague_links(
        ["see [here](a.ipynb) and [exercises/ex01](x) and <a href='y'>link</a>"]
    ) == [
        "here",
        "exercises/ex01",
        "link",
    ]
    assert vague_links(["[Exercise 1 · The argument](../exercises/ex01/ex01.ipynb)"]) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_link_text_says_where_it_leads(path):
    assert vague_links(markdown_lines(path)) == []


def table_problems(lines: list[str]) -> list[str]:
    """Markdown tables whose header row is empty, HTML tables without a header cell, and
    images without alt text."""
    problems, text = [], "\n".join(lines)
    for block in re.findall(r"(?:^\|.*\|\s*$\n?)+", text, re.M):
        header = [cell.strip() for cell in block.splitlines()[0].strip("|").split("|")]
        if not all(header):
            problems.append(f"table with an empty header cell: {block.splitlines()[0]}")
    problems += [
        f"HTML table without <th>: {t[:60]}"
        for t in re.findall(r"<table\b.*?</table>", text, re.I | re.S)
        if "<th" not in t.lower()
    ]
    problems += [f"image without alt text: {m}" for m in re.findall(r"!\[\s*\]\([^)]*\)", text)]
    problems += [
        f"image without alt text: {m[:60]}"
        for m in re.findall(r"<img\b[^>]*>", text, re.I)
        if not re.search(r"\balt=\"[^\"]+\"|\balt='[^']+'", m)
    ]
    return problems


def test_the_table_check_can_fail():
    lines = [
        "| a | |",
        "|---|---|",
        "| 1 | 2 |",
        "<table><tr><td>1</td></tr></table>",
        "![](x.png)",
    ]
    assert len(table_problems(lines)) == 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_tables_have_header_rows_and_images_alt_text(path):
    outputs = [
        html
        for cell in cells(path)
        for o in cell.get("outputs", [])
        if isinstance(html := o.get("data", {}).get("text/html"), (str, list))
    ]
    lines = markdown_lines(path) + ["".join(html) for html in outputs]
    assert table_problems(lines) == []


@pytest.mark.parametrize(
    "path",
    [p for p in NOTEBOOKS if p.parent.name in ("notebooks", "instructor")],
    ids=lambda p: p.name,
)
def test_every_stored_figure_has_a_text_alternative(path):
    """A figure is stored as HTML that carries its alt text and data (s400.plots.alt_text), never
    as a bare PNG, which JupyterLab and GitHub show without alt text."""
    bare, undescribed = [], []
    for cell in cells(path):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            html = "".join(data.get("text/html", ""))
            if "image/png" in data:
                bare.append(source(cell)[:60])
            if "<img" in html and ('class="s400-figure ' not in html or "s400-undescribed" in html):
                undescribed.append(source(cell)[:60])
    assert bare == [] and undescribed == []
