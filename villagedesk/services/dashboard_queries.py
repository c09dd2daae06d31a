"""The dashboard's figures, and computing them in a thread while the app is still starting.

``run_app`` calls ``prefetch_figures`` before it even imports Qt; the SQL then runs (sqlite
releases the GIL) while Qt loads and the window is built, and the dashboard takes the result
instead of querying again. Qt-free, so it can run that early.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.services import figures
from villagedesk.startup_trace import mark

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

log = logging.getLogger(__name__)

Figures = tuple[dict[str, Any], dict[str, Any]]


def dashboard_figures(db: Database, day: date) -> Figures:
    """This month's and the cumulative ``stats`` figures (what the dashboard's tiles show)."""
    return (
        figures.monthly_figures(db, figures.Month.of(day), today=day),
        figures.monthly_figures(db, today=day),
    )


def dashboard_lists(db: Database, day: date) -> tuple:
    """What the dashboard shows under its tiles: overdue issues, households due a visit,
    recent activity, twelve months of visits and issues, and the open monitoring checks."""
    return (
        figures.overdue_issues(db, today=day),
        figures.households_due_visit(db, today=day),
        figures.recent_activity(db, limit=30),
        figures.monthly_series(db, months=12, today=day),
        db.check_tasks.count_open(),  # "待核查 N 人" beside the heading
    )


def figures_of_file(
    path: str | os.PathLike[str], day: date, *, password: str | None = None
) -> Figures | None:
    """The figures read through a connection of their own (for a background thread); None when
    the file cannot be read as it is now (missing, damaged, locked, or not yet upgraded)."""
    from villagedesk.storage.database import open_database, pending_migrations

    try:
        db = open_database(path, readonly=True, migrate=False, password=password)
    except Exception:  # the main thread's open explains any problem to the user
        return None
    try:
        if pending_migrations(db):
            return None  # the app upgrades the file first; figures of the old schema may differ
        return dashboard_figures(db, day)
    except Exception:
        log.info("figures could not be read in the background", exc_info=True)
        return None
    finally:
        db.close()


#: how often the interpreter lets the prefetch thread take the GIL back while it runs
PREFETCH_SWITCH_INTERVAL = 0.0005

_interval_lock = threading.Lock()
_running = 0  # prefetch threads running now
_saved_interval = 0.005  # the interval before the first of them started


def _prefetch_started() -> None:
    global _running, _saved_interval
    with _interval_lock:
        if _running == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, PREFETCH_SWITCH_INTERVAL))
        _running += 1


def _prefetch_ended() -> None:
    global _running
    with _interval_lock:
        _running -= 1
        if _running == 0:  # the last one puts back what was there before the first
            sys.setswitchinterval(_saved_interval)


class Prefetch:
    """The figures of one database file being computed in a thread.

    The main thread is busy importing Qt and building the window meanwhile, and holds the GIL
    for most of it. sqlite releases the GIL during each step of a query, but the thread must
    take it back for every row and every next statement, and by default it waits up to 5 ms
    (``sys.getswitchinterval()``) each time: the figures, about 20 ms of SQL alone, took
    160 ms to arrive and came after the window. While the thread runs the interval is 0.5 ms,
    and the figures are ready before the window is shown.
    """

    def __init__(self, path: Path, day: date) -> None:
        self.path, self.day = path, day
        self.result: Figures | None = None
        self._thread = threading.Thread(target=self._run, name="figures-prefetch", daemon=True)
        _prefetch_started()
        try:
            self._thread.start()
        except BaseException:
            _prefetch_ended()
            raise

    def _run(self) -> None:
        try:
            self.result = figures_of_file(self.path, self.day)
        finally:
            _prefetch_ended()
            mark("figures computed (thread)")

    def done(self) -> bool:
        """True when the thread has finished (``result`` may still be None)."""
        return not self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> Figures | None:
        """The figures once computed (None if they could not be, or not within ``timeout``)."""
        self._thread.join(timeout)
        return self.result


_pending: dict[Path, Prefetch] = {}


def prefetch_figures(path: str | os.PathLike[str]) -> None:
    """Start computing a database file's dashboard figures in a thread."""
    key = Path(path).expanduser().absolute()
    if key.is_file():
        _pending[key] = Prefetch(key, clock_today())


def take_prefetched(path: str | os.PathLike[str], day: date) -> Prefetch | None:
    """The prefetch started for this file today, handed out once (None if there is none)."""
    found = _pending.pop(Path(path).expanduser().absolute(), None)
    return found if found is not None and found.day == day else None


def discard_prefetched() -> None:
    """Forget every prefetch (the data changed before the dashboard took it)."""
    _pending.clear()
