"""The influence network: build it from the data package and trace its paths.

Edges of kind ``effect`` form a directed graph of decisions, factors and outcomes:
an edge's ``sign`` says which way the source moves the target and its ``weight``
(in [0, 1]) how strongly. Following Axelrod's cognitive maps and Wright's path
analysis, the effect of a path is the product of its signed weights.
"""

from s400.network.effects import (
    TotalEffect,
    centrality_table,
    effects_on_outcomes,
    effects_summary,
    feedback_loops,
    path_effect,
    path_sign,
    total_effect,
)
from s400.network.graphs import argument_map, effect_graph, layer_view, tie_graph

__all__ = [
    "TotalEffect",
    "argument_map",
    "centrality_table",
    "effect_graph",
    "effects_on_outcomes",
    "effects_summary",
    "feedback_loops",
    "layer_view",
    "path_effect",
    "path_sign",
    "tie_graph",
    "total_effect",
]
