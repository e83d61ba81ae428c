"""Check that a student's environment has what the module needs, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from s400.data import DataError, load


@dataclass(frozen=True)
class PackageStatus:
    """One package the module needs: the versions it accepts (">=3.6,<4") and the one installed."""

    name: str
    wanted: str
    found: str | None

    @property
    def ok(self) -> bool:
        return self.found is not None and self.found in SpecifierSet(self.wanted)


def package_statuses() -> list[PackageStatus]:
    """Every package the module needs (from the installed s400 metadata), with what is installed.

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

    >>> "packages" in report().splitlines()[0]
    True
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
        lines.append(f"The data package has problems; the notebooks cannot load it:\n{error}")
    else:
        lines.append(
            f"OK: the data package is valid ({len(data.claims)} claims, "
            f"{len(data.nodes)} nodes, {len(data.edges)} edges, "
            f"{len(data.timeline)} events, {len(data.figures)} figures, "
            f"{len(data.predictions)} predictions, {len(data.alignments)} alignments, "
            f"{len(data.moves)} moves)."
        )
    return "\n".join(lines)
