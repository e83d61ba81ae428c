"""Grading throughput: `python -m s400_instructor.grading` on 20 submissions of one exercise,
against the floor of executing the same 20 notebooks with `jupyter nbconvert --execute` in one
process.

Grading runs each submission in the bubblewrap sandbox; it also runs once with
`--unsafe-no-sandbox` (the same runner and checks, no bubblewrap), so the difference, divided by
the submissions, is what the sandbox itself costs per submission.
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


def one_run(tmp: Path) -> tuple[float, float, float]:
    """(sandboxed, unsandboxed, floor) seconds for fresh copies of the same 20 submissions."""
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
    sandboxed = seconds([*grading, "--regrade"], root)
    unsandboxed = seconds([*grading, "--regrade", "--unsafe-no-sandbox"], root)
    return sandboxed, unsandboxed, floor


def main(runs: int) -> dict:
    times: dict[str, list[float]] = {"grading_s": [], "unsandboxed_s": [], "floor_s": []}
    for run in range(runs):
        print(
            f"run {run + 1}/{runs}: {STUDENTS} submissions through the nbconvert floor, "
            "make grade, make grade without the sandbox ...",
            flush=True,
        )
        with tempfile.TemporaryDirectory() as tmp:
            for name, value in zip(times, one_run(Path(tmp)), strict=True):
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
    overhead = (g - u) / STUDENTS
    print(f"  ratio grading / floor: {g / f:.2f}x")
    print(f"  sandbox overhead per submission: {1000 * overhead:.0f} ms")
    return {**times, "ratio": g / f, "sandbox_overhead_per_submission_s": overhead}
