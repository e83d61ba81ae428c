"""Structural balance and belief updating (notebook 05)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import networkx as nx
from matplotlib.figure import Figure

from s400.cards import SIGN
from s400.plots.alt_text import describe
from s400.plots.layout import BALANCE_LAYOUT
from s400.plots.style import MARK, OKABE_ITO


def draw_balance(
    graphs: Mapping[str, nx.Graph], triad_counts: Mapping[str, tuple[int, int]]
) -> Figure:
    """Signed actor networks side by side (friendly solid "+", hostile dashed "−"), each titled with
    ``triad_counts[name]`` = (balanced triads, all triads).

    Parameters
    ----------
    graphs : mapping
        Each period's name and its signed actor network (nodes with ``label``, edges with ``sign``).
    triad_counts : mapping
        Each period's (balanced triads, all triads).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per period, with its text alternative attached: the counts, and every relation
        as a row (period, actor, actor, sign).

    Examples
    --------
    >>> from s400.plots.alt_text import text_of
    >>> g = nx.Graph([("a", "b", {"sign": 1})])
    >>> nx.set_node_attributes(g, {"a": "A", "b": "B"}, "label")
    >>> fig = draw_balance({"before": g}, {"before": (0, 0)})
    >>> fig.axes[0].get_title(loc="left")
    'before: 0 of 0 triads balanced'
    >>> text_of(fig).alt
    'Signed networks of 2 actors, one per period. before: 0 of 0 triads balanced.'
    >>> text_of(fig).rows
    (('before', 'A', 'B', '+'),)
    """
    fig = Figure(figsize=(5.4 * len(graphs), 4.4), layout="constrained")
    for ax, (name, graph) in zip(
        fig.subplots(1, len(graphs), squeeze=False)[0], graphs.items(), strict=True
    ):
        pos = (
            BALANCE_LAYOUT
            if set(graph) <= set(BALANCE_LAYOUT)
            else nx.circular_layout(sorted(graph))
        )
        for u, v, sign in graph.edges(data="sign"):
            (x1, y1), (x2, y2) = pos[u], pos[v]
            ax.plot(
                [x1, x2],
                [y1, y2],
                color="#333333" if sign > 0 else MARK["vermillion"],
                ls="-" if sign > 0 else (0, (4, 3)),
                lw=2.5,
                zorder=1,
            )
            ax.text(
                (x1 + x2) / 2,
                (y1 + y2) / 2,
                "+" if sign > 0 else "−",
                fontsize=13,
                fontweight="bold",
                ha="center",
                va="center",
                zorder=2,
                bbox={"boxstyle": "circle,pad=0.15", "facecolor": "white", "edgecolor": "none"},
            )
        for node in graph:
            x, y = pos[node]
            ax.scatter(
                [x], [y], s=900, marker="h", c=OKABE_ITO["yellow"], edgecolors="black", zorder=3
            )
            beside = (
                pos is BALANCE_LAYOUT and node == "turkey_gov"
            )  # below it, the label would sit on two edges
            label = graph.nodes[node]["label"]
            ax.text(
                x + 0.14 if beside else x,
                y if beside else y - 0.2,
                "\n".join(textwrap.wrap(label, 12)) if beside else label,
                ha="left" if beside else "center",
                va="center" if beside else "top",
                fontsize=10,
                zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
            )
        balanced, total = triad_counts[name]
        ax.set_title(f"{name}: {balanced} of {total} triads balanced", loc="left")
        ax.set_xlim(-1.8, 1.8)
        ax.set_ylim(-1.1, 1.35)
        ax.set_aspect("equal")
        ax.set_axis_off()
    titles = " ".join(ax.get_title(loc="left") + "." for ax in fig.axes)
    actors = len(set().union(*graphs.values()))
    rows = [
        (name, graph.nodes[u]["label"], graph.nodes[v]["label"], SIGN[sign])
        for name, graph in graphs.items()
        for u, v, sign in graph.edges(data="sign")
    ]
    alt = f"Signed networks of {actors} actors, one per period. {titles}"
    return describe(fig, alt, header=("period", "actor", "actor", "relation"), rows=rows)


def draw_posterior(labels: list[str], path: list[float], prior: float) -> Figure:
    """The belief in "bargaining chip" after each move, starting from the prior; 0.5 marks
    indifference.

    Parameters
    ----------
    labels : list of str
        The moves, in order.
    path : list of float
        The belief after each move.
    prior : float
        The belief before any move.

    Returns
    -------
    matplotlib.figure.Figure
        A line chart, with its text alternative attached (the belief step by step).

    Examples
    --------
    From 0.5, down to 1/3 after M01, back to 0.5 after M02:

    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_posterior(["M01", "M02"], [1 / 3, 0.5], 0.5)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['prior', 'M01', 'M02']
    >>> print(text_of(fig).summary)  # doctest: +NORMALIZE_WHITESPACE
    From 0.50 before any move to 0.50 after M02; lowest 0.33 (after M01), highest 0.50 (before any
    move).
    """
    fig = Figure(figsize=(9, 3.6), layout="constrained")
    ax = fig.add_subplot()
    xs, ys = range(len(path) + 1), [prior, *path]
    ax.plot(xs, ys, marker="o", color=MARK["blue"], lw=2)
    for x, y in zip(xs, ys, strict=True):
        ax.annotate(
            f"{y:.2f}", (x, y), xytext=(0, 8), textcoords="offset points", ha="center", fontsize=9
        )
    ax.axhline(0.5, color=MARK["grey"], ls=":", lw=1)
    ax.set_xticks(list(xs), ["prior", *labels])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("P(bargaining chip)")
    ax.set_title(
        "Belief in the 'bargaining chip' reading, move by move (likelihoods are judgements)",
        loc="left",
    )
    ax.grid(axis="y", alpha=0.3)
    steps = ["prior", *labels]
    low, high = ys.index(min(ys)), ys.index(max(ys))
    where = {i: "before any move" if i == 0 else f"after {steps[i]}" for i in (0, low, high)}
    summary = (
        f"From {ys[0]:.2f} before any move to {ys[-1]:.2f} "
        f"{'after ' + steps[-1] if len(ys) > 1 else 'with no move counted'}; "
        f"lowest {ys[low]:.2f} ({where[low]}), highest {ys[high]:.2f} ({where[high]})."
    )
    return describe(
        fig,
        "Line chart: the belief that the S-400 was a bargaining chip, move by move.",
        summary,
        ("step", "P(bargaining chip)"),
        [(step, f"{y:.2f}") for step, y in zip(steps, ys, strict=True)],
    )
