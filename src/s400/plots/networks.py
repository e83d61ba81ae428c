"""The influence network (notebook 02), as a figure and as SVG for the network explorer.

Signs never rely on colour alone: positive edges are solid and labelled "+", negative edges
dashed and labelled "−".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from s400.cards import SIGN
from s400.plots.alt_text import TextAlternative, describe
from s400.plots.export import enlarge_text, figure_svg
from s400.plots.layout import network_layout
from s400.plots.style import MARK, NODE_STYLE

Point = tuple[float, float]


def network_text(
    graph: nx.DiGraph, title: str = "", highlight: Iterable[tuple[str, str]] = ()
) -> TextAlternative:
    """The influence network in words: what it holds, and every edge as a row of a table.

    Parameters
    ----------
    graph : networkx.DiGraph
        Nodes with ``label``; edges with ``id``, ``sign``, ``weight`` and ``layer``.
    title : str
        The drawing's title, repeated at the start of the alt text.
    highlight : iterable of (str, str)
        Edges drawn highlighted; named in the summary.

    Returns
    -------
    TextAlternative
        Alt text, summary and one row per edge (id, from, to, sign, weight, layer).

    Examples
    --------
    Two edges, one of each sign:

    >>> g = nx.DiGraph([("a", "b", {"id": "E1", "sign": 1, "weight": 0.5, "layer": "military"}),
    ...                 ("b", "c", {"id": "E2", "sign": -1, "weight": 0.2, "layer": "economic"})])
    >>> nx.set_node_attributes(g, {"a": "A", "b": "B", "c": "C"}, "label")
    >>> text = network_text(g, highlight=[("b", "c")])
    >>> text.alt
    'Influence network: 3 factors joined by 2 signed edges (1 positive, 1 negative).'
    >>> text.summary
    'Highlighted: E2, B → C (−).'
    >>> text.rows[1]
    ('E2', 'B', 'C', '−', '0.20', 'economic')
    """
    label = {n: graph.nodes[n].get("label", n) for n in graph}
    signs = [sign for _, _, sign in graph.edges(data="sign")]
    alt = (
        f"{title + ': ' if title else ''}Influence network: {graph.number_of_nodes()} factors "
        f"joined by {len(signs)} signed edges ({signs.count(1)} positive, "
        f"{signs.count(-1)} negative)."
    )
    marked = [
        f"{graph.edges[u, v]['id']}, {label[u]} → {label[v]} ({SIGN[graph.edges[u, v]['sign']]})"
        for u, v in highlight
        if graph.has_edge(u, v)
    ]
    rows = [
        (d["id"], label[u], label[v], SIGN[d["sign"]], f"{d['weight']:.2f}", d["layer"])
        for u, v, d in graph.edges(data=True)
    ]
    return TextAlternative(
        alt,
        f"Highlighted: {'; '.join(marked)}." if marked else "",
        ("edge", "from", "to", "sign", "weight", "layer"),
        tuple(rows),
    )


def _draw_edge(ax: Axes, start: Point, end: Point, data: Mapping, strong: bool, gid: str) -> None:
    positive = data["sign"] > 0
    arrow = ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>",
            "mutation_scale": 14,
            "shrinkA": 17,
            "shrinkB": 17,
            "linestyle": "-" if positive else (0, (4, 3)),
            "linewidth": (1 + 3 * data["weight"]) * (1.8 if strong else 1),
            "color": "black" if strong else ("#333333" if positive else MARK["vermillion"]),
            "connectionstyle": "arc3,rad=0.08",
        },
    )
    assert arrow.arrow_patch is not None  # annotate made one: arrowprops were given
    arrow.arrow_patch.set_gid(gid)


def _network_figure(
    graph: nx.DiGraph,
    pos: Mapping[str, Point],
    title: str,
    highlight: Iterable[tuple[str, str]],
    every_highlight: bool,
) -> Figure:
    highlight = set(highlight)
    fig = Figure(figsize=(13, 8), layout="constrained")
    ax = fig.add_subplot()
    for u, v, data in graph.edges(data=True):
        edge = data["id"]
        _draw_edge(ax, pos[u], pos[v], data, (u, v) in highlight, f"edge-{edge}")
        mx, my = 0.55 * pos[u][0] + 0.45 * pos[v][0], 0.55 * pos[u][1] + 0.45 * pos[v][1]
        ax.text(
            mx,
            my,
            SIGN[data["sign"]],
            fontsize=11,
            fontweight="bold",
            ha="center",
            va="center",
            gid=f"sign-{edge}",
            bbox={
                "boxstyle": "circle,pad=0.15",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.85,
            },
        )
    if every_highlight:  # drawn over the edges, for a widget to show one at a time
        for u, v, data in graph.edges(data=True):
            _draw_edge(ax, pos[u], pos[v], data, True, f"highlight-{data['id']}")
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
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
        )
    legend = [
        Line2D([], [], color="#333333", lw=2, label="+ : more of one, more of the other"),
        Line2D(
            [],
            [],
            color=MARK["vermillion"],
            lw=2,
            ls=(0, (4, 3)),
            label="− : more of one, less of the other",
        ),
        *[
            Line2D(
                [],
                [],
                marker=m,
                linestyle="none",
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


def draw_network(
    graph: nx.DiGraph,
    pos: Mapping[str, Point] | None = None,
    title: str = "",
    highlight: Iterable[tuple[str, str]] = (),
) -> Figure:
    """The signed, weighted influence network: solid "+" and dashed "−" edges, width by weight.

    Parameters
    ----------
    graph : networkx.DiGraph
        As :func:`s400.network.effect_graph` gives it.
    pos : mapping, optional
        Each node's position; by default :func:`~s400.plots.layout.network_layout`.
    title : str
        Drawn at the top left.
    highlight : iterable of (str, str)
        Edges drawn thicker and black (e.g. one path).

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative (:func:`network_text`) attached.

    Examples
    --------
    >>> from s400.data import load
    >>> from s400.network import effect_graph
    >>> from s400.plots.alt_text import text_of
    >>> fig = draw_network(effect_graph(load()), title="The author's network")
    >>> fig.axes[0].get_title(loc="left")
    "The author's network"
    >>> text_of(fig).alt.startswith("The author's network: Influence network")
    True
    """
    pos = dict(pos or network_layout(graph))
    highlight = list(highlight)
    fig = _network_figure(graph, pos, title, highlight, every_highlight=False)
    text = network_text(graph, title, highlight)
    return describe(fig, text.alt, text.summary, text.header, text.rows)


def network_svg(graph: nx.DiGraph, pos: Mapping[str, Point], text_scale: float = 1.0) -> str:
    """The whole influence network once, as SVG in which a widget shows or hides each edge.

    Every edge ``E`` is drawn as the groups ``edge-E`` and ``sign-E``, and again, highlighted, as
    ``highlight-E``; :func:`~s400.plots.export.hide_groups` hides what a view leaves out, in
    microseconds, where redrawing the figure takes a tenth of a second or more.

    Parameters
    ----------
    graph : networkx.DiGraph
        Every edge a view may show.
    pos : mapping
        Each node's position.
    text_scale : float
        Text enlarged by this factor (1.5 for a projector).

    Returns
    -------
    str
        An ``<svg>`` element.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b", {"id": "E1", "sign": -1, "weight": 0.5, "layer": "military"})])
    >>> svg = network_svg(g, {"a": (0, 0), "b": (1, 0)})
    >>> [f'<g id="{group}-E1"' in svg for group in ("edge", "sign", "highlight")]
    [True, True, True]
    """
    fig = _network_figure(graph, pos, "", (), every_highlight=True)
    return figure_svg(enlarge_text(fig, text_scale))


def hidden_network_groups(graph: nx.DiGraph, view: nx.DiGraph, highlight: str | None) -> set[str]:
    """The groups of :func:`network_svg` to hide for a view: the edges ``view`` leaves out, and
    every highlight but that of edge ``highlight`` (if the view shows it).

    Parameters
    ----------
    graph : networkx.DiGraph
        Every edge, with ``id``.
    view : networkx.DiGraph
        The edges shown (a subgraph of ``graph``).
    highlight : str or None
        The id of the edge to highlight.

    Returns
    -------
    set of str
        Group ids.

    Examples
    --------
    E2 is left out of the view, so it and both highlights are hidden (E2's is not shown):

    >>> g = nx.DiGraph([("a", "b", {"id": "E1"}), ("b", "c", {"id": "E2"})])
    >>> sorted(hidden_network_groups(g, g.edge_subgraph([("a", "b")]), "E2"))
    ['edge-E2', 'highlight-E1', 'highlight-E2', 'sign-E2']
    """
    shown = {d["id"] for _, _, d in view.edges(data=True)}
    hidden = set()
    for _, _, d in graph.edges(data=True):
        if d["id"] not in shown:
            hidden |= {f"edge-{d['id']}", f"sign-{d['id']}"}
        if d["id"] != highlight or d["id"] not in shown:
            hidden.add(f"highlight-{d['id']}")
    return hidden
