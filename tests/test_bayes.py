"""s400.bayes: posteriors worked out by hand in odds form; verdicts on conditional predictions."""

import pytest

from s400.bayes import judge_conditional, likelihood_ratio, posterior_path, update
from s400.data import load


def test_one_update_by_hand():
    # prior 0.2 -> odds 1:4; likelihood ratio 0.9/0.3 = 3 -> odds 3:4 -> 3/7
    assert update(0.2, 0.9, 0.3) == pytest.approx(3 / 7)


def test_the_default_moves_by_hand():
    """moves.csv defaults, prior 0.5 (odds 1). Ratios: M01 0.4/0.8 = 1/2, M02 0.5/0.25 = 2,
    M03 and M04 0.6/0.4 = 3/2, M05 0.3/0.15 = 2, M06 0.5/0.5 = 1.
    Odds: 1/2, 1, 3/2, 9/4, 9/2, 9/2 -> probabilities 1/3, 1/2, 3/5, 9/13, 9/11, 9/11."""
    moves = load().moves.values()
    path = posterior_path(0.5, [(m.p_if_chip, m.p_if_realign) for m in moves])
    assert path == pytest.approx([1 / 3, 1 / 2, 3 / 5, 9 / 13, 9 / 11, 9 / 11])


def test_order_does_not_change_the_end_point():
    moves = [(0.4, 0.8), (0.5, 0.25), (0.6, 0.4)]
    assert posterior_path(0.3, moves)[-1] == pytest.approx(posterior_path(0.3, moves[::-1])[-1])


def test_an_uninformative_move_leaves_the_belief_where_it_was():
    assert likelihood_ratio(0.5, 0.5) == 1
    assert update(0.37, 0.5, 0.5) == pytest.approx(0.37)


@pytest.mark.parametrize(
    "prior, p_h, p_not, message",
    [
        (1.2, 0.5, 0.5, "between 0 and 1"),
        (0.5, 0.0, 0.0, "impossible under both readings"),
    ],
)
def test_impossible_inputs_say_what_is_wrong(prior, p_h, p_not, message):
    with pytest.raises(ValueError, match=message):
        update(prior, p_h, p_not)


@pytest.mark.parametrize(
    "antecedent, consequent, verdict",
    [
        (True, True, "held"),
        (True, False, "failed"),
        (True, None, "open"),
        (False, True, "untested"),
        (False, False, "untested"),
        (None, False, "depends on the condition"),
    ],
)
def test_conditional_verdicts(antecedent, consequent, verdict):
    assert judge_conditional(antecedent, consequent) == verdict
