"""The kinds of error a subject review found (issue 13), each as a rule the project must keep."""

import datetime as dt
import re

import networkx as nx
import pytest
from locations import DATA
from test_content import project_texts

from s400.data import load, parse_partial_date
from s400.network import effect_graph

D = load()
#: The node that stands for each condition of the op-ed's conditional claims.
CONDITION_NODES = {
    "if the S-400 is activated": "s400_active",
    "if Ankara presses ahead with switching the S-400 on": "s400_active",
}
ROW_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def first_day(row_id: str) -> dt.date:
    """The earliest day a timeline row or a figure can mean (a figure: the first year it names)."""
    if row_id in D.timeline:
        return D.timeline[row_id].start
    year = re.search(r"\d{4}", D.figures[row_id].year)
    assert year, f"{row_id}: no year in {D.figures[row_id].year!r}"
    return dt.date(int(year.group()), 1, 1)


def last_day(date: str) -> dt.date:
    """The last day a date of the given precision (YYYY, YYYY-MM or YYYY-MM-DD) can mean."""
    start = parse_partial_date(date)
    if date.count("-") == 2:
        return start
    if date.count("-") == 1:
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start.replace(month=12, day=31)


def test_the_date_helpers_by_hand():
    assert last_day("2021-12") == dt.date(2021, 12, 31) and last_day("2020-02") == dt.date(
        2020, 2, 29
    )
    assert last_day("2026") == dt.date(2026, 12, 31) and last_day("2019-07-12") == dt.date(
        2019, 7, 12
    )
    assert first_day("tr_us_trade_2023_turkstat") == dt.date(2023, 1, 1)
    assert first_day("second_battery_2019") == dt.date(2019, 7, 1)


def test_every_condition_has_its_node():
    conditions = {c.condition for c in D.claims.values() if c.condition}
    assert conditions <= set(CONDITION_NODES) and set(CONDITION_NODES.values()) <= set(D.nodes)


def test_an_edge_citing_a_conditional_claim_passes_through_its_condition():
    """A decision reaches such an edge only through the condition's node (issue 13: E20 did not)."""
    graph = effect_graph(D)
    decisions = [n for n, kind in graph.nodes(data="type") if kind == "decision"]
    for edge in D.edges:
        claim = D.claims.get(edge.claim or "")
        if edge.kind != "effect" or claim is None or not claim.condition:
            continue
        condition = CONDITION_NODES[claim.condition]
        without = graph.subgraph(n for n in graph if n != condition)
        bypass = [
            d
            for d in decisions
            if edge.source != condition and nx.has_path(without, d, edge.source)
        ]
        assert bypass == [], f"{edge.id} ({claim.id}) is reached without {condition} from {bypass}"


def test_a_contested_condition_gives_the_verdict_the_readme_rule_gives():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "`untested` (the claim's condition is contested)" in readme
    for p in D.predictions.values():
        if p.condition_status == "contested":
            assert (p.verdict, p.verdict_source) == ("untested", "module judgement"), p.id


@pytest.mark.parametrize("pid", list(D.predictions))
def test_the_verdict_rests_only_on_rows_dated_before_its_resolve_by_date(pid):
    p = D.predictions[pid]
    late = [e for e in p.evidence if first_day(e) > last_day(p.resolve_by)]
    assert late == [], f"{pid}: {late} come after {p.resolve_by}; name them as later context"


@pytest.mark.parametrize("pid", list(D.predictions))
def test_a_later_row_is_named_only_as_later_context(pid):
    p = D.predictions[pid]
    before, _, after = (p.note or "").partition("Later context, after the resolve-by date")
    named = lambda text: [i for i in ROW_ID.findall(text) if i in D.timeline or i in D.figures]  # noqa: E731
    assert [i for i in named(before) if first_day(i) > last_day(p.resolve_by)] == []
    assert all(first_day(i) > last_day(p.resolve_by) for i in named(after))
    assert not after or "not part of the verdict" in after


def test_the_later_context_check_can_fail():
    late = "caatsa_2020 then secondary_sanctions_2023"
    found = [i for i in ROW_ID.findall(late) if first_day(i) > last_day("2021-12")]
    assert found == ["secondary_sanctions_2023"]


#: Misstatements the review found, as patterns that must not come back anywhere in the project.
MISSTATEMENTS = [
    ("F-35 equipment and stand-up activities were halted in 2019, not aircraft deliveries",
     r"F-35 deliveries|halted F-35 deliver"),
    ("notebooks 01-07 are all written", r"are being written"),
    ("the purchase is not rational on Ankara's stated numbers in the lab",
     r"rational on Ankara's stated numbers"),
    ("the negative paths to security rest on assumptions and evidence too",
     r"negative(?: paths)?(?: are|:) the author's"),
]  # fmt: skip


@pytest.mark.parametrize("fact, pattern", MISSTATEMENTS, ids=[f for f, _ in MISSTATEMENTS])
def test_a_corrected_misstatement_does_not_return(fact, pattern):
    found = [name for name, text in project_texts().items() if re.search(pattern, text)]
    assert found == [], fact


def test_the_f35_removal_says_what_happened_when():
    """Announced in July 2019 (f35_removal_2019), made formal on 21 April 2021 (f35_mou_2021)."""
    removal = re.compile(r"remov\w* (?:Turkey )?from the F-35")
    undated = [
        (name, sentence.strip()[:80])
        for name, text in project_texts().items()
        for sentence in re.split(r"(?<=[.;])\s|\n", text)
        if removal.search(sentence) and not re.search(r"2021|formal", sentence)
    ]
    assert undated == []


def test_turkish_us_relations_are_not_judged_by_a_uk_contract():
    for p in D.predictions.values():
        if "C08" in p.claims:
            assert "eurofighter" not in " ".join(p.evidence) + (p.note or "").lower(), p.id
