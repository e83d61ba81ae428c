"""The widgets of notebooks 06 and 07, driven from Python as a browser would drive them."""

import math

import pytest

from s400.data import load
from s400.readouts import CELL
from s400.widgets import ForecastQuiz, LeverageMap

NEXT_CELL = f"</td><td style='{CELL}'>"

DATA = load()


def test_the_quiz_hides_outcomes_until_revealed_and_scores_partly_both_ways():
    quiz = ForecastQuiz(DATA)
    assert quiz.result.value.startswith("Outcomes hidden")
    assert all(label.value == "" for label in quiz.outcomes.values())
    for pid in quiz.sliders:
        quiz.sliders[pid].value = 1.0
    quiz.reveal.click()
    assert quiz.outcomes["PR06"].value == "<b>untested</b>"
    # all at 1: PR01, PR04 score 0; six partly verdicts 0.25 each -> 1.5 / 8;
    # PR06, PR07 and PR10 have a contested condition and do not score
    assert quiz.result.value.startswith(
        "<b>Your Brier score: 0.188 on 8 predictions (left out: PR06, PR07, PR10)."
    )
    assert "The author: 0.052." in quiz.result.value  # 0.42 / 8, see test_forecasting.py
    quiz.partly.value = "leave out"
    # 0 + 0 over 2; the author (0.16 + 0.04) / 2
    assert quiz.result.value.startswith("<b>Your Brier score: 0.000 on 2 predictions")
    assert "The author: 0.100." in quiz.result.value


def test_the_leverage_map_follows_clamps_and_weights():
    app = LeverageMap(DATA)
    assert (
        f"Russia's leverage over Turkey{NEXT_CELL}{math.tanh(0.8 + 0.8 * math.tanh(0.8)):+.2f}"
        in app.result.value
    )
    app.clamps["nato_trust"].value = True
    assert f"Russia's leverage over Turkey{NEXT_CELL}+0.00" in app.result.value
    app.weights[("nato_trust", "russian_leverage")].value = 0.0
    # only E10 is left: tanh(0.8)
    assert f"Russia's leverage over Turkey{NEXT_CELL}{math.tanh(0.8):+.2f}" in app.result.value
    assert app.result.value.startswith("<b>Settled: a fixed point after")


def test_releasing_the_purchase_leaves_nothing_to_move():
    app = LeverageMap(DATA)
    app.clamps["buy_s400"].value = False
    # Nothing is held and every concept starts at 0, so each step gives tanh(W^T 0) = 0.
    assert set(app.run().final.values()) == {0.0}
    assert app.result.value.count("+0.00") == len(LeverageMap.SHOWN)


@pytest.mark.parametrize("name", ["s400_active", "nato_trust"])
def test_holding_a_concept_fixes_it_and_moves_the_settled_state(name):
    app = LeverageMap(DATA)
    before = app.run().final
    app.clamps[name].value = True
    after = app.run().final
    assert before[name] != 1.0 and after[name] == 1.0
    assert any(after[k] != before[k] for k in after if k != name)  # it drives something else
