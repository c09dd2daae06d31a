"""Backups of the village database: made through SQLite's online backup API, each verified.

A backup is a complete SQLite file (photos included: they live in the database) named
``<stem>-<YYYYMMDD-HHMMSS>-<reason>.db`` in ``backups/`` beside the database. Routine backups
(``auto``, ``exit``, ``manual``) rotate 7 daily / 4 weekly / 12 monthly; safety backups made
before a restore, an import or a migration are kept apart (see ``rotate_backups``).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from villagedesk.storage.errors import StorageError
from villagedesk.storage.health import (
    BackupDamagedError,
    BackupTooNewError,
    NotABackupError,
    fsync_dir,
    fsync_file,
    verify_backup,
)

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

BACKUP_DIR = "backups"
#: reasons rotated by the 7/4/12 policy; every other reason is a safety backup
ROUTINE_REASONS = frozenset({"auto", "exit", "manual", "start"})
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
#: safety backups: always the newest few, and all younger than this many days
KEEP_SAFETY_NEWEST, KEEP_SAFETY_DAYS = 5, 30

_STAMP = "%Y%m%d-%H%M%S"
_NAME_RE = re.compile(
    r"^(?P<stem>.+?)-(?P<ts>\d{8}-\d{6})(?:-\d+)?-(?P<reason>[a-z][a-z0-9_-]*)\.db$"
)
# what storage/database.py writes before a migration: <stem>-before-<name>-<YYYYMMDDTHHMMSS>.db
_MIGRATION_RE = re.compile(r"^(?P<stem>.+?)-before-(?P<name>.+)-(?P<ts>\d{8}T\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, when (local time), how big, and why it was made."""

    path: Path
    created_at: datetime
    size: int
    reason: str

    @property
    def routine(self) -> bool:
        """Whether the 7/4/12 rotation applies to it (not a pre-restore/import/migration copy)."""
        return self.reason in ROUTINE_REASONS


def backup_dir_for(db_path: str | os.PathLike[str]) -> Path:
    """The ``backups/`` folder beside a database file."""
    return Path(db_path).expanduser().absolute().parent / BACKUP_DIR


# ---- making backups ----------------------------------------------------------------------


def _new_connection_like(conn, path: Path, password: str | None):
    """A connection to ``path`` of the same library as ``conn`` (sqlcipher needs its own)."""
    if password is not None or type(conn).__module__.startswith("sqlcipher3"):
        from villagedesk.storage.crypto import open_encrypted_connection

        return open_encrypted_connection(path, password or "", check=False)
    return sqlite3.connect(str(path))


def _copy_connection(conn, dest: Path, *, password: str | None = None) -> None:
    """Online-backup ``conn`` to ``dest`` via a temp file, check it, rename it into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        target = _new_connection_like(conn, tmp, password)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise StorageError(f"备份校验失败：{result}", f"Backup failed its check: {result}")
        fsync_file(tmp)
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except sqlite3.Error as exc:
        raise _backup_failed(exc) from exc
    except OSError as exc:
        raise StorageError(
            f"无法写入备份文件 {dest}：{exc.strerror}", f"Cannot write the backup {dest}: {exc}"
        ) from exc
    except Exception as exc:
        if type(exc).__module__.startswith("sqlcipher3"):
            raise _backup_failed(exc) from exc
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _backup_failed(exc: Exception) -> StorageError:
    text = str(exc).lower()
    if "disk is full" in text:
        from villagedesk.storage.errors import DiskFullError

        return DiskFullError(
            "磁盘空间已满，无法写入备份", "The disk is full; the backup was not written"
        )
    return StorageError(f"备份失败：{exc}", f"Backup failed: {exc}")


def backup_database(db: Database, dest: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of ``db`` to ``dest`` and check it; never a half-written file."""
    dest = Path(dest)
    _copy_connection(db.su.conn, dest, password=getattr(db, "password", None))
    return dest


def _free_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    base = f"{stem}-{when.strftime(_STAMP)}"
    path = folder / f"{base}-{reason}.db"
    n = 2
    while path.exists():  # two backups in one second: never overwrite the first
        path = folder / f"{base}-{n}-{reason}.db"
        n += 1
    return path


def make_backup(
    db: Database,
    *,
    reason: str,
    dest_dir: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up ``db`` into ``dest_dir`` (default: its ``backups/`` folder), verified."""
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", reason):
        raise ValueError(f"backup reason must be a lowercase slug, not {reason!r}")
    when = (now or datetime.now()).replace(microsecond=0)
    folder = Path(dest_dir) if dest_dir is not None else backup_dir_for(db.path)
    dest = _free_name(folder, db.path.stem, when, reason)
    backup_database(db, dest)
    return BackupInfo(dest, when, dest.stat().st_size, reason)


# ---- finding and rotating ----------------------------------------------------------------


def _stamp_time(stamp: str) -> datetime:
    """``20261129-093000`` or ``20261129T093000`` (the regexes checked the digits) as a time.

    Not ``datetime.strptime``: its first call imports ``_strptime`` (2 ms), and the status bar
    reads the newest backup's time while the window starts. ValueError for an impossible date.
    """
    day, clock = stamp[:8], stamp[9:]
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:]), int(clock[:2]), int(clock[2:4]), int(clock[4:])
    )


def parse_backup_name(path: Path) -> tuple[str, datetime, str] | None:
    """Database stem, time and reason of a backup, from its file name (None if not ours)."""
    m = _NAME_RE.match(path.name)
    if m:
        with contextlib.suppress(ValueError):
            return m["stem"], _stamp_time(m["ts"]), m["reason"]
    m = _MIGRATION_RE.match(path.name)
    if m:
        with contextlib.suppress(ValueError):
            return m["stem"], _stamp_time(m["ts"]), "migration"
    return None


def list_backups(folder: str | os.PathLike[str], *, stem: str | None = None) -> list[BackupInfo]:
    """The backups in a folder, newest first (files not named by us are left out).

    ``stem`` keeps only the backups of one database (``village`` for ``village.db``), for a
    folder shared by several databases.
    """
    folder = Path(folder)
    found = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for path in folder.iterdir():
            parsed = parse_backup_name(path)
            if parsed is None or not path.is_file():
                continue
            found_stem, *parsed = parsed
            if stem is not None and found_stem != stem:
                continue
            with contextlib.suppress(OSError):
                found.append(BackupInfo(path, parsed[0], path.stat().st_size, parsed[1]))
    found.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return found


def _newest_per(backups: list[BackupInfo], key, limit: int) -> set[Path]:
    """The newest backup of each of the ``limit`` newest periods that have one."""
    kept: dict[object, Path] = {}
    for b in backups:  # newest first
        period = key(b.created_at.date())
        if period not in kept:
            if len(kept) == limit:
                break
            kept[period] = b.path
    return set(kept.values())


def backups_to_keep(backups: list[BackupInfo], *, today: date) -> set[Path]:
    """Which backups the rotation keeps (see ``rotate_backups``)."""
    ordered = sorted(backups, key=lambda b: (b.created_at, b.path.name), reverse=True)
    keep: set[Path] = {ordered[0].path} if ordered else set()
    routine = [b for b in ordered if b.routine]
    keep |= _newest_per(routine, lambda d: d, KEEP_DAILY)
    keep |= _newest_per(routine, lambda d: d.isocalendar()[:2], KEEP_WEEKLY)
    keep |= _newest_per(routine, lambda d: (d.year, d.month), KEEP_MONTHLY)
    safety = [b for b in ordered if not b.routine]
    keep |= {b.path for b in safety[:KEEP_SAFETY_NEWEST]}
    cutoff = today - timedelta(days=KEEP_SAFETY_DAYS)
    keep |= {b.path for b in safety if b.created_at.date() >= cutoff}
    # a backup dated after today means the clock was wrong once: never judge it by age
    keep |= {b.path for b in ordered if b.created_at.date() > today}
    return keep


def rotate_backups(
    folder: str | os.PathLike[str], *, today: date, stem: str | None = None
) -> list[Path]:
    """Delete backups the policy no longer needs; returns the files removed.

    Routine backups (auto/start/exit/manual): the newest of each of the 7 newest days, of the
    4 newest ISO weeks and of the 12 newest months that have a backup. Safety backups (before a
    restore, an import or a migration) are never crowded out by routine ones: the 5 newest and
    all from the last 30 days are kept. The newest backup of all is never removed, nor is any
    file whose name we did not write.
    """
    backups = list_backups(folder, stem=stem)
    keep = backups_to_keep(backups, today=today)
    removed = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def auto_backup_if_due(
    db: Database, *, now: datetime | None = None, reason: str = "auto"
) -> BackupInfo | None:
    """Back up and rotate when the newest backup is a day old or more (or there is none)."""
    now = now or datetime.now()
    folder = backup_dir_for(db.path)
    existing = list_backups(folder, stem=db.path.stem)
    if existing and timedelta(0) <= now - existing[0].created_at < timedelta(days=1):
        return None
    info = make_backup(db, reason=reason, now=now)
    rotate_backups(folder, today=now.date(), stem=db.path.stem)
    return info


def last_good_backup(
    folder: str | os.PathLike[str], *, password: str | None = None, stem: str | None = None
) -> BackupInfo | None:
    """The newest backup in ``folder`` that passes ``verify_backup`` (None if none does)."""
    for b in list_backups(folder, stem=stem):
        try:
            verify_backup(b.path, password=password)
        except StorageError:
            continue
        return b
    return None


def backup_on_exit(db: Database, *, now: datetime | None = None) -> BackupInfo | None:
    """Back up when the app closes, unless nothing changed since the newest backup; rotate."""
    now = now or datetime.now()
    folder = backup_dir_for(db.path)
    existing = list_backups(folder, stem=db.path.stem)
    row = db.execute("select max(at) from audit").fetchone()
    last_change = datetime.fromisoformat(row[0]) if row and row[0] else None
    if existing and (last_change is None or last_change < existing[0].created_at):
        return None
    info = make_backup(db, reason="exit", now=now)
    rotate_backups(folder, today=now.date(), stem=db.path.stem)
    return info


@dataclass(frozen=True)
class BackupStatus:
    """For the status bar: the newest backup and whether it is too old."""

    newest: BackupInfo | None
    stale: bool  # none at all, or older than STALE_AFTER

    def text(self, lang: str = "zh_CN") -> str:
        """最近备份：2026年11月29日 08:00 (or a warning)."""
        if self.newest is None:
            return "No backup yet" if lang == "en" else "尚无备份"
        when = self.newest.created_at
        if lang == "en":
            return f"Last backup: {when:%Y-%m-%d %H:%M}" + (
                " (over a week ago)" if self.stale else ""
            )
        return f"最近备份：{when.year}年{when.month}月{when.day}日 {when:%H:%M}" + (
            "（已超过一周，请备份）" if self.stale else ""
        )


STALE_AFTER = timedelta(days=7)


def backup_status(db_path: str | os.PathLike[str], *, now: datetime | None = None) -> BackupStatus:
    """The newest backup beside ``db_path`` (by name, no file check: cheap for the status bar)."""
    backups = list_backups(backup_dir_for(db_path), stem=Path(db_path).stem)
    newest = backups[0] if backups else None
    stale = newest is None or (now or datetime.now()) - newest.created_at > STALE_AFTER
    return BackupStatus(newest, stale)


def restore_backup(
    db_path: str | os.PathLike[str],
    backup_path: str | os.PathLike[str],
    *,
    actor: str,
    password: str | None = None,
    now: datetime | None = None,
) -> BackupInfo | None:
    """Replace the database with a checked backup (see ``storage.restore.restore_backup``)."""
    from villagedesk.storage import restore

    return restore.restore_backup(db_path, backup_path, actor=actor, password=password, now=now)


__all__ = [
    "BackupStatus",
    "backup_on_exit",
    "backup_status",
    "BackupInfo",
    "BackupDamagedError",
    "BackupTooNewError",
    "NotABackupError",
    "auto_backup_if_due",
    "backup_database",
    "backup_dir_for",
    "last_good_backup",
    "list_backups",
    "make_backup",
    "restore_backup",
    "rotate_backups",
    "verify_backup",
]
