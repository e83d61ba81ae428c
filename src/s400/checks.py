"""Friendly, tamper-resistant answer checks: they say in the student's terms what is wrong.

Each ``check_*`` function returns a :class:`Feedback` (print it); :func:`expect` turns feedback
into a pass or a :class:`NotYetCorrect` error, which is how a check cell reports.

Students' visible checks (:mod:`s400.questions`) use these functions in their own kernel, where
their code can patch anything; grades do not depend on that. At grading time the hidden checks
(``s400_instructor.grading.checking``) apply the same functions, with the literal answer keys, in
a fresh process outside the student's sandbox, to the answers the sandbox reported as plain data.
This module imports only the standard library, so that process starts fast. Answers must be of
the exact built-in type asked for: an object that claims to equal everything, or a subclass of
``int``/``float``/``str``/``list`` with its own comparisons, is refused.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

NOT_ANSWERED = "Not answered yet: replace the ... with your answer and run the cell again."
_ID_COLLECTIONS = (list, set, tuple, frozenset)


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: ``ok`` and a message that explains it. Prints as the message.

    Parameters
    ----------
    ok : bool
        Whether the answer is right.
    message : str
        What the student reads: that it is right, or what is wrong and where to look.

    Examples
    --------
    >>> feedback = Feedback(False, "Not yet: 4 is too many.")
    >>> feedback.ok
    False
    >>> print(feedback)
    Not yet: 4 is too many.
    """

    ok: bool
    message: str

    def __str__(self) -> str:
        return self.message


class NotYetCorrect(AssertionError):
    """Raised by :func:`expect` for an answer that is not (yet) right; the message says why.

    Examples
    --------
    An AssertionError, so whatever counts failed assertions counts a failed check.

    >>> try:
    ...     expect(check_count(4, 3, "count the rows"))
    ... except AssertionError as error:
    ...     print(type(error).__name__, "-", error)
    NotYetCorrect - Not yet: 4 is too many. Hint: count the rows.
    """

    def _render_traceback_(self) -> list[str]:
        """IPython shows this, not a traceback: the student needs the message, not our frames."""
        return [f"\x1b[0;31mNotYetCorrect\x1b[0m: {self}"]


def expect(feedback: Feedback, quiet: bool = False) -> None:
    """Pass if the feedback is ``ok`` (printing it unless ``quiet``), else raise NotYetCorrect.

    Parameters
    ----------
    feedback : Feedback
        The verdict of a ``check_*`` function.
    quiet : bool, default False
        Print nothing when the answer is right (the hidden checks at grading time).

    Raises
    ------
    NotYetCorrect
        With the feedback's message, when it is not ``ok``.

    Examples
    --------
    >>> expect(Feedback(True, "Correct: 3."))
    Correct: 3.
    >>> expect(Feedback(True, "Correct: 3."), quiet=True)
    >>> expect(Feedback(False, "Not yet."))
    Traceback (most recent call last):
    ...
    s400.checks.NotYetCorrect: Not yet.
    """
    _restore_error_reporting()
    if not feedback.ok:
        raise NotYetCorrect(feedback.message)
    if not quiet:
        print(feedback.message)


def _restore_error_reporting() -> None:
    """Undo a cell's ``get_ipython().set_custom_exc(...)``, which could swallow a failed check."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        shell.custom_exceptions = ()


def _number(answer: Any) -> float | None:
    """The answer as a float if it is a plain ``int``/``float`` or a numpy number, else None."""
    kind = type(answer)
    if kind in (int, float) or (
        kind.__module__ == "numpy" and kind.__name__.startswith(("float", "int"))
    ):
        value = float(answer)
        return value if value == value else None  # NaN is not an answer
    return None


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _describe(answer: Any) -> str:
    text = repr(answer)
    return f"the {type(answer).__name__} {text if len(text) <= 40 else text[:37] + '...'}"


def check_sign(answer: Any, expected: int) -> Feedback:
    """Feedback on an answer that should be the sign +1 or -1.

    Parameters
    ----------
    answer : object
        The student's answer (``...`` while not answered); only the int 1 or -1 counts.
    expected : int
        The right sign, 1 or -1.

    Returns
    -------
    Feedback
        Right, or what is wrong: not answered, not a sign, or the other sign.

    Examples
    --------
    >>> print(check_sign(..., 1))
    Not answered yet: replace the ... with your answer and run the cell again.
    >>> print(check_sign(-1, -1))
    Correct: the sign is -1.
    >>> print(check_sign("+", 1))
    Expected the number 1 or -1, got the str '+'.
    """
    if answer is Ellipsis:
        return Feedback(False, NOT_ANSWERED)
    if type(answer) is not int or answer not in (1, -1):
        return Feedback(False, f"Expected the number 1 or -1, got {_describe(answer)}.")
    if answer != expected:
        return Feedback(
            False,
            "Not quite: multiply the signs along the path. "
            "Each negative edge flips the sign; two negatives make a positive.",
        )
    return Feedback(True, f"Correct: the sign is {expected:+d}.")


def check_ids(answer: Any, expected: set[str], hint: str) -> Feedback:
    """Feedback on an answer that should be a collection of ids, such as claim ids, in any order.

    Parameters
    ----------
    answer : object
        The student's answer: a list, set, tuple or frozenset of str counts.
    expected : set of str
        The right ids.
    hint : str
        Where to look, shown when the answer is wrong.

    Returns
    -------
    Feedback
        Right, or how many ids are right, missing or should not be there (naming those).

    Examples
    --------
    Two of the three ids, none extra:

    >>> print(check_ids(["C08", "C09"], {"C08", "C09", "C10"}, "look at paragraph P2"))
    Almost: 2 of 3 are right, 1 missing. Hint: look at paragraph P2.
    >>> print(check_ids({"C10", "C09", "C08"}, {"C08", "C09", "C10"}, ""))
    Correct: C08, C09, C10.
    """
    if answer is Ellipsis:
        return Feedback(False, NOT_ANSWERED)
    if type(answer) not in _ID_COLLECTIONS or not all(type(item) is str for item in answer):
        extra = (
            " (a pandas column? add .tolist())"
            if type(answer).__name__ in ("Series", "Index")
            else ""
        )
        return Feedback(
            False, f"Expected a list of ids such as ['C01', 'C02'], got {_describe(answer)}{extra}."
        )
    given = set(answer)
    if given == set(expected):
        return Feedback(True, "Correct: " + ", ".join(sorted(expected)) + ".")
    right, missing, extra_ids = given & set(expected), set(expected) - given, given - set(expected)
    parts = [f"{len(right)} of {len(expected)} are right"]
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra_ids:
        parts.append(f"{len(extra_ids)} should not be there ({', '.join(sorted(extra_ids))})")
    lead = "Almost" if right else "Not yet"
    return Feedback(False, f"{lead}: {', '.join(parts)}. Hint: {_sentence(hint)}")


def check_number(
    answer: Any,
    expected: float,
    tolerance: float,
    hint: str,
    low: float | None = None,
    high: float | None = None,
) -> Feedback:
    """Feedback on an answer that should be a number within ``tolerance`` of ``expected``.

    Parameters
    ----------
    answer : object
        The student's answer: an int, a float or a numpy number counts (not NaN).
    expected : float
        The right value.
    tolerance : float
        How far from ``expected`` an answer may be and still be right.
    hint : str
        Where to look, shown when the answer is wrong.
    low, high : float, optional
        The range any sensible answer lies in, when both are given: the message for a wrong
        type or a number outside it says so.

    Returns
    -------
    Feedback
        Right, or what is wrong: the type, the range, the sign or the size.

    Examples
    --------
    |7.31 - 7.3| = 0.01 is within 0.05; -0.2 against 0.3 has the wrong sign and the wrong size;
    0.6 has the sign of 0.3 but is 0.3 away.

    >>> print(check_number(7.31, 7.3, 0.05, "use lab.break_even"))
    Correct: 7.31 is within 0.05 of the answer.
    >>> print(check_number([0.3], 0.3, 0.01, "multiply along the path", -1, 1))
    Expected a number between -1 and 1, got the list [0.3].
    >>> print(check_number(-0.2, 0.3, 0.01, "multiply along the path", -1, 1))
    Not yet: -0.2 is off by more than 0.01. Hint: multiply along the path.
    >>> print(check_number(0.6, 0.3, 0.01, "multiply along the path", -1, 1))
    The sign is right but the size is off. Hint: multiply along the path.
    """
    if answer is Ellipsis:
        return Feedback(False, NOT_ANSWERED)
    value = _number(answer)
    span = f" between {low:g} and {high:g}" if low is not None and high is not None else ""
    if value is None:
        return Feedback(False, f"Expected a number{span}, got {_describe(answer)}.")
    if abs(value - expected) <= tolerance:
        return Feedback(True, f"Correct: {value:g} is within {tolerance:g} of the answer.")
    if low is not None and high is not None and not low <= value <= high:
        return Feedback(False, f"Expected a number{span}, got {value:g}. Hint: {_sentence(hint)}")
    if abs(value + expected) <= tolerance:
        return Feedback(False, f"The size is right but the sign is not. Hint: {_sentence(hint)}")
    if value * expected > 0:
        return Feedback(False, f"The sign is right but the size is off. Hint: {_sentence(hint)}")
    return Feedback(
        False, f"Not yet: {value:g} is off by more than {tolerance:g}. Hint: {_sentence(hint)}"
    )


def check_count(answer: Any, expected: int, hint: str) -> Feedback:
    """Feedback on an answer that should be a whole number, such as a count.

    Parameters
    ----------
    answer : object
        The student's answer: an int or a numpy integer counts (not a float, not a bool).
    expected : int
        The right number.
    hint : str
        Where to look, shown when the answer is wrong.

    Returns
    -------
    Feedback
        Right, or whether the answer is not a whole number, too many or too few.

    Examples
    --------
    >>> print(check_count(3, 3, "count the rows"))
    Correct: 3.
    >>> print(check_count(3.0, 3, "count the rows"))
    Expected a whole number such as 3, got the float 3.0.
    >>> print(check_count(4, 3, "count the rows"))
    Not yet: 4 is too many. Hint: count the rows.
    """
    if answer is Ellipsis:
        return Feedback(False, NOT_ANSWERED)
    if type(answer) is not int and not (
        type(answer).__module__ == "numpy" and type(answer).__name__.startswith("int")
    ):
        return Feedback(False, f"Expected a whole number such as 3, got {_describe(answer)}.")
    if int(answer) == expected:
        return Feedback(True, f"Correct: {expected}.")
    size = "many" if int(answer) > expected else "few"
    return Feedback(False, f"Not yet: {int(answer)} is too {size}. Hint: {_sentence(hint)}")


def check_choice(answer: Any, expected: str, options: tuple[str, ...], hint: str) -> Feedback:
    """Feedback on an answer that should be one of a few strings, such as an option or a claim id.

    Parameters
    ----------
    answer : object
        The student's answer: one of ``options``, as a str.
    expected : str
        The right option.
    options : tuple of str
        Every option the question offers; anything else is not an answer to it.
    hint : str
        Where to look, shown when the answer is another option.

    Returns
    -------
    Feedback
        Right, another option (with the hint), or not one of the options (listing them).

    Examples
    --------
    >>> options = ("buy_s400", "take_patriot", "buy_neither")
    >>> print(check_choice("buy_s400", "buy_neither", options, "compare the values"))
    Not yet. Hint: compare the values.
    >>> print(check_choice("S-400", "buy_s400", ("buy_s400", "take_patriot"), ""))
    Expected one of 'buy_s400', 'take_patriot', got the str 'S-400'.
    """
    if answer is Ellipsis:
        return Feedback(False, NOT_ANSWERED)
    if type(answer) is not str or answer not in options:
        return Feedback(
            False, f"Expected one of {', '.join(map(repr, options))}, got {_describe(answer)}."
        )
    if answer == expected:
        return Feedback(True, f"Correct: {expected}.")
    return Feedback(False, f"Not yet. Hint: {_sentence(hint)}")
