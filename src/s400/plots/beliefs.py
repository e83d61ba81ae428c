"""Structural balance and belief updating (notebook 05)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import networkx as nx
from matplotlib.figure import Figure

from s400.plots.layout import BALANCE_LAYOUT
from s400.plots.style import OKABE_ITO


def draw_balance(
    graphs: Mapping[str, nx.Graph], triad_counts: Mapping[str, tuple[int, int]]
) -> Figure:
    """Signed actor networks side by side (friendly solid "+", hostile dashed "−"), each titled with
    ``triad_counts[name]`` = (balanced triads, all triads).

    >>> g = nx.Graph([("a", "b", {"sign": 1})])
    >>> nx.set_node_attributes(g, {"a": "A", "b": "B"}, "label")
    >>> draw_balance({"before": g}, {"before": (0, 0)}).axes[0].get_title(loc="left")
    'before: 0 of 0 triads balanced'
    """
    fig = Figure(figsize=(5.4 * len(graphs), 4.4), layout="constrained")
    for ax, (name, graph) in zip(fig.subplots(1, len(graphs), squeeze=False)[0], graphs.items()):
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
                color="#333333" if sign > 0 else OKABE_ITO["vermillion"],
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
                bbox=dict(boxstyle="circle,pad=0.15", facecolor="white", edgecolor="none"),
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
                bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1),
            )
        balanced, total = triad_counts[name]
        ax.set_title(f"{name}: {balanced} of {total} triads balanced", loc="left")
        ax.set_xlim(-1.8, 1.8)
        ax.set_ylim(-1.1, 1.35)
        ax.set_aspect("equal")
        ax.set_axis_off()
    return fig


def draw_posterior(labels: list[str], path: list[float], prior: float) -> Figure:
    """The belief in "bargaining chip" after each move, starting from the prior; 0.5 marks indifference.

    >>> fig = draw_posterior(["M01", "M02"], [1 / 3, 0.5], 0.5)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['prior', 'M01', 'M02']
    """
    fig = Figure(figsize=(9, 3.6), layout="constrained")
    ax = fig.add_subplot()
    xs, ys = range(len(path) + 1), [prior, *path]
    ax.plot(xs, ys, marker="o", color=OKABE_ITO["blue"], lw=2)
    for x, y in zip(xs, ys):
        ax.annotate(
            f"{y:.2f}", (x, y), xytext=(0, 8), textcoords="offset points", ha="center", fontsize=9
        )
    ax.axhline(0.5, color=OKABE_ITO["grey"], ls=":", lw=1)
    ax.set_xticks(list(xs), ["prior", *labels])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("P(bargaining chip)")
    ax.set_title(
        "Belief in the 'bargaining chip' reading, move by move (likelihoods are judgements)",
        loc="left",
    )
    ax.grid(axis="y", alpha=0.3)
    return fig
