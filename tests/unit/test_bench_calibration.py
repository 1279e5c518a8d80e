"""The benchmark's CPU calibration (scripts/bench_site.py, ``--cpu-score``): the slowdown that
brings a machine to a phone's CPU score, found against machines whose score is known."""

from __future__ import annotations

import pytest
from scripts.bench_site import slowdown_for_score


def machine(unthrottled: float, exponent: float = 1.0):
    """A machine whose score falls as slowdown ** exponent, recording each slowdown tried."""
    tried = []

    def score_at(slowdown: float) -> float:
        tried.append(slowdown)
        return unthrottled / slowdown**exponent

    score_at.tried = tried
    return score_at


@pytest.mark.parametrize("unthrottled", [1000.0, 1386.0, 4000.0])
@pytest.mark.parametrize("target", [1000.0, 264.0])
def test_a_proportional_machine_is_calibrated_in_one_step(unthrottled, target):
    score_at = machine(unthrottled)
    found = slowdown_for_score(score_at, target)
    assert found["slowdown"] == pytest.approx(unthrottled / target, abs=0.01)
    assert found["score"] == pytest.approx(target, rel=0.01)
    assert found["unthrottled"] == unthrottled
    assert len(score_at.tried) <= 2  # unthrottled, then the first guess


def test_a_machine_that_slows_less_than_its_throttling_takes_more_steps_and_still_arrives():
    # Throttling that bites less than proportionally (some of the work is not slowed).
    score_at = machine(1500.0, exponent=0.7)
    found = slowdown_for_score(score_at, 264.0, tolerance=0.05, tries=8)
    assert abs(found["score"] - 264.0) <= 0.05 * 264.0
    assert found["score"] == pytest.approx(1500.0 / found["slowdown"] ** 0.7, rel=0.01)
    assert len(score_at.tried) > 2


def test_a_machine_slower_than_the_target_runs_unthrottled():
    score_at = machine(700.0)
    found = slowdown_for_score(score_at, 1000.0)
    assert found == {"target": 1000.0, "unthrottled": 700.0, "slowdown": 1.0, "score": 700.0}
    assert score_at.tried == [1.0]


def test_it_stops_after_its_tries_and_reports_the_score_at_the_slowdown_it_gives():
    score_at = machine(1500.0, exponent=0.3)  # barely slows: cannot reach the target in 2 tries
    found = slowdown_for_score(score_at, 264.0, tries=2)
    assert len(score_at.tried) == 3
    assert found["slowdown"] == pytest.approx(score_at.tried[-1], abs=0.01)
    assert found["score"] == pytest.approx(1500.0 / score_at.tried[-1] ** 0.3)
