"""Every notebook has the shape students rely on, and nothing in it breaks on another machine."""

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
    """A cell that draws must show a picture, not the text '<Figure size ...>'."""
    drawing = [
        c
        for c in cells(path)
        if c["cell_type"] == "code" and re.search(r"^draw_\w+\(", source(c), re.M)
    ]
    assert all(any("image/png" in o.get("data", {}) for o in c["outputs"]) for c in drawing)


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
