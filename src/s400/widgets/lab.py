"""The reasoning lab and its sensitivity panel (notebook 03 and the projector dashboard)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from s400.cards import monte_carlo_summary, verdict_card
from s400.plots import contribution_chart_svg, draw_margins, draw_tornado, to_png
from s400.plots.lab_chart import chart_scale
from s400.reasoning import PRESETS, Lab, ScenarioError
from s400.reasoning.scenarios import preset, preset_notes, read_scenario, shown, to_json
from s400.reasoning.sensitivity import monte_carlo, tornado

OWN = "own"
TAB_PREFIXES = {
    "Values ($bn)": ("magnitude.",),
    "Chances and time": ("probability.", "discount_rate"),
    "Network weights": ("weight.",),
}


class ReasoningLab(w.VBox):
    """Sliders for every magnitude, probability, the discount rate and the network's weights; the
    expected value of each option, the verdict and a stacked chart update on every move.

    Presets load a reading; "My own" is whatever the student has set. Scenarios export to and import
    from small JSON files in ``folder``; a bad file changes nothing and says why.

    >>> from s400.data import load
    >>> app = ReasoningLab(Lab(load()))
    >>> app.sliders["magnitude.f35_place"].value = 0.0
    >>> app.preset.value
    'own'
    >>> "not the rational choice" in app.verdict.value
    True
    """

    def __init__(self, lab: Lab, folder: Path = Path(".")):
        self.lab, self.folder = lab, folder
        self.preset = w.Dropdown(
            options=[(label, key) for key, label in PRESETS.items()] + [("My own", OWN)],
            value="author",
            description="Preset",
            layout=w.Layout(width="320px"),
        )
        self.reset = w.Button(description="Reset to preset", icon="undo")
        self.sliders = {
            key: w.FloatSlider(
                value=0,
                min=p.low,
                max=p.high,
                step=p.step,
                description=p.label,
                readout_format=".2f",
                style={"description_width": "330px"},
                layout=w.Layout(width="680px"),
            )
            for key, p in lab.parameters.items()
        }
        tabs = w.Tab(
            children=[
                w.VBox([s for k, s in self.sliders.items() if k.startswith(prefixes)])
                for prefixes in TAB_PREFIXES.values()
            ],
            titles=list(TAB_PREFIXES),
        )
        self.verdict, self.chart, self.status, self.notes = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        sources = w.Accordion(
            children=[self.notes], titles=["Where this preset's numbers come from"]
        )
        sources.selected_index = None
        self.file_name = w.Text(
            value="my_scenario.json", description="File", layout=w.Layout(width="320px")
        )
        self.export = w.Button(description="Export scenario", icon="download")
        self.upload = w.FileUpload(accept=".json", multiple=False, description="Import scenario")
        self.loading, self.scale, self.last_preset = False, 30.0, "author"
        for slider in self.sliders.values():
            slider.observe(self._on_slider, "value")
        self.preset.observe(self._on_preset, "value")
        self.reset.on_click(self._on_reset)
        self.export.on_click(self._on_export)
        self.upload.observe(self._on_upload, "value")
        files = w.HBox([self.file_name, self.export, self.upload])
        super().__init__(
            [
                w.HBox([self.preset, self.reset]),
                sources,
                self.verdict,
                self.chart,
                tabs,
                files,
                self.status,
            ]
        )
        for widget, name in [
            (self, "reasoning-lab"),
            (self.verdict, "verdict"),
            (self.chart, "chart"),
            (self.status, "status"),
            (files, "files"),
        ]:
            widget.add_class(f"s400-{name}")
        self.load_values(preset(lab, "author"))
        self._show_notes("author")

    def scenario(self) -> dict[str, float]:
        """The numbers the sliders show now."""
        return {k: s.value for k, s in self.sliders.items()}

    def update(self) -> None:
        """Recompute the verdict and redraw the chart (microseconds: the chart is SVG text)."""
        current = self.scenario()
        contributions = self.lab.contributions(current)
        result = self.lab.verdict_of(contributions)
        self.scale = chart_scale(contributions, self.lab.prices, self.scale)
        self.verdict.value = verdict_card(self.lab, result)
        self.chart.value = contribution_chart_svg(
            contributions, self.lab.prices, self.lab.labels, self.scale
        )

    def load_values(self, values: dict[str, float]) -> None:
        """Set every slider at once, then update once."""
        self.loading = True
        try:
            for key, value in values.items():
                self.sliders[key].value = value
        finally:
            self.loading = False
        self.update()

    def _on_slider(self, change: dict) -> None:
        # The browser snaps values to the slider's step and echoes them back with float noise
        # (-3.0999999999999996 for -3.1): that is not a student's move.
        if self.loading or abs(change["new"] - change["old"]) < 1e-9:
            return
        if self.preset.value != OWN:
            self.preset.value = OWN
        self.update()

    def _on_preset(self, change: dict) -> None:
        if change["new"] == OWN:
            self.notes.value = (
                "<i>Your own numbers: every one of them is a judgement you can defend.</i>"
            )
            return
        self.last_preset = change["new"]
        self.load_values(preset(self.lab, change["new"]))
        self._show_notes(change["new"])

    def _show_notes(self, name: str) -> None:
        notes = preset_notes(name)
        self.notes.value = (
            "<ul>"
            + "".join(f"<li><b>{escape(k)}</b>: {escape(v)}</li>" for k, v in notes.items())
            + "</ul>"
        )

    def _on_reset(self, _button: w.Button) -> None:
        if self.preset.value == self.last_preset:
            self.load_values(preset(self.lab, self.last_preset))
        else:
            self.preset.value = self.last_preset  # loads it
        self.status.value = f"Reset to {PRESETS[self.last_preset]}."

    def _on_export(self, _button: w.Button) -> None:
        path = self.folder / (self.file_name.value.strip() or "my_scenario.json")
        path.write_text(to_json(self.lab, path.stem, self.scenario()), encoding="utf-8")
        self.status.value = f"Saved your scenario to <code>{escape(str(path))}</code>."

    def _on_upload(self, change: dict) -> None:
        if not change["new"]:
            return
        item, file = change["new"][0], escape(shown(change["new"][0]["name"]))
        self.upload.value = ()  # so that choosing the same file again is a change, and imports
        try:
            name, values = read_scenario(self.lab, bytes(item["content"]))
        except ScenarioError as error:
            self.status.value = (
                f"<b>Could not import {file}</b>: {escape(str(error))}. Nothing was changed."
            )
            return
        self.load_values(values)
        self.preset.value = OWN
        self.status.value = f"Imported {escape(shown(name))} from {file}."


class SensitivityPanel(w.VBox):
    """Tornado chart and Monte Carlo for the numbers a ReasoningLab shows now, run on request.

    >>> from s400.data import load
    >>> panel = SensitivityPanel(ReasoningLab(Lab(load())))
    >>> panel.run.click()
    >>> panel.summary.value.startswith("In 0.0% of 100,000")
    True
    """

    def __init__(self, app: ReasoningLab):
        self.app = app
        self.spread = w.FloatSlider(
            value=0.5,
            min=0,
            max=1,
            step=0.05,
            description="Spread",
            tooltip="each number varies by this share of its slider's range",
        )
        self.draws = w.IntSlider(
            value=100_000, min=10_000, max=1_000_000, step=10_000, description="Worlds"
        )
        self.run = w.Button(description="Run sensitivity", icon="play", button_style="primary")
        self.summary = w.HTML()
        # Hidden until filled: an empty Image shows as a broken picture.
        self.tornado, self.histogram = (
            w.Image(format="png", layout=w.Layout(display="none", max_width="100%"))
            for _ in range(2)
        )
        self.run.on_click(self._on_run)
        super().__init__(
            [
                w.HBox([self.spread, self.draws, self.run]),
                self.summary,
                self.tornado,
                self.histogram,
            ]
        )
        self.add_class("s400-sensitivity")

    def _on_run(self, _button: w.Button) -> None:
        self.summary.value = "<i>Running…</i>"
        scenario = self.app.scenario()
        margins = monte_carlo(
            self.app.lab, scenario, spread=self.spread.value, draws=self.draws.value
        )
        self.summary.value = monte_carlo_summary(margins, self.spread.value)
        self.tornado.value = to_png(
            draw_tornado(tornado(self.app.lab, scenario), self.app.lab.margin(scenario))
        )
        self.histogram.value = to_png(draw_margins(margins))
        self.tornado.layout.display = self.histogram.layout.display = None
