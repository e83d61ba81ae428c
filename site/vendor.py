"""The widget renderer the reading site serves itself instead of loading it from a CDN.

@jupyter-widgets/html-manager (BSD-3-Clause; its bundle carries jQuery, Lumino, Font Awesome and
others, whose notices are in embed.js.LICENSE.txt) draws widgets from the state a notebook saved.
Its embed.js needs no require.js and renders only the standard widgets, so it never asks a CDN
for a widget module. It is fetched once per clone with `npm pack` and checked against a pinned
SHA-256, rather than committed: 2 MB of minified JavaScript and fonts would stay in every clone's
history for good, once per upgrade.
"""

from __future__ import annotations

import fnmatch
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@jupyter-widgets/html-manager"
VERSION = "1.0.15"  # the renderer of ipywidgets 8.1 (widget state 2.0, controls 2.0)
SHA256 = "2b9d65cb7913e1c7d671757a10008b32c9c2448d4429513371e55c07d6107638"  # of the npm tarball
SITE = Path(__file__).resolve().parent
STATIC = SITE / "_build" / "vendor" / "static"  # in html_static_path, copied to _static/
WIDGETS = STATIC / "widgets"  # the bundle looks for its fonts beside itself
# Font Awesome's icons for buttons; every current browser takes the woff2 files.
WANTED = ("embed.js", "embed.js.LICENSE.txt", "*.woff2")


def tarball_name() -> str:
    return f"{PACKAGE.lstrip('@').replace('/', '-')}-{VERSION}.tgz"


def fetch() -> Path:
    """Put embed.js and its fonts in WIDGETS unless this version is already there.

    Returns
    -------
    Path
        The folder holding embed.js.

    Raises
    ------
    SystemExit
        When npm is missing or fails, or the tarball is not the one pinned here.
    """
    stamp = STATIC.parent / f"html-manager-{VERSION}.done"
    if stamp.exists():
        return WIDGETS
    npm = shutil.which("npm")
    if npm is None:
        sys.exit(f"make site needs npm (Node.js) once, to fetch {PACKAGE}@{VERSION}")
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            [npm, "pack", "--silent", f"{PACKAGE}@{VERSION}"],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if run.returncode != 0:
            sys.exit(f"npm pack {PACKAGE}@{VERSION} failed:\n{run.stderr}")
        tarball = Path(tmp) / tarball_name()
        digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
        if digest != SHA256:
            sys.exit(f"{tarball.name}: SHA-256 {digest}, expected {SHA256}; not using it")
        shutil.rmtree(WIDGETS, ignore_errors=True)
        WIDGETS.mkdir(parents=True)
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                folder, _, name = member.name.rpartition("/")
                content = archive.extractfile(member)
                if folder == "package/dist" and any(fnmatch.fnmatch(name, w) for w in WANTED):
                    assert content is not None, f"{member.name} is not a file"
                    (WIDGETS / name).write_bytes(content.read())
    stamp.write_text(f"{PACKAGE}@{VERSION}\n")
    return WIDGETS


if __name__ == "__main__":
    print(fetch())
