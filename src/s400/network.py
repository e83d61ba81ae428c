"""The influence network: build it from the data package and trace its paths.

Edges of kind ``effect`` form a directed graph of decisions, factors and outcomes:
an edge's ``sign`` says which way the source moves the target and its ``weight``
(in [0, 1]) how strongly. Following Axelrod's cognitive maps and Wright's path
analysis, the effect of a path is the product of its signed weights.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
            graph.add_edge(
                edge.source,
                edge.target,
                id=edge.id,
                sign=edge.sign,
                weight=edge.weight,
                layer=edge.layer,
                basis=edge.basis,
                claim=edge.claim,
                event=edge.event,
                figure=edge.figure,
                note=edge.note,
            )
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
    return prod(
        graph.edges[u, v]["sign"] * graph.edges[u, v]["weight"] for u, v in zip(path, path[1:])
    )


@dataclass(frozen=True)
class TotalEffect:
    """The effect of one node on another, summed over every simple path between them.

    ``verdict`` is Axelrod's qualitative answer from the signs alone: "+" or "-" when
    every path agrees, "indeterminate" when paths disagree, "none" when no path exists.
    ``weighted`` is the sum of the path effects (Wright's path tracing), which settles
    an indeterminate verdict only once the weights are known.
    """

    source: str
    target: str
    paths: tuple[tuple[str, ...], ...]
    signs: tuple[int, ...]
    effects: tuple[float, ...]

    @property
    def verdict(self) -> str:
        if not self.signs:
            return "none"
        if all(s > 0 for s in self.signs):
            return "+"
        if all(s < 0 for s in self.signs):
            return "-"
        return "indeterminate"

    @property
    def weighted(self) -> float:
        return sum(self.effects)


def total_effect(graph: nx.DiGraph, source: str, target: str) -> TotalEffect:
    """Every simple path from ``source`` to ``target`` with its sign and effect.

    Two paths of opposite sign make the verdict indeterminate:

    >>> g = nx.DiGraph([("a", "b", {"sign": 1, "weight": 0.5}), ("b", "c", {"sign": 1, "weight": 0.5}),
    ...                 ("a", "c", {"sign": -1, "weight": 0.2})])
    >>> t = total_effect(g, "a", "c")
    >>> t.verdict, round(t.weighted, 2)
    ('indeterminate', 0.05)
    """
    paths = sorted(tuple(p) for p in nx.all_simple_paths(graph, source, target))
    return TotalEffect(
        source,
        target,
        tuple(paths),
        tuple(path_sign(graph, p) for p in paths),
        tuple(path_effect(graph, p) for p in paths),
    )


def effects_on_outcomes(graph: nx.DiGraph, decision: str) -> list[TotalEffect]:
    """The total effect of a decision on every outcome node, in node order.

    >>> from s400.data import load
    >>> [t.target for t in effects_on_outcomes(effect_graph(load()), "buy_s400")][:3]
    ['air_defence', 'autonomy', 'us_relations']
    """
    return [
        total_effect(graph, decision, node)
        for node, kind in graph.nodes(data="type")
        if kind == "outcome"
    ]


def effects_summary(graph: nx.DiGraph, decision: str) -> list[dict[str, object]]:
    """One row per outcome: how many paths lead there from ``decision``, how many are positive
    and negative, Axelrod's verdict and the weighted total.

    >>> g = nx.DiGraph([("d", "o", {"sign": -1, "weight": 0.5})])
    >>> g.add_nodes_from([("d", {"type": "decision", "label": "D"}), ("o", {"type": "outcome", "label": "O"})])
    >>> effects_summary(g, "d")
    [{'outcome': 'O', 'paths': 1, 'positive': 0, 'negative': 1, 'verdict': '-', 'weighted': -0.5}]
    """
    return [
        {
            "outcome": graph.nodes[t.target]["label"],
            "paths": len(t.paths),
            "positive": sum(s > 0 for s in t.signs),
            "negative": sum(s < 0 for s in t.signs),
            "verdict": t.verdict,
            "weighted": round(t.weighted, 3),
        }
        for t in effects_on_outcomes(graph, decision)
    ]


def layer_view(graph: nx.Graph, layers: Iterable[str]) -> nx.Graph:
    """A read-only view of ``graph`` keeping only the edges whose ``layer`` is in ``layers``.

    >>> g = nx.DiGraph([("a", "b", {"layer": "military"}), ("b", "c", {"layer": "economic"})])
    >>> list(layer_view(g, ["military"]).edges)
    [('a', 'b')]
    """
    keep = set(layers)
    if graph.is_multigraph():
        return nx.subgraph_view(
            graph, filter_edge=lambda u, v, k: graph.edges[u, v, k]["layer"] in keep
        )
    return nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["layer"] in keep)


def feedback_loops(graph: nx.DiGraph) -> list[tuple[tuple[str, ...], str]]:
    """Every cycle, with its kind: "reinforcing" (even number of negative edges) or "balancing".

    >>> g = nx.DiGraph([("a", "b", {"sign": -1}), ("b", "a", {"sign": -1})])
    >>> feedback_loops(g)
    [(('a', 'b'), 'reinforcing')]
    """
    loops = []
    for cycle in nx.simple_cycles(graph):
        start = cycle.index(
            min(cycle)
        )  # a stable rotation, so the output does not depend on hashing
        cycle = cycle[start:] + cycle[:start]
        sign = path_sign(graph, [*cycle, cycle[0]])
        loops.append((tuple(cycle), "reinforcing" if sign > 0 else "balancing"))
    return sorted(loops)


def centrality_table(graph: nx.DiGraph) -> list[dict[str, object]]:
    """Per node: label, in- and out-degree, and betweenness centrality, most central first.

    Betweenness is the share of shortest paths between other nodes that pass through the node:
    the nodes that "do the most work" in carrying effects along.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> [(row["node"], row["betweenness"]) for row in centrality_table(g)]
    [('b', 0.5), ('a', 0.0), ('c', 0.0)]
    """
    betweenness = nx.betweenness_centrality(graph)
    rows = [
        {
            "node": n,
            "label": graph.nodes[n].get("label", n),
            "in_degree": graph.in_degree(n),
            "out_degree": graph.out_degree(n),
            "betweenness": round(betweenness[n], 3),
        }
        for n in graph
    ]
    return sorted(
        rows, key=lambda r: (-r["betweenness"], -(r["in_degree"] + r["out_degree"]), r["node"])
    )


def argument_map(data: Dataset) -> nx.DiGraph:
    """The op-ed's argument as a DiGraph: claims as nodes, an edge from a claim to the claim it bears on.

    Nodes carry ``paragraph``, ``kind``, ``speaker``, ``condition`` and ``text``; edges carry ``relation``.

    >>> from s400.data import load
    >>> m = argument_map(load())
    >>> [c for c in m if m.out_degree(c) == 0 and m.in_degree(c) > 0 and m.nodes[c]["kind"] == "conclusion"]
    ['C11']
    """
    graph = nx.DiGraph()
    for claim in data.claims.values():
        graph.add_node(
            claim.id,
            paragraph=claim.paragraph,
            kind=claim.kind,
            speaker=claim.speaker,
            condition=claim.condition,
            text=claim.text,
        )
    for link in data.claim_links:
        graph.add_edge(link.source, link.target, relation=link.relation)
    return graph


def tie_graph(data: Dataset) -> nx.MultiGraph:
    """The actors and the channels between them: an undirected multigraph, one edge per layer.

    >>> from s400.data import load
    >>> t = tie_graph(load())
    >>> sorted({layer for _, _, layer in t.edges(data="layer")})
    ['economic', 'energy', 'financial', 'military', 'political']
    """
    graph = nx.MultiGraph()
    for node in data.nodes.values():
        if node.type == "actor":
            graph.add_node(node.id, label=node.label, description=node.description)
    for edge in data.edges:
        if edge.kind == "tie":
            graph.add_edge(
                edge.source,
                edge.target,
                key=edge.id,
                sign=edge.sign,
                weight=edge.weight,
                layer=edge.layer,
                basis=edge.basis,
                claim=edge.claim,
                event=edge.event,
                figure=edge.figure,
                note=edge.note,
            )
    return graph
