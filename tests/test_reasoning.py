"""The cost-benefit lab: hand-computed cases, invariants (hypothesis) and scenario files."""

import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s400.data import load
from s400.reasoning import PRESETS, Lab, ScenarioError
from s400.reasoning.scenarios import from_json, preset, scenario_dir, to_json, validate
from s400.reasoning.sensitivity import beliefs_to_overturn, break_even, monte_carlo, tornado

LAB = Lab(load())
KEYS = list(LAB.parameters)


def only(**values: float) -> dict[str, float]:
    """The default scenario (network weights, probabilities 1, no discount, magnitudes 0) with
    some keys set."""
    return {**LAB.default(), **{k.replace("__", "."): v for k, v in values.items()}}


def test_one_route_by_hand():
    # buy -> F-35 place (E04: -1 x 0.9); a value of 10 gives -9, minus the $2.5bn price
    values = LAB.values(only(magnitude__f35_place=10.0))
    assert values == pytest.approx({"buy_s400": -9 - 2.5, "take_patriot": -3.5, "buy_neither": 0})


def test_the_activation_branch_by_hand():
    # buy -> activated (E01 0.5) -> air defence (E02 0.5): 0.25 x value x P(activated);
    # patriot -> air defence (E26 0.5): 0.5 x value
    s = only(magnitude__air_defence=10.0, probability__s400_active=0.4)
    assert LAB.contributions(s)["buy_s400"]["air_defence"] == pytest.approx(0.25 * 10 * 0.4)
    assert LAB.contributions(s)["take_patriot"]["air_defence"] == pytest.approx(0.5 * 10)


def test_discounting_by_hand():
    # CAATSA came on 14 Dec 2020, 521 days after the first delivery on 12 Jul 2019
    s = only(magnitude__us_sanctions=-4.0, discount_rate=0.1)
    expected = 0.9 * -4 * 1.1 ** -(521 / 365.25)
    assert LAB.contributions(s)["buy_s400"]["us_sanctions"] == pytest.approx(expected)
    assert expected == pytest.approx(-3.1424, abs=1e-4)


def test_a_consequence_is_counted_once_at_the_first_value_it_reaches():
    # US relations also moves the economy (E17), but that route is inside the value of US relations
    s = only(magnitude__economy=1.0)
    assert LAB.contributions(s)["buy_s400"]["economy"] == pytest.approx(-0.6)  # E07 alone


def test_break_even_by_hand():
    # patriot gives no air defence (E26 = 0); buying wins once 0.25 x value > price 2.5: value 10
    s = only(magnitude__air_defence=4.0, weight__E26=0.0)
    assert break_even(LAB, s, "magnitude.air_defence") == pytest.approx(10.0, abs=1e-6)


def test_break_even_finds_the_crossing_nearest_the_current_value():
    # buy: 0.25x - 2.5; patriot: 0.5x - 3.5 (E26 at 0.5); neither: 0.
    # Buy never wins: the margin is < 0 all along.
    assert break_even(LAB, only(magnitude__air_defence=5.0), "magnitude.air_defence") is None


def test_verdicts_of_the_presets_have_the_shape_the_notes_describe():
    author, ankara = preset(LAB, "author"), preset(LAB, "ankara")
    sceptic = preset(LAB, "sceptic")
    for key in KEYS:  # the sceptic sits between the two readings, parameter by parameter
        assert min(author[key], ankara[key]) <= sceptic[key] <= max(author[key], ankara[key])
    assert LAB.margin(author) < LAB.margin(sceptic) < LAB.margin(ankara)
    assert sorted(p.stem for p in scenario_dir().glob("*.json")) == sorted(PRESETS)


scenarios = st.fixed_dictionaries(
    {k: st.floats(p.low, p.high, allow_nan=False) for k, p in LAB.parameters.items()}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenarios, st.sampled_from([k for k in KEYS if k.startswith("magnitude.")]), st.floats(0.01, 5)
)
def test_raising_a_benefit_never_lowers_the_purchase_value(s, key, step):
    c = key.split(".", 1)[1]
    gain = (
        LAB.contributions({**s, key: 1.0})["buy_s400"][c]
        - LAB.contributions({**s, key: 0.0})["buy_s400"][c]
    )
    raised = {**s, key: s[key] + step}
    if gain >= 0:  # more of this consequence is a benefit of buying, so valuing it more cannot hurt
        assert LAB.values(raised)["buy_s400"] >= LAB.values(s)["buy_s400"] - 1e-9
    else:
        assert LAB.values(raised)["buy_s400"] <= LAB.values(s)["buy_s400"] + 1e-9


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios, st.sampled_from(KEYS))
def test_a_break_even_value_really_flips_the_verdict(s, key):
    value = break_even(LAB, s, key)
    if value is None:
        return
    p = LAB.parameters[key]
    eps = 1e-4 * (p.high - p.low)
    below = LAB.margin({**s, key: max(p.low, value - eps)}) > 0
    above = LAB.margin({**s, key: min(p.high, value + eps)}) > 0
    assert below != above


def test_monte_carlo_is_reproducible_under_a_seed():
    s = preset(LAB, "sceptic")
    first, again = (
        monte_carlo(LAB, s, spread=1.0, draws=5000, seed=7),
        monte_carlo(LAB, s, spread=1.0, draws=5000, seed=7),
    )
    assert np.array_equal(first, again)
    assert not np.array_equal(first, monte_carlo(LAB, s, spread=1.0, draws=5000, seed=8))


def test_monte_carlo_with_no_spread_is_the_point_estimate():
    s = preset(LAB, "ankara")
    margins = monte_carlo(LAB, s, spread=0.0, draws=10)
    assert margins == pytest.approx([LAB.margin(s)] * 10)


def test_monte_carlo_agrees_with_the_scalar_model_draw_by_draw():
    s = preset(LAB, "sceptic")
    keys = ["magnitude.air_defence", "probability.s400_active"]
    margins = monte_carlo(LAB, s, spread=0.5, draws=3, seed=1, keys=keys)
    rng = np.random.default_rng(1)  # the same draws, in the same order
    draws = {}
    for key in keys:
        p = LAB.parameters[key]
        half = 0.5 * (p.high - p.low) / 2
        draws[key] = np.clip(rng.uniform(s[key] - half, s[key] + half, 3), p.low, p.high)
    for i in range(3):
        assert margins[i] == pytest.approx(LAB.margin({**s, **{k: v[i] for k, v in draws.items()}}))


def test_tornado_puts_the_widest_swing_first():
    rows = tornado(LAB, preset(LAB, "author"))
    swings = [r["swing"] for r in rows]
    assert swings == sorted(swings, reverse=True) and swings[0] > 0


def test_scenario_json_round_trip():
    s = preset(LAB, "ankara")
    name, back = from_json(LAB, to_json(LAB, "mine", s))
    assert name == "mine" and back == pytest.approx(s)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "not valid JSON"),
        ('{"format": "other"}', 'its "format" is not "s400-scenario"'),
        (
            '{"format": "s400-scenario", "version": 2, "values": {}}',
            "unsupported scenario version 2",
        ),
        ('{"format": "s400-scenario", "version": 1}', 'no "values" object'),
    ],
)
def test_malformed_scenario_files_say_what_is_wrong(text, message):
    with pytest.raises(ScenarioError, match=message):
        from_json(LAB, text)


def test_out_of_range_unknown_and_missing_values_are_all_listed():
    values = dict(preset(LAB, "author"))
    values["probability.s400_active"] = 1.5
    values["magnitude.economy"] = "high"
    values["magnitude.moon"] = 1
    del values["discount_rate"]
    text = json.dumps({"format": "s400-scenario", "version": 1, "name": "x", "values": values})
    with pytest.raises(ScenarioError) as caught:
        from_json(LAB, text)
    message = str(caught.value)
    for part in (
        "missing: discount_rate",
        "unknown parameter: magnitude.moon",
        "magnitude.economy: expected a number, got 'high'",
        "probability.s400_active: 1.5 is outside its range 0 to 1",
    ):
        assert part in message


def test_nan_and_booleans_are_not_numbers():
    for bad in (math.nan, True):
        with pytest.raises(ScenarioError, match="expected a number"):
            validate(LAB, {**preset(LAB, "author"), "discount_rate": bad})


def test_beliefs_to_overturn_really_overturn():
    for name in PRESETS:
        s = preset(LAB, name)
        changes = beliefs_to_overturn(LAB, s)
        assert changes, name
        changed = {**s, **{k: to for k, _, to in changes}}
        nudged = {
            **changed,
            changes[-1][0]: changes[-1][2] + 1e-6 * (1 if changes[-1][2] > changes[-1][1] else -1),
        }
        assert (LAB.margin(nudged) > 0) != (LAB.margin(s) > 0), name
        assert all(LAB.parameters[k].low <= to <= LAB.parameters[k].high for k, _, to in changes)


def test_beliefs_to_overturn_says_none_when_nothing_can():
    # only the price differs: with every value zero, buying (-2.5) can never beat buying neither (0)
    assert beliefs_to_overturn(LAB, LAB.default(), keys=["discount_rate"]) is None
