"""The reasoning lab and its sensitivity panel (notebook 03 and the projector dashboard)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from s400.plots import contribution_chart_svg, draw_margins, draw_tornado
from s400.plots.alt_text import figure_html
from s400.plots.export import svg_figure_html
from s400.plots.lab_chart import chart_scale, contribution_text
from s400.readouts import monte_carlo_summary, verdict_card
from s400.reasoning import PRESETS, Lab, ScenarioError
from s400.reasoning.scenarios import preset, preset_notes, read_scenario, shown, to_json
from s400.reasoning.sensitivity import monte_carlo, tornado
from s400.widgets.accessible import AccessibilityFixes, LiveText

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

    Parameters
    ----------
    lab : Lab
        The model the sliders set.
    folder : pathlib.Path
        Where scenarios are exported.

    Examples
    --------
    A slider moved by hand makes the numbers the student's own; Reset brings the preset back:

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> app = ReasoningLab(lab)
    >>> app.sliders["magnitude.f35_place"].value = 0.0
    >>> app.preset.value
    'own'
    >>> app.reset.click()
    >>> app.preset.value, app.scenario() == preset(lab, "author")
    ('author', True)
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
        # The verdict and the status line are announced when they change; the chart is a picture
        # named by its own text alternative.
        self.verdict, self.status = LiveText(), LiveText()
        self.chart, self.notes = w.HTML(), w.HTML()
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
                self.notes,
                self.verdict,
                self.chart,
                tabs,
                files,
                self.status,
                AccessibilityFixes(),
            ]
        )
        for widget, name in [
            (self, "app"),
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
        """The numbers the sliders show now.

        Returns
        -------
        dict
            Each parameter's key and value.

        Examples
        --------
        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> ReasoningLab(lab).scenario() == preset(lab, "author")
        True
        """
        return {k: s.value for k, s in self.sliders.items()}

    def update(self) -> None:
        """Recompute the verdict and redraw the chart (microseconds: the chart is SVG text).

        Examples
        --------
        The verdict line says what :meth:`Lab.verdict` finds for the sliders' numbers:

        >>> from s400.data import load
        >>> from s400.reasoning import verdict_text
        >>> app = ReasoningLab(Lab(load()))
        >>> app.update()
        >>> verdict_text(app.lab, app.lab.verdict(app.scenario())) in app.verdict.value
        True
        """
        current = self.scenario()
        contributions = self.lab.contributions(current)
        result = self.lab.verdict_of(contributions)
        self.scale = chart_scale(contributions, self.lab.prices, self.scale)
        self.verdict.value = verdict_card(self.lab, result)
        self.chart.value = svg_figure_html(
            contribution_chart_svg(contributions, self.lab.prices, self.lab.labels, self.scale),
            contribution_text(contributions, self.lab.prices, self.lab.labels),
        )

    def load_values(self, values: dict[str, float]) -> None:
        """Set every slider at once, then update once; the preset stays as it is.

        Parameters
        ----------
        values : dict
            Parameter keys and the values to set.

        Examples
        --------
        >>> from s400.data import load
        >>> app = ReasoningLab(Lab(load()))
        >>> app.load_values({"magnitude.f35_place": 9.0})
        >>> app.sliders["magnitude.f35_place"].value, app.preset.value
        (9.0, 'author')
        """
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
            self._set_notes(
                "<i>Your own numbers: every one of them is a judgement you can defend.</i>"
            )
            return
        self.last_preset = change["new"]
        self.load_values(preset(self.lab, change["new"]))
        self._show_notes(change["new"])

    def _show_notes(self, name: str) -> None:
        notes = preset_notes(name)
        self._set_notes(
            "<ul>"
            + "".join(f"<li><b>{escape(k)}</b>: {escape(v)}</li>" for k, v in notes.items())
            + "</ul>"
        )

    def _set_notes(self, body: str) -> None:
        # A native <details>, not ipywidgets' Accordion: its header takes no keyboard focus.
        self.notes.value = (
            f"<details><summary>Where this preset's numbers come from</summary>{body}</details>"
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

    Parameters
    ----------
    app : ReasoningLab
        Whose numbers to vary.

    Examples
    --------
    With a spread of 0 every world drawn is the author's reading itself, where buying loses (its
    margin is below zero), so it is rational in none of them:

    >>> from s400.data import load
    >>> panel = SensitivityPanel(ReasoningLab(Lab(load())))
    >>> bool(panel.app.lab.margin(panel.app.scenario()) < 0)
    True
    >>> panel.spread.value, panel.draws.value = 0.0, 10_000
    >>> panel.run.click()
    >>> panel.summary.value.startswith("In 0.0% of 10,000 worlds")
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
        self.summary = LiveText()
        # Pictures with their alt text, summary and data (an ipywidgets Image has no alt text).
        self.tornado, self.histogram = (w.HTML(layout=w.Layout(max_width="100%")) for _ in range(2))
        self.run.on_click(self._on_run)
        super().__init__(
            [
                w.HBox([self.spread, self.draws, self.run]),
                self.summary,
                self.tornado,
                self.histogram,
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
        self.add_class("s400-sensitivity")
        self.summary.add_class("s400-sensitivity-summary")

    def _on_run(self, _button: w.Button) -> None:
        self.summary.value = "<i>Running…</i>"
        scenario = self.app.scenario()
        margins = monte_carlo(
            self.app.lab, scenario, spread=self.spread.value, draws=self.draws.value
        )
        self.summary.value = monte_carlo_summary(margins, self.spread.value)
        self.tornado.value = figure_html(
            draw_tornado(tornado(self.app.lab, scenario), self.app.lab.margin(scenario))
        )
        self.histogram.value = figure_html(draw_margins(margins))
