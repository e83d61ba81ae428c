"""The widget renderer the reading site serves itself instead of loading it from a CDN.

@jupyter-widgets/html-manager (BSD-3-Clause; its bundle carries jQuery, Lumino, Font Awesome and
others, whose notices are in embed.js.LICENSE.txt) draws widgets from the state a notebook saved.
Its AMD build, embed-amd.js, asks require.js (requirejs, MIT) for a widget module it does not
bundle; the notebooks save anywidget models (s400.widgets.accessible), whose module is anywidget's
own browser bundle, copied from the installed Python package (MIT; its version is pinned in
constraints.txt). site/_static/widgets/local-widget-modules.js points require.js at these files
and refuses any other address. The npm packages are fetched once per clone with `npm pack` and
checked against a pinned SHA-256, rather than committed: 4 MB of minified JavaScript and fonts
would stay in every clone's history for good, once per upgrade.
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.metadata
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    sha256: str  # of the npm tarball
    folder: str  # the folder in the tarball the wanted files come from
    wanted: tuple[str, ...]  # file name patterns

    def tarball_name(self) -> str:
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}.tgz"

    def wants(self, member: str) -> bool:
        folder, _, name = member.rpartition("/")
        return folder == self.folder and any(fnmatch.fnmatch(name, w) for w in self.wanted)


NPM = (
    NpmPackage(
        "@jupyter-widgets/html-manager",
        "1.0.15",  # the renderer of ipywidgets 8.1 (widget state 2.0, controls 2.0)
        "2b9d65cb7913e1c7d671757a10008b32c9c2448d4429513371e55c07d6107638",
        "package/dist",
        # Font Awesome's icons for buttons; every current browser takes the woff2 files.
        ("embed-amd.js", "embed.js.LICENSE.txt", "*.woff2"),
    ),
    NpmPackage(
        "requirejs",
        "2.3.8",
        "777158e89275e16bd51aec3ef714fbcb5dc45789e7078659933bc814916d7dec",
        "package",
        ("require.js",),  # its licence is in its header
    ),
)
# Installed file of the anywidget distribution -> its name beside embed-amd.js.
ANYWIDGET = {
    "anywidget/nbextension/index.js": "anywidget.js",  # an AMD module, as require.js wants
    "anywidget-{version}.dist-info/licenses/LICENSE": "anywidget.LICENSE.txt",
}
SITE = Path(__file__).resolve().parent
STATIC = SITE / "_build" / "vendor" / "static"  # in html_static_path, copied to _static/
WIDGETS = STATIC / "widgets"  # the bundle looks for its fonts beside itself


def recipe() -> str:
    """What `fetch` puts in WIDGETS, as text: the packages, their files and the installed
    anywidget's version. When it changes, `fetch` starts over."""
    anywidget = f"anywidget {importlib.metadata.version('anywidget')}: {ANYWIDGET!r}"
    return "\n".join([*map(repr, NPM), anywidget]) + "\n"


def unpack(package: NpmPackage, npm: str) -> None:
    """Fetch `package` with `npm pack`, check its SHA-256 and put its wanted files in WIDGETS."""
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            [npm, "pack", "--silent", f"{package.name}@{package.version}"],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if run.returncode != 0:
            sys.exit(f"npm pack {package.name}@{package.version} failed:\n{run.stderr}")
        tarball = Path(tmp) / package.tarball_name()
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        if digest != package.sha256:
            sys.exit(f"{tarball.name}: SHA-256 {digest}, expected {package.sha256}; not using it")
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                if package.wants(member.name):
                    content = archive.extractfile(member)
                    assert content is not None, f"{member.name} is not a file"
                    (WIDGETS / Path(member.name).name).write_bytes(content.read())


def copy_anywidget() -> None:
    """Copy anywidget's browser bundle and licence from the installed distribution to WIDGETS.

    Raises
    ------
    SystemExit
        When the installed anywidget lacks one of the files (a release that moved its bundle).
    """
    distribution = importlib.metadata.distribution("anywidget")
    installed = {str(file): file for file in distribution.files or []}
    for source, name in ANYWIDGET.items():
        file = installed.get(source.format(version=distribution.version))
        if file is None:
            sys.exit(f"anywidget {distribution.version} has no {source}; see site/vendor.py")
        shutil.copyfile(Path(str(file.locate())), WIDGETS / name)


def fetch() -> Path:
    """Put the renderer, require.js, anywidget's bundle and the fonts in WIDGETS, unless these
    versions are already there.

    Returns
    -------
    Path
        The folder holding them.

    Raises
    ------
    SystemExit
        When npm is missing or fails, a tarball is not the one pinned here, or anywidget's
        bundle is missing.
    """
    stamp = STATIC.parent / "vendored.txt"
    wanted = recipe()
    if stamp.exists() and stamp.read_text() == wanted:
        return WIDGETS
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(f"make site needs npm (Node.js) once, to fetch {', '.join(p.name for p in NPM)}")
    stamp.unlink(missing_ok=True)
    shutil.rmtree(WIDGETS, ignore_errors=True)
    WIDGETS.mkdir(parents=True)
    for package in NPM:
        unpack(package, npm)
    copy_anywidget()
    stamp.write_text(wanted)
    return WIDGETS


if __name__ == "__main__":
    print(fetch())
