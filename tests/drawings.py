"""One figure from every drawing function of s400.plots, on the module's data or small inputs, for
the tests that check every figure (text alternatives, contrast)."""

from __future__ import annotations

import networkx as nx
import numpy as np
from matplotlib.figure import Figure

from s400.channels import channel_graph, cut
from s400.data import load
from s400.fcm import simulate
from s400.interdependence import Dependence
from s400.network import argument_map, effect_graph
from s400.plots import (
    draw_argument_map,
    draw_balance,
    draw_calibration,
    draw_channels,
    draw_dependence,
    draw_fcm_run,
    draw_figure_series,
    draw_margins,
    draw_network,
    draw_poll_spread,
    draw_posterior,
    draw_timeline,
    draw_tornado,
)
from s400.reasoning import Lab
from s400.reasoning.scenarios import preset
from s400.reasoning.sensitivity import monte_carlo, tornado


def drawings() -> dict[str, Figure]:
    """Each drawing function's name and one figure it drew."""
    data = load()
    lab = Lab(data)
    author = preset(lab, "author")
    ties = channel_graph(data)
    actors = nx.Graph(
        [("us_gov", "turkey_gov", {"sign": -1}), ("turkey_gov", "russia", {"sign": 1})]
    )
    nx.set_node_attributes(actors, {n: data.nodes[n].label for n in actors}, "label")
    bins = [
        {"bin": "0.0–0.5", "count": 3, "mean forecast": 0.3, "observed": 0.33},
        {"bin": "0.5–1.0", "count": 2, "mean forecast": 0.8, "observed": 0.5},
    ]
    run = simulate(
        np.array([[0.0, 0.5, -0.4], [0.0, 0.0, 0.6], [0.3, 0.0, 0.0]]), ["a", "b", "c"], {"a": 1.0}
    )
    figures = data.figures
    return {
        "draw_timeline": draw_timeline(
            data.timeline.values(), {"f35_removal_2019": "F-35 removal"}
        ),
        "draw_argument_map": draw_argument_map(argument_map(data)),
        "draw_network": draw_network(effect_graph(data), highlight=[("buy_s400", "us_relations")]),
        "draw_channels": draw_channels(ties, cut(ties, ["political"], ["ssb"]), title="Cut"),
        "draw_balance": draw_balance({"2019": actors}, {"2019": (0, 0)}),
        "draw_posterior": draw_posterior(["M01", "M02"], [1 / 3, 0.5], 0.5),
        "draw_calibration": draw_calibration({"the author": bins, "you": bins[:1]}),
        "draw_dependence": draw_dependence(
            [
                Dependence("gas", 0.4, "", 0.5, 0.2, 0.3, ""),
                Dependence("arms", None, "", 0.5, 0.1, 0.3, ""),
            ]
        ),
        "draw_figure_series": draw_figure_series(
            [figures["russian_visitors_2015"], figures["russian_visitors_2016_ator"]],
            "Visitors",
            "m",
        ),
        "draw_fcm_run": draw_fcm_run(run, {"a": "A", "b": "B", "c": "C"}, ["a", "b", "c"]),
        "draw_poll_spread": draw_poll_spread(
            {"autonomy": [1.0, 2.0, 3.0, 4.0, 6.0], "air defence": [0.5]},
            {"author": {"autonomy": 0.5}, "Ankara": {"autonomy": 5.0}, "sceptic": {}},
            "$bn",
            "Values",
            total=5,
            flip_at=2.5,
        ),
        "draw_tornado": draw_tornado(tornado(lab, author), lab.margin(author)),
        "draw_margins": draw_margins(monte_carlo(lab, author, draws=2_000)),
    }
