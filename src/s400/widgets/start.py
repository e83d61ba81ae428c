"""The path demo of notebook 00: how a path's effect follows its edges' weights."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import ipywidgets as w
import networkx as nx

from s400.readouts import path_effect_text
from s400.widgets.accessible import AccessibilityFixes, LiveText


def path_demo(graph: nx.DiGraph, path: Sequence[str]) -> w.VBox:
    """Sliders for the weight of each edge on ``path`` and a line, announced when it changes, that
    shows the path's effect.

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with ``sign`` and ``weight`` (copied: the sliders leave it as it was).
    path : sequence of str
        The nodes along the path.

    Returns
    -------
    ipywidgets.VBox
        The sliders, the result line, and the accessibility fixes.

    Examples
    --------
    E06 (buy → relations, −, weight 0.6) then E17 (relations → economy, +, 0.5) in edges.csv:

    >>> from s400.data import load
    >>> from s400.network import effect_graph
    >>> box = path_demo(effect_graph(load()), ["buy_s400", "us_relations", "economy"])
    >>> box.children[-2].value  # the result line, before the invisible AccessibilityFixes
    '<b>Effect of the path: -0.30</b> = (-1 × 0.60) × (+1 × 0.50)'
    """
    graph = graph.copy()  # the sliders change weights; the caller's graph stays as loaded
    edges = list(itertools.pairwise(path))
    sliders = []
    for u, v in edges:
        data = graph.edges[u, v]
        sliders.append(
            w.FloatSlider(
                value=data["weight"],
                min=0,
                max=1,
                step=0.05,
                readout_format=".2f",
                description=(
                    f"{graph.nodes[u]['label']} → {graph.nodes[v]['label']} ({data['sign']:+d})"
                ),
                style={"description_width": "initial"},
                layout=w.Layout(width="640px"),
            )
        )
    result = LiveText()
    result.add_class("s400-demo-result")

    def show(_change: object = None) -> None:
        for (u, v), slider in zip(edges, sliders, strict=True):
            graph.edges[u, v]["weight"] = slider.value
        result.value = path_effect_text(graph, path)

    for slider in sliders:
        slider.observe(show, "value")
    show()
    box = w.VBox([*sliders, result, AccessibilityFixes()])
    box.add_class("s400-app")
    box.add_class("s400-demo")
    return box
