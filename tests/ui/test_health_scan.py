"""The page-by-page check runs after the window shows and offers the backup when it fails."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QMessageBox

from villagedesk.core.records import Household
from villagedesk.storage import health
from villagedesk.storage.backup import make_backup
from villagedesk.storage.database import open_database
from villagedesk.ui import safety
from villagedesk.ui.context import AppContext
from villagedesk.ui.main_window import MainWindow


def test_start_check_reads_only_the_schema(demo_db_template, tmp_path, monkeypatch):
    path = tmp_path / "v.db"
    shutil.copy(demo_db_template, path)
    pragmas = []
    real = health.check_connection

    def spy(conn, p, **kw):
        pragmas.append(kw.get("scan", True))
        return real(conn, p, **kw)

    monkeypatch.setattr(health, "check_connection", spy)
    db = safety.open_at_start(path, "zh_CN")
    db.close()
    assert pragmas == [False]


def test_damage_found_in_the_background_restores_the_newest_backup(
    qtbot, demo_db_template, tmp_path, monkeypatch
):
    path = tmp_path / "v.db"
    shutil.copy(demo_db_template, path)
    db = open_database(path)
    before = db.households.count()
    backup = make_backup(db, reason="manual")
    db.households.add(Household(household_no="X-1", head_name="备份后新增"))
    ctx = AppContext(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    damaged = health.StartCheck(health.StartState.DAMAGED, path, "数据库文件已损坏", "", backup)
    monkeypatch.setattr(health, "check_on_start", lambda *a, **k: damaged)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    handle = safety.start_health_scan(window, ctx)
    qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)  # found damage; restore the backup?
    assert handle is not None
    assert ctx.db is not db and ctx.db.households.count() == before  # the backup's data
    aside = [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert aside, "the damaged file is kept aside, never overwritten"
    ctx.db.close()
