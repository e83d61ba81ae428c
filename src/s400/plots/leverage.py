"""Charts of Russia's leverage (notebook 06): dependence, sourced figures, the cognitive map."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from s400.data import Figure as FigureRow
from s400.fcm import Run
from s400.interdependence import Dependence
from s400.plots.alt_text import describe
from s400.plots.style import MARK, OKABE_ITO


def draw_dependence(channels: Sequence[Dependence]) -> Figure:
    """Turkey's and Russia's sensitivity and vulnerability, channel by channel (notebook 06).

    Sensitivity bars are hatched, vulnerability bars solid; Turkey orange, Russia purple.
    Channels without a Turkish exposure in the sources are marked "no data".

    Parameters
    ----------
    channels : sequence of Dependence
        The ties, in the order drawn from the top.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: the four numbers of each channel as a row.

    Examples
    --------
    Turkey: exposure 0.4, vulnerability 0.4 × (1 − 0.5) = 0.2; Russia: 0.2 and
    0.2 × (1 − 0.3) = 0.14.

    >>> from s400.interdependence import Dependence
    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_dependence([Dependence("gas", 0.4, "", 0.5, 0.2, 0.3, "")])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['gas']
    >>> text_of(fig).rows
    (('gas', '0.40', '0.20', '0.20', '0.14'),)
    """
    fig = Figure(figsize=(10, 0.9 * len(channels) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    bars = [
        ("Turkey: sensitivity", lambda c: c.turkey_exposure, OKABE_ITO["orange"], "//"),
        ("Turkey: vulnerability", lambda c: c.turkey_vulnerability, OKABE_ITO["orange"], ""),
        ("Russia: sensitivity", lambda c: c.russia_exposure, OKABE_ITO["purple"], "//"),
        ("Russia: vulnerability", lambda c: c.russia_vulnerability, OKABE_ITO["purple"], ""),
    ]
    height = 0.2
    for k, (label, value, colour, hatch) in enumerate(bars):
        for i, c in enumerate(channels):
            if c.turkey_exposure is None:
                continue
            ax.barh(
                i + (k - 1.5) * height,
                value(c),
                height=height,
                color=colour,
                hatch=hatch,
                edgecolor="black",
                label=label if i == 0 else None,
            )
    for i, c in enumerate(channels):
        if c.turkey_exposure is None:
            ax.text(
                0.01,
                i,
                "no data: the sources give no share",
                va="center",
                fontsize=9,
                style="italic",
            )
    ax.set_yticks(range(len(channels)), [c.name for c in channels])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(
        "dependence (share in [0, 1]); Turkey's exposures from figures.csv, the rest judgements"
    )
    ax.legend(loc="lower right", fontsize=9)
    ax.set_title("Who depends on whom, and how much is left after adapting?", loc="left")
    missing = [c.name for c in channels if c.turkey_exposure is None]
    rows = [
        (c.name, *(f"{value(c):.2f}" for _, value, _, _ in bars))
        if c.turkey_exposure is not None
        else (c.name, "no data", "", "", "")
        for c in channels
    ]
    return describe(
        fig,
        f"Bar chart of Turkey's and Russia's dependence on each other in {len(channels)} channels: "
        "sensitivity (the exposure) and vulnerability (what is left after adapting), 0 to 1.",
        f"No share in the sources for: {', '.join(missing)}." if missing else "",
        ("channel", *(label for label, _, _, _ in bars)),
        rows,
    )


def draw_figure_series(figures: Sequence[FigureRow], title: str, unit: str) -> Figure:
    """One bar per sourced figure, ranges drawn as whiskers, each bar labelled with its year and
    row id.

    Parameters
    ----------
    figures : sequence of s400.data.Figure
        The rows of figures.csv to draw, in order.
    title : str
        Drawn at the top left.
    unit : str
        The y axis's label.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: each figure's year, id, value and check as a row.

    Examples
    --------
    >>> from s400.data import load
    >>> from s400.plots.alt_text import text_of
    >>> f = load().figures
    >>> fig = draw_figure_series([f["russian_visitors_2015"], f["russian_visitors_2016_ator"]],
    ...                          "Visitors", "millions")
    >>> len(fig.axes[0].patches)
    2
    >>> text_of(fig).alt
    'Bar chart, Visitors: 2 sourced figures, in millions.'
    """
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax = fig.add_subplot()
    for i, f in enumerate(figures):
        low, high = _extent(f)
        value = f.value if f.value is not None else (low + high) / 2
        hollow = f.check in ("unconfirmed", "not_rechecked")
        ax.bar(
            i,
            value,
            color="white" if hollow else OKABE_ITO["blue"],
            edgecolor=OKABE_ITO["blue"],
            hatch="//" if hollow else "",
            linewidth=1.5,
        )
        if f.value is None:
            ax.errorbar(i, value, yerr=[[value - low], [high - value]], color="black", capsize=6)
        shown = f"{f.value:g}" if f.value is not None else f"{low:g}–{high:g}"
        ax.annotate(
            shown,
            (i, high),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
        )
    # Row ids are long: tilt them so that neighbours do not overlap.
    ax.set_xticks(
        range(len(figures)),
        [f"{f.year}  {f.id}" for f in figures],
        fontsize=8,
        rotation=20,
        ha="right",
    )
    ax.set_ylim(0, 1.15 * max(_extent(f)[1] for f in figures))  # room for labels
    ax.set_ylabel(unit)
    ax.set_title(title, loc="left")
    ax.text(
        1.0,
        1.01,
        "hatched: unconfirmed or not re-checked",
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
    )
    rows = [
        (f.year, f.id, f"{f.value:g}" if f.value is not None else f"{f.low:g}–{f.high:g}", f.check)
        for f in figures
    ]
    return describe(
        fig,
        f"Bar chart, {title}: {len(figures)} sourced figures, in {unit}.",
        header=("year", "row of figures.csv", unit, "check"),
        rows=rows,
    )


def _extent(figure: FigureRow) -> tuple[float, float]:
    """The figure's low and high ends: its range, or its value at both ends."""
    if figure.value is not None:
        return figure.value, figure.value
    if figure.low is None or figure.high is None:  # the loader refuses such a row
        raise ValueError(f"figures.csv, row {figure.id}: neither a value nor a range")
    return figure.low, figure.high


def draw_fcm_run(run: Run, labels: Mapping[str, str], show: Sequence[str]) -> Figure:
    """Activation of the chosen concepts, step by step, as a fuzzy cognitive map settles.

    Lines differ in marker as well as colour, so they read in greyscale.

    Parameters
    ----------
    run : Run
        As :func:`s400.fcm.simulate` gives it.
    labels : mapping
        Each concept's label.
    show : sequence of str
        The concepts to draw.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative attached: how the map ended, and each concept's activation
        step by step as a row.

    Examples
    --------
    "a" is held at 1 and drives "b" with weight 0.5: b settles at tanh(0.5) = 0.46.

    >>> import numpy as np
    >>> from s400.fcm import simulate
    >>> from s400.plots.alt_text import text_of
    >>> run = simulate(np.array([[0.0, 0.5], [0.0, 0.0]]), ["a", "b"], {"a": 1.0})
    >>> fig = draw_fcm_run(run, {"a": "A", "b": "B"}, ["b"])
    >>> fig.axes[0].get_lines()[0].get_label()
    'B (+0.46)'
    >>> text_of(fig).summary
    'Where each concept ends: B +0.46.'
    """
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax = fig.add_subplot()
    colours = list(MARK.values())
    markers = "osD^vPX*h"
    for k, node in enumerate(show):
        series = run.states[:, run.nodes.index(node)]
        ax.plot(
            range(len(series)),
            series,
            marker=markers[k % len(markers)],
            color=colours[k % len(colours)],
            label=f"{labels[node]} ({series[-1]:+.2f})",
        )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("step")
    ax.set_ylabel("activation (−1 down … +1 up)")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=9, frameon=False)
    ending = {
        "cycle": f"The map cycles with period {run.period}",
        "fixed point": "The map settles at a fixed point",
        "no convergence": "The map has not settled",
    }[run.status]
    title = f"{ending} after {len(run.states) - 1} steps"
    ax.set_title(title, loc="left")
    finals = "; ".join(f"{labels[n]} {run.final[n]:+.2f}" for n in show)
    return describe(
        fig,
        f"Line chart of a fuzzy cognitive map's activations, step by step. {title}.",
        f"Where each concept ends: {finals}.",
        ("step", *(labels[n] for n in show)),
        [
            (step, *(f"{state[run.nodes.index(n)]:+.2f}" for n in show))
            for step, state in enumerate(run.states)
        ],
    )
