"""The channels between Washington and Ankara, cut or open (notebook 04), as a figure and as SVG
for the channel cutter."""

from __future__ import annotations

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from s400.plots.alt_text import TextAlternative, describe
from s400.plots.export import figure_svg
from s400.plots.layout import CHANNEL_LAYOUT
from s400.plots.style import CUT, LAYER_STYLE, OKABE_ITO

STATES = {True: "open", False: "cut"}


def channels_text(
    full: nx.MultiGraph, open_ties: nx.MultiGraph, title: str = ""
) -> TextAlternative:
    """The channels in words: how many ties in which layers, which are cut, who is cut off.

    Parameters
    ----------
    full : networkx.MultiGraph
        Every tie, keyed by edge id, with ``layer`` and ``sign``; institutions with ``label``.
    open_ties : networkx.MultiGraph
        The ties still open.
    title : str
        The drawing's title, repeated at the start of the alt text.

    Returns
    -------
    TextAlternative
        Alt text, summary and one row per tie (tie, between, layer, kind, state).

    Examples
    --------
    Two ties between the governments; the political one cut:

    >>> g = nx.MultiGraph([("us_gov", "turkey_gov", "E1", {"layer": "political", "sign": -1}),
    ...                    ("us_gov", "turkey_gov", "E2", {"layer": "economic", "sign": 1})])
    >>> nx.set_node_attributes(g, {"us_gov": "US", "turkey_gov": "Turkey"}, "label")
    >>> left = nx.MultiGraph(g)
    >>> left.remove_edge("us_gov", "turkey_gov", "E1")
    >>> text = channels_text(g, left)
    >>> print(text.alt)  # doctest: +NORMALIZE_WHITESPACE
    Ties between Washington and Ankara: 2 institutions joined by 2 ties (economic, political);
    1 cut.
    >>> text.rows[0]
    ('E1', 'US – Turkey', 'political', 'hostile', 'cut')
    """
    label = {n: full.nodes[n].get("label", n) for n in full}
    layers = sorted({layer for _, _, layer in full.edges(data="layer")})
    cut = full.number_of_edges() - open_ties.number_of_edges()
    alt = (
        f"{title + ': ' if title else ''}Ties between Washington and Ankara: "
        f"{full.number_of_nodes()} institutions joined by {full.number_of_edges()} ties "
        f"({', '.join(layers)}); {f'{cut} cut' if cut else 'all open'}."
    )
    off = [label[n] for n in full if n not in open_ties or open_ties.degree(n) == 0]
    rows = [
        (
            key,
            f"{label[u]} – {label[v]}",
            data["layer"],
            "hostile" if data["sign"] < 0 else "friendly",
            STATES[open_ties.has_edge(u, v, key)],
        )
        for u, v, key, data in full.edges(keys=True, data=True)
    ]
    summary = f"Cut off: {', '.join(off)}." if off else ""
    return TextAlternative(alt, summary, ("tie", "between", "layer", "kind", "state"), tuple(rows))


def hidden_channel_groups(full: nx.MultiGraph, open_ties: nx.MultiGraph) -> set[str]:
    """The groups of :func:`channels_svg` to hide for a view: each tie and institution is drawn
    both open and cut, and the state it is not in is hidden.

    Parameters
    ----------
    full : networkx.MultiGraph
        Every tie.
    open_ties : networkx.MultiGraph
        The ties still open.

    Returns
    -------
    set of str
        Group ids.

    Examples
    --------
    >>> g = nx.MultiGraph([("a", "b", "E1", {"layer": "political", "sign": 1})])
    >>> sorted(hidden_channel_groups(g, nx.MultiGraph()))
    ['node-a-open', 'node-b-open', 'tie-E1-open']
    """
    shown_ties = {key: open_ties.has_edge(u, v, key) for u, v, key in full.edges(keys=True)}
    shown_nodes = {n: n in open_ties and open_ties.degree(n) > 0 for n in full}
    return {f"tie-{key}-{STATES[not live]}" for key, live in shown_ties.items()} | {
        f"node-{n}-{STATES[not present]}" for n, present in shown_nodes.items()
    }


def _draw_tie(ax: Axes, u: str, v: str, data: dict, rad: float, live: bool, gid: str) -> None:
    colour, style = LAYER_STYLE[data["layer"]]
    ax.add_patch(
        FancyArrowPatch(
            CHANNEL_LAYOUT[u],
            CHANNEL_LAYOUT[v],
            arrowstyle="-",
            connectionstyle=f"arc3,rad={rad}",
            shrinkA=22,
            shrinkB=22,
            color=colour if live else CUT,
            linestyle=style if live else ":",
            linewidth=3 if live else 1.2,
            zorder=1,
            gid=gid,
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
            color="black" if live else CUT,
            zorder=2,
            gid=f"{gid}-sign",
            bbox={"boxstyle": "circle,pad=0.1", "facecolor": "white", "edgecolor": "none"},
        )


def _draw_institution(ax: Axes, node: str, label: str, present: bool, gid: str) -> None:
    x, y = CHANNEL_LAYOUT[node]
    ax.scatter(
        [x],
        [y],
        s=1100,
        marker="h",
        c=OKABE_ITO["yellow"] if present else "#EEEEEE",
        edgecolors="black" if present else CUT,
        zorder=3,
        gid=gid,
    )
    ax.text(
        x,
        y - 0.3,
        label,
        ha="center",
        va="top",
        fontsize=10,
        color="black" if present else CUT,
        zorder=4,
        gid=f"{gid}-label",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
    )


def _channels_figure(
    full: nx.MultiGraph, open_ties: nx.MultiGraph, title: str, both_states: bool
) -> Figure:
    fig = Figure(figsize=(7.6, 5.8), layout="constrained")
    ax = fig.add_subplot()
    pairs: dict[frozenset, list] = {}
    for u, v, key, data in full.edges(keys=True, data=True):
        pairs.setdefault(frozenset((u, v)), []).append((u, v, key, data))
    for ties in pairs.values():
        for index, (u, v, key, data) in enumerate(sorted(ties, key=lambda t: t[3]["layer"])):
            u, v = sorted((u, v), key=lambda n: CHANNEL_LAYOUT[n])  # fixed, so bows do not swap
            rad = 0.18 * (index - (len(ties) - 1) / 2)
            live = open_ties.has_edge(u, v, key)
            for state in (False, True) if both_states else (live,):
                _draw_tie(ax, u, v, data, rad, state, f"tie-{key}-{STATES[state]}")
    for node in full:
        present = node in open_ties and open_ties.degree(node) > 0
        label = full.nodes[node].get("label", node)
        for state in (False, True) if both_states else (present,):
            _draw_institution(ax, node, label, state, f"node-{node}-{STATES[state]}")
    layers = sorted({layer for _, _, layer in full.edges(data="layer")})
    legend = [
        Line2D([], [], color=LAYER_STYLE[layer][0], ls=LAYER_STYLE[layer][1], lw=3, label=layer)
        for layer in layers
    ]
    legend += [
        Line2D([], [], color=CUT, ls=":", lw=1.2, label="cut"),
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


def draw_channels(
    full: nx.MultiGraph, open_ties: nx.MultiGraph | None = None, title: str = ""
) -> Figure:
    """Every tie of ``full`` as a line styled by layer; ties missing from ``open_ties`` drawn thin,
    grey and dotted (cut), institutions missing from it greyed out. Parallel ties bow apart;
    hostile ties carry "−".

    Parameters
    ----------
    full : networkx.MultiGraph
        Every tie, as :func:`s400.channels.channel_graph` gives them.
    open_ties : networkx.MultiGraph, optional
        The ties still open (default: all).
    title : str
        Drawn at the top left.

    Returns
    -------
    matplotlib.figure.Figure
        With its text alternative (:func:`channels_text`) attached.

    Examples
    --------
    One of the two ties is hostile, so one "−" is drawn:

    >>> g = nx.MultiGraph([("us_gov", "turkey_gov", "E1", {"layer": "political", "sign": -1}),
    ...                    ("us_gov", "turkey_gov", "E2", {"layer": "economic", "sign": 1})])
    >>> fig = draw_channels(g, title="Two ties")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_text() in "−+"]
    ['−']
    """
    open_ties = full if open_ties is None else open_ties
    fig = _channels_figure(full, open_ties, title, both_states=False)
    text = channels_text(full, open_ties, title)
    return describe(fig, text.alt, text.summary, text.header, text.rows)


def channels_svg(full: nx.MultiGraph) -> str:
    """Every tie and institution drawn both open and cut, as SVG in which the channel cutter hides
    the state each is not in (:func:`hidden_channel_groups`), instead of redrawing the figure.

    Parameters
    ----------
    full : networkx.MultiGraph
        Every tie.

    Returns
    -------
    str
        An ``<svg>`` element with groups ``tie-<id>-open``, ``tie-<id>-cut``,
        ``node-<name>-open`` and ``node-<name>-cut``.

    Examples
    --------
    >>> g = nx.MultiGraph([("us_gov", "turkey_gov", "E1", {"layer": "political", "sign": 1})])
    >>> svg = channels_svg(g)
    >>> [f'<g id="{group}"' in svg for group in ("tie-E1-open", "tie-E1-cut", "node-us_gov-cut")]
    [True, True, True]
    """
    return figure_svg(_channels_figure(full, full, "", both_states=True))
