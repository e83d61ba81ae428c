"""Exercise 3: the reasoning lab, its two readings and their ledgers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from s400.checks import Feedback, check_choice, check_number
from s400.questions.course import course_lab
from s400.reasoning import OPTIONS
from s400.reasoning.ledgers import split
from s400.reasoning.scenarios import preset
from s400.reasoning.sensitivity import break_even, monte_carlo


def _reading(name: str) -> dict[str, float]:
    return preset(course_lab(), name)


def _largest_contribution() -> str:
    contributions = course_lab().contributions(_reading("author"))["buy_s400"]
    return max(contributions, key=lambda c: abs(contributions[c]))


def _break_even(name: str, key: str) -> float:
    value = break_even(course_lab(), _reading(name), key)
    assert value is not None, f"no break-even for {key} in {name}: the question needs another key"
    return value


def _share_rational(name: str) -> float:
    return float((monte_carlo(course_lab(), _reading(name), spread=0.5, seed=0) > 0).mean())


QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex03_reasoning.q1": lambda a: check_number(
        a,
        course_lab().margin(_reading("author")),
        0.01,
        "lab.margin(author): the value of buying minus the best alternative",
    ),
    "ex03_reasoning.q2": lambda a: check_choice(
        a,
        course_lab().verdict(_reading("ankara")).best,
        OPTIONS,
        "lab.values(ankara) gives each option's value; which is highest?",
    ),
    "ex03_reasoning.q3": lambda a: check_choice(
        a,
        _largest_contribution(),
        tuple(course_lab().consequences),
        "lab.contributions(author)['buy_s400']: compare sizes, whatever their sign",
    ),
    "ex03_reasoning.q4": lambda a: check_number(
        a,
        _break_even("ankara", "magnitude.defence_industry"),
        0.05,
        "break_even(lab, ankara, 'magnitude.defence_industry')",
        0,
        10,
    ),
    "ex03_reasoning.q5": lambda a: check_number(
        a,
        _share_rational("ankara"),
        0.0005,
        "(monte_carlo(lab, ankara, spread=0.5, seed=0) > 0).mean()",
        0,
        1,
    ),
    "ex03_reasoning.q6": lambda a: check_number(
        a,
        split(course_lab(), _reading("ankara"), _reading("author")).ledger,
        0.01,
        "split(lab, ankara, author) returns the total, the ledger's part and the sizes' part",
        -40,
        40,
    ),
}
