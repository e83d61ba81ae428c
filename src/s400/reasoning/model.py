"""The decision model: Ankara's options, their expected values and the verdict.

Every method works on numbers or on numpy arrays of draws alike (the Monte Carlo passes arrays).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from s400.data import Dataset, parse_partial_date
from s400.network import effect_graph
from s400.reasoning.verdict import OPTIONS, Verdict, margin_of

#: Consequences and their value sliders' ranges ($bn-equivalent; negative: a harm to have more).
MAGNITUDE_RANGES = {
    "air_defence": (0, 15),
    "autonomy": (0, 10),
    "f35_place": (0, 15),
    "us_sanctions": (-10, 0),
    "us_relations": (0, 15),
    "economy": (0, 15),
    "national_security": (0, 15),
    "nato_trust": (0, 10),
    "nato_standing": (0, 10),
    "russian_leverage": (-10, 0),
    "supply_independence": (0, 10),
    "defence_industry": (0, 10),
}
#: When each consequence was felt, for discounting: the event that marks it (absent: at once).
DELAY_EVENTS = {
    "f35_place": "f35_removal_2019",
    "us_sanctions": "caatsa_2020",
    "air_defence": "activation_postponed_2020",
}
REFERENCE_EVENT = "s400_delivery_2019"  # the op-ed was written after the first delivery
#: The figure id of each option's price; buying neither costs nothing.
PRICES = {"buy_s400": "s400_price", "take_patriot": "patriot_offer"}

Scenario = dict[str, float]
#: One step of a route: (edge id, sign, the node the edge enters).
Step = tuple[str, int, str]


@dataclass(frozen=True)
class Parameter:
    """A number the student sets, with its slider range.

    Parameters
    ----------
    key : str
        The scenario key: ``magnitude.<node>``, ``probability.<node>``, ``weight.<edge id>`` or
        ``discount_rate``.
    label : str
        What the slider is called.
    low : float
        The smallest value allowed.
    high : float
        The largest value allowed.

    Examples
    --------
    >>> Parameter("magnitude.autonomy", "value of autonomy", 0, 10).step  # a range of 10
    0.05
    """

    key: str
    label: str
    low: float
    high: float

    @property
    def step(self) -> float:
        """The slider's step: 0.01 for chances, weights and the discount rate; 0.05 for $bn.

        Examples
        --------
        A range of 1 or less (a chance, a weight, the discount rate) gets the fine step.

        >>> Parameter("discount_rate", "discount rate per year", 0, 0.3).step
        0.01
        >>> Parameter("magnitude.us_sanctions", "value of US sanctions", -10, 0).step
        0.05
        """
        return 0.01 if self.high - self.low <= 1 else 0.05


def _routes(graph: nx.DiGraph, option: str, consequence: str, stops: set[str]) -> list[list[Step]]:
    """The routes from ``option`` to ``consequence`` that pass no other consequence in ``stops``."""
    kept = graph.subgraph(n for n in graph if n not in stops or n == consequence)
    return [
        [(graph.edges[u, v]["id"], graph.edges[u, v]["sign"], v) for u, v in nx.utils.pairwise(p)]
        for p in nx.all_simple_paths(kept, option, consequence)
    ]


def _price(data: Dataset, option: str) -> float:
    """An option's price in $bn from figures.csv; buying neither costs nothing."""
    if option not in PRICES:
        return 0.0
    value = data.figures[PRICES[option]].value
    if value is None:
        raise ValueError(f"figures.csv, {PRICES[option]}: a price needs a value, not a range")
    return value


class Lab:
    """The decision model, built once from the data; its methods are pure functions of a scenario.

    Parameters
    ----------
    data : Dataset
        The loaded data package: the network's edges, the timeline (delays) and the prices.

    Attributes
    ----------
    labels : dict
        Each node's label.
    consequences : tuple of str
        The consequences some option reaches.
    delays : dict
        Years from the first delivery to when each consequence was felt.
    prices : dict
        Each option's price in $bn (figures.csv).
    parameters : dict
        Every number a scenario sets, keyed as in the scenario, with its slider range.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> lab.prices["buy_neither"], lab.parameters["probability.s400_active"].high
    (0.0, 1)
    """

    def __init__(self, data: Dataset):
        graph = effect_graph(data)
        self.labels: dict[str, str] = {n: graph.nodes[n]["label"] for n in graph}
        # A route stops at the first consequence it reaches, so nothing is counted twice.
        stops = set(MAGNITUDE_RANGES)
        self.paths = {
            (option, c): _routes(graph, option, c, stops)
            for option in OPTIONS
            for c in MAGNITUDE_RANGES
        }
        self.consequences = tuple(
            c for c in MAGNITUDE_RANGES if any(self.paths[o, c] for o in OPTIONS)
        )
        steps = [step for paths in self.paths.values() for path in paths for step in path]
        used_edges = sorted({edge for edge, _, _ in steps})
        probability_nodes = sorted({target for _, _, target in steps})
        reference = parse_partial_date(data.timeline[REFERENCE_EVENT].date)

        def years_after_reference(event: str) -> float:
            days = (parse_partial_date(data.timeline[event].date) - reference).days
            return max(0.0, days / 365.25)

        self.delays = {
            c: years_after_reference(DELAY_EVENTS[c]) if c in DELAY_EVENTS else 0.0
            for c in self.consequences
        }
        self.prices = {o: _price(data, o) for o in OPTIONS}
        edges = {e.id: e for e in data.edges}
        parameters = [
            *(
                Parameter(f"magnitude.{c}", f"value of {self.labels[c]}", *MAGNITUDE_RANGES[c])
                for c in self.consequences
            ),
            *(
                Parameter(f"probability.{n}", f"chance: {self.labels[n]}", 0, 1)
                for n in probability_nodes
            ),
            Parameter("discount_rate", "discount rate per year", 0, 0.3),
            *(
                Parameter(
                    f"weight.{e}",
                    f"weight of {e}: {self.labels[edges[e].source]} → "
                    f"{self.labels[edges[e].target]}",
                    0,
                    1,
                )
                for e in used_edges
            ),
        ]
        self.parameters = {p.key: p for p in parameters}
        self.network_weights = {f"weight.{e}": edges[e].weight for e in used_edges}

    def default(self) -> Scenario:
        """The network's own weights, every probability 1, no discounting and zero magnitudes.

        Returns
        -------
        dict
            A complete scenario: one number per key of ``parameters``.

        Examples
        --------
        >>> from s400.data import load
        >>> s = Lab(load()).default()
        >>> s["magnitude.air_defence"], s["probability.s400_active"], s["discount_rate"]
        (0.0, 1.0, 0.0)
        """
        return {
            **dict.fromkeys(self.parameters, 0.0),
            **self.network_weights,
            **{k: 1.0 for k in self.parameters if k.startswith("probability.")},
        }

    def contributions(self, scenario: Mapping[str, float]) -> dict[str, dict[str, float]]:
        """Per option, the discounted contribution of each consequence (price not included).

        Parameters
        ----------
        scenario : mapping
            A number (or an array of draws) for every key of ``parameters``.

        Returns
        -------
        dict
            ``{option: {consequence: contribution}}`` in $bn-equivalent.

        Examples
        --------
        One route, edge E04 (sign -1, weight 0.9), into a place worth 10: -1 x 0.9 x 10.

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> scenario = {**lab.default(), "magnitude.f35_place": 10.0}
        >>> lab.contributions(scenario)["buy_s400"]["f35_place"]
        -9.0
        """
        out: dict[str, dict[str, float]] = {}
        for option in OPTIONS:
            out[option] = {}
            for c in self.consequences:
                effect = sum(self._route_effect(path, scenario) for path in self.paths[option, c])
                discount = (1 + scenario["discount_rate"]) ** -self.delays[c]
                # + 0.0 turns the -0.0 of "no effect x a negative value" into a plain 0.0
                out[option][c] = effect * scenario[f"magnitude.{c}"] * discount + 0.0
        return out

    @staticmethod
    def _route_effect(path: list[Step], scenario: Mapping[str, float]) -> float:
        """The product of sign x weight x probability along one route."""
        term = 1.0
        for edge, sign, target in path:
            term = term * sign * scenario[f"weight.{edge}"] * scenario[f"probability.{target}"]
        return term

    def values(self, scenario: Mapping[str, float]) -> dict[str, float]:
        """Expected value of each option: the sum of its contributions minus its (sourced) price.

        Parameters
        ----------
        scenario : mapping
            A number (or an array of draws) for every key of ``parameters``.

        Returns
        -------
        dict
            ``{option: expected value}`` in $bn-equivalent.

        Examples
        --------
        With every value at zero, each option is worth minus its price ($2.5bn for the S-400).

        >>> from s400.data import load
        >>> Lab(load()).values(Lab(load()).default())["buy_s400"]
        -2.5
        """
        return self.values_of(self.contributions(scenario))

    def values_of(self, contributions: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
        """Expected values from contributions already computed (a widget needs both, once).

        Parameters
        ----------
        contributions : mapping
            As returned by :meth:`contributions`.

        Returns
        -------
        dict
            ``{option: sum of its contributions minus its price}``.

        Examples
        --------
        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> lab.values_of({"buy_s400": {"a": 4.0, "b": -1.0}})  # 4 - 1 - 2.5
        {'buy_s400': 0.5}
        """
        return {o: sum(parts.values()) - self.prices[o] for o, parts in contributions.items()}

    def margin(self, scenario: Mapping[str, float]) -> float:
        """How far buying the S-400 beats the best alternative (negative: it does not).

        Parameters
        ----------
        scenario : mapping
            A number (or an array of draws) for every key of ``parameters``.

        Returns
        -------
        float
            The margin in $bn-equivalent (an array for arrays of draws).

        Examples
        --------
        With every value at zero, buying costs $2.5bn and buying neither costs nothing.

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> float(lab.margin(lab.default()))
        -2.5
        """
        return margin_of(self.values(scenario))

    def verdict(self, scenario: Mapping[str, float]) -> Verdict:
        """Which option is best by these numbers, and whether that makes the purchase rational.

        Parameters
        ----------
        scenario : mapping
            A number for every key of ``parameters``.

        Returns
        -------
        Verdict
            The best option, every option's value and the purchase's margin.

        Examples
        --------
        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> lab.verdict(lab.default()).best  # nothing valued: the free option wins
        'buy_neither'
        """
        return self.verdict_of(self.contributions(scenario))

    def verdict_of(self, contributions: Mapping[str, Mapping[str, float]]) -> Verdict:
        """The verdict from contributions already computed.

        Parameters
        ----------
        contributions : mapping
            As returned by :meth:`contributions`, for every option.

        Returns
        -------
        Verdict
            The best option, every option's value and the purchase's margin.

        Examples
        --------
        Buying: 6 - 2.5 = 3.5; the Patriot offer: 0 - its price; neither: 0.

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> v = lab.verdict_of({"buy_s400": {"a": 6.0}, "take_patriot": {}, "buy_neither": {}})
        >>> v.best, v.margin, v.rational
        ('buy_s400', 3.5, True)
        """
        values = self.values_of(contributions)
        return Verdict(max(OPTIONS, key=lambda o: values[o]), values, float(margin_of(values)))
