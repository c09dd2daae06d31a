"""The dashboard's figures computed in a thread while the app starts."""

from __future__ import annotations

import sys

from villagedesk.core.clock import today
from villagedesk.services import dashboard_queries as dq


def test_prefetch_gives_the_figures_of_the_file_and_restores_the_switch_interval(demo_db):
    before = sys.getswitchinterval()
    dq.prefetch_figures(demo_db.path)
    prefetch = dq.take_prefetched(demo_db.path, today())
    assert prefetch is not None
    # while it runs the interpreter hands the GIL over more often (see Prefetch)
    month, total = prefetch.wait(30)
    assert sys.getswitchinterval() == before
    assert (month, total) == dq.dashboard_figures(demo_db, today())
    assert total["issues"]["collected"] > 0
    assert dq.take_prefetched(demo_db.path, today()) is None  # handed out once


def test_prefetch_of_a_missing_file_starts_nothing(tmp_path):
    before = sys.getswitchinterval()
    dq.prefetch_figures(tmp_path / "none.db")
    assert dq.take_prefetched(tmp_path / "none.db", today()) is None
    assert sys.getswitchinterval() == before


def test_two_prefetches_at_once_put_the_interval_back_once_both_end(
    demo_db, demo_db_template, tmp_path
):
    import shutil

    other = tmp_path / "other.db"
    shutil.copy(demo_db_template, other)
    before = sys.getswitchinterval()
    dq.prefetch_figures(demo_db.path)
    dq.prefetch_figures(other)
    first = dq.take_prefetched(demo_db.path, today())
    second = dq.take_prefetched(other, today())
    assert first.wait(30) is not None and second.wait(30) is not None
    assert sys.getswitchinterval() == before
