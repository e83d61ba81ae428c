"""The ipywidgets apps. Each is a thin shell: widgets in, a pure function of s400 called, text out."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import ipywidgets as w
import networkx as nx

from s400.bayes import likelihood_ratio, posterior_path
from s400.cards import claim_card, edge_card, edge_title, filter_claims
from s400.channels import channel_graph, channel_report, cut, report_text
from s400.data import Dataset
from s400.fcm import Run, simulate, weight_matrix
from s400.forecasting import comparison_text, implied_probability, score
from s400.network import effect_graph, layer_view, path_effect
from s400.plots import (
    contribution_chart_svg,
    draw_channels,
    draw_margins,
    draw_network,
    draw_tornado,
    enlarge_text,
    network_layout,
    to_png,
)
from s400.reasoning import PRESETS, Lab, Parameter, ScenarioError, verdict_text
from s400.reasoning.scenarios import preset, preset_notes, read_scenario, shown, to_json
from s400.reasoning.sensitivity import monte_carlo, tornado


def path_demo(graph: nx.DiGraph, path: Sequence[str]) -> w.VBox:
    """Sliders for the weight of each edge on ``path`` and a line that shows the path's effect.

    >>> from s400.data import load
    >>> from s400.network import effect_graph
    >>> box = path_demo(effect_graph(load()), ["buy_s400", "us_relations", "economy"])
    >>> box.children[-1].value
    '<b>Effect of the path: -0.30</b> = (-1 × 0.60) × (+1 × 0.50)'
    """
    graph = graph.copy()  # the sliders change weights; the caller's graph stays as loaded
    edges = list(zip(path, path[1:]))
    sliders = []
    for u, v in edges:
        data = graph.edges[u, v]
        sliders.append(
            w.FloatSlider(
                value=data["weight"],
                min=0,
                max=1,
                step=0.05,
                readout_format=".2f",
                description=f"{graph.nodes[u]['label']} → {graph.nodes[v]['label']} ({data['sign']:+d})",
                style={"description_width": "initial"},
                layout=w.Layout(width="640px"),
            )
        )
    result = w.HTML()
    result.add_class("s400-demo-result")

    def show(_change: object = None) -> None:
        for (u, v), slider in zip(edges, sliders):
            graph.edges[u, v]["weight"] = slider.value
        factors = " × ".join(
            f"({graph.edges[u, v]['sign']:+d} × {graph.edges[u, v]['weight']:.2f})"
            for u, v in edges
        )
        result.value = f"<b>Effect of the path: {path_effect(graph, path):+.2f}</b> = {factors}"

    for slider in sliders:
        slider.observe(show, "value")
    show()
    box = w.VBox([*sliders, result])
    box.add_class("s400-demo")
    return box


ANY = "any"


class ClaimExplorer(w.VBox):
    """Filter the op-ed's claims by paragraph, kind and speaker; pick one to see its card.

    >>> from s400.data import load
    >>> app = ClaimExplorer(load())
    >>> app.speaker.value = "NATO"
    >>> app.choice.options
    (('C19 · P4 · belief attribution', 'C19'),)
    """

    def __init__(self, data: Dataset):
        self.data = data
        claims = list(data.claims.values())

        def dropdown(description: str, values: set[str]) -> w.Dropdown:
            return w.Dropdown(
                options=[ANY, *sorted(values)],
                value=ANY,
                description=description,
                layout=w.Layout(width="260px"),
            )

        self.paragraph = dropdown("Paragraph", {c.paragraph for c in claims})
        self.kind = dropdown("Kind", {c.kind for c in claims})
        self.speaker = dropdown("Speaker", {c.speaker for c in claims})
        self.choice = w.Select(rows=8, layout=w.Layout(width="420px"), description="Claims")
        self.card = w.HTML(layout=w.Layout(width="760px"))
        self.card.add_class("s400-claim-card")
        for control in (self.paragraph, self.kind, self.speaker):
            control.observe(self._refresh_list, "value")
        self.choice.observe(self._show_card, "value")
        super().__init__(
            [w.HBox([self.paragraph, self.kind, self.speaker]), self.choice, self.card]
        )
        self.add_class("s400-claim-explorer")
        self._refresh_list()

    def _refresh_list(self, _change: object = None) -> None:
        filters = (
            None if d.value == ANY else d.value for d in (self.paragraph, self.kind, self.speaker)
        )
        picked = filter_claims(self.data, *filters)
        self.choice.options = [
            (f"{c.id} · {c.paragraph} · {c.kind.replace('_', ' ')}", c.id) for c in picked
        ]
        self.choice.value = picked[0].id if picked else None
        self._show_card()

    def _show_card(self, _change: object = None) -> None:
        self.card.value = (
            claim_card(self.data, self.choice.value)
            if self.choice.value
            else "<i>No claim matches these filters.</i>"
        )


class NetworkExplorer(w.VBox):
    """The influence network with a check box per layer, and an edge picker that shows each edge's basis.

    ``text_scale`` enlarges the drawing's text (the projector dashboard uses 1.5).

    >>> from s400.data import load
    >>> app = NetworkExplorer(load())
    >>> app.layer_boxes[0].value = False  # hide the economic layer
    >>> app.status.value
    'Showing 24 of 28 effect edges, in the layers: military, political.'
    """

    def __init__(self, data: Dataset, text_scale: float = 1.0):
        self.data, self.text_scale = data, text_scale
        self.graph = effect_graph(data)
        self.pos = network_layout(self.graph)
        self.effect_edges = {e.id: e for e in data.edges if e.kind == "effect"}
        layers = sorted({layer for _, _, layer in self.graph.edges(data="layer")})
        self.layer_boxes = [
            w.Checkbox(value=True, description=layer, indent=False, layout=w.Layout(width="120px"))
            for layer in layers
        ]
        self.status = w.Label()
        self.picture = w.Image(format="png", layout=w.Layout(width="900px"))
        self.picker = w.Dropdown(
            options=[(edge_title(data, e), e) for e in self.effect_edges],
            description="Edge",
            layout=w.Layout(width="560px"),
        )
        self.card = w.HTML(layout=w.Layout(width="900px"))
        self.status.add_class("s400-network-status")
        self.card.add_class("s400-edge-card")
        for control in (*self.layer_boxes, self.picker):
            control.observe(self._redraw, "value")
        super().__init__(
            [
                w.HBox([w.Label("Layers shown:"), *self.layer_boxes]),
                self.status,
                self.picture,
                self.picker,
                self.card,
            ]
        )
        self.add_class("s400-network-explorer")
        self._redraw()

    def _redraw(self, _change: object = None) -> None:
        shown_layers = [b.description for b in self.layer_boxes if b.value]
        view = layer_view(self.graph, shown_layers)
        chosen = self.effect_edges[self.picker.value]
        shown = ", ".join(shown_layers) or "none"
        self.status.value = (
            f"Showing {view.number_of_edges()} of {self.graph.number_of_edges()} effect edges, "
            f"in the layers: {shown}."
        )
        figure = draw_network(
            view,
            self.pos,
            title=f"Layers shown: {shown}",
            highlight=[(chosen.source, chosen.target)],
        )
        self.picture.value = to_png(enlarge_text(figure, self.text_scale))
        self.card.value = edge_card(self.data, self.picker.value)


OWN = "own"
TAB_PREFIXES = {
    "Values ($bn)": ("magnitude.",),
    "Chances and time": ("probability.", "discount_rate"),
    "Network weights": ("weight.",),
}


def slider_step(parameter: Parameter) -> float:
    """0.01 for chances, weights and the discount rate; 0.05 for values in $bn."""
    return 0.01 if parameter.high - parameter.low <= 1 else 0.05


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
                step=slider_step(p),
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
        widest = max(
            max(
                sum(v for v in parts.values() if v > 0),
                self.lab.prices[o] - sum(v for v in parts.values() if v < 0),
            )
            for o, parts in contributions.items()
        )
        self.scale = max(
            self.scale, 10.0 * (int(widest) // 10 + 1)
        )  # the axis grows, never jumps back
        self.verdict.value = (
            f"<div style='font-size:1.25em'><b>{verdict_text(self.lab, result)}</b></div>"
            + " · ".join(f"{self.lab.labels[o]}: {v:+.2f}" for o, v in result.values.items())
        )
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
        share = float((margins > 0).mean())
        self.summary.value = (
            f"In {share:.1%} of {len(margins):,} worlds drawn around your numbers "
            f"(spread {self.spread.value:.0%} of each slider's range), buying the S-400 is the "
            "rational choice."
        )
        self.tornado.value = to_png(
            draw_tornado(tornado(self.app.lab, scenario), self.app.lab.margin(scenario))
        )
        self.histogram.value = to_png(draw_margins(margins))
        self.tornado.layout.display = self.histogram.layout.display = None


#: How the forecast quiz may score a "partly" verdict: as 0.5, or not at all.
PARTLY_CHOICES = {"count as 0.5": 0.5, "leave out": None}


class ForecastQuiz(w.VBox):
    """A probability slider per prediction (as of mid-2019); the outcomes stay hidden until revealed,
    then the student's Brier score is shown next to the author's implied one, updated on every move.

    >>> from s400.data import load
    >>> quiz = ForecastQuiz(load())
    >>> quiz.sliders["PR01"].value = 0.9
    >>> quiz.result.value.startswith("Outcomes hidden")
    True
    >>> quiz.reveal.click()
    >>> quiz.result.value.split(" on ")[0]
    '<b>Your Brier score: 0.076'
    """

    def __init__(self, data: Dataset):
        self.data = data
        author = {pid: implied_probability(p, data) for pid, p in data.predictions.items()}
        self.author_scores = {
            choice: score(author, data.predictions, partly)  # fixed: score them once
            for choice, partly in PARTLY_CHOICES.items()
        }
        self.sliders = {
            pid: w.FloatSlider(
                value=0.5,
                min=0,
                max=1,
                step=0.05,
                description=pid,
                readout_format=".2f",
                continuous_update=False,
                layout=w.Layout(width="300px"),
            )
            for pid in data.predictions
        }
        self.outcomes = {pid: w.HTML(layout=w.Layout(width="110px")) for pid in data.predictions}
        rows = [
            w.HBox(
                [
                    self.sliders[pid],
                    self.outcomes[pid],
                    w.HTML(escape(p.statement), layout=w.Layout(width="560px")),
                ]
            )
            for pid, p in data.predictions.items()
        ]
        self.partly = w.Dropdown(
            options=list(PARTLY_CHOICES),
            value="count as 0.5",
            description="'Partly'",
            layout=w.Layout(width="260px"),
        )
        self.reveal = w.Button(
            description="Reveal the outcomes",
            icon="eye",
            button_style="primary",
            layout=w.Layout(width="200px"),
        )
        self.result = w.HTML()
        self.revealed = False
        for slider in self.sliders.values():
            slider.observe(self._update, "value")
        self.partly.observe(self._update, "value")
        self.reveal.on_click(self._on_reveal)
        super().__init__([*rows, w.HBox([self.reveal, self.partly]), self.result])
        self.add_class("s400-forecast-quiz")
        self.result.add_class("s400-quiz-result")
        self._update()

    def forecasts(self) -> dict[str, float]:
        """The probabilities the sliders show now."""
        return {pid: s.value for pid, s in self.sliders.items()}

    def _on_reveal(self, _button: w.Button) -> None:
        self.revealed = True
        self.reveal.disabled = True
        for pid, label in self.outcomes.items():
            label.value = f"<b>{escape(self.data.predictions[pid].verdict)}</b>"
        self._update()

    def _update(self, _change: object = None) -> None:
        if not self.revealed:
            self.result.value = (
                "Outcomes hidden: set each probability as you would have in mid-2019, "
                "then press Reveal."
            )
            return
        partly = PARTLY_CHOICES[self.partly.value]
        yours = score(self.forecasts(), self.data.predictions, partly)
        self.result.value = (
            f"<b>{comparison_text(yours, self.author_scores[self.partly.value])}</b>"
        )


class LeverageMap(w.VBox):
    """The fuzzy cognitive map of notebook 06: clamp concepts, change the leverage loop's weights,
    and read where the concepts settle (a fixed point or a cycle). Text only, so updates are instant.

    >>> from s400.data import load
    >>> app = LeverageMap(load())
    >>> app.clamps["nato_trust"].value = True
    >>> "Russia's leverage over Turkey</td><td>+0.00" in app.result.value
    True
    """

    #: The concepts a student can hold fixed, with what holding them means.
    CLAMPS = {
        "buy_s400": ("S-400 bought", 1.0, True),
        "s400_active": ("S-400 activated", 1.0, False),
        "nato_trust": ("NATO relations repaired", 1.0, False),
    }
    #: The edges of the leverage loop whose weights get sliders.
    LOOP = ("E10", "E09", "E22", "E23", "E24", "E11")
    SHOWN = (
        "russian_leverage",
        "autonomy",
        "national_security",
        "nato_trust",
        "nato_standing",
        "us_relations",
    )

    def __init__(self, data: Dataset):
        self.graph = effect_graph(data)
        self.nodes = list(self.graph.nodes)
        edges = {e.id: e for e in data.edges}
        self.clamps = {
            n: w.Checkbox(
                value=on,
                description=f"{label} (held at {value:+.0f})",
                indent=False,
                layout=w.Layout(width="300px"),
            )
            for n, (label, value, on) in self.CLAMPS.items()
        }
        self.weights = {
            (edges[i].source, edges[i].target): w.FloatSlider(
                value=edges[i].weight,
                min=0,
                max=1,
                step=0.05,
                readout_format=".2f",
                continuous_update=False,
                description=edge_title(data, i),
                style={"description_width": "540px"},
                layout=w.Layout(width="820px"),
            )
            for i in self.LOOP
        }
        self.result = w.HTML()
        for widget in [*self.clamps.values(), *self.weights.values()]:
            widget.observe(self._update, "value")
        super().__init__([w.HBox(list(self.clamps.values())), *self.weights.values(), self.result])
        self.add_class("s400-leverage-map")
        self.result.add_class("s400-fcm-result")
        self._update()

    def run(self) -> Run:
        """Simulate the map with the clamps and weights the widgets show now."""
        w_matrix = weight_matrix(
            self.graph, self.nodes, {k: s.value for k, s in self.weights.items()}
        )
        clamps = {n: self.CLAMPS[n][1] for n, box in self.clamps.items() if box.value}
        return simulate(w_matrix, self.nodes, clamps)

    def _update(self, _change: object = None) -> None:
        run = self.run()
        final = run.final
        ending = f"a cycle of length {run.period}" if run.status == "cycle" else f"a {run.status}"
        rows = "".join(
            f"<tr><td>{escape(self.graph.nodes[n]['label'], quote=False)}</td><td>{final[n]:+.2f}</td></tr>"
            for n in self.SHOWN
        )
        self.result.value = (
            f"<b>Settled: {ending} after {len(run.states) - 1} steps.</b><table>{rows}</table>"
        )


class ChannelCutter(w.VBox):
    """Cut and restore layers and institutions of the US–Turkey ties; a sentence says what still links
    the two governments, and the drawing greys out what was cut.

    >>> from s400.data import load
    >>> app = ChannelCutter(load())
    >>> app.layer_boxes["political"].value = False
    >>> app.status.value
    'Connected by 4 independent routes; cutting 4 ties would separate them; no institution is a bottleneck. Cut off: NATO allies.'
    """

    ENDS = ("us_gov", "turkey_gov")

    def __init__(self, data: Dataset):
        self.graph = channel_graph(data)
        self.labels = {n: data.nodes[n].label for n in self.graph}
        layers = sorted({layer for _, _, layer in self.graph.edges(data="layer")})
        self.layer_boxes = {
            layer: w.Checkbox(
                value=True, description=layer, indent=False, layout=w.Layout(width="110px")
            )
            for layer in layers
        }
        self.institution_boxes = {
            n: w.Checkbox(
                value=True, description=self.labels[n], indent=False, layout=w.Layout(width="280px")
            )
            for n in self.graph
            if n not in self.ENDS
        }
        self.status = w.HTML(
            layout=w.Layout(width="900px")
        )  # a Label would cut a long sentence short
        self.status.add_class("s400-channel-status")
        self.picture = w.Image(format="png", layout=w.Layout(width="640px"))
        for box in (*self.layer_boxes.values(), *self.institution_boxes.values()):
            box.observe(self._update, "value")
        institutions = list(self.institution_boxes.values())
        super().__init__(
            [
                w.HBox(
                    [
                        w.Label("Open layers:", layout=w.Layout(width="130px")),
                        *self.layer_boxes.values(),
                    ]
                ),
                w.HBox(
                    [w.Label("Institutions:", layout=w.Layout(width="130px")), *institutions[:3]]
                ),
                w.HBox([w.Label("", layout=w.Layout(width="130px")), *institutions[3:]]),
                self.status,
                self.picture,
            ]
        )
        self.add_class("s400-channel-cutter")
        self._update()

    def _update(self, _change: object = None) -> None:
        remaining = cut(
            self.graph,
            [layer for layer, box in self.layer_boxes.items() if not box.value],
            [n for n, box in self.institution_boxes.items() if not box.value],
        )
        closed = [layer for layer, box in self.layer_boxes.items() if not box.value]
        title = (
            "All channels open"
            if remaining.number_of_edges() == self.graph.number_of_edges()
            else (
                "Cut: "
                + ", ".join(
                    closed
                    + [self.labels[n] for n, b in self.institution_boxes.items() if not b.value]
                )
            )
        )
        # Picture first: once the sentence changes, the matching picture has already been sent.
        self.picture.value = to_png(draw_channels(self.graph, remaining, title=title))
        self.status.value = escape(report_text(channel_report(remaining, *self.ENDS), self.labels))


class BeliefUpdater(w.VBox):
    """A prior on "bargaining chip" and, for each of Ankara's moves, the two judged chances (if a chip,
    if a realignment) and whether to count it; a table and a sentence give the posterior move by move.

    >>> from s400.data import load
    >>> app = BeliefUpdater(load())
    >>> "After 6 moves, P(bargaining chip) = 0.82</b> (prior 0.50)" in app.result.value
    True
    >>> app.rows["M01"][0].value = False  # leave out the tests
    >>> "After 5 moves, P(bargaining chip) = 0.90</b>" in app.result.value
    True
    """

    def __init__(self, data: Dataset, prior: float = 0.5):
        self.moves = data.moves
        slider = dict(
            min=0.05,
            max=0.95,
            step=0.05,
            readout_format=".2f",
            continuous_update=False,
            style={"description_width": "70px"},
            layout=w.Layout(width="300px"),
        )
        self.prior = w.FloatSlider(value=prior, description="Prior", **slider)
        self.prior.add_class("s400-prior")
        self.rows = {
            m.id: (
                w.Checkbox(
                    value=True,
                    description=f"{m.id} · {m.date}",
                    indent=False,
                    layout=w.Layout(width="140px"),
                ),
                w.FloatSlider(value=m.p_if_chip, description="if chip", **slider),
                w.FloatSlider(value=m.p_if_realign, description="if realign", **slider),
            )
            for m in data.moves.values()
        }
        self.result, self.table = w.HTML(), w.HTML()
        self.result.add_class("s400-posterior")
        self.table.add_class("s400-posterior-table")
        self.prior.observe(self._update, "value")
        for row in self.rows.values():
            for control in row:
                control.observe(self._update, "value")
        super().__init__(
            [
                self.prior,
                *[w.HBox(list(row)) for row in self.rows.values()],
                self.result,
                self.table,
            ]
        )
        self.add_class("s400-belief-updater")
        self._update()

    def _update(self, _change: object = None) -> None:
        used = [
            (key, chip.value, realign.value)
            for key, (box, chip, realign) in self.rows.items()
            if box.value
        ]
        path = posterior_path(self.prior.value, [(chip, realign) for _, chip, realign in used])
        final = path[-1] if path else self.prior.value
        self.result.value = (
            f"<div style='font-size:1.2em'><b>After {len(used)} moves, P(bargaining chip) = "
            f"{final:.2f}</b> (prior {self.prior.value:.2f}).</div>"
        )
        td = "<td style='padding:3px 8px;border-top:1px solid #ddd;vertical-align:top;line-height:1.35'>"
        cells = "".join(
            f"<tr>{td}{key}</td>{td}{escape(self.moves[key].move)}</td>{td}{chip:.2f}</td>{td}{realign:.2f}</td>"
            f"{td}{likelihood_ratio(chip, realign):.2f}</td>{td}<b>{after:.2f}</b></td></tr>"
            for (key, chip, realign), after in zip(used, path)
        )
        head = "".join(
            f"<th style='padding:3px 8px;text-align:left;line-height:1.35'>{h}</th>"
            for h in (
                "move",
                "what Ankara did",
                "P(move | chip)",
                "P(move | realign)",
                "ratio",
                "P(chip) after",
            )
        )
        self.table.value = f"<table style='border-collapse:collapse;max-width:1000px'><tr>{head}</tr>{cells}</table>"
