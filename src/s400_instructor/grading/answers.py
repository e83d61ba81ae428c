"""An answer variable read as plain data, inside the grading sandbox (see :mod:`.runner`).

Only plain data leaves the sandbox: the grader never touches an object the student's code made,
so an answer cannot bring its own comparisons (``__eq__`` that is always True) into the checks.
Standard library only: this file is bound beside the runner into the sandbox.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

MAX_ITEMS = 10_000  # numbers, strings and containers in one answer
MAX_DEPTH = 20
MAX_TEXT = 10_000  # characters in one string of an answer


class NotPlain(Exception):
    """An answer that is not plain data; the message says why, in the student's terms.

    Examples
    --------
    >>> plain({1: "one"})
    Traceback (most recent call last):
    ...
    s400_instructor.grading.answers.NotPlain: a dict is an answer only with text keys
    """


def _not_plain(value: Any) -> str:
    kind = type(value)
    name = kind.__name__
    if kind.__module__.startswith("pandas"):
        return f"a pandas {name} is not a plain answer: turn it into a list with .tolist()"
    if kind.__module__ == "numpy" and name == "ndarray":
        return "a numpy array is not a plain answer: turn it into a list with .tolist()"
    for base in (bool, int, float, str, list, tuple, set, frozenset, dict):
        if isinstance(value, base):
            return f"a {name} is not a plain answer: give a plain {base.__name__}"
    return f"a {name} is not a plain answer: give a number, a string, or a list of them"


def plain(value: Any, room: list[int] | None = None, depth: int = 0) -> Any:
    """``value`` as JSON-ready plain data, or :class:`NotPlain` saying why it is not an answer.

    Only the exact built-in types count (numbers, strings, booleans, None, lists, tuples, sets,
    dicts with string keys) and numpy's scalars, read by value; tuples become lists and sets
    sorted lists. Subclasses and other objects are refused, so an answer cannot bring its own
    comparisons into the grader.

    Parameters
    ----------
    value : object
        The value of an answer variable.
    room, depth : optional
        What is left of the MAX_ITEMS budget, and how deep in the answer this value is: for the
        recursion; leave them out.

    Returns
    -------
    object
        None, a bool, int, float or str, or lists and string-keyed dicts of them.

    Raises
    ------
    NotPlain
        If the value or a part of it is not plain data, or the answer is too large.

    Examples
    --------
    >>> plain((3, 2.5, "C01", None))
    [3, 2.5, 'C01', None]
    >>> plain({"C09", "C08"})
    ['C08', 'C09']
    >>> plain(float("nan"))
    Traceback (most recent call last):
    ...
    s400_instructor.grading.answers.NotPlain: nan is not a number that can be checked
    >>> class Anything(float):
    ...     pass
    >>> plain([Anything(1)])
    Traceback (most recent call last):
    ...
    s400_instructor.grading.answers.NotPlain: a Anything is not a plain answer: give a plain float
    """
    room = [MAX_ITEMS] if room is None else room
    room[0] -= 1
    if room[0] < 0 or depth > MAX_DEPTH:
        raise NotPlain("the answer is too large to check")
    kind = type(value)
    if value is None or kind is bool:
        return value
    if kind is int:
        if abs(value) >= 10**300:
            raise NotPlain("the number is too large to check")
        return value
    if kind is float:
        if not math.isfinite(value):
            raise NotPlain(f"{value!r} is not a number that can be checked")
        return value
    if kind is str:
        if len(value) > MAX_TEXT:
            raise NotPlain("the text is too long to check")
        return value
    if kind in (list, tuple):
        return [plain(item, room, depth + 1) for item in value]
    if kind in (set, frozenset):
        items = [plain(item, room, depth + 1) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    if kind is dict:
        if not all(type(key) is str for key in value):
            raise NotPlain("a dict is an answer only with text keys")
        return {key: plain(item, room, depth + 1) for key, item in value.items()}
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.generic) and kind.__module__ == "numpy":
        return plain(value.item(), room, depth + 1)  # np.float64(0.45) -> 0.45
    raise NotPlain(_not_plain(value))


def extract(namespace: dict[str, Any], name: str) -> dict[str, Any]:
    """How the answer variable ``name`` reads: its plain value, or why there is none.

    Parameters
    ----------
    namespace : dict
        The shell's variables, after the cells before the check cell ran.
    name : str
        The answer variable.

    Returns
    -------
    dict
        ``{"value": plain value}``, ``{"unanswered": True}`` (still ``...``),
        ``{"undefined": True}`` or ``{"invalid": why}``.

    Examples
    --------
    >>> extract({"answer_q1": 13, "answer_q2": ...}, "answer_q1")
    {'value': 13}
    >>> extract({"answer_q2": ...}, "answer_q2")
    {'unanswered': True}
    >>> extract({}, "answer_q3")
    {'undefined': True}
    """
    if name not in namespace:
        return {"undefined": True}
    value = namespace[name]
    if value is Ellipsis:
        return {"unanswered": True}
    try:
        return {"value": plain(value)}
    except NotPlain as why:
        return {"invalid": str(why)}
    except BaseException as error:  # an object that breaks while being read: the student's
        return {"invalid": f"the answer could not be read ({type(error).__name__})"}
