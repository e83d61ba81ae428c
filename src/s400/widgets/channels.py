"""The channel cutter of notebook 04."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from s400.channels import channel_graph, channel_report, cut, report_text
from s400.data import Dataset
from s400.plots.channels import channels_svg, channels_text, hidden_channel_groups
from s400.plots.export import hide_groups, svg_figure_html
from s400.widgets.accessible import AccessibilityFixes, LiveText


class ChannelCutter(w.VBox):
    """Cut and restore layers and institutions of the US–Turkey ties; a sentence says what still
    links the two governments, and the drawing greys out what was cut.

    The drawing is made once, as SVG, with every tie and institution both open and cut; a check
    box only shows one state and hides the other, so the picture answers at once.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it.

    Examples
    --------
    NATO's only ties to the two governments are political: cutting that layer cuts NATO off and
    leaves 4 routes (the direct economic tie, SSB, Pentagon–TSK, the banks) and 4 ties to cut.

    >>> from s400.data import load
    >>> app = ChannelCutter(load())
    >>> app.layer_boxes["political"].value = False
    >>> print(app.status.value)  # doctest: +NORMALIZE_WHITESPACE
    Connected by 4 independent routes; cutting 4 ties would separate them; no institution is a
    bottleneck. Cut off: NATO allies.
    """

    ENDS = ("us_gov", "turkey_gov")

    def __init__(self, data: Dataset):
        self.graph = channel_graph(data)
        self.svg = channels_svg(self.graph)
        self.labels = {n: data.nodes[n].label for n in self.graph}
        layers = sorted({layer for _, _, layer in self.graph.edges(data="layer")})
        self.layer_boxes = {
            layer: w.Checkbox(
                value=True, description=layer, indent=False, layout=w.Layout(width="110px")
            )
            for layer in layers
        }
        self.institution_boxes = {
            n: w.Checkbox(
                value=True, description=self.labels[n], indent=False, layout=w.Layout(width="280px")
            )
            for n in self.graph
            if n not in self.ENDS
        }
        self.status = LiveText(layout=w.Layout(width="900px"))
        self.status.add_class("s400-channel-status")
        self.picture = w.HTML(layout=w.Layout(width="640px"))
        self.picture.add_class("s400-channel-picture")
        for box in (*self.layer_boxes.values(), *self.institution_boxes.values()):
            box.observe(self._update, "value")
        institutions = list(self.institution_boxes.values())
        super().__init__(
            [
                w.HBox(
                    [
                        w.Label("Open layers:", layout=w.Layout(width="130px")),
                        *self.layer_boxes.values(),
                    ]
                ),
                w.HBox(
                    [w.Label("Institutions:", layout=w.Layout(width="130px")), *institutions[:3]]
                ),
                w.HBox([w.Label("", layout=w.Layout(width="130px")), *institutions[3:]]),
                self.status,
                self.picture,
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
        self.add_class("s400-channel-cutter")
        self._update()

    def _update(self, _change: object = None) -> None:
        closed = [layer for layer, box in self.layer_boxes.items() if not box.value]
        removed = [n for n, box in self.institution_boxes.items() if not box.value]
        remaining = cut(self.graph, closed, removed)
        title = (
            "All channels open"
            if remaining.number_of_edges() == self.graph.number_of_edges()
            else "Cut: " + ", ".join(closed + [self.labels[n] for n in removed])
        )
        # Picture first: once the sentence changes, the matching picture has already been sent.
        hidden = hidden_channel_groups(self.graph, remaining)
        text = channels_text(self.graph, remaining, title)
        self.picture.value = svg_figure_html(hide_groups(self.svg, hidden), text)
        self.status.value = escape(report_text(channel_report(remaining, *self.ENDS), self.labels))
