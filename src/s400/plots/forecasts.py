"""Charts of the op-ed's forecasts (notebook 07)."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from s400.plots.alt_text import describe
from s400.plots.style import INK, MARK


def draw_calibration(tables: Mapping[str, list[dict]]) -> Figure:
    """A reliability diagram: per forecaster, the mean forecast of each bin against how often it
    came true.

    Points on the diagonal are perfectly calibrated; marker area grows with the number of forecasts.

    Parameters
    ----------
    tables : mapping
        Each forecaster's calibration table: rows with ``bin``, ``count``, ``mean forecast`` and
        ``observed``, as :func:`s400.forecasting.calibration_table` gives them.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: how many forecasts each forecaster made, and every
        bin used as a row.

    Examples
    --------
    >>> from s400.plots.alt_text import text_of
    >>> row = {"bin": "0.0–1.0", "count": 2, "mean forecast": 0.5, "observed": 0.5}
    >>> fig = draw_calibration({"me": [row]})
    >>> fig.axes[0].get_legend().get_texts()[1].get_text()
    'me'
    >>> text_of(fig).summary
    'me: 2 forecasts in 1 bin.'
    """
    fig = Figure(figsize=(6.5, 5.2), layout="constrained")
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], color="black", linestyle="--", linewidth=1, label="perfect calibration")
    # Lines and markers in MARK colours; their "n=" labels in the INK shade of the same hue.
    styles = [("vermillion", "o"), ("blue", "s"), ("green", "D")]
    for k, (name, rows) in enumerate(tables.items()):
        hue, marker = styles[k % len(styles)]
        colour = MARK[hue]
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
                color=INK[hue],
                bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
            )
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("mean forecast in the bin")
    ax.set_ylabel("share that came true ('partly' as scored)")
    ax.legend(loc="upper left", fontsize=9)
    ax.set_title("Calibration: do the forecasts come true as often as they say?", loc="left")
    bins_used = {name: [r for r in rows if r["count"]] for name, rows in tables.items()}
    summary = " ".join(
        f"{name}: {sum(r['count'] for r in rows)} forecasts in {len(rows)} "
        f"bin{'s' if len(rows) != 1 else ''}."
        for name, rows in bins_used.items()
    )
    return describe(
        fig,
        "Reliability diagram: for each forecaster, the mean forecast in each probability bin "
        "against the share of those forecasts that came true; the diagonal is perfect calibration.",
        summary,
        ("forecaster", "bin", "forecasts", "mean forecast", "share true"),
        [
            (name, r["bin"], r["count"], f"{r['mean forecast']:.2f}", f"{r['observed']:.2f}")
            for name, rows in bins_used.items()
            for r in rows
        ],
    )
