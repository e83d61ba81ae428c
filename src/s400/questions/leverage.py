"""Exercise 6: Russia's leverage, as dependence shares and a fuzzy cognitive map."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from s400.checks import Feedback, check_number
from s400.fcm import simulate, step, weight_matrix
from s400.interdependence import dependence_asymmetry, dependences, with_judgement
from s400.network import effect_graph
from s400.questions.course import course_data


def _gas_exposure() -> float:
    """Turkey's exposure in the gas channel: Russia's share of its gas imports."""
    exposure = next(c for c in dependences(course_data()) if c.name == "gas").turkey_exposure
    assert exposure is not None  # sourced in figures.csv
    return exposure


def _without_turkstream() -> dict[str, float]:
    """Both asymmetries with TurkStream (which overlaps the gas channel) weighted 0."""
    return dependence_asymmetry(
        with_judgement(dependences(course_data()), "TurkStream", weight=0.0)
    )


def _leverage_after_one_step() -> float:
    """Russia's leverage one FCM step after clamping buy_s400 at +1, on the whole effect graph."""
    graph = effect_graph(course_data())
    nodes = list(graph.nodes)
    start = np.zeros(len(nodes))
    start[nodes.index("buy_s400")] = 1.0
    after = step(start, weight_matrix(graph, nodes), {nodes.index("buy_s400"): 1.0})
    return float(after[nodes.index("russian_leverage")])


def _leverage_settled_e22_halved() -> float:
    """Where Russia's leverage settles with buy_s400 clamped at +1 and E22 at weight 0.4."""
    graph = effect_graph(course_data())
    nodes = list(graph.nodes)
    w = weight_matrix(graph, nodes, {("nato_trust", "russian_leverage"): 0.4})
    return simulate(w, nodes, {"buy_s400": 1.0}).final["russian_leverage"]


QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex06_leverage.q1": lambda a: check_number(
        a,
        _gas_exposure(),
        0.001,
        "divide the Russian imports by the total imports, both in bcm",
        0,
        1,
    ),
    "ex06_leverage.q2": lambda a: check_number(
        a,
        _without_turkstream()["sensitivity"],
        0.001,
        "weight each side's exposures (TurkStream 0), add them up, then "
        "(D_Turkey - D_Russia) / (D_Turkey + D_Russia)",
        -1,
        1,
    ),
    "ex06_leverage.q3": lambda a: check_number(
        a,
        _without_turkstream()["vulnerability"],
        0.001,
        "use exposure x (1 - substitutability) for each side, with the weights of question 2",
        -1,
        1,
    ),
    "ex06_leverage.q4": lambda a: check_number(
        a,
        _leverage_after_one_step(),
        0.001,
        "after one step the leverage receives only sign x weight of E10 times buy_s400's +1; "
        "then tanh",
        -1,
        1,
    ),
    "ex06_leverage.q5": lambda a: check_number(
        a,
        _leverage_settled_e22_halved(),
        0.001,
        "set E22 to -0.4 in a copy of W and repeat the step (resetting buy_s400 to 1) until "
        "nothing moves",
        -1,
        1,
    ),
}
