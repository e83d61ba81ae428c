"""Build the reading site into a folder: `python site/build.py OUT` (what `make site` runs).

Only the files in PUBLISHED are copied into the folder Sphinx reads, so nothing else in the
repository (solutions/, hidden tests, rubrics, instructor/) can reach the site, whatever a page
links to. Notebooks are rendered from their stored outputs; nothing is executed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from sphinx.cmd.build import build_main
from vendor import fetch

SITE = Path(__file__).resolve().parent
ROOT = SITE.parent
PUBLISHED = (
    "README.md",  # the landing page includes its introduction and the route
    "notebooks/[0-9][0-9]_*.ipynb",
    "exercises/README.md",
    "exercises/ex*/ex*.ipynb",  # the nbgrader release: student versions
    "data/README.md",
)


def stage(source: Path) -> None:
    """Copy the site's own pages and the PUBLISHED files, keeping their folders, into `source`."""
    for page in SITE.glob("*.md"):
        shutil.copy2(page, source / page.name)
    for pattern in PUBLISHED:
        for file in sorted(ROOT.glob(pattern)):
            target = source / file.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)


def build(out: Path) -> float:
    """Build the site into `out` (replaced when the build succeeds); return the seconds it took.

    Raises
    ------
    SystemExit
        When Sphinx reports an error or a warning (a broken link or include, say).
    """
    start = time.perf_counter()
    fetch()
    with tempfile.TemporaryDirectory() as tmp:
        source, html = Path(tmp) / "source", Path(tmp) / "html"
        source.mkdir()
        stage(source)
        # Built beside the sources: myst-nb writes output pictures next to its output folder.
        args = ["-q", "-E", "-W", "--keep-going", "-b", "html", "-c", str(SITE)]
        status = build_main([*args, "-d", f"{tmp}/doctrees", str(source), str(html)])
        if status != 0:
            sys.exit(f"sphinx-build failed ({status}); see the messages above")
        # Of no use to a reader: Sphinx's cache key, the themes' source maps and stray templates.
        (html / ".buildinfo").unlink(missing_ok=True)
        for junk in [*html.glob("_static/**/*.map"), *html.glob("_static/*macros.html")]:
            junk.unlink()
        shutil.rmtree(out, ignore_errors=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(html, out)
    return time.perf_counter() - start


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python site/build.py OUT")
    seconds = build(Path(sys.argv[1]).resolve())
    print(f"reading site built in {seconds:.1f} s: {Path(sys.argv[1]) / 'index.html'}")
