"""The network explorer of notebook 02 (and the projector dashboard)."""

from __future__ import annotations

import ipywidgets as w

from s400.cards import edge_card, edge_title
from s400.data import Dataset
from s400.network import effect_graph, layer_view
from s400.plots import (
    draw_network,
    enlarge_text,
    to_png,
)
from s400.plots.layout import network_layout


class NetworkExplorer(w.VBox):
    """The influence network with a check box per layer, and an edge picker that shows each edge's basis.

    ``text_scale`` enlarges the drawing's text (the projector dashboard uses 1.5).

    >>> from s400.data import load
    >>> app = NetworkExplorer(load())
    >>> app.layer_boxes[0].value = False  # hide the economic layer
    >>> app.status.value
    'Showing 25 of 29 effect edges, in the layers: military, political.'
    """

    def __init__(self, data: Dataset, text_scale: float = 1.0):
        self.data, self.text_scale = data, text_scale
        self.graph = effect_graph(data)
        self.pos = network_layout(self.graph)
        self.effect_edges = {e.id: e for e in data.edges if e.kind == "effect"}
        layers = sorted({layer for _, _, layer in self.graph.edges(data="layer")})
        self.layer_boxes = [
            w.Checkbox(value=True, description=layer, indent=False, layout=w.Layout(width="120px"))
            for layer in layers
        ]
        self.status = w.Label()
        self.picture = w.Image(format="png", layout=w.Layout(width="900px"))
        self.picker = w.Dropdown(
            options=[(edge_title(data, e), e) for e in self.effect_edges],
            description="Edge",
            layout=w.Layout(width="560px"),
        )
        self.card = w.HTML(layout=w.Layout(width="900px"))
        self.status.add_class("s400-network-status")
        self.card.add_class("s400-edge-card")
        for control in (*self.layer_boxes, self.picker):
            control.observe(self._redraw, "value")
        super().__init__(
            [
                w.HBox([w.Label("Layers shown:"), *self.layer_boxes]),
                self.status,
                self.picture,
                self.picker,
                self.card,
            ]
        )
        self.add_class("s400-network-explorer")
        self._redraw()

    def _redraw(self, _change: object = None) -> None:
        shown_layers = [b.description for b in self.layer_boxes if b.value]
        view = layer_view(self.graph, shown_layers)
        chosen = self.effect_edges[self.picker.value]
        shown = ", ".join(shown_layers) or "none"
        self.status.value = (
            f"Showing {view.number_of_edges()} of {self.graph.number_of_edges()} effect edges, "
            f"in the layers: {shown}."
        )
        figure = draw_network(
            view,
            self.pos,
            title=f"Layers shown: {shown}",
            highlight=[(chosen.source, chosen.target)],
        )
        self.picture.value = to_png(enlarge_text(figure, self.text_scale))
        self.card.value = edge_card(self.data, self.picker.value)
