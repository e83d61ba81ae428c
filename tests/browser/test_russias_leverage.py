"""Notebook 06 in real JupyterLab: it runs cleanly, and the leverage map answers clamps and weights
with exactly what s400.fcm computes for the same settings."""

from playwright.sync_api import Page, expect

from s400.data import load
from s400.widgets import LeverageMap
from s400_testing.browser import REPO, Server, assert_no_errors, run_clean, shot

LEVERAGE = "Russia's leverage over Turkey"


def expected_leverage(nato_repaired: bool, e22_weight: float) -> str:
    app = LeverageMap(load())
    app.clamps["nato_trust"].value = nato_repaired
    app.weights[("nato_trust", "russian_leverage")].value = e22_weight
    return f"{app.run().final['russian_leverage']:+.2f}"


def test_leverage_map_follows_clamps_and_weights(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "06_russias_leverage.ipynb")

    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(3)  # dependence bars, visitors, the map settling
    for i, name in enumerate(["06_dependence", "06_visitors", "06_fcm_run"]):
        shot(figures.nth(i), name)

    app = page.locator(".s400-leverage-map")
    value = app.locator(".s400-fcm-result tr", has_text=LEVERAGE).locator("td").nth(1)
    app.scroll_into_view_if_needed()
    expect(value).to_have_text(expected_leverage(False, 0.8))
    shot(app, "06_leverage_map_bought")

    app.get_by_label("NATO relations repaired (held at +1)").check()
    expect(value).to_have_text(expected_leverage(True, 0.8))

    # The third slider is E22 (Allies' trust → Russia's leverage): one step down tips the balance.
    handle = app.locator(".widget-slider .noUi-handle").nth(2)
    handle.focus()
    handle.press("ArrowLeft")
    expect(value).to_have_text(expected_leverage(True, 0.75))
    expect(app.locator(".s400-fcm-result")).to_contain_text("Settled: a fixed point after")
    shot(app, "06_leverage_map_moved")
    assert_no_errors(page)
