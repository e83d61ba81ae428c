"""The HTML the widgets show: cards that explain a claim or an edge, verdicts, result tables.

Plain functions of the data and of numbers, so every text a widget shows is tested without a
browser; the widgets only wire controls to them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import networkx as nx
import numpy as np

from s400.bayes import likelihood_ratio
from s400.data import Claim, Dataset, Move
from s400.network import path_effect
from s400.reasoning import Lab, Verdict, verdict_text

SIGN = {1: "+", -1: "−"}


def filter_claims(
    data: Dataset, paragraph: str | None = None, kind: str | None = None, speaker: str | None = None
) -> list[Claim]:
    """The claims matching every filter given (None means any), in reading order.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    paragraph : str, optional
        The op-ed's paragraph ("P1" to "P5").
    kind : str, optional
        The kind of claim ("prediction", "fact", ...).
    speaker : str, optional
        Who holds the claim ("author", "Ankara", "NATO").

    Returns
    -------
    list of Claim
        The claims that pass every filter, in the order of claims.csv.

    Examples
    --------
    In claims.csv only C19 is held by NATO; P4's conditional predictions are C17, C18 and C23.

    >>> from s400.data import load
    >>> [c.id for c in filter_claims(load(), speaker="NATO")]
    ['C19']
    >>> [c.id for c in filter_claims(load(), paragraph="P4", kind="conditional_prediction")]
    ['C17', 'C18', 'C23']
    """
    return [
        c
        for c in data.claims.values()
        if paragraph in (None, c.paragraph)
        and kind in (None, c.kind)
        and speaker in (None, c.speaker)
    ]


def edge_title(data: Dataset, edge_id: str) -> str:
    """One line naming an edge: "E06: Buy the S-400 → Turkish–US relations (−)".

    Parameters
    ----------
    data : Dataset
        The loaded data package, for the edge and its nodes' labels.
    edge_id : str
        The edge's id.

    Returns
    -------
    str
        The id, the two nodes' labels joined by → for an effect or — for a tie, and the sign.

    Raises
    ------
    StopIteration
        If no edge has the id ``edge_id``.

    Examples
    --------
    edges.csv: E06 is an effect of buy_s400 on us_relations, sign −1; E29 a tie between us_gov
    and turkey_gov, sign −1 (labels from nodes.csv).

    >>> from s400.data import load
    >>> edge_title(load(), "E06")
    'E06: Buy the S-400 → Turkish–US relations (−)'
    >>> edge_title(load(), "E29")
    'E29: US government — Government in Ankara (−)'
    """
    edge = next(e for e in data.edges if e.id == edge_id)
    arrow = "→" if edge.kind == "effect" else "—"
    return (
        f"{edge.id}: {data.nodes[edge.source].label} {arrow} "
        f"{data.nodes[edge.target].label} ({SIGN[edge.sign]})"
    )


def claim_card(data: Dataset, claim_id: str) -> str:
    """An HTML card: a claim, who holds it, its condition, where it enters the network and record.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    claim_id : str
        The claim's id.

    Returns
    -------
    str
        HTML lines joined by ``<br>``: the claim's id, paragraph, kind and holder; its text; its
        condition, time frame and whether it is only implied, when it has them; its arrows in
        the argument map; the edges that rest on it; the predictions that check it.

    Raises
    ------
    KeyError
        If no claim has the id ``claim_id``.

    Examples
    --------
    C08 (claims.csv: P2, a prediction by the author) supports C11 and is supported by C02, C12
    and C23 and qualified by C13 (claim_links.csv); edge E06 rests on it (edges.csv) and PR01
    checks it (predictions.csv).

    >>> from s400.data import load
    >>> for row in claim_card(load(), "C08").split("<br>"):
    ...     print(row)
    <b>C08</b> · paragraph P2 · prediction · held by the author
    <span style='font-size:1.15em'>The purchase will probably harm \
Turkish–American relations.</span>
    In the argument map: supports C11; C02 supports it; C12 supports it; C13 qualifies it; \
C23 supports it.
    In the influence network: E06: Buy the S-400 → Turkish–US relations (−).
    Checked against the record in PR01 (verdict: true).
    """
    claim = data.claims[claim_id]
    who = (
        "the author" if claim.speaker == "author" else f"{claim.speaker}, as the author reports it"
    )
    rows = [
        f"<b>{claim.id}</b> · paragraph {claim.paragraph} · {claim.kind.replace('_', ' ')} "
        f"· held by {escape(who)}",
        f"<span style='font-size:1.15em'>{escape(claim.text)}</span>",
    ]
    if claim.condition:
        rows.append(f"<i>Holds only {escape(claim.condition)}.</i>")
    if claim.horizon:
        rows.append(f"<i>Time frame: {escape(claim.horizon)}.</i>")
    if not claim.stated:
        rows.append("<i>The op-ed implies this claim; the reconstruction states it.</i>")
    links = [
        f"{link.relation} {link.target}" for link in data.claim_links if link.source == claim_id
    ]
    backers = [
        f"{link.source} {link.relation} it" for link in data.claim_links if link.target == claim_id
    ]
    if links or backers:
        rows.append("In the argument map: " + "; ".join(links + backers) + ".")
    edges = [escape(edge_title(data, e.id)) for e in data.edges if e.claim == claim_id]
    rows.append(
        "In the influence network: "
        + ("; ".join(edges) if edges else "no edge rests on this claim")
        + "."
    )
    checks = [
        f"{p.id} (verdict: {p.verdict})" for p in data.predictions.values() if claim_id in p.claims
    ]
    if checks:
        rows.append("Checked against the record in " + ", ".join(checks) + ".")
    return "<br>".join(rows)


def edge_card(data: Dataset, edge_id: str) -> str:
    """An HTML card: an edge, its sign, weight and layer, and the claim, evidence or assumption.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    edge_id : str
        The edge's id.

    Returns
    -------
    str
        HTML lines joined by ``<br>``: the edge's title; its sign, weight, layer and basis; then
        whichever it has of its claim, its event (with source), its figure (with source) and
        its note.

    Raises
    ------
    StopIteration
        If no edge has the id ``edge_id``.

    Examples
    --------
    edges.csv: E06 has sign −1, weight 0.6, layer political, basis op-ed, claim C08 (paragraph
    P2, the author's) and no event, figure or note.

    >>> from s400.data import load
    >>> for row in edge_card(load(), "E06").split("<br>"):
    ...     print(row)
    <b>E06: Buy the S-400 → Turkish–US relations (−)</b>
    sign − · weight 0.60 (a judgement) · layer political · basis: op-ed
    Op-ed claim C08 (P2): The purchase will probably harm Turkish–American relations.
    """
    edge = next(e for e in data.edges if e.id == edge_id)
    rows = [
        f"<b>{escape(edge_title(data, edge_id))}</b>",
        f"sign {SIGN[edge.sign]} · weight {edge.weight:.2f} (a judgement) · layer {edge.layer} "
        f"· basis: {edge.basis}",
    ]
    if edge.claim:
        claim = data.claims[edge.claim]
        holder = "" if claim.speaker == "author" else f", held by {claim.speaker}"
        rows.append(f"Op-ed claim {claim.id} ({claim.paragraph}{holder}): {escape(claim.text)}")
    if edge.event:
        event = data.timeline[edge.event]
        rows.append(
            f"Event {event.date}: {escape(event.event)} <i>Source: {escape(event.source)}; "
            f"confidence {event.confidence}.</i>"
        )
    if edge.figure:
        figure = data.figures[edge.figure]
        amount = (
            f"{figure.value:g}" if figure.value is not None else f"{figure.low:g}–{figure.high:g}"
        )
        rows.append(
            f"Figure: {escape(figure.metric)}, {figure.year}: {amount} {escape(figure.unit)}. "
            f"<i>Source: {escape(figure.source)}; confidence {figure.confidence}.</i>"
        )
    if edge.note:
        rows.append(
            ("Module assumption: " if edge.basis == "assumption" else "Note: ") + escape(edge.note)
        )
    return "<br>".join(rows)


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
