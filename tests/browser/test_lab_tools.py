"""Students' JupyterLab (`make lab`) shows no grading tools; instructors' (`make lab-instructor`)
has nbgrader's: the Formgrader, Create Assignment and Validate."""

import secrets
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from s400_testing.browser import (
    REPO,
    Server,
    free_port,
    lab_args,
    open_notebook,
    running_server,
    screenshot,
    shot,
)

EXERCISE = REPO / "exercises" / "ex01_argument" / "ex01_argument.ipynb"
MENU_BAR = ".lm-MenuBar-item"
RIGHT_TABS = ".jp-SideBar.jp-mod-right .lm-TabBar-tab"


@pytest.fixture(scope="module")
def instructor_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab started as the README tells instructors to: `make lab-instructor`."""
    port, token = free_port(), secrets.token_hex(16)
    options = " ".join(lab_args(token))
    cmd = ["make", "-C", str(REPO), "-o", ".venv/.installed", "lab-instructor"]
    cmd += [f"PORT={port}", f"LAB_ARGS={options}"]
    home = tmp_path_factory.mktemp("make-lab-instructor")
    with running_server(cmd, cwd=REPO, home=home, port=port, token=token) as server:
        yield server


def grading_tools(page: Page) -> dict[str, bool]:
    """Which of nbgrader's tools the page shows, once JupyterLab's own are there."""
    expect(page.locator(MENU_BAR, has_text="Kernel")).to_be_visible()
    expect(page.locator(f"{RIGHT_TABS}[title='Property Inspector']")).to_have_count(1)
    toolbar = page.locator(".jp-NotebookPanel-toolbar").first
    expect(toolbar.locator("select")).to_be_visible()  # the cell type: the toolbar is filled
    return {
        "Nbgrader menu": page.locator(MENU_BAR, has_text="Nbgrader").count() > 0,
        "Validate button": toolbar.get_by_text("Validate", exact=True).count() > 0,
        "Create Assignment panel": page.locator(f"{RIGHT_TABS}[title*='Create Assignment']").count()
        > 0,
        "Formgrader command": page.evaluate(
            "() => window.jupyterapp.commands.hasCommand('nbgrader:open-formgrader')"
        ),
    }


def test_students_lab_shows_no_grading_tools(lab_server: Server, page: Page) -> None:
    open_notebook(page, lab_server, EXERCISE)
    assert not any(grading_tools(page).values()), grading_tools(page)
    screenshot(page, "lab-student")


def test_instructors_lab_has_the_formgrader_and_create_assignment(
    instructor_lab: Server, page: Page
) -> None:
    open_notebook(page, instructor_lab, EXERCISE)
    assert all(grading_tools(page).values()), grading_tools(page)

    page.locator(MENU_BAR, has_text="Nbgrader").click()
    menu = page.locator(".lm-Menu").filter(has_text="Formgrader")
    expect(menu).to_be_visible()
    screenshot(page, "lab-instructor-menu")
    page.keyboard.press("Escape")

    page.locator(f"{RIGHT_TABS}[title*='Create Assignment']").click()
    panel = page.locator("#jp-right-stack")
    expect(panel).to_be_visible()
    shot(page.locator("#jp-main-split-panel"), "lab-instructor-create-assignment")
