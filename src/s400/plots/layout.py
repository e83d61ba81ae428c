"""Deterministic positions for the drawings: a figure looks the same on every run."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx


def column_layout(graph: nx.Graph, column_of: Mapping[str, int]) -> dict[str, tuple[float, float]]:
    """Positions in columns (``column_of[node]``), nodes spread evenly and in a fixed order in each.

    >>> column_layout(nx.path_graph(["a", "b", "c"]), {"a": 0, "b": 1, "c": 1})
    {'a': (0, 0.0), 'b': (1, 0.5), 'c': (1, -0.5)}
    """
    columns: dict[int, list[str]] = {}
    for node in graph:
        columns.setdefault(column_of[node], []).append(node)
    pos = {}
    for col, nodes in columns.items():
        top = (len(nodes) - 1) / 2
        for i, node in enumerate(nodes):
            pos[node] = (col, top - i)
    return pos


def barycentre_layout(
    graph: nx.DiGraph, column_of: Mapping[str, int]
) -> dict[str, tuple[float, float]]:
    """Columns as given; within each, nodes ordered by the mean height of their predecessors in
    earlier columns (a barycentre heuristic that removes most crossings). Ties keep graph order.

    >>> g = nx.DiGraph([("a", "y"), ("b", "x")])
    >>> barycentre_layout(g, {"a": 0, "b": 0, "x": 1, "y": 1})
    {'a': (0, 0.5), 'b': (0, -0.5), 'y': (1, 0.5), 'x': (1, -0.5)}
    """
    pos = column_layout(graph, column_of)
    for _ in range(2):

        def height(node: str) -> float:
            earlier = [
                pos[p][1] for p in graph.predecessors(node) if column_of[p] < column_of[node]
            ]
            return sum(earlier) / len(earlier) if earlier else pos[node][1]

        ordered = nx.DiGraph()
        ordered.add_nodes_from(sorted(graph, key=lambda n: (column_of[n], -height(n))))
        pos = column_layout(ordered, column_of)
    return pos


def network_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left to right: decisions, factors, outcomes that feed other outcomes, final outcomes.

    >>> g = nx.DiGraph([("d", "f"), ("f", "o1"), ("o1", "o2")])
    >>> nx.set_node_attributes(g, {"d": "decision", "f": "factor", "o1": "outcome", "o2": "outcome"}, "type")
    >>> network_layout(g)
    {'d': (0, 0.0), 'f': (1, 0.0), 'o1': (2, 0.0), 'o2': (3, 0.0)}
    """

    def column(node: str) -> int:
        kind = graph.nodes[node]["type"]
        if kind != "outcome":
            return {"decision": 0, "factor": 1}[kind]
        feeds_outcome = any(graph.nodes[t]["type"] == "outcome" for t in graph.successors(node))
        return 2 if feeds_outcome else 3

    return barycentre_layout(graph, {n: column(n) for n in graph})


def argument_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Claims in columns by their distance from the start of the argument (topological generations)."""
    column = {n: i for i, gen in enumerate(nx.topological_generations(graph)) for n in gen}
    return barycentre_layout(graph, column)


#: US institutions on the left, Turkish on the right, the shared alliance and the sanctioned agency between.
CHANNEL_LAYOUT = {
    "pentagon": (0, 1.6),
    "us_gov": (0, 0),
    "us_finance": (0, -1.6),
    "tsk": (3, 1.6),
    "turkey_gov": (3, 0),
    "tr_finance": (3, -1.6),
    "nato": (1.5, 0.85),
    "ssb": (1.5, -0.85),
}
#: Turkey in the middle, the other three around it: the four actors' six relations drawn without a crossing.
BALANCE_LAYOUT = {
    "turkey_gov": (0, 0),
    "russia": (0, 1.15),
    "us_gov": (-1.35, -0.7),
    "nato": (1.35, -0.7),
}
