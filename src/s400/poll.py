"""The class poll: read a folder of the scenario files students export from the reasoning lab
(notebook 03) and summarise the class's spread.

Every file's bytes go through the lab's own reader (``s400.reasoning.scenarios.read_scenario``),
so the poll accepts exactly what the lab's Import button accepts, with the same message for the
rest. A file that fails is listed with its name and the reason, and skipped; nothing in a folder
stops the poll. The rules:

- only the files directly in the folder are read; names starting with "." (``.ipynb_checkpoints``,
  ``.DS_Store``) are ignored silently; other files not ending in ``.json``, subfolders, links
  (which could lead out of the folder) and anything that is not a plain file are listed as
  skipped;
- at most ``MAX_BYTES`` of a file are read (an exported scenario is about 1.5 KB);
- a file with a missing parameter is rejected, not filled in: filling it from the lab's default
  would put a number in a student's mouth (a value of 0, a chance of 1) and could flip their
  verdict;
- a file with the same name and the same numbers as an earlier one (in file-name order) is a second
  copy of one submission: it is counted once and listed as a duplicate. Two files that share a name
  but differ in their numbers are two students (every file exported under the default name is
  called "my_scenario") and both count.

"Rational" means what it means in the lab: by the student's own numbers, buying the S-400 has the
highest expected value of the three options.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from s400.reasoning import OPTIONS, PRESETS, Lab, Scenario, ScenarioError
from s400.reasoning.scenarios import MAX_BYTES, preset, read_scenario, shown
from s400.reasoning.sensitivity import break_even

#: The parameters whose break-even values the poll shows: two benefits both readings count (air
#: defence, autonomy) and the two costs with the widest swing in the presets' tornado charts.
KEY_PARAMETERS = (
    "magnitude.air_defence",
    "magnitude.autonomy",
    "magnitude.f35_place",
    "magnitude.us_relations",
)


@dataclass(frozen=True)
class Entry:
    """One valid scenario: the file it came from, the name inside it, and its numbers.

    Parameters
    ----------
    file : str
        The file's name (without its folder).
    name : str
        The scenario's name, as the student gave it in the lab.
    scenario : dict
        A number for every parameter of the lab.

    Examples
    --------
    >>> Entry("ann.json", "my_scenario", {"discount_rate": 0.1}).name
    'my_scenario'
    """

    file: str
    name: str
    scenario: Scenario


class SkippedFile(NamedTuple):
    """A file the poll skipped, and why.

    Parameters
    ----------
    file : str
        The file's name (a subfolder's ends with "/"; the folder's own path when it is the
        problem).
    reason : str
        Why it was skipped, in plain words; several problems are joined by "; ".

    Examples
    --------
    >>> SkippedFile("notes.txt", "not a .json file").reason
    'not a .json file'
    """

    file: str
    reason: str


def read_file(lab: Lab, path: Path) -> Entry:
    """One scenario file as an Entry, read as the lab's Import button reads it.

    Parameters
    ----------
    lab : Lab
        Whose parameters the file must set.
    path : Path
        The file; a link is not followed, and only a plain file is read.

    Returns
    -------
    Entry
        The file's name (shown safely), the scenario's name and its numbers.

    Raises
    ------
    ScenarioError
        What :func:`s400.reasoning.scenarios.read_scenario` finds, or that it is not a plain file.
    OSError
        When the file cannot be opened or read.

    Examples
    --------
    >>> import tempfile
    >>> from s400.data import load
    >>> lab = Lab(load())
    >>> path = Path(tempfile.mkdtemp()) / "empty.json"
    >>> _ = path.write_bytes(b"")
    >>> read_file(lab, path)
    Traceback (most recent call last):
    ...
    s400.reasoning.scenarios.ScenarioError: empty file
    """
    # O_NOFOLLOW: a link swapped in after the folder was listed is refused, not followed;
    # O_NONBLOCK: a named pipe does not hang the poll before fstat says what it is.
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ScenarioError("not a plain file: skipped")
        content = handle.read(MAX_BYTES + 1)  # one byte more than the cap, to know it is over
    name, scenario = read_scenario(lab, content)
    return Entry(shown(path.name, limit=255), name, scenario)


def read_folder(lab: Lab, folder: Path) -> tuple[list[Entry], list[SkippedFile]]:
    """The valid scenarios in ``folder`` (in file-name order) and the files skipped, with reasons.

    Never raises for what is in the folder: a missing folder is one problem, an empty one gives
    two empty lists.

    >>> from s400.data import load
    >>> read_folder(Lab(load()), Path("no_such_folder"))
    ([], [SkippedFile(file='no_such_folder', reason='no such folder')])
    """
    if not folder.exists():
        return [], [SkippedFile(str(folder), "no such folder")]
    if not folder.is_dir():
        return [], [
            SkippedFile(
                str(folder), "not a folder: expected the folder that holds the students' files"
            )
        ]
    entries: list[Entry] = []
    problems: list[SkippedFile] = []
    seen: dict[tuple, str] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = shown(path.name, limit=255)  # a name with undecodable bytes must still print
        if path.name.startswith("."):
            continue
        skipped = _skipped(path)
        if skipped:
            problems.append(SkippedFile(name + "/" * path.is_dir(), skipped))
            continue
        try:
            entry = read_file(lab, path)
        except ScenarioError as error:
            problems.append(SkippedFile(name, str(error)))
            continue
        except OSError as error:  # its message would carry the full path; the reason is enough
            problems.append(SkippedFile(name, f"could not be read ({error.strerror})"))
            continue
        key = (entry.name, tuple(sorted(entry.scenario.items())))
        if key in seen:
            reason = f"duplicate of {seen[key]} (same name and numbers): counted once"
            problems.append(SkippedFile(name, reason))
            continue
        seen[key] = name
        entries.append(entry)
    return entries, problems


def _skipped(path: Path) -> str | None:
    """Why a folder entry is not read at all (None: read it)."""
    if path.is_symlink():
        return "a link: skipped (only files in the folder itself are read)"
    if path.is_dir():
        return "a subfolder: skipped (only files directly in the folder are read)"
    if path.suffix.lower() != ".json":
        return "not a .json file: skipped (the lab exports .json files)"
    if not path.is_file():
        return "not a plain file: skipped"
    return None


def summary_text(folder: Path, entries: Sequence[Entry], problems: Sequence[SkippedFile]) -> str:
    """One line on what was read from ``folder``.

    Parameters
    ----------
    folder : pathlib.Path
        The folder the poll read.
    entries : sequence of Entry
        The valid scenarios read.
    problems : sequence of SkippedFile
        The files skipped (or the folder itself, when it is missing or not a folder).

    Returns
    -------
    str
        How many scenarios were read and how many files skipped, or why there is nothing to
        show.

    Examples
    --------
    >>> summary_text(Path("poll"), [], [])
    'No scenarios to show: poll holds no .json files. Students export theirs in notebook 03.'
    >>> summary_text(Path("pol"), [], [SkippedFile("pol", "no such folder")])
    'No scenarios to show: pol: no such folder.'
    >>> summary_text(Path("poll"), [], [SkippedFile("a.txt", "not a .json file")])
    'No scenarios to show from poll: 1 file skipped, listed below.'
    >>> two = [Entry("a.json", "a", {}), Entry("b.json", "b", {})]
    >>> skipped = [SkippedFile("c.txt", "not a .json file"), SkippedFile("d.json", "empty file")]
    >>> summary_text(Path("poll"), two, []), summary_text(Path("poll"), two[:1], skipped)
    ('Read 2 scenarios from poll; no file skipped.', \
'Read 1 scenario from poll; 2 files skipped, listed below.')
    """
    # The folder itself is the problem.
    if not entries and [p.file for p in problems] == [str(folder)]:
        return f"No scenarios to show: {folder}: {problems[0].reason}."
    skipped = f"{len(problems)} file{'s' * (len(problems) != 1)} skipped, listed below"
    if not entries:
        if problems:
            return f"No scenarios to show from {folder}: {skipped}."
        return (
            f"No scenarios to show: {folder} holds no .json files. "
            "Students export theirs in notebook 03."
        )
    return f"Read {len(entries)} scenario{'s' * (len(entries) != 1)} from {folder}" + (
        f"; {skipped}." if problems else "; no file skipped."
    )


def problems_text(problems: Sequence[SkippedFile]) -> str:
    """The skipped files, one per line with its reason, aligned.

    A reason listing several problems puts each on a line of its own, so nothing wraps on a
    projector.

    Parameters
    ----------
    problems : sequence of SkippedFile
        The files skipped.

    Returns
    -------
    str
        One line per file and problem: the file's name padded to the longest name plus two
        spaces, then the reason; empty when nothing was skipped.

    Examples
    --------
    "long_name.json" has 14 characters, so reasons start in column 16.

    >>> skipped = [
    ...     SkippedFile("a.json", "empty file"),
    ...     SkippedFile("long_name.json", "missing: x; missing: y"),
    ... ]
    >>> print(problems_text(skipped))
    a.json          empty file
    long_name.json  missing: x
                    missing: y
    >>> problems_text([])
    ''
    """
    width = max((len(p.file) for p in problems), default=0) + 2
    return "\n".join(
        p.file.ljust(width) + ("\n" + " " * width).join(p.reason.split("; ")) for p in problems
    )


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
