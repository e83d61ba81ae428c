"""Grading throughput: `python -m s400.grading` on 20 submissions of one exercise, against the floor of
executing the same 20 notebooks with plain `jupyter nbconvert --execute` in one process.

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


def one_run(tmp: Path) -> tuple[float, float]:
    """(grading seconds, floor seconds) for fresh copies of the same 20 submissions."""
    root = course(tmp, [ASSIGNMENT])
    answers = solved_answers(ASSIGNMENT)
    paths = [submit(root, f"student{i:02d}", ASSIGNMENT, answers) for i in range(STUDENTS)]
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
    grading = seconds(
        [sys.executable, "-m", "s400.grading", ASSIGNMENT, "--course", str(root)], root
    )
    return grading, floor


def main(runs: int) -> dict:
    grading, floor = [], []
    for run in range(runs):
        print(
            f"run {run + 1}/{runs}: grading {STUDENTS} submissions, then the nbconvert floor ...",
            flush=True,
        )
        with tempfile.TemporaryDirectory() as tmp:
            g, f = one_run(Path(tmp))
        grading.append(g)
        floor.append(f)
    g, f = statistics.median(grading), statistics.median(floor)
    print(f"\nGrading {STUDENTS} submissions of {ASSIGNMENT}, medians over {runs} runs:")
    print(
        f"  make grade (autograde, feedback, grades.csv) {g:6.1f} s   {60 * STUDENTS / g:5.1f} submissions/min"
        f"   runs: {', '.join(f'{v:.1f}' for v in grading)}"
    )
    print(
        f"  floor: nbconvert --execute, one process       {f:6.1f} s   {60 * STUDENTS / f:5.1f} submissions/min"
        f"   runs: {', '.join(f'{v:.1f}' for v in floor)}"
    )
    print(f"  ratio grading / floor: {g / f:.2f}x")
    return {"grading_s": grading, "floor_s": floor, "ratio": g / f}
