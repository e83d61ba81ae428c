"""The class's spread: the values and chances each student set, and their break-evens."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from s400.poll.files import Entry
from s400.reasoning import Lab, Scenario
from s400.reasoning.sensitivity import break_even

#: The parameters whose break-even values the poll shows: two benefits both readings count (air
#: defence, autonomy) and the two costs with the widest swing in the presets' tornado charts.
KEY_PARAMETERS = (
    "magnitude.air_defence",
    "magnitude.autonomy",
    "magnitude.f35_place",
    "magnitude.us_relations",
)


def spread(values: Sequence[float]) -> dict[str, float | None]:
    """How many values, and their minimum, quartiles and maximum (numpy's linear quartiles).

    Parameters
    ----------
    values : sequence of float
        The values, in any order.

    Returns
    -------
    dict
        ``n``, ``min``, ``q1``, ``median``, ``q3`` and ``max``; every statistic None when there
        are no values.

    Examples
    --------
    Sorted 1, 2, 3, 4: q1 lies a quarter of the way along, at position 0.75 of 0-3, so
    1 + 0.75 x (2 - 1) = 1.75; the median at 1.5, 2.5; q3 at 2.25, 3.25.

    >>> spread([4.0, 1.0, 3.0, 2.0])
    {'n': 4, 'min': 1.0, 'q1': 1.75, 'median': 2.5, 'q3': 3.25, 'max': 4.0}
    >>> spread([])
    {'n': 0, 'min': None, 'q1': None, 'median': None, 'q3': None, 'max': None}
    """
    if not values:
        return {"n": 0, "min": None, "q1": None, "median": None, "q3": None, "max": None}
    q = np.percentile(np.asarray(values, dtype=float), [0, 25, 50, 75, 100])
    return {
        "n": len(values),
        **dict(zip(("min", "q1", "median", "q3", "max"), (float(x) for x in q), strict=True)),
    }


def parameter_table(
    lab: Lab, entries: Sequence[Entry], keys: Iterable[str], presets: Mapping[str, Scenario]
) -> list[dict]:
    """Per parameter: its label, the class's spread, and each preset's value.

    Parameters
    ----------
    lab : Lab
        The model, for the parameters' labels.
    entries : sequence of Entry
        The valid scenarios.
    keys : iterable of str
        The parameters to show.
    presets : mapping of str to dict
        Scenarios to show beside the class's spread, by name.

    Returns
    -------
    list of dict
        Per key: ``parameter``, ``label``, the :func:`spread` of the class's values, and one
        entry per preset with its value.

    Examples
    --------
    Values 1, 2, 6: q1 at position 0.5, 1.5; median 2; q3 at position 1.5, 2 + 0.5 x 4 = 4.

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> entries = [
    ...     Entry(f"{v}.json", "s", {**lab.default(), "magnitude.autonomy": v})
    ...     for v in (1.0, 2.0, 6.0)
    ... ]
    >>> parameter_table(lab, entries, ["magnitude.autonomy"], {"zero": lab.default()})
    [{'parameter': 'magnitude.autonomy', 'label': 'value of Autonomy and bargaining leverage', \
'n': 3, 'min': 1.0, 'q1': 1.5, 'median': 2.0, 'q3': 4.0, 'max': 6.0, 'zero': 0.0}]
    """
    return [
        {
            "parameter": key,
            "label": lab.parameters[key].label,
            **spread([e.scenario[key] for e in entries]),
            **{name: s[key] for name, s in presets.items()},
        }
        for key in keys
    ]


def break_evens(
    lab: Lab, scenarios: Mapping[str, Scenario], keys: Sequence[str] = KEY_PARAMETERS
) -> dict[str, dict[str, float | None]]:
    """For each scenario, the break-even value of each key: where it alone flips the verdict.

    Parameters
    ----------
    lab : Lab
        The model.
    scenarios : mapping of str to dict
        Scenarios by name.
    keys : sequence of str, default ``KEY_PARAMETERS``
        The parameters to move, one at a time, the others held.

    Returns
    -------
    dict
        ``{scenario name: {key: break-even value}}``; None when no value in the slider's range
        flips the verdict.

    Examples
    --------
    With edge E26 off, buying is worth 0.5 x 0.5 x air defence - 2.5: it breaks even at 10.
    By the author's preset buying is about 23.9 behind (see :func:`share_rational`), and each
    unit of air defence adds less to buying (0.5 x 0.5 x 0.5 activation chance) than to the
    Patriot offer (0.5, edge E26): no value from 0 to 15 closes the gap.

    >>> from s400.reasoning.scenarios import preset
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> mine = {**lab.default(), "magnitude.air_defence": 4.0, "weight.E26": 0.0}
    >>> scenarios = {"author": preset(lab, "author"), "mine": mine}
    >>> found = break_evens(lab, scenarios, ["magnitude.air_defence"])
    >>> found["author"], round(found["mine"]["magnitude.air_defence"], 4)
    ({'magnitude.air_defence': None}, 10.0)
    """
    return {name: {key: break_even(lab, s, key) for key in keys} for name, s in scenarios.items()}


def break_even_spread(
    lab: Lab, found: Mapping[str, Mapping[str, float | None]], keys: Sequence[str] = KEY_PARAMETERS
) -> list[dict]:
    """Per key: how many scenarios cannot flip in range, and the spread of the break-evens found.

    Parameters
    ----------
    lab : Lab
        The model, for the parameters' labels.
    found : mapping of str to mapping
        Break-even values by scenario, as from :func:`break_evens`.
    keys : sequence of str, default ``KEY_PARAMETERS``
        The parameters to summarise; every scenario in ``found`` must have each.

    Returns
    -------
    list of dict
        Per key: ``parameter``, ``label``, ``no flip in range`` (the count of None) and the
        :func:`spread` of the values found.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> found = {"a": {"magnitude.autonomy": 4.0}, "b": {"magnitude.autonomy": None}}
    >>> row = break_even_spread(lab, found, ["magnitude.autonomy"])[0]
    >>> row["no flip in range"], row["n"], row["median"]  # b cannot flip; a at 4
    (1, 1, 4.0)
    """
    rows = []
    for key in keys:
        values = [v for f in found.values() if (v := f[key]) is not None]
        rows.append(
            {
                "parameter": key,
                "label": lab.parameters[key].label,
                "no flip in range": sum(f[key] is None for f in found.values()),
                **spread(values),
            }
        )
    return rows


def columns(
    lab: Lab, rows: Mapping[str, Mapping[str, float | None]], keys: Iterable[str]
) -> dict[str, list[float]]:
    """For each key, by its label: its values across ``rows`` (scenarios or break-evens).

    Parameters
    ----------
    lab : Lab
        The model, for the parameters' labels.
    rows : mapping of str to mapping
        Scenarios or break-even values, by name; every row must have each key.
    keys : iterable of str
        The parameters to collect.

    Returns
    -------
    dict of str to list of float
        ``{label: values}``, in the rows' order, None left out.

    Examples
    --------
    >>> from s400.data import load
    >>> rows = {"a": {"discount_rate": 0.1}, "b": {"discount_rate": None}}
    >>> columns(Lab(load()), rows, ["discount_rate"])
    {'discount rate per year': [0.1]}
    """
    return {
        lab.parameters[k].label: [v for r in rows.values() if (v := r[k]) is not None] for k in keys
    }


def points(
    lab: Lab, presets: Mapping[str, Mapping[str, float | None]], keys: Iterable[str]
) -> dict[str, dict[str, float | None]]:
    """Each preset's value (or break-even) of each key, by the key's label, for the charts.

    Parameters
    ----------
    lab : Lab
        The model, for the parameters' labels.
    presets : mapping of str to mapping
        Scenarios or break-even values, by name; each must have every key.
    keys : iterable of str
        The parameters to show.

    Returns
    -------
    dict
        ``{preset name: {label: value}}``; a None (no break-even) is kept.

    Examples
    --------
    >>> from s400.data import load
    >>> points(Lab(load()), {"author": {"discount_rate": 0.05}}, ["discount_rate"])
    {'author': {'discount rate per year': 0.05}}
    """
    keys = list(keys)
    return {
        name: {lab.parameters[k].label: values[k] for k in keys} for name, values in presets.items()
    }
