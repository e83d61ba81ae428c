"""Build the opening slides with `make slides`, and find what in them would need the internet."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from locations import ROOT

SLIDES_HTML = "opening.slides.html"
REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)  # http://, https://, protocol-relative //
CSS_URL = re.compile(r"""(?:@import\s+(?:url\()?|url\()\s*['"]?([^'")\s;]+)""")
INLINE_ADDRESS = re.compile(r"""['"]((?:https?:)?//[^'"]+)['"]""")  # a quoted address
# Names of XML vocabularies, never fetched: SVG markup declares them (xmlns="..."), and scripts
# pass them to createElementNS.
XML_NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
}
# An SVG picture's description of itself (matplotlib's Dublin Core RDF), neither drawn nor fetched.
SVG_METADATA = re.compile(r"<metadata>.*?<\\?/metadata>", re.S)


def build_slides(out: Path, home: Path, timeout: float = 300) -> Path:
    """Run `make slides SLIDES=out` with Jupyter, IPython and Matplotlib state under `home`;
    return the slides' HTML file. Fails with make's output if the build fails or hangs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MAKE", "MFLAGS"))}
    for name in (
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_DATA_DIR",
        "JUPYTER_RUNTIME_DIR",
        "IPYTHONDIR",
        "MPLCONFIGDIR",
    ):
        env[name] = str(home / name.lower())
    # -o: never reinstall the venv under a running test session (see tests/browser/conftest.py).
    cmd = ["make", "-C", str(ROOT), "-o", ".venv/.installed", "slides", f"SLIDES={out}"]
    try:
        run = subprocess.run(
            cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as hung:
        raise AssertionError(
            f"make slides did not finish in {timeout} s:\n{hung.stdout!r}\n{hung.stderr!r}"
        ) from None
    assert run.returncode == 0, (
        f"make slides failed ({run.returncode}):\n{run.stdout}\n{run.stderr}"
    )
    return out / SLIDES_HTML


class _References(HTMLParser):
    """Collects the files a page loads: script src, link href, url()/@import in inline styles."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.inline_scripts: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag = tag
        attributes = dict(attrs)
        if tag == "script" and (src := attributes.get("src")):
            self.found.append(src)
        if tag == "link" and (href := attributes.get("href")):
            self.found.append(href)

    def handle_data(self, data: str) -> None:
        if self._tag == "style":
            self.found += CSS_URL.findall(data)
        elif self._tag == "script":
            self.inline_scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._tag = ""


def inline_addresses(script: str) -> list[str]:
    """The quoted addresses in an inline script, but for XML namespace names and SVG metadata."""
    found = INLINE_ADDRESS.findall(SVG_METADATA.sub("", script))
    # In a JSON string (saved widget state) the closing quote is escaped: \"http://...\"
    return [url for url in (u.removesuffix("\\") for u in found) if url not in XML_NAMESPACES]


def offline_problems(html: Path) -> list[str]:
    """What the page at `html` would fetch from the network, or misses locally: script and style
    references, url()/@import in its styles and in the local CSS files it loads, and http(s)
    addresses in inline scripts (`inline_addresses`). An empty list: the page works from the
    folder alone."""
    parser = _References()
    parser.feed(html.read_text(encoding="utf-8"))
    problems = [
        f"inline script loads {url}"
        for script in parser.inline_scripts
        for url in inline_addresses(script)
    ]
    pending = [(html, ref) for ref in parser.found]
    while pending:
        page, ref = pending.pop()
        if ref.startswith(("data:", "#")):
            continue
        if REMOTE.match(ref):
            problems.append(f"{page.name} loads {ref}")
            continue
        local = (page.parent / ref.split("?")[0].split("#")[0]).resolve()
        if not local.is_file():
            problems.append(f"{page.name} refers to {ref}, which is missing")
        elif local.suffix == ".css":
            pending += [(local, r) for r in CSS_URL.findall(local.read_text(encoding="utf-8"))]
    return problems
