"""Exercises 4 and 5: alternative channels, and NATO's signals and trust."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from s400.balance import balancing_flips, signed_graph, triads
from s400.bayes import likelihood_ratio, posterior_path
from s400.channels import channel_graph, channel_report, cut, min_tie_cut
from s400.checks import Feedback, check_choice, check_count, check_ids, check_number
from s400.questions.course import course_data


def _cut_off(layers: tuple[str, ...]) -> set[str]:
    """The US–Turkey institutions left with no tie at all once ``layers`` are cut."""
    return set(
        channel_report(cut(channel_graph(course_data()), layers), "us_gov", "turkey_gov").cut_off
    )


def _balancing_row() -> str:
    """The id of the one "after" alignment whose reversal balances every triad."""
    graph = signed_graph(course_data(), "after")
    ((pair,),) = balancing_flips(graph, most=1)  # exactly one single change works
    return graph.edges[pair]["id"]


def _posterior(prior: float, move_ids: tuple[str, ...]) -> float:
    """P(chip) after the moves ``move_ids``, in turn, with their default chances."""
    moves = [course_data().moves[m] for m in move_ids]
    return posterior_path(prior, [(m.p_if_chip, m.p_if_realign) for m in moves])[-1]


def _undecided_prior() -> float:
    """The prior P(chip) that all the moves, with their default chances, bring to exactly 0.5."""
    moves = course_data().moves.values()
    ratio = float(np.prod([likelihood_ratio(m.p_if_chip, m.p_if_realign) for m in moves]))
    return 1 / (1 + ratio)


QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex04_channels.q1": lambda a: check_count(
        a,
        len(set(channel_graph(course_data()).neighbors("turkey_gov"))),
        "count each institution once: G.neighbors gives neighbours, G.degree counts ties "
        "(two with Washington)",
    ),
    "ex04_channels.q2": lambda a: check_ids(
        a,
        _cut_off(("political", "financial")),
        "remove the political and financial ties from a copy of G, keeping the nodes, then "
        "list(nx.isolates(H))",
    ),
    "ex04_channels.q3": lambda a: check_count(
        a,
        len(
            min_tie_cut(
                cut(channel_graph(course_data()), ["political", "military"]), "us_gov", "turkey_gov"
            )
        ),
        "cut the political and military ties, then count "
        "nx.edge_disjoint_paths(H, 'us_gov', 'turkey_gov')",
    ),
    "ex04_channels.q4": lambda a: check_count(
        a,
        len(min_tie_cut(channel_graph(course_data()), "us_gov", "turkey_gov")),
        "every tie counts: a pair tied in two layers costs two cuts, which nx.edge_connectivity "
        "on a MultiGraph misses",
    ),
    "ex05_nato.q1": lambda a: check_count(
        a,
        sum(t.balanced for t in triads(signed_graph(course_data(), "after"))),
        "multiply the three signs of each of the four triads; a positive product is balanced",
    ),
    "ex05_nato.q2": lambda a: check_choice(
        a,
        _balancing_row(),
        tuple(r.id for r in course_data().alignments if r.period == "after"),
        "the sign to reverse belongs to both unbalanced triads and to neither balanced one",
    ),
    "ex05_nato.q3": lambda a: check_number(
        a,
        _posterior(0.3, ("M02", "M03")),
        0.001,
        "start from 0.3, update on M02, then use that posterior as the prior for M03",
        0,
        1,
    ),
    "ex05_nato.q4": lambda a: check_number(
        a,
        _undecided_prior(),
        0.001,
        "prior odds = 1 / (product of the six ratios p_if_chip / p_if_realign); "
        "then odds / (1 + odds)",
        0,
        1,
    ),
}
