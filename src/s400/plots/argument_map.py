"""The argument map of notebook 01: the op-ed's claims and how they bear on each other.

Relations never rely on colour alone: supports are solid, qualifies dotted, rebuts dashed.
"""

from __future__ import annotations

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from s400.plots.alt_text import TextAlternative, describe
from s400.plots.layout import argument_layout
from s400.plots.style import MARK, OKABE_ITO


def argument_text(graph: nx.DiGraph) -> TextAlternative:
    """The argument map in words: how many claims and links of each kind, the conclusions, the
    conditional claims, and every link as a row of a table.

    Parameters
    ----------
    graph : networkx.DiGraph
        Claims with ``kind``, ``speaker`` and ``condition``; links with ``relation``.

    Returns
    -------
    TextAlternative
        Alt text, summary and one row per link (claim, relation, claim).

    Examples
    --------
    >>> g = nx.DiGraph([("C1", "C3", {"relation": "supports"}),
    ...                 ("C2", "C3", {"relation": "rebuts"})])
    >>> nx.set_node_attributes(g, {"C1": "fact", "C2": "fact", "C3": "conclusion"}, "kind")
    >>> nx.set_node_attributes(g, {"C1": "author", "C2": "Ankara", "C3": "author"}, "speaker")
    >>> nx.set_node_attributes(g, {"C1": None, "C2": "if activated", "C3": None}, "condition")
    >>> text = argument_text(g)
    >>> text.alt
    'Argument map of the op-ed: 3 claims joined by 2 arrows (1 supports, 1 rebuts). Conclusion: C3.'
    >>> text.summary
    'Claims reported from others: C2. Conditional claims: C2.'
    """
    relations = [r for _, _, r in graph.edges(data="relation")]
    counts = ", ".join(
        f"{relations.count(r)} {r}" for r in ("supports", "qualifies", "rebuts") if r in relations
    )
    conclusions = [n for n, kind in graph.nodes(data="kind") if kind == "conclusion"]
    reported = [n for n, speaker in graph.nodes(data="speaker") if speaker != "author"]
    conditional = [n for n, condition in graph.nodes(data="condition") if condition]
    alt = (
        f"Argument map of the op-ed: {graph.number_of_nodes()} claims joined by "
        f"{len(relations)} arrows ({counts}). Conclusion: {', '.join(conclusions) or 'none'}."
    )
    summary = " ".join(
        f"{name}: {', '.join(nodes)}."
        for name, nodes in (
            ("Claims reported from others", reported),
            ("Conditional claims", conditional),
        )
        if nodes
    )
    rows = [(u, relation, v) for u, v, relation in graph.edges(data="relation")]
    return TextAlternative(alt, summary, ("claim", "relation", "bears on claim"), tuple(rows))


def draw_argument_map(graph: nx.DiGraph) -> Figure:
    """The argument map: the author's claims as circles, claims reported from others as squares,
    supports solid, qualifies dotted, rebuts dashed; conditional claims outlined thick.

    Parameters
    ----------
    graph : networkx.DiGraph
        As :func:`s400.network.argument_map` gives it.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative (:func:`argument_text`) attached.

    Examples
    --------
    The op-ed's 26 claims, each labelled with its id:

    >>> from s400.data import load
    >>> from s400.network import argument_map
    >>> fig = draw_argument_map(argument_map(load()))
    >>> sorted(t.get_text() for t in fig.axes[0].texts if t.get_text())[:3]
    ['C01', 'C02', 'C03']
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
            arrowprops={
                "arrowstyle": "-|>",
                "mutation_scale": 12,
                "shrinkA": 14,
                "shrinkB": 14,
                "linestyle": styles[relation],
                "linewidth": 1.4,
                "color": "black" if relation == "supports" else MARK["vermillion"],
            },
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
        Line2D([], [], color=MARK["vermillion"], lw=1.4, ls=":", label="qualifies"),
        Line2D([], [], color=MARK["vermillion"], lw=1.4, ls=(0, (5, 3)), label="rebuts"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor=OKABE_ITO["sky"],
            markeredgecolor="black",
            markersize=10,
            label="the author's claim",
        ),
        Line2D(
            [],
            [],
            marker="s",
            linestyle="none",
            markerfacecolor=OKABE_ITO["yellow"],
            markeredgecolor="black",
            markersize=10,
            label="reported from Ankara or NATO",
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
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
            linestyle="none",
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
    text = argument_text(graph)
    return describe(fig, text.alt, text.summary, text.header, text.rows)
