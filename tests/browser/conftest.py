"""Fixtures and helpers for tests that drive a real JupyterLab in headless Chromium.

Every test in this folder gets the `browser` marker. Without /usr/bin/chromium the tests
skip; S400_REQUIRE_BROWSER=1 turns that skip into a failure, so CI cannot pass vacuously.
"""

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

REPO = Path(__file__).resolve().parents[2]
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
KERNEL_IDLE = ".jp-Notebook-ExecutionIndicator[data-status='idle']"
# The announcements plugin shows a "Jupyter news" toast over the page.
PAGE_CONFIG = {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}
# Autosave would write executed outputs back into the repository's notebooks.
USER_SETTINGS = {"@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False}}

expect.set_options(timeout=TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # This hook sees the whole session's items, so mark only those in this folder.
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


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


@dataclass(frozen=True)
class Server:
    """A running Jupyter server on 127.0.0.1."""

    port: int
    token: str
    log: Path

    def url(self, path: str = "lab") -> str:
        """Address of `path` (no leading slash, may carry a query) with the token appended."""
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}/{path}{sep}token={self.token}"


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
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
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    config = Path(env["JUPYTER_CONFIG_DIR"])
    _write_json(config / "labconfig" / "page_config.json", PAGE_CONFIG)
    for name, settings in USER_SETTINGS.items():
        _write_json(config / "lab" / "user-settings" / name, settings)
    return env


def _stop_group(proc: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM the process group (make and the jupyter it spawned); SIGKILL if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(grace)
            return


def _wait_until_up(proc: subprocess.Popen, server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=5):
                return
        except OSError:  # refused while starting; HTTPError (e.g. 403) is an OSError too
            time.sleep(0.2)
    state = f"exited with {proc.returncode}" if proc.poll() is not None else f"not up after {timeout} s"
    pytest.fail(f"Jupyter server {state}; log {server.log}:\n{server.log.read_text()[-5000:]}", pytrace=False)


@contextlib.contextmanager
def running_server(
    cmd: list[str], *, cwd: Path, env: dict[str, str], port: int, token: str, log: Path, timeout: float = 60
) -> Iterator[Server]:
    """Run `cmd` (which must serve on `port` with `token`) in its own process group until exit.

    Waits until /api/status answers; output goes to `log`.
    """
    server = Server(port, token, log)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # a group of its own, so teardown reaches make's children
        )
    try:
        _wait_until_up(proc, server, timeout)
        yield server
    finally:
        _stop_group(proc)


def _lab_args(port: int, token: str) -> list[str]:
    return [f"--port={port}", "--no-browser", f"--ServerApp.token={token}", "--ServerApp.ip=127.0.0.1", "--allow-root"]


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """JupyterLab started as the README tells students to: `make lab` in the repository."""
    home = tmp_path_factory.mktemp("make-lab")
    port, token = free_port(), secrets.token_hex(16)
    lab_args = " ".join(_lab_args(port, token)[1:])  # the Makefile passes --port itself
    cmd = ["make", "-C", str(REPO), "lab", f"PORT={port}", f"LAB_ARGS={lab_args}"]
    with running_server(cmd, cwd=REPO, env=jupyter_env(home), port=port, token=token, log=home / "server.log") as server:
        yield server


@pytest.fixture(scope="session")
def start_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Factory `start_lab(root_dir) -> Server`: JupyterLab serving `root_dir`, without make.

    Every server gets its own Jupyter home and is stopped at the end of the session.
    """
    with contextlib.ExitStack() as stack:

        def start(root_dir: Path) -> Server:
            home = tmp_path_factory.mktemp("lab")
            port, token = free_port(), secrets.token_hex(16)
            cmd = [sys.executable, "-m", "jupyterlab", *_lab_args(port, token)]
            return stack.enter_context(
                running_server(cmd, cwd=root_dir, env=jupyter_env(home), port=port, token=token, log=home / "server.log")
            )

        yield start


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture
def page(_playwright, tmp_path: Path) -> Iterator[Page]:
    """A fresh headless Chromium page (own profile), 1400x900, 60 s default timeouts."""
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
    finally:
        context.close()
