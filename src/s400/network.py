"""The influence network: build it from the data package and trace its paths.

Edges of kind ``effect`` form a directed graph of decisions, factors and outcomes:
an edge's ``sign`` says which way the source moves the target and its ``weight``
(in [0, 1]) how strongly. Following Axelrod's cognitive maps and Wright's path
analysis, the effect of a path is the product of its signed weights.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import prod

import networkx as nx

from s400.data import Dataset


def effect_graph(data: Dataset) -> nx.DiGraph:
    """The directed, signed, weighted graph of ``effect`` edges, with node attributes.

    Nodes carry ``label``, ``type`` and ``description``; edges carry ``id``, ``sign``,
    ``weight``, ``layer``, ``basis``, ``claim``, ``event``, ``figure`` and ``note``.

    >>> from s400.data import load
    >>> g = effect_graph(load())
    >>> g.nodes["buy_s400"]["type"], g.edges["buy_s400", "us_relations"]["sign"]
    ('decision', -1)
    """
    graph = nx.DiGraph()
    for node in data.nodes.values():
        if node.type != "actor":
            graph.add_node(node.id, label=node.label, type=node.type, description=node.description)
    for edge in data.edges:
        if edge.kind == "effect":
            graph.add_edge(edge.source, edge.target, id=edge.id, sign=edge.sign, weight=edge.weight,
                           layer=edge.layer, basis=edge.basis, claim=edge.claim,
                           event=edge.event, figure=edge.figure, note=edge.note)
    return graph


def path_sign(graph: nx.DiGraph, path: Sequence[str]) -> int:
    """Axelrod's sign of a path: +1 with an even number of negative edges, else -1.

    >>> g = nx.DiGraph([("a", "b", {"sign": -1}), ("b", "c", {"sign": -1})])
    >>> path_sign(g, ["a", "b", "c"])
    1
    """
    return prod(graph.edges[u, v]["sign"] for u, v in zip(path, path[1:]))


def path_effect(graph: nx.DiGraph, path: Sequence[str]) -> float:
    """Strength of a path: the product of sign x weight along its edges.

    >>> g = nx.DiGraph([("a", "b", {"sign": -1, "weight": 0.5}), ("b", "c", {"sign": 1, "weight": 0.4})])
    >>> path_effect(g, ["a", "b", "c"])
    -0.2
    """
    return prod(graph.edges[u, v]["sign"] * graph.edges[u, v]["weight"] for u, v in zip(path, path[1:]))
