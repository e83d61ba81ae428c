"""The network explorer of notebook 02 (and the projector dashboard)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from s400.cards import edge_card, edge_title
from s400.data import Dataset
from s400.network import effect_graph, layer_view
from s400.plots.export import hide_groups, svg_figure_html
from s400.plots.layout import network_layout
from s400.plots.networks import hidden_network_groups, network_svg, network_text
from s400.widgets.accessible import AccessibilityFixes, LiveText


class NetworkExplorer(w.VBox):
    """The influence network with a check box per layer, and an edge picker that shows each edge's
    basis.

    The network is drawn once, as SVG; a check box or the picker only shows or hides parts of it
    (:func:`~s400.plots.networks.hidden_network_groups`), so the picture answers at once.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it.
    text_scale : float
        Enlarges the drawing's text (the projector dashboard uses 1.5).

    Examples
    --------
    The economic layer holds 4 of the 28 effect edges (E07, E13, E15, E17 in edges.csv), so
    hiding it leaves 28 − 4 = 24:

    >>> from s400.data import load
    >>> app = NetworkExplorer(load())
    >>> app.layer_boxes[0].description
    'economic'
    >>> app.layer_boxes[0].value = False
    >>> app.status.value
    'Showing 25 of 29 effect edges, in the layers: military, political.'
    """

    def __init__(self, data: Dataset, text_scale: float = 1.0):
        self.data = data
        self.graph = effect_graph(data)
        self.svg = network_svg(self.graph, network_layout(self.graph), text_scale)
        self.effect_edges = {e.id: e for e in data.edges if e.kind == "effect"}
        layers = sorted({layer for _, _, layer in self.graph.edges(data="layer")})
        self.layer_boxes = [
            w.Checkbox(value=True, description=layer, indent=False, layout=w.Layout(width="120px"))
            for layer in layers
        ]
        self.status = LiveText()
        self.picture = w.HTML(layout=w.Layout(width="900px"))
        self.picker = w.Dropdown(
            options=[(edge_title(data, e), e) for e in self.effect_edges],
            description="Edge",
            layout=w.Layout(width="560px"),
        )
        self.card = LiveText(layout=w.Layout(width="900px"))
        self.status.add_class("s400-network-status")
        self.picture.add_class("s400-network-picture")
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
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
        self.add_class("s400-network-explorer")
        self._redraw()

    def _redraw(self, _change: object = None) -> None:
        shown_layers = [b.description for b in self.layer_boxes if b.value]
        view = layer_view(self.graph, shown_layers)
        chosen = self.effect_edges[self.picker.value]
        shown = ", ".join(shown_layers) or "none"
        self.status.value = escape(
            f"Showing {view.number_of_edges()} of {self.graph.number_of_edges()} effect edges, "
            f"in the layers: {shown}."
        )
        text = network_text(view, f"Layers shown: {shown}", [(chosen.source, chosen.target)])
        hidden = hidden_network_groups(self.graph, view, chosen.id)
        self.picture.value = svg_figure_html(hide_groups(self.svg, hidden), text)
        self.card.value = edge_card(self.data, self.picker.value)
