"""Start-up check, damaged files kept aside, read-only, locked, two writers, full disk."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from villagedesk.core.records import Household
from villagedesk.storage.backup import make_backup, restore_backup
from villagedesk.storage.database import open_database
from villagedesk.storage.errors import DatabaseReadOnlyError, DiskFullError
from villagedesk.storage.health import StartState, check_on_start, set_aside_damaged

WRITER = Path(__file__).resolve().parents[1] / "crash" / "writer.py"


def _household(db, no: str, notes: str = "") -> Household:
    return db.households.add(Household(household_no=no, head_name=f"户主{no}", notes=notes))


def test_a_healthy_and_a_missing_database(db, db_path, tmp_path):
    assert check_on_start(db_path).state == StartState.OK
    assert check_on_start(tmp_path / "new.db").state == StartState.MISSING


@pytest.mark.parametrize("how", ["garbage-header", "broken-pages"])
def test_damaged_database_is_kept_aside_and_the_newest_backup_offered(db, db_path, how):
    t = datetime(2026, 11, 27, 8, 0, 0)
    make_backup(db, reason="auto", now=t)
    _household(db, "001")
    newest = make_backup(db, reason="exit", now=t + timedelta(days=1))
    db.close()
    data = bytearray(db_path.read_bytes())
    if how == "garbage-header":
        data[:100] = b"\x00" * 100
    else:
        for offset in range(4096, len(data), 4096):
            data[offset + 8 : offset + 200] = b"\xa5" * 192
    db_path.write_bytes(bytes(data))
    damaged_bytes = db_path.read_bytes()

    check = check_on_start(db_path)
    assert check.state == StartState.DAMAGED and not check.ok
    assert "损坏" in check.message
    assert check.backup is not None and check.backup.path == newest.path
    assert db_path.read_bytes() == damaged_bytes  # the check changed nothing

    aside = set_aside_damaged(db_path, now=t + timedelta(days=2))
    assert not db_path.exists()
    assert aside.name == "village.db.damaged-20261129-080000"
    assert aside.read_bytes() == damaged_bytes
    restore_backup(db_path, check.backup.path, actor="测试员")
    db2 = open_database(db_path)
    try:
        assert db2.households.by_number("001") is not None
    finally:
        db2.close()
    assert aside.read_bytes() == damaged_bytes  # still there after the restore


def test_set_aside_never_overwrites_and_takes_the_wal_along(tmp_path):
    db_path = tmp_path / "v.db"
    db_path.write_bytes(b"broken")
    Path(f"{db_path}-wal").write_bytes(b"wal")
    now = datetime(2026, 11, 29, 9, 0, 0)
    earlier = tmp_path / "v.db.damaged-20261129-090000"
    earlier.write_bytes(b"an earlier damaged file")
    aside = set_aside_damaged(db_path, now=now)
    assert aside.name == "v.db.damaged-20261129-090000-2"
    assert earlier.read_bytes() == b"an earlier damaged file"
    assert aside.read_bytes() == b"broken"
    assert Path(f"{aside}-wal").read_bytes() == b"wal"
    assert not Path(f"{db_path}-wal").exists()


def test_restore_over_a_damaged_file_keeps_it_aside(db, db_path):
    info = make_backup(db, reason="manual")
    db.close()
    db_path.write_bytes(b"\x00" * 8192)
    assert restore_backup(db_path, info.path, actor="测试员") is None  # nothing readable to save
    aside = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00" * 8192
    assert check_on_start(db_path).state == StartState.OK


def test_foreign_and_newer_files_are_named_and_never_treated_as_damaged(tmp_path, db, db_path):
    foreign = tmp_path / "recipes.db"
    conn = sqlite3.connect(foreign)
    conn.execute("create table recipes (name text)")
    conn.close()
    assert check_on_start(foreign).state == StartState.FOREIGN
    db.su.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('villagedesk', 'm999_future', '2030-01-01')"
    )
    check = check_on_start(db_path)
    assert check.state == StartState.NEWER and "更新版本" in check.message


def test_read_only_database_says_so_and_loses_nothing(db, db_path, monkeypatch):
    # tests run as root, where chmod does not stop writes: make os.access say what a
    # read-only file or folder (a CD, a write-protected USB stick) would say
    _household(db, "001")
    db.close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode & os.W_OK else real_access(p, mode)
    )
    check = check_on_start(db_path)
    assert check.state == StartState.READONLY
    assert "只读" in check.message
    with pytest.raises(DatabaseReadOnlyError) as caught:
        open_database(db_path)
    assert "只读" in str(caught.value)
    readonly = open_database(db_path, readonly=True)
    try:
        assert readonly.households.by_number("001") is not None
    finally:
        readonly.close()


def test_a_database_held_exclusively_elsewhere_is_reported_locked(db, db_path):
    db.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        check = check_on_start(db_path)
        assert check.state == StartState.LOCKED and "另一个程序" in check.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_copies_of_the_app_write_at_once_and_keep_every_commit(db, db_path):
    db.close()
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), prefix, "--max", "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for prefix in ("a", "b")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    committed = []
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        lines = out.decode().split()
        committed += [lines[i + 1] for i, w in enumerate(lines) if w == "COMMITTED"]
    assert len(committed) == 50
    db2 = open_database(db_path)
    try:
        assert db2.integrity_problems() == []
        assert all(db2.households.get(uid) for uid in committed)
        assert db2.residents.count() == 100
    finally:
        db2.close()


def test_full_disk_raises_disk_full_and_loses_nothing_saved(db):
    saved = [_household(db, f"{n:03d}") for n in range(5)]
    pages = db.su.execute("PRAGMA page_count").fetchone()[0]
    db.su.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiskFullError) as caught:
        for n in range(100, 400):  # the file may not grow: some save must fail
            _household(db, f"{n}", notes="很长的备注" * 2000)
    assert "磁盘空间已满" in str(caught.value)
    failed_no = str(n)
    db.su.execute("PRAGMA max_page_count = 1073741823")
    assert db.households.by_number(failed_no) is None  # the failed save left nothing behind
    assert all(db.households.get(h.uid) for h in saved)
    assert db.integrity_problems() == []
    _household(db, "after")  # and saving works again once there is room
    assert db.households.by_number("after") is not None
