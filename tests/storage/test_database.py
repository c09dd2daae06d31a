"""Opening, creating, upgrading and refusing database files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from villagedesk.core.records import Household
from villagedesk.storage import database as database_mod
from villagedesk.storage import errors
from villagedesk.storage.database import open_database, schema_version
from villagedesk.storage.schema import KNOWN_MIGRATIONS
from villagedesk.storage.search import search

DATA = Path(__file__).resolve().parents[1] / "data"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_every_migration_wal_and_foreign_keys(tmp_path):
    db = open_database(tmp_path / "new.db")
    try:
        assert schema_version(db) == KNOWN_MIGRATIONS
        tables = set(db.su.table_names())
        assert {
            "households",
            "residents",
            "issues",
            "issue_events",
            "audit",
            "search_keys",
        } <= tables
        assert db.su.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.su.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        # foreign keys are really enforced, not just switched on
        with pytest.raises(sqlite3.IntegrityError):
            db.su["residents"].insert(
                {"uid": "x", "household_uid": "nobody", "name": "无户", "relation": "户主"}
            )
    finally:
        db.close()


def test_empty_file_is_treated_as_new(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    db = open_database(path)
    try:
        assert schema_version(db) == KNOWN_MIGRATIONS
        assert not (tmp_path / "backups").exists()  # nothing to back up
    finally:
        db.close()


def test_m001_database_is_upgraded_with_backup_and_search_keys(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(DATA / "schema_m001.db", path)
    db = open_database(path)
    try:
        assert schema_version(db) == KNOWN_MIGRATIONS
        # data intact
        assert [h.head_name for h in db.households.find()] == ["张三", "曾小明", "单立国"]
        assert db.residents.count() == 4
        assert db.residents.by_id_number("341125198001010015").name == "张三"
        # search keys were backfilled by m002
        assert [h.name for h in search(db, "zs")] == ["张三"]
        assert {h.name for h in search(db, "cxm")} == {"曾小明"}
        assert {h.name for h in search(db, "zxm")} == {"曾小明"}
    finally:
        db.close()
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1
    assert backups[0].name.startswith("old-before-m002_search_keys-")
    # the backup is the database as it was: schema m001 only, same rows
    conn = sqlite3.connect(backups[0])
    try:
        names = [r[0] for r in conn.execute("select name from _sqlite_migrations order by rowid")]
        assert names == ["m001_initial"]
        assert conn.execute("select count(*) from residents").fetchone()[0] == 4
    finally:
        conn.close()


def test_fixture_in_repository_is_never_written(tmp_path):
    before = sha(DATA / "schema_m001.db")
    path = tmp_path / "copy.db"
    shutil.copy(DATA / "schema_m001.db", path)
    open_database(path).close()
    assert sha(DATA / "schema_m001.db") == before
    assert sha(path) != before  # the copy was upgraded


def _make_newer(path: Path) -> None:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('villagedesk', 'm999_from_the_future', '2030-01-01 00:00:00')"
    )
    conn.commit()
    conn.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    _make_newer(path)
    before = sha(path)
    with pytest.raises(errors.NewerSchemaError) as info:
        open_database(path)
    assert "更新版本" in str(info.value)
    assert "newer" in info.value.message("en")
    assert sha(path) == before
    assert not (tmp_path / "backups").exists()
    with pytest.raises(errors.NewerSchemaError):
        open_database(path, readonly=True)
    assert sha(path) == before


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("这不是数据库，是一个文本文件\n".encode(), id="text"),
        pytest.param(PNG_HEADER, id="png"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 200, id="damaged-header"),
    ],
)
def test_file_that_is_not_a_database_is_refused_unchanged(tmp_path, content):
    path = tmp_path / "village.db"
    path.write_bytes(content)
    with pytest.raises(errors.NotADatabaseError) as info:
        open_database(path)
    assert "不是驻村工作台数据库" in str(info.value)
    assert path.read_bytes() == content


def _make_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("create table songs (title text, artist text)")
    conn.execute("insert into songs values ('茉莉花', '民歌')")
    conn.commit()
    conn.close()


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    _make_foreign(path)
    with pytest.raises(errors.NotADatabaseError) as info:
        open_database(path)
    assert "其他程序" in str(info.value)
    conn = sqlite3.connect(path)
    assert conn.execute("select name from sqlite_master").fetchall() == [("songs",)]
    conn.close()


def test_foreign_sqlite_database_is_left_byte_for_byte_unchanged(tmp_path):
    path = tmp_path / "other.db"
    _make_foreign(path)
    before = sha(path)
    with pytest.raises(errors.NotADatabaseError):
        open_database(path)
    assert sha(path) == before


def test_folder_instead_of_file_is_refused(tmp_path):
    with pytest.raises(errors.NotADatabaseError):
        open_database(tmp_path)


def test_missing_folder_is_refused_and_not_created(tmp_path):
    path = tmp_path / "no" / "such" / "village.db"
    with pytest.raises(errors.DatabaseNotFoundError) as info:
        open_database(path)
    assert "文件夹不存在" in str(info.value)
    assert not (tmp_path / "no").exists()


def test_missing_file_is_not_created_when_not_asked(tmp_path):
    with pytest.raises(errors.DatabaseNotFoundError):
        open_database(tmp_path / "x.db", create=False)
    with pytest.raises(errors.DatabaseNotFoundError):
        open_database(tmp_path / "x.db", readonly=True)
    assert not (tmp_path / "x.db").exists()


def _deny_writes(monkeypatch, *paths: Path) -> None:
    """Make the permission check see ``paths`` as unwritable.

    Tests run as root in CI, and root may write a 0o444 file anyway, so chmod alone proves
    nothing there; as root we also make ``os.access`` answer as it would for a normal user.
    """
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    if os.geteuid() == 0:
        denied = {str(p) for p in paths}
        real_access = os.access

        def access(path, mode, *args, **kwargs):
            if mode & os.W_OK and str(path) in denied:
                return False
            return real_access(path, mode, *args, **kwargs)

        monkeypatch.setattr(database_mod.os, "access", access)


@pytest.fixture
def saved_db(tmp_path) -> Path:
    path = tmp_path / "folder" / "village.db"
    path.parent.mkdir()
    db = open_database(path)
    db.households.add(Household(household_no="001", head_name="张三"))
    db.close()
    yield path
    path.parent.chmod(0o755)
    path.chmod(0o644)


def test_read_only_file_is_refused_for_writing_but_opens_read_only(saved_db, monkeypatch):
    _deny_writes(monkeypatch, saved_db)
    before = sha(saved_db)
    with pytest.raises(errors.DatabaseReadOnlyError) as info:
        open_database(saved_db)
    assert "只读" in str(info.value)
    db = open_database(saved_db, readonly=True)
    try:
        assert [h.head_name for h in db.households.find()] == ["张三"]
    finally:
        db.close()
    assert sha(saved_db) == before


def test_read_only_folder_is_refused_for_writing(saved_db, monkeypatch):
    _deny_writes(monkeypatch, saved_db.parent)
    with pytest.raises(errors.DatabaseReadOnlyError):
        open_database(saved_db)


def test_writing_through_a_read_only_connection_raises_read_only(saved_db):
    # SQLite itself enforces mode=ro, also for root
    db = open_database(saved_db, readonly=True)
    try:
        with pytest.raises(errors.DatabaseReadOnlyError):
            db.households.add(Household(household_no="002", head_name="李四"))
        assert db.households.count() == 1
    finally:
        db.close()


def test_locked_database_raises_locked_within_the_busy_timeout(saved_db, monkeypatch):
    monkeypatch.setattr(database_mod, "BUSY_TIMEOUT_MS", 200)
    db = open_database(saved_db)
    other = sqlite3.connect(saved_db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(errors.DatabaseLockedError) as info:
            db.households.add(Household(household_no="002", head_name="李四"))
        # 200 ms busy timeout, not the default 3 s: the error comes promptly
        assert time.monotonic() - started < 2.5
        assert "另一个程序" in str(info.value)
        other.execute("ROLLBACK")
        assert db.households.count() == 1  # nothing of the refused write was kept
        db.households.add(Household(household_no="002", head_name="李四"))
        assert db.households.count() == 2
    finally:
        other.close()
        db.close()
