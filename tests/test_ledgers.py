"""Whose ledger: the decomposition by hand, its invariants, and the presets' written rules."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s400.data import load
from s400.reasoning import OPTIONS, PRESETS, Lab
from s400.reasoning.ledgers import cross, ledger, ledger_table, on_ledger, size_keys, split
from s400.reasoning.scenarios import preset, preset_notes
from s400.reasoning.sensitivity import beliefs_to_overturn, favouring, monte_carlo

DATA = load()
LAB = Lab(DATA)


def only(**values: float) -> dict[str, float]:
    """The default scenario (network weights, chances 1, no discount, values 0) with some values."""
    return {**LAB.default(), **{f"magnitude.{k}": v for k, v in values.items()}}


def test_a_ledger_is_what_a_scenario_values():
    assert ledger(LAB, LAB.default()) == ()
    assert ledger(LAB, only(russian_leverage=-1.0, air_defence=2.0)) == (
        "air_defence",
        "russian_leverage",
    )


def test_size_keys_leave_out_only_the_values_not_counted():
    keys = size_keys(LAB, only(economy=1.0))
    assert "magnitude.economy" in keys and "magnitude.f35_place" not in keys
    assert {k for k in LAB.parameters if not k.startswith("magnitude.")} <= set(keys)


def test_on_ledger_borrows_only_what_the_numbers_do_not_size():
    a = {**only(f35_place=10.0, economy=2.0), "weight.E04": 0.3}
    b = only(f35_place=5.0, supply_independence=4.0)
    s = on_ledger(LAB, a, ledger(LAB, b), sizes_from=b)
    # counted by both: a's own size; counted only by b: b's size; counted only by a: dropped
    assert (s["magnitude.f35_place"], s["magnitude.supply_independence"]) == (10.0, 4.0)
    assert s["magnitude.economy"] == 0.0 and s["weight.E04"] == 0.3  # a's weights stay


def test_split_by_hand_when_ledger_and_sizes_both_differ():
    # a: F-35 place at 10 (E04: -0.9 -> -9); b: F-35 place at 5 and independence at 4 (E46: +2).
    # Buying costs 2.5; neither (0) is the best alternative throughout.
    a, b = only(f35_place=10.0), only(f35_place=5.0, supply_independence=4.0)
    m_aa, m_ab = -9 - 2.5, -9 + 2 - 2.5  # a's numbers on a's ledger, on b's (independence at 4)
    m_ba, m_bb = -4.5 - 2.5, -4.5 + 2 - 2.5  # b's numbers on a's ledger, on its own
    result = split(LAB, a, b)
    assert result.total == pytest.approx(m_aa - m_bb) == pytest.approx(-6.5)
    assert result.ledger == pytest.approx(((m_aa - m_ab) + (m_ba - m_bb)) / 2) == -2.0
    assert result.sizes == pytest.approx(((m_aa - m_ba) + (m_ab - m_bb)) / 2) == -4.5


scenarios = st.fixed_dictionaries(
    {k: st.floats(p.low, p.high, allow_nan=False) for k, p in LAB.parameters.items()}
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios, scenarios)
def test_the_split_adds_up_and_turns_over_with_its_arguments(a, b):
    forward, back = split(LAB, a, b), split(LAB, b, a)
    assert forward.ledger + forward.sizes == pytest.approx(forward.total, abs=1e-9)
    assert forward.total == pytest.approx(LAB.margin(a) - LAB.margin(b), abs=1e-9)
    assert (back.ledger, back.sizes) == pytest.approx((-forward.ledger, -forward.sizes), abs=1e-9)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios)
def test_a_reading_against_itself_splits_nothing_and_its_own_cell_is_its_verdict(s):
    assert split(LAB, s, s).total == 0.0
    (cell,) = cross(LAB, {"x": s})
    assert (cell.best, cell.margin) == (LAB.verdict(s).best, pytest.approx(LAB.margin(s)))


def test_the_ledger_table_lists_every_consequence_and_who_counts_it():
    readings = {name: preset(LAB, name) for name in ("author", "ankara")}
    rows = {r["consequence"]: r for r in ledger_table(LAB, readings)}
    assert len(rows) == len(LAB.consequences)
    assert rows["Russia's leverage over Turkey"]["counted by"] == "author"
    assert rows["Technology and co-production"]["counted by"] == "ankara"
    assert rows["Place in the F-35 programme"]["author"] == 9.0
    assert rows["Place in the F-35 programme"]["ankara"] == 1.4


# --- the presets follow their written rules, so none is tuned to reach a verdict --------------

GROUPS = {
    "magnitude": ("magnitudes", "harms", "ledger"),
    "probability": ("probabilities",),
    "weight": ("weights",),
    "discount_rate": (),
}


@pytest.mark.parametrize("name", ["author", "ankara"])
def test_every_number_a_preset_sets_has_a_note(name):
    scenario, notes = preset(LAB, name), preset_notes(name)
    unexplained = [
        key
        for key, value in scenario.items()
        if value != LAB.default()[key]
        and key not in notes
        and not any(group in notes for group in GROUPS[key.split(".")[0]])
    ]
    assert unexplained == []


#: How the ledger notes name the consequences a reading leaves out.
NAMES = {
    "economy": "the economy",
    "nato_trust": "allies' trust",
    "nato_standing": "a voice in NATO",
    "russian_leverage": "Russia's leverage",
    "supply_independence": "independence from allies' terms",
    "defence_industry": "technology and co-production",
}


@pytest.mark.parametrize("name", ["author", "ankara"])
def test_the_ledger_note_names_every_consequence_the_preset_leaves_out(name):
    text = preset_notes(name)["ledger"].split("Not counted")[1]
    left_out = set(LAB.consequences) - set(ledger(LAB, preset(LAB, name)))
    assert left_out and all(NAMES[c] in text for c in left_out)


def side(edge_id: str) -> str | None:
    """Whose claim an edge is: Ankara's, the author's, or nobody's (evidence, assumption, NATO)."""
    edge = next(e for e in DATA.edges if e.id == edge_id)
    if edge.basis == "ankara":
        return "Ankara"
    return DATA.claims[edge.claim].speaker if edge.claim else None


@pytest.mark.parametrize(
    "name, own, other", [("author", "author", "Ankara"), ("ankara", "Ankara", "author")]
)
def test_each_reading_weights_the_claims_by_the_same_rule(name, own, other):
    """Own side's claims by how firmly they are made (the op-ed's hedge coding, or 0.8 for Ankara's
    flat statements); the other side's as reported, not endorsed: 0.5, never above the network's
    weight; every other edge at the network's weight."""
    network = {e.id: e.weight for e in DATA.edges}
    scenario = preset(LAB, name)
    for key in (k for k in LAB.parameters if k.startswith("weight.")):
        edge = key.removeprefix("weight.")
        if side(edge) == other:
            expected = min(network[edge], 0.5)
        elif side(edge) == own and own == "Ankara":
            expected = 0.8
        else:
            expected = network[edge]
        assert scenario[key] == expected, key


def test_ankara_sizes_what_no_figure_sizes_as_the_author_does():
    author, ankara = preset(LAB, "author"), preset(LAB, "ankara")
    unsized = {c for c in ledger(LAB, ankara) if c != "f35_place"}
    assert (
        {abs(ankara[f"magnitude.{c}"]) for c in unsized} == {author["magnitude.economy"]} == {3.0}
    )
    assert ankara["magnitude.f35_place"] == DATA.figures["f35_payments"].high


def test_the_sceptic_counts_both_ledgers_and_splits_the_difference():
    author, ankara, sceptic = (preset(LAB, n) for n in ("author", "ankara", "sceptic"))
    both = set(ledger(LAB, author)) & set(ledger(LAB, ankara))
    assert set(ledger(LAB, sceptic)) == set(ledger(LAB, author)) | set(ledger(LAB, ankara))
    for key in LAB.parameters:
        c = key.removeprefix("magnitude.")
        if key.startswith("magnitude.") and c not in both:
            expected = author[key] or ankara[key]  # the one reading that counts it
        else:
            expected = (author[key] + ankara[key]) / 2
        assert sceptic[key] == pytest.approx(expected), key


# --- what the lab can and cannot reach ---------------------------------------------------------


@pytest.mark.parametrize("option", OPTIONS)
def test_every_verdict_can_be_reached_within_the_sliders(option):
    scenario = favouring(LAB, option)
    assert scenario is not None and LAB.verdict(scenario).best == option
    assert all(LAB.parameters[k].low <= v <= LAB.parameters[k].high for k, v in scenario.items())


def test_a_reachable_verdict_by_hand():
    # Only the two benefits Ankara states, at full value: buying 0.5 x 10 x 2 - 2.5 = 7.5 beats 0
    scenario = only(supply_independence=10.0, defence_industry=10.0)
    assert LAB.verdict(scenario).best == "buy_s400" and LAB.margin(scenario) == pytest.approx(7.5)


def test_favouring_refuses_an_unknown_option():
    with pytest.raises(ValueError, match="no option 'buy_f35'"):
        favouring(LAB, "buy_f35")


def test_the_monte_carlo_keeps_a_readings_ledger_unless_told_otherwise():
    # Nothing valued: every world keeps the ledger empty, so buying always costs its price
    assert set(monte_carlo(LAB, LAB.default(), spread=1.0, draws=200).tolist()) == {-2.5}
    anything = [k for k in LAB.parameters if k.startswith("magnitude.")]
    assert (monte_carlo(LAB, LAB.default(), spread=1.0, draws=200, keys=anything) != -2.5).any()


@pytest.mark.parametrize("name", PRESETS)
def test_beliefs_to_overturn_on_a_readings_own_ledger_change_no_ledger(name):
    scenario = preset(LAB, name)
    changes = beliefs_to_overturn(LAB, scenario, size_keys(LAB, scenario))
    changed = {**scenario, **{k: to for k, _, to in (changes or [])}}
    assert set(ledger(LAB, changed)) <= set(ledger(LAB, scenario))
