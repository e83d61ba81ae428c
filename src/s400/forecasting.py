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

from s400.data import Dataset, Prediction

#: The hedge rule of data/README.md: how strongly the op-ed commits, read as a probability.
HEDGE_PROBABILITY = {"strong": 0.8, "moderate": 0.6, "weak": 0.4}
#: Verdicts that resolve a prediction; "untested" (a contested condition) never scores.
OUTCOME = {"true": 1.0, "false": 0.0}
#: Bin edges of the calibration table: five bins of width 0.2, the last one closed.
CALIBRATION_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def outcome(verdict: str, partly: float | None = 0.5) -> float | None:
    """The outcome a verdict scores as, or None when it does not score.

    >>> outcome("true"), outcome("partly"), outcome("partly", partly=None), outcome("untested")
    (1.0, 0.5, None, None)
    """
    if verdict == "partly":
        return partly
    return OUTCOME.get(verdict)


def brier_score(probabilities: Sequence[float], outcomes: Sequence[float]) -> float:
    """The mean squared gap between forecasts and outcomes.

    >>> brier_score([0.8, 0.6], [1.0, 0.0])
    0.2
    """
    if len(probabilities) != len(outcomes) or not probabilities:
        raise ValueError(
            f"need equally many forecasts and outcomes, at least one; "
            f"got {len(probabilities)} and {len(outcomes)}"
        )
    return round(sum((p - o) ** 2 for p, o in zip(probabilities, outcomes)) / len(outcomes), 12)


def implied_probability(prediction: Prediction, data: Dataset) -> float:
    """The author's implied probability for a prediction: the weakest hedge of his own claims in it.

    >>> from s400.data import load
    >>> data = load()
    >>> implied_probability(data.predictions["PR01"], data), implied_probability(data.predictions["PR11"], data)
    (0.6, 0.4)
    """
    hedges = [data.claims[c].hedge for c in prediction.claims if data.claims[c].speaker == "author"]
    return min(HEDGE_PROBABILITY[h] for h in hedges)


@dataclass(frozen=True)
class Scored:
    """Forecasts paired with the outcomes they score against; unscored predictions are listed apart."""

    ids: tuple[str, ...]
    probabilities: tuple[float, ...]
    outcomes: tuple[float, ...]
    left_out: tuple[str, ...]

    @property
    def brier(self) -> float:
        return brier_score(self.probabilities, self.outcomes)


def score(
    forecasts: Mapping[str, float],
    predictions: Mapping[str, Prediction],
    partly: float | None = 0.5,
) -> Scored:
    """Pair each forecast with its prediction's outcome, leaving out those that do not score.

    >>> from s400.data import load
    >>> predictions = load().predictions
    >>> s = score({"PR01": 0.9, "PR02": 0.2, "PR10": 0.5}, predictions)  # true, partly, untested
    >>> s.outcomes, s.left_out, s.brier  # ((0.9 - 1) ** 2 + (0.2 - 0.5) ** 2) / 2
    ((1.0, 0.5), ('PR10',), 0.05)
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

    >>> calibration_table([0.1, 0.7, 0.75], [0.0, 1.0, 0.0], edges=(0.0, 0.5, 1.0))
    [{'bin': '0.0–0.5', 'count': 1, 'mean forecast': 0.1, 'observed': 0.0}, \
{'bin': '0.5–1.0', 'count': 2, 'mean forecast': 0.725, 'observed': 0.5}]
    """
    rows = []
    for i, (low, high) in enumerate(zip(edges, edges[1:])):
        last = i == len(edges) - 2
        inside = [
            (p, o)
            for p, o in zip(probabilities, outcomes)
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

    >>> a = Scored(("PR01",), (0.6,), (1.0,), ())
    >>> comparison_text(Scored(("PR01",), (0.9,), (1.0,), ("PR10",)), a)
    'Your Brier score: 0.010 on 1 predictions (left out: PR10). The author: 0.160. Always 50%: 0.250.'
    """
    left_out = f" (left out: {', '.join(yours.left_out)})" if yours.left_out else ""
    coin = brier_score([0.5] * len(yours.outcomes), yours.outcomes)
    return (
        f"Your Brier score: {yours.brier:.3f} on {len(yours.outcomes)} predictions{left_out}. "
        f"The author: {author.brier:.3f}. Always 50%: {coin:.3f}."
    )
