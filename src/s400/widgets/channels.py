"""The channel cutter of notebook 04."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from s400.channels import channel_graph, channel_report, cut, report_text
from s400.data import Dataset
from s400.plots import (
    draw_channels,
    to_png,
)


class ChannelCutter(w.VBox):
    """Cut and restore layers and institutions of the US–Turkey ties; a sentence says what still links
    the two governments, and the drawing greys out what was cut.

    >>> from s400.data import load
    >>> app = ChannelCutter(load())
    >>> app.layer_boxes["political"].value = False
    >>> app.status.value
    'Connected by 4 independent routes; cutting 4 ties would separate them; no institution is a bottleneck. Cut off: NATO allies.'
    """

    ENDS = ("us_gov", "turkey_gov")

    def __init__(self, data: Dataset):
        self.graph = channel_graph(data)
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
        self.status = w.HTML(
            layout=w.Layout(width="900px")
        )  # a Label would cut a long sentence short
        self.status.add_class("s400-channel-status")
        self.picture = w.Image(format="png", layout=w.Layout(width="640px"))
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
            ]
        )
        self.add_class("s400-channel-cutter")
        self._update()

    def _update(self, _change: object = None) -> None:
        remaining = cut(
            self.graph,
            [layer for layer, box in self.layer_boxes.items() if not box.value],
            [n for n, box in self.institution_boxes.items() if not box.value],
        )
        closed = [layer for layer, box in self.layer_boxes.items() if not box.value]
        title = (
            "All channels open"
            if remaining.number_of_edges() == self.graph.number_of_edges()
            else (
                "Cut: "
                + ", ".join(
                    closed
                    + [self.labels[n] for n, b in self.institution_boxes.items() if not b.value]
                )
            )
        )
        # Picture first: once the sentence changes, the matching picture has already been sent.
        self.picture.value = to_png(draw_channels(self.graph, remaining, title=title))
        self.status.value = escape(report_text(channel_report(remaining, *self.ENDS), self.labels))
