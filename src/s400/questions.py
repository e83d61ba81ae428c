"""The auto-graded questions of the exercises, for the visible checks students run as they work.

Each question computes its expected answer from data/ with the package (so the visible check cells
show no answer), and gives friendly feedback. The hidden tests in solutions/ hold literal answer
keys and a fresh copy of :mod:`s400.checks`; tests/test_exercises.py checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import networkx as nx

from s400.checks import Feedback, check_choice, check_count, check_ids, check_number, check_sign, expect
from s400.data import Dataset, load, parse_partial_date
from s400.network import argument_map, effect_graph, path_effect, path_sign, total_effect
from s400.reasoning import OPTIONS, Lab

#: Paths the exercise of notebook 02 asks about.
SIGN_PATH = ("buy_s400", "s400_active", "us_relations")
EFFECT_PATH = ("buy_s400", "us_sanctions", "us_relations")
VERDICTS = ("+", "-", "indeterminate")


@cache
def _data() -> Dataset:
    return load()


@cache
def _lab() -> Lab:
    return Lab(_data())


def _days_between(first: str, second: str) -> int:
    timeline = _data().timeline
    return (parse_partial_date(timeline[second].date) - parse_partial_date(timeline[first].date)).days


def _ankara_activating() -> dict[str, float]:
    return {**_lab().preset("ankara"), "weight.E01": 1.0}


def _largest_contribution() -> str:
    contributions = _lab().contributions(_lab().preset("author"))["buy_s400"]
    return max(contributions, key=lambda c: abs(contributions[c]))


#: Question id -> check of an answer. Ids are "<assignment>.<question>", as in the exercise notebooks.
QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex01_argument.q1": lambda a: check_ids(
        a, {c.id for c in _data().claims.values() if c.paragraph == "P4" and c.condition},
        "keep the claims of paragraph P4 that have a condition"),
    "ex01_argument.q2": lambda a: check_ids(
        a, {c.id for c in _data().claims.values() if c.speaker != "author"},
        "look at the speaker column"),
    "ex01_argument.q3": lambda a: check_count(
        a, len(nx.ancestors(argument_map(_data()), "C11")),
        "every claim with a chain of arrows to C11 counts, not only its direct supporters (nx.ancestors)"),
    "ex01_argument.q4": lambda a: check_count(
        a, _days_between("s400_delivery_2019", "f35_removal_2019"),
        "subtract the two dates (pd.to_datetime) and take .days"),
    "ex02_network.q1": lambda a: check_count(
        a, len({end for e in _data().edges if e.kind == "effect" for end in (e.source, e.target)}),
        "keep the rows of edges.csv whose kind is 'effect', build a DiGraph from them and count its nodes"),
    "ex02_network.q2": lambda a: check_sign(a, path_sign(effect_graph(_data()), SIGN_PATH)),
    "ex02_network.q3": lambda a: check_number(
        a, path_effect(effect_graph(_data()), EFFECT_PATH), 0.005,
        "did you multiply sign x weight along the path?", -1, 1),
    "ex02_network.q4": lambda a: check_number(
        a, total_effect(effect_graph(_data()), "buy_s400", "us_relations").weighted, 0.005,
        "multiply along each path (nx.all_simple_paths), then add the paths", -3, 3),
    "ex02_network.q5": lambda a: check_choice(
        a, total_effect(effect_graph(_data()), "buy_s400", "national_security").verdict, VERDICTS,
        "find the sign of every path: all +, all -, or some of each?"),
    "ex03_reasoning.q1": lambda a: check_number(
        a, _lab().margin(_lab().preset("author")), 0.01,
        "lab.margin(author): the value of buying minus the best alternative"),
    "ex03_reasoning.q2": lambda a: check_choice(
        a, _lab().verdict(_lab().preset("ankara")).best, OPTIONS,
        "lab.values(ankara) gives each option's value; which is highest?"),
    "ex03_reasoning.q3": lambda a: check_choice(
        a, _largest_contribution(), tuple(_lab().consequences),
        "lab.contributions(author)['buy_s400']: compare sizes, whatever their sign"),
    "ex03_reasoning.q4": lambda a: check_number(
        a, _lab().break_even(_ankara_activating(), "magnitude.f35_place"), 0.05,
        "lab.break_even(scenario, 'magnitude.f35_place') with weight.E01 set to 1.0 first", 0, 15),
    "ex03_reasoning.q5": lambda a: check_number(
        a, float((_lab().monte_carlo(_lab().preset("ankara"), spread=0.5, seed=0) > 0).mean()), 0.0005,
        "(lab.monte_carlo(ankara, spread=0.5, seed=0) > 0).mean()", 0, 1),
}


def check(question: str, answer: Any) -> None:
    """Print feedback on ``answer`` to ``question``; raise :class:`s400.checks.NotYetCorrect` unless right.

    >>> check("ex01_argument.q2", ["C03", "C04", "C19"])
    Correct: C03, C04, C19.
    >>> check("ex01_argument.q9", 1)
    Traceback (most recent call last):
    ...
    KeyError: "no question 'ex01_argument.q9'; questions: ex01_argument.q1, ..."
    """
    if question not in QUESTIONS:
        raise KeyError(f"no question {question!r}; questions: {', '.join(list(QUESTIONS)[:1])}, ...")
    expect(QUESTIONS[question](answer))
