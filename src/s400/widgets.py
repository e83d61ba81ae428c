"""The ipywidgets apps. Each is a thin shell: widgets in, a pure function of s400 called, text out."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w
import networkx as nx

from s400.cards import claim_card, edge_card, edge_title, filter_claims
from s400.data import Dataset
from s400.network import effect_graph, layer_view, path_effect
from s400.plots import draw_network, network_layout, to_png


def path_demo(graph: nx.DiGraph, path: Sequence[str]) -> w.VBox:
    """Sliders for the weight of each edge on ``path`` and a line that shows the path's effect.

    >>> from s400.data import load
    >>> from s400.network import effect_graph
    >>> box = path_demo(effect_graph(load()), ["buy_s400", "us_relations", "economy"])
    >>> box.children[-1].value
    '<b>Effect of the path: -0.30</b> = (-1 × 0.60) × (+1 × 0.50)'
    """
    graph = graph.copy()  # the sliders change weights; the caller's graph stays as loaded
    edges = list(zip(path, path[1:]))
    sliders = []
    for u, v in edges:
        data = graph.edges[u, v]
        sliders.append(w.FloatSlider(
            value=data["weight"], min=0, max=1, step=0.05, readout_format=".2f",
            description=f"{graph.nodes[u]['label']} → {graph.nodes[v]['label']} ({data['sign']:+d})",
            style={"description_width": "initial"}, layout=w.Layout(width="640px")))
    result = w.HTML()
    result.add_class("s400-demo-result")

    def show(_change: object = None) -> None:
        for (u, v), slider in zip(edges, sliders):
            graph.edges[u, v]["weight"] = slider.value
        factors = " × ".join(f"({graph.edges[u, v]['sign']:+d} × {graph.edges[u, v]['weight']:.2f})"
                             for u, v in edges)
        result.value = f"<b>Effect of the path: {path_effect(graph, path):+.2f}</b> = {factors}"

    for slider in sliders:
        slider.observe(show, "value")
    show()
    box = w.VBox([*sliders, result])
    box.add_class("s400-demo")
    return box


ANY = "any"


def claim_explorer(data: Dataset) -> w.VBox:
    """Filter the op-ed's claims by paragraph, kind and speaker; pick one to see its card.

    >>> from s400.data import load
    >>> app = claim_explorer(load())
    >>> filters, choice, card = app.children
    >>> filters.children[2].value = "NATO"
    >>> choice.options
    (('C19 · P4 · belief attribution', 'C19'),)
    """
    def dropdown(description: str, values: list[str]) -> w.Dropdown:
        return w.Dropdown(options=[ANY, *values], value=ANY, description=description,
                          layout=w.Layout(width="260px"))

    claims = list(data.claims.values())
    paragraph = dropdown("Paragraph", sorted({c.paragraph for c in claims}))
    kind = dropdown("Kind", sorted({c.kind for c in claims}))
    speaker = dropdown("Speaker", sorted({c.speaker for c in claims}))
    choice = w.Select(rows=8, layout=w.Layout(width="420px"), description="Claims")
    card = w.HTML(layout=w.Layout(width="760px"))
    card.add_class("s400-claim-card")

    def refresh_list(_change: object = None) -> None:
        picked = filter_claims(data, *(None if d.value == ANY else d.value for d in (paragraph, kind, speaker)))
        choice.options = [(f"{c.id} · {c.paragraph} · {c.kind.replace('_', ' ')}", c.id) for c in picked]
        choice.value = picked[0].id if picked else None
        show_card()

    def show_card(_change: object = None) -> None:
        card.value = claim_card(data, choice.value) if choice.value else "<i>No claim matches these filters.</i>"

    for control in (paragraph, kind, speaker):
        control.observe(refresh_list, "value")
    choice.observe(show_card, "value")
    refresh_list()
    app = w.VBox([w.HBox([paragraph, kind, speaker]), choice, card])
    app.add_class("s400-claim-explorer")
    return app


def network_explorer(data: Dataset) -> w.VBox:
    """The influence network with a check box per layer, and an edge picker that shows each edge's basis.

    >>> from s400.data import load
    >>> app = network_explorer(load())
    >>> boxes, status, picture, picker, card = app.children
    >>> boxes.children[1].value = False  # hide the first layer
    >>> status.value
    'Showing 24 of 28 effect edges, in the layers: military, political.'
    """
    graph = effect_graph(data)
    pos = network_layout(graph)
    layers = sorted({layer for _, _, layer in graph.edges(data="layer")})
    boxes = [w.Checkbox(value=True, description=layer, indent=False, layout=w.Layout(width="120px"))
             for layer in layers]
    picture = w.Image(format="png", layout=w.Layout(width="900px"))
    effect_edges = [e for e in data.edges if e.kind == "effect"]
    picker = w.Dropdown(options=[(edge_title(data, e.id), e.id) for e in effect_edges],
                        description="Edge", layout=w.Layout(width="560px"))
    card = w.HTML(layout=w.Layout(width="900px"))
    card.add_class("s400-edge-card")
    status = w.Label()
    status.add_class("s400-network-status")
    app = w.VBox([w.HBox([w.Label("Layers shown:"), *boxes]), status, picture, picker, card])
    app.add_class("s400-network-explorer")

    def redraw(_change: object = None) -> None:
        view = layer_view(graph, [b.description for b in boxes if b.value])
        chosen = next(e for e in effect_edges if e.id == picker.value)
        shown = ", ".join(b.description for b in boxes if b.value) or "none"
        status.value = (f"Showing {view.number_of_edges()} of {graph.number_of_edges()} effect edges, "
                        f"in the layers: {shown}.")
        picture.value = to_png(draw_network(view, pos, title=f"Layers shown: {shown}",
                                            highlight=[(chosen.source, chosen.target)]))
        card.value = edge_card(data, picker.value)

    for control in (*boxes, picker):
        control.observe(redraw, "value")
    redraw()
    return app
