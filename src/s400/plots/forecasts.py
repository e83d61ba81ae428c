"""Charts of the op-ed's forecasts (notebook 07)."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from s400.plots.style import OKABE_ITO


def draw_calibration(tables: Mapping[str, list[dict]]) -> Figure:
    """A reliability diagram: per forecaster, the mean forecast of each bin against how often it came true.

    Points on the diagonal are perfectly calibrated; marker area grows with the number of forecasts.

    >>> fig = draw_calibration({"me": [{"bin": "0.0–1.0", "count": 2, "mean forecast": 0.5, "observed": 0.5}]})
    >>> fig.axes[0].get_legend().get_texts()[1].get_text()
    'me'
    """
    fig = Figure(figsize=(6.5, 5.2), layout="constrained")
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="black", linestyle="--", linewidth=1, label="perfect calibration")
    styles = [(OKABE_ITO["vermillion"], "o"), (OKABE_ITO["blue"], "s"), (OKABE_ITO["green"], "D")]
    for k, (name, rows) in enumerate(tables.items()):
        colour, marker = styles[k % len(styles)]
        used = [r for r in rows if r["count"]]
        ax.plot(
            [r["mean forecast"] for r in used],
            [r["observed"] for r in used],
            color=colour,
            marker=marker,
            linewidth=1,
            label=name,
        )
        ax.scatter(
            [r["mean forecast"] for r in used],
            [r["observed"] for r in used],
            s=[60 * r["count"] for r in used],
            color=colour,
            alpha=0.35,
            edgecolor="black",
        )
        for r in used:
            ax.annotate(
                f"n={r['count']}",
                (r["mean forecast"], r["observed"]),
                textcoords="offset points",
                xytext=(10, 6 - 14 * k),
                fontsize=8,
                color=colour,
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
            )
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("mean forecast in the bin")
    ax.set_ylabel("share that came true ('partly' as scored)")
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("Calibration: do the forecasts come true as often as they say?", loc="left")
    return fig
