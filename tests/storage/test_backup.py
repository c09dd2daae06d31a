"""Backups: a restore gives back every record and photo; rotation; refused restores."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from villagedesk.core.enums import Relation
from villagedesk.core.records import Household, Resident, Visit
from villagedesk.storage.backup import (
    BackupDamagedError,
    BackupTooNewError,
    NotABackupError,
    auto_backup_if_due,
    backup_dir_for,
    last_good_backup,
    list_backups,
    make_backup,
    restore_backup,
    rotate_backups,
    verify_backup,
)
from villagedesk.storage.database import open_database

TABLES = ["households", "residents", "visits", "attachments", "search_keys", "settings"]


def _photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _fill(db) -> str:
    h = db.households.add(Household(household_no="001", head_name="张三", phone="13800138000"))
    db.residents.add(Resident(household_uid=h.uid, name="张三"))
    db.residents.add(Resident(household_uid=h.uid, name="李四", relation=Relation.SPOUSE))
    db.visits.add(Visit(date=date(2026, 11, 2), household_uid=h.uid, needs="屋顶漏雨"))
    db.attachments.add_photo("household", h.uid, _photo(), filename="门牌.png")
    return h.uid


def _rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select * from [{t}] order by 1").fetchall() for t in TABLES}
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_then_delete_then_restore_gives_identical_records_and_photo(db, db_path):
    uid = _fill(db)
    photo = db.attachments.of_owner(uid)[0].data
    info = make_backup(db, reason="manual")
    assert info.path.parent == backup_dir_for(db_path) and info.size == info.path.stat().st_size
    verify_backup(info.path)
    db.close()
    before = _rows(db_path)

    # the data is lost: every record deleted for good
    conn = sqlite3.connect(db_path)
    with conn:
        for table in ["attachments", "visits", "residents", "households"]:
            conn.execute(f"delete from {table}")
    conn.close()
    assert _rows(db_path)["households"] == []

    saved = restore_backup(db_path, info.path, actor="测试员")
    assert saved is not None and saved.reason == "before-restore" and saved.path.exists()
    assert _rows(db_path) == before
    db2 = open_database(db_path)
    try:
        assert db2.integrity_problems() == []
        assert db2.attachments.of_owner(uid)[0].data == photo
        assert db2.households.get(uid).head_name == "张三"
        restore_row = db2.audit.entries(limit=1)[0]
        assert (restore_row.action, restore_row.actor) == ("restore", "测试员")
    finally:
        db2.close()
    # the pre-restore backup holds the emptied data, so the restore itself can be undone
    assert _rows(saved.path)["households"] == []


def test_backup_name_carries_time_and_reason_and_list_is_newest_first(db):
    t = datetime(2026, 11, 29, 8, 0, 0)
    a = make_backup(db, reason="auto", now=t)
    b = make_backup(db, reason="exit", now=t + timedelta(hours=9))
    c = make_backup(db, reason="exit", now=t + timedelta(hours=9))  # same second: no overwrite
    assert a.path.name == "village-20261129-080000-auto.db"
    assert len({a.path, b.path, c.path}) == 3
    listed = list_backups(backup_dir_for(db.path))
    assert [x.path for x in listed][2] == a.path
    assert {x.reason for x in listed} == {"auto", "exit"}


def test_auto_backup_only_when_the_last_is_a_day_old(db):
    t = datetime(2026, 11, 29, 8, 0, 0)
    first = auto_backup_if_due(db, now=t)
    assert first is not None and first.reason == "auto"
    assert auto_backup_if_due(db, now=t + timedelta(hours=23)) is None
    again = auto_backup_if_due(db, now=t + timedelta(hours=24, minutes=1))
    assert again is not None
    assert len(list_backups(backup_dir_for(db.path))) == 2


def _touch(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"x")
    return path


def test_rotation_keeps_7_daily_4_weekly_12_monthly_over_15_months(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    day = date(2025, 9, 1)
    while day <= date(2026, 11, 29):
        _touch(folder, f"v-{day:%Y%m%d}-080000-auto.db")
        _touch(folder, f"v-{day:%Y%m%d}-183000-exit.db")
        day += timedelta(days=1)
    for d in range(1, 8):  # old safety copies before imports
        _touch(folder, f"v-202601{d:02d}-100000-before-import.db")
    _touch(folder, "v-20261120-100000-before-restore.db")
    _touch(folder, "v-before-m002_search_keys-20251001T090000.db")
    _touch(folder, "my-notes.txt")

    removed = rotate_backups(folder, today=date(2026, 11, 29))

    kept = sorted(p.name for p in folder.iterdir())
    exits = [
        *(f"2026112{d}" for d in range(3, 10)),  # 7 daily: 23..29 November
        "20261122", "20261115", "20261108",  # newest of the weeks before (Sundays)
        "20261031", "20260930", "20260831", "20260731", "20260630", "20260531",
        "20260430", "20260331", "20260228", "20260131", "20251231",  # 12 monthly with November
    ]  # fmt: skip
    expected = sorted(
        [f"v-{d}-183000-exit.db" for d in exits]
        + [f"v-202601{d:02d}-100000-before-import.db" for d in (4, 5, 6, 7)]
        + ["v-20261120-100000-before-restore.db", "my-notes.txt"]
    )
    assert kept == expected
    assert len(removed) == 2 * 455 + 9 - (len(expected) - 1)  # all but the kept
    assert date(2026, 11, 29).isoweekday() == 7  # the weekly picks above are Sundays


def test_rotation_never_removes_the_only_or_newest_backup(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    only = _touch(folder, "v-20240101-080000-auto.db")
    assert rotate_backups(folder, today=date(2026, 11, 29)) == []
    assert only.exists()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):  # every page after the first: garbage
        data[offset + 8 : offset + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))


def _future(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('villagedesk', 'm999_from_the_future', '2030-01-01')"
        )
    conn.close()


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("create table recipes (name text)")
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "error", "words"),
    [
        (_corrupt, BackupDamagedError, "已损坏"),
        (
            lambda p: p.write_text("这是一份会议记录", encoding="utf-8"),
            NotABackupError,
            "不是驻村工作台",
        ),
        (lambda p: (p.unlink(), _foreign(p)), NotABackupError, "不是驻村工作台"),
        (_future, BackupTooNewError, "更新版本"),
    ],
    ids=["corrupted", "text", "foreign-sqlite", "newer-version"],
)
def test_restore_refuses_bad_files_and_leaves_the_database_untouched(
    db, db_path, spoil, error, words
):
    _fill(db)
    info = make_backup(db, reason="manual")
    db.close()
    bad = db_path.parent / "chosen.db"
    bad.write_bytes(info.path.read_bytes())
    spoil(bad)
    before = _digest(db_path)
    backups_before = list_backups(backup_dir_for(db_path))

    with pytest.raises(error) as caught:
        restore_backup(db_path, bad, actor="测试员")

    assert words in str(caught.value)
    assert caught.value.exit_code == 2
    assert _digest(db_path) == before
    assert list_backups(backup_dir_for(db_path)) == backups_before  # nothing written either


def test_last_good_backup_skips_a_damaged_newest(db):
    t = datetime(2026, 11, 1, 8, 0, 0)
    good = make_backup(db, reason="auto", now=t)
    _fill(db)
    newest = make_backup(db, reason="auto", now=t + timedelta(days=1))
    _corrupt(newest.path)
    assert last_good_backup(backup_dir_for(db.path)).path == good.path


def test_restore_into_an_open_database_is_refused_as_locked(db, db_path):
    from villagedesk.storage.errors import DatabaseLockedError

    _fill(db)
    info = make_backup(db, reason="manual")
    db.households.add(Household(household_no="002", head_name="王五"))
    with pytest.raises(DatabaseLockedError) as caught:
        restore_backup(db_path, info.path, actor="测试员")
    assert "另一个" in str(caught.value)
    assert db.households.count() == 2  # the open window's data is still there and writable
    db.households.add(Household(household_no="003", head_name="赵六"))
    assert db.households.count() == 3


def test_exit_backup_only_when_something_changed_and_status_warns_after_a_week(db):
    from villagedesk.storage.backup import backup_on_exit, backup_status

    assert backup_status(db.path).stale and backup_status(db.path).text() == "尚无备份"
    _fill(db)
    first = backup_on_exit(db, now=datetime(2099, 1, 1, 18, 0, 0))
    assert first is not None and first.reason == "exit"
    assert backup_on_exit(db, now=datetime(2099, 1, 2, 18, 0, 0)) is None  # nothing new
    status = backup_status(db.path, now=datetime(2099, 1, 5, 9, 0, 0))
    assert not status.stale and status.text() == "最近备份：2099年1月1日 18:00"
    late = backup_status(db.path, now=datetime(2099, 1, 9, 9, 0, 0))
    assert late.stale and "已超过一周" in late.text()


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    theirs = [_touch(folder, f"demo-202601{d:02d}-080000-auto.db") for d in range(1, 20)]
    _touch(folder, "village-20261129-080000-auto.db")
    assert [b.path.name for b in list_backups(folder, stem="village")] == [
        "village-20261129-080000-auto.db"
    ]
    assert rotate_backups(folder, today=date(2026, 11, 29), stem="village") == []
    assert all(p.exists() for p in theirs)


def test_cli_backup_and_restore_say_where_and_refuse_bad_files(db, db_path, tmp_path, capsys):
    from villagedesk import cli

    _fill(db)
    db.close()
    assert cli.main(["--db", str(db_path), "backup"]) == 0
    out = capsys.readouterr().out
    made = list_backups(backup_dir_for(db_path))
    assert len(made) == 1 and str(made[0].path) in out and "KB" in out

    note = tmp_path / "会议记录.txt"
    note.write_text("不要覆盖我", encoding="utf-8")
    assert cli.main(["--db", str(db_path), "backup", "-o", str(note)]) == 2
    assert "不是驻村工作台备份" in capsys.readouterr().err
    assert note.read_text(encoding="utf-8") == "不要覆盖我"

    before = _digest(db_path)
    assert cli.main(["--db", str(db_path), "restore", str(note)]) == 2
    assert "不是驻村工作台的备份" in capsys.readouterr().err
    assert cli.main(["--db", str(db_path), "restore", str(tmp_path / "missing.db")]) == 2
    assert "找不到备份文件" in capsys.readouterr().err
    assert _digest(db_path) == before

    assert cli.main(["--db", str(db_path), "restore", str(made[0].path)]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and "恢复前的数据已备份到" in out
