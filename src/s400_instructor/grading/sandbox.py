"""The sandbox one submission's code runs in: bubblewrap, resource limits, no new processes.

:func:`run` starts :mod:`runner` (bound alone into the sandbox) under ``bwrap`` (its command
line: :mod:`.bwrap`) with

- a read-only view of only what a notebook needs: the system's libraries (/usr), the Python
  installation and virtual environment, the ``s400`` package and its data; nothing of the course
  directory (solutions, gradebook, submissions, autograded notebooks) and no home directory;
- a private, size-limited /tmp, which is also the working folder (the student's submitted files
  are copied in by the runner); no network (a new network namespace with only loopback); new
  pid, ipc, uts and user namespaces, running as ``nobody`` (uid 65534) with no capabilities;
- limits (:class:`Limits`): address space, CPU seconds, file size, a wall-clock deadline, the
  bytes read back; and a seccomp filter that refuses to create processes (threads are allowed),
  so no fork bomb, no helper process and nothing that outlives the run.

``unsafe=True`` runs the same runner without bubblewrap (rlimits only): the answers are still
checked outside, but the student's code sees and can change everything the grader can.
"""

from __future__ import annotations

import json
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from s400_instructor.grading.bwrap import (
    ENVIRONMENT,
    FILES,
    INSIDE,
    RUNNER,
    WORKDIR,
    command,
    seccomp_pipe,
)

PYTHON = os.path.abspath(sys.executable)  # no "..": the sandbox has only the folders it is shown
STARTUP_SECONDS = 10  # wall and CPU time allowed on top of the per-cell limits (Python's start)
GRACE_SECONDS = 5  # how long past a cell's limit the grader waits for the runner to report

HOW = (
    "grade on Linux with bubblewrap 0.8 or newer (Debian/Ubuntu: sudo apt-get install "
    "bubblewrap), on a JupyterHub, or in a Linux container; or, knowing that student code then "
    "runs with your rights, pass UNSAFE_NO_SANDBOX=1 (--unsafe-no-sandbox)"
)


@dataclass(frozen=True)
class Limits:
    """What one submission's code may use.

    Parameters
    ----------
    cell_seconds : int, default 30
        Wall-clock and CPU seconds per code cell.
    memory_mb, file_mb, tmp_mb, output_mb : int, optional
        MiB of address space (RLIMIT_AS, 2048), of the largest file it may write (RLIMIT_FSIZE,
        64), of its whole writable /tmp (256) and of what the grader reads back from it (16).

    Examples
    --------
    >>> Limits(memory_mb=1024).tmp_mb  # the others keep their defaults
    256
    """

    cell_seconds: int = 30
    memory_mb: int = 2048  # address space of the process (RLIMIT_AS)
    file_mb: int = 64  # largest file it may write (RLIMIT_FSIZE)
    tmp_mb: int = 256  # its whole writable /tmp
    output_mb: int = 16  # what the grader reads back from it

    def seconds(self, code_cells: int) -> int:
        """Wall-clock and CPU seconds for a notebook of ``code_cells`` cells.

        Parameters
        ----------
        code_cells : int
            How many code cells the job runs.

        Returns
        -------
        int
            ``cell_seconds`` per cell, and STARTUP_SECONDS (10) for Python's start.

        Examples
        --------
        >>> Limits(cell_seconds=30).seconds(12)  # 30 x 12 + 10
        370
        """
        return self.cell_seconds * code_cells + STARTUP_SECONDS


@dataclass(frozen=True)
class Finished:
    """How a sandboxed run ended and what it wrote (untrusted bytes, at most the output cap).

    Parameters
    ----------
    stdout : bytes
        What the runner wrote: its JSON lines, or whatever the student's code put there.
    ended : str
        ``"exited"``, ``"timed out"`` or ``"too much output"`` (the last two: killed).
    status : int or None
        The exit status; negative: killed by that signal.
    stderr : str
        The sandbox's own complaints (bwrap, Python's start-up): their last 8 KiB at most.

    Examples
    --------
    >>> Finished(b"", "timed out", -9, "").status == -signal.SIGKILL  # stopped from outside
    True
    """

    stdout: bytes
    ended: str  # "exited", "timed out" or "too much output"
    status: int | None  # the exit status; negative: killed by that signal
    stderr: str  # the sandbox's own complaints (bwrap, Python start-up), trimmed


def notebook_views() -> list[Path]:
    """What a notebook needs to see: Python, the virtual environment, the s400 package, its data.

    Returns
    -------
    list of Path
        The folders to show read-only: ``sys.prefix``, ``sys.base_prefix``, the folder Python
        is installed in, the data folder and the s400 package's folders.

    Examples
    --------
    >>> import s400
    >>> views = notebook_views()
    >>> Path(sys.prefix) in views, Path(s400.__path__[0]) in views
    (True, True)
    """
    import s400
    from s400.data import DEFAULT_DATA_DIR

    python = Path(sys.executable).resolve().parent.parent
    paths = [Path(sys.prefix), Path(sys.base_prefix), python, DEFAULT_DATA_DIR]
    return paths + [Path(p) for p in s400.__path__]


def refusal() -> str | None:
    """Why submissions cannot be sandboxed on this machine, in one line; None when they can.

    Returns
    -------
    str or None
        What is missing or failed, and what to do about it (:data:`HOW`).

    Examples
    --------
    Where bwrap is not on the PATH:

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"PATH": "/nonexistent"}):
    ...     print(refusal().split(":")[0])
    bubblewrap (bwrap) is not installed, so student code cannot be sandboxed
    """
    if shutil.which("bwrap") is None:
        return f"bubblewrap (bwrap) is not installed, so student code cannot be sandboxed: {HOW}."
    seccomp = seccomp_pipe()  # the same sandbox as for grading, running `true`
    try:
        trial = subprocess.run(
            [*command([], Path("/nonexistent/course"), None, seccomp, Limits().tmp_mb), "true"],
            capture_output=True,
            text=True,
            timeout=30,
            pass_fds=() if seccomp is None else (seccomp,),
        )
    finally:
        if seccomp is not None:
            os.close(seccomp)
    if trial.returncode != 0:
        why = (trial.stderr.strip().splitlines() or ["it failed"])[-1]
        return f"bubblewrap cannot create a sandbox here ({why}): {HOW}."
    return None


def _limit(seconds: int, limits: Limits, strict: bool) -> Callable[[], None]:
    """Set the rlimits in the child before it starts bwrap (they carry over to the runner).

    Not ``strict`` (unsafe mode, perhaps on macOS, which refuses some), a limit that cannot be
    set is skipped.
    """
    memory, size = limits.memory_mb * 2**20, limits.file_mb * 2**20
    wanted = [
        (resource.RLIMIT_AS, memory, memory),
        (resource.RLIMIT_CPU, seconds, seconds + 5),  # then SIGXCPU, then SIGKILL
        (resource.RLIMIT_FSIZE, size, size),
        (resource.RLIMIT_CORE, 0, 0),
    ]

    def apply() -> None:
        for kind, soft, hard in wanted:
            try:
                resource.setrlimit(kind, (soft, hard))
            except (ValueError, OSError):
                if strict:
                    raise

    return apply


def run(
    job: dict,
    exposed: list[Path],
    hidden: Path,
    files: Path | None,
    limits: Limits,
    unsafe: bool = False,
) -> Finished:
    """Run ``job`` (see :mod:`runner`) in the sandbox; wait for it, its deadline or its output cap.

    Parameters
    ----------
    job : dict
        ``{"cells": [...], "timeout": seconds per cell, "caps": {...}}``; the folders are added.
    exposed : list of Path
        The folders the notebook needs, shown read-only (:func:`notebook_views`).
    hidden : Path
        The course directory, which no view may show.
    files : Path or None
        The student's submitted folder, which the runner copies into its working folder.
    limits : Limits
        What the code may use.
    unsafe : bool, default False
        Run without bubblewrap (rlimits only): the code sees all that the grader sees.

    Returns
    -------
    Finished
        How the run ended and what it wrote.

    Raises
    ------
    RuntimeError
        If a view would show ``hidden``.

    Examples
    --------
    Without bubblewrap (as ``--unsafe-no-sandbox`` grades): a cell runs, then its answer is read.

    >>> import tempfile
    >>> from s400_instructor.grading.extraction import CAPS
    >>> job = {"cells": [{"code": "x = 6 * 7"}, {"extract": ["x"]}], "timeout": 30, "caps": CAPS}
    >>> finished = run(job, [], Path(tempfile.mkdtemp()), None, Limits(), unsafe=True)
    >>> finished.ended, finished.status
    ('exited', 0)
    >>> print(finished.stdout.decode(), end="")
    {"cell": 0, "count": 1, "outputs": []}
    {"cell": 1, "answers": {"x": {"value": 42}}}
    {"end": "complete"}
    """
    seconds = limits.seconds(sum("code" in cell for cell in job["cells"]))
    with (
        tempfile.TemporaryDirectory(prefix="s400-grading-") as scratch,
        tempfile.TemporaryFile() as stdin,
    ):
        pass_fds: tuple[int, ...] = ()
        if unsafe:
            job = {**job, "workdir": f"{scratch}/work", "files": str(files) if files else None}
            argv = [PYTHON, "-I", "-B", str(RUNNER)]
            env = {**ENVIRONMENT, "PATH": os.environ.get("PATH", ""), "HOME": scratch}
            env |= {"MPLCONFIGDIR": f"{scratch}/mpl", "IPYTHONDIR": f"{scratch}/ipython"}
        else:
            job = {**job, "workdir": WORKDIR, "files": FILES if files else None}
            seccomp = seccomp_pipe()
            pass_fds = () if seccomp is None else (seccomp,)
            bwrap = command(exposed, hidden, files, seccomp, limits.tmp_mb)
            argv = [*bwrap, PYTHON, "-I", "-B", INSIDE]
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        stdin.write(json.dumps(job).encode())
        stdin.seek(0)
        try:
            process = subprocess.Popen(
                argv,
                stdin=stdin,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                pass_fds=pass_fds,
                start_new_session=True,
                preexec_fn=_limit(seconds, limits, strict=not unsafe),
            )
        finally:
            for fd in pass_fds:
                os.close(fd)
        return _collect(process, seconds, limits)


def _collect(process: subprocess.Popen, seconds: int, limits: Limits) -> Finished:
    """Read stdout (up to the output cap) and stderr until the process ends or must be killed.

    It must end within ``seconds`` in all, and report each cell (a line) within a cell's limit
    of the last one: a cell that defeats the runner's own timer is stopped from outside.
    """
    assert process.stdout is not None and process.stderr is not None
    out, err = bytearray(), bytearray()
    cap, ended = limits.output_mb * 2**20, "exited"
    start = time.monotonic()
    progress = start + STARTUP_SECONDS
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ, out)
        selector.register(process.stderr, selectors.EVENT_READ, err)
        while selector.get_map():
            now = time.monotonic()
            deadline = min(start + seconds, progress + limits.cell_seconds + GRACE_SECONDS)
            if now >= deadline:
                ended = "timed out"
                break
            for key, _ in selector.select(timeout=min(deadline - now, 1.0)):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                if key.data is out and b"\n" in chunk:
                    progress = time.monotonic()
                key.data.extend(chunk)
                del err[: max(0, len(err) - 8192)]
            if len(out) > cap:
                ended = "too much output"
                del out[cap:]
                break
    if ended != "exited":
        os.killpg(process.pid, signal.SIGKILL)
    process.stdout.close()
    process.stderr.close()
    status = process.wait()
    return Finished(bytes(out), ended, status, err.decode(errors="replace").strip())
