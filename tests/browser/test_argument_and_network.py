"""Notebooks 01 and 02 in real JupyterLab: they run cleanly and their explorers answer a student."""

from playwright.sync_api import Page, expect

from s400_testing.browser import REPO, Server, run_clean, screenshot, shot


def test_claim_explorer_filters_and_explains(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "01_case_and_argument.ipynb")
    explorer = page.locator(".s400-claim-explorer")
    card = explorer.locator(".s400-claim-card")
    explorer.scroll_into_view_if_needed()
    expect(card).to_contain_text("C01")  # unfiltered: the first claim
    explorer.locator(".widget-dropdown select").nth(2).select_option("NATO")  # speaker
    expect(card).to_contain_text("C19")
    expect(card).to_contain_text("NATO, as the author reports it")
    explorer.locator(".widget-dropdown select").nth(2).select_option("any")
    explorer.locator(".widget-dropdown select").nth(1).select_option("conditional_prediction")
    expect(card).to_contain_text("Holds only if the S-400 is activated")
    shot(explorer, "01_claim_explorer")
    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(2)  # the timeline and the argument map are pictures, not text
    shot(figures.first, "01_timeline")
    shot(figures.nth(1), "01_argument_map")


def test_layer_toggle_and_edge_basis(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "02_influence_network.ipynb")
    explorer = page.locator(".s400-network-explorer")
    status = explorer.locator(".s400-network-status")
    explorer.scroll_into_view_if_needed()
    expect(status).to_have_text(
        "Showing 29 of 29 effect edges, in the layers: economic, military, political."
    )
    # 4 of the 29 effect edges are economic
    explorer.get_by_role("checkbox", name="economic").uncheck()
    expect(status).to_have_text(
        "Showing 25 of 29 effect edges, in the layers: military, political."
    )
    explorer.locator(".widget-dropdown select").select_option(
        label="E06: Buy the S-400 → Turkish–US relations (−)"
    )
    expect(explorer.locator(".s400-edge-card")).to_contain_text("Op-ed claim C08 (P2)")
    shot(explorer, "02_network_explorer")
    # An edge of Ankara's stated case shows the statement it rests on and the dispute in its note
    explorer.locator(".widget-dropdown select").select_option(
        label="E47: Buy the S-400 → Technology and co-production (+)"
    )
    card = explorer.locator(".s400-edge-card")
    expect(card).to_contain_text("basis: ankara")
    expect(card).to_contain_text("tass_no_transfer_2020")
    shot(explorer, "02_network_explorer_ankara_edge")


def test_the_wide_edges_table_scrolls_by_keyboard(lab_server: Server, page: Page) -> None:
    """The edges table is wider than the notebook: its box (s400.wide_tables) takes focus, and
    the arrow keys scroll it rather than move between cells."""
    page.set_viewport_size({"width": 1280, "height": 800})
    run_clean(page, lab_server, REPO / "notebooks" / "02_influence_network.ipynb")
    box = page.get_by_role("region", name="The edges of the influence network, one row each")
    box.scroll_into_view_if_needed()
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # so there is something to scroll
    box.focus()
    assert box.evaluate("b => document.activeElement === b")
    cell = page.locator(".jp-Notebook .jp-Cell.jp-mod-active")
    active = cell.get_attribute("data-windowed-list-index")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    expect(box).not_to_have_js_property("scrollLeft", 0)
    assert cell.get_attribute("data-windowed-list-index") == active  # still the same cell
    box.evaluate("b => b.scrollIntoView({block: 'start'})")  # taller than the screen
    screenshot(page, "02_edges_table")
