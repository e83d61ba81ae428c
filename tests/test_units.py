"""Units of the package behind notebook 00: paths, the first widget, the environment report."""

from importlib import metadata

import networkx as nx

from s400 import environment
from s400.data import load
from s400.network import effect_graph, path_effect, path_sign
from s400.widgets import path_demo


def small_graph() -> nx.DiGraph:
    # a -(-, 0.5)-> b -(+, 0.4)-> c, and a -(-, 1.0)-> c
    return nx.DiGraph(
        [
            ("a", "b", {"sign": -1, "weight": 0.5}),
            ("b", "c", {"sign": 1, "weight": 0.4}),
            ("a", "c", {"sign": -1, "weight": 1.0}),
        ]
    )


def test_path_sign_and_effect_by_hand():
    g = small_graph()
    assert path_sign(g, ["a", "b", "c"]) == -1
    assert abs(path_effect(g, ["a", "b", "c"]) - (-0.5 * 0.4)) < 1e-12  # (-1 x 0.5) x (+1 x 0.4)
    assert path_effect(g, ["a", "c"]) == -1.0


def test_effect_graph_leaves_actors_out():
    data = load()
    g = effect_graph(data)
    assert not any(g.nodes[n]["type"] == "actor" for n in g)
    assert g.number_of_edges() == sum(1 for e in data.edges if e.kind == "effect")


def test_path_demo_recomputes_when_a_slider_moves():
    graph = effect_graph(load())
    box = path_demo(graph, ["buy_s400", "us_relations", "economy"])
    first, second, result, _fixes = box.children
    first.value, second.value = 0.8, 0.25
    assert result.value.startswith("<b>Effect of the path: -0.20</b>")  # -1 x 0.8 x +1 x 0.25
    assert (
        graph.edges["buy_s400", "us_relations"]["weight"] == 0.6
    )  # the caller's graph is untouched


def test_environment_report_names_the_package_and_the_fix(monkeypatch):
    real = metadata.version
    monkeypatch.setattr(
        environment.metadata, "version", lambda name: "0.0" if name == "networkx" else real(name)
    )
    text = environment.report()
    assert "networkx: wanted >=3.6,<4, found 0.0" in text and "make setup" in text


def test_environment_report_is_all_clear_in_the_pinned_environment():
    assert environment.report().startswith("OK: all")
