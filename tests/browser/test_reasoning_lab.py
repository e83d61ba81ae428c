"""Notebook 03 in real JupyterLab: presets and keyboard-moved sliders change the verdict and the
chart to exactly what s400.reasoning computes for the same numbers."""

from playwright.sync_api import Page, expect

from s400.data import load
from s400.reasoning import Lab, verdict_text
from s400.reasoning.ledgers import split
from s400.reasoning.scenarios import preset
from s400_testing.browser import REPO, Server, assert_no_errors, run_clean, shot

LAB = Lab(load())


def expected_verdict(scenario: dict[str, float]) -> str:
    return verdict_text(LAB, LAB.verdict(scenario))


def test_presets_and_sliders_drive_the_verdict_and_chart(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "03_reasoning_lab.ipynb")

    # The two ledgers side by side, and the split of the gap that s400 computes
    outputs = page.locator(".jp-OutputArea-output")
    ledgers = outputs.filter(has_text="counted by")
    expect(ledgers).to_contain_text("Technology and co-production")
    shot(ledgers, "03_ledgers")
    crossing = outputs.filter(has_text="on author's ledger")
    shot(crossing, "03_crossing")
    gap = split(LAB, preset(LAB, "ankara"), preset(LAB, "author"))
    shares = outputs.filter(has_text="from which consequences are counted")
    expect(shares).to_contain_text(f"{gap.ledger:+.2f}")
    expect(shares).to_contain_text(f"{gap.sizes:+.2f}")
    shot(shares, "03_split")
    tornadoes = page.locator(".jp-OutputArea-output img")
    shot(tornadoes.nth(0), "03_tornado_author")
    shot(tornadoes.nth(1), "03_tornado_ankara")

    app = page.locator(".s400-reasoning-lab")
    verdict, chart = app.locator(".s400-verdict"), app.locator(".s400-chart")
    app.scroll_into_view_if_needed()
    expect(verdict).to_contain_text(expected_verdict(preset(LAB, "author")))
    expect(app.locator(".widget-dropdown select").first).to_have_value("The author's reading")
    first_chart = chart.inner_html()
    shot(app, "03_lab_author")

    app.locator(".widget-dropdown select").first.select_option(label="Ankara's stated case")
    ankara = preset(LAB, "ankara")
    expect(verdict).to_contain_text(expected_verdict(ankara))
    # The chart is a separate widget message and may land after the verdict: wait for it.
    page.wait_for_function(
        "([chart, before]) => chart.innerHTML !== before",
        arg=[chart.element_handle(), first_chart],
        polling=100,
    )

    # The first slider of the first tab is the value of air defence: two key presses, one step each.
    key = "magnitude.air_defence"
    step = LAB.parameters[key].step
    handle = app.locator(".widget-slider .noUi-handle").first
    handle.focus()
    for presses in (1, 2):
        handle.press("ArrowRight")
        moved = {**ankara, key: round(ankara[key] + step * presses, 2)}
        expect(verdict).to_contain_text(expected_verdict(moved))
    expect(app.locator(".widget-dropdown select").first).to_have_value("My own")
    shot(app, "03_lab_moved")

    panel = page.locator(".s400-sensitivity")
    panel.get_by_role("button", name="Run sensitivity").click()
    expect(panel).to_contain_text("worlds drawn around your numbers")
    for picture in panel.locator("img").all():  # the tornado and the histogram, loaded
        expect(picture).to_be_visible()
        picture.evaluate("img => img.decode()")
        assert picture.evaluate("img => img.naturalWidth") > 0
    shot(panel, "03_sensitivity")
    assert_no_errors(page)
