"""s400.channels on hand-made multiplexes (answers worked out in the comments) and on the
US–Turkey ties."""

import networkx as nx

from s400.channels import (
    channel_graph,
    channel_report,
    cut,
    layers_linking,
    min_institution_cut,
    min_tie_cut,
    report_text,
    routes,
)
from s400.data import load


def multiplex(*ties):
    g = nx.MultiGraph()
    for key, u, v, layer in ties:
        g.add_edge(u, v, key=key, layer=layer)
    return g


# us ══ tr (political E1, economic E2); us ── dod ── tr (military E3, then E4 and E5)
TWO_LAYERS = multiplex(
    ("E1", "us", "tr", "political"),
    ("E2", "us", "tr", "economic"),
    ("E3", "us", "dod", "military"),
    ("E4", "dod", "tr", "military"),
    ("E5", "dod", "tr", "financial"),
)
# Two routes that meet at tsk: us-dod-tsk-tr and us-bank-tsk-tr
SHARED_END = multiplex(
    ("E1", "us", "dod", "military"),
    ("E2", "dod", "tsk", "military"),
    ("E3", "tsk", "tr", "military"),
    ("E4", "us", "bank", "financial"),
    ("E5", "bank", "tsk", "financial"),
)


def test_cutting_a_layer_keeps_the_other_ties_and_every_node():
    g = cut(TWO_LAYERS, ["political"])
    assert sorted(k for _, _, k in g.edges(keys=True)) == ["E2", "E3", "E4", "E5"]
    assert set(g) == {"us", "tr", "dod"}
    assert sorted(cut(TWO_LAYERS, institutions=["dod"]).edges(keys=True)) == [
        ("us", "tr", "E1"),
        ("us", "tr", "E2"),
    ]


def test_which_layers_link_the_two_ends_on_their_own():
    # military: us-dod-tr; political: direct; economic: direct;
    # financial: only dod-tr, us is not on it
    assert layers_linking(TWO_LAYERS, "us", "tr") == {
        "economic": True,
        "financial": False,
        "military": True,
        "political": True,
    }


def test_a_smallest_tie_cut_counts_parallel_ties():
    # Separating us from tr: both direct ties (2) plus the single us-dod tie (1) = 3;
    # cutting dod-tr instead would cost 2 ties there, 4 in all.
    assert min_tie_cut(TWO_LAYERS, "us", "tr") == ["E1", "E2", "E3"]


def test_routes_that_share_an_institution_count_once():
    assert len(routes(SHARED_END, "us", "tr")) == 1
    assert min_institution_cut(SHARED_END, "us", "tr") == {"tsk"}
    assert min_tie_cut(SHARED_END, "us", "tr") == ["E3"]
    report = channel_report(SHARED_END, "us", "tr")
    assert report.bottlenecks == ("tsk",) and report.cut_off == ()


def test_direct_ties_leave_no_institution_cut_and_apart_means_empty():
    assert min_institution_cut(TWO_LAYERS, "us", "tr") is None
    apart = cut(SHARED_END, ["military"])
    assert min_institution_cut(apart, "us", "tr") == set()
    assert routes(apart, "us", "tr") == [] and min_tie_cut(apart, "us", "tr") == []
    report = channel_report(apart, "us", "tr")
    assert not report.connected
    assert report_text(report, {}) == "Not connected: no route is left. Cut off: dod, tr."


def test_report_text_names_bottlenecks_with_their_labels():
    report = channel_report(SHARED_END, "us", "tr")
    assert report_text(report, {"tsk": "Turkish Armed Forces"}) == (
        "Connected by 1 independent route; cutting 1 tie would separate them; "
        "bottlenecks: Turkish Armed Forces."
    )


def test_the_political_cut_on_the_real_ties():
    """edges.csv: without the political layer, NATO (tied only politically) is cut off, and the two
    governments keep four routes: the direct economic tie (E30), the Pentagon-TSK chain, the SSB
    (sanctioned under CAATSA, E45) and the banks; each route is one tie wide at some point:
    4 ties."""
    g = cut(channel_graph(load()), ["political"])
    report = channel_report(g, "us_gov", "turkey_gov")
    assert report.cut_off == ("nato",)
    assert len(report.routes) == 4 and len(report.tie_cut) == 4
    assert ("us_gov", "pentagon", "tsk", "turkey_gov") in report.routes
    assert report.bottlenecks == ()


def test_only_the_financial_channel_left_makes_the_banks_bottlenecks():
    g = cut(channel_graph(load()), ["political", "economic", "military"])
    assert channel_report(g, "us_gov", "turkey_gov").bottlenecks == ("us_finance", "tr_finance")
