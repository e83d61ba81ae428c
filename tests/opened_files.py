"""Which files Python opens inside a block, from its audit events: to show that a reader opens
nothing outside the folder it was given."""

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

_opened: list[str] | None = None  # the paths opened while a block listens


def _audit(event: str, args: tuple) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        path = str(Path(args[0].decode() if isinstance(args[0], bytes) else args[0]))
        if not path.endswith((".py", ".pyc")):  # Python importing a module (a codec, say)
            _opened.append(path)


sys.addaudithook(_audit)  # an audit hook cannot be removed: it only listens inside opened()


@contextlib.contextmanager
def opened() -> Iterator[list[str]]:
    """Every file Python opens inside the block (modules it imports left out)."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None
