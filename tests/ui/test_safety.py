"""Data safety in the app: start-up checks, password, backups, restore, idle lock, change log."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from villagedesk.core.records import Household, Resident, VillageProfile
from villagedesk.storage import backup, crypto
from villagedesk.storage.database import open_database
from villagedesk.ui import safety
from villagedesk.ui.backup_panel import BackupPanel
from villagedesk.ui.context import AppContext
from villagedesk.ui.lock import IdleLock
from villagedesk.ui.password_dialog import PasswordChangeDialog

SQLITE_HEADER = b"SQLite format 3\x00"
ID_NUMBER = "11010519491231002X"


pytestmark = pytest.mark.usefixtures("collect_qt_garbage_here", "private_settings")


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answer Yes and record what they said."""
    said: list[tuple[str, str]] = []

    def box(kind, answer=QMessageBox.StandardButton.Ok):
        def show(_parent, _title, text, *a, **k):
            said.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "critical", box("critical"))
    return said


def add_household(db, no: str, head: str) -> Household:
    return db.households.add(Household(household_no=no, head_name=head))


def heads(db) -> list[str]:
    return sorted(h.head_name for h in db.households.find())


def make_village(path: Path, *names: str):
    db = open_database(path, actor="测试员")
    db.profile.save(VillageProfile(village="青石村"))
    for n, name in enumerate(names, start=1):
        add_household(db, f"{n:03d}", name)
    return db


# ---- start-up ---------------------------------------------------------------------------------


def test_damaged_database_is_kept_aside_and_the_newest_backup_restored(tmp_path, boxes):
    path = tmp_path / "village.db"
    db = make_village(path, "张三", "李四")
    backup.make_backup(db, reason="auto", now=datetime(2026, 11, 28, 8, 0))
    db.close()
    garbage = "这不是数据库 — the disk ate it\n".encode() * 500
    path.write_bytes(garbage)

    opened = safety.open_at_start(path, "zh_CN")
    assert opened is not None
    try:
        assert heads(opened) == ["张三", "李四"]
    finally:
        opened.close()
    asides = list(tmp_path.glob("village.db.damaged-*"))
    assert len(asides) == 1 and asides[0].read_bytes() == garbage  # never overwritten
    question = [text for kind, text in boxes if kind == "question"]
    assert "数据库文件已损坏" in question[0] and "2026-11-28 08:00" in question[0]
    assert str(asides[0]) in question[0]


def test_damaged_database_without_a_backup_starts_empty_and_keeps_the_file(tmp_path, boxes):
    path = tmp_path / "village.db"
    path.write_bytes(b"not a database at all\n" * 100)
    opened = safety.open_at_start(path, "zh_CN")
    assert opened is not None
    opened.close()
    assert len(list(tmp_path.glob("village.db.damaged-*"))) == 1
    assert "没有找到可用的备份" in boxes[0][1]


def test_encrypted_database_asks_for_the_password_until_it_is_right(qapp, tmp_path, monkeypatch):
    path = tmp_path / "village.db"
    make_village(path, "王五").close()
    crypto.encrypt_database(path, "secret-1")
    typed = iter(["wrong-pw", "secret-1"])
    errors_shown: list[str] = []

    def exec_(dialog):
        assert dialog.password.echoMode() == dialog.password.EchoMode.Password
        errors_shown.append(dialog.error_label.text())
        dialog.password.setText(next(typed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(safety.PasswordDialog, "exec", exec_)
    opened = safety.open_at_start(path, "zh_CN")
    assert opened is not None
    try:
        assert heads(opened) == ["王五"] and opened.password == "secret-1"
    finally:
        opened.close()
    assert errors_shown == ["", "密码不正确"]


def test_three_wrong_passwords_quit(qapp, tmp_path, monkeypatch, boxes):
    path = tmp_path / "village.db"
    make_village(path).close()
    crypto.encrypt_database(path, "secret-1")
    tries = []

    def exec_(dialog):
        tries.append(1)
        dialog.password.setText("nope-nope")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(safety.PasswordDialog, "exec", exec_)
    assert safety.open_at_start(path, "zh_CN") is None
    assert len(tries) == 3
    assert boxes[-1][0] == "critical" and "三次" in boxes[-1][1]


def test_read_only_database_opens_for_viewing_with_a_banner(qtbot, tmp_path, monkeypatch):
    from villagedesk.ui.main_window import MainWindow

    path = tmp_path / "village.db"
    make_village(path, "赵六").close()
    # what a write-protected USB stick looks like (chmod alone does not stop root in CI)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    db = safety.open_at_start(path, "zh_CN")
    assert db is not None and heads(db) == ["赵六"]
    ctx = AppContext(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    safety.install(window, ctx)
    assert window.readonly_banner.text().startswith("The database file is read-only")
    assert not list((tmp_path / "backups").glob("*.db"))  # no automatic backup attempted
    panel = panel_of(window)
    assert panel.backup_button.isEnabled()  # a copy can still be made elsewhere
    assert not panel.restore_button.isEnabled() and not panel.set_password_button.isEnabled()
    settle(qtbot)
    safety.close_at_exit(ctx)


# ---- status bar and the 设置 panel -------------------------------------------------------------


@pytest.fixture
def window(qtbot, make_window, db):
    db.profile.save(VillageProfile(village="青石村"))
    add_household(db, "001", "张三")
    win = make_window(db)
    yield win
    settle(qtbot)  # the dashboard's deferred loads must not outlive the window


def settle(qtbot) -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone(10000)
        qtbot.wait(5)


def panel_of(window) -> BackupPanel:
    return window.show_page("settings").backup_panel


def test_status_bar_and_panel_show_the_backup_and_warn_when_it_is_old(window, db):
    backup.make_backup(db, reason="auto", now=datetime(2026, 11, 1, 9, 30))
    window.update_backup_label()
    assert "2026年11月1日 09:30" in window.backup_label.text()
    assert "b00020" in window.backup_label.styleSheet()  # red
    panel = panel_of(window)
    panel.refresh()
    assert panel.status_label.text() == "最近备份：2026年11月1日 09:30（已超过一周，请备份）"
    assert "b00020" in panel.status_label.styleSheet()
    backup.make_backup(db, reason="manual")
    window.update_backup_label()
    panel.refresh()
    assert "已超过一周" not in panel.status_label.text()
    assert panel.status_label.styleSheet() == ""


def test_back_up_now_writes_a_checked_copy_to_the_chosen_folder(qtbot, window, tmp_path, boxes):
    usb = tmp_path / "usb"
    usb.mkdir()
    panel = panel_of(window)
    task = panel.back_up_to(usb)
    with qtbot.waitSignal(task.signals.finished, timeout=10000):
        pass
    files = list(usb.glob("*.db"))
    assert len(files) == 1 and files[0] == panel.last_backup_path
    backup.verify_backup(files[0])  # raises if not a good backup
    copy = open_database(files[0], readonly=True)
    try:
        assert heads(copy) == ["张三"]
    finally:
        copy.close()
    assert boxes[-1][0] == "information" and str(files[0]) in boxes[-1][1]


def test_restore_through_settings_replaces_the_data_and_refreshes_every_page(
    qtbot, window, tmp_path, boxes
):
    ctx = window.ctx
    saved = backup.make_backup(ctx.db, reason="manual", dest_dir=tmp_path / "usb")
    add_household(ctx.db, "002", "李四")
    households = window.show_page("households")
    qtbot.waitUntil(lambda: households.model.rowCount() == 2)
    panel = panel_of(window)

    assert panel.restore_from(saved.path)
    assert heads(ctx.db) == ["张三"]
    window.show_page("households")
    qtbot.waitUntil(lambda: households.model.rowCount() == 1)
    assert households.model.record(0).household.head_name == "张三"
    add_household(ctx.db, "003", "王五")  # the reopened database works
    assert heads(ctx.db) == ["张三", "王五"]
    confirm = [text for kind, text in boxes if kind == "question"][0]
    assert "backed up first" in confirm
    before = [b for b in backup.list_backups(tmp_path / "backups") if b.reason == "before-restore"]
    assert len(before) == 1
    kept = open_database(before[0].path, readonly=True)
    try:
        assert heads(kept) == ["张三", "李四"]
    finally:
        kept.close()


def test_a_refused_restore_says_why_and_changes_nothing(window, tmp_path, boxes):
    ctx = window.ctx
    text_file = tmp_path / "notes.db"
    text_file.write_text("村里的笔记，不是备份\n" * 50, encoding="utf-8")
    panel = panel_of(window)
    assert not panel.restore_from(text_file)
    assert boxes[-1][0] == "warning" and "不是驻村工作台的备份" in boxes[-1][1]
    assert not [k for k, _ in boxes if k == "question"]  # refused before asking
    assert heads(ctx.db) == ["张三"]
    add_household(ctx.db, "002", "李四")  # still open and writable
    assert not list((tmp_path / "backups").glob("*before-restore*"))


def fill_password_dialog(monkeypatch, answers: list[dict], messages: list[str]):
    """Each exec of the dialog fills the fields from the next answer and presses OK."""
    queue = iter(answers)

    def exec_(dialog):
        for _ in range(5):
            values = next(queue, None)
            if values is None:
                return QDialog.DialogCode.Rejected
            for name, text in values.items():
                getattr(dialog, name).setText(text)
            if dialog.try_apply():
                return QDialog.DialogCode.Accepted
            messages.append(dialog.error_label.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PasswordChangeDialog, "exec", exec_)


def test_set_change_and_remove_the_password_through_settings(window, monkeypatch):
    ctx = window.ctx
    panel = panel_of(window)
    path = ctx.db_path
    messages: list[str] = []
    fill_password_dialog(
        monkeypatch,
        [
            {"new": "abc", "confirm": "abc"},
            {"new": "secret-1", "confirm": "secret-2"},
            {"new": "secret-1", "confirm": "secret-1"},
        ],
        messages,
    )
    assert panel.change_password("set")
    assert messages == ["密码至少需要 6 个字符", "两次输入的新密码不一致"]
    assert path.read_bytes()[:16] != SQLITE_HEADER and crypto.is_encrypted(path)
    assert ctx.db.password == "secret-1"
    add_household(ctx.db, "002", "李四")  # the app keeps working
    assert panel.change_password_button.isVisibleTo(panel)
    assert not panel.set_password_button.isVisibleTo(panel)

    messages.clear()
    fill_password_dialog(
        monkeypatch,
        [
            {"old": "wrong-pw", "new": "secret-3", "confirm": "secret-3"},
            {"old": "secret-1", "new": "secret-3", "confirm": "secret-3"},
        ],
        messages,
    )
    assert panel.change_password("change")
    assert messages == ["密码不正确"]
    assert ctx.db.password == "secret-3"
    with pytest.raises(crypto.WrongPasswordError):
        open_database(path, password="secret-1").close()
    assert heads(ctx.db) == ["张三", "李四"]

    fill_password_dialog(monkeypatch, [{"old": "secret-3"}], messages)
    assert panel.change_password("remove")
    assert path.read_bytes()[:16] == SQLITE_HEADER
    assert ctx.db.password is None
    add_household(ctx.db, "003", "王五")
    assert heads(ctx.db) == ["张三", "李四", "王五"]


def test_idle_lock_hides_the_window_until_the_right_password(qtbot, window, monkeypatch):
    ctx = window.ctx
    window.show()
    lock = IdleLock(window, ctx)
    lock.idle_seconds = 0
    lock.timer.timeout.emit()
    assert not lock.locked  # no password: nothing to lock with
    assert not lock.watching  # and no Python call on every event of the app

    ctx.db.close()
    crypto.encrypt_database(ctx.db_path, "secret-1")
    ctx.db = open_database(ctx.db_path, password="secret-1")
    lock.timer.timeout.emit()
    assert lock.watching
    assert lock.locked and lock.cover.isVisible()
    assert lock.cover.geometry() == window.rect()
    assert not window.centralWidget().isEnabled()

    qtbot.keyClicks(lock.cover.password, "guess-1")
    qtbot.mouseClick(lock.cover.unlock_button, Qt.MouseButton.LeftButton)
    assert lock.locked and lock.cover.error_label.text() == "密码不正确"
    assert lock.cover.password.text() == ""

    qtbot.keyClicks(lock.cover.password, "secret-1")
    qtbot.keyClick(lock.cover.password, Qt.Key.Key_Return)
    assert not lock.locked
    assert window.centralWidget().isEnabled()
    assert heads(ctx.db) == ["张三"]  # the data stayed open underneath


def test_idle_time_is_a_setting(window):
    panel = panel_of(window)
    assert panel.idle_minutes.value() == 10
    panel.idle_minutes.setValue(3)
    from villagedesk.ui.lock import idle_minutes

    assert idle_minutes() == 3


# ---- the change log -----------------------------------------------------------------------------


def test_change_log_lists_a_change_and_exports_it_with_ids_masked(qtbot, window, tmp_path, boxes):
    from openpyxl import load_workbook

    from villagedesk.ui.audit_view import AuditDialog

    ctx = window.ctx
    household = ctx.db.households.find()[0]
    resident = ctx.db.residents.add(
        Resident(household_uid=household.uid, name="张小明", id_number=ID_NUMBER, phone="")
    )
    ctx.db.residents.update(replace(resident, phone="13800138000"))
    dialog = AuditDialog(ctx)
    qtbot.addWidget(dialog)
    model = dialog.model
    texts = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    update = next(row for row in texts if row[2] == "修改" and row[3] == "村民")
    assert update[4] == "张小明"
    assert update[5] == "电话：（空）" and update[6] == "电话：13800138000"
    create = next(row for row in texts if row[2] == "新建" and row[3] == "村民")
    assert "证件号码：110105********002X" in create[6] and ID_NUMBER not in create[6]

    dialog.kind.setCurrentIndex(dialog.kind.findData("household"))
    assert {model.record(r).kind for r in range(model.rowCount())} == {"household"}
    dialog.kind.setCurrentIndex(dialog.kind.findData("resident"))
    assert model.rowCount() == 2

    out = tmp_path / "日志.xlsx"
    task = dialog.export_to(out)
    with qtbot.waitSignal(task.signals.finished, timeout=10000):
        pass
    ws = load_workbook(out).active
    assert [c.value for c in ws[3]] == [
        "序号",
        "时间",
        "操作人",
        "操作",
        "类别",
        "记录",
        "修改前",
        "修改后",
    ]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert len(rows) == 2
    assert rows[0][3:] == ["修改", "村民", "张小明", "电话：（空）", "电话：13800138000"]
    assert rows[1][3] == "新建" and "证件号码：110105********002X" in rows[1][7]
    assert ID_NUMBER not in str(rows)

    dialog.mask.setChecked(False)  # an inspection that needs the full numbers
    task = dialog.export_to(out)
    with qtbot.waitSignal(task.signals.finished, timeout=10000):
        pass
    assert f"证件号码：{ID_NUMBER}" in str([c.value for c in load_workbook(out).active[5]])


def test_change_log_dates_filter(qtbot, window):
    from villagedesk.ui.audit_view import AuditDialog

    dialog = AuditDialog(window.ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() > 0  # today's changes
    dialog.until.setDate(dialog.since.date())
    dialog.since.setDate(dialog.since.date().addDays(-5))
    assert dialog.model.rowCount() == 0


# ---- saving into a read-only database ------------------------------------------------------------


def test_a_form_on_a_read_only_database_keeps_the_text_and_says_why(qtbot, tmp_path):
    from villagedesk.ui.pages.household_form import HouseholdForm

    path = tmp_path / "village.db"
    make_village(path, "张三").close()
    db = open_database(path, readonly=True)
    try:
        form = HouseholdForm(AppContext(db))
        qtbot.addWidget(form)
        form.number.clear()  # it suggests the next free number
        qtbot.keyClicks(form.number, "009")
        form.head.insert("孙七")  # typed through an input method (keyClicks is ASCII only)
        form.try_save()
        assert form.error_label.isVisibleTo(form)
        assert "只读" in form.error_label.text()
        assert form.result() != QDialog.DialogCode.Accepted
        assert (form.number.text(), form.head.text()) == ("009", "孙七")
        assert heads(db) == ["张三"]
    finally:
        db.close()
