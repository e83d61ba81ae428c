"""The influence network (notebook 02) and the argument map (notebook 01).

Signs never rely on colour alone: positive edges are solid and labelled "+", negative edges
dashed and labelled "−".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from s400.plots.layout import argument_layout, network_layout
from s400.plots.style import NODE_STYLE, OKABE_ITO


def draw_network(
    graph: nx.DiGraph,
    pos: Mapping[str, tuple[float, float]] | None = None,
    title: str = "",
    highlight: Iterable[tuple[str, str]] = (),
) -> Figure:
    """The signed, weighted influence network: solid "+" and dashed "−" edges, width by weight.

    ``highlight`` draws the given edges thicker and darker (e.g. one path).

    >>> from s400.data import load
    >>> from s400.network import effect_graph
    >>> fig = draw_network(effect_graph(load()), title="The author's network")
    >>> fig.axes[0].get_title(loc="left")
    "The author's network"
    """
    pos = dict(pos or network_layout(graph))
    highlight = set(highlight)
    fig = Figure(figsize=(13, 8), layout="constrained")
    ax = fig.add_subplot()
    for u, v, data in graph.edges(data=True):
        positive = data["sign"] > 0
        strong = (u, v) in highlight
        ax.annotate(
            "",
            xy=pos[v],
            xytext=pos[u],
            arrowprops=dict(
                arrowstyle="-|>",
                mutation_scale=14,
                shrinkA=17,
                shrinkB=17,
                linestyle="-" if positive else (0, (4, 3)),
                linewidth=(1 + 3 * data["weight"]) * (1.8 if strong else 1),
                color="black" if strong else ("#333333" if positive else OKABE_ITO["vermillion"]),
                connectionstyle="arc3,rad=0.08",
            ),
        )
        mx, my = 0.55 * pos[u][0] + 0.45 * pos[v][0], 0.55 * pos[u][1] + 0.45 * pos[v][1]
        ax.text(
            mx,
            my,
            "+" if positive else "−",
            fontsize=11,
            fontweight="bold",
            ha="center",
            va="center",
            bbox=dict(boxstyle="circle,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85),
        )
    for kind, (marker, colour) in NODE_STYLE.items():
        nodes = [n for n in graph if graph.nodes[n].get("type") == kind]
        ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=900,
            marker=marker,
            c=colour,
            edgecolors="black",
            zorder=3,
        )
    for node in graph:
        x, y = pos[node]
        ax.text(
            x,
            y - 0.33,
            graph.nodes[node].get("label", node),
            ha="center",
            va="top",
            fontsize=9.5,
            bbox=dict(facecolor="white", edgecolor="none", alpha=0.8, pad=1),
        )
    legend = [
        Line2D([], [], color="#333333", lw=2, label="+ : more of one, more of the other"),
        Line2D(
            [],
            [],
            color=OKABE_ITO["vermillion"],
            lw=2,
            ls=(0, (4, 3)),
            label="− : more of one, less of the other",
        ),
        *[
            Line2D(
                [],
                [],
                marker=m,
                color="white",
                markerfacecolor=c,
                markeredgecolor="black",
                markersize=11,
                label=k,
            )
            for k, (m, c) in NODE_STYLE.items()
            if k != "actor"
        ],
    ]
    ax.legend(
        handles=legend,
        loc="lower center",
        bbox_to_anchor=(0.5, -0.12),
        ncol=5,
        frameon=False,
        fontsize=9,
    )
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.45, max(xs) + 0.45)
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.5)
    ax.set_axis_off()
    ax.set_title(title, loc="left")
    return fig


def draw_argument_map(graph: nx.DiGraph) -> Figure:
    """The argument map: the author's claims as circles, claims reported from others as squares,
    supports solid, qualifies dotted, rebuts dashed; conditional claims outlined thick.

    >>> from s400.data import load
    >>> from s400.network import argument_map
    >>> len(draw_argument_map(argument_map(load())).axes[0].texts) >= 26
    True
    """
    pos = argument_layout(graph)
    fig = Figure(figsize=(12, 7), layout="constrained")
    ax = fig.add_subplot()
    styles = {"supports": "-", "qualifies": ":", "rebuts": (0, (5, 3))}
    for u, v, relation in graph.edges(data="relation"):
        ax.annotate(
            "",
            xy=pos[v],
            xytext=pos[u],
            arrowprops=dict(
                arrowstyle="-|>",
                mutation_scale=12,
                shrinkA=14,
                shrinkB=14,
                linestyle=styles[relation],
                linewidth=1.4,
                color="black" if relation == "supports" else OKABE_ITO["vermillion"],
            ),
        )
    for node, attrs in graph.nodes(data=True):
        x, y = pos[node]
        colour = (
            OKABE_ITO["green"]
            if attrs["kind"] == "conclusion"
            else (OKABE_ITO["sky"] if attrs["speaker"] == "author" else OKABE_ITO["yellow"])
        )
        ax.scatter(
            [x],
            [y],
            s=700,
            marker="o" if attrs["speaker"] == "author" else "s",
            c=colour,
            edgecolors="black",
            linewidths=3 if attrs["condition"] else 1,
            zorder=3,
        )
        ax.text(x, y, node, ha="center", va="center", fontsize=8, fontweight="bold", zorder=4)
    legend = [
        Line2D([], [], color="black", lw=1.4, label="supports"),
        Line2D([], [], color=OKABE_ITO["vermillion"], lw=1.4, ls=":", label="qualifies"),
        Line2D([], [], color=OKABE_ITO["vermillion"], lw=1.4, ls=(0, (5, 3)), label="rebuts"),
        Line2D(
            [],
            [],
            marker="o",
            color="white",
            markerfacecolor=OKABE_ITO["sky"],
            markeredgecolor="black",
            markersize=10,
            label="the author's claim",
        ),
        Line2D(
            [],
            [],
            marker="s",
            color="white",
            markerfacecolor=OKABE_ITO["yellow"],
            markeredgecolor="black",
            markersize=10,
            label="reported from Ankara or NATO",
        ),
        Line2D(
            [],
            [],
            marker="o",
            color="white",
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=3,
            markersize=10,
            label="conditional ('if activated')",
        ),
        Line2D(
            [],
            [],
            marker="o",
            color="white",
            markerfacecolor=OKABE_ITO["green"],
            markeredgecolor="black",
            markersize=10,
            label="conclusion",
        ),
    ]
    ax.legend(
        handles=legend,
        loc="lower center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=4,
        frameon=False,
        fontsize=9,
    )
    ax.set_axis_off()
    ax.set_title(
        "The op-ed's argument: each arrow points from a claim to the claim it bears on", loc="left"
    )
    return fig
