"""The auto-graded questions of the exercises, for the visible checks students run as they work.

Each question computes its expected answer from data/ with the package (so the visible check cells
show no answer), and gives friendly feedback. The hidden tests in solutions/ hold literal answer
keys, which the grader checks outside the student's sandbox; tests/test_exercises.py checks that
the two agree.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import networkx as nx
import numpy as np

from s400.balance import balancing_flips, signed_graph, triads
from s400.bayes import likelihood_ratio, posterior_path
from s400.channels import channel_graph, channel_report, cut, min_tie_cut
from s400.checks import (
    Feedback,
    check_choice,
    check_count,
    check_ids,
    check_number,
    check_sign,
    expect,
)
from s400.data import Dataset, load, parse_partial_date
from s400.fcm import simulate, step, weight_matrix
from s400.forecasting import (
    HEDGE_PROBABILITY,
    calibration_table,
    implied_probability,
    outcome,
    score,
)
from s400.interdependence import channels, dependence_asymmetry, with_judgement
from s400.network import argument_map, effect_graph, path_effect, path_sign, total_effect
from s400.reasoning import OPTIONS, Lab

#: Paths the exercise of notebook 02 asks about.
SIGN_PATH = ("buy_s400", "s400_active", "us_relations")
EFFECT_PATH = ("buy_s400", "us_sanctions", "us_relations")
VERDICTS = ("+", "-", "indeterminate")
#: The hypothetical reader whose forecasts the exercise of notebook 07 scores (its setup cell shows them).
READER = {
    "PR01": 0.7,
    "PR02": 0.65,
    "PR03": 0.45,
    "PR04": 0.85,
    "PR05": 0.3,
    "PR06": 0.55,
    "PR07": 0.35,
    "PR08": 0.65,
    "PR09": 0.7,
    "PR10": 0.5,
    "PR11": 0.25,
}


@cache
def _data() -> Dataset:
    return load()


@cache
def _lab() -> Lab:
    return Lab(_data())


def _days_between(first: str, second: str) -> int:
    timeline = _data().timeline
    return (
        parse_partial_date(timeline[second].date) - parse_partial_date(timeline[first].date)
    ).days


def _ankara_activating() -> dict[str, float]:
    return {**_lab().preset("ankara"), "weight.E01": 1.0}


def _largest_contribution() -> str:
    contributions = _lab().contributions(_lab().preset("author"))["buy_s400"]
    return max(contributions, key=lambda c: abs(contributions[c]))


def _cut_off(layers: tuple[str, ...]) -> set[str]:
    """The US–Turkey institutions left with no tie at all once ``layers`` are cut."""
    return set(channel_report(cut(channel_graph(_data()), layers), "us_gov", "turkey_gov").cut_off)


def _balancing_row() -> str:
    """The id of the one "after" alignment whose reversal balances every triad."""
    graph = signed_graph(_data(), "after")
    ((pair,),) = balancing_flips(graph, most=1)  # exactly one single change works
    return graph.edges[pair]["id"]


def _posterior(prior: float, move_ids: tuple[str, ...]) -> float:
    """P(chip) after the moves ``move_ids``, in turn, with their default chances."""
    moves = [_data().moves[m] for m in move_ids]
    return posterior_path(prior, [(m.p_if_chip, m.p_if_realign) for m in moves])[-1]


def _undecided_prior() -> float:
    """The prior P(chip) that all the moves, with their default chances, bring to exactly 0.5."""
    ratio = float(
        np.prod([likelihood_ratio(m.p_if_chip, m.p_if_realign) for m in _data().moves.values()])
    )
    return 1 / (1 + ratio)


def _without_turkstream() -> dict[str, float]:
    """Both asymmetries with TurkStream (which overlaps the gas channel) weighted 0."""
    return dependence_asymmetry(with_judgement(channels(_data()), "TurkStream", weight=0.0))


def _leverage_after_one_step() -> float:
    """Russia's leverage one FCM step after clamping buy_s400 at +1, on the whole effect graph."""
    graph = effect_graph(_data())
    nodes = list(graph.nodes)
    start = np.zeros(len(nodes))
    start[nodes.index("buy_s400")] = 1.0
    after = step(start, weight_matrix(graph, nodes), {nodes.index("buy_s400"): 1.0})
    return float(after[nodes.index("russian_leverage")])


def _leverage_settled_e22_halved() -> float:
    """Where Russia's leverage settles with buy_s400 clamped at +1 and E22 at weight 0.4."""
    graph = effect_graph(_data())
    nodes = list(graph.nodes)
    w = weight_matrix(graph, nodes, {("nato_trust", "russian_leverage"): 0.4})
    return simulate(w, nodes, {"buy_s400": 1.0}).final["russian_leverage"]


def _author(moderate: float = HEDGE_PROBABILITY["moderate"]) -> dict[str, float]:
    """The author's implied probabilities, with "moderate" hedges read as ``moderate``."""
    rule = {**HEDGE_PROBABILITY, "moderate": moderate}
    level = {p: hedge for hedge, p in HEDGE_PROBABILITY.items()}
    return {
        pid: rule[level[implied_probability(p, _data())]] for pid, p in _data().predictions.items()
    }


def _most_likely_by_the_author() -> set[str]:
    author = _author()
    return {pid for pid, p in author.items() if p == max(author.values())}


def _reader_bin_observed(label: str = "0.6–0.8") -> float:
    """The share of the reader's scored forecasts in one calibration bin that came true."""
    scored = score(READER, _data().predictions)
    return next(
        r["observed"]
        for r in calibration_table(scored.probabilities, scored.outcomes)
        if r["bin"] == label
    )


#: Question id -> check of an answer. Ids are "<assignment>.<question>", as in the exercise notebooks.
QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    "ex01_argument.q1": lambda a: check_ids(
        a,
        {c.id for c in _data().claims.values() if c.paragraph == "P4" and c.condition},
        "keep the claims of paragraph P4 that have a condition",
    ),
    "ex01_argument.q2": lambda a: check_ids(
        a,
        {c.id for c in _data().claims.values() if c.speaker != "author"},
        "look at the speaker column",
    ),
    "ex01_argument.q3": lambda a: check_count(
        a,
        len(nx.ancestors(argument_map(_data()), "C11")),
        "every claim with a chain of arrows to C11 counts, not only its direct supporters (nx.ancestors)",
    ),
    "ex01_argument.q4": lambda a: check_count(
        a,
        _days_between("s400_delivery_2019", "f35_removal_2019"),
        "subtract the two dates (pd.to_datetime) and take .days",
    ),
    "ex02_network.q1": lambda a: check_count(
        a,
        len({end for e in _data().edges if e.kind == "effect" for end in (e.source, e.target)}),
        "keep the rows of edges.csv whose kind is 'effect', build a DiGraph from them and count its nodes",
    ),
    "ex02_network.q2": lambda a: check_sign(a, path_sign(effect_graph(_data()), SIGN_PATH)),
    "ex02_network.q3": lambda a: check_number(
        a,
        path_effect(effect_graph(_data()), EFFECT_PATH),
        0.005,
        "did you multiply sign x weight along the path?",
        -1,
        1,
    ),
    "ex02_network.q4": lambda a: check_number(
        a,
        total_effect(effect_graph(_data()), "buy_s400", "us_relations").weighted,
        0.005,
        "multiply along each path (nx.all_simple_paths), then add the paths",
        -3,
        3,
    ),
    "ex02_network.q5": lambda a: check_choice(
        a,
        total_effect(effect_graph(_data()), "buy_s400", "national_security").verdict,
        VERDICTS,
        "find the sign of every path: all +, all -, or some of each?",
    ),
    "ex03_reasoning.q1": lambda a: check_number(
        a,
        _lab().margin(_lab().preset("author")),
        0.01,
        "lab.margin(author): the value of buying minus the best alternative",
    ),
    "ex03_reasoning.q2": lambda a: check_choice(
        a,
        _lab().verdict(_lab().preset("ankara")).best,
        OPTIONS,
        "lab.values(ankara) gives each option's value; which is highest?",
    ),
    "ex03_reasoning.q3": lambda a: check_choice(
        a,
        _largest_contribution(),
        tuple(_lab().consequences),
        "lab.contributions(author)['buy_s400']: compare sizes, whatever their sign",
    ),
    "ex03_reasoning.q4": lambda a: check_number(
        a,
        _lab().break_even(_ankara_activating(), "magnitude.f35_place"),
        0.05,
        "lab.break_even(scenario, 'magnitude.f35_place') with weight.E01 set to 1.0 first",
        0,
        15,
    ),
    "ex03_reasoning.q5": lambda a: check_number(
        a,
        float((_lab().monte_carlo(_lab().preset("ankara"), spread=0.5, seed=0) > 0).mean()),
        0.0005,
        "(lab.monte_carlo(ankara, spread=0.5, seed=0) > 0).mean()",
        0,
        1,
    ),
    "ex04_channels.q1": lambda a: check_count(
        a,
        len(set(channel_graph(_data()).neighbors("turkey_gov"))),
        "count each institution once: G.neighbors gives neighbours, G.degree counts ties (two with Washington)",
    ),
    "ex04_channels.q2": lambda a: check_ids(
        a,
        _cut_off(("political", "financial")),
        "remove the political and financial ties from a copy of G, keeping the nodes, then list(nx.isolates(H))",
    ),
    "ex04_channels.q3": lambda a: check_count(
        a,
        len(
            min_tie_cut(
                cut(channel_graph(_data()), ["political", "military"]), "us_gov", "turkey_gov"
            )
        ),
        "cut the political and military ties, then count nx.edge_disjoint_paths(H, 'us_gov', 'turkey_gov')",
    ),
    "ex04_channels.q4": lambda a: check_count(
        a,
        len(min_tie_cut(channel_graph(_data()), "us_gov", "turkey_gov")),
        "every tie counts: a pair tied in two layers costs two cuts, which nx.edge_connectivity on a MultiGraph misses",
    ),
    "ex05_nato.q1": lambda a: check_count(
        a,
        sum(t.balanced for t in triads(signed_graph(_data(), "after"))),
        "multiply the three signs of each of the four triads; a positive product is balanced",
    ),
    "ex05_nato.q2": lambda a: check_choice(
        a,
        _balancing_row(),
        tuple(r.id for r in _data().alignments if r.period == "after"),
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
        "prior odds = 1 / (product of the six ratios p_if_chip / p_if_realign); then odds / (1 + odds)",
        0,
        1,
    ),
    "ex06_leverage.q1": lambda a: check_number(
        a,
        next(c for c in channels(_data()) if c.name == "gas").turkey_exposure,
        0.001,
        "divide the Russian imports by the total imports, both in bcm",
        0,
        1,
    ),
    "ex06_leverage.q2": lambda a: check_number(
        a,
        _without_turkstream()["sensitivity"],
        0.001,
        "weight each side's exposures (TurkStream 0), add them up, then (D_Turkey - D_Russia) / (D_Turkey + D_Russia)",
        -1,
        1,
    ),
    "ex06_leverage.q3": lambda a: check_number(
        a,
        _without_turkstream()["vulnerability"],
        0.001,
        "use exposure x (1 - substitutability) for each side, with the weights of question 2",
        -1,
        1,
    ),
    "ex06_leverage.q4": lambda a: check_number(
        a,
        _leverage_after_one_step(),
        0.001,
        "after one step the leverage receives only sign x weight of E10 times buy_s400's +1; then tanh",
        -1,
        1,
    ),
    "ex06_leverage.q5": lambda a: check_number(
        a,
        _leverage_settled_e22_halved(),
        0.001,
        "set E22 to -0.4 in a copy of W and repeat the step (resetting buy_s400 to 1) until nothing moves",
        -1,
        1,
    ),
    "ex07_reality_check.q1": lambda a: check_ids(
        a,
        {
            pid
            for pid, p in _data().predictions.items()
            if outcome(p.verdict, partly=None) is not None
        },
        "keep the predictions whose verdict is plainly true or false",
    ),
    "ex07_reality_check.q2": lambda a: check_ids(
        a,
        _most_likely_by_the_author(),
        "take the weakest hedge among the author's own claims of each prediction, then the highest of those",
    ),
    "ex07_reality_check.q3": lambda a: check_number(
        a,
        score(READER, _data().predictions).brier,
        0.0005,
        "pair each scored forecast with its outcome (partly 0.5, PR10 left out), square the gaps, take the mean",
        0,
        1,
    ),
    "ex07_reality_check.q4": lambda a: check_number(
        a,
        score(_author(moderate=0.7), _data().predictions).brier,
        0.0005,
        "read 'moderate' as 0.7, take the weakest hedge per prediction, then score as in question 3",
        0,
        1,
    ),
    "ex07_reality_check.q5": lambda a: check_number(
        a,
        _reader_bin_observed(),
        0.005,
        "keep the scored forecasts with 0.6 <= p < 0.8 and average their outcomes",
        0,
        1,
    ),
}


def check(question: str, answer: Any) -> None:
    """Print feedback on ``answer`` to ``question``; raise :class:`s400.checks.NotYetCorrect` unless right.

    >>> check("ex01_argument.q2", ["C03", "C04", "C19"])
    Correct: C03, C04, C19.
    >>> check("ex01_argument.q9", 1)
    Traceback (most recent call last):
    ...
    KeyError: "no question 'ex01_argument.q9'; questions: ex01_argument.q1, ..."
    """
    if question not in QUESTIONS:
        raise KeyError(
            f"no question {question!r}; questions: {', '.join(list(QUESTIONS)[:1])}, ..."
        )
    expect(QUESTIONS[question](answer))
