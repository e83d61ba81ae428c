"""The answer checks: plain-words feedback, and no passing with objects built to fool a
comparison."""

import math

import numpy as np
import pytest

from s400.checks import (
    NOT_ANSWERED,
    NotYetCorrect,
    check_choice,
    check_count,
    check_ids,
    check_number,
    check_sign,
    expect,
)


class EqualsEverything:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


class FloatEqualsEverything(float):
    def __eq__(self, other):
        return True

    def __abs__(self):
        return 0.0

    def __sub__(self, other):
        return FloatEqualsEverything(0.0)

    __hash__ = float.__hash__


class IntEqualsEverything(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


class StrEqualsEverything(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


def test_feedback_speaks_in_plain_words():
    assert str(check_sign(..., -1)) == NOT_ANSWERED
    assert check_sign(-1, -1).ok and str(check_sign(-1, -1)).startswith("Correct")
    assert str(check_sign(1, -1)).startswith("Not quite")
    assert str(check_sign([1], -1)).startswith("Expected the number 1 or -1, got the list")
    assert (
        str(check_number([0.2], 0.3, 0.01, "h", -1, 1))
        == "Expected a number between -1 and 1, got the list [0.2]."
    )
    assert (
        str(check_number(0.9, 0.3, 0.01, "did you multiply?"))
        == "The sign is right but the size is off. Hint: did you multiply?"
    )
    assert str(check_count(2.0, 2, "h")).startswith("Expected a whole number")
    assert str(check_ids(np.array(["C01"]), {"C01"}, "h")).startswith("Expected a list of ids")


@pytest.mark.parametrize(
    "answer",
    [
        EqualsEverything(),
        FloatEqualsEverything(1.0),
        IntEqualsEverything(1),
        StrEqualsEverything("x"),
        [EqualsEverything()],
        True,
        math.nan,
    ],
)
def test_no_check_passes_an_object_built_to_fool_comparisons(answer):
    results = [
        check_sign(answer, -1),
        check_number(answer, 0.45, 0.01, "h"),
        check_count(answer, 13, "h"),
        check_choice(answer, "+", ("+", "-"), "h"),
        check_ids(answer, {"C01"}, "h"),
    ]
    assert not any(r.ok for r in results), [str(r) for r in results]


def test_numpy_numbers_count_as_numbers():
    assert check_number(np.float64(0.451), 0.45, 0.005, "h").ok
    assert check_count(np.int64(13), 13, "h").ok


def test_expect_raises_with_the_message_and_prints_on_success(capsys):
    with pytest.raises(NotYetCorrect, match=r"^Not answered yet"):
        expect(check_count(..., 3, "h"))
    expect(check_count(3, 3, "h"))
    assert capsys.readouterr().out == "Correct: 3.\n"
