"""The bubblewrap command line the sandbox (:mod:`.sandbox`) starts the runner with.

Read-only views of only what a notebook needs, none of which may show the course directory; new
namespaces, running as ``nobody`` with no capabilities; a private, size-limited /tmp; the runner
and its answers module bound alone; a clean environment; and a seccomp filter that refuses to
create processes.
"""

from __future__ import annotations

import os
import platform
import struct
from pathlib import Path

RUNNER = Path(__file__).with_name("runner.py")
INSIDE = "/opt/s400-grader/runner.py"  # where the runner appears inside the sandbox
ANSWERS = RUNNER.with_name("answers.py")  # the runner imports it from beside itself
WORKDIR = "/tmp/work"
FILES = "/opt/s400-grader/submission"
NOBODY = 65534

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


def no_new_processes() -> bytes | None:
    """A seccomp filter (classic BPF) refusing fork, vfork and clone without CLONE_THREAD.

    Returns
    -------
    bytes or None
        The program, 8 bytes an instruction; None on processors other than x86-64 and ARM64
        (the sandbox then runs without it).

    Examples
    --------
    On x86-64, 17 instructions: 4 to check the architecture and load the call's number, 2 to
    refuse x32 calls, 2 for clone3, 2 each for fork and vfork, 5 for clone (ARM64 has no fork
    or vfork call: 13).

    >>> program = no_new_processes()
    >>> instructions = {"x86_64": 17, "aarch64": 13}.get(platform.machine())
    >>> program is None if instructions is None else len(program) == 8 * instructions
    True
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


def views(exposed: list[Path], hidden: Path) -> list[str]:
    """bwrap arguments for read-only views of /usr and ``exposed``; none may show ``hidden``.

    Parameters
    ----------
    exposed : list of Path
        The folders the notebook needs, besides the system's libraries.
    hidden : Path
        The course directory.

    Returns
    -------
    list of str
        ``--ro-bind`` (or ``--symlink``) arguments; a folder inside one already shown is not
        bound again.

    Raises
    ------
    RuntimeError
        If a view would show ``hidden`` (it is inside a folder to show, or is one).

    Examples
    --------
    /usr/lib is inside /usr, which is always shown, so /usr is the last view; a folder that
    holds the course directory is refused.

    >>> views([Path("/usr/lib")], hidden=Path("/srv/course"))[-3:]
    ['--ro-bind', '/usr', '/usr']
    >>> views([Path("/srv")], hidden=Path("/srv/course"))
    Traceback (most recent call last):
    ...
    RuntimeError: the sandbox would show the course directory /srv/course through /srv: keep \
Python and the s400 package outside the course directory
    """
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


def seccomp_pipe() -> int | None:
    """A pipe's read end holding the seccomp filter, for bwrap --seccomp (None without one).

    Returns
    -------
    int or None
        The file descriptor, to pass to bwrap and close after; None where there is no filter
        (see :func:`no_new_processes`).

    Examples
    --------
    The pipe holds the program of :func:`no_new_processes`, to be read once.

    >>> fd = seccomp_pipe()
    >>> (os.read(fd, 4096) if fd is not None else None) == no_new_processes()
    True
    >>> if fd is not None:
    ...     os.close(fd)
    """
    program = no_new_processes()
    if program is None:
        return None
    read_end, write_end = os.pipe()
    os.write(write_end, program)  # a few hundred bytes: never blocks
    os.close(write_end)
    return read_end


def command(
    exposed: list[Path], hidden: Path, files: Path | None, seccomp_fd: int | None, tmp_mb: int
) -> list[str]:
    """The bwrap command line, up to the program: the views, namespaces and /tmp above.

    Parameters
    ----------
    exposed : list of Path
        The folders the notebook needs, shown read-only (see :func:`views`).
    hidden : Path
        The course directory, which no view may show.
    files : Path or None
        The student's submitted folder, shown read-only at :data:`FILES`.
    seccomp_fd : int or None
        The file descriptor of the seccomp filter (:func:`seccomp_pipe`).
    tmp_mb : int
        The size of the private /tmp, in MiB.

    Returns
    -------
    list of str
        ``bwrap`` and its arguments; the program to run comes after.

    Raises
    ------
    RuntimeError
        If a view would show ``hidden``.

    Examples
    --------
    A /tmp of 256 MiB is 256 x 2**20 = 268435456 bytes; the code runs as ``nobody``.

    >>> argv = command([], Path("/srv/course"), None, None, tmp_mb=256)
    >>> argv[:2], argv[argv.index("--size") + 1], argv[argv.index("--uid") + 1]
    (['bwrap', '--unshare-all'], '268435456', '65534')
    >>> "--seccomp" in argv, argv[argv.index(str(RUNNER)) + 1]
    (False, '/opt/s400-grader/runner.py')
    """
    args = [
        "bwrap",
        "--unshare-all",
        "--unshare-user",
        "--disable-userns",
        "--die-with-parent",
        "--new-session",
    ]
    args += ["--uid", str(NOBODY), "--gid", str(NOBODY), "--cap-drop", "ALL"]
    args += ["--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev"]
    # /tmp before the views: a Python or venv that lives under /tmp stays visible on top of it
    args += ["--size", str(tmp_mb * 2**20), "--tmpfs", "/tmp", *views(exposed, hidden)]
    args += ["--ro-bind", str(RUNNER), INSIDE]
    args += ["--ro-bind", str(ANSWERS), str(Path(INSIDE).with_name(ANSWERS.name))]
    if files is not None:
        args += ["--ro-bind", str(files), FILES]
    if seccomp_fd is not None:
        args += ["--seccomp", str(seccomp_fd)]
    args += ["--clearenv", "--chdir", "/tmp"]
    for name, value in ENVIRONMENT.items():
        args += ["--setenv", name, value]
    return args
