"""The desktop app never opens a network connection: a whole window session with sockets failing."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from villagedesk.services.figures import Month
from villagedesk.storage import backup
from villagedesk.ui import safety
from villagedesk.ui.context import AppContext
from villagedesk.ui.main_window import MainWindow
from villagedesk.ui.pages import PAGE_KEYS
from villagedesk.ui.pages.reports import ExportOptions, write_output

pytestmark = pytest.mark.usefixtures("collect_qt_garbage_here", "private_settings")


@pytest.fixture
def no_network(monkeypatch):
    """Every way to reach the network raises and is counted."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network is disabled in this test ({name})")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_a_whole_window_session_works_offline(qtbot, demo_db, tmp_path, no_network):
    with pytest.raises(OSError):  # the blocking really works, and is counted
        socket.getaddrinfo("example.org", 80)
    assert no_network == ["getaddrinfo"]
    no_network.clear()

    ctx = AppContext(demo_db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    safety.install(window, ctx, delay_ms=0)  # the daily backup runs in the background
    for key in PAGE_KEYS:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        qtbot.wait(1)  # let the page's deferred load run
    head = demo_db.households.find()[0].head_name
    window.search_box.setFocus()
    window.search_box.setText(head)
    window.search_box.run_search()
    assert any(head in str(hit) for hit in window.search_box.hits)

    ledger = write_output(
        ctx.db_path, "ledger", tmp_path / "ledger.xlsx", ExportOptions(Month.parse("2026-11"))
    )
    assert ledger.stat().st_size > 0
    made = backup.make_backup(ctx.db, reason="manual", dest_dir=tmp_path / "usb")
    backup.verify_backup(made.path)
    assert QThreadPool.globalInstance().waitForDone(20000)
    QCoreApplication.processEvents()
    assert backup.list_backups(tmp_path / "backups")  # the automatic one was written too
    for _ in range(3):  # the dashboard's deferred loads must not outlive the window
        QThreadPool.globalInstance().waitForDone(10000)
        qtbot.wait(5)
    window.close()
    safety.close_at_exit(ctx)

    assert no_network == []
