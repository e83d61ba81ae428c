"""Cards that explain one claim or one edge: what it says, who holds it, where it comes from.

Plain functions of the data, so every card a widget shows is tested without a browser.
"""

from __future__ import annotations

from html import escape

from s400.data import Claim, Dataset

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
