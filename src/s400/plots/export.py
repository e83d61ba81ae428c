"""Figures out of matplotlib: SVG for widgets that redraw, larger text for a projector, and inline
display of bare Figure objects in Jupyter, with their text alternatives.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from html import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.text import Text

from s400.plots.alt_text import TextAlternative, figure_html, plain_text, wrap_figure


def enlarge_text(fig: Figure, factor: float) -> Figure:
    """Scale every text of ``fig`` (title, labels, tick labels, legend, annotations) by ``factor``,
    for a projector. Changes the figure in place and returns it.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The drawing.
    factor : float
        How much larger the text gets.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig`` itself.

    Examples
    --------
    A 10-point title, 1.5 times larger, is 15 points:

    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.set_title("The case", fontsize=10)
    >>> enlarge_text(fig, 1.5).axes[0].title.get_fontsize()
    15.0
    """
    tick_labels = set()
    # Sizes in points through get_fontproperties(): get_fontsize() returns the same float, but
    # matplotlib's stub types it float | str.
    for axis in (axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)):
        # Tick labels made at drawing time take their size from the axis, so set it there.
        labels = axis.get_ticklabels()
        tick_labels.update(labels)
        if labels:
            axis.set_tick_params(labelsize=labels[0].get_fontproperties().get_size() * factor)
    for text in set(fig.findobj(Text)) - tick_labels:
        text.set_fontsize(text.get_fontproperties().get_size() * factor)
    return fig


def figure_svg(fig: Figure) -> str:
    """A figure as inline SVG, its text kept as text (it scales, and a screen reader can reach it).

    Artists drawn with a ``gid`` become groups ``<g id="...">`` that :func:`hide_groups` can hide.
    The output is the same on every run: no date, fixed ids.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The drawing.

    Returns
    -------
    str
        The ``<svg>`` element, without an XML prolog.

    Examples
    --------
    >>> fig = Figure(figsize=(1, 1))
    >>> _ = fig.text(0.5, 0.5, "hello", gid="greeting")
    >>> svg = figure_svg(fig)
    >>> svg.startswith("<svg"), '<g id="greeting">' in svg, "hello</text>" in svg
    (True, True, True)
    """
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "s400"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def hide_groups(svg: str, hidden: Collection[str]) -> str:
    """``svg`` with the groups whose id is in ``hidden`` not displayed, and their parts: a group
    whose id is a hidden id plus ``-`` and one more word (``tie-E1-open-sign``).

    Parameters
    ----------
    svg : str
        SVG text, as :func:`figure_svg` gives it.
    hidden : collection of str
        Group ids.

    Returns
    -------
    str
        The same SVG, each hidden group carrying ``display="none"``.

    Examples
    --------
    >>> hide_groups('<svg><g id="a"></g><g id="b"></g><g id="b-sign"></g></svg>', {"b"})
    '<svg><g id="a"></g><g id="b" display="none"></g><g id="b-sign" display="none"></g></svg>'
    """

    def mark(match: re.Match) -> str:
        group = match.group(1)
        off = group in hidden or group.rpartition("-")[0] in hidden
        return match.group(0) + (' display="none"' if off else "")

    return re.sub(r'<g id="([^"]+)"', mark, svg)


def svg_figure_html(svg: str, text: TextAlternative) -> str:
    """Inline SVG as a figure: the picture named by its alt text (role ``img``), then its summary
    and data (:func:`~s400.plots.alt_text.wrap_figure`).

    Parameters
    ----------
    svg : str
        An ``<svg>`` element.
    text : TextAlternative
        What it shows.

    Returns
    -------
    str
        HTML, as :func:`~s400.plots.alt_text.wrap_figure` gives it.

    Examples
    --------
    >>> html = svg_figure_html("<svg></svg>", TextAlternative("Nothing & no one."))
    >>> html.partition("<figure>")[2].split(" style=")[0]
    '<svg role="img" aria-label="Nothing &amp; no one."'
    """
    # The style lets the picture shrink to its box; its viewBox keeps the proportions.
    named = svg.replace(
        "<svg",
        f'<svg role="img" aria-label="{escape(text.alt)}" style="max-width:100%;height:auto"',
        1,
    )
    return wrap_figure(named, text)


INLINE_BACKENDS = ("inline", "module://matplotlib_inline.backend_inline")


def show_figures_inline() -> bool:
    """Let a Jupyter kernel show a bare ``Figure`` (built without pyplot) as a picture with its
    text alternative.

    The kernel's inline backend sets itself up only when pyplot first draws. The drawings here
    never use pyplot, so that no figure is shown twice; this sets it up at once, without changing
    the backend, and shows a Figure as HTML (:func:`~s400.plots.alt_text.figure_html`: the PNG
    with its alt text, summary and data) in place of a bare PNG, which JupyterLab would show
    without alt text. Its plain-text form is the alt text and summary.

    Returns
    -------
    bool
        Whether an IPython shell with the inline backend was configured.

    Examples
    --------
    Outside a Jupyter kernel there is nothing to configure:

    >>> show_figures_inline()
    False
    """
    from IPython import get_ipython

    shell = get_ipython()
    backend = matplotlib.get_backend(auto_select=False)
    if shell is None or backend not in INLINE_BACKENDS:
        return False
    from matplotlib_inline.backend_inline import configure_inline_support

    configure_inline_support(shell, backend)
    formatters = shell.display_formatter.formatters
    formatters["image/png"].pop(Figure, None)  # the picture travels in the HTML, with its alt
    formatters["text/html"].for_type(Figure, figure_html)
    formatters["text/plain"].for_type(
        Figure, lambda fig, printer, _cycle: printer.text(plain_text(fig))
    )
    return True
