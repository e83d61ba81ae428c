"""The channels between Washington and Ankara, cut or open (notebook 04)."""

from __future__ import annotations

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from s400.plots.layout import CHANNEL_LAYOUT
from s400.plots.style import LAYER_STYLE, OKABE_ITO


def draw_channels(
    full: nx.MultiGraph, open_ties: nx.MultiGraph | None = None, title: str = ""
) -> Figure:
    """Every tie of ``full`` as a line styled by layer; ties missing from ``open_ties`` drawn faint
    grey (cut), institutions missing from it greyed out. Parallel ties bow apart; hostile ties carry "−".

    >>> g = nx.MultiGraph([("us_gov", "turkey_gov", "E1", {"layer": "political", "sign": -1}),
    ...                    ("us_gov", "turkey_gov", "E2", {"layer": "economic", "sign": 1})])
    >>> fig = draw_channels(g, title="Two ties")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text() in "−+"]
    ['−']
    """
    open_ties = full if open_ties is None else open_ties
    fig = Figure(figsize=(7.6, 5.8), layout="constrained")
    ax = fig.add_subplot()
    pairs: dict[frozenset, list] = {}
    for u, v, key, data in full.edges(keys=True, data=True):
        pairs.setdefault(frozenset((u, v)), []).append((u, v, key, data))
    for ties in pairs.values():
        for index, (u, v, key, data) in enumerate(sorted(ties, key=lambda t: t[3]["layer"])):
            u, v = sorted(
                (u, v), key=lambda n: CHANNEL_LAYOUT[n]
            )  # a fixed direction, so bows do not swap
            rad = 0.18 * (index - (len(ties) - 1) / 2)
            live = open_ties.has_edge(u, v, key)
            colour, style = LAYER_STYLE[data["layer"]]
            ax.add_patch(
                FancyArrowPatch(
                    CHANNEL_LAYOUT[u],
                    CHANNEL_LAYOUT[v],
                    arrowstyle="-",
                    connectionstyle=f"arc3,rad={rad}",
                    shrinkA=22,
                    shrinkB=22,
                    color=colour if live else "#CCCCCC",
                    linestyle=style if live else ":",
                    linewidth=3 if live else 1.2,
                    zorder=1,
                )
            )
            if data["sign"] < 0:
                (x1, y1), (x2, y2) = CHANNEL_LAYOUT[u], CHANNEL_LAYOUT[v]
                mx, my = (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2
                ax.text(
                    mx,
                    my,
                    "−",
                    fontsize=14,
                    fontweight="bold",
                    ha="center",
                    va="center",
                    color="black" if live else "#AAAAAA",
                    zorder=2,
                    bbox=dict(boxstyle="circle,pad=0.1", facecolor="white", edgecolor="none"),
                )
    for node in full:
        x, y = CHANNEL_LAYOUT[node]
        present = node in open_ties and open_ties.degree(node) > 0
        ax.scatter(
            [x],
            [y],
            s=1100,
            marker="h",
            c=OKABE_ITO["yellow"] if present else "#EEEEEE",
            edgecolors="black" if present else "#AAAAAA",
            zorder=3,
        )
        ax.text(
            x,
            y - 0.3,
            full.nodes[node].get("label", node),
            ha="center",
            va="top",
            fontsize=10,
            color="black" if present else "#999999",
            zorder=4,
            bbox=dict(facecolor="white", edgecolor="none", alpha=0.85, pad=1),
        )
    layers = sorted({layer for _, _, layer in full.edges(data="layer")})
    legend = [
        Line2D([], [], color=LAYER_STYLE[layer][0], ls=LAYER_STYLE[layer][1], lw=3, label=layer)
        for layer in layers
    ]
    legend += [
        Line2D([], [], color="#CCCCCC", ls=":", lw=1.2, label="cut"),
        Line2D([], [], marker="$−$", color="black", ls="", markersize=9, label="hostile tie"),
    ]
    ax.legend(
        handles=legend,
        loc="lower center",
        bbox_to_anchor=(0.5, -0.13),
        ncol=len(legend),
        frameon=False,
    )
    ax.set_xlim(-0.75, 3.75)
    ax.set_ylim(-2.2, 2.0)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    return fig
