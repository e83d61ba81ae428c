"""Scenarios in and out of the lab: the presets in data/scenarios/ and the files students export.

A scenario file is a small JSON document, ``{"format": "s400-scenario", "version": 1, "name":
..., "values": {key: number}}``; a preset adds ``notes`` saying where each number comes from.
The lab's Import button and the class poll read files with the same function,
:func:`from_json`, so they accept exactly the same files.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from s400.data import DEFAULT_DATA_DIR
from s400.reasoning.model import Lab, Scenario

FORMAT = "s400-scenario"
SCENARIO_DIR = DEFAULT_DATA_DIR / "scenarios"
#: The presets in data/scenarios/, with the names students see.
PRESETS = {
    "author": "The author's reading",
    "ankara": "Ankara's stated case",
    "sceptic": "A sceptic of both",
}


class ScenarioError(ValueError):
    """A scenario file or dict is malformed; the message lists every problem.

    A ValueError, so code that reads numbers can catch both alike.

    Examples
    --------
    One unknown key and one value out of range (the discount rate runs from 0 to 0.3):

    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> try:
    ...     validate(lab, {**lab.default(), "discount_rate": -1, "weight.E99": 0.5})
    ... except ValueError as error:
    ...     print(type(error).__name__, "-", error)
    ScenarioError - unknown parameter: weight.E99; discount_rate: -1 is outside its range 0 to 0.3
    """


def validate(lab: Lab, values: Mapping[str, object]) -> Scenario:
    """The scenario as floats, or an error naming every missing, unknown or out-of-range key.

    Parameters
    ----------
    lab : Lab
        Whose parameters (keys and slider ranges) the scenario must set.
    values : mapping
        A number for every key of ``lab.parameters``.

    Returns
    -------
    dict
        The same keys, every value a float.

    Raises
    ------
    ScenarioError
        Listing every problem: a key missing or unknown, a value that is not a number (booleans
        and NaN are not), or one outside its slider's range.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> validate(lab, {**lab.default(), "discount_rate": 1})["discount_rate"]
    Traceback (most recent call last):
    ...
    s400.reasoning.scenarios.ScenarioError: discount_rate: 1 is outside its range 0 to 0.3
    """
    problems = [f"missing: {k}" for k in lab.parameters if k not in values]
    problems += [f"unknown parameter: {k}" for k in values if k not in lab.parameters]
    clean: Scenario = {}
    for key, value in values.items():
        if key not in lab.parameters:
            continue
        p = lab.parameters[key]
        if type(value) not in (int, float) or value != value:  # bools and NaN are not numbers here
            problems.append(f"{key}: expected a number, got {value!r}")
        elif not p.low <= value <= p.high:  # type: ignore[operator]  # an int or float, checked above
            problems.append(f"{key}: {value} is outside its range {p.low} to {p.high}")
        else:
            clean[key] = float(value)  # type: ignore[arg-type]
    if problems:
        raise ScenarioError("; ".join(problems))
    return clean


def to_json(lab: Lab, name: str, scenario: Mapping[str, float]) -> str:
    """A scenario as a small JSON document, for export and for the class poll.

    Parameters
    ----------
    lab : Lab
        Whose parameters to write, in their order.
    name : str
        The scenario's name, as the student gives it.
    scenario : mapping
        A number for every key of ``lab.parameters``.

    Returns
    -------
    str
        The document; :func:`from_json` reads it back.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> text = to_json(lab, "mine", lab.default())
    >>> json.loads(text)["values"]["discount_rate"], from_json(lab, text)[0]
    (0.0, 'mine')
    """
    document = {
        "format": FORMAT,
        "version": 1,
        "name": name,
        "values": {k: round(float(scenario[k]), 6) for k in lab.parameters},
    }
    return json.dumps(document, indent=1)


def from_json(lab: Lab, text: str) -> tuple[str, Scenario]:
    """Parse and validate a scenario document.

    Parameters
    ----------
    lab : Lab
        Whose parameters the document must set.
    text : str
        The file's text.

    Returns
    -------
    tuple
        The scenario's name and its numbers.

    Raises
    ------
    ScenarioError
        Saying in plain words what is wrong: not JSON, not a scenario file, another version, no
        values, or the problems :func:`validate` finds.

    Examples
    --------
    >>> from s400.data import load
    >>> from_json(Lab(load()), '{"format": "something else"}')
    Traceback (most recent call last):
    ...
    s400.reasoning.scenarios.ScenarioError: not a scenario file: its "format" is not "s400-scenario"
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
    return str(document.get("name", "unnamed")), validate(lab, document["values"])


def preset(lab: Lab, name: str) -> Scenario:
    """A named scenario from data/scenarios/<name>.json.

    Parameters
    ----------
    lab : Lab
        Whose parameters the preset sets.
    name : str
        A key of ``PRESETS``.

    Returns
    -------
    dict
        The preset's numbers.

    Examples
    --------
    >>> from s400.data import load
    >>> preset(Lab(load()), "author")["magnitude.f35_place"]  # the workshare lost, $9bn
    9.0
    """
    return from_json(lab, (SCENARIO_DIR / f"{name}.json").read_text(encoding="utf-8"))[1]


def preset_notes(name: str) -> dict[str, str]:
    """Why a preset has the numbers it has: a sourced anchor, or "Judgement" and its reason.

    Parameters
    ----------
    name : str
        A key of ``PRESETS``.

    Returns
    -------
    dict
        ``{parameter key or group: note}``, in the file's order.

    Examples
    --------
    >>> "f35_workshare_lost" in preset_notes("author")["magnitude.f35_place"]
    True
    """
    document = json.loads((SCENARIO_DIR / f"{name}.json").read_text(encoding="utf-8"))
    notes: dict[str, str] = document.get("notes", {})
    return notes
