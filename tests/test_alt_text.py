"""Every figure has a text alternative (WCAG 2.1, 1.1.1): a short alt text and, for a chart, a
summary or its data; the notebooks' outputs carry it as HTML with the picture."""

import pytest
from drawings import drawings
from matplotlib.figure import Figure

import s400.plots
from s400.plots.alt_text import describe, figure_html, plain_text, text_of

FIGURES = drawings()
# Diagrams whose alt text and data table say it all; every other figure is a chart that needs a
# written summary too, unless its table is the summary.
WITHOUT_SUMMARY = {"draw_balance", "draw_figure_series", "draw_poll_spread", "draw_margins"}


def test_every_drawing_function_is_checked():
    public = {name for name in s400.plots.__all__ if name.startswith("draw_")}
    assert public == set(FIGURES)


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_has_a_short_alt_text_and_its_data(name):
    text = text_of(FIGURES[name])
    assert text is not None, f"{name} attaches no text alternative"
    assert text.alt.endswith(".") and 20 <= len(text.alt) <= 250, text.alt
    assert text.rows and all(len(row) == len(text.header) for row in text.rows)
    if name not in WITHOUT_SUMMARY:
        assert text.summary


@pytest.mark.parametrize("name", FIGURES)
def test_the_html_a_notebook_shows_carries_the_alt_text(name):
    fig = FIGURES[name]
    html = figure_html(fig)
    assert html.startswith('<div class="s400-figure tex2jax_ignore mathjax_ignore"><figure><img')
    assert "data:image/png;base64," in html and "<details><summary>The data" in html
    assert plain_text(fig).startswith(text_of(fig).alt)


def test_a_figure_drawn_elsewhere_is_marked_undescribed():
    fig = Figure()
    fig.add_subplot().set_title("My chart")
    assert 'class="s400-figure s400-undescribed ' in figure_html(fig)
    assert 'alt="Chart: My chart."' in figure_html(fig)
    assert "s400-undescribed" not in figure_html(describe(Figure(), "An empty figure."))


def test_alt_text_is_escaped():
    html = figure_html(describe(Figure(), 'A "quoted" <b>alt</b>.'))
    assert 'alt="A &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt;."' in html
