"""s400.fcm on 2- and 3-concept maps worked out by hand, and on the module's network."""

import math

import networkx as nx
import numpy as np
import pytest

from s400.data import load
from s400.fcm import simulate, step, weight_matrix
from s400.network import effect_graph


def bivalent(x):
    return np.where(x >= 0, 1.0, -1.0)


def test_one_step_by_hand():
    # a -> b (+0.5), b -> c (-1.0); a held at 1, start b = c = 0
    w = np.array([[0, 0.5, 0], [0, 0, -1.0], [0, 0, 0]])
    first = step(np.array([1.0, 0.0, 0.0]), w, {0: 1.0})
    assert first == pytest.approx([1.0, math.tanh(0.5), 0.0])  # c sees b's old value, 0
    second = step(first, w, {0: 1.0})
    assert second == pytest.approx([1.0, 0.46212, -0.43182], abs=1e-4)  # tanh(-tanh(0.5))


def test_a_chain_settles_at_a_fixed_point():
    w = np.array([[0, 0.5, 0], [0, 0, -1.0], [0, 0, 0]])
    run = simulate(w, ["a", "b", "c"], {"a": 1.0})
    assert run.status == "fixed point" and run.period == 1
    assert len(run.states) == 4  # start, b moves, c moves, nothing moves
    assert run.final["c"] == pytest.approx(-0.43182, abs=1e-4)


def test_a_negative_loop_cycles():
    # a -> b (+1), b -> a (-1), threshold squash; from (0, 0):
    # (1, 1) -> (-1, 1) -> (-1, -1) -> (1, -1) -> (1, 1): back to step 1 after 4 steps
    w = np.array([[0, 1.0], [-1.0, 0]])
    run = simulate(w, ["a", "b"], {}, squash=bivalent)
    assert run.status == "cycle" and run.period == 4
    assert run.states.tolist() == [[0, 0], [1, 1], [-1, 1], [-1, -1], [1, -1], [1, 1]]


def test_a_run_that_does_not_settle_in_time_says_so():
    run = simulate(np.array([[0, 0.5], [0, 0]]), ["a", "b"], {"a": 1.0}, max_steps=1)
    assert (run.status, run.period) == ("no convergence", 0)


def test_weight_matrix_and_overrides():
    g = nx.DiGraph(
        [("a", "b", {"sign": -1, "weight": 0.5}), ("b", "a", {"sign": 1, "weight": 0.2})]
    )
    assert weight_matrix(g, ["a", "b"]).tolist() == [[0, -0.5], [0.2, 0]]
    assert weight_matrix(g, ["a", "b"], {("a", "b"): 1.0}).tolist() == [[0, -1.0], [0.2, 0]]


def test_clamping_an_unknown_concept_is_an_error():
    with pytest.raises(KeyError, match="not concepts"):
        simulate(np.zeros((1, 1)), ["a"], {"zz": 1.0})


def test_repairing_nato_relations_cancels_the_leverage_the_purchase_adds():
    g = effect_graph(load())
    nodes = list(g.nodes)
    run = simulate(weight_matrix(g, nodes), nodes, {"buy_s400": 1.0, "nato_trust": 1.0})
    # leverage = tanh(+0.8 * 1 (E10) - 0.8 * 1 (E22)) = tanh(0) = 0
    assert run.final["russian_leverage"] == pytest.approx(0.0)
    bought = simulate(weight_matrix(g, nodes), nodes, {"buy_s400": 1.0})
    # trust settles at tanh(-0.8) (E09); leverage at tanh(0.8 + 0.8 * tanh(0.8))
    assert bought.final["nato_trust"] == pytest.approx(math.tanh(-0.8))
    assert bought.final["russian_leverage"] == pytest.approx(math.tanh(0.8 + 0.8 * math.tanh(0.8)))
