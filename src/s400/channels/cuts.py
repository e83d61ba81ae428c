"""How the two governments stay connected: independent routes, minimum cuts, bottlenecks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from s400.channels.ties import collapse


def routes(graph: nx.MultiGraph, source: str, target: str) -> list[tuple[str, ...]]:
    """A largest set of routes from ``source`` to ``target`` that share no institution in between.

    The routes are node-disjoint paths; a direct tie is a route of its own.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The channel graph (ties in parallel count as one route).
    source : str
        Where the routes start.
    target : str
        Where they end.

    Returns
    -------
    list of tuple of str
        Each route as its nodes, shortest first, then in alphabetical order; empty when the
        two are not connected.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph``.

    Examples
    --------
    >>> from s400.channels import channel_graph, cut
    >>> g = nx.MultiGraph([("us", "tr"), ("us", "dod"), ("dod", "tsk"), ("tsk", "tr")])
    >>> routes(g, "us", "tr")
    [('us', 'tr'), ('us', 'dod', 'tsk', 'tr')]
    >>> routes(nx.MultiGraph([("us", "dod"), ("tr", "tsk")]), "us", "tr")
    []

    In the data the governments are tied directly (E29, E30) and through NATO (E40, E39), the
    procurement agency (E45, E44), the military (E33, E31, E34) and the banks (E35, E32, E36):
    five routes that share nothing.

    >>> from s400.data import load
    >>> for route in routes(channel_graph(load()), "us_gov", "turkey_gov"):
    ...     print(" - ".join(route))
    us_gov - turkey_gov
    us_gov - nato - turkey_gov
    us_gov - ssb - turkey_gov
    us_gov - pentagon - tsk - turkey_gov
    us_gov - us_finance - tr_finance - turkey_gov
    """
    if not nx.has_path(graph, source, target):
        return []
    found = nx.node_disjoint_paths(collapse(graph), source, target)
    return sorted((tuple(path) for path in found), key=lambda p: (len(p), p))


def min_tie_cut(graph: nx.MultiGraph, source: str, target: str) -> list[str]:
    """The ids (edge keys) of a smallest set of ties whose loss separates two actors.

    Every tie counts: to cut a pair tied in two layers, both ties must go.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The channel graph, ties keyed by their ids.
    source : str
        One actor.
    target : str
        The other actor.

    Returns
    -------
    list
        The keys of the ties to cut, sorted; empty when the two are not connected. When several
        smallest sets exist, one of them.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph``.

    Examples
    --------
    Cutting around us takes E1, E2 and E3 (3 ties); around us and dod, E1, E2, E4 and E5 (4).

    >>> from s400.channels import channel_graph, cut
    >>> g = nx.MultiGraph()
    >>> keys = g.add_edges_from(
    ...     [
    ...         ("us", "tr", "E1"),
    ...         ("us", "tr", "E2"),
    ...         ("us", "dod", "E3"),
    ...         ("dod", "tr", "E4"),
    ...         ("dod", "tr", "E5"),
    ...     ]
    ... )
    >>> min_tie_cut(g, "us", "tr")
    ['E1', 'E2', 'E3']

    In the data each government has six ties among these actors (edges.csv: E29, E30, E33,
    E35, E40, E45 for Washington), and the five routes of :func:`routes` carry 2 + 1 + 1 + 1 + 1
    = 6 ties' worth: no set smaller than six separates them.

    >>> from s400.data import load
    >>> len(min_tie_cut(channel_graph(load()), "us_gov", "turkey_gov"))
    6
    """
    if not nx.has_path(graph, source, target):
        return []
    _, (near, _far) = nx.minimum_cut(collapse(graph), source, target)
    return sorted(k for u, v, k in graph.edges(keys=True) if (u in near) != (v in near))


def min_institution_cut(graph: nx.MultiGraph, source: str, target: str) -> set[str] | None:
    """A smallest set of institutions whose loss separates ``source`` from ``target``.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The channel graph.
    source : str
        One actor.
    target : str
        The other actor.

    Returns
    -------
    set of str or None
        The institutions; None when the two are tied directly (no institution stands between
        them), an empty set when they are already apart.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph`` (and they are not tied).

    Examples
    --------
    Two routes, us-dod-tsk-tr and us-bank-tr: one institution from each must go.

    >>> g = nx.MultiGraph(
    ...     [("us", "dod"), ("dod", "tsk"), ("tsk", "tr"), ("us", "bank"), ("bank", "tr")]
    ... )
    >>> len(min_institution_cut(g, "us", "tr")), "bank" in min_institution_cut(g, "us", "tr")
    (2, True)
    >>> min_institution_cut(nx.MultiGraph([("us", "tr")]), "us", "tr") is None
    True
    >>> min_institution_cut(nx.MultiGraph([("us", "dod"), ("tr", "tsk")]), "us", "tr")
    set()
    """
    if graph.has_edge(source, target):
        return None
    if not nx.has_path(graph, source, target):
        return set()
    return set(nx.minimum_node_cut(collapse(graph), source, target))


def bottlenecks(graph: nx.MultiGraph, source: str, target: str) -> list[str]:
    """The institutions every route from ``source`` to ``target`` passes through, in graph order.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The channel graph.
    source : str
        One actor.
    target : str
        The other actor.

    Returns
    -------
    list of str
        Every node other than the two whose removal separates them; empty when they are not
        connected at all.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph``.

    Examples
    --------
    >>> from s400.channels import channel_graph, cut
    >>> bottlenecks(nx.MultiGraph([("us", "dod"), ("dod", "tsk"), ("tsk", "tr")]), "us", "tr")
    ['dod', 'tsk']
    >>> bottlenecks(nx.MultiGraph([("us", "dod"), ("dod", "tr"), ("us", "tr")]), "us", "tr")
    []

    With the financial layer alone, the one route from Washington to Ankara runs through the
    banks (E35, E32, E36), in nodes.csv order.

    >>> from s400.data import load
    >>> banks_only = cut(channel_graph(load()), ["political", "economic", "military"])
    >>> bottlenecks(banks_only, "us_gov", "turkey_gov")
    ['us_finance', 'tr_finance']
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
    """What links two actors in a (possibly cut) channel graph.

    Parameters
    ----------
    connected : bool
        Whether any route links the two.
    routes : tuple of tuple of str
        A largest set of routes that share no institution (see :func:`routes`).
    tie_cut : tuple of str
        The ids of a smallest set of ties whose loss separates the two (see :func:`min_tie_cut`).
    bottlenecks : tuple of str
        The institutions every route passes through (see :func:`bottlenecks`).
    cut_off : tuple of str
        The institutions left with no tie at all.

    Examples
    --------
    >>> r = ChannelReport(True, (("us", "tr"),), ("E1",), (), ("nato",))
    >>> len(r.routes), r.cut_off
    (1, ('nato',))
    """

    connected: bool
    routes: tuple[tuple[str, ...], ...]
    tie_cut: tuple[str, ...]
    bottlenecks: tuple[str, ...]
    cut_off: tuple[str, ...]


def channel_report(graph: nx.MultiGraph, source: str, target: str) -> ChannelReport:
    """Routes, the smallest tie cut, the bottlenecks and the institutions cut off, in one record.

    Parameters
    ----------
    graph : networkx.MultiGraph
        The channel graph, possibly cut.
    source : str
        One actor.
    target : str
        The other actor.

    Returns
    -------
    ChannelReport
        What :func:`routes`, :func:`min_tie_cut` and :func:`bottlenecks` find, and the nodes
        of ``graph`` with no tie.

    Raises
    ------
    networkx.NodeNotFound
        If ``source`` or ``target`` is not a node of ``graph``.

    Examples
    --------
    One route, us-dod-tr; either of its ties (both key 0, the first tie of their pair) cuts it;
    dod is the bottleneck; nato has no tie.

    >>> g = nx.MultiGraph([("us", "dod"), ("dod", "tr")])
    >>> g.add_node("nato")
    >>> r = channel_report(g, "us", "tr")
    >>> r.connected, len(r.routes), r.tie_cut, r.bottlenecks, r.cut_off
    (True, 1, (0,), ('dod',), ('nato',))
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

    Parameters
    ----------
    report : ChannelReport
        As from :func:`channel_report`.
    labels : mapping of str to str
        Each institution's label; an institution without one is named by its id.

    Returns
    -------
    str
        Whether the two are connected, by how many routes, how many ties would separate them,
        the bottlenecks and the institutions cut off.

    Examples
    --------
    >>> from s400.channels import channel_graph, cut
    >>> r = ChannelReport(True, (("us", "tr"), ("us", "dod", "tr")), ("E1", "E2"), (), ("nato",))
    >>> report_text(r, {"nato": "NATO allies"})
    'Connected by 2 independent routes; cutting 2 ties would separate them; \
no institution is a bottleneck. Cut off: NATO allies.'
    >>> report_text(ChannelReport(True, (("us", "dod", "tr"),), ("E1",), ("dod",), ()), {})
    'Connected by 1 independent route; cutting 1 tie would separate them; bottlenecks: dod.'
    >>> report_text(ChannelReport(False, (), (), (), ()), {})
    'Not connected: no route is left.'

    In the data, closing the political and economic layers takes the direct ties (E29, E30)
    and both of NATO's (E39, E40): three routes are left, the military pair, the procurement
    agency and the banks, with Washington's three remaining ties (E33, E45, E35) as a cut.

    >>> from s400.data import load
    >>> data = load()
    >>> g = cut(channel_graph(data), ["political", "economic"])
    >>> labels = {n: node.label for n, node in data.nodes.items()}
    >>> report_text(channel_report(g, "us_gov", "turkey_gov"), labels)
    'Connected by 3 independent routes; cutting 3 ties would separate them; \
no institution is a bottleneck. Cut off: NATO allies.'
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
