"""The "Your turn" checks of notebooks 00-07: each computes its expected answer from data/.

A check cell in a notebook is one line, ``check("nb03.margin_without_f35", margin_without_f35)``:
it prints feedback in plain words and never shows the answer (the graded exercises do the same
through :mod:`s400.questions`). Unlike an exercise check, a wrong answer here does not raise, so
"Run All" always reaches the end of a notebook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from s400.balance import flipped, signed_graph, triads
from s400.bayes import posterior_path
from s400.channels import channel_graph, channel_report, cut, min_tie_cut
from s400.checks import Feedback, check_count, check_ids, check_number, check_sign
from s400.fcm import simulate, weight_matrix
from s400.forecasting import score
from s400.interdependence import dependence_asymmetry, dependences, with_judgement
from s400.network import argument_map, effect_graph, path_sign, total_effect
from s400.questions.course import course_data, course_lab
from s400.reasoning.ledgers import ledger, on_ledger
from s400.reasoning.scenarios import preset

#: The Western fighter deals a hedging reader finds as likely under either reading (notebook 05).
HEDGED_MOVES = ("M03", "M04")


def _outcomes(decision: str = "buy_s400", verdict: str = "indeterminate") -> set[str]:
    graph = effect_graph(course_data())
    return {
        n
        for n, kind in graph.nodes(data="type")
        if kind == "outcome" and total_effect(graph, decision, n).verdict == verdict
    }


def _ankara_on_the_authors_ledger() -> float:
    lab = course_lab()
    author, ankara = preset(lab, "author"), preset(lab, "ankara")
    return float(lab.margin(on_ledger(lab, ankara, ledger(lab, author), author)))


def _hedging_reader() -> float:
    moves = course_data().moves.values()
    chances = [(0.6, 0.6) if m.id in HEDGED_MOVES else (m.p_if_chip, m.p_if_realign) for m in moves]
    return posterior_path(0.5, chances)[-1]


def _visitors_change() -> float:
    figures = course_data().figures
    before, after = (
        figures[f].value for f in ("russian_visitors_2016_ator", "russian_visitors_2017_reuters")
    )
    assert before is not None and after is not None  # point values, not ranges
    return after / before - 1


def _leverage_without_e22() -> float:
    graph = effect_graph(course_data())
    nodes = list(graph.nodes)
    w = weight_matrix(graph, nodes, {("nato_trust", "russian_leverage"): 0.0})
    return simulate(w, nodes, {"buy_s400": 1.0, "s400_active": 1.0}).final["russian_leverage"]


#: Practice id -> check of an answer. Ids are "nb<notebook>.<what is asked>".
PRACTICE: dict[str, Callable[[Any], Feedback]] = {
    "nb00.trust_path_sign": lambda a: check_sign(
        a, path_sign(effect_graph(course_data()), ("buy_s400", "nato_trust", "russian_leverage"))
    ),
    "nb01.conditional_claims": lambda a: check_ids(
        a,
        {c.id for c in course_data().claims.values() if c.condition},
        "look at the condition column, or at the kind conditional_prediction",
    ),
    "nb01.direct_support": lambda a: check_ids(
        a,
        set(argument_map(course_data()).predecessors("C11")),
        'try sorted(arg.predecessors("C11"))',
    ),
    "nb02.activation_path_sign": lambda a: check_sign(
        a,
        path_sign(
            effect_graph(course_data()),
            ("buy_s400", "s400_active", "nato_standing", "national_security"),
        ),
    ),
    "nb02.indeterminate_outcomes": lambda a: check_ids(
        a,
        _outcomes(),
        "loop over the outcome nodes and keep those whose verdict is 'indeterminate'",
    ),
    "nb03.margin_without_f35": lambda a: check_number(
        a,
        float(course_lab().margin({**preset(course_lab(), "author"), "magnitude.f35_place": 0.0})),
        0.01,
        'copy the author preset with {**author, "magnitude.f35_place": 0.0}, then lab.margin',
    ),
    "nb03.ankara_on_the_authors_ledger": lambda a: check_number(
        a,
        _ankara_on_the_authors_ledger(),
        0.01,
        "on_ledger(lab, ankara, ledger(lab, author), author), then lab.margin(...)",
    ),
    "nb04.cut_off_institutions": lambda a: check_ids(
        a,
        set(
            channel_report(
                cut(channel_graph(course_data()), ["political", "economic"]), "us_gov", "turkey_gov"
            ).cut_off
        ),
        "cut the two layers with cut(ties, [...]) and look at channel_report(...).cut_off",
    ),
    "nb04.military_routes": lambda a: check_count(
        a,
        len(
            min_tie_cut(
                cut(channel_graph(course_data()), ["political", "economic", "financial"]),
                "us_gov",
                "turkey_gov",
            )
        ),
        "count the military routes from Washington to Ankara that share no institution",
    ),
    "nb05.balanced_late_2025": lambda a: check_count(
        a,
        sum(
            t.balanced
            for t in triads(
                flipped(signed_graph(course_data(), "after"), [("us_gov", "turkey_gov")])
            )
        ),
        "multiply the three signs of each triad; a positive product is balanced",
    ),
    "nb05.hedging_reader": lambda a: check_number(
        a,
        _hedging_reader(),
        0.01,
        "set both chances of M03 and M04 to 0.6: their ratio becomes 1, so they stop counting",
        0,
        1,
    ),
    "nb06.vulnerability_gas_replaceable": lambda a: check_number(
        a,
        dependence_asymmetry(
            with_judgement(dependences(course_data()), "gas", turkey_substitutability=0.8)
        )["vulnerability"],
        0.001,
        'pass the changed channels to dependence_asymmetry and take its "vulnerability" entry',
        -1,
        1,
    ),
    "nb06.visitors_2016_to_2017": lambda a: check_number(
        a, _visitors_change(), 0.01, "divide the 2017 figure by the 2016 figure and subtract 1"
    ),
    "nb06.leverage_without_e22": lambda a: check_number(
        a,
        _leverage_without_e22(),
        0.005,
        "build W with the override, simulate with the clamps of 'bought, activated', read .final",
        -1,
        1,
    ),
    "nb07.brier_all_80": lambda a: check_number(
        a,
        score(dict.fromkeys(course_data().predictions, 0.8), course_data().predictions).brier,
        0.001,
        "two true verdicts (0.04 each) and six partly ones (0.09 each), over eight",
        0,
        1,
    ),
    "nb07.earlier_procurement": lambda a: check_ids(
        a,
        {
            e.id
            for e in course_data().timeline.values()
            if e.theme == "procurement" and e.start < dt.date(2017, 1, 1)
        },
        "filter data.timeline for theme == 'procurement' and a date before 2017",
    ),
}


def check(question: str, answer: Any) -> None:
    """Print feedback on a practice answer; a wrong or missing answer prints what to fix.

    Parameters
    ----------
    question : str
        A key of ``PRACTICE``, e.g. ``"nb02.activation_path_sign"``.
    answer : object
        The student's answer; ``...`` means not answered yet.

    Raises
    ------
    KeyError
        For an unknown question id, naming the notebook's ids.

    Examples
    --------
    The path buy -> activated (+) -> voice in NATO (-) -> security (+) has one negative edge:

    >>> check("nb02.activation_path_sign", -1)
    Correct: the sign is -1.
    >>> check("nb02.activation_path_sign", ...)
    Not answered yet: replace the ... with your answer and run the cell again.
    >>> check("nb02.nothing", 1)
    Traceback (most recent call last):
    ...
    KeyError: "no practice question 'nb02.nothing'; nb02 has nb02.activation_path_sign, \
nb02.indeterminate_outcomes"
    """
    if question not in PRACTICE:
        notebook = question.split(".")[0]
        known = ", ".join(k for k in PRACTICE if k.startswith(notebook + "."))
        raise KeyError(f"no practice question {question!r}; {notebook} has {known}")
    print(PRACTICE[question](answer))
