"""The hidden checks: each question's answer key, and how an answer is judged against it.

A check cell in solutions/ holds its key in its hidden part, as one call::

    check("ex02_network.q3", answer_q3)
    ### BEGIN HIDDEN TESTS
    from s400_instructor.grading.checking import expect_number
    expect_number(answer_q3, -0.45, 0.005)
    ### END HIDDEN TESTS

Run as code (nbval runs the solutions), the call checks the solution against its key. At grading
time nothing of that cell runs: :func:`read_key` reads the call as data (which check, which answer
variable, which literal key), the sandbox reports the variable's value as plain JSON, and
:func:`judge_all` applies the same check to it in a fresh Python process
(``python -I -m s400_instructor.grading.checking``), outside the student's sandbox and apart
from the grader's own process. The messages come from :mod:`s400.checks`, as the visible checks'.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from s400.checks import (
    NOT_ANSWERED,
    Feedback,
    NotYetCorrect,
    check_count,
    check_ids,
    check_number,
    check_sign,
    expect,
)

HINT = "run this check in your own notebook for a hint"
BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


def expect_sign(answer: Any, expected: int) -> None:
    """Raise :class:`NotYetCorrect` unless ``answer`` is the sign ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer, as the sandbox reported it (``...`` when not answered).
    expected : int
        The key: 1 or -1.

    Raises
    ------
    NotYetCorrect
        Saying why, in the student's terms.

    Examples
    --------
    >>> expect_sign(-1, -1)
    >>> expect_sign("+", -1)
    Traceback (most recent call last):
    ...
    s400.checks.NotYetCorrect: Expected the number 1 or -1, got the str '+'.
    """
    expect(check_sign(answer, expected), quiet=True)


def expect_ids(answer: Any, expected: set[str] | list[str]) -> None:
    """Raise :class:`NotYetCorrect` unless ``answer`` holds exactly the ids ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer, as the sandbox reported it: a list of ids, in any order.
    expected : set or list of str
        The key.

    Raises
    ------
    NotYetCorrect
        Saying why, in the student's terms.

    Examples
    --------
    One of the two ids: the message counts them and points to the visible check for a hint.

    >>> expect_ids(["C09", "C08"], {"C08", "C09"})
    >>> expect_ids(["C08"], {"C08", "C09"})
    Traceback (most recent call last):
    ...
    s400.checks.NotYetCorrect: Almost: 1 of 2 are right, 1 missing. Hint: run this check in your \
own notebook for a hint.
    """
    expect(check_ids(answer, set(expected), HINT), quiet=True)


def expect_number(answer: Any, expected: float, tolerance: float) -> None:
    """Raise :class:`NotYetCorrect` unless ``answer`` is within ``tolerance`` of ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer, as the sandbox reported it.
    expected : float
        The key.
    tolerance : float
        How far from ``expected`` a right answer may be.

    Raises
    ------
    NotYetCorrect
        Saying why, in the student's terms.

    Examples
    --------
    |-0.451 - (-0.45)| = 0.001 is within 0.005; 0.45 is -0.45 with the other sign.

    >>> expect_number(-0.451, -0.45, 0.005)
    >>> try:
    ...     expect_number(0.45, -0.45, 0.005)
    ... except NotYetCorrect as verdict:
    ...     print(verdict)
    The size is right but the sign is not. Hint: run this check in your own notebook for a hint.
    """
    expect(check_number(answer, expected, tolerance, HINT), quiet=True)


def expect_count(answer: Any, expected: int) -> None:
    """Raise :class:`NotYetCorrect` unless ``answer`` is the whole number ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer, as the sandbox reported it.
    expected : int
        The key.

    Raises
    ------
    NotYetCorrect
        Saying why, in the student's terms.

    Examples
    --------
    >>> expect_count(13, 13)
    >>> expect_count(13.0, 13)
    Traceback (most recent call last):
    ...
    s400.checks.NotYetCorrect: Expected a whole number such as 3, got the float 13.0.
    """
    expect(check_count(answer, expected, HINT), quiet=True)


def expect_choice(answer: Any, expected: str) -> None:
    """Raise :class:`NotYetCorrect` unless ``answer`` is the string ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer, as the sandbox reported it.
    expected : str
        The key.

    Raises
    ------
    NotYetCorrect
        Saying why, in the student's terms.

    Examples
    --------
    >>> expect_choice("indeterminate", "indeterminate")
    >>> try:
    ...     expect_choice(..., "indeterminate")
    ... except NotYetCorrect as verdict:
    ...     print(verdict)
    Not answered yet: replace the ... with your answer and run the cell again.
    """
    right = type(answer) is str and answer == expected
    why = NOT_ANSWERED if answer is Ellipsis else f"Not the expected choice. Hint: {HINT}."
    expect(Feedback(right, why), quiet=True)


CHECKS: dict[str, Callable[..., None]] = {
    f.__name__: f for f in (expect_sign, expect_ids, expect_number, expect_count, expect_choice)
}


@dataclass(frozen=True)
class Key:
    """One hidden test read as data: ``check(<answer variable>, *args)``.

    Parameters
    ----------
    check : str
        The name of one of the ``expect_*`` functions (a key of :data:`CHECKS`).
    name : str
        The answer variable whose value is checked.
    args : tuple
        The literal key: what the check gets after the answer.

    Examples
    --------
    |-0.451 - (-0.45)| = 0.001 is within the key's tolerance of 0.005, so the check passes.

    >>> key = Key("expect_number", "answer_q3", (-0.45, 0.005))
    >>> CHECKS[key.check](-0.451, *key.args)
    """

    check: str
    name: str
    args: tuple[Any, ...]


def read_key(source: str) -> Key:
    """The key in a check cell's hidden part; ValueError, for the instructor, if there is none.

    Parameters
    ----------
    source : str
        The check cell's source, hidden tests included (from solutions/).

    Returns
    -------
    Key
        The one ``expect_*`` call between the markers, read as data (imports aside).

    Raises
    ------
    ValueError
        When there is no single hidden part, or it is not one call of an ``expect_*`` function
        on a variable with literal values.

    Examples
    --------
    >>> read_key(f'check("ex.q1", a)\\n{BEGIN}\\nexpect_ids(a, {{"C1"}})\\n{END}')
    Key(check='expect_ids', name='a', args=({'C1'},))
    >>> read_key(f"{BEGIN}\\nexpect_count(a, 1)\\nexpect_count(b, 2)\\n{END}")
    Traceback (most recent call last):
    ...
    ValueError: the hidden test must be one call of expect_sign, expect_ids, expect_number, \
expect_count, expect_choice
    """
    if source.count(BEGIN) != 1 or END not in source.split(BEGIN)[1]:
        raise ValueError(f"no hidden test between {BEGIN!r} and {END!r}")
    hidden = source.split(BEGIN)[1].split(END)[0]
    calls = [s for s in ast.parse(hidden).body if not isinstance(s, ast.Import | ast.ImportFrom)]
    if len(calls) != 1 or not isinstance(calls[0], ast.Expr):
        raise ValueError(f"the hidden test must be one call of {', '.join(CHECKS)}")
    call = calls[0].value
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id in CHECKS
        and call.args
        and isinstance(call.args[0], ast.Name)
        and not call.keywords
    ):
        raise ValueError(f"the hidden test must call one of {', '.join(CHECKS)} on a variable")
    try:
        args = tuple(ast.literal_eval(arg) for arg in call.args[1:])
    except ValueError as error:
        raise ValueError(f"the key of the hidden test must be literal values ({error})") from None
    return Key(call.func.id, call.args[0].id, args)


def judge(key: Key, answer: dict[str, Any] | None) -> tuple[bool, str]:
    """Whether the sandbox's report ``answer`` (see :mod:`runner`) passes ``key``, and why not.

    Parameters
    ----------
    key : Key
        The hidden test.
    answer : dict or None
        The answer as :func:`s400_instructor.grading.extraction.read_events` gives it
        (``{"value": ...}``, ``{"unanswered": True}``, ``{"undefined": True}`` or
        ``{"invalid": why}``); None when the run stopped before the check cell.

    Returns
    -------
    tuple of (bool, str)
        Whether it passes, and the message for the student.

    Examples
    --------
    >>> judge(Key("expect_count", "answer_q1", (13,)), {"value": 13})
    (True, 'Correct.')
    >>> judge(Key("expect_count", "answer_q1", (13,)), {"invalid": "a Series is not plain"})
    (False, 'Not a valid answer: a Series is not plain.')
    >>> judge(Key("expect_count", "answer_q1", (13,)), {"undefined": True})
    (False, 'answer_q1 was not defined here: did its answer cell stop with an error?')
    """
    if answer is None:
        return (
            False,
            "Not checked: the notebook stopped before this check (see the notes at the top).",
        )
    if "undefined" in answer:
        return False, f"{key.name} was not defined here: did its answer cell stop with an error?"
    if "invalid" in answer:
        return False, f"Not a valid answer: {answer['invalid']}."
    value = ... if "unanswered" in answer else answer["value"]
    try:
        CHECKS[key.check](value, *key.args)
    except NotYetCorrect as verdict:
        return False, str(verdict)
    return True, "Correct."


def judge_all(keyed: list[tuple[Key, dict[str, Any] | None]]) -> list[tuple[bool, str]]:
    """:func:`judge` each (key, answer) in a fresh Python process; the verdicts in order.

    Parameters
    ----------
    keyed : list of tuple of (Key, dict or None)
        The hidden tests, each with its answer as :func:`judge` takes it.

    Returns
    -------
    list of tuple of (bool, str)
        One verdict per pair, in order.

    Examples
    --------
    Thirteen is right, twelve too few, and a run that never reached the check gets no points.

    >>> count = Key("expect_count", "answer_q1", (13,))
    >>> for ok, why in judge_all([(count, {"value": 13}), (count, {"value": 12}), (count, None)]):
    ...     print(ok, why)
    True Correct.
    False Not yet: 12 is too few. Hint: run this check in your own notebook for a hint.
    False Not checked: the notebook stopped before this check (see the notes at the top).
    """
    items = [{"key": [k.check, k.name, list(k.args)], "answer": a} for k, a in keyed]
    run = subprocess.run(
        [sys.executable, "-I", "-m", __name__],
        input=json.dumps(items, default=sorted),  # sets of ids as sorted lists
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [(bool(ok), str(message)) for ok, message in json.loads(run.stdout)]


def main() -> None:
    """The fresh process of :func:`judge_all`: JSON (key, answer) items in, verdicts out.

    Examples
    --------
    >>> import io
    >>> from unittest import mock
    >>> items = '[{"key": ["expect_sign", "answer_q2", [-1]], "answer": {"value": -1}}]'
    >>> with mock.patch("sys.stdin", io.StringIO(items)):
    ...     main()
    [[true, "Correct."]]
    """
    items = json.loads(sys.stdin.read())
    verdicts = [
        judge(Key(c, n, tuple(a)), item["answer"]) for item in items for c, n, a in [item["key"]]
    ]
    print(json.dumps(verdicts))


if __name__ == "__main__":
    main()
