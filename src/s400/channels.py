"""Channels between Washington and Ankara: a multiplex (layered) network of institutions, cut and probed.

The ``tie`` edges of the data package link actors (governments, armed forces, banks, an agency,
the alliance) in layers: political, military, financial, economic. Two actors can be tied in
several layers at once, so the graph is a MultiGraph with one edge per tie. A *channel* is any
tie, friendly or hostile: a sanction is pressure sent through a channel, not the absence of one.

The questions of the op-ed's third paragraph become graph questions: which ties survive when a
layer is cut (:func:`cut`), how many independent routes link two actors (:func:`routes`), how many
ties or institutions must go to separate them (:func:`min_tie_cut`, :func:`min_institution_cut`),
and which institutions every route passes through (:func:`bottlenecks`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from s400.data import Dataset
from s400.network import tie_graph

#: The two states' institutions and the alliance they share; Russia's ties come back in notebook 06.
US_TURKEY = ("us_gov", "pentagon", "us_finance", "nato", "ssb", "turkey_gov", "tsk", "tr_finance")


def channel_graph(data: Dataset, actors: Iterable[str] = US_TURKEY) -> nx.MultiGraph:
    """The ties among ``actors`` (default: the US–Turkey institutions and NATO), one edge per tie.

    >>> from s400.data import load
    >>> g = channel_graph(load())
    >>> sorted(layer for _, _, layer in g.edges("pentagon", data="layer"))
    ['military', 'military']
    """
    keep, ties = set(actors), tie_graph(data)
    graph = nx.MultiGraph()
    graph.add_nodes_from(
        (n, d) for n, d in ties.nodes(data=True) if n in keep
    )  # in nodes.csv order
    graph.add_edges_from(
        (u, v, k, d) for u, v, k, d in ties.edges(keys=True, data=True) if u in keep and v in keep
    )
    return graph


def cut(
    graph: nx.MultiGraph, layers: Iterable[str] = (), institutions: Iterable[str] = ()
) -> nx.MultiGraph:
    """A copy of ``graph`` without the ties in ``layers`` and without the nodes in ``institutions``.

    >>> g = nx.MultiGraph([("us", "tr", {"layer": "political"}), ("us", "tr", {"layer": "economic"})])
    >>> [layer for _, _, layer in cut(g, ["political"]).edges(data="layer")]
    ['economic']
    """
    closed = set(layers)
    kept = nx.MultiGraph()
    kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n not in set(institutions))
    kept.add_edges_from(
        (u, v, k, d)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if d["layer"] not in closed and u in kept and v in kept
    )
    return kept


def collapse(graph: nx.MultiGraph) -> nx.Graph:
    """One edge per tied pair, whose ``capacity`` is the number of ties between them.

    >>> g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> sorted(collapse(g).edges(data="capacity"))
    [('a', 'b', 2), ('b', 'c', 1)]
    """
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v in graph.edges():
        if simple.has_edge(u, v):
            simple.edges[u, v]["capacity"] += 1
        else:
            simple.add_edge(u, v, capacity=1)
    return simple


def layers_linking(graph: nx.MultiGraph, source: str, target: str) -> dict[str, bool]:
    """For each layer, whether ``source`` and ``target`` are connected through that layer alone.

    >>> g = nx.MultiGraph([("us", "dod", {"layer": "military"}), ("dod", "tr", {"layer": "military"}),
    ...                    ("us", "tr", {"layer": "political"}), ("us", "bank", {"layer": "financial"})])
    >>> layers_linking(g, "us", "tr")
    {'financial': False, 'military': True, 'political': True}
    """
    layers = sorted({layer for _, _, layer in graph.edges(data="layer")})
    return {
        layer: nx.has_path(cut(graph, set(layers) - {layer}), source, target) for layer in layers
    }


def routes(graph: nx.MultiGraph, source: str, target: str) -> list[tuple[str, ...]]:
    """A largest set of routes from ``source`` to ``target`` that share no institution in between
    (node-disjoint paths; a direct tie is a route of its own), shortest first.

    >>> g = nx.MultiGraph([("us", "tr"), ("us", "dod"), ("dod", "tsk"), ("tsk", "tr")])
    >>> routes(g, "us", "tr")
    [('us', 'tr'), ('us', 'dod', 'tsk', 'tr')]
    """
    if not nx.has_path(graph, source, target):
        return []
    found = nx.node_disjoint_paths(collapse(graph), source, target)
    return sorted((tuple(path) for path in found), key=lambda p: (len(p), p))


def min_tie_cut(graph: nx.MultiGraph, source: str, target: str) -> list[str]:
    """The ids (edge keys) of a smallest set of ties whose loss separates ``source`` from ``target``.

    Every tie counts: to cut a pair tied in two layers, both ties must go.

    >>> g = nx.MultiGraph()
    >>> keys = g.add_edges_from([("us", "tr", "E1"), ("us", "tr", "E2"), ("us", "dod", "E3"),
    ...                          ("dod", "tr", "E4"), ("dod", "tr", "E5")])
    >>> min_tie_cut(g, "us", "tr")
    ['E1', 'E2', 'E3']
    """
    if not nx.has_path(graph, source, target):
        return []
    _, (near, _far) = nx.minimum_cut(collapse(graph), source, target)
    return sorted(k for u, v, k in graph.edges(keys=True) if (u in near) != (v in near))


def min_institution_cut(graph: nx.MultiGraph, source: str, target: str) -> set[str] | None:
    """A smallest set of institutions whose loss separates ``source`` from ``target``.

    ``None`` when the two are tied directly (no institution stands between them), an empty set when
    they are already apart.

    >>> g = nx.MultiGraph([("us", "dod"), ("dod", "tsk"), ("tsk", "tr"), ("us", "bank"), ("bank", "tr")])
    >>> len(min_institution_cut(g, "us", "tr"))
    2
    >>> min_institution_cut(nx.MultiGraph([("us", "tr")]), "us", "tr") is None
    True
    """
    if graph.has_edge(source, target):
        return None
    if not nx.has_path(graph, source, target):
        return set()
    return set(nx.minimum_node_cut(collapse(graph), source, target))


def bottlenecks(graph: nx.MultiGraph, source: str, target: str) -> list[str]:
    """The institutions every route from ``source`` to ``target`` passes through, in graph order.

    >>> bottlenecks(nx.MultiGraph([("us", "dod"), ("dod", "tsk"), ("tsk", "tr")]), "us", "tr")
    ['dod', 'tsk']
    """
    if not nx.has_path(graph, source, target):
        return []
    return [
        n
        for n in graph
        if n not in (source, target)
        and not nx.has_path(nx.restricted_view(graph, [n], []), source, target)
    ]


@dataclass(frozen=True)
class ChannelReport:
    """What links two actors in a (possibly cut) channel graph."""

    connected: bool
    routes: tuple[tuple[str, ...], ...]
    tie_cut: tuple[str, ...]
    bottlenecks: tuple[str, ...]
    cut_off: tuple[str, ...]  # institutions left with no tie at all


def channel_report(graph: nx.MultiGraph, source: str, target: str) -> ChannelReport:
    """Routes, the smallest tie cut, the bottlenecks and the institutions cut off, in one record.

    >>> r = channel_report(nx.MultiGraph([("us", "dod"), ("dod", "tr"), ("nato", "nato2")]), "us", "tr")
    >>> r.connected, len(r.routes), r.tie_cut, r.bottlenecks
    (True, 1, (0,), ('dod',))
    """
    return ChannelReport(
        connected=nx.has_path(graph, source, target),
        routes=tuple(routes(graph, source, target)),
        tie_cut=tuple(min_tie_cut(graph, source, target)),
        bottlenecks=tuple(bottlenecks(graph, source, target)),
        cut_off=tuple(n for n in graph if graph.degree(n) == 0),
    )


def report_text(report: ChannelReport, labels: Mapping[str, str]) -> str:
    """One plain sentence a student reads under the channel widget.

    >>> r = ChannelReport(True, (("us", "tr"), ("us", "dod", "tr")), ("E1", "E2"), (), ("nato",))
    >>> report_text(r, {"nato": "NATO allies"})
    'Connected by 2 independent routes; cutting 2 ties would separate them; no institution is a bottleneck. Cut off: NATO allies.'
    """
    if not report.connected:
        text = "Not connected: no route is left."
    else:
        n, ties = len(report.routes), len(report.tie_cut)
        names = ", ".join(labels.get(b, b) for b in report.bottlenecks)
        text = (
            f"Connected by {n} independent route{'s' if n != 1 else ''}; cutting {ties} "
            f"tie{'s' if ties != 1 else ''} would separate them; "
            + (f"bottlenecks: {names}." if names else "no institution is a bottleneck.")
        )
    if report.cut_off:
        text += " Cut off: " + ", ".join(labels.get(n, n) for n in report.cut_off) + "."
    return text
