"""Structural balance (Heider; Cartwright and Harary) of a signed network of actors.

A triad of actors is *balanced* when the product of its three signs is positive: all friends, or
two friends with a common enemy ("the enemy of my friend is my enemy"). Balance theory predicts
that unbalanced triads are under strain and tend to resolve by a sign changing. A network is
balanced when all its triads are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from math import prod

import networkx as nx

from s400.data import Dataset


def signed_graph(data: Dataset, period: str) -> nx.Graph:
    """The actors' relations in ``period`` ("before" or "after" the purchase), signed.

    Parameters
    ----------
    data : Dataset
        The loaded data package; its ``alignments`` give the relations.
    period : str
        "before" or "after" the purchase; rows of any other period are left out.

    Returns
    -------
    networkx.Graph
        One node per actor (with its ``label``) and one edge per alignment row of ``period``,
        carrying the row's ``sign`` (+1 or -1), ``id``, ``basis``, ``claim``, ``event`` and
        ``note``.

    Examples
    --------
    >>> from s400.data import load
    >>> after = signed_graph(load(), "after")
    >>> after.edges["turkey_gov", "russia"]["sign"]  # alignments.csv row A12: sign 1
    1
    >>> after.number_of_nodes(), after.number_of_edges()  # rows A07-A12 link 4 actors
    (4, 6)
    """
    graph = nx.Graph()
    for row in data.alignments:
        if row.period == period:
            for actor in (row.source, row.target):
                graph.add_node(actor, label=data.nodes[actor].label)
            graph.add_edge(
                row.source,
                row.target,
                sign=row.sign,
                id=row.id,
                basis=row.basis,
                claim=row.claim,
                event=row.event,
                note=row.note,
            )
    return graph


@dataclass(frozen=True)
class Triad:
    """Three actors, the signs of their three pairs (ab, ac, bc) and whether they are balanced.

    Parameters
    ----------
    actors : tuple of str
        The three actors (a, b, c).
    signs : tuple of int
        The signs (+1 or -1) of the pairs ab, ac and bc, in that order.

    Examples
    --------
    >>> Triad(("a", "b", "c"), (1, 1, -1)).balanced  # 1 x 1 x -1 = -1: two friends at odds
    False
    """

    actors: tuple[str, str, str]
    signs: tuple[int, int, int]

    @property
    def balanced(self) -> bool:
        """Whether the product of the three signs is positive.

        Examples
        --------
        >>> Triad(("a", "b", "c"), (1, -1, -1)).balanced  # 1 x -1 x -1 = 1: a common enemy
        True
        """
        return prod(self.signs) > 0


def triads(graph: nx.Graph) -> list[Triad]:
    """Every triad whose three pairs all carry a sign, actors in graph order.

    Parameters
    ----------
    graph : networkx.Graph
        A signed graph: each edge has a ``sign`` of +1 or -1 (as from :func:`signed_graph`).

    Returns
    -------
    list of Triad
        One per set of three actors that are pairwise linked, in the order of
        ``itertools.combinations`` over the nodes.

    Examples
    --------
    The one triangle, with signs ab = 1, ac = -1, bc = -1: 1 x -1 x -1 = 1, balanced. A fourth
    node linked to one actor only closes no triangle.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": -1}), ("b", "c", {"sign": -1})])
    >>> g.add_edge("c", "d", sign=1)
    >>> [(t.actors, t.signs, t.balanced) for t in triads(g)]
    [(('a', 'b', 'c'), (1, -1, -1), True)]
    """
    found = []
    for a, b, c in combinations(graph, 3):
        pairs = ((a, b), (a, c), (b, c))
        if all(graph.has_edge(*p) for p in pairs):
            found.append(Triad((a, b, c), tuple(graph.edges[p]["sign"] for p in pairs)))
    return found


def flipped(graph: nx.Graph, pairs: Iterable[tuple[str, str]]) -> nx.Graph:
    """A copy of ``graph`` with the signs of ``pairs`` reversed; ``graph`` is left unchanged.

    Parameters
    ----------
    graph : networkx.Graph
        A signed graph (each edge has a ``sign``).
    pairs : iterable of (str, str)
        The edges whose sign to reverse, in either direction.

    Returns
    -------
    networkx.Graph
        The copy, with each sign in ``pairs`` multiplied by -1.

    Raises
    ------
    KeyError
        If a pair is not an edge of ``graph``.

    Examples
    --------
    >>> g = nx.Graph([("a", "b", {"sign": 1})])
    >>> flipped(g, [("b", "a")]).edges["a", "b"]["sign"], g.edges["a", "b"]["sign"]  # 1 x -1
    (-1, 1)
    """
    copy = graph.copy()
    for u, v in pairs:
        copy.edges[u, v]["sign"] *= -1
    return copy


def balancing_flips(graph: nx.Graph, most: int = 2) -> list[tuple[tuple[str, str], ...]]:
    """The smallest sets of sign changes (at most ``most`` of them) that balance every triad.

    Parameters
    ----------
    graph : networkx.Graph
        A signed graph (each edge has a ``sign``).
    most : int, default 2
        The largest number of sign changes to try.

    Returns
    -------
    list of tuple of (str, str)
        Every set of edges of the smallest size that works, as tuples of edges in the order of
        ``graph.edges``. ``[()]``: already balanced. ``[]``: no set of at most ``most`` works.

    Examples
    --------
    Signs 1, 1, -1: the product is -1. Reversing any one sign makes it 1, so each single edge
    works; a balanced triangle needs no change.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": 1}), ("b", "c", {"sign": -1})])
    >>> balancing_flips(g, most=1)
    [(('a', 'b'),), (('a', 'c'),), (('b', 'c'),)]
    >>> balancing_flips(flipped(g, [("b", "c")]))
    [()]
    >>> balancing_flips(g, most=0)  # one change is needed, none allowed
    []
    """
    edges = list(graph.edges)
    for size in range(most + 1):
        found = [
            pairs
            for pairs in combinations(edges, size)
            if all(t.balanced for t in triads(flipped(graph, pairs)))
        ]
        if found:
            return found
    return []
