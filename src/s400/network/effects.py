"""What the influence network says: path signs and effects, Axelrod's total effects,
feedback loops and centrality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from math import prod

import networkx as nx


def path_sign(graph: nx.DiGraph, path: Sequence[str]) -> int:
    """Axelrod's sign of a path: +1 with an even number of negative edges, else -1.

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with a ``sign`` of +1 or -1.
    path : sequence of str
        The nodes along the path, each consecutive pair an edge.

    Returns
    -------
    int
        The product of the signs along the path (1 for a path of one node).

    Raises
    ------
    KeyError
        If two consecutive nodes of ``path`` are not joined by an edge.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b", {"sign": -1}), ("b", "c", {"sign": -1})])
    >>> path_sign(g, ["a", "b", "c"]), path_sign(g, ["a", "b"])  # -1 x -1; -1
    (1, -1)
    """
    return prod(graph.edges[u, v]["sign"] for u, v in pairwise(path))


def path_effect(graph: nx.DiGraph, path: Sequence[str]) -> float:
    """Strength of a path: the product of sign x weight along its edges.

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with a ``sign`` and a ``weight``.
    path : sequence of str
        The nodes along the path, each consecutive pair an edge.

    Returns
    -------
    float
        The product, between -1 and 1 when every weight is in [0, 1].

    Raises
    ------
    KeyError
        If two consecutive nodes of ``path`` are not joined by an edge.

    Examples
    --------
    >>> g = nx.DiGraph(
    ...     [("a", "b", {"sign": -1, "weight": 0.5}), ("b", "c", {"sign": 1, "weight": 0.4})]
    ... )
    >>> path_effect(g, ["a", "b", "c"])  # (-1 x 0.5) x (1 x 0.4)
    -0.2
    """
    return prod(graph.edges[u, v]["sign"] * graph.edges[u, v]["weight"] for u, v in pairwise(path))


@dataclass(frozen=True)
class TotalEffect:
    """The effect of one node on another, summed over every simple path between them.

    ``verdict`` is Axelrod's qualitative answer from the signs alone: "+" or "-" when
    every path agrees, "indeterminate" when paths disagree, "none" when no path exists.
    ``weighted`` is the sum of the path effects (Wright's path tracing), which settles
    an indeterminate verdict only once the weights are known.

    Parameters
    ----------
    source : str
        The node the effect starts from.
    target : str
        The node it reaches.
    paths : tuple of tuple of str
        Every simple path from ``source`` to ``target``, each as its nodes.
    signs : tuple of int
        Each path's sign (see :func:`path_sign`).
    effects : tuple of float
        Each path's effect (see :func:`path_effect`).

    Examples
    --------
    >>> t = TotalEffect("a", "c", (("a", "b", "c"), ("a", "c")), (1, -1), (0.25, -0.5))
    >>> t.verdict, t.weighted  # signs disagree; 0.25 - 0.5
    ('indeterminate', -0.25)
    """

    source: str
    target: str
    paths: tuple[tuple[str, ...], ...]
    signs: tuple[int, ...]
    effects: tuple[float, ...]

    @property
    def verdict(self) -> str:
        """Axelrod's verdict from the signs alone: "+", "-", "indeterminate" or "none".

        Examples
        --------
        >>> [TotalEffect("a", "b", (), signs, ()).verdict for signs in [(1, 1), (-1,), ()]]
        ['+', '-', 'none']
        """
        if not self.signs:
            return "none"
        if all(s > 0 for s in self.signs):
            return "+"
        if all(s < 0 for s in self.signs):
            return "-"
        return "indeterminate"

    @property
    def weighted(self) -> float:
        """The sum of the paths' effects (0 when there is no path).

        Examples
        --------
        >>> TotalEffect("a", "b", (), (), (0.5, 0.25)).weighted  # 0.5 + 0.25
        0.75
        >>> TotalEffect("a", "b", (), (), ()).weighted
        0
        """
        return sum(self.effects)


def total_effect(graph: nx.DiGraph, source: str, target: str) -> TotalEffect:
    """Every simple path from ``source`` to ``target`` with its sign and effect.

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with a ``sign`` and a ``weight``.
    source : str
        The node the effect starts from.
    target : str
        The node it reaches.

    Returns
    -------
    TotalEffect
        The paths in sorted order, with their signs and effects.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` is not a node of ``graph``.

    Examples
    --------
    Two paths of opposite sign make the verdict indeterminate; the weights settle it:
    0.5 x 0.5 - 0.2 = 0.05.

    >>> from s400.network import effect_graph
    >>> g = nx.DiGraph(
    ...     [
    ...         ("a", "b", {"sign": 1, "weight": 0.5}),
    ...         ("b", "c", {"sign": 1, "weight": 0.5}),
    ...         ("a", "c", {"sign": -1, "weight": 0.2}),
    ...     ]
    ... )
    >>> t = total_effect(g, "a", "c")
    >>> t.paths, t.signs, t.verdict, round(t.weighted, 2)
    ((('a', 'b', 'c'), ('a', 'c')), (1, -1), 'indeterminate', 0.05)

    In the data, buying reaches autonomy three ways (edges.csv): directly (E03 +0.5), through
    Russia's leverage (E10 +0.8, E23 -0.4: -0.32) and through allies' trust and Russia's
    leverage (E09 -0.8, E22 -0.8, E23 -0.4: -0.256).

    >>> from s400.data import load
    >>> t = total_effect(effect_graph(load()), "buy_s400", "autonomy")
    >>> [p[1] for p in t.paths], t.verdict, round(t.weighted, 3)  # 0.5 - 0.256 - 0.32
    (['autonomy', 'nato_trust', 'russian_leverage'], 'indeterminate', -0.076)
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

    Parameters
    ----------
    graph : networkx.DiGraph
        The effect graph; outcome nodes have ``type`` "outcome".
    decision : str
        The node the effects start from.

    Returns
    -------
    list of TotalEffect
        One per outcome node, including those that no path reaches (verdict "none").

    Raises
    ------
    networkx.NodeNotFound
        If ``decision`` is not a node of ``graph`` (and the graph has an outcome).

    Examples
    --------
    nodes.csv lists nine outcomes, from air_defence to defence_industry.

    >>> from s400.network import effect_graph
    >>> from s400.data import load
    >>> effects = effects_on_outcomes(effect_graph(load()), "buy_s400")
    >>> len(effects), [t.target for t in effects][:3]
    (9, ['air_defence', 'autonomy', 'us_relations'])
    """
    return [
        total_effect(graph, decision, node)
        for node, kind in graph.nodes(data="type")
        if kind == "outcome"
    ]


def effects_summary(graph: nx.DiGraph, decision: str) -> list[dict[str, object]]:
    """One row per outcome: the paths from ``decision``, their signs, verdict and weighted total.

    Parameters
    ----------
    graph : networkx.DiGraph
        The effect graph; outcome nodes have ``type`` "outcome" and a ``label``.
    decision : str
        The node the effects start from.

    Returns
    -------
    list of dict
        Per outcome, in node order: its label ("outcome"), the number of "paths", how many are
        "positive" and "negative", the "verdict" and the "weighted" total (3 places).

    Raises
    ------
    networkx.NodeNotFound
        If ``decision`` is not a node of ``graph`` (and the graph has an outcome).

    Examples
    --------
    >>> from s400.network import effect_graph
    >>> g = nx.DiGraph([("d", "o", {"sign": -1, "weight": 0.5})])
    >>> g.add_nodes_from([("d", {"type": "decision"}), ("o", {"type": "outcome", "label": "O"})])
    >>> effects_summary(g, "d")
    [{'outcome': 'O', 'paths': 1, 'positive': 0, 'negative': 1, 'verdict': '-', 'weighted': -0.5}]

    The sixth outcome in nodes.csv is nato_standing: one negative path, through activation, as
    the op-ed's "if activated" requires (E01 +0.5, E11 -0.6: -0.3).

    >>> from s400.data import load
    >>> effects_summary(effect_graph(load()), "buy_s400")[5]
    {'outcome': 'Voice in NATO decisions', 'paths': 1, 'positive': 0, 'negative': 1, \
'verdict': '-', 'weighted': -0.3}
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


def feedback_loops(graph: nx.DiGraph) -> list[tuple[tuple[str, ...], str]]:
    """Every cycle, with its kind: "reinforcing" (even number of negative edges) or "balancing".

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with a ``sign`` of +1 or -1.

    Returns
    -------
    list of (tuple of str, str)
        Each cycle as its nodes, starting from the smallest, with its kind; sorted.

    Examples
    --------
    >>> from s400.network import effect_graph
    >>> g = nx.DiGraph([("a", "b", {"sign": -1}), ("b", "a", {"sign": -1})])
    >>> feedback_loops(g)  # -1 x -1 = 1
    [(('a', 'b'), 'reinforcing')]
    >>> g = nx.DiGraph([("b", "c", {"sign": 1}), ("c", "a", {"sign": 1}), ("a", "b", {"sign": -1})])
    >>> feedback_loops(g)  # 1 x 1 x -1 = -1, and the cycle starts from a
    [(('a', 'b', 'c'), 'balancing')]

    In edges.csv the one loop among the effects: sanctions harm relations (E16, -1) and
    relations hold sanctions off (E19, -1).

    >>> from s400.data import load
    >>> feedback_loops(effect_graph(load()))
    [(('us_relations', 'us_sanctions'), 'reinforcing')]
    """
    loops = []
    for cycle in nx.simple_cycles(graph):
        # A stable rotation, so the output does not depend on hashing.
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        sign = path_sign(graph, [*cycle, cycle[0]])
        loops.append((tuple(cycle), "reinforcing" if sign > 0 else "balancing"))
    return sorted(loops)


def centrality_table(graph: nx.DiGraph) -> list[dict[str, object]]:
    """Per node: label, in- and out-degree, and betweenness centrality, most central first.

    Betweenness is the share of shortest paths between other nodes that pass through the node:
    the nodes that "do the most work" in carrying effects along.

    Parameters
    ----------
    graph : networkx.DiGraph
        Any directed graph; a node's ``label`` is used when it has one.

    Returns
    -------
    list of dict
        Per node: "node", "label" (the node itself without one), "in_degree", "out_degree" and
        "betweenness" (normalised, 3 places); by betweenness, then degree, both descending,
        then node.

    Examples
    --------
    In a → b → c only the path a to c passes another node, b; of the 2 x 1 = 2 ordered pairs
    of other nodes, that is one: 1/2 = 0.5. a and c tie at 0 and degree 1: by name.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> [(row["node"], row["betweenness"]) for row in centrality_table(g)]
    [('b', 0.5), ('a', 0.0), ('c', 0.0)]
    >>> centrality_table(g)[0]
    {'node': 'b', 'label': 'b', 'in_degree': 1, 'out_degree': 1, 'betweenness': 0.5}
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
