"""Colour contrast (WCAG 2.1 AA, 1.4.3 and 1.4.11), computed from the palettes of
src/s400/plots/style.py, the reasoning lab's chart and the projector's stylesheet."""

import re

import pytest
from drawings import drawings
from locations import ROOT
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Patch
from matplotlib.text import Text

from s400.plots import contribution_chart_svg
from s400.plots.contrast import GRAPHICS, LARGE_TEXT, TEXT, contrast_ratio, text_colour_on
from s400.plots.style import (
    AXIS_TEXT,
    CONSEQUENCE_COLOURS,
    CUT,
    INK,
    LAYER_STYLE,
    MARK,
    OKABE_ITO,
    THEME_STYLE,
)

FIGURES = drawings()

WHITE = "#FFFFFF"


def test_the_contrast_ratio_matches_published_pairs():
    # WebAIM's checker gives #767676 on white 4.54:1 and #777777 4.48:1, the classic AA edge.
    assert round(contrast_ratio("#767676", WHITE), 2) == 4.54
    assert round(contrast_ratio("#777777", WHITE), 2) == 4.48


@pytest.mark.parametrize("name, colour", MARK.items())
def test_lines_and_markers_stand_out_from_white(name, colour):
    assert contrast_ratio(colour, WHITE) >= GRAPHICS, name


@pytest.mark.parametrize("name, colour", [*INK.items(), ("axis", AXIS_TEXT), ("cut", CUT)])
def test_text_colours_read_on_white(name, colour):
    assert contrast_ratio(colour, WHITE) >= TEXT, name


STYLED = {
    **{f"theme {k}": colour for k, (colour, _) in THEME_STYLE.items()},
    **{f"layer {k}": colour for k, (colour, _) in LAYER_STYLE.items()},
}


@pytest.mark.parametrize("name, colour", STYLED.items())
def test_timeline_lanes_and_channel_layers_are_drawn_in_mark_colours(name, colour):
    # Their markers and lines stand on white with no outline of their own.
    assert contrast_ratio(colour, WHITE) >= GRAPHICS, name


@pytest.mark.parametrize("name, fill", CONSEQUENCE_COLOURS.items())
def test_labels_inside_the_labs_bars_read_on_their_fill(name, fill):
    assert contrast_ratio(text_colour_on(fill), fill) >= TEXT, name


def test_the_labs_chart_writes_each_label_in_its_readable_colour():
    labels = {"buy": "Buy", "f35_place": "Place in the F-35 programme"}
    svg = contribution_chart_svg({"buy": {"f35_place": -20.0}}, {"buy": 0.0}, labels)
    # Vermillion #D55E00: black text 5.43:1, white 3.87:1 (below 4.5), so black.
    assert 'fill="#000000">Place in the F</text>' in svg


def hexes(colours) -> list[str]:
    return [to_hex(c) for c in to_rgba_array(colours) if c[3] > 0]  # transparent: not drawn


def weakest(colours) -> float:
    return min((contrast_ratio(c, WHITE) for c in hexes(colours)), default=21.0)


def contrast_problems(fig: Figure) -> list[str]:
    """What in a drawing falls short on a white page: text under 4.5:1 (3:1 from 18 pt, or 14 pt
    bold), lines under 3:1, and filled shapes (markers, bars, patches) under 3:1 whose outline is
    no better. Translucent backgrounds (alpha below 1) and grid lines are decoration."""
    fig.canvas.draw()  # tick labels exist from drawing time on
    problems = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        size = text.get_fontproperties().get_size()  # get_fontsize()'s stub says float | str
        large = size >= 18 or (size >= 14 and text.get_fontweight() in ("bold", 700))
        patch = text.get_bbox_patch()
        behind = to_hex(patch.get_facecolor()) if patch else WHITE
        ratio = contrast_ratio(to_hex(text.get_color()), behind)
        if ratio < (LARGE_TEXT if large else TEXT):
            problems.append(f"text {text.get_text()!r}: {ratio:.2f}")
    grid = {id(line) for ax in fig.axes for line in (*ax.get_xgridlines(), *ax.get_ygridlines())}
    for line in fig.findobj(Line2D):
        if id(line) in grid or not line.get_visible():
            continue
        if line.get_linestyle() not in ("None", "", " ") and weakest(line.get_color()) < GRAPHICS:
            problems.append(f"line {line.get_label()!r}: {weakest(line.get_color()):.2f}")
        if line.get_marker() not in ("None", "", None, " "):
            face, edge = weakest(line.get_markerfacecolor()), weakest(line.get_markeredgecolor())
            if max(face, edge) < GRAPHICS:
                problems.append(f"marker of {line.get_label()!r}: {max(face, edge):.2f}")
    shapes: list[Collection | Patch] = [*fig.findobj(Collection), *fig.findobj(Patch)]
    for shape in shapes:
        if shape in fig.findobj(Text) or not shape.get_visible():
            continue
        if (isinstance(shape, Patch) and (shape.get_alpha() or 1) < 1) or shape is fig.patch:
            continue
        if any(shape is ax.patch for ax in fig.axes) or isinstance(shape, FancyBboxPatch):
            continue  # the axes' and the text boxes' white backgrounds
        face, edge = weakest(shape.get_facecolor()), weakest(shape.get_edgecolor())
        if max(face, edge) < GRAPHICS:
            problems.append(f"{type(shape).__name__} {shape.get_label()!r}: {max(face, edge):.2f}")
    return problems


@pytest.mark.parametrize("name", FIGURES)
def test_every_drawing_reads_on_white(name):
    assert contrast_problems(FIGURES[name]) == []


def test_the_drawing_check_finds_faint_text_lines_and_shapes():
    fig = Figure()
    ax = fig.add_subplot()
    ax.text(0.5, 0.5, "faint", color="#999999")
    ax.plot([0, 1], [0, 1], color=OKABE_ITO["orange"], label="orange line")
    ax.scatter([0.5], [0.2], color=OKABE_ITO["yellow"], label="yellow dot")
    ax.scatter([0.5], [0.8], color=OKABE_ITO["yellow"], edgecolors="black", label="outlined")
    assert contrast_problems(fig) == [
        "text 'faint': 2.85",
        "line 'orange line': 2.25",
        "PathCollection 'yellow dot': 1.32",
    ]


# A CSS rule: selector { declarations }.
RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
HEX = r"#[0-9a-fA-F]{3,6}\b"


def css_text_pairs(css: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that sets a text colour or a
    background: the rule's own colours, else black text (the projector's) on white."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    pairs = []
    for selector, body in RULE.findall(css):
        colour = re.search(rf"(?:^|;)\s*(?:color|--jp-[\w-]*font-color\d)\s*:\s*({HEX})", body)
        background = re.search(rf"background(?:-color)?\s*:\s*({HEX})", body)
        if colour or background:
            pairs.append(
                (
                    selector.strip(),
                    colour.group(1) if colour else "#000000",
                    background.group(1) if background else WHITE,
                )
            )
    return pairs


def test_the_css_reader_finds_colours_and_backgrounds():
    css = "a { color: #444; } /* b { color: #eee } */ .v { background: #f2f2f2 }"
    assert css_text_pairs(css) == [("a", "#444", WHITE), (".v", "#000000", "#f2f2f2")]


def test_the_projector_stylesheets_text_reads_on_its_background():
    css = (ROOT / "instructor" / "projector.css").read_text(encoding="utf-8")
    pairs = css_text_pairs(css)
    assert len(pairs) >= 3  # the font colours, the objectives' summary, the tab labels
    weak = [(s, c, b) for s, c, b in pairs if contrast_ratio(c, b) < TEXT]
    assert weak == []
