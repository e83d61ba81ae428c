"""s400.forecasting with answers worked out by hand in the comments."""

import pytest

from s400.data import load
from s400.forecasting import (
    brier_score,
    calibration_table,
    comparison_text,
    implied_probability,
    outcome,
    score,
)

DATA = load()


def test_brier_score_of_known_vectors():
    # (1-1)² + (0-0)² + (0.5-1)² = 0.25, over 3
    assert brier_score([1.0, 0.0, 0.5], [1.0, 0.0, 1.0]) == pytest.approx(0.25 / 3)
    # (0.7-1)² + (0.2-0)² = 0.09 + 0.04 = 0.13, over 2
    assert brier_score([0.7, 0.2], [1.0, 0.0]) == pytest.approx(0.065)
    # always 50 %: 0.25 whatever happens
    assert brier_score([0.5] * 4, [1.0, 0.0, 0.0, 1.0]) == pytest.approx(0.25)


def test_brier_score_refuses_mismatched_or_empty_input():
    with pytest.raises(ValueError, match="equally many"):
        brier_score([0.5], [1.0, 0.0])
    with pytest.raises(ValueError, match="at least one"):
        brier_score([], [])


def test_calibration_table_by_hand():
    rows = calibration_table([0.1, 0.3, 0.35, 0.9, 1.0], [0.0, 1.0, 0.0, 1.0, 1.0])
    assert [r["bin"] for r in rows] == ["0.0–0.2", "0.2–0.4", "0.4–0.6", "0.6–0.8", "0.8–1.0"]
    assert [r["count"] for r in rows] == [1, 2, 0, 0, 2]
    # bin 0.2–0.4: forecasts 0.3 and 0.35 (mean 0.325), one of two came true
    assert rows[1]["mean forecast"] == pytest.approx(0.325) and rows[1][
        "observed"
    ] == pytest.approx(0.5)
    # bin 0.8–1.0 includes 1.0 itself: mean (0.9 + 1.0) / 2
    assert rows[4]["mean forecast"] == pytest.approx(0.95) and rows[4]["observed"] == pytest.approx(
        1.0
    )
    assert rows[2]["mean forecast"] is None and rows[2]["observed"] is None


def test_a_bin_edge_belongs_to_the_upper_bin():
    rows = calibration_table([0.2], [1.0])
    assert [r["count"] for r in rows] == [0, 1, 0, 0, 0]


def test_outcomes_of_verdicts():
    assert [outcome(v) for v in ("true", "false", "partly", "untested")] == [1.0, 0.0, 0.5, None]
    assert outcome("partly", partly=None) is None


def test_the_authors_implied_probability_follows_the_hedge_rule():
    # PR01 rests on C08 (moderate) -> 0.6; PR04 on C13-C15 (all strong) -> 0.8;
    # PR08 joins NATO's reported belief C19 (not the author's forecast) and C20 (strong) -> 0.8;
    # PR11 joins C24, C25 (strong) and C26 (weak) -> the weakest, 0.4.
    got = {
        pid: implied_probability(DATA.predictions[pid], DATA)
        for pid in ("PR01", "PR04", "PR08", "PR11")
    }
    assert got == {"PR01": 0.6, "PR04": 0.8, "PR08": 0.8, "PR11": 0.4}


def test_the_authors_brier_score_both_ways_of_scoring_partly():
    author = {pid: implied_probability(p, DATA) for pid, p in DATA.predictions.items()}
    # partly = 0.5: true PR01 (0.6): 0.16, PR04 (0.8): 0.04;
    # partly PR02, PR03, PR05 (0.6): 0.01 each, PR08, PR09 (0.8): 0.09 each, PR11 (0.4): 0.01;
    # PR06, PR07, PR10 untested (a contested condition), left out. Sum 0.42 over 8.
    half = score(author, DATA.predictions)
    assert half.left_out == ("PR06", "PR07", "PR10") and half.brier == pytest.approx(0.0525)
    # partly left out: 0.16 + 0.04 = 0.2 over 2
    out = score(author, DATA.predictions, partly=None)
    assert out.ids == ("PR01", "PR04") and out.brier == pytest.approx(0.1)


def test_comparison_text_names_what_was_left_out():
    author = score({"PR01": 0.6, "PR02": 0.6}, DATA.predictions)
    yours = score({"PR01": 1.0, "PR02": 0.5, "PR10": 0.3}, DATA.predictions)
    # yours: 0 + 0 = 0; the author: (0.16 + 0.01) / 2 = 0.085; always 50 %: (0.25 + 0) / 2
    assert comparison_text(yours, author) == (
        "Your Brier score: 0.000 on 2 predictions (left out: PR10). "
        "The author: 0.085. Always 50%: 0.125."
    )
