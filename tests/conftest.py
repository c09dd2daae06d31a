"""Shared fixtures. Qt is forced offscreen before anything can import it."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import gc  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from villagedesk.core import clock  # noqa: E402
from villagedesk.storage.database import Database, open_database  # noqa: E402

#: the date every test runs "on", so figures and overdue lists do not drift
TODAY = date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _pinned_today():
    clock.pin_today(TODAY)
    yield
    clock.pin_today(None)
    # free leftover Qt wrappers here, on the main thread, not later from a worker thread
    gc.collect()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a fresh test database lives."""
    return tmp_path / "village.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    """A fresh, empty, migrated database in tmp_path."""
    database = open_database(db_path, actor="测试员")
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> Path:
    """A small demo village built once per test session (copy it before writing)."""
    from villagedesk.services.demo import make_demo_village

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    clock.pin_today(TODAY)
    database = open_database(path, actor="测试员")
    try:
        make_demo_village(database, households=60, seed=3, today=TODAY)
    finally:
        database.close()
        clock.pin_today(None)
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Database:
    """A private copy of the demo village, safe to change."""
    import shutil

    path = tmp_path / "demo.db"
    shutil.copy(demo_db_template, path)
    database = open_database(path, actor="测试员")
    yield database
    database.close()
