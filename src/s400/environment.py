"""Check that a student's environment has what the module needs, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from s400.data import DataError, load


@dataclass(frozen=True)
class PackageStatus:
    """One package the module needs: the versions it accepts and the version installed.

    Parameters
    ----------
    name : str
        The package's name, as required.
    wanted : str
        The versions the module accepts, a range such as ">=3.6,<4".
    found : str or None
        The installed version; None when the package is not installed.

    Examples
    --------
    >>> PackageStatus("networkx", ">=3.6,<4", "3.5").ok
    False
    """

    name: str
    wanted: str
    found: str | None

    @property
    def ok(self) -> bool:
        """Whether the installed version is in the range the module accepts.

        Examples
        --------
        >>> [PackageStatus("networkx", ">=3.6,<4", found).ok for found in ("3.6.1", "4.0", None)]
        [True, False, False]
        """
        return self.found is not None and self.found in SpecifierSet(self.wanted)


def package_statuses() -> list[PackageStatus]:
    """Every package the module needs (from the installed s400 metadata), with what is installed.

    Returns
    -------
    list of PackageStatus
        One per dependency of s400, in the order of pyproject.toml, its range written lower
        bound first; the extras (``[test]``) are left out.

    Raises
    ------
    importlib.metadata.PackageNotFoundError
        If s400 itself is not installed (``make setup`` installs it).

    Examples
    --------
    pyproject.toml requires networkx among the dependencies and pytest only among the test extras.

    >>> names = [s.name for s in package_statuses()]
    >>> "networkx" in names, "pytest" in names
    (True, False)
    >>> all(s.wanted for s in package_statuses())
    True
    """
    statuses = []
    for text in metadata.requires("s400") or []:
        req = Requirement(text)
        if req.marker is not None:  # extras such as [test]: not needed to learn
            continue
        try:
            found = metadata.version(req.name)
        except metadata.PackageNotFoundError:
            found = None
        wanted = ",".join(sorted(map(str, req.specifier), reverse=True))  # lower bound first
        statuses.append(PackageStatus(req.name, wanted, found))
    return statuses


def report() -> str:
    """A short, plain report: what is fine, and what to do about what is not.

    Returns
    -------
    str
        Lines on the packages (all at their pins, or which are not and how to fix that), then
        one on the data package (valid, with its table sizes, or its problems).

    Examples
    --------
    The first line depends on what is installed. The last counts the rows of data/claims.csv
    (26), nodes.csv (25), edges.csv (46), timeline.csv (74), figures.csv (118),
    predictions.csv (11), alignments.csv (12) and moves.csv (6).

    >>> "packages" in report().splitlines()[0]
    True
    >>> print(report().splitlines()[-1])
    OK: the data package is valid (26 claims, 25 nodes, 46 edges, 74 events, 118 figures, \
11 predictions, 12 alignments, 6 moves).
    """
    statuses = package_statuses()
    bad = [s for s in statuses if not s.ok]
    lines = []
    if bad:
        lines.append(f"{len(bad)} of {len(statuses)} packages are missing or at another version:")
        lines += [f"  - {s.name}: wanted {s.wanted}, found {s.found or 'nothing'}" for s in bad]
        lines.append(
            "  Fix: in a terminal, in the module's folder, run `make setup` "
            "(or `conda env update -f environment.yml`), then restart the kernel."
        )
    else:
        lines.append(f"OK: all {len(statuses)} packages are at the versions the module pins.")
    try:
        data = load()
    except DataError as error:
        lines.append(str(error))  # "3 problems in the data package: ... Fix them, then ..."
    except Exception as error:  # a check must report, not crash: a bug in the loader included
        lines.append(
            "The data package could not be loaded; the notebooks cannot load it either "
            f"({type(error).__name__}: {error}). Please report this with the data folder."
        )
    else:
        lines.append(
            f"OK: the data package is valid ({len(data.claims)} claims, "
            f"{len(data.nodes)} nodes, {len(data.edges)} edges, "
            f"{len(data.timeline)} events, {len(data.figures)} figures, "
            f"{len(data.predictions)} predictions, {len(data.alignments)} alignments, "
            f"{len(data.moves)} moves)."
        )
    return "\n".join(lines)
