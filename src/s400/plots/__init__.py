"""Drawings for the notebooks and widgets, one module per kind of figure.

Every function returns a matplotlib ``Figure`` built without pyplot (or, for the reasoning lab's
chart, SVG text), which Jupyter displays inline, with a text alternative attached
(:mod:`~s400.plots.alt_text`): alt text, a summary and the data. Shared styles are in
:mod:`~s400.plots.style` (their contrast computed by :mod:`~s400.plots.contrast`), deterministic
positions in :mod:`~s400.plots.layout`, and conversions (SVG, larger text for a projector, the
inline display) in :mod:`~s400.plots.export`. The drawings are re-exported here, so a notebook
writes ``from s400.plots import draw_network``.
"""

from s400.plots.argument_map import draw_argument_map
from s400.plots.beliefs import draw_balance, draw_posterior
from s400.plots.channels import draw_channels
from s400.plots.export import enlarge_text, figure_svg, hide_groups, show_figures_inline
from s400.plots.forecasts import draw_calibration
from s400.plots.lab_chart import contribution_chart_svg
from s400.plots.leverage import draw_dependence, draw_fcm_run, draw_figure_series
from s400.plots.networks import draw_network
from s400.plots.poll import draw_poll_spread
from s400.plots.sensitivity import draw_margins, draw_tornado
from s400.plots.timeline import draw_timeline

__all__ = [
    "contribution_chart_svg",
    "draw_argument_map",
    "draw_balance",
    "draw_calibration",
    "draw_channels",
    "draw_dependence",
    "draw_fcm_run",
    "draw_figure_series",
    "draw_margins",
    "draw_network",
    "draw_poll_spread",
    "draw_posterior",
    "draw_timeline",
    "draw_tornado",
    "enlarge_text",
    "figure_svg",
    "hide_groups",
]

show_figures_inline()
