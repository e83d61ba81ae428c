"""An axe-core audit of a page: which WCAG 2.1 A and AA rules it breaks, told apart by who owns the
markup that breaks them: the module's own content, or an upstream project (JupyterLab, ipywidgets,
reveal.js) listed in UPSTREAM and in ACCESSIBILITY.md.

axe-core comes bundled in the ``axe-playwright-python`` package; it runs inside the page.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

from s400_testing.browser import ARTIFACTS

#: The rule sets of WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
#: Impacts that fail the audit when the module's own content causes them.
BLOCKING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")


@dataclass(frozen=True)
class KnownIssue:
    """A rule that upstream markup breaks, where it shows, and what the module does about it."""

    rule: str
    owner: str
    selector: str  # the offending elements, as a CSS selector
    where: str
    response: str


#: What upstream markup inside the module's content breaks (the chrome around it is upstream's
#: by definition). ACCESSIBILITY.md lists each, with the issues no rule of axe finds.
UPSTREAM = (
    KnownIssue(
        "aria-input-field-name",
        "ipywidgets",
        ".noUi-handle",
        "every slider's handle (role slider) has no accessible name",
        "worked around: s400.widgets.accessible.SliderNames names each handle after its slider",
    ),
    KnownIssue(
        "scrollable-region-focusable",
        "JupyterLab",
        ".jp-OutputArea-output",
        "an output wider than the notebook scrolls sideways in a box that takes no keyboard focus",
        "worked around: the module's wide tables are s400.wide_tables.WideTable, a focusable "
        "region that scrolls itself; a wide table a student makes stays in JupyterLab's box",
    ),
)


@dataclass(frozen=True)
class Violation:
    """One axe rule broken by one element."""

    rule: str
    impact: str
    help: str
    target: str
    html: str
    owner: str  # "module", the host (JupyterLab, Voila, reveal.js), or a project in UPSTREAM


# Runs axe over `include` minus `exclude`, then names the owner of every offending element:
# the first known upstream issue with the same rule whose selector the element matches.
_RUN = """async ([include, exclude, tags, known, owner]) => {
  const context = {include: include.map(s => [s]), exclude: exclude.map(s => [s])};
  const result = await axe.run(context, {runOnly: {type: 'tag', values: tags},
                                         resultTypes: ['violations']});
  return result.violations.flatMap(v => v.nodes.map(n => {
    const element = n.target.length === 1 ? document.querySelector(n.target[0]) : null;
    const issue = known.find(k => k.rule === v.id && element && element.matches(k.selector));
    return {rule: v.id, impact: n.impact || v.impact, help: v.help, target: n.target.join(' '),
            html: n.html.slice(0, 300), owner: issue ? issue.owner : owner};
  }));
}"""


def audit(
    page: Page,
    include: Sequence[str],
    exclude: Sequence[str] = (),
    owner: str = "module",
    known: Iterable[KnownIssue] = UPSTREAM,
) -> list[Violation]:
    """The WCAG 2.1 A/AA violations in the parts of ``page`` that ``include`` selects (CSS),
    less ``exclude``, one per offending element. Each is owned by the known upstream issue its
    element matches, else by ``owner``."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    issues = [{"rule": k.rule, "selector": k.selector, "owner": k.owner} for k in known]
    found = page.evaluate(_RUN, [list(include), list(exclude), list(WCAG_TAGS), issues, owner])
    return [Violation(**v) for v in found]


def blocking(violations: Iterable[Violation]) -> list[Violation]:
    """The module's own critical and serious violations: the ones the audit fails on."""
    return [v for v in violations if v.owner == "module" and v.impact in BLOCKING]


def by_impact(violations: Iterable[Violation]) -> dict[str, int]:
    """How many offending elements per impact, most severe first, zeros included."""
    counts = Counter(v.impact for v in violations)
    return {impact: counts[impact] for impact in IMPACTS}


def describe(violations: Iterable[Violation]) -> str:
    """One line per rule and owner: impact, rule, how many elements, one example."""
    groups: dict[tuple[str, str, str], list[Violation]] = {}
    for v in violations:
        groups.setdefault((v.impact, v.rule, v.owner), []).append(v)
    order = sorted(groups, key=lambda k: (IMPACTS.index(k[0]), k[1], k[2]))
    return "\n".join(
        f"{impact:8s} {rule} ({owner}): {len(groups[impact, rule, owner])} element(s), "
        f"e.g. {groups[impact, rule, owner][0].target} {groups[impact, rule, owner][0].html[:160]}"
        for impact, rule, owner in order
    )


def save_report(surface: str, parts: dict[str, list[Violation]]) -> Path:
    """Write every part's violations and counts to test-artifacts/accessibility/<surface>.json."""
    folder = ARTIFACTS / "accessibility"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{surface.replace('/', '_')}.json"
    report = {
        name: {"counts": by_impact(found), "violations": [v.__dict__ for v in found]}
        for name, found in parts.items()
    }
    path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return path
