"""Speed figures for `make bench`: the test suite, a cold set-up to JupyterLab answering, widget
latency (benchmarks/latency.py), grading throughput (benchmarks/grading.py), loading the data
package (benchmarks/loading.py) and the reading site's build time and size
(benchmarks/reading_site.py).

Reported as medians over several runs (BENCH_RUNS, default 3) and as ratios; never asserted
by the test suite. Results also go to benchmarks/results/latest.json. Pick sections with
`make bench BENCH="latency"` (any of: suite setup latency grading loading site; default all).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_answers_after(repo: Path, home: Path) -> float:
    """Seconds from `make lab` to the server answering /api/status (set-up included if needed)."""
    port, token = free_port(), secrets.token_hex(8)
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(home / "cfg"),
        JUPYTER_RUNTIME_DIR=str(home / "rt"),
        IPYTHONDIR=str(home / "ipy"),
        PIP_NO_CACHE_DIR="1",
    )
    args = f"--no-browser --ServerApp.token={token} --ServerApp.ip=127.0.0.1 --allow-root"
    start = time.perf_counter()
    server = subprocess.Popen(
        ["make", "lab", f"PORT={port}", f"LAB_ARGS={args}"],
        cwd=repo,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while time.perf_counter() - start < 900:
            try:
                urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2
                )
                return time.perf_counter() - start
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("make lab exited before JupyterLab answered") from None
                time.sleep(0.2)
        raise TimeoutError("JupyterLab did not answer within 15 minutes")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def clean_clone(where: Path) -> Path:
    """A clone of the committed repository, as a new user gets it."""
    repo = where / "repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
    return repo


def suite_and_setup(sections: set[str]) -> dict:
    """Medians (seconds) of the test suite and of a cold and a warm start of JupyterLab."""
    results: dict[str, list[float]] = {}
    for run in range(RUNS):
        if "suite" in sections:
            print(f"run {run + 1}/{RUNS}: test suite ...", flush=True)
            results.setdefault("test_suite_s", []).append(
                timed(
                    [
                        str(ROOT / ".venv/bin/python"),
                        "-m",
                        "pytest",
                        "-q",
                        "-n",
                        "2",
                        "--dist",
                        "loadfile",
                    ],
                    ROOT,
                )
            )
        if "setup" in sections:
            with tempfile.TemporaryDirectory() as tmp:
                print(f"run {run + 1}/{RUNS}: cold set-up to JupyterLab ...", flush=True)
                repo = clean_clone(Path(tmp))
                results.setdefault("cold_setup_to_lab_s", []).append(
                    lab_answers_after(repo, Path(tmp))
                )
                results.setdefault("warm_lab_s", []).append(lab_answers_after(repo, Path(tmp)))
                shutil.rmtree(repo, ignore_errors=True)
    medians = {name: statistics.median(values) for name, values in results.items()}
    if medians:
        print(f"\nMedians over {RUNS} runs (seconds):")
        for name, value in medians.items():
            print(
                f"  {name:22s} {value:8.1f}   runs: {', '.join(f'{v:.1f}' for v in results[name])}"
            )
    if "cold_setup_to_lab_s" in medians:
        print(
            "  cold / warm start ratio: "
            f"{medians['cold_setup_to_lab_s'] / medians['warm_lab_s']:.1f}x"
        )
    return {"runs": results, "medians_s": medians}


def main() -> None:
    sections = set(sys.argv[1:]) or {"suite", "setup", "latency", "grading", "loading", "site"}
    report: dict = {"python": sys.version.split()[0], **suite_and_setup(sections)}
    if "latency" in sections:
        import latency

        report["latency_ms"] = latency.main()
    if "grading" in sections:
        import grading

        report["grading"] = grading.main(RUNS)
    if "loading" in sections:
        import loading

        report["loading"] = loading.main(RUNS)
    if "site" in sections:
        import reading_site

        report["reading_site"] = reading_site.main(RUNS)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
