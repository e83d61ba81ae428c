"""Exercise 7: the op-ed's predictions scored as forecasts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from s400.checks import Feedback, check_ids, check_number
from s400.forecasting import (
    HEDGE_PROBABILITY,
    calibration_table,
    implied_probability,
    outcome,
    score,
)
from s400.questions.course import course_data

#: The hypothetical reader whose forecasts the exercise scores (its setup cell shows them).
READER = {
    "PR01": 0.7,
    "PR02": 0.65,
    "PR03": 0.45,
    "PR04": 0.85,
    "PR05": 0.3,
    "PR06": 0.55,
    "PR07": 0.35,
    "PR08": 0.65,
    "PR09": 0.7,
    "PR10": 0.5,
    "PR11": 0.25,
}


def _author(moderate: float = HEDGE_PROBABILITY["moderate"]) -> dict[str, float]:
    """The author's implied probabilities, with "moderate" hedges read as ``moderate``."""
    rule = {**HEDGE_PROBABILITY, "moderate": moderate}
    level = {p: hedge for hedge, p in HEDGE_PROBABILITY.items()}
    return {
        pid: rule[level[implied_probability(p, course_data())]]
        for pid, p in course_data().predictions.items()
    }


def _most_likely_by_the_author() -> set[str]:
    author = _author()
    return {pid for pid, p in author.items() if p == max(author.values())}


def _reader_bin_observed(label: str = "0.6–0.8") -> float:
    """The share of the reader's scored forecasts in one calibration bin that came true."""
    scored = score(READER, course_data().predictions)
    rows = calibration_table(scored.probabilities, scored.outcomes)
    return float(next(r["observed"] for r in rows if r["bin"] == label))  # type: ignore[arg-type]


QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex07_reality_check.q1": lambda a: check_ids(
        a,
        {
            pid
            for pid, p in course_data().predictions.items()
            if outcome(p.verdict, partly=None) is not None
        },
        "keep the predictions whose verdict is plainly true or false",
    ),
    "ex07_reality_check.q2": lambda a: check_ids(
        a,
        _most_likely_by_the_author(),
        "take the weakest hedge among the author's own claims of each prediction, then the "
        "highest of those",
    ),
    "ex07_reality_check.q3": lambda a: check_number(
        a,
        score(READER, course_data().predictions).brier,
        0.0005,
        "pair each scored forecast with its outcome (partly 0.5; the untested PR06, PR07 and PR10 "
        "left out), square the gaps, take the mean",
        0,
        1,
    ),
    "ex07_reality_check.q4": lambda a: check_number(
        a,
        score(_author(moderate=0.7), course_data().predictions).brier,
        0.0005,
        "read 'moderate' as 0.7, take the weakest hedge per prediction, then score as in "
        "question 3",
        0,
        1,
    ),
    "ex07_reality_check.q5": lambda a: check_number(
        a,
        _reader_bin_observed(),
        0.005,
        "keep the scored forecasts with 0.6 <= p < 0.8 and average their outcomes",
        0,
        1,
    ),
}
