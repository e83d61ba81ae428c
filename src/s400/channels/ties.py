"""The US–Turkey ties as a multiplex network, and what is left when channels are cut."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from s400.data import Dataset
from s400.network import tie_graph

#: The two states' institutions and the alliance they share; Russia's ties come back in
#: notebook 06.
US_TURKEY = ("us_gov", "pentagon", "us_finance", "nato", "ssb", "turkey_gov", "tsk", "tr_finance")


def channel_graph(data: Dataset, actors: Iterable[str] = US_TURKEY) -> nx.MultiGraph:
    """The ties among ``actors`` (default: the US–Turkey institutions and NATO), one edge per tie.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    actors : iterable of str, default ``US_TURKEY``
        The actors to keep; ties to any other actor are left out.

    Returns
    -------
    networkx.MultiGraph
        The kept actors, in nodes.csv order, and every tie between two of them, keyed by its id
        and with its attributes (as in :func:`s400.network.tie_graph`).

    Examples
    --------
    edges.csv has 17 ties; 5 of them touch Russia (E37, E38, E41, E42, E43), which leaves 12
    among the 8 actors. The Pentagon's two ties are E31 and E33, both military.

    >>> from s400.data import load
    >>> g = channel_graph(load())
    >>> g.number_of_nodes(), g.number_of_edges()
    (8, 12)
    >>> sorted(layer for _, _, layer in g.edges("pentagon", data="layer"))
    ['military', 'military']
    >>> list(channel_graph(load(), ["turkey_gov", "russia"]).edges(keys=True))
    [('turkey_gov', 'russia', 'E37'), ('turkey_gov', 'russia', 'E38'), \
('turkey_gov', 'russia', 'E43')]
    """
    keep, ties = set(actors), tie_graph(data)
    graph = nx.MultiGraph()
    # In nodes.csv order.
    graph.add_nodes_from((n, d) for n, d in ties.nodes(data=True) if n in keep)
    graph.add_edges_from(
        (u, v, k, d) for u, v, k, d in ties.edges(keys=True, data=True) if u in keep and v in keep
    )
    return graph


def cut(
    graph: nx.MultiGraph, layers: Iterable[str] = (), institutions: Iterable[str] = ()
) -> nx.MultiGraph:
    """A copy of ``graph`` without the ties in ``layers`` and without the nodes in ``institutions``.

    Parameters
    ----------
    graph : networkx.MultiGraph
        Ties with a ``layer``.
    layers : iterable of str, default ()
        The layers to close: their ties are left out.
    institutions : iterable of str, default ()
        The nodes to take out, with all their ties.

    Returns
    -------
    networkx.MultiGraph
        A new graph; the nodes left keep their order, attributes and isolated nodes stay.

    Examples
    --------
    >>> g = nx.MultiGraph(
    ...     [("us", "tr", {"layer": "political"}), ("us", "tr", {"layer": "economic"})]
    ... )
    >>> [layer for _, _, layer in cut(g, ["political"]).edges(data="layer")]
    ['economic']
    >>> h = cut(g, institutions=["tr"])
    >>> list(h), h.number_of_edges(), g.number_of_edges()  # g itself keeps both ties
    (['us'], 0, 2)
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

    Parameters
    ----------
    graph : networkx.MultiGraph
        Any multigraph.

    Returns
    -------
    networkx.Graph
        Every node of ``graph`` (attributes left out) and one edge per tied pair, with
        ``capacity``: the number of ties between the pair.

    Examples
    --------
    >>> g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> g.add_node("d")
    >>> sorted(collapse(g).edges(data="capacity")), list(collapse(g))  # a-b tied twice
    ([('a', 'b', 2), ('b', 'c', 1)], ['a', 'b', 'c', 'd'])
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

    Parameters
    ----------
    graph : networkx.MultiGraph
        Ties with a ``layer``.
    source : str
        One actor.
    target : str
        The other actor.

    Returns
    -------
    dict of str to bool
        Every layer of ``graph``, sorted, and whether a route in that layer alone links the two.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph`` (and it has a tie).

    Examples
    --------
    The military layer links us and tr through dod, the political layer directly; the
    financial one reaches only the bank.

    >>> g = nx.MultiGraph(
    ...     [
    ...         ("us", "dod", {"layer": "military"}),
    ...         ("dod", "tr", {"layer": "military"}),
    ...         ("us", "tr", {"layer": "political"}),
    ...         ("us", "bank", {"layer": "financial"}),
    ...     ]
    ... )
    >>> layers_linking(g, "us", "tr")
    {'financial': False, 'military': True, 'political': True}

    In the data, each of the four layers among the US and Turkish institutions links the two
    governments on its own (edges.csv): political E29, economic E30, military E33-E31-E34
    (through the Pentagon and the armed forces), financial E35-E32-E36 (through the banks).

    >>> from s400.data import load
    >>> layers_linking(channel_graph(load()), "us_gov", "turkey_gov")
    {'economic': True, 'financial': True, 'military': True, 'political': True}
    """
    layers = sorted({layer for _, _, layer in graph.edges(data="layer")})
    return {
        layer: nx.has_path(cut(graph, set(layers) - {layer}), source, target) for layer in layers
    }
