"""Scoring forecasts: the op-ed's predictions as probabilities, Brier scores and calibration.

Each row of ``predictions.csv`` is a dated, binary statement with a verdict. A forecaster gives
each a probability; the verdict gives the outcome (true 1, false 0). Two choices are the
module's, and the notebooks say so:

- **"partly" verdicts** score as ``partly`` (0.5 by default) or are left out (``partly=None``).
- **The author's implied probability** comes from the op-ed's hedging, by the rule in
  data/README.md: strong 0.8, moderate 0.6, weak 0.4. A prediction that joins several of the
  author's claims takes the weakest of them, since a conjunction is no likelier than its
  weakest part; claims the author only reports (hedge "none") are not his forecasts.

Brier (1950): BS = (1/N) Σ (p − o)², 0 is perfect and always saying 50 % scores 0.25.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from s400.data import Dataset, Prediction

#: The hedge rule of data/README.md: how strongly the op-ed commits, read as a probability.
HEDGE_PROBABILITY = {"strong": 0.8, "moderate": 0.6, "weak": 0.4}
#: Verdicts that resolve a prediction; "untested" (a contested condition) never scores.
OUTCOME = {"true": 1.0, "false": 0.0}
#: Bin edges of the calibration table: five bins of width 0.2, the last one closed.
CALIBRATION_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def outcome(verdict: str, partly: float | None = 0.5) -> float | None:
    """The outcome a verdict scores as, or None when it does not score.

    Parameters
    ----------
    verdict : str
        A verdict of ``predictions.csv``: "true", "false", "partly" or "untested".
    partly : float or None, default 0.5
        What a "partly" verdict scores as; None leaves such predictions out.

    Returns
    -------
    float or None
        1.0 for "true", 0.0 for "false", ``partly`` for "partly", None for anything else.

    Examples
    --------
    >>> outcome("true"), outcome("partly"), outcome("partly", partly=None), outcome("untested")
    (1.0, 0.5, None, None)
    >>> outcome("false"), outcome("partly", partly=0.25)
    (0.0, 0.25)
    """
    if verdict == "partly":
        return partly
    return OUTCOME.get(verdict)


def brier_score(probabilities: Sequence[float], outcomes: Sequence[float]) -> float:
    """The mean squared gap between forecasts and outcomes (Brier 1950), rounded to 12 places.

    Parameters
    ----------
    probabilities : sequence of float
        The forecasts, each between 0 and 1.
    outcomes : sequence of float
        The outcomes in the same order (1 true, 0 false, or a value between for "partly").

    Returns
    -------
    float
        (1/N) Σ (p − o)²: 0 is perfect, always saying 50 % scores 0.25, 1 is always wrong.

    Raises
    ------
    ValueError
        If the two sequences differ in length or are empty.

    Examples
    --------
    >>> brier_score([0.8, 0.6], [1.0, 0.0])  # (0.2² + 0.6²) / 2 = (0.04 + 0.36) / 2
    0.2
    >>> brier_score([0.5, 0.5, 0.5], [1.0, 0.0, 0.5])  # (0.25 + 0.25 + 0) / 3
    0.166666666667
    >>> brier_score([0.5], [])
    Traceback (most recent call last):
    ...
    ValueError: need equally many forecasts and outcomes, at least one; got 1 and 0
    """
    if len(probabilities) != len(outcomes) or not probabilities:
        raise ValueError(
            f"need equally many forecasts and outcomes, at least one; "
            f"got {len(probabilities)} and {len(outcomes)}"
        )
    return round(
        sum((p - o) ** 2 for p, o in zip(probabilities, outcomes, strict=True)) / len(outcomes), 12
    )


def implied_probability(prediction: Prediction, data: Dataset) -> float:
    """The author's implied probability for a prediction: the weakest hedge of his claims in it.

    Parameters
    ----------
    prediction : Prediction
        A row of ``predictions.csv``; its ``claims`` name the claims it joins.
    data : Dataset
        The loaded data package, for each claim's speaker and hedge.

    Returns
    -------
    float
        The smallest of ``HEDGE_PROBABILITY`` over the claims whose speaker is the author.

    Raises
    ------
    ValueError
        If none of the prediction's claims is the author's.

    Examples
    --------
    PR01 joins claim C08 only (hedge moderate: 0.6); PR11 joins C24 and C25 (strong) and C26
    (weak), and the weakest counts: 0.4 (predictions.csv and claims.csv).

    >>> from s400.data import load
    >>> data = load()
    >>> [implied_probability(data.predictions[p], data) for p in ("PR01", "PR11")]
    [0.6, 0.4]
    """
    hedges = [data.claims[c].hedge for c in prediction.claims if data.claims[c].speaker == "author"]
    return min(HEDGE_PROBABILITY[h] for h in hedges)


@dataclass(frozen=True)
class Scored:
    """Forecasts paired with the outcomes they score against; unscored predictions listed apart.

    Parameters
    ----------
    ids : tuple of str
        The prediction ids that score, in the forecasts' order.
    probabilities : tuple of float
        The forecast for each of ``ids``.
    outcomes : tuple of float
        The outcome of each of ``ids`` (see :func:`outcome`).
    left_out : tuple of str
        The prediction ids that were forecast but do not score.

    Examples
    --------
    >>> s = Scored(("PR01", "PR06"), (0.9, 0.2), (1.0, 0.0), ("PR10",))
    >>> s.brier  # (0.1² + 0.2²) / 2 = (0.01 + 0.04) / 2
    0.025
    """

    ids: tuple[str, ...]
    probabilities: tuple[float, ...]
    outcomes: tuple[float, ...]
    left_out: tuple[str, ...]

    @property
    def brier(self) -> float:
        """The Brier score of the scored forecasts (see :func:`brier_score`).

        Examples
        --------
        >>> Scored(("PR01",), (0.7,), (1.0,), ()).brier  # 0.3² = 0.09
        0.09
        """
        return brier_score(self.probabilities, self.outcomes)


def score(
    forecasts: Mapping[str, float],
    predictions: Mapping[str, Prediction],
    partly: float | None = 0.5,
) -> Scored:
    """Pair each forecast with its prediction's outcome, leaving out those that do not score.

    Parameters
    ----------
    forecasts : mapping of str to float
        A probability per prediction id.
    predictions : mapping of str to Prediction
        The predictions by id (``Dataset.predictions``), for their verdicts.
    partly : float or None, default 0.5
        What a "partly" verdict scores as; None leaves such predictions out.

    Returns
    -------
    Scored
        The forecasts that score, with their outcomes, and the ids left out.

    Raises
    ------
    KeyError
        If a forecast's id is not a prediction.

    Examples
    --------
    In predictions.csv PR01's verdict is true (1), PR02's partly (0.5) and PR10's untested (left
    out). Brier: ((0.9 − 1)² + (0.2 − 0.5)²) / 2 = (0.01 + 0.09) / 2 = 0.05.

    >>> from s400.data import load
    >>> predictions = load().predictions
    >>> s = score({"PR01": 0.9, "PR02": 0.2, "PR10": 0.5}, predictions)
    >>> s.outcomes, s.left_out, s.brier
    ((1.0, 0.5), ('PR10',), 0.05)
    >>> score({"PR02": 0.9}, predictions).outcomes, score({"PR02": 0.9}, predictions, None).ids
    ((0.5,), ())
    """
    pairs, left_out = [], []
    for pid, p in forecasts.items():
        o = outcome(predictions[pid].verdict, partly)
        if o is None:
            left_out.append(pid)
        else:
            pairs.append((pid, p, o))
    return Scored(
        tuple(i for i, _, _ in pairs),
        tuple(p for _, p, _ in pairs),
        tuple(o for _, _, o in pairs),
        tuple(left_out),
    )


def calibration_table(
    probabilities: Sequence[float],
    outcomes: Sequence[float],
    edges: Sequence[float] = CALIBRATION_EDGES,
) -> list[dict[str, object]]:
    """Per probability bin: how many forecasts fell in it, their mean, and the mean outcome.

    A well-calibrated forecaster's 70 % forecasts come true about 70 % of the time. Bins are
    half-open [low, high) except the last, which includes 1. Empty bins are kept, with None means.

    Parameters
    ----------
    probabilities : sequence of float
        The forecasts.
    outcomes : sequence of float
        The outcomes, in the same order.
    edges : sequence of float, default ``CALIBRATION_EDGES``
        The bin edges, increasing (five bins of width 0.2 by default).

    Returns
    -------
    list of dict
        One row per bin: "bin" (its label), "count", "mean forecast" and "observed" (the mean
        outcome), both means rounded to 4 places, or None for an empty bin.

    Examples
    --------
    0.1 falls in the first bin; 0.7 and 0.75 in the second: mean (0.7 + 0.75) / 2 = 0.725, one
    of two came true: 0.5.

    >>> calibration_table([0.1, 0.7, 0.75], [0.0, 1.0, 0.0], edges=(0.0, 0.5, 1.0))
    [{'bin': '0.0–0.5', 'count': 1, 'mean forecast': 0.1, 'observed': 0.0}, \
{'bin': '0.5–1.0', 'count': 2, 'mean forecast': 0.725, 'observed': 0.5}]

    1.0 counts in the last bin; nothing falls in the first.

    >>> first, last = calibration_table([1.0], [1.0], edges=(0.0, 0.5, 1.0))
    >>> first["count"], first["mean forecast"], last["count"]
    (0, None, 1)
    """
    rows = []
    for i, (low, high) in enumerate(pairwise(edges)):
        last = i == len(edges) - 2
        inside = [
            (p, o)
            for p, o in zip(probabilities, outcomes, strict=False)
            if low <= p < high or (last and p == high)
        ]
        rows.append(
            {
                "bin": f"{low:.1f}–{high:.1f}",
                "count": len(inside),
                "mean forecast": round(sum(p for p, _ in inside) / len(inside), 4)
                if inside
                else None,
                "observed": round(sum(o for _, o in inside) / len(inside), 4) if inside else None,
            }
        )
    return rows


def comparison_text(yours: Scored, author: Scored) -> str:
    """One line comparing a student's Brier score with the author's and with always saying 50 %.

    Parameters
    ----------
    yours : Scored
        The student's forecasts, scored.
    author : Scored
        The author's implied probabilities, scored.

    Returns
    -------
    str
        The three Brier scores to 3 places, the number of predictions scored and any left out.

    Raises
    ------
    ValueError
        If ``yours`` or ``author`` scores no prediction.

    Examples
    --------
    Yours (0.9 − 1)² = 0.01; the author's (0.6 − 1)² = 0.16; 50 %: (0.5 − 1)² = 0.25.

    >>> a = Scored(("PR01",), (0.6,), (1.0,), ())
    >>> comparison_text(Scored(("PR01",), (0.9,), (1.0,), ("PR10",)), a)
    'Your Brier score: 0.010 on 1 predictions (left out: PR10). The author: 0.160. \
Always 50%: 0.250.'
    """
    left_out = f" (left out: {', '.join(yours.left_out)})" if yours.left_out else ""
    coin = brier_score([0.5] * len(yours.outcomes), yours.outcomes)
    return (
        f"Your Brier score: {yours.brier:.3f} on {len(yours.outcomes)} predictions{left_out}. "
        f"The author: {author.brier:.3f}. Always 50%: {coin:.3f}."
    )
