"""The cost-benefit lab of notebook 03: expected value of Ankara's options, break-even, sensitivity.

The lab is the influence network of notebook 02 seen as a decision model (Allison's Model I):

- a *consequence* is a node Turkey puts a value on (air defence, the F-35 place, US sanctions, ...);
- the *effect* of an option on a consequence is path tracing over the network: the sum, over the
  routes from the option to the consequence, of the product of sign x weight x probability along the
  route. Each route is counted once, at the first consequence it reaches, so nothing is counted
  twice: the magnitude of a consequence includes whatever it leads to further on;
- a *probability* on a node scales every edge into it: P(activation) governs the whole conditional
  branch of the op-ed, P(consequence) says how likely the consequence is to happen at all;
- the *magnitude* of a consequence is what a full-strength change is worth to Turkey, in billions of
  US dollars or their equivalent (a judgement; sourced figures anchor the scale);
- later consequences are discounted: ``(1 + rate) ** -delay``, with delays read off the timeline;
- the expected value of an option is the sum of its discounted contributions minus its price.

A scenario is a flat ``dict`` from parameter key to number, so sliders, presets, JSON files, the
break-even search, the tornado chart and the Monte Carlo all speak the same language. Keys:
``magnitude.<node>``, ``probability.<node>``, ``weight.<edge id>`` and ``discount_rate``.
Every function here works on numbers or on numpy arrays of draws alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import reduce

import networkx as nx
import numpy as np

from s400.data import DEFAULT_DATA_DIR, Dataset, parse_partial_date
from s400.network import effect_graph

OPTIONS = ("buy_s400", "take_patriot", "buy_neither")
DECISION = "buy_s400"  # the option the op-ed judges
#: Consequences and the range of their magnitude sliders (bn USD-equivalent; negative: a harm to have more of).
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
}
#: When each consequence was felt, for discounting: the event that marks it (None: at once).
DELAY_EVENTS = {
    "f35_place": "f35_removal_2019",
    "us_sanctions": "caatsa_2020",
    "air_defence": "activation_postponed_2020",
}
REFERENCE_EVENT = "s400_delivery_2019"  # the op-ed was written after the first delivery
PRICES = {
    "buy_s400": "s400_price",
    "take_patriot": "patriot_offer",
}  # figure ids; buying neither costs 0
FORMAT = "s400-scenario"
SCENARIO_DIR = DEFAULT_DATA_DIR / "scenarios"
#: The presets in data/scenarios/, with the names students see.
PRESETS = {
    "author": "The author's reading",
    "ankara": "Ankara's stated case",
    "sceptic": "A sceptic of both",
}

Scenario = dict[str, float]


@dataclass(frozen=True)
class Parameter:
    """A number the student sets, with its slider range."""

    key: str
    label: str
    low: float
    high: float


class ScenarioError(ValueError):
    """A scenario file or dict is malformed; the message lists every problem."""


class Lab:
    """The decision model, built once from the data; its methods are pure functions of a scenario.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> author = lab.preset("author")
    >>> round(lab.values(author)["buy_neither"], 6)
    0.0
    >>> lab.verdict(author).best
    'buy_neither'
    """

    def __init__(self, data: Dataset):
        graph = effect_graph(data)
        self.labels = {n: graph.nodes[n]["label"] for n in graph}
        consequences = tuple(MAGNITUDE_RANGES)
        # A route stops at the first consequence it reaches: drop the edges leaving consequences.
        routes = graph.copy()
        routes.remove_edges_from([(u, v) for u, v in graph.edges if u in consequences])
        self.paths = {
            (option, c): [
                [(graph.edges[u, v]["id"], graph.edges[u, v]["sign"], v) for u, v in zip(p, p[1:])]
                for p in nx.all_simple_paths(routes, option, c)
            ]
            for option in OPTIONS
            for c in consequences
        }
        self.consequences = tuple(c for c in consequences if any(self.paths[o, c] for o in OPTIONS))
        used_edges = sorted({e for paths in self.paths.values() for p in paths for e, _, _ in p})
        probability_nodes = sorted(
            {v for paths in self.paths.values() for p in paths for _, _, v in p}
        )
        reference = parse_partial_date(data.timeline[REFERENCE_EVENT].date)
        self.delays = {
            c: max(
                0.0,
                (parse_partial_date(data.timeline[DELAY_EVENTS[c]].date) - reference).days / 365.25,
            )
            if c in DELAY_EVENTS
            else 0.0
            for c in self.consequences
        }
        self.prices = {o: data.figures[PRICES[o]].value if o in PRICES else 0.0 for o in OPTIONS}
        edges = {e.id: e for e in data.edges}
        self.parameters = {
            **{
                f"magnitude.{c}": Parameter(
                    f"magnitude.{c}", f"value of {self.labels[c]}", *MAGNITUDE_RANGES[c]
                )
                for c in self.consequences
            },
            **{
                f"probability.{n}": Parameter(f"probability.{n}", f"chance: {self.labels[n]}", 0, 1)
                for n in probability_nodes
            },
            "discount_rate": Parameter("discount_rate", "discount rate per year", 0, 0.3),
            **{
                f"weight.{e}": Parameter(
                    f"weight.{e}",
                    f"weight of {e}: {self.labels[edges[e].source]} → "
                    f"{self.labels[edges[e].target]}",
                    0,
                    1,
                )
                for e in used_edges
            },
        }
        self.network_weights = {f"weight.{e}": edges[e].weight for e in used_edges}

    # --- evaluating a scenario -------------------------------------------------------------

    def contributions(self, scenario: Mapping[str, float]) -> dict[str, dict[str, float]]:
        """Per option, the discounted contribution of each consequence (price not included).

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> s = {**lab.default(), "magnitude.f35_place": 10.0}
        >>> lab.contributions(s)["buy_s400"]["f35_place"]  # one route, E04: sign -1 x weight 0.9 x 10
        -9.0
        """
        out: dict[str, dict[str, float]] = {}
        for option in OPTIONS:
            out[option] = {}
            for c in self.consequences:
                effect = 0.0
                for path in self.paths[option, c]:
                    term = 1.0
                    for edge, sign, target in path:
                        term = (
                            term
                            * sign
                            * scenario[f"weight.{edge}"]
                            * scenario[f"probability.{target}"]
                        )
                    effect = effect + term
                # + 0.0 turns the -0.0 of "no effect x a negative value" into a plain 0.0
                out[option][c] = (
                    effect
                    * scenario[f"magnitude.{c}"]
                    * (1 + scenario["discount_rate"]) ** -self.delays[c]
                    + 0.0
                )
        return out

    def values(self, scenario: Mapping[str, float]) -> dict[str, float]:
        """Expected value of each option: the sum of its contributions minus its (sourced) price."""
        return self.values_of(self.contributions(scenario))

    def values_of(self, contributions: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
        """Expected values from contributions already computed (a widget needs both, once)."""
        return {o: sum(parts.values()) - self.prices[o] for o, parts in contributions.items()}

    def margin(self, scenario: Mapping[str, float]) -> float:
        """How far buying the S-400 beats the best alternative (negative: it does not)."""
        return _margin(self.values(scenario))

    def verdict(self, scenario: Mapping[str, float]) -> Verdict:
        """Which option is best by these numbers, and whether that makes the purchase rational."""
        return self.verdict_of(self.contributions(scenario))

    def verdict_of(self, contributions: Mapping[str, Mapping[str, float]]) -> Verdict:
        """The verdict from contributions already computed."""
        values = self.values_of(contributions)
        return Verdict(max(OPTIONS, key=lambda o: values[o]), values, float(_margin(values)))

    # --- scenarios ---------------------------------------------------------------------------

    def preset(self, name: str) -> Scenario:
        """A named scenario from data/scenarios/<name>.json (a key of PRESETS)."""
        return self.scenario_from_json((SCENARIO_DIR / f"{name}.json").read_text(encoding="utf-8"))[
            1
        ]

    def preset_notes(self, name: str) -> dict[str, str]:
        """Why a preset has the numbers it has: a sourced anchor, or "Judgement" and its reason.

        >>> from s400.data import load
        >>> "f35_workshare_lost" in Lab(load()).preset_notes("author")["magnitude.f35_place"]
        True
        """
        return json.loads((SCENARIO_DIR / f"{name}.json").read_text(encoding="utf-8")).get(
            "notes", {}
        )

    def check(self, scenario: Mapping[str, object]) -> Scenario:
        """The scenario as floats, or ScenarioError naming every missing, unknown or out-of-range key."""
        problems = [f"missing: {k}" for k in self.parameters if k not in scenario]
        problems += [f"unknown parameter: {k}" for k in scenario if k not in self.parameters]
        clean: Scenario = {}
        for key, value in scenario.items():
            if key not in self.parameters:
                continue
            p = self.parameters[key]
            if (
                type(value) not in (int, float) or value != value
            ):  # bools and NaN are not numbers here
                problems.append(f"{key}: expected a number, got {value!r}")
            elif not p.low <= value <= p.high:
                problems.append(f"{key}: {value} is outside its range {p.low} to {p.high}")
            else:
                clean[key] = float(value)
        if problems:
            raise ScenarioError("; ".join(problems))
        return clean

    def scenario_to_json(self, name: str, scenario: Mapping[str, float]) -> str:
        """A scenario as a small JSON document, for export and for the class poll."""
        return json.dumps(
            {
                "format": FORMAT,
                "version": 1,
                "name": name,
                "values": {k: round(float(scenario[k]), 6) for k in self.parameters},
            },
            indent=1,
        )

    def scenario_from_json(self, text: str) -> tuple[str, Scenario]:
        """Parse and validate a scenario document; ScenarioError says what is wrong, in plain words.

        >>> from s400.data import load
        >>> Lab(load()).scenario_from_json('{"format": "something else"}')
        Traceback (most recent call last):
        ...
        s400.reasoning.ScenarioError: not a scenario file: its "format" is not "s400-scenario"
        """
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise ScenarioError(f"not valid JSON ({error.msg}, line {error.lineno})") from None
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ScenarioError(f'not a scenario file: its "format" is not "{FORMAT}"')
        if document.get("version") != 1:
            raise ScenarioError(
                f"unsupported scenario version {document.get('version')!r} (this lab reads version 1)"
            )
        if not isinstance(document.get("values"), dict):
            raise ScenarioError('no "values" object in the file')
        return str(document.get("name", "unnamed")), self.check(document["values"])

    # --- what would you have to believe? -------------------------------------------------------

    def break_even(self, scenario: Mapping[str, float], key: str) -> float | None:
        """The value of one parameter at which the verdict flips, the others held; None if none in range.

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> s = {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
        >>> round(lab.break_even(s, "magnitude.air_defence"), 4)  # 0.5 x 0.5 x value = price 2.5
        10.0
        """
        p = self.parameters[key]
        found = _crossings(lambda x: float(self.margin({**scenario, key: x})), p.low, p.high)
        return min(found, key=lambda x: abs(x - scenario[key]), default=None)

    def break_even_table(
        self, scenario: Mapping[str, float], keys: Iterable[str] | None = None
    ) -> list[dict]:
        """For each parameter: its value now, the value that flips the verdict, and how far away that is
        as a share of the slider's range. Closest first; parameters that cannot flip it come last."""
        rows = []
        for key in keys or self.parameters:
            p = self.parameters[key]
            value = self.break_even(scenario, key)
            distance = None if value is None else abs(value - scenario[key]) / (p.high - p.low)
            rows.append(
                {
                    "parameter": key,
                    "label": p.label,
                    "now": scenario[key],
                    "flips at": value,
                    "distance": distance,
                }
            )
        return sorted(
            rows, key=lambda r: (r["distance"] is None, r["distance"] or 0, r["parameter"])
        )

    def beliefs_to_overturn(
        self, scenario: Mapping[str, float], keys: Iterable[str] | None = None
    ) -> list[tuple[str, float, float]] | None:
        """A short list of changes that overturns the verdict: (parameter, from, to), in order.

        Greedy: move the parameter that pushes the margin furthest towards the other verdict to the
        end of its range, then the next, until the verdict flips; the last one stops at its exact
        break-even. Not guaranteed minimal, but each step is the largest available. None if even
        every parameter at its most favourable end does not flip it.

        >>> from s400.data import load
        >>> lab = Lab(load())
        >>> [(k, a, round(b, 6)) for k, a, b in lab.beliefs_to_overturn(
        ...     {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}, keys=["magnitude.air_defence"])]
        [('magnitude.air_defence', 4.0, 10.0)]
        """
        current = dict(scenario)
        was_rational = self.margin(current) > 0
        toward = -1 if was_rational else 1  # the direction the margin has to move
        free = list(keys or self.parameters)
        changes = []
        while free:

            def pushed(key_end: tuple[str, float]) -> float:
                return toward * float(self.margin({**current, key_end[0]: key_end[1]}))

            key, end = max(
                ((k, e) for k in free for e in (self.parameters[k].low, self.parameters[k].high)),
                key=pushed,
            )
            if (self.margin({**current, key: end}) > 0) != was_rational:
                crossing = self.break_even(current, key)
                changes.append((key, current[key], crossing if crossing is not None else end))
                return changes
            if pushed((key, end)) <= toward * float(self.margin(current)):
                return None  # nothing left moves the margin the right way
            changes.append((key, current[key], end))
            current[key] = end
            free.remove(key)
        return None

    def tornado(
        self, scenario: Mapping[str, float], keys: Iterable[str] | None = None
    ) -> list[dict]:
        """The margin with each parameter at the low and the high end of its range, the others held;
        widest swing first."""
        rows = []
        for key in keys or self.parameters:
            p = self.parameters[key]
            low, high = (float(self.margin({**scenario, key: x})) for x in (p.low, p.high))
            rows.append(
                {
                    "parameter": key,
                    "label": p.label,
                    "margin at low": low,
                    "margin at high": high,
                    "swing": abs(high - low),
                }
            )
        return sorted(rows, key=lambda r: -r["swing"])

    def monte_carlo(
        self,
        scenario: Mapping[str, float],
        spread: float = 0.5,
        draws: int = 100_000,
        seed: int = 0,
        keys: Iterable[str] | None = None,
    ) -> np.ndarray:
        """Margins in ``draws`` worlds where each parameter in ``keys`` (default: magnitudes and
        probabilities) is drawn uniformly within ±``spread`` of its slider range around its current
        value, clipped to the range. Vectorised and reproducible under ``seed``."""
        rng = np.random.default_rng(seed)
        keys = (
            list(keys)
            if keys is not None
            else [k for k in self.parameters if k.startswith(("magnitude.", "probability."))]
        )
        worlds: dict[str, object] = dict(scenario)
        for key in keys:
            p = self.parameters[key]
            half = spread * (p.high - p.low) / 2
            worlds[key] = np.clip(
                rng.uniform(scenario[key] - half, scenario[key] + half, draws), p.low, p.high
            )
        return np.broadcast_to(self.margin(worlds), (draws,))

    def default(self) -> Scenario:
        """The network's own weights, every probability 1, no discounting and zero magnitudes."""
        return {
            **dict.fromkeys(self.parameters, 0.0),
            **self.network_weights,
            **{k: 1.0 for k in self.parameters if k.startswith("probability.")},
        }


def _margin(values: Mapping[str, float]) -> float:
    """The purchase's value minus the best alternative's (numbers or arrays of draws)."""
    return values[DECISION] - reduce(np.maximum, (values[o] for o in OPTIONS if o != DECISION))


def _crossings(margin_at, lo: float, hi: float, grid: int = 100, steps: int = 40) -> list[float]:
    """Every point between ``lo`` and ``hi`` where ``margin_at`` changes sign.

    The margin is the purchase's value minus the best alternative's, and the maximum of the
    alternatives can bend it, so it may cross zero more than once: scan a grid, then bisect each
    bracket. (A crossing and its return inside one grid cell, 1% of the range, would be missed.)
    """
    xs = np.linspace(lo, hi, grid + 1)
    signs = [margin_at(x) > 0 for x in xs]
    found = []
    for a, b, sa, sb in zip(xs, xs[1:], signs, signs[1:]):
        if sa == sb:
            continue
        for _ in range(steps):
            mid = (a + b) / 2
            a, b = (mid, b) if (margin_at(mid) > 0) == sa else (a, mid)
        found.append(float((a + b) / 2))
    return found


@dataclass(frozen=True)
class Verdict:
    """The best option by a scenario's numbers; ``rational`` when that is buying the S-400."""

    best: str
    values: dict[str, float]
    margin: float

    @property
    def rational(self) -> bool:
        return self.best == DECISION and self.margin > 0


def verdict_text(lab: Lab, verdict: Verdict) -> str:
    """The verdict in one plain sentence, always relative to the numbers that produced it.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> verdict_text(lab, lab.verdict({**lab.default(), "magnitude.air_defence": 15.0, "weight.E26": 0.0}))
    'By these numbers buying the S-400 is the rational choice: it beats the next best option, Buy neither, by 1.25.'
    """
    best = lab.labels[verdict.best]
    if verdict.rational:
        runner_up = max((o for o in OPTIONS if o != DECISION), key=lambda o: verdict.values[o])
        return (
            f"By these numbers buying the S-400 is the rational choice: it beats the next best option, "
            f"{lab.labels[runner_up]}, by {verdict.margin:.2f}."
        )
    return (
        f"By these numbers buying the S-400 is not the rational choice: {best} is better, "
        f"by {-verdict.margin:.2f}."
    )
