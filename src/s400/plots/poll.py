"""The class poll's spread charts (instructor/class_poll.ipynb)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from s400.plots.alt_text import describe
from s400.plots.style import OKABE_ITO, PRESET_STYLES


def draw_poll_spread(
    rows: Mapping[str, Sequence[float]],
    presets: Mapping[str, Mapping[str, float | None]],
    xlabel: str,
    title: str,
    total: int | None = None,
    flip_at: float | None = None,
) -> Figure:
    """The class's spread, one row per quantity: one grey dot per student and, from five dots on, a
    box (quartiles, whiskers to the extremes); each preset's value is a marker of its own shape, in
    a lane of its own.

    ``presets`` maps a preset's name to its value per row (None: not drawn; a preset with no value
    in any row is named under the chart). With ``total``, a row with fewer values says how many it
    shows.
    ``flip_at`` draws a dashed line where the verdict flips.

    Parameters
    ----------
    rows : mapping
        Each quantity's label and the students' values.
    presets : mapping
        Each preset's name and its value per quantity (None: not drawn).
    xlabel, title : str
        The axis label and the title.
    total : int, optional
        How many students there are.
    flip_at : float, optional
        Where the verdict flips.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: each quantity's count, lowest, median and highest
        value and the presets' values, as a row.

    Examples
    --------
    Three values 1, 2, 6: the median is 2.

    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_poll_spread({"autonomy": [1.0, 2.0, 6.0], "air defence": []},
    ...                        {"author": {"autonomy": 0.5}}, "$bn", "t", total=3)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['autonomy', 'air defence\\n(0 of 3 shown)']
    >>> text_of(fig).rows
    (('autonomy', '3', '1', '2', '6', '0.5'), ('air defence', '0', '', '', '', ''))
    """
    labels = list(rows)
    fig = Figure(figsize=(12, 0.9 * len(labels) + 2.4), layout="constrained")
    ax = fig.add_subplot()
    jitter = np.random.default_rng(0)  # fixed, so the picture is the same on every run
    student: str | None = "a student"  # the legend's entry, given to the first dots drawn
    for i, label in enumerate(labels):
        dots = np.asarray(rows[label], dtype=float)
        if len(dots) >= 5:  # a box over fewer dots suggests more than there is
            ax.boxplot(
                dots,
                positions=[i],
                orientation="horizontal",
                widths=0.6,
                whis=(0, 100),
                showfliers=False,
                medianprops={"color": "black", "linewidth": 2},
            )
        if len(dots):
            ax.scatter(
                dots,
                i + jitter.uniform(-0.22, 0.22, len(dots)),
                s=30,
                color=OKABE_ITO["grey"],
                edgecolors="#333333",
                linewidths=0.5,
                zorder=3,
                label=student,
            )
            student = None
    lanes = np.linspace(-0.3, 0.3, len(presets)) if len(presets) > 1 else [0.0]
    unseen = []
    for (name, value_of), (marker, colour), lane in zip(
        presets.items(), PRESET_STYLES, lanes, strict=False
    ):
        points = [
            (value, i + lane)
            for i, label in enumerate(labels)
            if (value := value_of.get(label)) is not None
        ]
        if not points:
            unseen.append(name)
            continue
        xs, ys = zip(*points, strict=True)
        ax.scatter(
            xs,
            ys,
            s=90,
            marker=marker,
            color=colour,
            edgecolors="black",
            zorder=4,
            label=name,
        )
    if flip_at is not None:
        ax.axvline(flip_at, color="black", linestyle="--", linewidth=1.2, label="the verdict flips")
        for text, side in [("not rational \u2190 ", "right"), (" \u2192 rational", "left")]:
            ax.text(flip_at, -0.45, text, ha=side, va="top", fontsize=11, fontweight="bold")
    ticks = [
        label
        if total is None or len(rows[label]) == total
        else f"{label}\n({len(rows[label])} of {total} shown)"
        for label in labels
    ]
    ax.set_yticks(range(len(labels)), ticks, fontsize=12)  # sizes for a projector
    ax.tick_params(axis="x", labelsize=11)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel(
        xlabel + (f"\nNot drawn, no value in range: {'; '.join(unseen)}" if unseen else ""),
        fontsize=12,
    )
    ax.set_title(title, loc="left", fontsize=14)
    if not any(len(v) for v in rows.values()):
        ax.text(
            0.5,
            0.5,
            "No scenarios to show",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=14,
        )
    if ax.get_legend_handles_labels()[0]:
        fig.legend(loc="outside lower center", ncol=5, frameon=False, fontsize=12)
    table = []
    for label in labels:
        values = sorted(rows[label])
        spread = (values[0], float(np.median(values)), values[-1]) if values else ()
        marks = [presets[name].get(label) for name in presets]
        table.append(
            (
                label,
                len(values),
                *(f"{v:g}" for v in spread),
                *([""] * (3 - len(spread))),
                *("" if m is None else f"{m:g}" for m in marks),
            )
        )
    flips = f" The verdict flips at {flip_at:g}." if flip_at is not None else ""
    return describe(
        fig,
        f"Dot plot, {title}: each student's value, one row per quantity ({xlabel}), "
        f"with the presets' values marked.{flips}",
        header=("quantity", "students", "lowest", "median", "highest", *presets),
        rows=table,
    )
