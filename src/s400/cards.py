"""Short HTML cards that explain one claim or one edge: what it says and where it comes from.

The widgets show these cards; they are plain functions of the data, so they are tested without a browser.
"""

from __future__ import annotations

from html import escape

from s400.data import Claim, Dataset

SIGN = {1: "+", -1: "−"}


def filter_claims(
    data: Dataset, paragraph: str | None = None, kind: str | None = None, speaker: str | None = None
) -> list[Claim]:
    """The claims matching every filter given (None means any), in reading order.

    >>> from s400.data import load
    >>> [c.id for c in filter_claims(load(), speaker="NATO")]
    ['C19']
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

    >>> from s400.data import load
    >>> edge_title(load(), "E06")
    'E06: Buy the S-400 → Turkish–US relations (−)'
    """
    edge = next(e for e in data.edges if e.id == edge_id)
    arrow = "→" if edge.kind == "effect" else "—"
    return (
        f"{edge.id}: {data.nodes[edge.source].label} {arrow} "
        f"{data.nodes[edge.target].label} ({SIGN[edge.sign]})"
    )


def claim_card(data: Dataset, claim_id: str) -> str:
    """An HTML card: the claim, who holds it, its condition, and where it enters the network and the record.

    >>> from s400.data import load
    >>> "E06" in claim_card(load(), "C08")
    True
    """
    claim = data.claims[claim_id]
    who = (
        "the author" if claim.speaker == "author" else f"{claim.speaker}, as the author reports it"
    )
    rows = [
        f"<b>{claim.id}</b> · paragraph {claim.paragraph} · {claim.kind.replace('_', ' ')} · held by {escape(who)}",
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
    """An HTML card: an edge, its sign, weight and layer, and the claim, evidence or assumption behind it.

    >>> from s400.data import load
    >>> "C08" in edge_card(load(), "E06")
    True
    """
    edge = next(e for e in data.edges if e.id == edge_id)
    rows = [
        f"<b>{escape(edge_title(data, edge_id))}</b>",
        f"sign {SIGN[edge.sign]} · weight {edge.weight:.2f} (a judgement) · layer {edge.layer} · basis: {edge.basis}",
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
