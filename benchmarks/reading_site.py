"""The reading site: seconds for `python site/build.py` (the command `make site` runs; the widget
renderer already fetched), and the size of what it builds.

Medians over BENCH_RUNS runs, of wall-clock and of CPU seconds (the machine is shared: CPU time
moves less with the load); the size in MB and files, and the share of the widget renderer
(site/vendor.py) and of the pictures in it.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def megabytes(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def cpu_seconds() -> float:
    """User and system time of the child processes that have ended so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(runs: int) -> dict:
    build = [sys.executable, str(ROOT / "site" / "build.py")]
    subprocess.run([sys.executable, str(ROOT / "site" / "vendor.py")], check=True)
    times, cpu = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        for run in range(runs):
            print(f"run {run + 1}/{runs}: reading site ...", flush=True)
            start, used = time.perf_counter(), cpu_seconds()
            subprocess.run([*build, str(out)], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            cpu.append(cpu_seconds() - used)
        report = {
            "build_s": statistics.median(times),
            "runs_s": times,
            "build_cpu_s": statistics.median(cpu),
            "size_mb": megabytes(out),
            "files": sum(1 for f in out.rglob("*") if f.is_file()),
            "widget_renderer_mb": megabytes(out / "_static" / "widgets"),
            "pictures_mb": megabytes(out / "_images"),
        }
    print(
        f"\nReading site: built in {report['build_s']:.1f} s, {report['build_cpu_s']:.1f} s of CPU "
        f"(medians of {runs}); "
        f"{report['size_mb']:.1f} MB in {report['files']} files, of which the widget renderer "
        f"{report['widget_renderer_mb']:.1f} MB and pictures {report['pictures_mb']:.1f} MB"
    )
    return report


if __name__ == "__main__":
    main(3)
