"""s400.balance: Heider's triads by hand, and the actors' network before and after the purchase."""

import itertools

import networkx as nx
import pytest

from s400.balance import balancing_flips, flipped, signed_graph, triads
from s400.data import load


@pytest.mark.parametrize(
    "signs, balanced",
    [
        ((1, 1, 1), True),  # three friends
        ((1, -1, -1), True),  # two friends, a common enemy
        ((1, 1, -1), False),  # my two friends are enemies
        ((-1, -1, -1), False),  # three enemies: two would ally against the third
    ],
)
def test_the_three_node_balance_table(signs, balanced):
    for order in set(itertools.permutations(signs)):
        ab, ac, bc = order
        g = nx.Graph([("a", "b", {"sign": ab}), ("a", "c", {"sign": ac}), ("b", "c", {"sign": bc})])
        (triad,) = triads(g)
        assert triad.signs == order and triad.balanced is balanced


def test_triads_need_all_three_pairs():
    g = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1})])
    assert triads(g) == []


def test_flipping_one_sign_of_an_unbalanced_triad_balances_it():
    g = nx.Graph([("a", "b", {"sign": 1}), ("a", "c", {"sign": 1}), ("b", "c", {"sign": -1})])
    assert [t.balanced for t in triads(flipped(g, [("a", "b")]))] == [True]
    assert g.edges["a", "b"]["sign"] == 1  # the original is untouched
    assert balancing_flips(g, most=0) == []


def test_before_the_purchase_every_triad_is_balanced():
    """alignments.csv, before: US, Turkey, NATO friends; all three hostile to Russia (Turkey
    after the Su-24)."""
    g = signed_graph(load(), "before")
    assert len(triads(g)) == 4 and all(t.balanced for t in triads(g))
    assert balancing_flips(g) == [()]


def test_after_the_purchase_the_triads_with_turkey_and_nato_are_unbalanced():
    """after: US-Turkey -, Turkey-Russia +, Turkey-NATO +. (US, Turkey, NATO) = - + + is unbalanced;
    (Turkey, NATO, Russia) = + + - is unbalanced; (US, Turkey, Russia) = - - + is balanced;
    flipping Turkey-NATO alone repairs both unbalanced triads and breaks neither of the others."""
    g = signed_graph(load(), "after")
    unbalanced = {frozenset(t.actors) for t in triads(g) if not t.balanced}
    assert unbalanced == {
        frozenset({"us_gov", "turkey_gov", "nato"}),
        frozenset({"turkey_gov", "nato", "russia"}),
    }
    assert balancing_flips(g) == [(("turkey_gov", "nato"),)]
