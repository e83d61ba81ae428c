"""The verdict: which option is best by a scenario's numbers, and by how much, in plain words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from s400.reasoning.model import Lab

OPTIONS = ("buy_s400", "take_patriot", "buy_neither")
DECISION = "buy_s400"  # the option the op-ed judges


@dataclass(frozen=True)
class Verdict:
    """The best option by a scenario's numbers; ``rational`` when that is buying the S-400.

    Parameters
    ----------
    best : str
        The option with the highest expected value (one of ``OPTIONS``).
    values : dict of str to float
        Every option's expected value, in $bn-equivalent.
    margin : float
        The purchase's value minus the best alternative's (see :func:`margin_of`).

    Examples
    --------
    >>> values = {"buy_s400": -2.5, "take_patriot": -3.5, "buy_neither": 0.0}
    >>> v = Verdict("buy_neither", values, -2.5)
    >>> v.best, v.rational  # -2.5 - max(-3.5, 0) = -2.5: buying loses
    ('buy_neither', False)
    """

    best: str
    values: dict[str, float]
    margin: float

    @property
    def rational(self) -> bool:
        """Whether buying the S-400 is the best option by a positive margin.

        Examples
        --------
        A tie at the top is not a reason to buy: the margin must be above 0.

        >>> values = {"buy_s400": 1.0, "take_patriot": 0.5, "buy_neither": 0.0}
        >>> Verdict("buy_s400", values, 0.5).rational, Verdict("buy_s400", values, 0.0).rational
        (True, False)
        """
        return self.best == DECISION and self.margin > 0


def margin_of(values: Mapping[str, float]) -> float:
    """The purchase's value minus the best alternative's.

    Parameters
    ----------
    values : mapping
        The expected value of each option in ``OPTIONS`` (numbers, or arrays of draws).

    Returns
    -------
    float
        Positive when buying the S-400 beats both alternatives (an array for arrays).

    Examples
    --------
    >>> values = {"buy_s400": 1.0, "take_patriot": 3.0, "buy_neither": 0.0}
    >>> float(margin_of(values))  # 1 - max(3, 0)
    -2.0
    >>> margin_of({**values, "buy_s400": np.array([2.0, 4.0])}).tolist()  # [2 - 3, 4 - 3]
    [-1.0, 1.0]
    """
    return values[DECISION] - reduce(np.maximum, (values[o] for o in OPTIONS if o != DECISION))


def verdict_text(lab: Lab, verdict: Verdict) -> str:
    """The verdict in one plain sentence, always relative to the numbers that produced it.

    Parameters
    ----------
    lab : Lab
        For the options' labels.
    verdict : Verdict
        As returned by :meth:`Lab.verdict`.

    Returns
    -------
    str
        One sentence that names the best option and the margin.

    Examples
    --------
    >>> from s400.reasoning import Lab
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> values = {"buy_s400": 1.25, "take_patriot": -1.0, "buy_neither": 0.0}
    >>> verdict_text(lab, Verdict("buy_s400", values, 1.25))
    'By these numbers buying the S-400 is the rational choice: it beats the next best option, \
Buy neither, by 1.25.'
    """
    best = lab.labels[verdict.best]
    if verdict.rational:
        runner_up = max((o for o in OPTIONS if o != DECISION), key=lambda o: verdict.values[o])
        return (
            "By these numbers buying the S-400 is the rational choice: it beats the next best "
            f"option, {lab.labels[runner_up]}, by {verdict.margin:.2f}."
        )
    return (
        f"By these numbers buying the S-400 is not the rational choice: {best} is better, "
        f"by {-verdict.margin:.2f}."
    )
