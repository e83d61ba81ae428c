"""Friendly answer checks for "Your turn" cells: they explain, in the student's terms, what is wrong."""

from __future__ import annotations

from typing import Any

NOT_ANSWERED = "Not answered yet: replace the ... with your answer and run the cell again."


def check_sign(answer: Any, expected: int) -> str:
    """Feedback on an answer that should be the sign +1 or -1.

    Only a plain ``int`` counts: an object that merely claims to equal everything does not.

    >>> check_sign(..., 1)
    'Not answered yet: replace the ... with your answer and run the cell again.'
    >>> check_sign(-1, -1)
    'Correct: the sign is -1.'
    >>> check_sign("+", 1)
    "Expected the number 1 or -1, got the str '+'."
    """
    if answer is Ellipsis:
        return NOT_ANSWERED
    if type(answer) is not int or answer not in (1, -1):
        return f"Expected the number 1 or -1, got the {type(answer).__name__} {answer!r}."
    if answer != expected:
        return ("Not quite: multiply the signs along the path. "
                "Each negative edge flips the sign; two negatives make a positive.")
    return f"Correct: the sign is {expected:+d}."


def check_ids(answer: Any, expected: set[str], hint: str) -> str:
    """Feedback on an answer that should be a collection of ids, such as claim ids.

    >>> check_ids(["C08", "C09"], {"C08", "C09", "C10"}, "look at paragraph P2")
    'Almost: 2 of 3 are right, 1 missing. Hint: look at paragraph P2.'
    >>> check_ids({"C10", "C09", "C08"}, {"C08", "C09", "C10"}, "")
    'Correct: C08, C09, C10.'
    """
    if answer is Ellipsis:
        return NOT_ANSWERED
    if type(answer) not in (list, set, tuple) or not all(type(item) is str for item in answer):
        return f"Expected a list of ids such as ['C01', 'C02'], got the {type(answer).__name__} {answer!r}."
    given = set(answer)
    if given == expected:
        return "Correct: " + ", ".join(sorted(expected)) + "."
    right, missing, extra = given & expected, expected - given, given - expected
    parts = [f"{len(right)} of {len(expected)} are right"]
    if missing:
        parts.append(f"{len(missing)} missing")
    if extra:
        parts.append(f"{len(extra)} should not be there ({', '.join(sorted(extra))})")
    return f"Almost: {', '.join(parts)}. Hint: {hint}." if right else f"Not yet: {', '.join(parts)}. Hint: {hint}."


def check_number(answer: Any, expected: float, tolerance: float, hint: str) -> str:
    """Feedback on an answer that should be a number close to ``expected``.

    >>> check_number(7.31, 7.3, 0.05, "use lab.break_even")
    'Correct: 7.31 is within 0.05 of the answer.'
    >>> check_number([7.3], 7.3, 0.05, "use lab.break_even")
    'Expected a number, got the list [7.3].'
    >>> check_number(-7.3, 7.3, 0.05, "use lab.break_even")
    'The size is right but the sign is not. Hint: use lab.break_even.'
    """
    if answer is Ellipsis:
        return NOT_ANSWERED
    if type(answer) not in (int, float) or answer != answer:
        return f"Expected a number, got the {type(answer).__name__} {answer!r}."
    if abs(answer - expected) <= tolerance:
        return f"Correct: {answer:g} is within {tolerance:g} of the answer."
    if abs(answer + expected) <= tolerance:
        return f"The size is right but the sign is not. Hint: {hint}."
    return f"Not yet: {answer:g} is off by more than {tolerance:g}. Hint: {hint}."
