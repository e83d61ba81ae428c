"""Whose ledger? Which consequences a reading counts, and how much of its verdict that carries.

A reading of the case is a scenario of the lab. Its *ledger* is the set of consequences it counts:
those it gives a value other than zero. Two readings can differ in their ledgers (the author's
reading counts the economy and Russia's leverage, Ankara's stated case counts independence from
allies' terms and technology) and in their *sizes* (values, chances, weights, discount rate).

To see which of the two carries a verdict, put each reading's numbers on the other's ledger. A
consequence that a reading does not count has no size of its own in it, so on a ledger that
counts it, it takes the size of the reading that does (the ledger's owner). The examples use the
lab's default scenario (the network's weights, every chance 1, no discount) with two made-up
readings: ``a`` counts only the F-35 place, at 10; ``b`` only independence from allies' terms,
at 4. Buying is then worth -0.9 x 10 - 2.5 = -11.5 to ``a`` and 0.5 x 4 - 2.5 = -0.5 to ``b``
(edges E04 and E46), and buying neither (0) is the best alternative for both.

None of this says which ledger is right: that is part of the argument each side makes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from s400.reasoning.model import Lab, Scenario


def ledger(lab: Lab, scenario: Mapping[str, float]) -> tuple[str, ...]:
    """The consequences a scenario counts: those it gives a value other than zero.

    Parameters
    ----------
    lab : Lab
        Whose consequences to look at, in their order.
    scenario : mapping
        A number for every key of ``lab.parameters``.

    Returns
    -------
    tuple of str
        The counted consequences, in the lab's order.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> ledger(lab, {**lab.default(), "magnitude.economy": 3.0, "magnitude.autonomy": 1.0})
    ('autonomy', 'economy')
    """
    return tuple(c for c in lab.consequences if scenario[f"magnitude.{c}"] != 0)


def size_keys(lab: Lab, scenario: Mapping[str, float]) -> list[str]:
    """The parameters that size a scenario without changing its ledger.

    Every chance, weight and the discount rate, and the values of the consequences it counts; the
    values it leaves at zero would add a consequence, which is a change of ledger, not of size.

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.

    Returns
    -------
    list of str
        Parameter keys, in the lab's order.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> keys = size_keys(lab, {**lab.default(), "magnitude.economy": 3.0})
    >>> [k for k in keys if k.startswith("magnitude.")], "discount_rate" in keys
    (['magnitude.economy'], True)
    """
    counted = {f"magnitude.{c}" for c in ledger(lab, scenario)}
    return [k for k in lab.parameters if not k.startswith("magnitude.") or k in counted]


def on_ledger(
    lab: Lab,
    numbers: Mapping[str, float],
    counted: tuple[str, ...],
    sizes_from: Mapping[str, float],
) -> Scenario:
    """A reading's numbers, counting exactly the consequences of another ledger.

    Parameters
    ----------
    lab : Lab
        The model.
    numbers : mapping
        The reading whose chances, weights, discount rate and values are used.
    counted : tuple of str
        The ledger: the consequences to count. Every other consequence is valued 0.
    sizes_from : mapping
        The scenario that owns the ledger: a counted consequence that ``numbers`` does not count
        itself takes its value from here.

    Returns
    -------
    dict
        A complete scenario.

    Examples
    --------
    ``a``'s numbers on ``b``'s ledger: the F-35 place drops out, and independence from allies'
    terms, which ``a`` does not value, takes ``b``'s value of 4.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> a = {**lab.default(), "magnitude.f35_place": 10.0}
    >>> b = {**lab.default(), "magnitude.supply_independence": 4.0}
    >>> s = on_ledger(lab, a, ledger(lab, b), sizes_from=b)
    >>> s["magnitude.f35_place"], s["magnitude.supply_independence"]
    (0.0, 4.0)
    """
    own = ledger(lab, numbers)
    out = dict(numbers)
    for c in lab.consequences:
        key = f"magnitude.{c}"
        if c not in counted:
            out[key] = 0.0
        elif c not in own:
            out[key] = sizes_from[key]
    return out


@dataclass(frozen=True)
class Crossing:
    """One reading's numbers on one reading's ledger: the best option and the purchase's margin.

    Parameters
    ----------
    numbers : str
        The name of the reading whose numbers are used.
    ledger : str
        The name of the reading whose ledger counts.
    best : str
        The best option by those numbers on that ledger.
    margin : float
        How far buying the S-400 beats the best alternative (negative: it does not).

    Examples
    --------
    ``a`` of the module's examples on its own ledger: -0.9 x 10 - 2.5 = -11.5, so buying
    neither (0) is best.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> [crossing] = cross(lab, {"a": {**lab.default(), "magnitude.f35_place": 10.0}})
    >>> crossing.numbers, crossing.ledger, crossing.best, round(crossing.margin, 2)
    ('a', 'a', 'buy_neither', -11.5)
    """

    numbers: str
    ledger: str
    best: str
    margin: float


def cross(lab: Lab, readings: Mapping[str, Mapping[str, float]]) -> list[Crossing]:
    """Every reading's numbers on every reading's ledger, its own included.

    Parameters
    ----------
    lab : Lab
        The model.
    readings : mapping
        ``{name: scenario}``.

    Returns
    -------
    list of Crossing
        One per pair (numbers, ledger), numbers in the outer order.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> a = {**lab.default(), "magnitude.f35_place": 10.0}
    >>> b = {**lab.default(), "magnitude.supply_independence": 4.0}
    >>> [(c.numbers, c.ledger, c.best, round(c.margin, 2)) for c in cross(lab, {"a": a, "b": b})]
    [('a', 'a', 'buy_neither', -11.5), ('a', 'b', 'buy_neither', -0.5), \
('b', 'a', 'buy_neither', -11.5), ('b', 'b', 'buy_neither', -0.5)]
    """
    out = []
    for numbers, scenario in readings.items():
        for owner, owned in readings.items():
            verdict = lab.verdict(on_ledger(lab, scenario, ledger(lab, owned), owned))
            out.append(Crossing(numbers, owner, verdict.best, verdict.margin))
    return out


@dataclass(frozen=True)
class Split:
    """The gap between two readings' margins, as the part the ledger carries and the part the
    sizes carry; the two add up to ``total``.

    Parameters
    ----------
    total : float
        The first reading's margin minus the second's.
    ledger : float
        The part of ``total`` that the change of ledger carries.
    sizes : float
        The part that the change of sizes carries.

    Examples
    --------
    Made-up parts: a gap of -4.5 of which the ledger carries -1.5 and the sizes -3.

    >>> gap = Split(total=-4.5, ledger=-1.5, sizes=-3.0)
    >>> gap.ledger + gap.sizes == gap.total
    True
    """

    total: float
    ledger: float
    sizes: float


def split(lab: Lab, a: Mapping[str, float], b: Mapping[str, float]) -> Split:
    """How much of the gap between two readings' margins comes from their ledgers, how much from
    their sizes.

    Changing ``b`` into ``a`` takes two steps, a change of ledger and a change of sizes, and the
    part each step carries depends on which comes first; the split averages the two orders (a
    Shapley value), so it does not depend on an order nobody chose:
    ``ledger = ((M(a, La) - M(a, Lb)) + (M(b, La) - M(b, Lb))) / 2`` and
    ``sizes = ((M(a, La) - M(b, La)) + (M(a, Lb) - M(b, Lb))) / 2``, where ``M(x, Ly)`` is the
    margin of ``x``'s numbers on ``y``'s ledger.

    Parameters
    ----------
    lab : Lab
        The model.
    a, b : mapping
        Two complete scenarios.

    Returns
    -------
    Split
        ``total`` = margin of ``a`` minus margin of ``b`` = ``ledger`` + ``sizes``.

    Examples
    --------
    ``a`` and ``b`` share their weights and chances, so the whole gap, -11.5 - (-0.5) = -11, is
    the ledger's:

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> a = {**lab.default(), "magnitude.f35_place": 10.0}
    >>> b = {**lab.default(), "magnitude.supply_independence": 4.0}
    >>> split(lab, a, b)
    Split(total=-11.0, ledger=-11.0, sizes=0.0)

    Same ledger, different sizes (the F-35 place at 10 and at 5: -11.5 against -7): all sizes.

    >>> split(lab, a, {**lab.default(), "magnitude.f35_place": 5.0})
    Split(total=-4.5, ledger=0.0, sizes=-4.5)
    """
    margin = {
        (x, y): float(lab.margin(on_ledger(lab, nx, ledger(lab, ny), ny)))
        for x, nx in (("a", a), ("b", b))
        for y, ny in (("a", a), ("b", b))
    }
    by_ledger = ((margin["a", "a"] - margin["a", "b"]) + (margin["b", "a"] - margin["b", "b"])) / 2
    by_sizes = ((margin["a", "a"] - margin["b", "a"]) + (margin["a", "b"] - margin["b", "b"])) / 2
    # + 0.0 turns a -0.0 into a plain 0.0
    return Split(margin["a", "a"] - margin["b", "b"] + 0.0, by_ledger + 0.0, by_sizes + 0.0)


def ledger_table(lab: Lab, readings: Mapping[str, Mapping[str, float]]) -> list[dict[str, object]]:
    """Side by side, the value each reading gives each consequence, and who counts it.

    Parameters
    ----------
    lab : Lab
        The model.
    readings : mapping
        ``{name: scenario}``.

    Returns
    -------
    list of dict
        One row per consequence: ``consequence`` (its label), one column per reading with its
        value (None where the reading does not count it), and ``counted by``.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> a = {**lab.default(), "magnitude.f35_place": 10.0}
    >>> b = {**lab.default(), "magnitude.supply_independence": 4.0}
    >>> rows = ledger_table(lab, {"a": a, "b": b})
    >>> [r for r in rows if r["counted by"]]
    [{'consequence': 'Place in the F-35 programme', 'a': 10.0, 'b': None, 'counted by': 'a'}, \
{'consequence': "Independence from allies' terms", 'a': None, 'b': 4.0, 'counted by': 'b'}]
    """
    rows: list[dict[str, object]] = []
    for c in lab.consequences:
        values = {
            name: (s[f"magnitude.{c}"] if c in ledger(lab, s) else None)
            for name, s in readings.items()
        }
        counted_by = [name for name, value in values.items() if value is not None]
        rows.append({"consequence": lab.labels[c], **values, "counted by": ", ".join(counted_by)})
    return rows
