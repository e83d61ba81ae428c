"""Text alternatives for the figures (WCAG 2.1, success criterion 1.1.1).

Every drawing function attaches a :class:`TextAlternative` to the figure it returns: a short alt
text, and for charts a written summary and the data as a table. :func:`figure_html` turns a figure
into the HTML that notebooks, slides and the site show: the picture with its alt text, the summary
as its caption, and the table in a closed ``<details>`` after it, which a screen reader can open.
"""

from __future__ import annotations

import base64
import io
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from matplotlib.figure import Figure

from s400.readouts import NO_MATH, html_table


@dataclass(frozen=True)
class TextAlternative:
    """What a figure shows, in words.

    Parameters
    ----------
    alt : str
        One or two sentences: what the picture is and what it shows.
    summary : str
        For a chart, what a reader would take from it; empty for a diagram the alt text covers.
    header : tuple of str
        The data table's column headings (empty: no table).
    rows : tuple of tuple of str
        The data table's rows.

    Examples
    --------
    >>> TextAlternative("A line chart of one point.", header=("x",), rows=(("1",),)).rows
    (('1',),)
    """

    alt: str
    summary: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


_ATTACHED: weakref.WeakKeyDictionary[Figure, TextAlternative] = weakref.WeakKeyDictionary()


def describe(
    fig: Figure,
    alt: str,
    summary: str = "",
    header: Sequence[str] = (),
    rows: Sequence[Sequence[object]] = (),
) -> Figure:
    """Attach a text alternative to ``fig`` and return the figure.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The drawing.
    alt : str
        The short alt text.
    summary : str
        The written summary of a chart.
    header : sequence of str
        The data table's headings.
    rows : sequence of sequences
        The data table's rows; each cell is turned into text.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig`` itself.

    Examples
    --------
    >>> fig = describe(Figure(), "An empty chart.", rows=[[1, 2.5]], header=["a", "b"])
    >>> text_of(fig).rows
    (('1', '2.5'),)
    """
    table = tuple(tuple(str(cell) for cell in row) for row in rows)
    _ATTACHED[fig] = TextAlternative(alt, summary, tuple(header), table)
    return fig


def text_of(fig: Figure) -> TextAlternative | None:
    """The text alternative attached to ``fig``, or None if it has none.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure.

    Returns
    -------
    TextAlternative or None
        What :func:`describe` attached.

    Examples
    --------
    >>> text_of(Figure()) is None
    True
    >>> text_of(describe(Figure(), "A chart.")).alt
    'A chart.'
    """
    return _ATTACHED.get(fig)


def fallback_text(fig: Figure) -> TextAlternative:
    """A text alternative made from a figure's titles and axis labels, for a figure drawn without
    one (a student's own chart, say). Better than nothing; never as good as a written one.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure.

    Returns
    -------
    TextAlternative
        Alt text naming the titles and axes found.

    Examples
    --------
    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.set_title("Trade"), ax.set_xlabel("year"), ax.set_ylabel("$bn")
    >>> fallback_text(fig).alt
    'Chart: Trade (x: year; y: $bn).'
    """
    parts = []
    for ax in fig.axes:
        title = " ".join(ax.get_title(loc) for loc in ("left", "center", "right")).strip()
        axes = "; ".join(
            f"{name}: {label}"
            for name, label in (("x", ax.get_xlabel()), ("y", ax.get_ylabel()))
            if label
        )
        parts.append(f"{title or 'untitled'}" + (f" ({axes})" if axes else ""))
    return TextAlternative(f"Chart: {'; '.join(parts) or 'no title'}.")


def wrap_figure(picture: str, text: TextAlternative, undescribed: bool = False) -> str:
    """A picture (an ``<img>`` or an ``<svg>`` already named by the alt text) as a figure: the
    summary as its caption, then the data as a table in a closed ``<details>``.

    Parameters
    ----------
    picture : str
        The picture's HTML.
    text : TextAlternative
        Its summary and data.
    undescribed : bool
        Marks a figure whose text alternative is only :func:`fallback_text`.

    Returns
    -------
    str
        HTML: a ``<div class="s400-figure">`` (which MathJax skips, see
        :data:`~s400.readouts.NO_MATH`) holding a ``<figure>`` and, if there is data, a
        ``<details>``.

    Examples
    --------
    >>> html = wrap_figure('<img alt="x">', TextAlternative("x", "It rises.", ("x",), (("1",),)))
    >>> html.partition("<figure>")[2].partition("</figure>")[0]
    '<img alt="x"><figcaption>It rises.</figcaption>'
    >>> undescribed = wrap_figure('<img alt="x">', TextAlternative("x"), undescribed=True)
    >>> undescribed.split(">")[0]
    '<div class="s400-figure s400-undescribed tex2jax_ignore mathjax_ignore"'
    >>> undescribed.endswith('<figure><img alt="x"></figure></div>')
    True
    """
    caption = (
        f"<figcaption>{escape(text.summary, quote=False)}</figcaption>" if text.summary else ""
    )
    table = (
        "<details><summary>The data, as a table</summary>"
        f"{html_table(text.header, text.rows)}</details>"
        if text.rows
        else ""
    )
    kind = "s400-figure s400-undescribed" if undescribed else "s400-figure"
    return f'<div class="{kind} {NO_MATH}"><figure>{picture}{caption}</figure>{table}</div>'


def figure_html(fig: Figure) -> str:
    """A figure as HTML: the PNG picture with its alt text, then its summary and data
    (:func:`wrap_figure`).

    A figure without a text alternative gets one made from its titles (:func:`fallback_text`)
    and the class ``s400-undescribed``, which the tests look for.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure.

    Returns
    -------
    str
        HTML, as :func:`wrap_figure` gives it.

    Examples
    --------
    >>> html = figure_html(describe(Figure(figsize=(1, 1)), "A blank square."))
    >>> html.startswith('<div class="s400-figure tex2jax_ignore mathjax_ignore"><figure><img alt=')
    True
    >>> 'alt="A blank square."' in html
    True
    """
    text = text_of(fig)
    undescribed = text is None
    text = text or fallback_text(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")  # as Jupyter's inline backend does
    source = base64.b64encode(buffer.getvalue()).decode("ascii")
    # The style lets the picture shrink to its box, in a widget as in an output.
    picture = (
        f'<img alt="{escape(text.alt)}" style="max-width:100%;height:auto" '
        f'src="data:image/png;base64,{source}">'
    )
    return wrap_figure(picture, text, undescribed)


def plain_text(fig: Figure) -> str:
    """A figure in plain text: its alt text and summary (what a terminal or a diff shows).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure.

    Returns
    -------
    str
        The alt text, then the summary on a line of its own if there is one.

    Examples
    --------
    >>> plain_text(describe(Figure(), "A chart.", "It rises."))
    'A chart.\\nIt rises.'
    """
    text = text_of(fig) or fallback_text(fig)
    return "\n".join(part for part in (text.alt, text.summary) if part)
