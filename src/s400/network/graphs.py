"""The graphs built from the data: the influence network, the actors' ties, the argument map."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from s400.data import Dataset, Edge

# What an edge carries into a graph, beside its id: the columns of edges.csv after the ends.
EDGE_FIELDS = ("sign", "weight", "layer", "basis", "claim", "event", "figure", "note")


def _edge_attributes(edge: Edge) -> dict[str, object]:
    return {field: getattr(edge, field) for field in EDGE_FIELDS}


def effect_graph(data: Dataset) -> nx.DiGraph:
    """The directed, signed, weighted graph of ``effect`` edges, with node attributes.

    Parameters
    ----------
    data : Dataset
        The loaded data package.

    Returns
    -------
    networkx.DiGraph
        Every node that is not an actor, with ``label``, ``type`` and ``description``; every
        edge of kind ``effect``, with ``id``, ``sign``, ``weight``, ``layer``, ``basis``,
        ``claim``, ``event``, ``figure`` and ``note``.

    Examples
    --------
    nodes.csv has 16 nodes that are not actors; edges.csv has 29 effects (E01-E19, E21-E28, and
    Ankara's E46-E47). E06 takes buy_s400 to us_relations with sign -1.

    >>> from s400.data import load
    >>> g = effect_graph(load())
    >>> g.number_of_nodes(), g.number_of_edges()
    (16, 29)
    >>> g.nodes["buy_s400"]["type"], g.edges["buy_s400", "us_relations"]["sign"]
    ('decision', -1)
    """
    graph = nx.DiGraph()
    for node in data.nodes.values():
        if node.type != "actor":
            graph.add_node(node.id, label=node.label, type=node.type, description=node.description)
    for edge in data.edges:
        if edge.kind == "effect":
            graph.add_edge(edge.source, edge.target, id=edge.id, **_edge_attributes(edge))
    return graph


def layer_view(graph: nx.Graph, layers: Iterable[str]) -> nx.Graph:
    """A read-only view of ``graph`` keeping only the edges whose ``layer`` is in ``layers``.

    Parameters
    ----------
    graph : networkx.Graph
        Any graph (directed or not, multigraph or not) whose edges have a ``layer``.
    layers : iterable of str
        The layers to keep.

    Returns
    -------
    networkx.Graph
        A view of the same kind as ``graph``, with every node and only the kept edges; it
        follows later changes to ``graph``.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b", {"layer": "military"}), ("b", "c", {"layer": "economic"})])
    >>> list(layer_view(g, ["military"]).edges), layer_view(g, []).number_of_nodes()
    ([('a', 'b')], 3)
    >>> m = nx.MultiGraph([("a", "b", {"layer": "military"}), ("a", "b", {"layer": "economic"})])
    >>> list(layer_view(m, ["economic"]).edges(keys=True))  # the second edge gets key 1
    [('a', 'b', 1)]

    In edges.csv six ties are military: E31, E33, E34, E37, E44 and E45.

    >>> from s400.data import load
    >>> layer_view(tie_graph(load()), ["military"]).number_of_edges()
    6
    """
    keep = set(layers)
    if graph.is_multigraph():
        return nx.subgraph_view(
            graph, filter_edge=lambda u, v, k: graph.edges[u, v, k]["layer"] in keep
        )
    return nx.subgraph_view(graph, filter_edge=lambda u, v: graph.edges[u, v]["layer"] in keep)


def argument_map(data: Dataset) -> nx.DiGraph:
    """The op-ed's argument: claims as nodes, an edge from a claim to the claim it bears on.

    Parameters
    ----------
    data : Dataset
        The loaded data package.

    Returns
    -------
    networkx.DiGraph
        Every claim, with ``paragraph``, ``kind``, ``speaker``, ``condition`` and ``text``; an
        edge per row of claim_links.csv, with its ``relation``.

    Examples
    --------
    claims.csv has 26 claims and claim_links.csv 30 links. C11, the only conclusion, bears on
    no other claim; C08 supports it (claim_links.csv).

    >>> from s400.data import load
    >>> m = argument_map(load())
    >>> m.number_of_nodes(), m.number_of_edges(), m.edges["C08", "C11"]["relation"]
    (26, 30, 'supports')
    >>> [c for c in m if m.out_degree(c) == 0 and m.nodes[c]["kind"] == "conclusion"]
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

    Parameters
    ----------
    data : Dataset
        The loaded data package.

    Returns
    -------
    networkx.MultiGraph
        Every actor, with ``label`` and ``description``; every edge of kind ``tie``, keyed by
        its id, with ``sign``, ``weight``, ``layer``, ``basis``, ``claim``, ``event``,
        ``figure`` and ``note``.

    Examples
    --------
    nodes.csv has 9 actors and edges.csv 17 ties (E29-E45); Ankara and Moscow are tied three
    times (E37 military, E38 energy, E43 economic).

    >>> from s400.data import load
    >>> t = tie_graph(load())
    >>> t.number_of_nodes(), t.number_of_edges(), sorted(t["turkey_gov"]["russia"])
    (9, 17, ['E37', 'E38', 'E43'])
    >>> sorted({layer for _, _, layer in t.edges(data="layer")})
    ['economic', 'energy', 'financial', 'military', 'political']
    """
    graph = nx.MultiGraph()
    for node in data.nodes.values():
        if node.type == "actor":
            graph.add_node(node.id, label=node.label, description=node.description)
    for edge in data.edges:
        if edge.kind == "tie":
            graph.add_edge(edge.source, edge.target, key=edge.id, **_edge_attributes(edge))
    return graph
