"""One full task per widget, worked with the keyboard alone, as a student who cannot use a mouse
would (WCAG 2.1, 2.1.1): from the cell below the widget (command mode, keys J/K), Shift+Tab into it,
then Tab, arrows, Space, Enter and typing. Each task reads the widget's accessibility tree
(Playwright's ARIA snapshot): every control has a name, and the result line is a live region
(role status) that keeps its place in the page while its text changes, so it is announced.

Expected values are worked out by hand in the comments. TASKS maps a notebook to its task; the
accessibility audit (test_accessibility.py) runs each after Run All.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Locator, Page, expect

from s400.data import load
from s400.reasoning import Lab, verdict_text
from s400.reasoning.scenarios import preset

LAB = Lab(load())
CONTROLS = (
    "button",
    "checkbox",
    "combobox",
    "link",
    "listbox",
    "radio",
    "slider",
    "tab",
    "textbox",
)
# A control in an ARIA snapshot without a quoted name: `- slider`, `- checkbox [checked]`, ...
UNNAMED = re.compile(rf"^\s*- ({'|'.join(CONTROLS)})(?: \[[^\]]*\])*:?$")


def unnamed_controls(snapshot: str) -> list[str]:
    """The lines of an ARIA snapshot that show a control without an accessible name."""
    return [line for line in snapshot.splitlines() if UNNAMED.match(line)]


def focused(locator: Locator) -> bool:
    return locator.evaluate(
        "e => e === document.activeElement || e.contains(document.activeElement)"
    )


def enter(page: Page, app: Locator) -> None:
    """Select the cell below the widget's with J/K in command mode, then Shift+Tab into it."""
    page.keyboard.press("Escape")  # command mode
    below = app.evaluate(
        """app => window.jupyterapp.shell.currentWidget.content.widgets
                    .findIndex(c => c.node.contains(app)) + 1"""
    )
    active = "() => window.jupyterapp.shell.currentWidget.content.activeCellIndex"
    for _ in range(60):
        now = page.evaluate(active)
        if now == below:
            break
        page.keyboard.press("k" if now > below else "j")
    assert page.evaluate(active) == below
    page.keyboard.press("Shift+Tab")
    assert focused(app), "Shift+Tab from the cell below does not reach the widget"


def reach(page: Page, target: Locator, key: str = "Shift+Tab", limit: int = 80) -> None:
    """Press ``key`` until ``target`` has the focus."""
    for _ in range(limit):
        if focused(target):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{key} × {limit} never reached {target}")


def press(page: Page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def check_tree(app: Locator, live: Locator) -> None:
    """Every control named; the live region is one element, role status, in the tree."""
    snapshot = app.aria_snapshot()
    assert unnamed_controls(snapshot) == [], snapshot
    assert "- status" in snapshot, snapshot
    expect(live).to_have_attribute("role", "status")


def announced(live: Locator, change: Callable[[], None], text: str | re.Pattern) -> None:
    """After ``change``, the same live-region element holds ``text``: a region replaced by a new
    element would not be announced."""
    before = live.element_handle()
    change()
    expect(live).to_contain_text(text)
    assert before.evaluate("e => e.isConnected"), "the live region was replaced, not updated"


def start_here(page: Page) -> None:
    app = page.locator(".s400-demo")
    result = app.locator(".s400-demo-result")
    check_tree(app, result)
    enter(page, app)
    handle = app.get_by_role("slider", name="Buy the S-400 → Turkish–US relations (-1)")
    reach(page, handle)

    # 0.60 + 2 × 0.05 = 0.70; the path's effect is (−1 × 0.70) × (+1 × 0.50) = −0.35.
    announced(result, lambda: press(page, "ArrowRight", 2), "Effect of the path: -0.35")


def claim_explorer(page: Page) -> None:
    app = page.locator(".s400-claim-explorer")
    card = app.locator(".s400-claim-card")
    check_tree(app, card)
    enter(page, app)
    reach(page, app.get_by_role("combobox", name="Speaker"))
    # any, Ankara, NATO, author: two steps down is NATO, who holds one claim, C19.
    announced(card, lambda: press(page, "ArrowDown", 2), "NATO, as the author reports it")
    expect(card).to_contain_text("C19")


def network_explorer(page: Page) -> None:
    app = page.locator(".s400-network-explorer")
    status = app.locator(".s400-network-status")
    check_tree(app, status)
    enter(page, app)
    reach(page, app.get_by_role("checkbox", name="economic"))
    # 4 of the 28 effect edges are economic (E07, E13, E15, E17).
    announced(
        status,
        lambda: page.keyboard.press("Space"),
        "Showing 24 of 28 effect edges, in the layers: military, political.",
    )
    expect(app.get_by_role("img")).to_have_attribute("aria-label", re.compile("24 signed edges"))
    reach(page, app.get_by_role("combobox", name="Edge"), key="Tab")
    card = app.locator(".s400-edge-card")
    announced(card, lambda: press(page, "ArrowDown", 5), "Op-ed claim C08 (P2)")  # E01 to E06


def reasoning_lab(page: Page) -> None:
    app = page.locator(".s400-reasoning-lab")
    verdict = app.locator(".s400-verdict")
    check_tree(app, verdict)
    enter(page, app)
    reach(page, app.get_by_role("combobox", name="Preset"))
    ankara = preset(LAB, "ankara")
    verdict_of = lambda scenario: verdict_text(LAB, LAB.verdict(scenario))  # noqa: E731
    # The author's reading, then Ankara's stated case: one step down.
    announced(verdict, lambda: press(page, "ArrowDown"), verdict_of(ankara))
    key = "magnitude.air_defence"  # the first slider of the first tab
    reach(page, app.get_by_role("slider", name=LAB.parameters[key].label), key="Tab")
    moved = {**ankara, key: round(ankara[key] + LAB.parameters[key].step, 2)}
    announced(verdict, lambda: page.keyboard.press("ArrowRight"), verdict_of(moved))
    expect(app.get_by_role("combobox", name="Preset")).to_have_value("My own")

    panel = page.locator(".s400-sensitivity")
    summary = panel.locator(".s400-sensitivity-summary")
    check_tree(panel, summary)
    enter(page, panel)
    reach(page, panel.get_by_role("button", name="Run sensitivity"))
    announced(summary, lambda: page.keyboard.press("Enter"), "worlds drawn around your numbers")
    expect(panel.get_by_role("img", name=re.compile("^Tornado chart"))).to_be_visible()


def channel_cutter(page: Page) -> None:
    app = page.locator(".s400-channel-cutter")
    status = app.locator(".s400-channel-status")
    check_tree(app, status)
    enter(page, app)
    reach(page, app.get_by_role("checkbox", name="political"))
    # NATO hangs on political ties only: cut them and it is cut off.
    announced(status, lambda: page.keyboard.press("Space"), "Cut off: NATO allies.")
    expect(app.get_by_role("img")).to_have_attribute("aria-label", re.compile("^Cut: political"))


def belief_updater(page: Page) -> None:
    app = page.locator(".s400-belief-updater")
    result = app.locator(".s400-posterior")
    check_tree(app, result)
    enter(page, app)
    reach(page, app.get_by_role("checkbox", name="M01 · 2019-11"))
    # Without M01 (ratio 0.40 / 0.80 = 0.5) the odds after all moves double: 0.82 becomes 0.90.
    announced(
        result, lambda: page.keyboard.press("Space"), "After 5 moves, P(bargaining chip) = 0.90"
    )


def leverage_map(page: Page) -> None:
    app = page.locator(".s400-leverage-map")
    result = app.locator(".s400-fcm-result")
    check_tree(app, result)
    enter(page, app)
    reach(page, app.get_by_role("checkbox", name="NATO relations repaired (held at +1)"))
    # Relations repaired: the loop into Russia's leverage sums to 0, and tanh(0) = +0.00.
    announced(
        result, lambda: page.keyboard.press("Space"), re.compile(r"leverage over Turkey\s*\+0\.00")
    )


def forecast_quiz(page: Page) -> None:
    app = page.locator(".s400-forecast-quiz")
    result = app.locator(".s400-quiz-result")
    check_tree(app, result)
    enter(page, app)
    reach(page, app.get_by_role("slider", name="PR01"))
    press(page, "ArrowRight", 8)  # 0.50 + 8 × 0.05 = 0.90
    expect(app.get_by_role("slider", name="PR01")).to_have_attribute("aria-valuenow", "0.9")
    reach(page, app.get_by_role("button", name="Reveal the outcomes"), key="Tab")
    # The quiz's doctest works this score out: 0.9 on PR01, 0.5 elsewhere.
    announced(result, lambda: page.keyboard.press("Enter"), "Your Brier score: 0.076")


TASKS: dict[str, Callable[[Page], None]] = {
    "00_start_here": start_here,
    "01_case_and_argument": claim_explorer,
    "02_influence_network": network_explorer,
    "03_reasoning_lab": reasoning_lab,
    "04_alternative_channels": channel_cutter,
    "05_nato_signals_and_trust": belief_updater,
    "06_russias_leverage": leverage_map,
    "07_reality_check": forecast_quiz,
}
