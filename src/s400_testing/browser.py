"""Drive a real JupyterLab (or Voila) in headless Chromium: start a server, open a notebook,
run it, collect its errors, take screenshots.

Shared by the browser tests (tests/browser) and the latency benchmark (benchmarks/latency.py).
Chromium is Debian's /usr/bin/chromium, driven by the ``playwright`` Python package.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

REPO = Path(__file__).resolve().parents[2]  # src/s400_testing/ -> the repository
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # tests run as root in containers
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # offline machines: no update or safe-browsing calls
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 60_000
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # tracebacks carry terminal colours
KERNEL_IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
PAGE_CONFIG = {
    # The announcements plugin shows a "Jupyter news" toast over the page.
    "disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True},
    # window.jupyterapp gives the notebook model: the DOM renders an exception exactly
    # like plain stderr, only the model's output_type "error" tells them apart.
    "exposeAppInBrowser": "true",
}
# Autosave would write executed outputs back into the repository's notebooks.
USER_SETTINGS: dict[str, dict[str, object]] = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # Under load JupyterLab may open a notebook before it has settled on a kernel and ask in a
    # "Select Kernel" dialog, which then blocks Run All (seen in CI); start the preferred one.
    # Every cell in the page, not only those near the viewport: an audit reads the whole notebook.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "autoStartDefaultKernel": True,
        "windowingMode": "none",
    },
}

expect.set_options(timeout=TIMEOUT_MS)
# Voila runs the notebook while it streams the page: the first request to a fresh server once hung
# for minutes (reference/toolchain-notes.md), so every wait for the dashboard is bounded.
FIRST_RENDER_MS = 120_000


@dataclass(frozen=True)
class Server:
    """A running Jupyter server on 127.0.0.1."""

    port: int
    token: str
    log: Path
    root_dir: Path  # the folder the server serves; `jupyter lab FILE` serves FILE's folder

    def url(self, path: str = "lab") -> str:
        """Address of `path` (no leading slash, may carry a query) with the token appended."""
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path}{sep}token={self.token}"

    def lab_url(self, file: Path) -> str:
        """JupyterLab address that opens `file` (an absolute path under root_dir)."""
        return self.url(f"lab/tree/{file.resolve().relative_to(self.root_dir).as_posix()}")


@dataclass(frozen=True)
class Voila:
    """A running Voila server (the projector dashboard) and its log."""

    url: str
    log: Path


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, data: Mapping[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))


def jupyter_env(home: Path) -> dict[str, str]:
    """Environment whose Jupyter, IPython and Matplotlib state all lives under `home`.

    JUPYTER_DATA_DIR only adds a user level in front of the venv's share/jupyter, so the
    lab extensions (ipywidgets) and the python3 kernelspec are still found.
    """
    # Inherited JUPYTER*/JUPYTERLAB* paths would leak the developer's setup in; MAKEFLAGS
    # from an outer `make test` would leak into the inner `make lab`.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTER", "MAKE", "MFLAGS"))
    }
    dirs = (
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_DATA_DIR",
        "JUPYTER_RUNTIME_DIR",
        "IPYTHONDIR",
        "MPLCONFIGDIR",
    )
    for name in dirs:
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    config = Path(env["JUPYTER_CONFIG_DIR"])
    _write_json(config / "labconfig" / "page_config.json", PAGE_CONFIG)
    # Opening a notebook makes a checkpoint copy; keep it out of the repository.
    checkpoints = {"FileCheckpoints": {"checkpoint_dir": str(home / "checkpoints")}}
    _write_json(config / "jupyter_server_config.json", checkpoints)
    for name, settings in USER_SETTINGS.items():
        _write_json(config / "lab" / "user-settings" / name, settings)
    return env


def stop_group(proc: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM the process group (make and the jupyter it spawned); SIGKILL if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(grace)
            return


def wait_until_up(proc: subprocess.Popen, url: str, log: Path, timeout: float) -> None:
    """Wait until ``url`` answers; fail with the tail of ``log`` if ``proc`` exits or times out."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:  # refused while starting; HTTPError (e.g. 403) is an OSError too
            time.sleep(0.2)
    state = (
        f"exited with {proc.returncode}" if proc.poll() is not None else f"not up after {timeout} s"
    )
    raise RuntimeError(f"Jupyter server {state}; log {log}:\n{log.read_text()[-5000:]}")


def _root_dir(runtime_dir: Path, port: int) -> Path:
    # The server writes jpserver-<pid>.json before it starts answering requests.
    for info in runtime_dir.glob("jpserver-*.json"):
        data = json.loads(info.read_text())
        if data["port"] == port:
            return Path(data["root_dir"]).resolve()
    raise FileNotFoundError(f"no jpserver-*.json for port {port} in {runtime_dir}")


@contextlib.contextmanager
def running_server(
    cmd: list[str], *, cwd: Path, home: Path, port: int, token: str, timeout: float = 60
) -> Iterator[Server]:
    """Run `cmd`, a Jupyter server on `port` with `token`, with its state under `home`.

    Yields once /api/status answers (else fails with the log, `home`/server.log); on exit
    stops the command's whole process group.
    """
    env, log = jupyter_env(home), home / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a group of its own, so teardown reaches make's children
        )
    try:
        wait_until_up(proc, f"http://127.0.0.1:{port}/api/status?token={token}", log, timeout)
        yield Server(port, token, log, _root_dir(Path(env["JUPYTER_RUNTIME_DIR"]), port))
    finally:
        stop_group(proc)


def lab_args(token: str) -> list[str]:
    """The options a test's JupyterLab needs: no browser, this token, loopback, root allowed."""
    return [
        "--no-browser",
        f"--ServerApp.token={token}",
        "--ServerApp.ip=127.0.0.1",
        "--allow-root",
    ]


# The notebook's session is ready and its kernel connected and idle. The toolbar can show "idle"
# a moment before this; cells run then are skipped silently (seen in CI: Run All did nothing).
_KERNEL_READY = """() => {
  const context = window.jupyterapp.shell.currentWidget?.sessionContext;
  const kernel = context?.session?.kernel;
  return !!kernel && context.isReady && kernel.connectionStatus === 'connected'
    && kernel.status === 'idle';
}"""
_KERNEL_STATE = """() => {
  const context = window.jupyterapp.shell.currentWidget?.sessionContext;
  const kernel = context?.session?.kernel;
  return {ready: !!context?.isReady, connection: kernel?.connectionStatus ?? null,
          status: kernel?.status ?? null};
}"""


def open_notebook(page: Page, server: Server, notebook: Path) -> None:
    """Open `notebook` (an absolute path) in JupyterLab; wait until its kernel is connected, idle.

    `reset` starts from an empty workspace: the server remembers the notebooks earlier tests
    opened and would reopen them, hidden, next to this one.
    """
    page.goto(server.lab_url(notebook) + "&reset")
    expect(page.locator(KERNEL_IDLE)).to_be_visible()
    page.wait_for_function(_KERNEL_READY, polling=100)


def _click_menu(page: Page, menu: str, command: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=menu).click()
    page.locator(f"li.lm-Menu-item[data-command='{command}']").click()


# True once a run-all has finished: kernel idle, no cell queued or running, and the first
# non-empty code cell has a count again (counts were cleared before the run, so stale
# counts from the saved notebook cannot satisfy this).
_RUN_FINISHED = """idle => {
  const panel = window.jupyterapp.shell.currentWidget;
  const cells = panel.content.widgets.filter(
    c => c.model.type === 'code' && c.model.sharedModel.getSource().trim() !== '');
  return panel.node.querySelector(idle) !== null
    && cells.every(c => c.model.executionState !== 'running')
    && (cells.length === 0 || cells[0].model.executionCount !== null);
}"""

# Code cells of the current notebook: source, execution count, and their error outputs.
_CODE_CELLS = """() => window.jupyterapp.shell.currentWidget.content.widgets
  .filter(c => c.model.type === 'code')
  .map(c => ({
    source: c.model.sharedModel.getSource(),
    count: c.model.executionCount,
    errors: c.model.outputs.toJSON().filter(o => o.output_type === 'error'),
  }))"""


_CELL_STATES = """() => window.jupyterapp.shell.currentWidget.content.widgets
  .filter(c => c.model.type === 'code')
  .map(c => [c.model.executionCount, c.model.executionState])"""


def error_outputs(page: Page) -> list[str]:
    """One report per error output (an exception, not mere stderr): cell source and traceback."""
    reports = []
    for cell in page.evaluate(_CODE_CELLS):
        for error in cell["errors"]:
            traceback = ANSI.sub("", "\n".join(error["traceback"]))
            reports.append(f"In cell:\n{cell['source']}\n{traceback}")
    return reports


def run_all(page: Page, timeout_ms: int = 2 * TIMEOUT_MS) -> None:
    """Clear all outputs, then Run > Run All Cells; wait until the run ends.

    No kernel restart: `open_notebook` gives the notebook a kernel of its own, and restarting it
    right after it first reports idle races its websocket (seen in CI: the server could not parse
    a frame, "unpack requires a buffer", and the kernel stayed "starting" for good).
    Fails if a non-empty code cell did not run (an error stops a run-all), showing the errors.
    """
    _click_menu(page, "Edit", "editmenu:clear-all")
    _click_menu(page, "Run", "runmenu:run-all")
    try:
        page.wait_for_function(_RUN_FINISHED, arg=KERNEL_IDLE, polling=100, timeout=timeout_ms)
    except PlaywrightTimeoutError:
        # Say where the run stood, so a timeout in CI can be diagnosed from its log alone.
        shot = screenshot(page, "run-all-timeout")
        states = page.evaluate(_CELL_STATES)
        raise AssertionError(
            f"Run All did not finish within {timeout_ms / 1000:.0f} s. Kernel indicator: "
            f"{page.locator('.jp-Notebook-ExecutionIndicator').get_attribute('data-status')}; "
            f"session and kernel: {page.evaluate(_KERNEL_STATE)}; "
            f"cells (count, state): {states}; screenshot {shot}"
        ) from None
    cells = page.evaluate(_CODE_CELLS)
    not_run = [cell["source"] for cell in cells if cell["source"].strip() and cell["count"] is None]
    assert not not_run, (
        "cells that did not run:\n"
        + "\n---\n".join(not_run)
        + "\nerrors:\n"
        + "\n".join(error_outputs(page))
    )


def run_clean(page: Page, server: Server, notebook: Path) -> None:
    """Open `notebook`, run all its cells, and fail with the tracebacks if any cell raised, or
    if MathJax turned text of an output into a formula."""
    open_notebook(page, server, notebook)
    run_all(page)
    assert_no_errors(page)
    formulas = typeset_outputs(page)
    assert not formulas, f"outputs typeset as formulas (see s400.readouts.NO_MATH): {formulas}"


# The module's outputs hold no formulas: MathJax typesetting one means it read "$2.5bn ... $7bn"
# as "$...$" and ran the words between together in italics.
_TYPESET = """() => Array.from(document.querySelectorAll('.jp-OutputArea-output mjx-container'))
  .map(formula => formula.textContent.slice(0, 80))"""


def typeset_outputs(page: Page) -> list[str]:
    """The text of every formula MathJax typeset inside the open notebook's outputs."""
    return list(page.evaluate(_TYPESET))


def assert_no_errors(page: Page) -> None:
    assert not error_outputs(page), "\n\n".join(error_outputs(page))


def shot(element: Locator, name: str) -> Path:
    """Save one element to <repo>/test-artifacts/<name>.png as a student sees it.

    JupyterLab renders only the cells near the viewport, so scroll to the element first, and wait
    for a picture to decode: otherwise the shot can catch an empty frame.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    element.scroll_into_view_if_needed()
    if element.evaluate("e => e.tagName") == "IMG":
        element.evaluate("img => img.decode()")
        assert element.evaluate("img => img.naturalWidth") > 0
    path = ARTIFACTS / f"{name}.png"
    element.screenshot(path=path)
    return path


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot to <repo>/test-artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path
