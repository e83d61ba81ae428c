"""Drawings for the notebooks and widgets.

Signs never rely on colour alone: positive edges are solid and labelled "+", negative edges
dashed and labelled "−", so the figures read in greyscale and for colour-blind readers. Colours
come from the Okabe–Ito palette. Layouts are deterministic, so a figure looks the same on every run.
Functions return a matplotlib ``Figure`` (not pyplot state), which Jupyter displays inline.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

from s400.data import Event
from s400.data import Figure as FigureRow
from s400.fcm import Run
from s400.interdependence import Dependence

# A Jupyter kernel loads matplotlib's inline backend lazily, on the first pyplot figure, and only
# then displays Figure objects as pictures. These functions build Figures without pyplot (so no
# figure is shown twice), so load the backend now.
plt.switch_backend(matplotlib.get_backend())

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
THEME_STYLE = {  # colour and marker per theme, so lanes differ in shape as well as colour
    "procurement": (OKABE_ITO["blue"], "s"),
    "us_relations": (OKABE_ITO["vermillion"], "D"),
    "nato": (OKABE_ITO["sky"], "^"),
    "russia": (OKABE_ITO["purple"], "v"),
    "energy": (OKABE_ITO["orange"], "o"),
    "economy": (OKABE_ITO["green"], "P"),
    "domestic": (OKABE_ITO["grey"], "X"),
}
NODE_STYLE = {  # type -> (marker, face colour)
    "decision": ("s", OKABE_ITO["orange"]),
    "factor": ("D", OKABE_ITO["sky"]),
    "outcome": ("o", OKABE_ITO["green"]),
    "actor": ("h", OKABE_ITO["yellow"]),
}
#: The op-ed speaks of the purchase as done and of activation as a possibility, so it falls between
#: the first delivery (12 July 2019) and the first radar test (25 November 2019): an inference, drawn as a band.
OP_ED_WINDOW = (dt.date(2019, 7, 12), dt.date(2019, 11, 25))


def draw_timeline(events: Iterable[Event], labels: Mapping[str, str] | None = None) -> Figure:
    """Events in one lane per theme on a time axis, with the op-ed's window shaded.

    Filled markers are confidence H, hollow ones M. ``labels`` maps event ids to short captions.

    >>> from s400.data import load
    >>> fig = draw_timeline(load().timeline.values(), {"f35_removal_2019": "F-35 removal"})
    >>> [t.get_text() for t in fig.axes[0].texts][:2]
    ['F-35 removal', 'op-ed']
    """
    events = sorted(events, key=lambda e: e.start)
    labels = labels or {}
    themes = [t for t in THEME_STYLE if any(e.theme == t for e in events)]
    fig = Figure(figsize=(12, 0.6 * len(themes) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for lane, theme in enumerate(themes):
        colour, marker = THEME_STYLE[theme]
        labelled = 0
        for event in (e for e in events if e.theme == theme):
            filled = event.confidence == "H"
            ax.plot(
                event.start,
                lane,
                marker=marker,
                markersize=8,
                linestyle="",
                markerfacecolor=colour if filled else "white",
                markeredgecolor=colour,
            )
            if event.id in labels:
                above = labelled % 2 == 0  # alternate above and below, so neighbours do not collide
                ax.annotate(
                    labels[event.id],
                    (event.start, lane),
                    xytext=(0, 9 if above else -11),
                    textcoords="offset points",
                    ha="center",
                    va="bottom" if above else "top",
                    fontsize=8.5,
                )
                labelled += 1
    ax.axvspan(*OP_ED_WINDOW, color=OKABE_ITO["yellow"], alpha=0.35, zorder=0)
    ax.text(OP_ED_WINDOW[0], len(themes) - 0.45, "op-ed", fontsize=9, fontweight="bold")
    ax.set_yticks(range(len(themes)), [t.replace("_", " ") for t in themes])
    ax.set_ylim(-0.6, len(themes) - 0.2)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("The S-400 case, 2013 to March 2026 (filled: confidence H; hollow: M)", loc="left")
    return fig


def column_layout(graph: nx.Graph, column_of: Mapping[str, int]) -> dict[str, tuple[float, float]]:
    """Positions in columns (``column_of[node]``), nodes spread evenly and in a fixed order in each.

    >>> column_layout(nx.path_graph(["a", "b", "c"]), {"a": 0, "b": 1, "c": 1})
    {'a': (0, 0.0), 'b': (1, 0.5), 'c': (1, -0.5)}
    """
    columns: dict[int, list[str]] = {}
    for node in graph:
        columns.setdefault(column_of[node], []).append(node)
    pos = {}
    for col, nodes in columns.items():
        top = (len(nodes) - 1) / 2
        for i, node in enumerate(nodes):
            pos[node] = (col, top - i)
    return pos


def barycentre_layout(
    graph: nx.DiGraph, column_of: Mapping[str, int]
) -> dict[str, tuple[float, float]]:
    """Columns as given; within each, nodes ordered by the mean height of their predecessors in
    earlier columns (a barycentre heuristic that removes most crossings). Ties keep graph order.

    >>> g = nx.DiGraph([("a", "y"), ("b", "x")])
    >>> barycentre_layout(g, {"a": 0, "b": 0, "x": 1, "y": 1})
    {'a': (0, 0.5), 'b': (0, -0.5), 'y': (1, 0.5), 'x': (1, -0.5)}
    """
    pos = column_layout(graph, column_of)
    for _ in range(2):

        def height(node: str) -> float:
            earlier = [
                pos[p][1] for p in graph.predecessors(node) if column_of[p] < column_of[node]
            ]
            return sum(earlier) / len(earlier) if earlier else pos[node][1]

        ordered = nx.DiGraph()
        ordered.add_nodes_from(sorted(graph, key=lambda n: (column_of[n], -height(n))))
        pos = column_layout(ordered, column_of)
    return pos


def network_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Left to right: decisions, factors, outcomes that feed other outcomes, final outcomes.

    >>> g = nx.DiGraph([("d", "f"), ("f", "o1"), ("o1", "o2")])
    >>> nx.set_node_attributes(g, {"d": "decision", "f": "factor", "o1": "outcome", "o2": "outcome"}, "type")
    >>> network_layout(g)
    {'d': (0, 0.0), 'f': (1, 0.0), 'o1': (2, 0.0), 'o2': (3, 0.0)}
    """

    def column(node: str) -> int:
        kind = graph.nodes[node]["type"]
        if kind != "outcome":
            return {"decision": 0, "factor": 1}[kind]
        feeds_outcome = any(graph.nodes[t]["type"] == "outcome" for t in graph.successors(node))
        return 2 if feeds_outcome else 3

    return barycentre_layout(graph, {n: column(n) for n in graph})


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


def argument_layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Claims in columns by their distance from the start of the argument (topological generations)."""
    column = {n: i for i, gen in enumerate(nx.topological_generations(graph)) for n in gen}
    return barycentre_layout(graph, column)


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


def enlarge_text(fig: Figure, factor: float) -> Figure:
    """Scale every text of ``fig`` (title, labels, tick labels, legend, annotations) by ``factor``,
    for a projector. Changes the figure in place and returns it.

    >>> fig = Figure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.set_title("The case", fontsize=10)
    >>> enlarge_text(fig, 1.5).axes[0].title.get_fontsize()
    15.0
    """
    tick_labels = set()
    for axis in (axis for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)):
        # Tick labels made at drawing time take their size from the axis, so set it there.
        labels = axis.get_ticklabels()
        tick_labels.update(labels)
        if labels:
            axis.set_tick_params(labelsize=labels[0].get_fontsize() * factor)
    for text in set(fig.findobj(Text)) - tick_labels:
        text.set_fontsize(text.get_fontsize() * factor)
    return fig


def to_png(fig: Figure, dpi: int = 80) -> bytes:
    """PNG bytes of a figure, for an ipywidgets Image (no pyplot, no Output widget)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


#: One colour per consequence; segments also carry text labels, so the chart does not rely on colour alone.
CONSEQUENCE_COLOURS = {
    "air_defence": "#0072B2",
    "autonomy": "#56B4E9",
    "f35_place": "#D55E00",
    "us_sanctions": "#E69F00",
    "us_relations": "#CC79A7",
    "economy": "#009E73",
    "national_security": "#F0E442",
    "nato_trust": "#999999",
    "nato_standing": "#DDDDDD",
    "russian_leverage": "#555555",
    "supply_independence": "#44AA99",
    "defence_industry": "#9988DD",
    "price": "#FFFFFF",
}


def contribution_chart_svg(
    contributions: Mapping[str, Mapping[str, float]],
    prices: Mapping[str, float],
    labels: Mapping[str, str],
    scale: float = 30.0,
) -> str:
    """Stacked bars, one per option: benefits to the right of zero, costs (and the price) to the
    left, and a marker at the net value. SVG text, so a widget can redraw it in microseconds.
    The viewBox lets a page scale the chart (the projector dashboard widens it to the screen).

    >>> svg = contribution_chart_svg({"buy": {"air_defence": 2.0, "f35_place": -1.0}}, {"buy": 0.5},
    ...                              {"buy": "Buy", "air_defence": "Air defence", "f35_place": "F-35"})
    >>> "net +0.5" in svg and svg.startswith("<svg")
    True
    """
    width, left, row, top = 860, 190, 48, 28
    axis = lambda x: left + (width - left - 20) * (x + scale) / (2 * scale)  # noqa: E731
    options = list(contributions)
    height = top + row * len(options) + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="13">'
    ]
    parts.append(f'<text x="10" y="{top - 10}" fill="#555">$bn-equivalent</text>')
    for tick in range(-int(scale), int(scale) + 1, 10):
        x = axis(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{top + row * len(options)}" '
            f'stroke="{"#000" if tick == 0 else "#ddd"}"/>'
            f'<text x="{x:.1f}" y="{top - 10}" text-anchor="middle" fill="#555">{tick:+d}</text>'
        )
    for i, option in enumerate(options):
        y = top + i * row + 8
        parts.append(
            f'<text x="{left - 8}" y="{y + 20}" text-anchor="end" font-weight="bold">{labels[option]}</text>'
        )
        items = [(c, v) for c, v in contributions[option].items() if abs(v) > 1e-9]
        if prices.get(option):
            items.append(("price", -prices[option]))
        ends = {1: 0.0, -1: 0.0}
        for name, value in sorted(items, key=lambda kv: -abs(kv[1])):
            side = 1 if value > 0 else -1
            start, ends[side] = ends[side], ends[side] + value
            x0, x1 = sorted(
                (axis(max(-scale, min(scale, start))), axis(max(-scale, min(scale, ends[side]))))
            )
            short = "price" if name == "price" else labels[name].split(" (")[0]
            parts.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{x1 - x0:.1f}" height="28" '
                f'fill="{CONSEQUENCE_COLOURS[name]}" stroke="#000" stroke-width="0.6">'
                f"<title>{short}: {value:+.2f}</title></rect>"
            )
            if x1 - x0 > 7.5 * len(short[:14]):
                fill = (
                    "#fff" if name in ("air_defence", "f35_place", "russian_leverage") else "#000"
                )
                parts.append(
                    f'<text x="{(x0 + x1) / 2:.1f}" y="{y + 18}" text-anchor="middle" '
                    f'font-size="11" fill="{fill}">{short[:14]}</text>'
                )
        net = sum(v for _, v in items)
        xn = axis(max(-scale, min(scale, net)))
        # A triangle above the bar points at the net value without covering any segment.
        parts.append(
            f'<path d="M{xn:.1f},{y} l-6,-9 l12,0 z" fill="#000"/>'
            f'<line x1="{xn:.1f}" y1="{y}" x2="{xn:.1f}" y2="{y + 28}" stroke="#000" stroke-width="2"/>'
            f'<text x="{xn + 6:.1f}" y="{y + 42}" font-weight="bold">net {net:+.1f}</text>'
        )
    legend_y = top + row * len(options) + 30
    x = 10
    for name in [*next(iter(contributions.values())), "price"]:
        text = "price" if name == "price" else labels[name].split(" (")[0]
        if x + 26 + 6.2 * len(text) > width - 10:
            x, legend_y = 10, legend_y + 18
        parts.append(
            f'<rect x="{x}" y="{legend_y}" width="12" height="12" fill="{CONSEQUENCE_COLOURS[name]}" stroke="#000" stroke-width="0.6"/>'
            f'<text x="{x + 16}" y="{legend_y + 11}" font-size="11">{text}</text>'
        )
        x += 26 + 6.2 * len(text)
    parts[0] = parts[0].replace(
        f'height="{height}"',  # fit the legend
        f'height="{legend_y + 20}" viewBox="0 0 {width} {legend_y + 20}"',
    )
    parts.append("</svg>")
    return "".join(parts)


def draw_tornado(rows: list[dict], now: float, count: int = 10) -> Figure:
    """A tornado chart: from the margin ``now``, how far each parameter moves the margin at the
    low and the high end of its range (the others held), widest swing on top. Zero is where the
    verdict flips.

    >>> fig = draw_tornado([{"label": "a", "margin at low": -2.0, "margin at high": 1.0, "swing": 3.0}], now=-0.5)
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'a'
    """
    rows = rows[:count][::-1]
    fig = Figure(figsize=(10, 0.42 * len(rows) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    for i, r in enumerate(rows):
        ax.barh(
            i,
            r["margin at low"] - now,
            left=now,
            color=OKABE_ITO["sky"],
            edgecolor="black",
            hatch="//",
            label="at the low end of its range" if i == 0 else None,
        )
        ax.barh(
            i,
            r["margin at high"] - now,
            left=now,
            color=OKABE_ITO["orange"],
            edgecolor="black",
            label="at the high end" if i == 0 else None,
        )
    ax.axvline(now, color="black", linewidth=1)
    ax.axvline(
        0, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1.5, label="verdict flips"
    )
    ax.set_yticks(range(len(rows)), [r["label"] for r in rows], fontsize=9)
    ax.set_xlabel(f"margin of buying over the best alternative, $bn-eq. (now {now:+.2f})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, frameon=False, fontsize=9)
    ax.set_title("Which numbers move the verdict most?", loc="left")
    return fig


def draw_margins(margins: np.ndarray) -> Figure:
    """A histogram of Monte Carlo margins, with the share of worlds in which buying is rational.

    >>> fig = draw_margins(np.array([-1.0, 2.0, 3.0, -4.0]))
    >>> "50.0%" in fig.axes[0].get_title(loc="left")
    True
    """
    fig = Figure(figsize=(10, 3.2), layout="constrained")
    ax = fig.add_subplot()
    share = float((margins > 0).mean())
    ax.hist(margins, bins=60, color=OKABE_ITO["blue"], edgecolor="white")
    ax.axvline(0, color="black", linestyle="--")
    ax.set_xlabel("margin of buying the S-400 over the best alternative ($bn-equivalent)")
    ax.set_ylabel("worlds")
    ax.set_title(
        f"Buying is the rational choice in {share:.1%} of {len(margins):,} plausible worlds",
        loc="left",
    )
    return fig


def draw_dependence(channels: Sequence[Dependence]) -> Figure:
    """Turkey's and Russia's sensitivity and vulnerability, channel by channel (notebook 06).

    Sensitivity bars are hatched, vulnerability bars solid; Turkey orange, Russia purple.
    Channels without a Turkish exposure in the sources are marked "no data".

    >>> from s400.interdependence import Dependence
    >>> fig = draw_dependence([Dependence("gas", 0.4, "", 0.5, 0.2, 0.3, "")])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['gas']
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
    return fig


def draw_figure_series(figures: Sequence[FigureRow], title: str, unit: str) -> Figure:
    """One bar per sourced figure, ranges drawn as whiskers, each bar labelled with its year and row id.

    >>> from s400.data import load
    >>> f = load().figures
    >>> fig = draw_figure_series([f["russian_visitors_2015"], f["russian_visitors_2016_ator"]], "t", "m")
    >>> len(fig.axes[0].patches)
    2
    """
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax = fig.add_subplot()
    for i, f in enumerate(figures):
        value = f.value if f.value is not None else (f.low + f.high) / 2
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
            ax.errorbar(
                i, value, yerr=[[value - f.low], [f.high - value]], color="black", capsize=6
            )
        shown = f"{f.value:g}" if f.value is not None else f"{f.low:g}–{f.high:g}"
        ax.annotate(
            shown,
            (i, f.high if f.value is None else value),
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
    ax.set_ylim(
        0, 1.15 * max(f.value if f.value is not None else f.high for f in figures)
    )  # room for labels
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
    return fig


def draw_fcm_run(run: Run, labels: Mapping[str, str], show: Sequence[str]) -> Figure:
    """Activation of the chosen concepts, step by step, as a fuzzy cognitive map settles.

    Lines differ in marker as well as colour, so they read in greyscale.

    >>> from s400.fcm import simulate
    >>> run = simulate(np.array([[0.0, 0.5], [0.0, 0.0]]), ["a", "b"], {"a": 1.0})
    >>> fig = draw_fcm_run(run, {"a": "A", "b": "B"}, ["b"])
    >>> fig.axes[0].get_lines()[0].get_label()
    'B (+0.46)'
    """
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    ax = fig.add_subplot()
    colours = [
        c for name, c in OKABE_ITO.items() if name != "yellow"
    ]  # yellow is too faint for a line
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
    ax.set_title(f"{ending} after {len(run.states) - 1} steps", loc="left")
    return fig


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


# --- notebook 04: channels between Washington and Ankara ------------------------------------

#: US institutions on the left, Turkish on the right, the shared alliance and the sanctioned agency between.
CHANNEL_LAYOUT = {
    "pentagon": (0, 1.6),
    "us_gov": (0, 0),
    "us_finance": (0, -1.6),
    "tsk": (3, 1.6),
    "turkey_gov": (3, 0),
    "tr_finance": (3, -1.6),
    "nato": (1.5, 0.85),
    "ssb": (1.5, -0.85),
}
#: Colour and line style per layer, so layers differ in pattern as well as colour.
LAYER_STYLE = {
    "political": (OKABE_ITO["vermillion"], "-"),
    "military": (OKABE_ITO["blue"], (0, (6, 3))),
    "financial": (OKABE_ITO["green"], (0, (6, 2, 1, 2))),
    "economic": (OKABE_ITO["orange"], (0, (1, 2))),
    "energy": (OKABE_ITO["purple"], (0, (3, 1))),
}


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


# --- notebook 05: balance and beliefs ----------------------------------------------------------

#: Turkey in the middle, the other three around it: the four actors' six relations drawn without a crossing.
BALANCE_LAYOUT = {
    "turkey_gov": (0, 0),
    "russia": (0, 1.15),
    "us_gov": (-1.35, -0.7),
    "nato": (1.35, -0.7),
}


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


#: Marker and colour of each preset in the class-poll charts, in the order the presets are given.
PRESET_STYLES = [
    ("X", OKABE_ITO["vermillion"]),
    ("D", OKABE_ITO["blue"]),
    ("^", OKABE_ITO["green"]),
    ("s", OKABE_ITO["purple"]),
]


def draw_poll_spread(
    rows: Mapping[str, Sequence[float]],
    presets: Mapping[str, Mapping[str, float | None]],
    xlabel: str,
    title: str,
    total: int | None = None,
    flip_at: float | None = None,
) -> Figure:
    """The class's spread, one row per quantity: one grey dot per student and, from five dots on, a box
    (quartiles, whiskers to the extremes); each preset's value is a marker of its own shape, in a lane
    of its own.

    ``presets`` maps a preset's name to its value per row (None: not drawn; a preset with no value in
    any row is named under the chart). With ``total``, a row with fewer values says how many it shows.
    ``flip_at`` draws a dashed line where the verdict flips.

    >>> fig = draw_poll_spread({"autonomy": [1.0, 2.0, 6.0], "air defence": []}, {"author": {"autonomy": 0.5}},
    ...                        "$bn", "t", total=3)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['autonomy', 'air defence\\n(0 of 3 shown)']
    """
    labels = list(rows)
    fig = Figure(figsize=(12, 0.9 * len(labels) + 2.4), layout="constrained")
    ax = fig.add_subplot()
    jitter = np.random.default_rng(0)  # fixed, so the picture is the same on every run
    student = "a student"  # the legend's entry, given to the first dots drawn
    for i, label in enumerate(labels):
        values = np.asarray(rows[label], dtype=float)
        if len(values) >= 5:  # a box over fewer dots suggests more than there is
            ax.boxplot(
                values,
                positions=[i],
                orientation="horizontal",
                widths=0.6,
                whis=(0, 100),
                showfliers=False,
                medianprops={"color": "black", "linewidth": 2},
            )
        if len(values):
            ax.scatter(
                values,
                i + jitter.uniform(-0.22, 0.22, len(values)),
                s=30,
                color=OKABE_ITO["grey"],
                edgecolors="#333333",
                linewidths=0.5,
                zorder=3,
                label=student,
            )
            student = None
    lanes = np.linspace(-0.3, 0.3, len(presets)) if len(presets) > 1 else [0.0]
    unseen = []
    for (name, values), (marker, colour), lane in zip(presets.items(), PRESET_STYLES, lanes):
        points = [
            (values[label], i + lane)
            for i, label in enumerate(labels)
            if values.get(label) is not None
        ]
        if not points:
            unseen.append(name)
            continue
        ax.scatter(
            *zip(*points),
            s=90,
            marker=marker,
            color=colour,
            edgecolors="black",
            zorder=4,
            label=name,
        )
    if flip_at is not None:
        ax.axvline(flip_at, color="black", linestyle="--", linewidth=1.2, label="the verdict flips")
        for text, side in [("not rational \u2190 ", "right"), (" \u2192 rational", "left")]:
            ax.text(flip_at, -0.45, text, ha=side, va="top", fontsize=11, fontweight="bold")
    ticks = [
        label
        if total is None or len(rows[label]) == total
        else f"{label}\n({len(rows[label])} of {total} shown)"
        for label in labels
    ]
    ax.set_yticks(range(len(labels)), ticks, fontsize=12)  # sizes for a projector
    ax.tick_params(axis="x", labelsize=11)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel(
        xlabel + (f"\nNot drawn, no value in range: {'; '.join(unseen)}" if unseen else ""),
        fontsize=12,
    )
    ax.set_title(title, loc="left", fontsize=14)
    if not any(len(v) for v in rows.values()):
        ax.text(
            0.5,
            0.5,
            "No scenarios to show",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=14,
        )
    if ax.get_legend_handles_labels()[0]:
        fig.legend(loc="outside lower center", ncol=5, frameon=False, fontsize=12)
    return fig
