"""Widget latency: the Python side of a slider move, the Monte Carlo, and key press to chart in a real browser.

Medians in milliseconds. Run through `make bench` (or `python benchmarks/run.py latency`).
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from playwright.sync_api import sync_playwright

from s400.data import load
from s400.reasoning import Lab
from s400.reasoning.sensitivity import monte_carlo, tornado
from s400.widgets import NetworkExplorer, ReasoningLab
from s400_testing.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    open_notebook,
    run_all,
    running_server,
)


def median_ms(samples: list[float]) -> float:
    return 1000 * statistics.median(samples)


def timed(action, repeat: int) -> list[float]:
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        samples.append(time.perf_counter() - start)
    return samples


def python_side() -> dict[str, float]:
    lab = Lab(load())
    app = ReasoningLab(lab)
    slider = app.sliders["magnitude.air_defence"]
    explorer = NetworkExplorer(load())
    return {
        "slider callback (verdict + chart)": median_ms(
            timed(lambda i: setattr(slider, "value", 5.0 + (i % 2)), 200)
        ),
        "Monte Carlo, 100,000 worlds": median_ms(
            timed(lambda i: monte_carlo(lab, app.scenario(), seed=i), 20)
        ),
        "tornado (all parameters)": median_ms(timed(lambda i: tornado(lab, app.scenario()), 20)),
        "network explorer redraw (PNG)": median_ms(
            timed(lambda i: setattr(explorer.layer_boxes[0], "value", bool(i % 2)), 10)
        ),
    }


# Times, inside the page, from a key press to the next change of the lab's chart.
_WATCH = """() => {
  window.__keyAt = 0; window.__drawnAt = 0;
  document.addEventListener('keydown', () => { window.__keyAt = performance.now(); window.__drawnAt = 0; }, true);
  new MutationObserver(() => { if (!window.__drawnAt) window.__drawnAt = performance.now(); })
    .observe(document.querySelector('.s400-chart'), {subtree: true, childList: true, characterData: true});
}"""


def browser_side(presses: int = 30) -> dict[str, float]:
    if not CHROMIUM.exists():
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        port, token = free_port(), secrets.token_hex(16)
        cmd = [
            sys.executable,
            "-m",
            "jupyterlab",
            f"--port={port}",
            "--no-browser",
            f"--ServerApp.token={token}",
            "--ServerApp.ip=127.0.0.1",
            "--allow-root",
            f"--ServerApp.root_dir={ROOT}",
        ]
        with (
            running_server(cmd, cwd=ROOT, home=Path(tmp), port=port, token=token) as server,
            sync_playwright() as p,
        ):
            context = p.chromium.launch_persistent_context(
                Path(tmp) / "profile",
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1400, "height": 900},
            )
            page = context.pages[0]
            open_notebook(page, server, ROOT / "notebooks" / "03_reasoning_lab.ipynb")
            run_all(page)
            page.evaluate(_WATCH)
            handle = page.locator(".s400-reasoning-lab .widget-slider .noUi-handle").first
            handle.focus()
            samples = []
            for i in range(presses):
                handle.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
                page.wait_for_function("() => window.__drawnAt > 0")
                samples.append(page.evaluate("() => window.__drawnAt - window.__keyAt") / 1000)
            context.close()
    return {"key press to chart updated (browser)": median_ms(samples)}


def main() -> dict[str, float]:
    results = {**python_side(), **browser_side()}
    print("Widget latency, medians (ms):")
    for name, value in results.items():
        print(f"  {name:40s} {value:8.2f}")
    return results


if __name__ == "__main__":
    main()
