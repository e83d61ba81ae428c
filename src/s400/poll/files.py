"""Reading the folder of scenario files a class exported: what counts, what is skipped and why."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from s400.reasoning import Lab, Scenario, ScenarioError
from s400.reasoning.scenarios import MAX_BYTES, read_scenario, shown


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

    Parameters
    ----------
    lab : Lab
        Whose parameters each file must set.
    folder : Path
        The folder of exported scenario files; files whose names start with "." are ignored,
        links and subfolders skipped.

    Returns
    -------
    tuple of (list of Entry, list of SkippedFile)
        The scenarios, each counted once (a second file with the same name and numbers is
        skipped), and every file skipped, both in file-name order.

    Examples
    --------
    Two students exported the same scenario; a third file is not an export.

    >>> import tempfile
    >>> from s400.data import load
    >>> from s400.reasoning.scenarios import to_json
    >>> lab = Lab(load())
    >>> folder = Path(tempfile.mkdtemp())
    >>> for file in ("ann.json", "bob.json"):
    ...     _ = (folder / file).write_text(to_json(lab, "cheap", lab.default()))
    >>> _ = (folder / "notes.txt").write_text("my notes")
    >>> entries, skipped = read_folder(lab, folder)
    >>> [(entry.file, entry.name) for entry in entries]
    [('ann.json', 'cheap')]
    >>> for file in skipped:
    ...     print(file.file, "-", file.reason)
    bob.json - duplicate of ann.json (same name and numbers): counted once
    notes.txt - not a .json file: skipped (the lab exports .json files)
    >>> read_folder(lab, Path("no_such_folder"))
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
