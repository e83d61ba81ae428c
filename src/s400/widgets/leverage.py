"""The leverage map of notebook 06: a fuzzy cognitive map to clamp and reweight."""

from __future__ import annotations

from typing import ClassVar

import ipywidgets as w

from s400.cards import edge_title
from s400.data import Dataset
from s400.fcm import Run, simulate, weight_matrix
from s400.network import effect_graph
from s400.readouts import settled_card
from s400.widgets.accessible import AccessibilityFixes, LiveText


class LeverageMap(w.VBox):
    """The fuzzy cognitive map of notebook 06: clamp concepts, change the leverage loop's weights,
    and read where the concepts settle (a fixed point or a cycle). Text only, so updates are
    instant.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it.

    Examples
    --------
    With the purchase held at +1 and NATO relations repaired (held at +1), Russia's leverage gets
    +0.8 from E10 and −0.8 from E22 (edges.csv): it settles at tanh(0) = 0.

    >>> from s400.data import load
    >>> app = LeverageMap(load())
    >>> app.clamps["nato_trust"].value = True  # relations repaired: tanh(0) leverage left
    >>> cells = app.result.value.split("Russia's leverage over Turkey</td>")[1]
    >>> cells[cells.index(">") + 1 : cells.index("</td>")]
    '+0.00'
    """

    #: The concepts a student can hold fixed, with what holding them means.
    CLAMPS: ClassVar[dict[str, tuple[str, float, bool]]] = {
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
        self.result = LiveText()
        for widget in [*self.clamps.values(), *self.weights.values()]:
            widget.observe(self._update, "value")
        super().__init__(
            [
                w.HBox(list(self.clamps.values())),
                *self.weights.values(),
                self.result,
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
        self.add_class("s400-leverage-map")
        self.result.add_class("s400-fcm-result")
        self._update()

    def run(self) -> Run:
        """Simulate the map with the clamps and weights the widgets show now.

        Returns
        -------
        Run
            As :func:`s400.fcm.simulate` gives it.

        Examples
        --------
        "S-400 bought" is held at +1 from the start:

        >>> from s400.data import load
        >>> LeverageMap(load()).run().final["buy_s400"]
        1.0
        """
        w_matrix = weight_matrix(
            self.graph, self.nodes, {k: s.value for k, s in self.weights.items()}
        )
        clamps = {n: self.CLAMPS[n][1] for n, box in self.clamps.items() if box.value}
        return simulate(w_matrix, self.nodes, clamps)

    def _update(self, _change: object = None) -> None:
        run = self.run()
        ending = f"a cycle of length {run.period}" if run.status == "cycle" else f"a {run.status}"
        labels = {n: self.graph.nodes[n]["label"] for n in self.SHOWN}
        self.result.value = settled_card(labels, run.final, ending, len(run.states) - 1, self.SHOWN)
