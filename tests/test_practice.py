"""The notebooks' "Your turn" checks and the code students read: short, showing no answer."""

import json
import re

import pytest
from locations import ROOT

from s400.practice import PRACTICE, check
from s400.questions.course import course_data, course_lab
from s400.reasoning.scenarios import preset

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK_CELL = re.compile(r'check\("(nb\d\d\.\w+)", \w+\)')


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_code_lines_fit_in_100_characters(path):
    long = [line for cell in code_cells(path) for line in cell.splitlines() if len(line) > 100]
    assert long == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_a_check_cell_is_one_call_that_shows_no_answer(path):
    """The visible cell names the question and the answer; the package computes the key."""
    checking = [c for c in code_cells(path) if re.search(r"\bcheck\w*\(", c) and "import" not in c]
    assert all(CHECK_CELL.fullmatch(c.strip()) for c in checking), checking
    assert all(i.startswith(f"nb{path.name[:2]}.") for c in checking for i in CHECK_CELL.findall(c))


def test_every_practice_question_is_asked_once():
    asked = [i for path in NOTEBOOKS for c in code_cells(path) for i in CHECK_CELL.findall(c)]
    assert sorted(asked) == sorted(PRACTICE)


def test_a_wrong_or_missing_answer_prints_a_hint_and_does_not_raise(capsys):
    check("nb07.brier_all_80", 0.5)
    check("nb07.brier_all_80", ...)
    wrong, missing = capsys.readouterr().out.strip().splitlines()
    assert "0.0775" not in wrong and missing.startswith("Not answered yet")


@pytest.mark.parametrize(
    "question, answer",
    [
        # E01 (+), E11 (-), E21 (+): one negative edge
        ("nb02.activation_path_sign", -1),
        # two true verdicts at (0.8 - 1)^2 = 0.04, six partly at (0.8 - 0.5)^2 = 0.09, over eight
        ("nb07.brier_all_80", (2 * 0.04 + 6 * 0.09) / 8),
        # procurement before 2017: the 2013 choice and condition, the 2015 reasons and cancellation
        (
            "nb07.earlier_procurement",
            ["hq9_choice_2013", "coproduction_condition_2013", "demir_coproduction_2015",
             "hq9_cancelled_2015"],
        ),
        # US–Turkey turned friendly: the triads with Russia and exactly one of the two friends break
        ("nb05.balanced_late_2025", 2),
        # the claims with an arrow into C11 in claim_links.csv
        ("nb01.direct_support", ["C05", "C06", "C07", "C08", "C09", "C10", "C24"]),
    ],
)  # fmt: skip
def test_practice_keys_worked_by_hand(question, answer):
    wrong = answer[1:] if isinstance(answer, list) else answer + 1
    assert PRACTICE[question](answer).ok and not PRACTICE[question](wrong).ok


def test_the_f35_practice_key_adds_back_exactly_the_f35_loss():
    # the F-35 place: E04 (0.9) x 9 ($bn), felt 5 days after delivery, discounted at 5% a year
    lab = course_lab()
    loss = 0.9 * 9 * 1.05 ** -(5 / 365.25)
    expected = float(lab.margin(preset(lab, "author"))) + loss
    assert PRACTICE["nb03.margin_without_f35"](expected).ok
    assert not PRACTICE["nb03.margin_without_f35"](expected + 0.1).ok
    assert course_data().timeline["f35_removal_2019"].date == "2019-07-17"
