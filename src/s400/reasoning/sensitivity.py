"""What would you have to believe? Break-even values, beliefs to overturn, tornado, Monte Carlo.

Every function takes the :class:`~s400.reasoning.model.Lab` and a scenario and leaves both
unchanged. The examples share one scenario worked by hand: every value zero except air defence,
and edge E26 off, so buying the S-400 is worth 0.5 x 0.5 x (value of air defence) - 2.5 (its
price), and buying neither, worth 0, is its best alternative.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np

from s400.reasoning.ledgers import size_keys
from s400.reasoning.model import Lab, Scenario
from s400.reasoning.verdict import OPTIONS


def crossings(
    margin_at: Callable[[float], float], lo: float, hi: float, grid: int = 100, steps: int = 40
) -> list[float]:
    """Every point between ``lo`` and ``hi`` where ``margin_at`` changes sign.

    The margin is the purchase's value minus the best alternative's, and the maximum of the
    alternatives can bend it, so it may cross zero more than once: scan a grid, then bisect each
    bracket. (A crossing and its return inside one grid cell, 1% of the range, would be missed.)

    Parameters
    ----------
    margin_at : callable
        The margin as a function of one number.
    lo, hi : float
        The range to search.
    grid : int, default 100
        How many cells the range is scanned in.
    steps : int, default 40
        How many bisections refine each crossing.

    Returns
    -------
    list of float
        The crossings, in increasing order.

    Examples
    --------
    >>> [round(x, 6) for x in crossings(lambda x: (x - 1) * (x - 3), 0, 4)]
    [1.0, 3.0]
    """
    xs = np.linspace(lo, hi, grid + 1)
    signs = [margin_at(x) > 0 for x in xs]
    found = []
    for a, b, sa, sb in zip(xs, xs[1:], signs, signs[1:], strict=False):
        if sa == sb:
            continue
        for _ in range(steps):
            mid = (a + b) / 2
            a, b = (mid, b) if (margin_at(mid) > 0) == sa else (a, mid)
        found.append(float((a + b) / 2))
    return found


def break_even(lab: Lab, scenario: Mapping[str, float], key: str) -> float | None:
    """The value of one parameter at which the verdict flips, the others held.

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.
    key : str
        The parameter to move.

    Returns
    -------
    float or None
        The crossing nearest the parameter's current value; None if none is in its range.

    Examples
    --------
    0.5 x 0.5 x value = 2.5 at a value of 10:

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> s = {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
    >>> round(break_even(lab, s, "magnitude.air_defence"), 4)
    10.0
    """
    p = lab.parameters[key]
    found = crossings(lambda x: float(lab.margin({**scenario, key: x})), p.low, p.high)
    return min(found, key=lambda x: abs(x - scenario[key]), default=None)


def break_even_table(
    lab: Lab, scenario: Mapping[str, float], keys: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """For each parameter: its value now, the value that flips the verdict, and how far that is.

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.
    keys : iterable of str, optional
        The parameters to look at (default: all).

    Returns
    -------
    list of dict
        Rows with ``parameter``, ``label``, ``now``, ``flips at`` and ``distance`` (as a share of
        the slider's range); closest first, parameters that cannot flip the verdict last.

    Examples
    --------
    From 4 to the break-even of 10 is 6 of the slider's 15:

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> s = {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
    >>> row = break_even_table(lab, s, ["magnitude.air_defence"])[0]
    >>> round(row["flips at"], 4), round(row["distance"], 4)
    (10.0, 0.4)
    """
    rows = []
    for key in keys or lab.parameters:
        p = lab.parameters[key]
        value = break_even(lab, scenario, key)
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
    return sorted(rows, key=lambda r: (r["distance"] is None, r["distance"] or 0, r["parameter"]))


def beliefs_to_overturn(
    lab: Lab, scenario: Mapping[str, float], keys: Iterable[str] | None = None
) -> list[tuple[str, float, float]] | None:
    """A short list of changes that overturns the verdict: (parameter, from, to), in order.

    Greedy: move the parameter that pushes the margin furthest towards the other verdict to the
    end of its range, then the next, until the verdict flips; the last one stops at its exact
    break-even. Not guaranteed minimal, but each step is the largest available.

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.
    keys : iterable of str, optional
        The parameters that may move (default: all).

    Returns
    -------
    list of tuple or None
        The changes in order; None if even every parameter at its most favourable end does not
        flip the verdict.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> s = {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
    >>> [(k, a, round(b, 6)) for k, a, b in beliefs_to_overturn(lab, s, ["magnitude.air_defence"])]
    [('magnitude.air_defence', 4.0, 10.0)]
    """
    current = dict(scenario)
    was_rational = lab.margin(current) > 0
    toward = -1 if was_rational else 1  # the direction the margin has to move

    def pushed(key: str, end: float) -> float:
        return toward * float(lab.margin({**current, key: end}))

    free = list(keys or lab.parameters)
    changes = []
    while free:
        ends = [(k, e) for k in free for e in (lab.parameters[k].low, lab.parameters[k].high)]
        key, end = max(ends, key=lambda key_end: pushed(*key_end))
        if (lab.margin({**current, key: end}) > 0) != was_rational:
            crossing = break_even(lab, current, key)
            changes.append((key, current[key], crossing if crossing is not None else end))
            return changes
        if pushed(key, end) <= toward * float(lab.margin(current)):
            return None  # nothing left moves the margin the right way
        changes.append((key, current[key], end))
        current[key] = end
        free.remove(key)
    return None


def tornado(
    lab: Lab, scenario: Mapping[str, float], keys: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The margin with each parameter at the low and the high end of its range, the others held.

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.
    keys : iterable of str, optional
        The parameters to swing (default: all).

    Returns
    -------
    list of dict
        Rows with ``parameter``, ``label``, ``margin at low``, ``margin at high`` and ``swing``;
        widest swing first.

    Examples
    --------
    Air defence from 0 to 15: the margin goes from -2.5 to 0.25 x 15 - 2.5 = 1.25.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> s = {**lab.default(), "weight.E26": 0.0}
    >>> row = tornado(lab, s, ["magnitude.air_defence"])[0]
    >>> row["margin at low"], row["margin at high"], row["swing"]
    (-2.5, 1.25, 3.75)
    """
    rows = []
    for key in keys or lab.parameters:
        p = lab.parameters[key]
        low, high = (float(lab.margin({**scenario, key: x})) for x in (p.low, p.high))
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
    lab: Lab,
    scenario: Mapping[str, float],
    spread: float = 0.5,
    draws: int = 100_000,
    seed: int = 0,
    keys: Iterable[str] | None = None,
) -> np.ndarray:
    """The margin in many worlds drawn around a scenario.

    Each parameter in ``keys`` is drawn uniformly within ±``spread`` of its slider's range around
    its current value, clipped to the range. Vectorised and reproducible under ``seed``. By default
    the worlds vary the scenario's sizes but keep its ledger: a consequence it values at zero
    (does not count) stays uncounted (see :mod:`s400.reasoning.ledgers`).

    Parameters
    ----------
    lab : Lab
        The model.
    scenario : mapping
        A number for every key of ``lab.parameters``.
    spread : float, default 0.5
        The width of each draw as a share of its slider's range (1.0: as wide as the range,
        centred on the current value).
    draws : int, default 100_000
        How many worlds.
    seed : int, default 0
        The random generator's seed.
    keys : iterable of str, optional
        The parameters to draw (default: every probability, and the magnitude of every
        consequence the scenario counts).

    Returns
    -------
    numpy.ndarray
        One margin per world.

    Examples
    --------
    With no spread, every world is the scenario itself, worth -2.5:

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> monte_carlo(lab, lab.default(), spread=0.0, draws=3).tolist()
    [-2.5, -2.5, -2.5]
    """
    rng = np.random.default_rng(seed)
    drawn = (
        list(keys)
        if keys is not None
        else [k for k in size_keys(lab, scenario) if k.startswith(("magnitude.", "probability."))]
    )
    worlds: dict[str, Any] = dict(scenario)
    for key in drawn:
        p = lab.parameters[key]
        half = spread * (p.high - p.low) / 2
        draw = rng.uniform(scenario[key] - half, scenario[key] + half, draws)
        worlds[key] = np.clip(draw, p.low, p.high)
    return np.broadcast_to(lab.margin(worlds), (draws,))


def favouring(lab: Lab, option: str, rounds: int = 3) -> Scenario | None:
    """Numbers within the sliders' ranges under which ``option`` is the best of the three.

    A search, not an argument: from the lab's default scenario, set each parameter in turn to
    whichever end of its range (or its current value) most raises the option's lead over the
    best other option, and go round ``rounds`` times. It shows that the lab can reach every
    verdict; whether anyone should believe such numbers is another matter.

    Parameters
    ----------
    lab : Lab
        The model.
    option : str
        One of ``OPTIONS``.
    rounds : int
        How many passes over the parameters.

    Returns
    -------
    dict or None
        A complete scenario in which ``option`` leads by a positive margin; None if none is found.

    Examples
    --------
    Buying neither already leads in the default scenario: nothing is valued, and it is free.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> lab.verdict(favouring(lab, "buy_neither")).best
    'buy_neither'
    """
    if option not in OPTIONS:
        raise ValueError(f"no option {option!r}; options: {', '.join(OPTIONS)}")

    def lead(scenario: Scenario) -> float:
        values = lab.values(scenario)
        return values[option] - max(v for o, v in values.items() if o != option)

    current = lab.default()
    for _ in range(rounds):
        for key, p in lab.parameters.items():
            current[key] = max(
                (current[key], float(p.low), float(p.high)),
                key=lambda x: lead({**current, key: x}),
            )
    return current if lead(current) > 0 else None
