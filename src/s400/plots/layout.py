"""Deterministic positions for the drawings: a figure looks the same on every run."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx


def column_layout(graph: nx.Graph, column_of: Mapping[str, int]) -> dict[str, tuple[float, float]]:
    """Positions in columns (``column_of[node]``), nodes spread evenly and in a fixed order in each.

    Parameters
    ----------
    graph : networkx.Graph
        Its node order is the order within each column, top first.
    column_of : mapping
        Each node's column.

    Returns
    -------
    dict
        Each node's (x, y): x its column, y from (n − 1) / 2 down to −(n − 1) / 2 in steps of 1.

    Examples
    --------
    Column 0 holds one node, at height 0; column 1 holds two, at (2 − 1) / 2 = 0.5 and −0.5:

    >>> column_layout(nx.path_graph(["a", "b", "c"]), {"a": 0, "b": 1, "c": 1})
    {'a': (0, 0.0), 'b': (1, 0.5), 'c': (1, -0.5)}
    """
    columns: dict[int, list[str]] = {}
    for node in graph:
        columns.setdefault(column_of[node], []).append(node)
    pos: dict[str, tuple[float, float]] = {}
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

    Parameters
    ----------
    graph : networkx.DiGraph
        The drawing's graph.
    column_of : mapping
        Each node's column.

    Returns
    -------
    dict
        Each node's (x, y), as :func:`column_layout` spaces them.

    Examples
    --------
    a (on top) points to y, b to x: y moves level with a, x with b, so the edges do not cross.

    >>> g = nx.DiGraph([("a", "y"), ("b", "x")])
    >>> barycentre_layout(g, {"a": 0, "b": 0, "x": 1, "y": 1})
    {'a': (0, 0.5), 'b': (0, -0.5), 'y': (1, 0.5), 'x': (1, -0.5)}
    """

    def height(node: str, pos: Mapping[str, tuple[float, float]]) -> float:
        earlier = [pos[p][1] for p in graph.predecessors(node) if column_of[p] < column_of[node]]
        return sum(earlier) / len(earlier) if earlier else pos[node][1]

    pos = column_layout(graph, column_of)
    for _ in range(2):
        ordered = nx.DiGraph()
        ordered.add_nodes_from(sorted(graph, key=lambda n: (column_of[n], -height(n, pos))))
        pos = column_layout(ordered, column_of)
    return pos


def network_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left to right: decisions, factors, outcomes that feed other outcomes, final outcomes.

    Parameters
    ----------
    graph : networkx.DiGraph
        Nodes with ``type``: decision, factor or outcome.

    Returns
    -------
    dict
        Each node's (x, y), ordered by :func:`barycentre_layout`.

    Examples
    --------
    One node of each kind in a chain: o1 feeds the outcome o2, so it takes column 2, o2 column 3.

    >>> g = nx.DiGraph([("d", "f"), ("f", "o1"), ("o1", "o2")])
    >>> kinds = {"d": "decision", "f": "factor", "o1": "outcome", "o2": "outcome"}
    >>> nx.set_node_attributes(g, kinds, "type")
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
    """Claims in columns by their distance from the start of the argument (topological
    generations).

    Parameters
    ----------
    graph : networkx.DiGraph
        The argument map; acyclic.

    Returns
    -------
    dict
        Each claim's (x, y), ordered by :func:`barycentre_layout`.

    Examples
    --------
    C1 and C2 start the argument (column 0, at 0.5 and −0.5); C3, which both bear on, is alone in
    column 1, at height 0:

    >>> argument_layout(nx.DiGraph([("C1", "C3"), ("C2", "C3")]))
    {'C1': (0, 0.5), 'C2': (0, -0.5), 'C3': (1, 0.0)}
    """
    column = {n: i for i, gen in enumerate(nx.topological_generations(graph)) for n in gen}
    return barycentre_layout(graph, column)


#: US institutions on the left, Turkish on the right, the shared alliance and the sanctioned
#: agency between.
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
#: Turkey in the middle, the other three around it: the four actors' six relations drawn without
#: a crossing.
BALANCE_LAYOUT = {
    "turkey_gov": (0, 0),
    "russia": (0, 1.15),
    "us_gov": (-1.35, -0.7),
    "nato": (1.35, -0.7),
}
