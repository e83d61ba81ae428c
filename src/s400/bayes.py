"""Weighing evidence: Bayesian updating between two readings, and judging conditional predictions.

Two rival readings of the purchase, H ("a bargaining chip") and not-H ("a realignment"), each give
every observed move a chance. Bayes' rule turns a prior belief in H into a posterior, one move at a
time; in odds form, each move multiplies the odds by its likelihood ratio P(move | H) / P(move | not-H).
The chances are judgements, not data: the module stores defaults and students move them.
Treating the moves one after another assumes that, given the reading, they are independent.
"""

from __future__ import annotations

from collections.abc import Sequence


def update(prior: float, p_if_h: float, p_if_not: float) -> float:
    """Bayes' rule for one observation: P(H | move) from P(H), P(move | H) and P(move | not-H).

    >>> update(0.5, 0.4, 0.8)  # 0.5*0.4 / (0.5*0.4 + 0.5*0.8) = 0.2 / 0.6
    0.3333333333333333
    """
    if not 0 <= prior <= 1:
        raise ValueError(f"a prior is a probability between 0 and 1, got {prior}")
    joint_h, joint_not = prior * p_if_h, (1 - prior) * p_if_not
    if joint_h + joint_not == 0:
        raise ValueError(
            "the move is impossible under both readings: at least one chance must be above 0"
        )
    return joint_h / (joint_h + joint_not)


def posterior_path(prior: float, likelihoods: Sequence[tuple[float, float]]) -> list[float]:
    """The posterior of H after each observation in turn; ``likelihoods`` holds (P(move | H), P(move | not-H)).

    >>> [round(p, 3) for p in posterior_path(0.5, [(0.4, 0.8), (0.5, 0.25)])]
    [0.333, 0.5]
    """
    path, belief = [], prior
    for p_if_h, p_if_not in likelihoods:
        belief = update(belief, p_if_h, p_if_not)
        path.append(belief)
    return path


def likelihood_ratio(p_if_h: float, p_if_not: float) -> float:
    """How many times likelier a move is under H than under not-H (1: the move tells nothing).

    >>> likelihood_ratio(0.5, 0.25)
    2.0
    """
    return p_if_h / p_if_not


def judge_conditional(antecedent: bool | None, consequent: bool | None) -> str:
    """The verdict on "if A, then C" given whether A and C held (None: not known or contested).

    A prediction whose condition never held is not refuted, only untested; when the condition is in
    dispute, so is the test.

    >>> [judge_conditional(a, c) for a, c in [(True, True), (True, False), (False, False), (None, False)]]
    ['held', 'failed', 'untested', 'depends on the condition']
    """
    if antecedent is None:
        return "depends on the condition"
    if not antecedent:
        return "untested"
    if consequent is None:
        return "open"
    return "held" if consequent else "failed"
