"""Widget latency: every widget's callback on the Python side, the sensitivity run, and a key
press to the picture redrawn in real JupyterLab (the reasoning lab's slider, the network
explorer's and the channel cutter's check boxes).

Medians in milliseconds. Run through `make bench BENCH=latency` (or `python benchmarks/run.py
latency`).
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from s400.data import load
from s400.network import effect_graph
from s400.reasoning import Lab
from s400.reasoning.sensitivity import monte_carlo, tornado
from s400.widgets import (
    BeliefUpdater,
    ChannelCutter,
    ClaimExplorer,
    ForecastQuiz,
    LeverageMap,
    NetworkExplorer,
    ReasoningLab,
    SensitivityPanel,
    path_demo,
)
from s400_testing.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    lab_args,
    open_notebook,
    run_all,
    running_server,
)

ROOT = Path(__file__).resolve().parents[1]


def median_ms(action: Callable[[int], object], repeat: int) -> float:
    """The median time of ``action(i)`` over ``repeat`` calls, in milliseconds."""
    samples = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        samples.append(time.perf_counter() - start)
    return 1000 * statistics.median(samples)


def python_side() -> dict[str, float]:
    """Each widget's callback, as a student's move triggers it (the value set, the sync
    messages built; no browser)."""
    data = load()
    lab = Lab(data)
    app = ReasoningLab(lab)
    panel = SensitivityPanel(app)
    explorer, cutter, claims = NetworkExplorer(data), ChannelCutter(data), ClaimExplorer(data)
    beliefs, leverage, quiz = BeliefUpdater(data), LeverageMap(data), ForecastQuiz(data)
    quiz.reveal.click()  # from then on every slider move rescores
    demo = path_demo(effect_graph(data), ["buy_s400", "us_relations", "economy"])
    move = app.sliders["magnitude.air_defence"]
    cases: dict[str, tuple[Callable[[int], object], int]] = {
        "00 path demo: slider": (
            lambda i: setattr(demo.children[0], "value", 0.5 + i % 2 / 10),
            200,
        ),
        "01 claim explorer: speaker": (
            lambda i: setattr(claims.speaker, "value", ["NATO", "any"][i % 2]),
            50,
        ),
        "02 network explorer: layer box": (
            lambda i: setattr(explorer.layer_boxes[0], "value", bool(i % 2)),
            20,
        ),
        "02 network explorer: edge picker": (
            lambda i: setattr(explorer.picker, "value", ["E06", "E01"][i % 2]),
            20,
        ),
        "03 reasoning lab: slider": (lambda i: setattr(move, "value", 5.0 + i % 2), 200),
        "03 reasoning lab: preset": (
            lambda i: setattr(app.preset, "value", ["ankara", "author"][i % 2]),
            50,
        ),
        "03 sensitivity: run (100,000 worlds)": (lambda i: panel.run.click(), 5),
        "03   of which Monte Carlo": (lambda i: monte_carlo(lab, app.scenario(), seed=i), 10),
        "03   of which tornado": (lambda i: tornado(lab, app.scenario()), 10),
        "04 channel cutter: layer box": (
            lambda i: setattr(cutter.layer_boxes["political"], "value", bool(i % 2)),
            20,
        ),
        "05 belief updater: move box": (
            lambda i: setattr(beliefs.rows["M01"][0], "value", bool(i % 2)),
            50,
        ),
        "06 leverage map: clamp": (
            lambda i: setattr(leverage.clamps["nato_trust"], "value", not i % 2),
            50,
        ),
        "07 forecast quiz: slider": (
            lambda i: setattr(quiz.sliders["PR01"], "value", 0.5 + i % 2 / 10),
            50,
        ),
    }
    results = {name: median_ms(action, repeat) for name, (action, repeat) in cases.items()}
    results["03 sensitivity: run to its result line"] = until_summary(panel)
    return results


def until_summary(panel: SensitivityPanel, repeat: int = 5) -> float:
    """From the click to the sentence with the share (the pictures follow it), in ms."""
    shown: list[float] = []
    panel.summary.observe(lambda _change: shown.append(time.perf_counter()), "value")
    samples = []
    for _ in range(repeat):
        shown.clear()
        start = time.perf_counter()
        panel.run.click()
        samples.append(shown[1] - start)  # [0] is "Running…"
    return 1000 * statistics.median(samples)


# Times, inside the page, from a key press to the next change under `selector`.
_WATCH = """selector => {
  window.__keyAt = 0; window.__drawnAt = 0;
  document.addEventListener('keydown', () => {
    window.__keyAt = performance.now(); window.__drawnAt = 0;
  }, true);
  new MutationObserver(() => { if (!window.__drawnAt) window.__drawnAt = performance.now(); })
    .observe(document.querySelector(selector),
             {subtree: true, childList: true, characterData: true, attributes: true});
}"""

# notebook, control to focus, key that toggles it, what redraws
BROWSER_CASES = {
    "03 reasoning lab: arrow key to chart": (
        "03_reasoning_lab.ipynb",
        ".s400-reasoning-lab .widget-slider .noUi-handle",
        ("ArrowRight", "ArrowLeft"),
        ".s400-chart",
    ),
    "02 network explorer: space to picture": (
        "02_influence_network.ipynb",
        ".s400-network-explorer input[type=checkbox]",
        ("Space", "Space"),
        ".s400-network-picture, .s400-network-explorer .widget-image",  # SVG now, a PNG before
    ),
    "04 channel cutter: space to picture": (
        "04_alternative_channels.ipynb",
        ".s400-channel-cutter input[type=checkbox]",
        ("Space", "Space"),
        ".s400-channel-picture, .s400-channel-cutter .widget-image",
    ),
}


def key_to_redraw(
    page: Page, control: str, keys: tuple[str, str], redrawn: str, presses: int
) -> float:
    page.evaluate(_WATCH, redrawn)
    page.locator(control).first.focus()
    samples = []
    for i in range(presses):
        page.keyboard.press(keys[i % 2])
        page.wait_for_function("() => window.__drawnAt > 0")
        page.wait_for_timeout(200)  # let the rest of the update land before the next press
        samples.append(page.evaluate("() => window.__drawnAt - window.__keyAt"))
    return statistics.median(samples)


def browser_side(presses: int = 20) -> dict[str, float]:
    """A key press to the picture changing, in real JupyterLab in headless Chromium."""
    if not CHROMIUM.exists():
        return {}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        port, token = free_port(), secrets.token_hex(16)
        cmd = [sys.executable, "-m", "jupyterlab", f"--port={port}", *lab_args(token)]
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
            for name, (notebook, control, keys, redrawn) in BROWSER_CASES.items():
                open_notebook(page, server, ROOT / "notebooks" / notebook)
                run_all(page)
                # The first <div> under the selector that exists holds the picture.
                target = page.evaluate(
                    "sel => sel.split(', ').find(s => document.querySelector(s))", redrawn
                )
                results[name] = key_to_redraw(page, control, keys, target, presses)
            context.close()
    return results


def main() -> dict[str, float]:
    print("Widget latency, medians (ms):")
    results = {}
    for side in (python_side, browser_side):
        for name, value in side().items():
            print(f"  {name:45s} {value:8.2f}", flush=True)
            results[name] = value
    return results


if __name__ == "__main__":
    main()
