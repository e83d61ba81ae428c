"""Wide tables a keyboard can scroll: a table wider than the notebook in a named, focusable box.

JupyterLab scrolls an output wider than the notebook in a box that takes no keyboard focus, so a
student without a mouse cannot reach its right-hand columns (axe: scrollable-region-focusable,
WCAG 2.1.1). A table shown as a :class:`WideTable` scrolls in its own box instead, which Tab
reaches and arrow keys scroll, and which a screen reader announces by its label; MathJax leaves its
dollar amounts alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd

from s400.readouts import NO_MATH


@dataclass(frozen=True)
class WideTable:
    """A DataFrame shown in a box that scrolls sideways, takes keyboard focus and has a name.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    label : str
        What the table is, read out when the box takes focus.

    Examples
    --------
    Jupyter shows the table's HTML inside a named ``<div role="region" tabindex="0">``; its plain
    text is the table's:

    >>> table = WideTable(pd.DataFrame({"note": ["x & y"]}), "Notes")
    >>> 'role="region" aria-label="Notes" tabindex="0"' in table._repr_html_()
    True
    >>> print(table)
        note
    0  x & y
    """

    frame: pd.DataFrame
    label: str

    def __str__(self) -> str:
        return str(self.frame)

    def __repr__(self) -> str:
        return repr(self.frame)  # what nbval and a reader without HTML see

    def _repr_html_(self) -> str:
        box = f'role="region" aria-label="{escape(self.label)}" tabindex="0"'
        box += ' data-lm-suppress-shortcuts="true"'  # arrow keys scroll it, not JupyterLab's cells
        style = "overflow-x:auto;max-width:100%"
        return f'<div class="{NO_MATH}" {box} style="{style}">{self.frame.to_html()}</div>'
