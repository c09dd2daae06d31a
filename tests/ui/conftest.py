"""Fixtures shared by the window tests: private QSettings, garbage collected here, a main window."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture
def private_settings(tmp_path):
    """QSettings go to a temporary ini file, never to the user's real settings."""
    QCoreApplication.setOrganizationName("VillageDeskTest")
    QCoreApplication.setApplicationName("VillageDeskTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    QSettings().clear()


@pytest.fixture
def collect_qt_garbage_here():
    """Collect this test's widget cycles on the UI thread, not in a later test's worker thread
    (a QWidget freed by the garbage collector in a thread-pool thread crashes the process)."""
    yield
    gc.collect()


@pytest.fixture
def make_window(qtbot) -> Callable:
    """Builds a shown main window on a database, optionally on a page (closed with the test)."""
    from villagedesk.ui.context import AppContext
    from villagedesk.ui.main_window import MainWindow

    def make(db, page: str | None = None) -> MainWindow:
        window = MainWindow(AppContext(db))
        qtbot.addWidget(window)
        if page is not None:
            window.show_page(page)
        window.show()
        return window

    return make


@pytest.fixture
def ctx(db):
    """The app context on the test database (pages that need records add them first)."""
    from villagedesk.ui.context import AppContext

    return AppContext(db)
