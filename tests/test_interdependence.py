"""s400.interdependence on made-up numbers (worked out in the comments) and on the data."""

import pytest

from s400.data import load
from s400.interdependence import (
    Dependence,
    asymmetry_index,
    dependence_asymmetry,
    dependences,
    vulnerability,
    with_judgement,
)


def test_vulnerability_is_what_remains_after_substitution():
    assert vulnerability(0.5, 0.2) == pytest.approx(0.4)
    assert vulnerability(0.5, 1.0) == 0.0


def test_asymmetry_index_on_made_up_numbers():
    assert asymmetry_index([0.6], [0.2]) == pytest.approx(0.5)  # (0.6 - 0.2) / 0.8
    assert asymmetry_index([0.2], [0.6]) == pytest.approx(-0.5)  # the partner depends more
    assert asymmetry_index([0.5, 0.0], [0.0, 0.5]) == 0.0  # even
    assert asymmetry_index([0.4, 0.0], [0.0, 0.0]) == 1.0  # only one side depends
    assert asymmetry_index([0.0], [0.0]) == 0.0  # no ties at all
    # weights 2 and 1: D_own = 2*0.3 + 0.1 = 0.7, D_partner = 2*0.1 + 0.4 = 0.6 -> 0.1 / 1.3
    assert asymmetry_index([0.3, 0.1], [0.1, 0.4], [2.0, 1.0]) == pytest.approx(0.1 / 1.3)


def test_asymmetry_index_needs_one_value_per_channel():
    with pytest.raises(ValueError, match="one value per channel"):
        asymmetry_index([0.1, 0.2], [0.1])


def test_sensitivity_and_vulnerability_asymmetry_on_made_up_channels():
    toy = [Dependence("x", 0.6, "", 0.5, 0.2, 0.0, ""), Dependence("y", 0.2, "", 0.0, 0.2, 0.5, "")]
    # sensitivity: Turkey 0.8, Russia 0.4 -> 0.4 / 1.2
    # vulnerability: Turkey 0.3 + 0.2 = 0.5, Russia 0.2 + 0.1 = 0.3 -> 0.2 / 0.8
    assert dependence_asymmetry(toy) == pytest.approx({"sensitivity": 1 / 3, "vulnerability": 0.25})


def test_channels_read_turkeys_exposures_from_the_figures():
    chans = {c.name: c for c in dependences(load())}
    assert chans["gas"].turkey_exposure == pytest.approx(0.4227)  # 42.27 %
    assert chans["TurkStream"].turkey_exposure == pytest.approx(0.624)  # 31.5 / 50.48 = 0.62401
    assert chans["tourism"].turkey_exposure == pytest.approx(0.128)
    assert chans["trade"].turkey_exposure is None  # no total trade in the sources, so no share


def test_the_default_index_values():
    # sensitivity: Turkey 0.4227 + 0.1 + 0.624 + 0.128 = 1.2747; Russia 0.2 + 0.2 + 0.3 + 0.1 = 0.8
    # vulnerability: Turkey 0.21135 + 0.08 + 0.312 + 0.0896 = 0.69295;
    #                Russia 0.14 + 0.18 + 0.24 + 0.05 = 0.61
    got = dependence_asymmetry(dependences(load()))
    assert got["sensitivity"] == pytest.approx(0.4747 / 2.0747, abs=1e-4)
    assert got["vulnerability"] == pytest.approx(0.08295 / 1.30295, abs=1e-4)


def test_changing_a_judgement_changes_only_that_channel():
    chans = dependences(load())
    changed = with_judgement(chans, "TurkStream", weight=0.0)
    assert [c.weight for c in changed] == [1.0, 1.0, 0.0, 1.0, 1.0]
    assert chans[2].weight == 1.0  # the original is untouched
    with pytest.raises(KeyError, match="no channel named 'oil'"):
        with_judgement(chans, "oil", weight=0.0)
