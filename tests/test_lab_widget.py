"""The reasoning lab widget as a student drives it, without a browser: a thin shell over
s400.reasoning."""

import datetime as dt
import json

import pytest

from s400.data import load
from s400.reasoning import Lab, verdict_text
from s400.reasoning.scenarios import preset
from s400.widgets import ReasoningLab, SensitivityPanel

LAB = Lab(load())


@pytest.fixture
def app(tmp_path):
    return ReasoningLab(LAB, folder=tmp_path)


def upload(app: ReasoningLab, name: str, content: bytes) -> None:
    app.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        },
    )


def test_it_opens_on_the_authors_reading(app):
    assert app.preset.value == "author"
    assert app.scenario() == pytest.approx(preset(LAB, "author"))
    assert verdict_text(LAB, LAB.verdict(preset(LAB, "author"))) in app.verdict.value


def test_a_preset_sets_every_slider_and_the_verdict(app):
    app.preset.value = "ankara"
    assert app.scenario() == pytest.approx(preset(LAB, "ankara"))
    assert verdict_text(LAB, LAB.verdict(preset(LAB, "ankara"))) in app.verdict.value


def test_moving_a_slider_makes_it_my_own_and_moves_the_chart(app):
    before = app.chart.value
    app.sliders["magnitude.air_defence"].value = 15.0
    assert app.preset.value == "own" and app.chart.value != before


def test_reset_goes_back_to_the_last_preset(app):
    app.preset.value = "sceptic"
    app.sliders["discount_rate"].value = 0.3
    app.reset.click()
    assert app.preset.value == "sceptic" and app.scenario() == pytest.approx(preset(LAB, "sceptic"))


def test_export_then_import_round_trips(app, tmp_path):
    app.sliders["magnitude.autonomy"].value = 7.5
    app.file_name.value = "mine.json"
    app.export.click()
    saved = (tmp_path / "mine.json").read_bytes()
    app.preset.value = "author"
    upload(app, "mine.json", saved)
    assert app.sliders["magnitude.autonomy"].value == 7.5 and app.preset.value == "own"
    assert "Imported mine" in app.status.value


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\xff\xfe not text", "is saved as UTF-16"),
        (b"{oops", "not valid JSON"),
        (
            json.dumps(
                {
                    "format": "s400-scenario",
                    "version": 1,
                    "values": {**preset(LAB, "author"), "discount_rate": 9},
                }
            ).encode(),
            "outside its range",
        ),
    ],
)
def test_a_bad_file_changes_nothing_and_says_why(app, content, reason):
    before = app.scenario()
    upload(app, "bad.json", content)
    assert app.scenario() == before
    assert "Could not import bad.json" in app.status.value and reason in app.status.value
    assert "Nothing was changed" in app.status.value


@pytest.mark.parametrize(
    ("values", "share"),
    [
        # Every value 0 but air defence at 15, E26 off: buying is worth 0.25 x 15 - 2.5 = +1.25.
        ({"magnitude.air_defence": 15.0, "weight.E26": 0.0}, "100.0%"),
        # Every value 0: buying only costs its price, so it is never the rational choice.
        ({}, "0.0%"),
    ],
)
def test_sensitivity_panel_reports_the_share_of_worlds(app, values, share):
    panel = SensitivityPanel(app)
    app.load_values({**LAB.default(), **values})
    panel.spread.value, panel.draws.value = 0.0, 10_000  # no spread: every world is the scenario
    panel.run.click()
    assert panel.summary.value.startswith(f"In {share} of 10,000 worlds")
    # Pictures with alt text: the tornado's names the chart, the histogram's the same share.
    assert '<img alt="Tornado chart' in panel.tornado.value
    assert f"rational choice in {share} of them" in panel.histogram.value


def test_every_preset_value_sits_on_its_sliders_grid():
    """Otherwise the browser snaps it to the grid, and the preset silently changes."""

    for name in ("author", "ankara", "sceptic"):
        for key, value in preset(LAB, name).items():
            p = LAB.parameters[key]
            steps = (value - p.low) / p.step
            assert abs(steps - round(steps)) < 1e-6, (name, key, value)


def test_a_snapped_echo_from_the_browser_is_not_a_move(app):
    slider = app.sliders["magnitude.russian_leverage"]
    slider.value = slider.value - 4e-16  # what the browser sends back for -3.1
    assert app.preset.value == "author"


def test_each_preset_says_where_its_numbers_come_from(app):
    assert "f35_workshare_lost" in app.notes.value  # the author's F-35 anchor
    app.preset.value = "ankara"
    assert "f35_payments" in app.notes.value and "Judgement" in app.notes.value  # Ankara's figure
    app.sliders["discount_rate"].value = 0.2
    assert "Your own numbers" in app.notes.value
