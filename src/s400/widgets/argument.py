"""The claim explorer of notebook 01."""

from __future__ import annotations

import ipywidgets as w

from s400.cards import claim_card, filter_claims
from s400.data import Dataset
from s400.widgets.accessible import AccessibilityFixes, LiveText

ANY = "any"


class ClaimExplorer(w.VBox):
    """Filter the op-ed's claims by paragraph, kind and speaker; pick one to see its card, which
    screen readers announce as the choice moves.

    Parameters
    ----------
    data : Dataset
        As :func:`s400.data.load` gives it.

    Examples
    --------
    In claims.csv NATO holds one claim, C19 (paragraph P4, a belief attribution):

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
        self.card = LiveText(layout=w.Layout(width="760px"))  # announced as the choice moves
        self.card.add_class("s400-claim-card")
        for control in (self.paragraph, self.kind, self.speaker):
            control.observe(self._refresh_list, "value")
        self.choice.observe(self._show_card, "value")
        super().__init__(
            [
                w.HBox([self.paragraph, self.kind, self.speaker]),
                self.choice,
                self.card,
                AccessibilityFixes(),
            ]
        )
        self.add_class("s400-app")
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
