"""Notebook 04 in real JupyterLab: it runs cleanly, and cutting or restoring channels changes the
sentence under the widget to what the ties in edges.csv give (worked out by hand in the
comments)."""

import re

from playwright.sync_api import Page, expect

from s400_testing.browser import REPO, Server, assert_no_errors, run_clean, shot


def test_cut_and_restore_channels(lab_server: Server, page: Page) -> None:
    run_clean(page, lab_server, REPO / "notebooks" / "04_alternative_channels.ipynb")

    app = page.locator(".s400-channel-cutter")
    status = app.locator(".s400-channel-status")
    app.scroll_into_view_if_needed()
    # All open: direct (political + economic, 2 ties), NATO, SSB, Pentagon-TSK, banks:
    # 5 routes, 6 ties.
    expect(status).to_have_text(
        "Connected by 5 independent routes; cutting 6 ties would separate them; "
        "no institution is a bottleneck."
    )
    shot(app, "04_channels_open")

    app.get_by_role(
        "checkbox", name="political", exact=True
    ).uncheck()  # NATO hangs on political ties only
    expect(status).to_have_text(
        "Connected by 4 independent routes; cutting 4 ties would separate them; "
        "no institution is a bottleneck. Cut off: NATO allies."
    )
    app.get_by_role("checkbox", name="economic", exact=True).uncheck()
    app.get_by_role("checkbox", name="military", exact=True).uncheck()  # only the banks are left
    expect(status).to_have_text(
        "Connected by 1 independent route; cutting 1 tie would separate them; bottlenecks: "
        "US financial institutions, Turkish financial institutions. Cut off: NATO allies, "
        "Pentagon, Turkish Armed Forces, Defence procurement agency (SSB)."
    )
    shot(app, "04_channels_financial_only")

    app.get_by_role(
        "checkbox", name="political", exact=True
    ).check()  # restored: direct political tie, NATO, banks
    expect(status).to_have_text(
        "Connected by 3 independent routes; cutting 3 ties would separate them; "
        "no institution is a bottleneck. "
        "Cut off: Pentagon, Turkish Armed Forces, Defence procurement agency (SSB)."
    )

    for layer in ("economic", "military"):
        app.get_by_role("checkbox", name=layer, exact=True).check()
    ssb = app.get_by_role("checkbox", name="Defence procurement agency (SSB)", exact=True)
    ssb.uncheck()  # the CAATSA target removed
    expect(status).to_have_text(
        "Connected by 4 independent routes; cutting 5 ties would separate them; "
        "no institution is a bottleneck."
    )

    figures = page.locator(".jp-OutputArea-output img")
    expect(figures).to_have_count(2)  # the two drawings; the widget's picture is SVG
    expect(app.get_by_role("img")).to_have_attribute("aria-label", re.compile("^Cut: Defence"))
    shot(figures.first, "04_channels_drawing")
    assert_no_errors(page)
