"""Broken input as students and instructors meet it in real JupyterLab: a broken data folder is
one short message in notebook 00's check and in the first cell that loads data (no traceback);
the lab's Import button says what is wrong with a file, and imports the same file again."""

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from s400.data import DataError, load
from s400.reasoning import Lab
from s400.reasoning.scenarios import preset, to_json
from s400.widgets import slider_step

from .conftest import KERNEL_IDLE, REPO, Server, error_outputs, open_notebook, run_clean, shot

LAB = Lab(load())


STDERR = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def broken_copy(folder: Path) -> list[str]:
    """A copy of data/ with three mistakes (a weight, a Latin-1 letter, a date after the sources
    end); DataError's message for it, line by line."""
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("scenarios"))
    for file, old, new in [
        ("edges.csv", b"E07,buy_s400,economy,effect,-1,0.6,", b"E07,buy_s400,economy,effect,-1,6,"),
        ("claims.csv", "Turkish–".encode(), b"T\xfcrkiye-"),
        ("moves.csv", b"M02,2020-02,", b"M02,2030-02,"),
    ]:
        (folder / file).write_bytes((folder / file).read_bytes().replace(old, new))
    with pytest.raises(DataError) as caught:
        load(folder)
    return str(caught.value).splitlines()


@pytest.fixture
def broken_lab(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start_lab: Callable[[Path], Server]
) -> tuple[Server, list[str]]:
    """JupyterLab on copies of notebooks 00 and 01, its kernels loading a broken data folder."""
    message = broken_copy(tmp_path / "data")
    (tmp_path / "notebooks").mkdir()
    for name in ("00_start_here.ipynb", "01_case_and_argument.ipynb"):
        shutil.copy(REPO / "notebooks" / name, tmp_path / "notebooks" / name)
    monkeypatch.setenv("S400_DATA_DIR", str(tmp_path / "data"))
    return start_lab(tmp_path), message


def run_until_the_error(page: Page) -> None:
    """Run All, which stops at the first cell that raises; wait for the kernel to be idle."""
    for menu, command in [("Edit", "editmenu:clear-all"), ("Run", "runmenu:run-all")]:
        page.locator(".lm-MenuBar-item", has_text=menu).click()
        page.locator(f"li.lm-Menu-item[data-command='{command}']").click()
    expect(page.locator(STDERR).first).to_be_visible()
    expect(page.locator(KERNEL_IDLE)).to_be_visible()


def test_a_broken_data_folder_is_one_short_message(broken_lab, page: Page) -> None:
    server, message = broken_lab
    assert message[0] == "3 problems in the data package:"

    open_notebook(page, server, server.root_dir / "notebooks" / "01_case_and_argument.ipynb")
    run_until_the_error(page)
    (error,) = error_outputs(page)
    assert error.endswith("\n".join(["DataError: " + message[0], *message[1:]]))
    output = page.locator(STDERR)
    expect(output).to_have_count(1)
    expect(output).not_to_contain_text("Traceback")
    shot(output, "broken_data_notebook_01")

    open_notebook(page, server, server.root_dir / "notebooks" / "00_start_here.ipynb")
    run_until_the_error(page)
    check = page.locator(".jp-OutputArea-output").filter(has_text="packages")
    for line in message:
        expect(check).to_contain_text(line.strip())
    shot(check, "broken_data_notebook_00_check")


def test_the_lab_imports_a_file_again_and_refuses_a_broken_one(
    lab_server: Server, page: Page, tmp_path: Path
) -> None:
    key = "magnitude.air_defence"  # the first slider of the first tab
    author = preset(LAB, "author")
    good = tmp_path / "mine.json"
    good.write_text(to_json(LAB, "mine", author), encoding="utf-8")
    broken = tmp_path / "müge.json"  # saved as Latin-1: "ü" is the one byte 0xFC
    document = {**json.loads(good.read_text()), "name": "Müge"}
    broken.write_bytes(json.dumps(document, ensure_ascii=False).encode("latin-1"))
    run_clean(page, lab_server, REPO / "notebooks" / "03_reasoning_lab.ipynb")
    app = page.locator(".s400-reasoning-lab")
    status = app.locator(".s400-status")
    slider = app.locator(".widget-hslider").first
    handle, readout = slider.locator(".noUi-handle"), slider.locator(".widget-readout")

    def choose(path: Path) -> None:
        with page.expect_file_chooser() as chooser:
            app.locator(".widget-upload").click()
        chooser.value.set_files(path)

    app.scroll_into_view_if_needed()
    choose(good)
    expect(status).to_have_text("Imported mine from mine.json.")
    handle.focus()
    handle.press("ArrowRight")
    expect(readout).to_have_text(f"{author[key] + slider_step(LAB.parameters[key]):.2f}")
    choose(good)  # the same file again: the slider goes back
    expect(readout).to_have_text(f"{author[key]:.2f}")

    choose(broken)
    expect(status).to_contain_text("Could not import müge.json: line 1: byte 0xFC")
    expect(status).to_contain_text("Nothing was changed.")
    shot(app.locator(".s400-files"), "lab_import_refused")
    shot(status, "lab_import_refused_status")
