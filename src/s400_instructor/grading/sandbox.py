"""The sandbox one submission's code runs in: bubblewrap, resource limits, no new processes.

:func:`run` starts :mod:`runner` (bound alone into the sandbox) under ``bwrap`` with

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
import platform
import resource
import selectors
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RUNNER = Path(__file__).with_name("runner.py")
INSIDE = "/opt/s400-grader/runner.py"  # where the runner appears inside the sandbox
WORKDIR = "/tmp/work"
FILES = "/opt/s400-grader/submission"
NOBODY = 65534
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
    """What one submission's code may use."""

    cell_seconds: int = 30
    memory_mb: int = 2048  # address space of the process (RLIMIT_AS)
    file_mb: int = 64  # largest file it may write (RLIMIT_FSIZE)
    tmp_mb: int = 256  # its whole writable /tmp
    output_mb: int = 16  # what the grader reads back from it

    def seconds(self, code_cells: int) -> int:
        """Wall-clock and CPU seconds for a notebook of ``code_cells`` cells.

        >>> Limits(cell_seconds=30).seconds(12)
        370
        """
        return self.cell_seconds * code_cells + STARTUP_SECONDS


@dataclass(frozen=True)
class Finished:
    """How a sandboxed run ended and what it wrote (untrusted bytes, at most the output cap)."""

    stdout: bytes
    ended: str  # "exited", "timed out" or "too much output"
    status: int | None  # the exit status; negative: killed by that signal
    stderr: str  # the sandbox's own complaints (bwrap, Python start-up), trimmed


def notebook_views() -> list[Path]:
    """What a notebook needs to see: Python, the virtual environment, the s400 package, its data."""
    import s400
    from s400.data import DEFAULT_DATA_DIR

    python = Path(sys.executable).resolve().parent.parent
    paths = [Path(sys.prefix), Path(sys.base_prefix), python, DEFAULT_DATA_DIR]
    return paths + [Path(p) for p in s400.__path__]


def refusal() -> str | None:
    """Why submissions cannot be sandboxed on this machine, in one line; None when they can."""
    if shutil.which("bwrap") is None:
        return f"bubblewrap (bwrap) is not installed, so student code cannot be sandboxed: {HOW}."
    seccomp = _seccomp_fd()  # the same sandbox as for grading, running `true`
    try:
        trial = subprocess.run(
            [*_bwrap([], Path("/nonexistent/course"), None, seccomp, Limits()), "true"],
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


def _no_new_processes() -> bytes | None:
    """A seccomp filter (classic BPF) refusing fork, vfork and clone without CLONE_THREAD.

    None on processors other than x86-64 and ARM64 (the sandbox then runs without it).
    """
    arch, calls = {
        "x86_64": (0xC000003E, {"clone": 56, "fork": 57, "vfork": 58, "clone3": 435}),
        "aarch64": (0xC00000B7, {"clone": 220, "clone3": 435}),
    }.get(platform.machine(), (0, {}))
    if not arch:
        return None
    load, jeq, jge, jset, ret = 0x20, 0x15, 0x35, 0x45, 0x06
    allow, kill, eperm, enosys = 0x7FFF0000, 0x80000000, 0x00050000 | 1, 0x00050000 | 38
    # (code, jump if true, jump if false, k); jumps count instructions to skip
    program = [(load, 0, 0, 4), (jeq, 1, 0, arch), (ret, 0, 0, kill), (load, 0, 0, 0)]
    program.append((jge, 0, 1, 0x40000000))  # x32 system calls on x86-64: refuse all
    program.append((ret, 0, 0, eperm))
    program.append((jeq, 0, 1, calls["clone3"]))
    program.append((ret, 0, 0, enosys))  # the C library falls back to clone
    for name in ("fork", "vfork"):
        if name in calls:
            program += [(jeq, 0, 1, calls[name]), (ret, 0, 0, eperm)]
    clone_thread = 0x00010000
    program += [(jeq, 0, 3, calls["clone"]), (load, 0, 0, 16), (jset, 1, 0, clone_thread)]
    program += [(ret, 0, 0, eperm), (ret, 0, 0, allow)]
    return b"".join(struct.pack("=HBBI", *instruction) for instruction in program)


ENVIRONMENT = {
    "PATH": "/usr/bin:/bin",
    "HOME": "/tmp",
    "LANG": "C.UTF-8",
    "MPLBACKEND": "module://matplotlib_inline.backend_inline",  # figures as in a notebook
    "MPLCONFIGDIR": "/tmp/matplotlib",
    "IPYTHONDIR": "/tmp/ipython",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def _views(exposed: list[Path], hidden: Path) -> list[str]:
    """bwrap arguments for read-only views of /usr and ``exposed``; none may show ``hidden``."""
    args = []
    for top in ("/bin", "/lib", "/lib32", "/lib64", "/sbin"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for etc in ("/etc/ld.so.cache", "/etc/localtime"):
        args += ["--ro-bind-try", etc, etc]
    shown: list[Path] = []
    for path in [Path("/usr"), *exposed]:
        path = path.resolve()
        if hidden == path or hidden.is_relative_to(path):
            raise RuntimeError(
                f"the sandbox would show the course directory {hidden} through {path}: "
                "keep Python and the s400 package outside the course directory"
            )
        if not any(path.is_relative_to(other) for other in shown):
            shown.append(path)
            args += ["--ro-bind", str(path), str(path)]
    return args


def _seccomp_fd() -> int | None:
    """A pipe's read end holding the seccomp filter, for bwrap --seccomp (None without one)."""
    program = _no_new_processes()
    if program is None:
        return None
    read_end, write_end = os.pipe()
    os.write(write_end, program)  # a few hundred bytes: never blocks
    os.close(write_end)
    return read_end


def _bwrap(
    exposed: list[Path], hidden: Path, files: Path | None, seccomp_fd: int | None, limits: Limits
) -> list[str]:
    """The bwrap command line, up to the program: the views, namespaces and /tmp above."""
    args = [
        "bwrap",
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
    ]
    args += ["--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL"]
    args += ["--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev", *_views(exposed, hidden)]
    args += ["--size", str(limits.tmp_mb * 2**20), "--tmpfs", "/tmp"]
    args += ["--ro-bind", str(RUNNER), INSIDE]
    if files is not None:
        args += ["--ro-bind", str(files), FILES]
    if seccomp_fd is not None:
        args += ["--seccomp", str(seccomp_fd)]
    args += ["--clearenv", "--chdir", "/tmp"]
    for name, value in ENVIRONMENT.items():
        args += ["--setenv", name, value]
    return args


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

    ``exposed`` are the folders the notebook needs (read-only); ``hidden`` is the course
    directory, which no view may show; ``files`` the student's submitted folder.
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
            seccomp = _seccomp_fd()
            pass_fds = () if seccomp is None else (seccomp,)
            bwrap = _bwrap(exposed, hidden, files, seccomp, limits)
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
