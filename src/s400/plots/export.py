"""Figures out of matplotlib: PNG bytes for widgets, larger text for a projector, and inline
display of bare Figure objects in Jupyter.
"""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure
from matplotlib.text import Text


def enlarge_text(fig: Figure, factor: float) -> Figure:
    """Scale every text of ``fig`` (title, labels, tick labels, legend, annotations) by ``factor``,
    for a projector. Changes the figure in place and returns it.

    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.set_title("The case", fontsize=10)
    >>> enlarge_text(fig, 1.5).axes[0].title.get_fontsize()
    15.0
    """
    tick_labels = set()
    for axis in (axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)):
        # Tick labels made at drawing time take their size from the axis, so set it there.
        labels = axis.get_ticklabels()
        tick_labels.update(labels)
        if labels:
            axis.set_tick_params(labelsize=labels[0].get_fontsize() * factor)
    for text in set(fig.findobj(Text)) - tick_labels:
        text.set_fontsize(text.get_fontsize() * factor)
    return fig


def to_png(fig: Figure, dpi: int = 80) -> bytes:
    """PNG bytes of a figure, for an ipywidgets Image (no pyplot, no Output widget)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


INLINE_BACKENDS = ("inline", "module://matplotlib_inline.backend_inline")


def show_figures_inline() -> bool:
    """Let a Jupyter kernel show a bare ``Figure`` (built without pyplot) as a picture.

    The kernel's inline backend registers its picture formatter only when pyplot first draws.
    The drawings here never use pyplot, so that no figure is shown twice; this registers the
    formatter at once, without changing the backend.

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
    return True
