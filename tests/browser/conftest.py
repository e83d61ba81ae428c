"""Fixtures for tests that drive a real JupyterLab in headless Chromium (helpers: s400_testing).

Every test in this folder gets the `browser` marker. Without /usr/bin/chromium the tests
skip; S400_REQUIRE_BROWSER=1 turns that skip into a failure, so CI cannot pass vacuously.
"""

import contextlib
import os
import secrets
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright, sync_playwright

from s400_testing.browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    TIMEOUT_MS,
    Server,
    Voila,
    free_port,
    jupyter_env,
    lab_args,
    running_server,
    screenshot,
    stop_group,
    wait_until_up,
)

CALL_REPORT = pytest.StashKey[pytest.TestReport]()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, so mark only those in this folder.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Keep the call phase's report on the item, so the `page` fixture knows the test failed.
    report = yield
    if report.when == "call":
        item.stash[CALL_REPORT] = report
    return report


@pytest.fixture(scope="session", autouse=True)
def _require_chromium() -> None:
    # Session scope makes this run before the (session-scoped) servers are started.
    if not CHROMIUM.exists():
        message = (
            "chromium not found: apt-get install chromium; "
            "set S400_REQUIRE_BROWSER=1 to make this an error"
        )
        if os.environ.get("S400_REQUIRE_BROWSER") == "1":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab started as the README tells students to: `make lab` in the repository."""
    port, token = free_port(), secrets.token_hex(16)
    # -o: if pyproject.toml changed since `make setup`, `make lab` would reinstall the venv
    # under this very pytest process; `make test` refreshes it before pytest starts anyway.
    options = " ".join(lab_args(token))
    cmd = [
        "make",
        "-C",
        str(REPO),
        "-o",
        ".venv/.installed",
        "lab",
        f"PORT={port}",
        f"LAB_ARGS={options}",
    ]
    home = tmp_path_factory.mktemp("make-lab")
    with running_server(cmd, cwd=REPO, home=home, port=port, token=token) as server:
        yield server


@pytest.fixture(scope="session")
def start_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], Server]]:
    """Factory `start_lab(root_dir) -> Server`: JupyterLab serving `root_dir`, without make.

    Every server gets its own Jupyter home and is stopped at the end of the session.
    """
    with contextlib.ExitStack() as stack:

        def start(root_dir: Path) -> Server:
            port, token = free_port(), secrets.token_hex(16)
            cmd = [sys.executable, "-m", "jupyterlab", f"--port={port}", *lab_args(token)]
            home = tmp_path_factory.mktemp("lab")
            return stack.enter_context(
                running_server(cmd, cwd=root_dir, home=home, port=port, token=token)
            )

        yield start


@pytest.fixture(scope="session")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Voila]:
    """`make dashboard` on a free port, its Jupyter state (and Voila's connection files) in a temp
    folder. Session-scoped: the dashboard test and the accessibility audit share one server."""
    port, home = free_port(), tmp_path_factory.mktemp("make-dashboard")
    env, log = jupyter_env(home), home / "voila.log"
    env["TMPDIR"] = str(home)  # Voila keeps kernel connection files in the temp folder
    # -o: never reinstall the venv under this pytest process (see lab_server).
    cmd = [
        "make",
        "-C",
        str(REPO),
        "-o",
        ".venv/.installed",
        "dashboard",
        f"DASHBOARD_PORT={port}",
        "VOILA_ARGS=--no-browser --Voila.ip=127.0.0.1",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        # A static file: asking for the page itself would start a kernel and run the notebook.
        wait_until_up(proc, f"http://127.0.0.1:{port}/voila/static/voila-style.js", log, timeout=60)
        yield Voila(f"http://127.0.0.1:{port}/", log)
    finally:
        stop_group(proc)


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture
def page(_playwright: Playwright, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh headless Chromium page (own profile), 1400x900, 60 s default timeouts.

    If the test fails, the page is saved to test-artifacts/<test name>-failed.png.
    """
    failed_name = f"{request.node.name}-failed"
    (ARTIFACTS / f"{failed_name}.png").unlink(missing_ok=True)  # not to be mistaken for this run's
    context = _playwright.chromium.launch_persistent_context(
        tmp_path / "chromium-profile",
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    try:
        yield context.pages[0]
        report = request.node.stash.get(CALL_REPORT, None)
        if report is not None and report.failed:
            screenshot(context.pages[0], failed_name)
    finally:
        context.close()
