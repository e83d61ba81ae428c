"""s400.network on hand-made graphs (answers worked out in the comments) and on the author's
network."""

import networkx as nx
import pytest

from s400.data import load
from s400.network import (
    argument_map,
    centrality_table,
    effect_graph,
    effects_on_outcomes,
    feedback_loops,
    layer_view,
    tie_graph,
    total_effect,
)


def signed(*edges):
    return nx.DiGraph(
        [(u, v, {"sign": s, "weight": w, "layer": layer}) for u, v, s, w, layer in edges]
    )


def test_total_effect_of_paths_that_disagree_is_indeterminate():
    g = signed(
        ("d", "x", +1, 0.5, "military"),
        ("x", "o", +1, 0.4, "military"),
        ("d", "o", -1, 0.3, "political"),
        ("d", "y", -1, 1.0, "economic"),
        ("y", "o", -1, 0.5, "economic"),
    )
    t = total_effect(g, "d", "o")
    # paths, sorted: d-o = -0.3 (-); d-x-o = 0.5*0.4 = +0.2 (+); d-y-o = (-1)(-0.5) = +0.5 (+)
    assert t.paths == (("d", "o"), ("d", "x", "o"), ("d", "y", "o"))
    assert t.signs == (-1, 1, 1)
    assert t.verdict == "indeterminate"
    assert t.weighted == pytest.approx(-0.3 + 0.2 + 0.5)


def test_total_effect_when_paths_agree_or_do_not_exist():
    g = signed(
        ("a", "b", -1, 0.5, "political"),
        ("b", "c", 1, 0.5, "political"),
        ("a", "c", -1, 0.1, "political"),
    )
    assert total_effect(g, "a", "c").verdict == "-"  # -*+ = - and - : all negative
    assert total_effect(g, "c", "a").verdict == "none"
    assert total_effect(g, "c", "a").weighted == 0


def test_feedback_loops_are_reinforcing_or_balancing():
    g = signed(
        ("a", "b", 1, 1, "x"),
        ("b", "c", -1, 1, "x"),
        ("c", "a", 1, 1, "x"),
        ("c", "d", -1, 1, "x"),
        ("d", "c", -1, 1, "x"),
    )
    # a-b-c-a has one negative edge: balancing; c-d-c has two: reinforcing
    assert feedback_loops(g) == [(("a", "b", "c"), "balancing"), (("c", "d"), "reinforcing")]


def test_centrality_puts_the_broker_first():
    g = nx.DiGraph([("a", "hub"), ("b", "hub"), ("hub", "c"), ("hub", "d")])
    # hub lies on all 4 shortest paths a/b -> c/d, out of 4*3 = 12 ordered pairs: 4/12
    top = centrality_table(g)[0]
    assert top["node"] == "hub" and top["betweenness"] == pytest.approx(4 / 12, abs=1e-3)
    assert (top["in_degree"], top["out_degree"]) == (2, 2)


def test_layer_view_filters_simple_and_multigraphs():
    g = signed(("a", "b", 1, 1, "military"), ("b", "c", 1, 1, "economic"))
    assert list(layer_view(g, {"economic"}).edges) == [("b", "c")]
    m = nx.MultiGraph()
    m.add_edge("us", "tr", key="E1", layer="political")
    m.add_edge("us", "tr", key="E2", layer="economic")
    assert list(layer_view(m, ["economic"]).edges(keys=True)) == [("us", "tr", "E2")]


def test_the_authors_economy_verdict_follows_from_the_signs_alone():
    """Every path from the purchase to the economy carries an odd number of negative edges
    (via F-35 work, sanctions, US relations, activation), so Axelrod's verdict is '-'."""
    g = effect_graph(load())
    assert total_effect(g, "buy_s400", "economy").verdict == "-"


def test_national_security_depends_on_weights_the_author_never_states():
    """Ankara's path (activation -> air defence -> security) is positive; the author's are
    negative."""
    g = effect_graph(load())
    t = total_effect(g, "buy_s400", "national_security")
    assert t.verdict == "indeterminate"
    assert ("buy_s400", "s400_active", "air_defence", "national_security") in t.paths


def test_every_outcome_gets_an_effect_row():
    data = load()
    outcomes = [n.id for n in data.nodes.values() if n.type == "outcome"]
    assert [t.target for t in effects_on_outcomes(effect_graph(data), "buy_s400")] == outcomes


def test_the_argument_map_and_the_ties_come_from_the_data():
    data = load()
    m = argument_map(data)
    assert set(m) == set(data.claims) and m.number_of_edges() == len(data.claim_links)
    assert m.edges["C05", "C03"]["relation"] == "rebuts"
    t = tie_graph(data)
    assert t.number_of_edges() == sum(1 for e in data.edges if e.kind == "tie")
    # edges.csv: E37 (the S-400 contract), E38 (gas and nuclear), E43 (trade)
    assert {d["layer"] for d in t.get_edge_data("turkey_gov", "russia").values()} == {
        "military",
        "energy",
        "economic",
    }
