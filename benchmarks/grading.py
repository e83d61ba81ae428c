"""Grading throughput: `python -m s400_instructor.grading` on 20 submissions of one exercise,
against the floor of executing the same 20 notebooks with `jupyter nbconvert --execute` in one
process.

Grading runs each submission in the bubblewrap sandbox; the same batch also runs with
`--unsafe-no-sandbox` (the same runner and checks, no bubblewrap). What the sandbox itself costs
per submission is measured apart, with less noise: a one-cell job run by the runner with and
without bubblewrap, in turn, and the median of the paired differences.
Medians over BENCH_RUNS runs; submissions per minute and the ratio grading / floor.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the tests' own submission builder, not a copy of it

from submissions import course, solved_answers, submit  # noqa: E402

ASSIGNMENT = "ex02_network"
STUDENTS = 20


def seconds(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def one_run(tmp: Path, sandbox_first: bool) -> tuple[float, float, float]:
    """(sandboxed, unsandboxed, floor) seconds for fresh copies of the same 20 submissions.

    The first batch also creates the gradebook, so the two take turns at going first.
    """
    root = course(tmp, [ASSIGNMENT])
    answers = solved_answers(ASSIGNMENT)
    paths = [submit(root, f"student{i:02d}", ASSIGNMENT, answers) for i in range(STUDENTS)]
    grading = [sys.executable, "-m", "s400_instructor.grading", ASSIGNMENT, "--course", str(root)]
    floor_dir = tmp / "floor"
    floor_dir.mkdir()
    copies = []
    for path in paths:  # one file name per submission, as nbconvert writes by name
        copy = floor_dir / f"{path.parents[1].name}.ipynb"
        copy.write_bytes(path.read_bytes())
        copies.append(str(copy))
    floor = seconds(
        [
            sys.executable,
            "-m",
            "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=30",
            "--output-dir",
            str(floor_dir / "out"),
            *copies,
        ],
        floor_dir,
    )
    batches = {
        "sandboxed": [*grading, "--regrade"],
        "unsafe": [*grading, "--regrade", "--unsafe-no-sandbox"],
    }
    order = list(batches) if sandbox_first else list(reversed(batches))
    took = {name: seconds(batches[name], root) for name in order}
    return took["sandboxed"], took["unsafe"], floor


def sandbox_overhead(repeats: int = 30) -> tuple[list[float], list[float]]:
    """Seconds bubblewrap adds to one run of the runner (a one-cell job), pair by pair; and
    seconds to start an empty sandbox (the same bwrap command running `true`)."""
    from s400_instructor.grading import sandbox
    from s400_instructor.grading.extraction import CAPS

    job = {"cells": [{"code": "answer = 1"}, {"extract": ["answer"]}], "timeout": 30, "caps": CAPS}
    views, limits = sandbox.notebook_views(), sandbox.Limits()

    def one(unsafe: bool) -> float:
        start = time.perf_counter()
        finished = sandbox.run(job, views, ROOT, None, limits, unsafe=unsafe)
        assert finished.stdout.endswith(b'{"end": "complete"}\n'), finished
        return time.perf_counter() - start

    def empty() -> float:
        start = time.perf_counter()
        assert sandbox.refusal() is None
        return time.perf_counter() - start

    paired = [one(unsafe=False) - one(unsafe=True) for _ in range(repeats)]
    return paired, [empty() for _ in range(repeats)]


def main(runs: int) -> dict:
    times: dict[str, list[float]] = {"grading_s": [], "unsandboxed_s": [], "floor_s": []}
    for run in range(runs):
        print(
            f"run {run + 1}/{runs}: {STUDENTS} submissions through the nbconvert floor, "
            "make grade, make grade without the sandbox ...",
            flush=True,
        )
        with tempfile.TemporaryDirectory() as tmp:
            for name, value in zip(times, one_run(Path(tmp), run % 2 == 0), strict=True):
                times[name].append(value)
    g, u, f = (statistics.median(times[name]) for name in times)
    print(f"\nGrading {STUDENTS} submissions of {ASSIGNMENT}, medians over {runs} runs:")
    for label, name, value in [
        ("make grade (sandboxed; feedback, grades.csv)", "grading_s", g),
        ("the same without the sandbox (unsafe)", "unsandboxed_s", u),
        ("floor: nbconvert --execute, one process", "floor_s", f),
    ]:
        print(
            f"  {label:46s} {value:6.1f} s   {60 * STUDENTS / value:5.1f} submissions/min"
            f"   runs: {', '.join(f'{v:.1f}' for v in times[name])}"
        )
    ratios = [a / b for a, b in zip(times["grading_s"], times["floor_s"], strict=True)]
    print(
        f"  ratio grading / floor: {g / f:.2f}x (of the medians; run by run: "
        f"{', '.join(f'{r:.2f}' for r in ratios)})"
    )
    overhead, empty = sandbox_overhead()
    print(
        f"  sandbox overhead per submission: {1000 * statistics.median(overhead):.0f} ms "
        f"(median of {len(overhead)} paired one-cell runs with and without it; "
        f"{1000 * min(overhead):.0f} to {1000 * max(overhead):.0f} ms); an empty sandbox "
        f"starts and ends in {1000 * statistics.median(empty):.0f} ms"
    )
    return {**times, "ratio": g / f, "ratios_by_run": ratios, "sandbox_overhead_s": overhead}
