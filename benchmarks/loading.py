"""Loading the data package: the real one (every notebook pays it), and one with a 50 MB table.

Each figure comes from a fresh Python process (the imports paid first): the median time of several
loads, on the clock and in CPU time (steadier on a busy machine); the peak of the memory Python
allocates during one load (tracemalloc, in a load of its own); and how far the process's peak
resident memory rose during the first load (zero when the load fits in memory the imports had
already taken). Run through `make bench BENCH=loading`; `python benchmarks/loading.py` prints the
same figures.
"""

from __future__ import annotations

import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The big table's size in megabytes.
BIG_MB = 50

# Runs in the child process: argv = [data folder, repeats]; prints JSON.
_CHILD = """
import json, resource, sys, time, tracemalloc
from s400.data import load
folder, repeats = sys.argv[1], int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times, cpu = [], []
for run in range(repeats):
    start, start_cpu = time.perf_counter(), time.process_time()
    data = load(folder)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
    if run == 0:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    del data
tracemalloc.start()
load(folder)
traced = tracemalloc.get_traced_memory()[1]
print(json.dumps({"times_s": times, "cpu_s": cpu, "traced_mb": traced / 2**20,
                  "rss_mb": rss / 1024}))
"""


def big_package(folder: Path, megabytes: int = BIG_MB) -> Path:
    """A valid copy of data/ whose figures.csv is about ``megabytes`` MB: the real rows again and
    again, each copy with its own ids (``s400_price_000001``, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    for item in (ROOT / "data").iterdir():
        if item.suffix in {".csv", ".json"}:
            shutil.copy(item, folder / item.name)
    with (ROOT / "data" / "figures.csv").open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    with (folder / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)  # the real ids stay: other tables cite them
        copy = 0
        while handle.tell() < megabytes * 1_000_000:
            copy += 1
            writer.writerows([[f"{row[0]}_{copy:06d}", *row[1:]] for row in rows])
    return folder


def measure(folder: Path, repeats: int) -> dict:
    """Load ``folder`` in a fresh process: median seconds of ``repeats`` loads, peak megabytes."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(result.stdout)
    return {
        "median_s": statistics.median(figures["times_s"]),
        "median_cpu_s": statistics.median(figures["cpu_s"]),
        "peak_traced_mb": figures["traced_mb"],
        "peak_rss_rise_mb": figures["rss_mb"],
    }


def main(runs: int = 3) -> dict[str, dict]:
    """Figures for the real package and for one with a 50 MB table, printed and returned."""
    results = {"real package": measure(ROOT / "data", 20 * runs)}
    with tempfile.TemporaryDirectory() as tmp:
        big = big_package(Path(tmp) / "data")
        size = (big / "figures.csv").stat().st_size / 1e6
        results[f"{size:.0f} MB figures.csv"] = measure(big, runs)
    print("\nLoading the data package: median time and CPU time, peak traced memory, RSS rise")
    for name, f in results.items():
        print(
            f"  {name:20s} {f['median_s']:8.3f} s {f['median_cpu_s']:8.3f} s CPU "
            f"{f['peak_traced_mb']:8.1f} MB {f['peak_rss_rise_mb']:6.0f} MB"
        )
    return results


if __name__ == "__main__":
    main()
