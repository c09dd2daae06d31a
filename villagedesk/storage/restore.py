"""Restoring a backup: check it, back up the current data, replace the file atomically."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from villagedesk.storage import health
from villagedesk.storage.backup import (
    BackupInfo,
    _copy_connection,
    _free_name,
    _new_connection_like,
    backup_dir_for,
)
from villagedesk.storage.errors import StorageError
from villagedesk.storage.health import NotABackupError, verify_backup


def restore_backup(
    db_path: str | os.PathLike[str],
    backup_path: str | os.PathLike[str],
    *,
    actor: str,
    password: str | None = None,
    now: datetime | None = None,
) -> BackupInfo | None:
    """Replace the database at ``db_path`` with a checked copy of ``backup_path``.

    The backup is checked first (not ours, damaged, newer: refused, nothing touched). Then the
    current data is backed up (``before-restore``; returned, None when there was no readable
    database) and the file replaced atomically. A damaged current file is set aside, never
    overwritten. The caller must have closed its own connection. ``password`` opens both the
    backup and the current database when they are encrypted.
    """
    db_path = Path(db_path).expanduser().absolute()
    backup_path = Path(backup_path).expanduser().absolute()
    if backup_path == db_path:
        raise NotABackupError(
            "不能用数据库文件自己来恢复它自己，请选择一个备份文件",
            "A database cannot be restored from itself; choose a backup file",
        )
    verify_backup(backup_path, password=password)
    now = (now or datetime.now()).replace(microsecond=0)
    saved: BackupInfo | None = None
    current, current_password = _open_current(db_path, password)
    try:
        if current is not None:
            health.take_exclusive(current, db_path)
            dest = _free_name(backup_dir_for(db_path), db_path.stem, now, "before-restore")
            _copy_connection(current, dest, password=current_password)
            saved = BackupInfo(dest, now, dest.stat().st_size, "before-restore")
        tmp = db_path.with_name(f".{db_path.name}.restore-part")
        backup_password = health.password_for(backup_path, password)
        _copy_file_in(backup_path, tmp, password=backup_password, actor=actor, now=now)
    finally:
        if current is not None:
            current.close()
    try:
        if current is None and db_path.exists():
            health.set_aside_damaged(db_path, now=now)  # unreadable: keep it, never overwrite
        health.replace_database_file(tmp, db_path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    if current_password is not None and backup_password is None:
        # a plain backup restored over a protected database stays protected
        from villagedesk.storage.crypto import encrypt_database

        encrypt_database(db_path, current_password)
    return saved


def _open_current(db_path: Path, password: str | None) -> tuple[object | None, str | None]:
    """A connection to the current database and the password it took (None, None if unreadable).

    An encrypted database is never mistaken for a damaged one: without its password (or with
    a wrong one) the restore stops.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None, None
    if _has_header(db_path):
        conn, used = sqlite3.connect(str(db_path), timeout=3, isolation_level=None), None
    elif health.looks_encrypted(db_path):
        from villagedesk.storage.crypto import PasswordRequiredError, open_encrypted_connection

        if password is None:
            raise PasswordRequiredError(
                "当前数据库已设置密码，请先输入密码再恢复",
                "The current database needs its password",
            )
        conn, used = open_encrypted_connection(db_path, password), password
    else:
        return None, None
    try:
        health.check_connection(conn, db_path, full=False)
    except health.DatabaseLockedError:
        conn.close()
        raise
    except StorageError:
        conn.close()
        return None, None
    return conn, used


def _has_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _copy_file_in(src: Path, tmp: Path, *, password: str | None, actor: str, now: datetime) -> None:
    """Copy a backup to ``tmp`` via the backup API, note the restore in its audit log, check it."""
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    if password is not None:
        from villagedesk.storage.crypto import open_encrypted_connection

        source = open_encrypted_connection(src, password, readonly=True)
    else:
        source = sqlite3.connect(f"{src.as_uri()}?mode=ro", uri=True)
    try:
        _copy_connection(source, tmp, password=password)
    finally:
        source.close()
    conn = _new_connection_like(source, tmp, password)
    try:
        with conn:
            conn.execute(
                "insert into audit (at, actor, action, kind, uid, before, after) "
                "values (?, ?, 'restore', 'database', '', null, ?)",
                [now.isoformat(), actor, json.dumps({"from": src.name}, ensure_ascii=False)],
            )
        health.check_connection(conn, tmp, full=False)  # the copy itself was fully checked
    finally:
        conn.close()
