"""Exercises 1 and 2: the argument map and the influence network."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from s400.checks import Feedback, check_choice, check_count, check_ids, check_number, check_sign
from s400.data import parse_partial_date
from s400.network import argument_map, effect_graph, path_effect, path_sign, total_effect
from s400.questions.course import course_data

#: Paths the exercise of notebook 02 asks about.
SIGN_PATH = ("buy_s400", "s400_active", "us_relations")
EFFECT_PATH = ("buy_s400", "us_sanctions", "us_relations")
VERDICTS = ("+", "-", "indeterminate")


def _days_between(first: str, second: str) -> int:
    timeline = course_data().timeline
    return (
        parse_partial_date(timeline[second].date) - parse_partial_date(timeline[first].date)
    ).days


QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex01_argument.q1": lambda a: check_ids(
        a,
        {c.id for c in course_data().claims.values() if c.paragraph == "P4" and c.condition},
        "keep the claims of paragraph P4 that have a condition",
    ),
    "ex01_argument.q2": lambda a: check_ids(
        a,
        {c.id for c in course_data().claims.values() if c.speaker != "author"},
        "look at the speaker column",
    ),
    "ex01_argument.q3": lambda a: check_count(
        a,
        len(nx.ancestors(argument_map(course_data()), "C11")),
        "every claim with a chain of arrows to C11 counts, not only its direct supporters "
        "(nx.ancestors)",
    ),
    "ex01_argument.q4": lambda a: check_count(
        a,
        _days_between("s400_delivery_2019", "f35_removal_2019"),
        "subtract the two dates (pd.to_datetime) and take .days",
    ),
    "ex02_network.q1": lambda a: check_count(
        a,
        len(
            {end for e in course_data().edges if e.kind == "effect" for end in (e.source, e.target)}
        ),
        "keep the rows of edges.csv whose kind is 'effect', build a DiGraph from them and count "
        "its nodes",
    ),
    "ex02_network.q2": lambda a: check_sign(a, path_sign(effect_graph(course_data()), SIGN_PATH)),
    "ex02_network.q3": lambda a: check_number(
        a,
        path_effect(effect_graph(course_data()), EFFECT_PATH),
        0.005,
        "did you multiply sign x weight along the path?",
        -1,
        1,
    ),
    "ex02_network.q4": lambda a: check_number(
        a,
        total_effect(effect_graph(course_data()), "buy_s400", "us_relations").weighted,
        0.005,
        "multiply along each path (nx.all_simple_paths), then add the paths",
        -3,
        3,
    ),
    "ex02_network.q5": lambda a: check_choice(
        a,
        total_effect(effect_graph(course_data()), "buy_s400", "national_security").verdict,
        VERDICTS,
        "find the sign of every path: all +, all -, or some of each?",
    ),
}
