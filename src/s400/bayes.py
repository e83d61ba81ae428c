"""Weighing evidence: Bayesian updating between two readings, and judging conditional predictions.

Two rival readings of the purchase, H ("a bargaining chip") and not-H ("a realignment"), each give
every observed move a chance. Bayes' rule turns a prior belief in H into a posterior, one move at a
time; in odds form, each move multiplies the odds by its likelihood ratio
P(move | H) / P(move | not-H). The chances are judgements, not data: the module stores defaults
and students move them. Treating the moves one after another assumes that, given the reading,
they are independent.
"""

from __future__ import annotations

from collections.abc import Sequence


def update(prior: float, p_if_h: float, p_if_not: float) -> float:
    """Bayes' rule for one observation: P(H | move) from P(H), P(move | H) and P(move | not-H).

    Parameters
    ----------
    prior : float
        P(H) before the move, between 0 and 1.
    p_if_h : float
        P(move | H), the chance of the move if H is true.
    p_if_not : float
        P(move | not-H), the chance of the move if H is false.

    Returns
    -------
    float
        P(H | move), the belief in H after the move.

    Raises
    ------
    ValueError
        If ``prior`` is not between 0 and 1, or if the move is impossible under both readings
        (both joint chances are 0).

    Examples
    --------
    >>> update(0.5, 0.4, 0.8)  # 0.5*0.4 / (0.5*0.4 + 0.5*0.8) = 0.2 / 0.6
    0.3333333333333333
    >>> update(0.2, 1.0, 0.0)  # the move rules out not-H: 0.2 / (0.2 + 0)
    1.0
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
    """The posterior of H after each observation in turn, each posterior the next prior.

    Parameters
    ----------
    prior : float
        P(H) before the first move, between 0 and 1.
    likelihoods : sequence of (float, float)
        One pair per move, in order: (P(move | H), P(move | not-H)).

    Returns
    -------
    list of float
        P(H) after the first move, after the first two, and so on (as long as ``likelihoods``).

    Raises
    ------
    ValueError
        As :func:`update`: a prior outside [0, 1], or a move impossible under both readings.

    Examples
    --------
    First 0.2 / 0.6 = 1/3 as in :func:`update`; then (1/3 x 0.5) / (1/3 x 0.5 + 2/3 x 0.25)
    = (1/6) / (1/6 + 1/6) = 0.5.

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

    Parameters
    ----------
    p_if_h : float
        P(move | H).
    p_if_not : float
        P(move | not-H); must not be 0.

    Returns
    -------
    float
        P(move | H) / P(move | not-H): the factor the move multiplies the odds on H by.

    Raises
    ------
    ZeroDivisionError
        If ``p_if_not`` is 0 (the move proves H; the ratio is unbounded).

    Examples
    --------
    >>> likelihood_ratio(0.5, 0.25)  # 0.5 / 0.25
    2.0
    >>> likelihood_ratio(0.3, 0.6)  # 0.3 / 0.6: the move halves the odds on H
    0.5
    """
    return p_if_h / p_if_not


def judge_conditional(antecedent: bool | None, consequent: bool | None) -> str:
    """The verdict on "if A, then C" given whether A and C held (None: not known or contested).

    A prediction whose condition never held is not refuted, only untested; when the condition is in
    dispute, so is the test.

    Parameters
    ----------
    antecedent : bool or None
        Whether the condition A held; None when that is not known or contested.
    consequent : bool or None
        Whether the predicted C held; None when that is not known or contested.

    Returns
    -------
    str
        "held" (A and C), "failed" (A, not C), "untested" (not A), "open" (A, C unknown) or
        "depends on the condition" (A unknown).

    Examples
    --------
    >>> pairs = [(True, True), (True, False), (False, False), (None, False), (True, None)]
    >>> [judge_conditional(a, c) for a, c in pairs]
    ['held', 'failed', 'untested', 'depends on the condition', 'open']
    """
    if antecedent is None:
        return "depends on the condition"
    if not antecedent:
        return "untested"
    if consequent is None:
        return "open"
    return "held" if consequent else "failed"
