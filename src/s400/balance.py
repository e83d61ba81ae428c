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
    """The actors' relations in ``period`` ("before" or "after" the purchase), with ``sign`` on each edge.

    >>> from s400.data import load
    >>> signed_graph(load(), "after").edges["turkey_gov", "russia"]["sign"]
    1
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
    """Three actors, the signs of their three pairs (ab, ac, bc) and whether the triad is balanced."""

    actors: tuple[str, str, str]
    signs: tuple[int, int, int]

    @property
    def balanced(self) -> bool:
        return prod(self.signs) > 0


def triads(graph: nx.Graph) -> list[Triad]:
    """Every triad whose three pairs all carry a sign, actors in graph order.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": -1}), ("b", "c", {"sign": -1})])
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
    """A copy of ``graph`` with the signs of ``pairs`` reversed.

    >>> g = flipped(nx.Graph([("a", "b", {"sign": 1})]), [("b", "a")])
    >>> g.edges["a", "b"]["sign"]
    -1
    """
    copy = graph.copy()
    for u, v in pairs:
        copy.edges[u, v]["sign"] *= -1
    return copy


def balancing_flips(graph: nx.Graph, most: int = 2) -> list[tuple[tuple[str, str], ...]]:
    """The smallest sets of sign changes (at most ``most`` of them) that make every triad balanced.

    Empty tuple inside the list: already balanced. Empty list: no set of that size works.

    >>> g = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": 1}), ("b", "c", {"sign": -1})])
    >>> balancing_flips(g, most=1)
    [(('a', 'b'),), (('a', 'c'),), (('b', 'c'),)]
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
