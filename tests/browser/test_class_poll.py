"""The class poll in real JupyterLab: Run All on the demo folder, without an error, lists every
file it skipped and shows the share that s400.poll computes for the same folder."""

from playwright.sync_api import Page, expect

from s400.data import load
from s400.poll import preset_scenarios, read_folder, verdict_summary
from s400.reasoning import Lab
from s400_testing.browser import (
    ARTIFACTS,
    REPO,
    Server,
    error_outputs,
    open_notebook,
    run_all,
    screenshot,
)

LAB = Lab(load())
NOTEBOOK = REPO / "instructor" / "class_poll.ipynb"


def test_the_poll_lists_skipped_files_and_shows_the_share(lab_server: Server, page: Page) -> None:
    entries, problems = read_folder(LAB, NOTEBOOK.parent / "poll_demo")
    share_line = verdict_summary(LAB, entries, preset_scenarios(LAB)).splitlines()[0]

    open_notebook(page, lab_server, NOTEBOOK)
    run_all(page)
    assert not error_outputs(page), "\n\n".join(error_outputs(page))

    outputs = page.locator(".jp-OutputArea-output")
    summary = outputs.filter(has_text="scenarios from poll_demo")
    expect(summary).to_have_text(
        f"Read {len(entries)} scenarios from poll_demo; {len(problems)} files skipped, "
        "listed below."
    )
    table = outputs.filter(has_text="broken_empty.json")
    for problem in problems:  # a reason listing several problems shows each on a line of its own
        expect(table).to_contain_text(problem.file)
        for part in problem.reason.split("; "):
            expect(table).to_contain_text(part)
    share = outputs.filter(has_text=share_line)
    expect(share).to_have_count(1)

    ARTIFACTS.mkdir(exist_ok=True)
    for name, output in [("problems", table), ("share", share)]:
        output.scroll_into_view_if_needed()
        output.screenshot(path=ARTIFACTS / f"poll_{name}.png")
    page.set_viewport_size({"width": 1400, "height": 2000})  # room for the tallest chart, whole
    pictures = page.locator(".jp-OutputArea-output img")
    expect(pictures).to_have_count(4)
    for i, picture in enumerate(pictures.all()):
        picture.scroll_into_view_if_needed()
        picture.evaluate("img => img.decode()")
        assert picture.evaluate("img => img.naturalWidth") > 0
        picture.screenshot(path=ARTIFACTS / f"poll_chart_{i + 1}.png")
    screenshot(page, "poll_page")
