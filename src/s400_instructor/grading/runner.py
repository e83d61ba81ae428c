"""Run a student's notebook code inside the grading sandbox and report its answers as plain data.

The grader (:mod:`s400_instructor.grading.sandbox`) starts ``python -I runner.py`` inside
bubblewrap, with this file and :mod:`.answers` bound alone into the sandbox: they import only the
standard library and IPython. It reads one job, JSON, on stdin::

    {"cells": [{"code": "..."}, {"extract": ["answer_q1"]}, ...], "timeout": 30,
     "files": "/submission", "workdir": "/tmp/work", "caps": {...}}

and runs the code cells in order in one IPython shell, as a kernel would; at each ``extract`` (a
check cell's place) it reads the named variables as plain data (:func:`.answers.plain`). Each
event is one JSON line on its stdout, written as it happens, so a process that dies keeps what
came before::

    {"cell": 0, "count": 1, "outputs": [...]}
    {"cell": 1, "answers": {"answer_q1": {"value": 13}}}
    {"end": "complete"}

Nothing here is trusted by the grader: the student's code runs in this very process and can
rewrite any of it, which changes nothing but what this one submission reports as its own answers.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import sys
from typing import Any

if __package__:  # imported from the package: tests and documentation
    from .answers import extract
else:  # run as a script, in the sandbox or not: answers.py is bound beside this file
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from answers import extract  # type: ignore[import-not-found,no-redef]


class Outputs:
    """The outputs of the cell running now, as nbformat dicts, within the job's size caps.

    Parameters
    ----------
    cell_chars : int
        How many characters of output one cell may have.
    total_chars : int
        How many in all the cells of the run.

    Examples
    --------
    Past a cap, one note on stderr, and nothing more from that cell.

    >>> outputs = Outputs(cell_chars=5, total_chars=100)
    >>> outputs.stream("stdout", "hello")
    >>> outputs.stream("stdout", "!")
    >>> [item["text"] for item in outputs.items]
    ['hello', '\\n[output cut: too long]\\n']
    """

    CUT = "\n[output cut: too long]\n"

    def __init__(self, cell_chars: int, total_chars: int) -> None:
        self.cell_chars, self.total_left = cell_chars, total_chars
        self.items: list[dict[str, Any]] = []
        self.used, self.cut = 0, False

    def start(self) -> None:
        """Begin a new cell: no outputs yet, and the cell's cap counts from zero again.

        Examples
        --------
        >>> outputs = Outputs(cell_chars=5, total_chars=100)
        >>> outputs.stream("stdout", "hello")
        >>> outputs.start()
        >>> outputs.items, outputs.used
        ([], 0)
        """
        self.items, self.used, self.cut = [], 0, False

    def _room(self, size: int) -> bool:
        """Whether ``size`` more characters fit; past the caps, one note and nothing more."""
        if not self.cut and (self.used + size > self.cell_chars or size > self.total_left):
            self.cut = True
            self.items.append({"output_type": "stream", "name": "stderr", "text": self.CUT})
        if self.cut:
            return False
        self.used += size
        self.total_left -= size
        return True

    def stream(self, name: str, text: str) -> None:
        """Add printed text, to the last output if it is the same stream, within the caps.

        Parameters
        ----------
        name : str
            ``stdout`` or ``stderr``.
        text : str
            What was printed.

        Examples
        --------
        >>> outputs = Outputs(cell_chars=100, total_chars=100)
        >>> outputs.stream("stdout", "a")
        >>> outputs.stream("stdout", "b")
        >>> outputs.items
        [{'output_type': 'stream', 'name': 'stdout', 'text': 'ab'}]
        """
        if not self._room(len(text)):
            return
        last = self.items[-1] if self.items else None
        if last and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.items.append({"output_type": "stream", "name": name, "text": text})

    def add(self, output: dict[str, Any]) -> None:
        """Add one output (a display, a result or an error) if its JSON fits within the caps.

        Parameters
        ----------
        output : dict
            The output, as nbformat writes it.

        Examples
        --------
        ``{"output_type": "error"}`` is 24 characters of JSON, one more than this cell may have.

        >>> outputs = Outputs(cell_chars=23, total_chars=100)
        >>> outputs.add({"output_type": "error"})
        >>> outputs.items[0]["text"]
        '\\n[output cut: too long]\\n'
        """
        if self._room(len(json.dumps(output, default=str))):
            self.items.append(output)


class CellStream(io.TextIOBase):
    """sys.stdout or sys.stderr for student code: what it prints becomes the cell's output.

    Parameters
    ----------
    outputs : Outputs
        Where the text goes.
    name : str
        ``stdout`` or ``stderr``.

    Examples
    --------
    >>> outputs = Outputs(cell_chars=100, total_chars=100)
    >>> print("hi", file=CellStream(outputs, "stderr"))
    >>> outputs.items
    [{'output_type': 'stream', 'name': 'stderr', 'text': 'hi\\n'}]
    """

    def __init__(self, outputs: Outputs, name: str) -> None:
        self.outputs, self.name = outputs, name

    def writable(self) -> bool:
        """Whether the stream can be written to: always.

        Returns
        -------
        bool
            True.

        Examples
        --------
        >>> CellStream(Outputs(100, 100), "stdout").writable()
        True
        """
        return True

    def write(self, text: str) -> int:
        """Add ``text`` to the cell's output, within the caps.

        Parameters
        ----------
        text : str
            What the student's code printed.

        Returns
        -------
        int
            Its length, even past the caps: to the student's code, everything was written.

        Examples
        --------
        >>> outputs = Outputs(cell_chars=2, total_chars=100)
        >>> CellStream(outputs, "stdout").write("abc"), len(outputs.items)
        (3, 1)
        """
        self.outputs.stream(self.name, str(text))
        return len(text)


class CellTimeout(Exception):
    """Raised in student code that runs past the time limit of one cell.

    Student code can catch it (it is an Exception), so the timer strikes again each second.

    Examples
    --------
    >>> raise CellTimeout("this cell ran for more than 30 s and was stopped")
    Traceback (most recent call last):
    ...
    s400_instructor.grading.runner.CellTimeout: this cell ran for more than 30 s and was stopped
    """


def make_shell(outputs: Outputs) -> Any:
    """An IPython shell whose displays, results and tracebacks become nbformat outputs.

    Parameters
    ----------
    outputs : Outputs
        Where the outputs go.

    Returns
    -------
    InteractiveShell
        The process's one shell (IPython's singleton), without history.

    Examples
    --------
    In a process of its own, as the runner's: 6 * 7 is the first cell's result, 42.

    >>> import subprocess
    >>> script = "; ".join([
    ...     "from s400_instructor.grading.runner import Outputs, make_shell",
    ...     "outputs = Outputs(1000, 1000)",
    ...     "make_shell(outputs).run_cell('6 * 7', store_history=True)",
    ...     "print(outputs.items[0]['execution_count'], outputs.items[0]['data'])"])
    >>> print(subprocess.run([sys.executable, "-c", script], capture_output=True).stdout.decode())
    1 {'text/plain': '42'}
    <BLANKLINE>
    """
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    def rich(data: dict) -> dict[str, str]:
        return {mime: text for mime, text in data.items() if type(text) is str}

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, *args, **kwargs) -> None:
            outputs.add({"output_type": "display_data", "data": rich(data), "metadata": {}})

        def clear_output(self, wait: bool = False) -> None:
            outputs.start()

    class ResultHook(DisplayHook):
        def start_displayhook(self) -> None:
            pass

        def write_output_prompt(self) -> None:
            pass

        def finish_displayhook(self) -> None:
            pass

        def write_format_data(self, format_dict, md_dict=None) -> None:
            outputs.add(
                {
                    "output_type": "execute_result",
                    "execution_count": self.prompt_count,
                    "data": rich(format_dict),
                    "metadata": {},
                }
            )

    class Shell(InteractiveShell):
        def enable_gui(self, gui=None) -> None:
            pass  # no event loop here: `%matplotlib inline` needs none; window backends fail

        def _showtraceback(self, etype, evalue, stb) -> None:
            outputs.add(
                {
                    "output_type": "error",
                    "ename": str(getattr(etype, "__name__", "Error")),
                    "evalue": str(evalue),
                    "traceback": [str(line) for line in stb],
                }
            )

    config = Config()
    config.HistoryManager.enabled = False
    return Shell.instance(config=config, displayhook_class=ResultHook, display_pub_class=Publisher)


def main() -> None:
    """Run the job on stdin, writing each event as a JSON line on stdout (see the module's notes).

    Examples
    --------
    The runner in a process of its own, as the sandbox starts it; ``x`` is never defined.

    >>> import subprocess
    >>> import tempfile
    >>> job = {"cells": [{"code": "print('hi')"}, {"extract": ["x"]}], "timeout": 30,
    ...        "workdir": tempfile.mkdtemp(), "caps": {"cell_chars": 100, "total_chars": 100}}
    >>> run = subprocess.run([sys.executable, "-I", __file__], input=json.dumps(job).encode(),
    ...                      capture_output=True)
    >>> print(run.stdout.decode(), end="")
    {"cell": 0, "count": 1, "outputs": [{"output_type": "stream", "name": "stdout", \
"text": "hi\\n"}]}
    {"cell": 1, "answers": {"x": {"undefined": true}}}
    {"end": "complete"}
    """
    job = json.loads(sys.stdin.read())
    results = os.dup(1)  # the grader reads events here; stray writes to fd 1 and 2 go nowhere
    nowhere = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(nowhere, fd)

    def emit(event: dict[str, Any]) -> None:
        data = (json.dumps(event, allow_nan=False) + "\n").encode()
        while data:
            data = data[os.write(results, data) :]

    workdir = job["workdir"]
    os.makedirs(workdir, exist_ok=True)
    if job.get("files") and os.path.isdir(job["files"]):
        with contextlib.suppress(OSError):  # the student's own files, as nbgrader gives them
            shutil.copytree(job["files"], workdir, symlinks=True, dirs_exist_ok=True)
    os.chdir(workdir)
    sys.path.insert(0, "")  # as in a kernel: the notebook's folder is importable

    caps = job["caps"]
    outputs = Outputs(caps["cell_chars"], caps["total_chars"])
    sys.stdout, sys.stderr = CellStream(outputs, "stdout"), CellStream(outputs, "stderr")
    shell = make_shell(outputs)

    def stop(signum: int, frame: Any) -> None:
        raise CellTimeout(f"this cell ran for more than {job['timeout']} s and was stopped")

    signal.signal(signal.SIGALRM, stop)
    for index, cell in enumerate(job["cells"]):
        if "extract" in cell:
            answers = {name: extract(shell.user_ns, name) for name in cell["extract"]}
            emit({"cell": index, "answers": answers})
            continue
        outputs.start()
        signal.setitimer(signal.ITIMER_REAL, job["timeout"], 1.0)  # again each second if caught
        try:
            shell.run_cell(cell["code"], store_history=True)
        except BaseException as error:  # the timer struck outside the student's code
            outputs.add(
                {
                    "output_type": "error",
                    "ename": type(error).__name__,
                    "evalue": str(error),
                    "traceback": [str(error)],
                }
            )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        emit({"cell": index, "count": shell.execution_count - 1, "outputs": outputs.items})
    emit({"end": "complete"})
    os._exit(0)  # skip the student's atexit handlers and threads


if __name__ == "__main__":
    main()
