"""Rows and lines for the notebooks' tables and listings, so that a notebook cell stays one call.

Each function returns plain text or a list of dicts (one per row); a notebook passes the rows to
``pandas.DataFrame``. Nothing here computes a finding: the functions pick and format fields of
the data and of results computed elsewhere in the package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from s400.balance import triads
from s400.bayes import likelihood_ratio
from s400.channels import channel_report, cut, min_institution_cut, min_tie_cut, routes
from s400.data import Dataset
from s400.reasoning import Lab
from s400.reasoning.ledgers import cross

#: Short names of the four actors of notebook 05's signed network.
SHORT = {"us_gov": "US", "turkey_gov": "Turkey", "russia": "Russia", "nato": "NATO"}


def events(data: Dataset, ids: Iterable[str], sources: bool = True) -> str:
    """Timeline rows as lines: the date and the event, then (indented) the source and confidence.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    ids : iterable of str
        Timeline ids, in the order to show them.
    sources : bool
        Whether to add the source line.

    Returns
    -------
    str
        One line per event (two with its source).

    Examples
    --------
    >>> from s400.data import load
    >>> print(events(load(), ["f35_mou_2021"], sources=False))
    2021-04-21  The other F-35 partners sign a new memorandum of understanding without Turkey, \
formally ending its participation.
    """
    lines = []
    for key in ids:
        e = data.timeline[key]
        lines.append(f"{e.date}  {e.event}")
        if sources:
            lines.append(f"            [{e.source}; confidence {e.confidence}]")
    return "\n".join(lines)


def figures(data: Dataset, ids: Iterable[str]) -> str:
    """Figures as lines: metric, value (or range), unit and year, then source, confidence, check.

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    ids : iterable of str
        Figure ids, in the order to show them.

    Returns
    -------
    str
        Two lines per figure.

    Examples
    --------
    >>> from s400.data import load
    >>> print(figures(load(), ["f35_payments"]))
    Turkish payments into the F-35 programme: 1.25–1.4 bn USD (to 2019) [f35_payments]
        Reuters via National Post, 21 Oct 2021 ; AA via Daily Sabah, 26 Jun 2025; H, confirmed
    """
    lines = []
    for key in ids:
        f = data.figures[key]
        amount = f"{f.value:g}" if f.value is not None else f"{f.low:g}–{f.high:g}"
        lines.append(f"{f.metric}: {amount} {f.unit} ({f.year}) [{key}]")
        lines.append(f"    {f.source}; {f.confidence}, {f.check}")
    return "\n".join(lines)


def predictions(data: Dataset, fields: Iterable[str]) -> list[dict[str, object]]:
    """One row per prediction with the fields asked for (lists joined with ", ").

    Parameters
    ----------
    data : Dataset
        The loaded data package.
    fields : iterable of str
        Field names of ``predictions.csv``, e.g. ``["verdict", "condition_status"]``.

    Returns
    -------
    list of dict
        Rows keyed ``id`` and then the fields, in file order.

    Examples
    --------
    >>> from s400.data import load
    >>> predictions(load(), ["claims", "resolve_by"])[3]
    {'id': 'PR04', 'claims': 'C13, C14, C15', 'resolve_by': '2021-12'}
    """
    rows = []
    for p in data.predictions.values():
        row: dict[str, object] = {"id": p.id}
        for field in fields:
            value = getattr(p, field)
            row[field] = ", ".join(value) if isinstance(value, tuple) else value
        rows.append(row)
    return rows


def ties(data: Dataset, graph: nx.MultiGraph) -> list[dict[str, object]]:
    """One row per tie of a channel graph: its id, the two institutions, layer, sign and basis.

    Parameters
    ----------
    data : Dataset
        For the institutions' labels.
    graph : networkx.MultiGraph
        A graph from :func:`s400.channels.channel_graph`, each edge keyed by its id.

    Returns
    -------
    list of dict
        Rows sorted by id, with empty strings where an edge has no claim, event or note.

    Examples
    --------
    >>> from s400.channels import channel_graph
    >>> from s400.data import load
    >>> data = load()
    >>> row = ties(data, channel_graph(data))[0]  # an undirected tie, from the actor listed first
    >>> row["id"], row["between"], row["layer"], row["sign"]
    ('E29', 'Government in Ankara – US government', 'political', -1)
    """
    rows = [
        {
            "id": key,
            "between": f"{data.nodes[u].label} – {data.nodes[v].label}",
            **{k: d[k] or "" for k in ("layer", "sign", "basis", "claim", "event", "note")},
        }
        for u, v, key, d in graph.edges(keys=True, data=True)
    ]
    return sorted(rows, key=lambda r: str(r["id"]))


def alignments(data: Dataset) -> list[dict[str, object]]:
    """One row per signed relation of ``alignments.csv``, the actors by their short names.

    Parameters
    ----------
    data : Dataset
        The loaded data package.

    Returns
    -------
    list of dict
        Rows with ``id``, ``period``, ``relation``, ``sign``, ``basis``, ``claim``, ``event``
        and ``note`` (empty strings for missing values).

    Examples
    --------
    >>> from s400.data import load
    >>> row = alignments(load())[6]
    >>> row["id"], row["period"], row["relation"], row["sign"], row["claim"]
    ('A07', 'after', 'US – Turkey', -1, 'C01')
    """
    return [
        {
            "id": r.id,
            "period": r.period,
            "relation": f"{SHORT[r.source]} – {SHORT[r.target]}",
            "sign": r.sign,
            "basis": r.basis,
            "claim": r.claim or "",
            "event": r.event or "",
            "note": r.note or "",
        }
        for r in data.alignments
    ]


def triad_signs(graphs: Mapping[str, nx.Graph]) -> dict[str, dict[str, str]]:
    """For each triad of actors, its signs and whether it is balanced, in each period.

    Parameters
    ----------
    graphs : mapping
        ``{period: signed graph}``, e.g. from :func:`s400.balance.signed_graph`.

    Returns
    -------
    dict
        ``{"US, Turkey, NATO": {period: "+ + +  balanced", ...}, ...}``: actors in the order of
        ``SHORT``, signs as + and −.

    Examples
    --------
    >>> g = nx.Graph([("us_gov", "nato", {"sign": 1}), ("us_gov", "russia", {"sign": -1}),
    ...               ("nato", "russia", {"sign": -1})])
    >>> triad_signs({"then": g})
    {'US, Russia, NATO': {'then': '+ − −  balanced'}}
    """
    rows: dict[str, dict[str, str]] = {}
    for period, graph in graphs.items():
        for triad in triads(graph):
            name = ", ".join(SHORT[a] for a in sorted(triad.actors, key=list(SHORT).index))
            signs = " ".join("+" if s > 0 else "−" for s in triad.signs)
            verdict = "balanced" if triad.balanced else "unbalanced"
            rows.setdefault(name, {})[period] = f"{signs}  {verdict}"
    return rows


def moves(data: Dataset) -> list[dict[str, object]]:
    """One row per observed move: the move, its judged chances, their ratio and its evidence.

    Parameters
    ----------
    data : Dataset
        The loaded data package.

    Returns
    -------
    list of dict
        Rows with ``id``, ``date``, ``move``, ``P(move | chip)``, ``P(move | realign)``,
        ``ratio`` (rounded to 2 places), ``evidence`` and ``why (judgement)``.

    Examples
    --------
    >>> from s400.data import load
    >>> row = moves(load())[0]  # M01: 0.4 if a chip, 0.8 if a realignment
    >>> row["id"], row["P(move | chip)"], row["P(move | realign)"], row["ratio"]
    ('M01', 0.4, 0.8, 0.5)
    """
    return [
        {
            "id": m.id,
            "date": m.date,
            "move": m.move,
            "P(move | chip)": m.p_if_chip,
            "P(move | realign)": m.p_if_realign,
            "ratio": round(likelihood_ratio(m.p_if_chip, m.p_if_realign), 2),
            "evidence": "; ".join(m.evidence),
            "why (judgement)": m.note,
        }
        for m in data.moves.values()
    ]


def values(lab: Lab, scenario: Mapping[str, float]) -> list[dict[str, object]]:
    """How a scenario values each option: a row per consequence, then the price, then the total.

    Parameters
    ----------
    lab : Lab
        The reasoning lab of notebook 03.
    scenario : mapping
        A number for every key of ``lab.parameters``.

    Returns
    -------
    list of dict
        Rows keyed ``row`` (the consequence's label, "price" or "value") and then one column per
        option, by its label; consequences no option reaches under the scenario are left out.

    Examples
    --------
    Only the F-35 place valued, at 10: buying loses 0.9 x 10 and pays 2.5.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> rows = values(lab, {**lab.default(), "magnitude.f35_place": 10.0})
    >>> [(r["row"], r["Buy the S-400"], r["Take the Patriot offer"]) for r in rows]
    [('Place in the F-35 programme', -9.0, 0.0), ('price', -2.5, -3.5), ('value', -11.5, -3.5)]
    """
    parts = lab.contributions(scenario)
    shown = [c for c in lab.consequences if any(parts[o][c] for o in parts)]
    rows: list[dict[str, object]] = [
        {"row": lab.labels[c], **{lab.labels[o]: parts[o][c] for o in parts}} for c in shown
    ]
    prices = lab.values_of({o: {} for o in parts})  # nothing valued: minus the price
    rows.append({"row": "price", **{lab.labels[o]: prices[o] for o in parts}})
    totals = lab.values_of(parts)
    rows.append({"row": "value", **{lab.labels[o]: totals[o] for o in parts}})
    return rows


def cut_summary(graph: nx.MultiGraph, layers: list[str]) -> dict[str, object]:
    """How hard it is to separate Washington from Ankara once ``layers`` are cut.

    Parameters
    ----------
    graph : networkx.MultiGraph
        A channel graph (:func:`s400.channels.channel_graph`).
    layers : list of str
        The layers to cut.

    Returns
    -------
    dict
        ``layers cut``, the number of independent ``routes``, the ``ties to cut`` and the
        ``institutions to cut`` to separate the governments (a dash when they are tied directly),
        and the ``bottlenecks``.

    Examples
    --------
    Two routes: a direct tie and one through the Pentagon. Cutting politics leaves one, through
    a bottleneck.

    >>> g = nx.MultiGraph()
    >>> g.add_edge("us_gov", "turkey_gov", layer="political")
    0
    >>> g.add_edge("us_gov", "pentagon", layer="military")
    0
    >>> g.add_edge("pentagon", "turkey_gov", layer="military")
    0
    >>> cut_summary(g, ["political"])
    {'layers cut': 'political', 'routes': 1, 'ties to cut': 1, 'institutions to cut': 1, \
'bottlenecks': 'pentagon'}
    """
    kept = cut(graph, layers)
    ends = ("us_gov", "turkey_gov")
    node_cut = min_institution_cut(kept, *ends)
    return {
        "layers cut": ", ".join(layers) or "none",
        "routes": len(routes(kept, *ends)),
        "ties to cut": len(min_tie_cut(kept, *ends)),
        "institutions to cut": "– (tied directly)" if node_cut is None else len(node_cut),
        "bottlenecks": ", ".join(channel_report(kept, *ends).bottlenecks) or "none",
    }


def crossings(lab: Lab, readings: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, str]]:
    """Each reading's numbers on each reading's ledger: the purchase's margin and the best option.

    Parameters
    ----------
    lab : Lab
        The reasoning lab of notebook 03.
    readings : mapping
        ``{name: scenario}``.

    Returns
    -------
    dict
        ``{"<name>'s numbers": {"on <name>'s ledger": "margin (best option)"}}``, readings in the
        order given; see :func:`s400.reasoning.ledgers.cross`.

    Examples
    --------
    Only the F-35 place valued, at 10: buying is worth -0.9 x 10 - 2.5 = -11.5, and buying
    neither (0) is best.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> crossings(lab, {"a": {**lab.default(), "magnitude.f35_place": 10.0}})
    {"a's numbers": {"on a's ledger": '-11.50 (Buy neither)'}}
    """
    table: dict[str, dict[str, str]] = {}
    for c in cross(lab, readings):
        cell = f"{c.margin:+.2f} ({lab.labels[c.best]})"
        table.setdefault(f"{c.numbers}'s numbers", {})[f"on {c.ledger}'s ledger"] = cell
    return table
