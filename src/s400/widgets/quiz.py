"""The forecast quiz of notebook 07."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from s400.data import Dataset
from s400.forecasting import comparison_text, implied_probability, score
from s400.widgets.accessible import AccessibilityFixes, LiveText

#: How the forecast quiz may score a "partly" verdict: as 0.5, or not at all.
PARTLY_CHOICES = {"count as 0.5": 0.5, "leave out": None}


class ForecastQuiz(w.VBox):
    """A probability slider per prediction (as of mid-2019); the outcomes stay hidden until
    revealed, then the student's Brier score is shown next to the author's implied one, updated on
    every move.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it (its predictions and their verdicts).

    Examples
    --------
    0.9 on PR01 (true), 0.5 on the rest: PR01 scores 0.1² = 0.01, the three true or false ones
    (PR04, PR06, PR07) 0.5² = 0.25 each, the six "partly" ones (counted as 0.5) 0, and the
    untested PR10 is left out: (0.01 + 0.75) / 10 = 0.076.

    >>> from s400.data import load
    >>> quiz = ForecastQuiz(load())
    >>> quiz.sliders["PR01"].value = 0.9
    >>> quiz.result.value.startswith("Outcomes hidden")
    True
    >>> quiz.reveal.click()
    >>> quiz.result.value.split(" on ")[0]
    '<b>Your Brier score: 0.033'
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
        self.result = LiveText()
        self.revealed = False
        for slider in self.sliders.values():
            slider.observe(self._update, "value")
        self.partly.observe(self._update, "value")
        self.reveal.on_click(self._on_reveal)
        super().__init__(
            [*rows, w.HBox([self.reveal, self.partly]), self.result, AccessibilityFixes()]
        )
        self.add_class("s400-app")
        self.add_class("s400-forecast-quiz")
        self.result.add_class("s400-quiz-result")
        self._update()

    def forecasts(self) -> dict[str, float]:
        """The probabilities the sliders show now.

        Returns
        -------
        dict
            Each prediction's id and the student's probability.

        Examples
        --------
        Every slider starts at 0.5:

        >>> from s400.data import load
        >>> set(ForecastQuiz(load()).forecasts().values())
        {0.5}
        """
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
