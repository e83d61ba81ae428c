"""Channels between Washington and Ankara: a multiplex network of institutions, cut and probed.

The ``tie`` edges of the data package link actors (governments, armed forces, banks, an agency,
the alliance) in layers: political, military, financial, economic. Two actors can be tied in
several layers at once, so the graph is a MultiGraph with one edge per tie. A *channel* is any
tie, friendly or hostile: a sanction is pressure sent through a channel, not the absence of one.

The questions of the op-ed's third paragraph become graph questions: which ties survive when a
layer is cut (:func:`cut`), how many independent routes link two actors (:func:`routes`), how many
ties or institutions must go to separate them (:func:`min_tie_cut`, :func:`min_institution_cut`),
and which institutions every route passes through (:func:`bottlenecks`).
"""

from s400.channels.cuts import (
    ChannelReport,
    bottlenecks,
    channel_report,
    min_institution_cut,
    min_tie_cut,
    report_text,
    routes,
)
from s400.channels.ties import US_TURKEY, channel_graph, collapse, cut, layers_linking

__all__ = [
    "US_TURKEY",
    "ChannelReport",
    "bottlenecks",
    "channel_graph",
    "channel_report",
    "collapse",
    "cut",
    "layers_linking",
    "min_institution_cut",
    "min_tie_cut",
    "report_text",
    "routes",
]
