"""The main window: every page opens, global search, shortcuts, remembered page, error hook."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from villagedesk.core.records import Household, Resident
from villagedesk.ui.context import AppContext
from villagedesk.ui.errors import LOG_NAME, ErrorReporter
from villagedesk.ui.main_window import MainWindow
from villagedesk.ui.pages import PAGE_KEYS

pytestmark = pytest.mark.usefixtures("private_settings")


@pytest.fixture
def village(db):
    zhang = db.households.add(Household(household_no="001", head_name="张三", phone="13800138000"))
    db.residents.add(Resident(household_uid=zhang.uid, name="张三", id_number="11010519491231002X"))
    li = db.households.add(Household(household_no="002", head_name="李四"))
    db.residents.add(Resident(household_uid=li.uid, name="李四"))
    db.residents.add(Resident(household_uid=li.uid, name="张小三", relation="之子"))
    return {"zhang": zhang, "li": li}


@pytest.fixture
def window(make_window, db, village):
    return make_window(db, page="dashboard")


def test_every_page_opens(window):
    for key in PAGE_KEYS:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        assert window.current_page_key() == key


def test_global_search_finds_the_resident_and_opens_the_household_file(qtbot, window, village):
    window.focus_search()
    qtbot.keyClicks(window.search_box, "zxs")
    qtbot.waitUntil(lambda: window.search_box.popup.isVisible(), timeout=2000)
    tree = window.search_box.popup.tree
    first = tree.topLevelItem(0)
    assert [first.text(c) for c in range(5)] == ["张小三", "之子", "002", "", ""]
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    dialog = window.household_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.household_uid == village["li"].uid
    assert not window.search_box.popup.isVisible()


def test_global_search_by_pinyin_initials_shows_masked_id(qtbot, window, village):
    qtbot.keyClicks(window.search_box, "zs")
    qtbot.waitUntil(lambda: window.search_box.popup.isVisible(), timeout=2000)
    tree = window.search_box.popup.tree
    rows = [
        [tree.topLevelItem(r).text(c) for c in range(5)] for r in range(tree.topLevelItemCount())
    ]
    assert ["张三", "户主", "001", "110105********002X", ""] in rows
    # arrow down then Enter opens the second hit's household
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    chosen = tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    qtbot.keyClick(window.search_box, Qt.Key.Key_Enter)
    assert window.household_dialog.household_uid == chosen


def test_nothing_found_says_so_and_enter_does_nothing(qtbot, window):
    qtbot.keyClicks(window.search_box, "qqqq")
    qtbot.waitUntil(lambda: window.search_box.popup.isVisible(), timeout=2000)
    assert window.search_box.popup.tree.topLevelItem(0).text(0) == "Nothing found"
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.household_dialog is None


def test_ctrl_f_focuses_the_search_box_and_ctrl_2_switches_page(qtbot, window):
    qtbot.waitUntil(
        lambda: bool(window.shortcuts)
    )  # made as the window first shows (just after it)
    window.activateWindow()
    window.stack.currentWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus, timeout=1000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "households"


def test_new_visit_and_new_issue_go_to_their_pages(monkeypatch, window):
    calls = []
    visits = window.page("visits")
    issues = window.page("issues")
    if hasattr(visits, "new_visit"):
        monkeypatch.setattr(visits, "new_visit", lambda: calls.append("visit"))
    if hasattr(issues, "new_issue"):
        monkeypatch.setattr(issues, "new_issue", lambda: calls.append("issue"))
    window.new_visit()
    assert window.current_page_key() == "visits"
    window.new_issue()
    assert window.current_page_key() == "issues"
    expected = [k for k, page, m in (("visit", visits, "new_visit"), ("issue", issues, "new_issue"))
                if hasattr(page, m)]  # fmt: skip
    assert calls == expected


def test_page_and_size_are_remembered(qtbot, db, window):
    window.resize(1500, 560)
    window.show_page("settings")
    size = window.size()
    window.close()
    assert QSettings().value("window/page") == "settings"
    again = MainWindow(AppContext(db))
    qtbot.addWidget(again)
    again.restore_state()
    assert again.current_page_key() == "settings"
    assert again.height() == size.height() == 560  # (the offscreen screen clamps the width)


def test_status_bar_shows_the_database_and_the_backup_age(qtbot, window, db):
    assert str(db.path) in window.db_label.text()
    assert "2026年11月29日" in window.date_label.text()
    # filled right after the first paint (listing the backups need not delay the window)
    qtbot.waitUntil(lambda: window.backup_label.text() != "")  # "no backup yet" or its time


def test_status_bar_warns_about_an_old_backup(monkeypatch, window):
    from datetime import datetime

    from villagedesk.ui import main_window

    monkeypatch.setattr(main_window, "last_backup_time", lambda _p: datetime(2026, 11, 1, 9, 30))
    window.update_backup_label()
    assert "2026年11月1日 09:30" in window.backup_label.text()
    assert "week" in window.backup_label.text()
    monkeypatch.setattr(main_window, "last_backup_time", lambda _p: datetime(2026, 11, 28, 9, 30))
    window.update_backup_label()
    assert "week" not in window.backup_label.text()


def test_an_unexpected_error_is_logged_and_reported(qtbot, tmp_path):
    reporter = ErrorReporter(tmp_path, show_dialog=False).install()
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: reporter.last is not None, timeout=1000)
    finally:
        reporter.uninstall()
    summary, details, path = reporter.last
    assert summary == "RuntimeError: boom"
    assert path == tmp_path / LOG_NAME
    assert "RuntimeError: boom" in path.read_text(encoding="utf-8")


def test_an_error_in_a_thread_reaches_the_reporter(qtbot, tmp_path):
    import threading

    reporter = ErrorReporter(tmp_path, show_dialog=False).install()
    try:
        t = threading.Thread(target=lambda: 1 / 0)
        t.start()
        t.join()
        qtbot.waitUntil(lambda: reporter.last is not None, timeout=1000)
    finally:
        reporter.uninstall()
    assert reporter.last[0].startswith("ZeroDivisionError")
