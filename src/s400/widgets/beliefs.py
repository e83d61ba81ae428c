"""The belief updater of notebook 05."""

from __future__ import annotations

import ipywidgets as w

from s400.bayes import posterior_path
from s400.data import Dataset
from s400.readouts import posterior_summary, posterior_table
from s400.widgets.accessible import AccessibilityFixes, LiveText


class BeliefUpdater(w.VBox):
    """A prior on "bargaining chip" and, for each of Ankara's moves, the two judged chances (if a
    chip, if a realignment) and whether to count it; a table and a sentence give the posterior move
    by move.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it (its moves, from moves.csv).
    prior : float
        The starting belief in "bargaining chip".

    Examples
    --------
    The moves' likelihood ratios in moves.csv are 0.4/0.8, 0.5/0.25, 0.6/0.4, 0.6/0.4, 0.3/0.15 and
    0.5/0.5: their product is 0.5 × 2 × 1.5 × 1.5 × 2 × 1 = 4.5, so from even odds the posterior is
    4.5 / 5.5 = 0.82. Leaving out M01 (ratio 0.5) doubles the odds to 9: 9 / 10 = 0.90.

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
        slider = {
            "min": 0.05,
            "max": 0.95,
            "step": 0.05,
            "readout_format": ".2f",
            "continuous_update": False,
            "style": {"description_width": "110px"},
            "layout": w.Layout(width="340px"),
        }
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
                # The move's id in each name: a screen reader reads a slider's name alone.
                w.FloatSlider(value=m.p_if_chip, description=f"{m.id} if chip", **slider),
                w.FloatSlider(value=m.p_if_realign, description=f"{m.id} if realign", **slider),
            )
            for m in data.moves.values()
        }
        self.result, self.table = LiveText(), w.HTML()
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
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
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
        self.result.value = posterior_summary(len(used), final, self.prior.value)
        self.table.value = posterior_table(self.moves, used, path)
