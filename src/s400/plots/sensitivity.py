"""Charts of the sensitivity analyses of notebook 03: tornado and Monte Carlo."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from s400.plots.style import OKABE_ITO


def draw_tornado(rows: list[dict], now: float, count: int = 10) -> Figure:
    """A tornado chart: from the margin ``now``, how far each parameter moves the margin at the
    low and the high end of its range (the others held), widest swing on top. Zero is where the
    verdict flips.

    >>> fig = draw_tornado([{"label": "a", "margin at low": -2.0, "margin at high": 1.0, "swing": 3.0}], now=-0.5)
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'a'
    """
    rows = rows[:count][::-1]
    fig = Figure(figsize=(10, 0.42 * len(rows) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for i, r in enumerate(rows):
        ax.barh(
            i,
            r["margin at low"] - now,
            left=now,
            color=OKABE_ITO["sky"],
            edgecolor="black",
            hatch="//",
            label="at the low end of its range" if i == 0 else None,
        )
        ax.barh(
            i,
            r["margin at high"] - now,
            left=now,
            color=OKABE_ITO["orange"],
            edgecolor="black",
            label="at the high end" if i == 0 else None,
        )
    ax.axvline(now, color="black", linewidth=1)
    ax.axvline(
        0, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1.5, label="verdict flips"
    )
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows], fontsize=9)
    ax.set_xlabel(f"margin of buying over the best alternative, $bn-eq. (now {now:+.2f})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False, fontsize=9)
    ax.set_title("Which numbers move the verdict most?", loc="left")
    return fig


def draw_margins(margins: np.ndarray) -> Figure:
    """A histogram of Monte Carlo margins, with the share of worlds in which buying is rational.

    >>> fig = draw_margins(np.array([-1.0, 2.0, 3.0, -4.0]))
    >>> "50.0%" in fig.axes[0].get_title(loc="left")
    True
    """
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    ax = fig.add_subplot()
    share = float((margins > 0).mean())
    ax.hist(margins, bins=60, color=OKABE_ITO["blue"], edgecolor="white")
    ax.axvline(0, color="black", linestyle="--")
    ax.set_xlabel("margin of buying the S-400 over the best alternative ($bn-equivalent)")
    ax.set_ylabel("worlds")
    ax.set_title(
        f"Buying is the rational choice in {share:.1%} of {len(margins):,} plausible worlds",
        loc="left",
    )
    return fig
