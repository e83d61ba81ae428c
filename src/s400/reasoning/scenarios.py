"""Scenarios in and out of the lab: the presets in data/scenarios/ and the files students export.

A scenario file is a small JSON document, ``{"format": "s400-scenario", "version": 1, "name":
..., "values": {key: number}}``; a preset adds ``notes`` saying where each number comes from.
The lab's Import button, the class poll and the presets read a file's bytes with the same
function, :func:`read_scenario`, so they accept exactly the same files and say the same thing
about the others: one message, never an exception other than ScenarioError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from s400.data.text import decode
from s400.paths import data_dir
from s400.reasoning.model import Lab, Scenario

FORMAT = "s400-scenario"
#: The largest scenario file read, in bytes (an exported scenario is about 1.5 KB).
MAX_BYTES = 64_000
#: The longest name a scenario may have (the lab names a scenario after its file).
MAX_NAME = 255
_EXPORT_AGAIN = "save it as UTF-8, or export it from the lab again"


def scenario_dir() -> Path:
    """The presets' folder: scenarios/ in the data folder (``S400_DATA_DIR`` when it is set).

    Returns
    -------
    Path
        The folder holding ``<preset>.json`` for each key of ``PRESETS``.

    Examples
    --------
    >>> sorted(p.stem for p in scenario_dir().glob("*.json"))
    ['ankara', 'author', 'sceptic']
    """
    return data_dir() / "scenarios"


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
        Listing the problems (the first twelve, and how many more): a key missing or unknown, a
        value that is not a number (booleans and NaN are not) or is outside its slider's range.

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
    problems += [f"unknown parameter: {shown(k)}" for k in values if k not in lab.parameters]
    clean: Scenario = {}
    for key, value in values.items():
        if key not in lab.parameters:
            continue
        p = lab.parameters[key]
        if type(value) not in (int, float) or value != value:  # bools and NaN are not numbers here
            problems.append(f"{key}: expected a number, got {shown(repr(value))}")
        elif not p.low <= value <= p.high:  # type: ignore[operator]  # an int or float, checked above
            problems.append(f"{key}: {value} is outside its range {p.low} to {p.high}")
        else:
            clean[key] = float(value)  # type: ignore[arg-type]
    if len(problems) > 12:  # a file of thousands of keys: the first few say enough
        problems[12:] = [f"and {len(problems) - 12:,} more"]
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


def read_scenario(lab: Lab, content: bytes) -> tuple[str, Scenario]:
    """Read a scenario file's bytes: what the lab's Import button and the class poll both call.

    Parameters
    ----------
    lab : Lab
        Whose parameters the file must set.
    content : bytes
        The file as uploaded or read from disk.

    Returns
    -------
    tuple
        The scenario's name and its numbers.

    Raises
    ------
    ScenarioError
        Saying in plain words what is wrong: empty, larger than ``MAX_BYTES``, not UTF-8 text
        (a UTF-8 byte-order mark is fine), or what :func:`from_json` finds.

    Examples
    --------
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> read_scenario(lab, to_json(lab, "mine", lab.default()).encode("utf-8-sig"))[0]
    'mine'
    >>> read_scenario(lab, '{"name": "Türkiye"}'.encode("latin-1"))
    Traceback (most recent call last):
    ...
    s400.reasoning.scenarios.ScenarioError: line 1: byte 0xFC ("ü" in Windows-1252, Excel's plain \
"CSV") is not UTF-8: save it as UTF-8, or export it from the lab again
    """
    if not content:
        raise ScenarioError("empty file")
    if len(content) > MAX_BYTES:
        raise ScenarioError(
            f"too large (more than {MAX_BYTES:,} bytes): a scenario file is about 1.5 KB; "
            "export it from the lab again"
        )
    if b"\0" in content and not content.startswith((b"\xff\xfe", b"\xfe\xff")):  # no UTF-16 BOM
        raise ScenarioError("not a text file (not UTF-8): expected the JSON file the lab exports")
    text, trouble = decode(content, "utf-8", advice=_EXPORT_AGAIN)
    if trouble:
        raise ScenarioError(f"line {trouble[0]}: {trouble[1]}")
    return from_json(lab, text)


def from_json(lab: Lab, text: str) -> tuple[str, Scenario]:
    """Parse and validate a scenario document (:func:`read_scenario` reads a file's bytes).

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
        Saying in plain words what is wrong: not JSON (or a key twice in one object, a number
        JSON does not have, brackets nested too deep, a character that is half of a pair), not
        a scenario file, another version, no values, a name that is not a short text, or the
        problems :func:`validate` finds.

    Examples
    --------
    >>> from s400.data import load
    >>> from_json(Lab(load()), '{"format": "something else"}')
    Traceback (most recent call last):
    ...
    s400.reasoning.scenarios.ScenarioError: not a scenario file: its "format" is not "s400-scenario"
    """

    def unique(pairs: list[tuple[str, object]]) -> dict:
        keys = [k for k, _ in pairs]
        for key, value in pairs:
            if keys.count(key) > 1:
                raise ScenarioError(
                    f'{_line_of_second(text, key)}the key "{shown(key)}" appears twice in one '
                    "object, so it is unclear which value counts: keep one"
                )
            for part in (key, value) if isinstance(value, str) else (key,):
                if not _is_text(part):
                    raise ScenarioError(
                        f'"{shown(part)}" holds a \\u escape that is half of a character (a lone '
                        "surrogate): write the character itself"
                    )
        return dict(pairs)

    def constant(name: str) -> None:
        raise ScenarioError(f"not valid JSON ({name} is not a number JSON allows)")

    try:  # a very long whole number becomes a float (inf), which no slider's range holds
        document = json.loads(
            text,
            object_pairs_hook=unique,
            parse_int=lambda s: int(s) if len(s) < 100 else float(s),
            parse_constant=constant,
        )
    except json.JSONDecodeError as error:
        raise ScenarioError(f"not valid JSON ({error.msg}, line {error.lineno})") from None
    except RecursionError:
        raise ScenarioError("not a scenario file: its brackets are nested too deep") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ScenarioError(f'not a scenario file: its "format" is not "{FORMAT}"')
    version = document.get("version")
    if type(version) is not int or version != 1:  # true == 1 in Python, but not a version
        raise ScenarioError(
            f"unsupported scenario version {shown(repr(version))} (this lab reads version 1)"
        )
    if not isinstance(document.get("values"), dict):
        raise ScenarioError('no "values" object in the file')
    name = document.get("name", "unnamed")
    if not isinstance(name, str) or not 0 < len(name) <= MAX_NAME:
        raise ScenarioError(
            f'"name" must be a text of 1 to {MAX_NAME} characters, got {shown(repr(name))}'
        )
    return name, validate(lab, document["values"])


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
    return read_scenario(lab, (scenario_dir() / f"{name}.json").read_bytes())[1]


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
    document = json.loads((scenario_dir() / f"{name}.json").read_text(encoding="utf-8"))
    notes: dict[str, str] = document.get("notes", {})
    return notes


def shown(text: str, limit: int = 80) -> str:
    """Text from a file or a browser as a message may show it: cut if long, and with anything
    that is not a character (a lone surrogate, a file name's undecodable byte) escaped.

    Parameters
    ----------
    text : str
        A name, a key, a value's repr.
    limit : int
        The most characters kept.

    Returns
    -------
    str
        Text that can be sent to a browser and printed.

    Examples
    --------
    >>> shown("a\\ud800b")
    'a\\\\ud800b'
    >>> shown("x" * 100, limit=10)
    'xxxxxxxxx…'
    """
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _line_of_second(text: str, key: str) -> str:
    """Where ``key`` is written as a key for the second time: "line N: " ("" if not found)."""
    found = list(re.finditer(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:", text))
    return f"line {text.count(chr(10), 0, found[1].start()) + 1}: " if len(found) > 1 else ""
