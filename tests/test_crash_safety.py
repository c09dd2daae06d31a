"""kill -9 at random moments never corrupts the file or loses a reported commit (50 cycles).

The full count (300) runs in benchmarks/bench_crash.py.
"""

from __future__ import annotations

import random

from tests.crash.harness import check_database, run_kill_cycles

CYCLES = 50


def test_kill_9_loses_nothing_reported_and_never_corrupts(tmp_path):
    result = run_kill_cycles(CYCLES, tmp_path / "crash.db", random.Random(20261129))
    assert result.failures == []
    assert result.passed == result.cycles == CYCLES
    # the writers really were killed mid-work: many commits were reported across the cycles
    assert result.commits > CYCLES


def test_the_check_notices_a_lost_commit(tmp_path):
    # the harness's own check must be able to fail: a reported uid that is not there
    result = run_kill_cycles(1, tmp_path / "crash.db", random.Random(1))
    assert result.failures == []
    problems = check_database(tmp_path / "crash.db", {"no-such-household"})
    assert problems and "missing" in problems[0]
