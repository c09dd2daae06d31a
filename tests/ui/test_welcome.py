"""First run and start-up problems: welcome, demo village, damaged/newer/locked databases."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from villagedesk.core.records import Household
from villagedesk.ui import app as ui_app
from villagedesk.ui import welcome
from villagedesk.ui.context import AppContext
from villagedesk.ui.welcome import WelcomeDialog, needs_welcome


def test_an_empty_database_needs_the_welcome(db):
    assert needs_welcome(db)
    db.households.add(Household(household_no="001", head_name="张三"))
    assert not needs_welcome(db)


def test_create_the_village_saves_profile_and_first_member(qtbot, db):
    dialog = WelcomeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.village.insert("青石村")
    dialog.township.insert("河口镇")
    dialog.unit.insert("市农业农村局")
    dialog.member_name.insert("李明")
    dialog.member_phone.insert("13800138000")
    assert dialog.create_village()
    profile = db.profile.get()
    assert (profile.village, profile.township, profile.dispatching_unit) == (
        "青石村", "河口镇", "市农业农村局",
    )  # fmt: skip
    [member] = db.team.find()
    assert (member.name, member.role, member.phone) == ("李明", "第一书记", "13800138000")
    assert not needs_welcome(db)


def test_a_wrong_phone_keeps_the_dialog_open_and_saves_nothing(qtbot, db):
    dialog = WelcomeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.village.insert("青石村")
    dialog.member_name.insert("李明")
    dialog.member_phone.insert("1380013")
    assert not dialog.create_village()
    assert dialog.error_label.text() == "手机号码应为11位数字，当前为7位"
    assert not db.profile.exists() and db.team.count() == 0
    dialog.member_phone.clear()
    dialog.village.clear()
    assert not dialog.create_village()
    assert dialog.error_label.text() == "请填写村名"


def test_open_the_demo_village_in_the_background(qtbot, monkeypatch, db):
    monkeypatch.setattr(welcome, "DEMO_HOUSEHOLDS", 12)
    dialog = WelcomeDialog(AppContext(db))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.demo_finished, timeout=20000) as blocker:
        dialog.open_demo()
    assert blocker.args == [True]
    assert db.households.count() == 12
    assert db.profile.get().village


def test_a_newer_database_gives_a_message_and_a_way_out(monkeypatch, tmp_path, db):
    db.su.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                  "values ('villagedesk', 'm999_future', '2030-01-01')")  # fmt: skip
    db.close()
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        return 0  # closed without choosing: quit

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert ui_app.open_with_way_out(db.path, "zh_CN") is None
    assert "更新版本" in shown[0]


def test_a_damaged_file_lets_you_choose_another(monkeypatch, tmp_path, db):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 10)
    texts = []

    def choose_other(box):
        texts.append(box.text())
        for button in box.buttons():
            if button.text() == "Choose another file…":
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_other)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(db.path), ""))
    opened = ui_app.open_with_way_out(bad, "zh_CN")
    try:
        assert opened is not None and opened.path == db.path
        assert "损坏" in texts[0]
        assert bad.read_bytes().startswith(b"this is not")  # left as it was
    finally:
        opened.close()


def test_restore_from_backup_keeps_the_damaged_file(tmp_path):
    live = tmp_path / "v.db"
    live.write_bytes(b"damaged")
    good = tmp_path / "good.db"
    good.write_bytes(b"good copy")
    ui_app.restore_from_backup(live, good)
    assert live.read_bytes() == b"good copy"
    kept = [p for p in tmp_path.iterdir() if "damaged" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"damaged"


@pytest.mark.parametrize("lang", ["en"])
def test_screenshot_renders_a_page(tmp_path, db, lang):
    db.households.add(Household(household_no="001", head_name="张三"))
    db.close()
    out = tmp_path / "shot.png"
    assert ui_app.run_app(db.path, lang=lang, screenshot=str(out), page="households") == 0
    assert out.stat().st_size > 10000


def test_dashboard_screenshot_waits_for_the_charts_and_lists(tmp_path, demo_db_template):
    """What loads just after the first paint (charts, overdue list) is in the picture."""
    import shutil

    from PySide6.QtGui import QImage

    path = tmp_path / "demo.db"
    shutil.copy(demo_db_template, path)
    out = tmp_path / "dash.png"
    assert (
        ui_app.run_app(path, lang="en", screenshot=str(out), page="dashboard", size="1366x768") == 0
    )
    image = QImage(str(out))

    def colours(x0: int, y0: int, x1: int, y1: int) -> int:
        return len({image.pixel(x, y) for x in range(x0, x1, 3) for y in range(y0, y1, 3)})

    assert colours(190, 220, 700, 450) > 8  # the visits chart's bars and labels, not blank
    assert colours(725, 245, 1340, 330) > 8  # rows of the overdue list
