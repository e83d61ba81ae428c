"""The result lines and tables the widgets show: a verdict, a path's effect, a Monte Carlo share,
a posterior move by move, where a cognitive map settled.

Plain functions of numbers, so every text a widget shows is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import networkx as nx
import numpy as np

from s400.bayes import likelihood_ratio
from s400.data import Move
from s400.network import path_effect
from s400.reasoning import Lab, Verdict, verdict_text


def verdict_card(lab: Lab, verdict: Verdict) -> str:
    """The reasoning lab's verdict in large type, with every option's value below it.

    Parameters
    ----------
    lab : Lab
        For the options' labels.
    verdict : Verdict
        As ``Lab.verdict`` gives it.

    Returns
    -------
    str
        HTML: the verdict's sentence, then "option: value" for each option.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> values = {"buy_s400": -2.5, "take_patriot": -1.0, "buy_neither": 0.0}
    >>> verdict_card(lab, Verdict("buy_neither", values, -2.5)).split("</div>")[1]
    'Buy the S-400: -2.50 · Take the Patriot offer: -1.00 · Buy neither: +0.00'
    """
    values = " · ".join(f"{lab.labels[o]}: {v:+.2f}" for o, v in verdict.values.items())
    return f"<div style='font-size:1.25em'><b>{verdict_text(lab, verdict)}</b></div>{values}"


# Left-aligned: JupyterLab right-aligns table cells, which leaves long text ragged on the left.
CELL = (
    "padding:3px 8px;border-top:1px solid #ddd;vertical-align:top;line-height:1.35;text-align:left"
)


#: Classes MathJax skips (JupyterLab typesets "$...$" in HTML outputs): "$7bn" is money, not math.
NO_MATH = "tex2jax_ignore mathjax_ignore"


def html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table with a header row, every cell escaped.

    Parameters
    ----------
    header : sequence of str
        The column headings.
    rows : sequence of sequences
        The cells, row by row (each turned into text).

    Returns
    -------
    str
        HTML.

    Examples
    --------
    >>> html_table(["a"], [["<1>"]]).count("<th "), "&lt;1&gt;" in html_table(["a"], [["<1>"]])
    (1, True)
    """
    head = "".join(
        f"<th scope='col' style='{CELL};text-align:left'>{escape(h, quote=False)}</th>"
        for h in header
    )
    body = "".join(
        "<tr>"
        + "".join(f"<td style='{CELL}'>{escape(str(cell), quote=False)}</td>" for cell in row)
        + "</tr>"
        for row in rows
    )
    return f"<table style='border-collapse:collapse;max-width:1000px'><tr>{head}</tr>{body}</table>"


def path_effect_text(graph: nx.DiGraph, path: Sequence[str]) -> str:
    """A path's effect and the product it comes from.

    Parameters
    ----------
    graph : networkx.DiGraph
        Edges with ``sign`` and ``weight``.
    path : sequence of str
        The nodes along the path.

    Returns
    -------
    str
        HTML: the effect in bold, then each edge's sign x weight.

    Examples
    --------
    >>> g = nx.DiGraph(
    ...     [("a", "b", {"sign": -1, "weight": 0.5}), ("b", "c", {"sign": 1, "weight": 0.4})]
    ... )
    >>> path_effect_text(g, ["a", "b", "c"])  # -1 x 0.5 x 1 x 0.4
    '<b>Effect of the path: -0.20</b> = (-1 × 0.50) × (+1 × 0.40)'
    """
    edges = [graph.edges[u, v] for u, v in nx.utils.pairwise(path)]
    factors = " × ".join(f"({e['sign']:+d} × {e['weight']:.2f})" for e in edges)
    return f"<b>Effect of the path: {path_effect(graph, path):+.2f}</b> = {factors}"


def monte_carlo_summary(margins: np.ndarray, spread: float) -> str:
    """One sentence on how often buying is rational in the worlds drawn.

    Parameters
    ----------
    margins : numpy.ndarray
        The margin in each world.
    spread : float
        The spread the worlds were drawn with, as a share of each slider's range.

    Returns
    -------
    str
        The sentence.

    Examples
    --------
    >>> monte_carlo_summary(np.array([1.0, -1.0, -2.0, -3.0]), 0.5)
    "In 25.0% of 4 worlds drawn around your numbers (spread 50% of each slider's range), \
buying the S-400 is the rational choice."
    """
    share = float((margins > 0).mean())
    return (
        f"In {share:.1%} of {len(margins):,} worlds drawn around your numbers "
        f"(spread {spread:.0%} of each slider's range), buying the S-400 is the rational choice."
    )


def posterior_summary(count: int, final: float, prior: float) -> str:
    """The belief in "bargaining chip" after the moves counted, in large type.

    Parameters
    ----------
    count : int
        How many moves were counted.
    final : float
        The belief after them.
    prior : float
        The belief before any move.

    Returns
    -------
    str
        HTML: one sentence.

    Examples
    --------
    >>> posterior_summary(1, 1 / 3, 0.5)  # 1/3 to 2 places
    "<div style='font-size:1.2em'><b>After 1 moves, P(bargaining chip) = 0.33</b> \
(prior 0.50).</div>"
    """
    return (
        f"<div style='font-size:1.2em'><b>After {count} moves, P(bargaining chip) = "
        f"{final:.2f}</b> (prior {prior:.2f}).</div>"
    )


def posterior_table(
    moves: Mapping[str, Move], used: Sequence[tuple[str, float, float]], path: Sequence[float]
) -> str:
    """Move by move: what Ankara did, the two judged chances, their ratio and the belief after.

    Parameters
    ----------
    moves : mapping
        The moves by id (for what Ankara did).
    used : sequence of tuple
        The moves counted: (id, P(move | chip), P(move | realignment)).
    path : sequence of float
        The belief after each move counted.

    Returns
    -------
    str
        HTML: a table with a header row.

    Examples
    --------
    >>> from s400.data import load
    >>> table = posterior_table(load().moves, [("M01", 0.2, 0.4)], [1 / 3])
    >>> [cell.split(">")[-1] for cell in table.split("</td>")[2:6]]  # ratio 0.2 / 0.4
    ['0.20', '0.40', '0.50', '0.33']
    """
    rows = [
        (
            key,
            moves[key].move,
            f"{chip:.2f}",
            f"{realign:.2f}",
            f"{likelihood_ratio(chip, realign):.2f}",
            f"{after:.2f}",
        )
        for (key, chip, realign), after in zip(used, path, strict=True)
    ]
    header = [
        "move",
        "what Ankara did",
        "P(move | chip)",
        "P(move | realign)",
        "ratio",
        "P(chip) after",
    ]
    return html_table(header, rows)


def settled_card(
    labels: Mapping[str, str],
    run_final: Mapping[str, float],
    ending: str,
    steps: int,
    shown: Sequence[str],
) -> str:
    """Where a fuzzy cognitive map settled: how, after how many steps, and the chosen concepts.

    Parameters
    ----------
    labels : mapping
        Each concept's label.
    run_final : mapping
        Each concept's final activation.
    ending : str
        "a fixed point", "a cycle of length 2", ...
    steps : int
        How many steps the map ran.
    shown : sequence of str
        The concepts to list, in order.

    Returns
    -------
    str
        HTML: a sentence, then a table of concept and activation.

    Examples
    --------
    >>> settled_card({"a": "A"}, {"a": 0.5}, "a fixed point", 4, ["a"])[:46]
    '<b>Settled: a fixed point after 4 steps.</b><t'
    """
    rows = [(labels[n], f"{run_final[n]:+.2f}") for n in shown]
    table = html_table(["concept", "activation"], rows)
    return f"<b>Settled: {ending} after {steps} steps.</b>{table}"
