"""The auto-graded questions of the exercises, for the visible checks students run as they work.

Each question computes its expected answer from data/ with the package (so the visible check cells
show no answer), and gives friendly feedback. The hidden tests in solutions/ hold literal answer
keys, which the grader checks outside the student's sandboxed run; tests/test_exercises.py checks
that the two agree. One module per pair of exercises; :mod:`s400.practice` does the same for the
notebooks' own "Your turn" cells.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from s400.checks import Feedback, expect
from s400.questions import argument_network, channels_nato, leverage, reality_check, reasoning_lab

#: Question id -> check of an answer. Ids are "<assignment>.<question>", as in the exercises.
QUESTIONS: dict[str, Callable[[Any], Feedback]] = {
    **argument_network.QUESTIONS,
    **reasoning_lab.QUESTIONS,
    **channels_nato.QUESTIONS,
    **leverage.QUESTIONS,
    **reality_check.QUESTIONS,
}


def check(question: str, answer: Any) -> None:
    """Print feedback on ``answer``; raise :class:`s400.checks.NotYetCorrect` unless it is right.

    Parameters
    ----------
    question : str
        A key of ``QUESTIONS``, e.g. ``"ex01_argument.q2"``.
    answer : object
        The student's answer; ``...`` means not answered yet.

    Raises
    ------
    KeyError
        For an unknown question id.
    s400.checks.NotYetCorrect
        For an answer that is missing or not (yet) right, saying what to fix.

    Examples
    --------
    The claims the author reports from others: Ankara's two and NATO's one.

    >>> check("ex01_argument.q2", ["C03", "C04", "C19"])
    Correct: C03, C04, C19.
    >>> check("ex01_argument.q9", 1)
    Traceback (most recent call last):
    ...
    KeyError: "no question 'ex01_argument.q9'; questions: ex01_argument.q1, ..."
    """
    if question not in QUESTIONS:
        raise KeyError(
            f"no question {question!r}; questions: {', '.join(list(QUESTIONS)[:1])}, ..."
        )
    expect(QUESTIONS[question](answer))
