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
