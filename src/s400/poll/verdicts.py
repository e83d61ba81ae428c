"""The class's verdicts: who finds the purchase rational by their own numbers, and where the
presets sit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from s400.poll.files import Entry
from s400.reasoning import OPTIONS, PRESETS, Lab, Scenario
from s400.reasoning.scenarios import preset


def preset_scenarios(lab: Lab) -> dict[str, Scenario]:
    """The three presets, keyed by the names students see (PRESETS).

    Parameters
    ----------
    lab : Lab
        The model the presets set numbers for.

    Returns
    -------
    dict
        ``{name students see: scenario}``, in the order of ``PRESETS``.

    Raises
    ------
    OSError
        If a preset's file in data/scenarios/ cannot be read.
    ScenarioError
        If a preset's file does not fit the lab.

    Examples
    --------
    The author's preset values the F-35 place at 9 (data/scenarios/author.json).

    >>> from s400.data import load
    >>> presets = preset_scenarios(Lab(load()))
    >>> list(presets)
    ["The author's reading", "Ankara's stated case", 'A sceptic of both']
    >>> presets["The author's reading"]["magnitude.f35_place"]
    9.0
    """
    return {label: preset(lab, key) for key, label in PRESETS.items()}


def margins(lab: Lab, scenarios: Mapping[str, Scenario]) -> dict[str, float]:
    """Each scenario's margin: the purchase's value minus the best alternative's.

    Parameters
    ----------
    lab : Lab
        The model.
    scenarios : mapping of str to dict
        Scenarios by name.

    Returns
    -------
    dict of str to float
        Each scenario's margin in $bn-equivalent (positive: buying is rational).

    Examples
    --------
    With air defence worth 15 and edge E26 off, buying gains 0.5 x 0.5 x 15 = 3.75 (edges E01
    and E02) for its price of 2.5, and the Patriot offer gains nothing for its 3.5.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> high = {**lab.default(), "magnitude.air_defence": 15.0, "weight.E26": 0.0}
    >>> margins(lab, {"zero": lab.default(), "high": high})  # -2.5 - 0; 3.75 - 2.5 - 0
    {'zero': -2.5, 'high': 1.25}
    """
    return {name: float(lab.margin(s)) for name, s in scenarios.items()}


def by_file(entries: Iterable[Entry]) -> dict[str, Scenario]:
    """The entries' scenarios keyed by file name.

    Parameters
    ----------
    entries : iterable of Entry
        The valid scenarios.

    Returns
    -------
    dict
        ``{file name: scenario}``, in the entries' order. File names are unique in a folder, so
        two students' files under the same scenario name both stay.

    Examples
    --------
    >>> by_file([Entry("a.json", "mine", {"discount_rate": 0.1}), Entry("b.json", "mine", {})])
    {'a.json': {'discount_rate': 0.1}, 'b.json': {}}
    """
    return {e.file: e.scenario for e in entries}


def share_rational(lab: Lab, entries: Sequence[Entry]) -> float | None:
    """The share of scenarios by whose own numbers buying the S-400 is rational.

    Parameters
    ----------
    lab : Lab
        The model.
    entries : sequence of Entry
        The valid scenarios.

    Returns
    -------
    float or None
        The share, from 0 to 1; None when there are no scenarios.

    Examples
    --------
    The first scenario's margin is 0.5 x 0.5 x 15 - 2.5 = 1.25 (see :func:`margins`). By the
    author's preset (data/scenarios/author.json) the F-35 place alone costs buying 0.9 x 9 =
    8.1 and every other value but air defence (1) and autonomy (0.5) is a cost: buying comes
    to about -23.9, far below buying neither (0).

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> rational = {**lab.default(), "magnitude.air_defence": 15.0, "weight.E26": 0.0}
    >>> entries = [Entry("a.json", "a", rational), Entry("b.json", "b", preset(lab, "author"))]
    >>> share_rational(lab, entries), share_rational(lab, [])  # 1 of 2; no scenarios
    (0.5, None)
    """
    if not entries:
        return None
    return sum(lab.verdict(e.scenario).rational for e in entries) / len(entries)


def best_options(lab: Lab, entries: Iterable[Entry]) -> dict[str, int]:
    """How many scenarios make each option the best, by its label (every option listed).

    Parameters
    ----------
    lab : Lab
        The model, for the verdicts and the options' labels.
    entries : iterable of Entry
        The valid scenarios.

    Returns
    -------
    dict of str to int
        ``{option's label: count}`` for every option, in the order of ``OPTIONS``.

    Examples
    --------
    Valuing only Turkish–US relations, at 10: the Patriot offer is worth 0.5 x 10 (E27) - 3.5
    = +1.5; buying loses relations (E06, and E12 through activation) and pays 2.5; buying
    neither is worth 0.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> relations = {**lab.default(), "magnitude.us_relations": 10.0}  # Patriot: 0.5 x 10 - 3.5
    >>> best_options(lab, [Entry("a.json", "a", relations)])
    {'Buy the S-400': 0, 'Take the Patriot offer': 1, 'Buy neither': 0}
    """
    counts = {lab.labels[o]: 0 for o in OPTIONS}
    for e in entries:
        counts[lab.labels[lab.verdict(e.scenario).best]] += 1
    return counts


def verdict_summary(lab: Lab, entries: Sequence[Entry], presets: Mapping[str, Scenario]) -> str:
    """The share who find the purchase rational, the best options, and the presets' verdicts.

    Parameters
    ----------
    lab : Lab
        The model.
    entries : sequence of Entry
        The valid scenarios.
    presets : mapping of str to dict
        Scenarios whose verdicts to show beside the class's, by name.

    Returns
    -------
    str
        A few lines: the share (and count) of scenarios by whose own numbers buying is
        rational, how many make each option the best, and each preset's best option and margin.

    Examples
    --------
    One scenario where buying wins by 1.25 (see :func:`margins`) and one where nothing has a
    value: buying neither wins, buying is 2.5 behind.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> rational = {**lab.default(), "magnitude.air_defence": 15.0, "weight.E26": 0.0}
    >>> entries = [Entry("a.json", "a", rational), Entry("b.json", "b", lab.default())]
    >>> print(verdict_summary(lab, entries, {"zero": lab.default()}))
    By their own numbers, buying the S-400 is the rational choice for 50% of the 2 scenarios \
(1 of 2).
      best option Buy the S-400: 1
      best option Take the Patriot offer: 0
      best option Buy neither: 1
    zero: best option Buy neither, margin -2.50
    >>> print(verdict_summary(lab, [], {}))
    No scenarios, so no share.
    """
    share = share_rational(lab, entries)
    if share is None:
        return "No scenarios, so no share."
    lines = [
        f"By their own numbers, buying the S-400 is the rational choice for {share:.0%} of the "
        f"{len(entries)} scenarios ({round(share * len(entries))} of {len(entries)})."
    ]
    lines += [
        f"  best option {option}: {count}" for option, count in best_options(lab, entries).items()
    ]
    lines += [
        f"{name}: best option {lab.labels[lab.verdict(s).best]}, margin {lab.margin(s):+.2f}"
        for name, s in presets.items()
    ]
    return "\n".join(lines)
