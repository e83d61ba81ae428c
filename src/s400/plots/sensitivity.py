"""Charts of the sensitivity analyses of notebook 03: tornado and Monte Carlo."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from s400.plots.alt_text import describe
from s400.plots.style import MARK, OKABE_ITO


def draw_tornado(rows: list[dict], now: float, count: int = 10) -> Figure:
    """A tornado chart: from the margin ``now``, how far each parameter moves the margin at the
    low and the high end of its range (the others held), widest swing on top. Zero is where the
    verdict flips.

    Parameters
    ----------
    rows : list of dict
        As :func:`s400.reasoning.sensitivity.tornado` gives them, widest swing first: ``label``,
        ``margin at low``, ``margin at high``, ``swing``.
    now : float
        The margin with the numbers as they are.
    count : int
        How many rows to draw.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: which parameters flip the verdict, and each row's
        margins.

    Examples
    --------
    From −0.5, "a" reaches +1.0 at the high end of its range, past zero: it can flip the verdict.

    >>> from s400.plots.alt_text import text_of
    >>> row = {"label": "a", "margin at low": -2.0, "margin at high": 1.0, "swing": 3.0}
    >>> fig = draw_tornado([row], now=-0.5)
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'a'
    >>> text_of(fig).summary
    'Margin now -0.50. Within its range, each of these alone flips the verdict: a.'
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
    ax.axvline(0, color=MARK["vermillion"], linestyle="--", linewidth=1.5, label="verdict flips")
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows], fontsize=9)
    ax.set_xlabel(f"margin of buying over the best alternative, $bn-eq. (now {now:+.2f})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False, fontsize=9)
    ax.set_title("Which numbers move the verdict most?", loc="left")
    shown = rows[::-1]  # widest swing first again
    flips = [
        r["label"]
        for r in shown
        if min(r["margin at low"], r["margin at high"])
        < 0
        < max(r["margin at low"], r["margin at high"])
    ]
    summary = f"Margin now {now:+.2f}." + (
        f" Within its range, each of these alone flips the verdict: {', '.join(flips)}."
        if flips
        else " No parameter alone flips the verdict within its range."
    )
    return describe(
        fig,
        f"Tornado chart: how far each of the {len(shown)} most influential numbers moves the "
        "margin of buying over the best alternative, at the low and the high end of its range.",
        summary,
        ("parameter", "margin at low", "margin at high", "swing"),
        [
            (
                r["label"],
                f"{r['margin at low']:+.2f}",
                f"{r['margin at high']:+.2f}",
                f"{r['swing']:.2f}",
            )
            for r in shown
        ],
    )


def draw_margins(margins: np.ndarray) -> Figure:
    """A histogram of Monte Carlo margins, with the share of worlds in which buying is rational.

    Parameters
    ----------
    margins : numpy.ndarray
        The margin of buying over the best alternative in each world drawn.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: the share, and the margins' quartiles.

    Examples
    --------
    Two of four margins are above zero; sorted, they are −4, −1, 2, 3, so the median is
    (−1 + 2) / 2 = 0.5:

    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_margins(np.array([-1.0, 2.0, 3.0, -4.0]))
    >>> "50.0%" in fig.axes[0].get_title(loc="left")
    True
    >>> text_of(fig).rows[2]
    ('median', '+0.50')
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
    points = dict(
        zip(
            ("lowest", "lower quartile", "median", "upper quartile", "highest"),
            np.quantile(margins, [0, 0.25, 0.5, 0.75, 1]),
            strict=True,
        )
    )
    return describe(
        fig,
        "Histogram of the margin of buying the S-400 over the best alternative, across "
        f"{len(margins):,} worlds drawn; buying is the rational choice in {share:.1%} of them.",
        "",
        ("statistic", "margin ($bn-equivalent)"),
        [(name, f"{value:+.2f}") for name, value in points.items()],
    )
