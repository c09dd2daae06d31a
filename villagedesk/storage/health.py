"""Is a database file usable? Start-up check, backup verification, damaged files set aside.

Two copies of the app on one database both work safely: SQLite in WAL mode with a busy
timeout serialises their writes (tested in tests/storage/test_health.py), so no lock file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from villagedesk.storage.errors import (
    DatabaseDamagedError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    NewerSchemaError,
    NotADatabaseError,
    StorageError,
)

if TYPE_CHECKING:
    from villagedesk.storage.backup import BackupInfo

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATION_SET = "villagedesk"
SIDECARS = ("-wal", "-shm", "-journal")


class NotABackupError(NotADatabaseError):
    """The file chosen for a restore is not a VillageDesk database or backup."""

    exit_code = 2


class BackupDamagedError(DatabaseDamagedError):
    """The backup file is damaged (fails ``integrity_check``)."""

    exit_code = 2


class BackupTooNewError(NewerSchemaError):
    """The backup was written by a newer VillageDesk."""

    exit_code = 2


# ---- checking a file -------------------------------------------------------------------------


def _not_ours(path: Path) -> NotABackupError:
    return NotABackupError(
        f"所选文件不是驻村工作台的备份或数据库，不能用来恢复：{path.name}",
        f"The file is not a VillageDesk backup or database: {path.name}",
    )


def _damaged(path: Path, detail: str = "") -> BackupDamagedError:
    more = f"（{detail}）" if detail else ""
    return BackupDamagedError(
        f"文件已损坏，不能使用：{path.name}{more}。请选择另一个备份",
        f"The file is damaged: {path.name} {detail}".strip(),
    )


def _cipher_error() -> type[BaseException]:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return sqlite3.DatabaseError
    return dbapi2.DatabaseError


def check_connection(conn, path: Path, *, full: bool = True, scan: bool = True) -> None:
    """Raise if the connected file is damaged, not ours, or from a newer VillageDesk.

    ``scan=False`` reads only the schema and the migrations (milliseconds): what the app does
    before its window shows; the page-by-page scan then runs in the background.
    """
    from villagedesk.storage.tables import MIGRATION_NAMES as KNOWN_MIGRATIONS

    try:
        if scan:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if rows != ["ok"]:
                raise _damaged(path, rows[0] if rows else "")
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "_sqlite_migrations" not in tables:
            raise _not_ours(path)
        names = [
            r[0]
            for r in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        ]
    except (sqlite3.DatabaseError, _cipher_error()) as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise DatabaseLockedError(
                f"数据库正被另一个程序独占使用：{path.name}，请稍后再试",
                f"The database is held by another program: {path.name}",
            ) from exc
        raise _damaged(path, str(exc)) from exc
    if not names:
        raise _not_ours(path)
    if any(n not in KNOWN_MIGRATIONS for n in names):
        raise BackupTooNewError(
            f"这个文件来自更新版本的驻村工作台，请先升级软件：{path.name}",
            f"This file comes from a newer VillageDesk; upgrade first: {path.name}",
        )


def looks_encrypted(path: Path) -> bool:
    """A non-empty file without the SQLite header whose first bytes look random (SQLCipher)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
        size = path.stat().st_size
    except OSError:
        return False
    return (
        len(head) == 64 and head[:16] != SQLITE_HEADER and size % 512 == 0 and len(set(head)) > 40
    )


def password_for(path: Path, password: str | None) -> str | None:
    """The password to open ``path`` with: none for a plain SQLite file, whatever was given."""
    try:
        with open(path, "rb") as fh:
            return None if fh.read(16) == SQLITE_HEADER else password
    except OSError:
        return password


def verify_backup(path: str | os.PathLike[str], *, password: str | None = None) -> None:
    """Return if ``path`` is a restorable VillageDesk backup; else raise a StorageError saying why."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseNotFoundError(f"找不到备份文件：{path}", f"Backup file not found: {path}")
    password = password_for(path, password)
    with open(path, "rb") as fh:
        head = fh.read(16)
    if password is None and head != SQLITE_HEADER:
        if looks_encrypted(path):
            from villagedesk.storage.crypto import WrongPasswordError

            raise WrongPasswordError(
                f"这个文件已加密，需要输入密码：{path.name}",
                f"This file is encrypted; a password is needed: {path.name}",
            )
        raise _not_ours(path)
    if password is not None:
        from villagedesk.storage.crypto import open_encrypted_connection

        conn = open_encrypted_connection(path, password, readonly=True)
    else:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=3)
    try:
        check_connection(conn, path)
    finally:
        conn.close()


# ---- replacing a database file ---------------------------------------------------------------


def take_exclusive(conn, path: Path) -> None:
    """Make ``conn`` the only connection to ``path`` (leaving WAL mode), or DatabaseLockedError.

    Leaving WAL mode needs every other connection closed, so it is how we learn that another
    window still has the file open; ``locking_mode=EXCLUSIVE`` then keeps everyone out.
    """
    try:
        conn.execute("PRAGMA busy_timeout = 500")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("select count(*) from sqlite_master").fetchone()
    except (sqlite3.OperationalError, _cipher_error()) as exc:
        if "locked" not in str(exc).lower() and "busy" not in str(exc).lower():
            raise
        mode = "wal"
    if str(mode).lower() != "delete":
        raise DatabaseLockedError(
            f"数据库正在被另一个驻村工作台窗口或程序使用（{path.name}），请先关闭它再试",
            f"The database {path.name} is open in another window or program; close it first",
        )


def remove_sidecars(path: Path) -> None:
    """Delete leftover -wal/-shm/-journal files of a closed database (they would poison a new file)."""
    for suffix in SIDECARS:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def fsync_file(path: Path) -> None:
    """Flush a file to the disk (so a rename after it cannot expose an empty file)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Flush a folder entry (a rename) to the disk where the OS allows it."""
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_database_file(new_file: Path, target: Path) -> None:
    """Move a finished temp file over ``target`` atomically (the target must be closed)."""
    fsync_file(new_file)
    remove_sidecars(target)
    try:
        os.replace(new_file, target)
    except PermissionError as exc:  # Windows: the file is open in another program
        raise DatabaseLockedError(
            f"数据库文件正被另一个程序打开，无法替换：{target.name}",
            f"The database file is open in another program: {target.name}",
        ) from exc
    fsync_dir(target.parent)


def _free_path(path: Path) -> Path:
    if not any(Path(f"{path}{s}").exists() for s in ("", *SIDECARS)):
        return path
    n = 2
    while any(Path(f"{path}-{n}{s}").exists() for s in ("", *SIDECARS)):
        n += 1
    return Path(f"{path}-{n}")


def set_aside_damaged(db_path: str | os.PathLike[str], *, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) to ``<name>.damaged-<time>``; never overwrites."""
    db_path = Path(db_path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = _free_path(db_path.with_name(f"{db_path.name}.damaged-{stamp}"))
    try:
        # the sidecars move with the file, keeping the names SQLite pairs them by
        for suffix in ("", *SIDECARS):
            src = Path(f"{db_path}{suffix}")
            if src.exists():
                dst = Path(f"{aside}{suffix}")
                if dst.exists():  # raced by someone else: stop rather than overwrite
                    raise FileExistsError(dst)
                os.rename(src, dst)
    except OSError as exc:
        raise StorageError(
            f"无法把损坏的数据库移到一旁：{exc}", f"Cannot set the damaged database aside: {exc}"
        ) from exc
    return aside


# ---- the start-up check ----------------------------------------------------------------------


class StartState(StrEnum):
    OK = "ok"
    MISSING = "missing"  # no file yet: a new database will be created
    DAMAGED = "damaged"  # not SQLite, or integrity_check fails: set aside, offer a backup
    FOREIGN = "foreign"  # an intact SQLite file of another program: never set aside
    ENCRYPTED = "encrypted"  # needs a password (or is damaged beyond telling)
    LOCKED = "locked"  # another program holds an exclusive lock
    NEWER = "newer"  # written by a newer VillageDesk
    READONLY = "readonly"  # intact but the file or folder cannot be written


@dataclass(frozen=True)
class StartCheck:
    """What the start-up check found, a message for people, and the backup to offer."""

    state: StartState
    path: Path
    message: str = ""
    english: str = ""
    backup: BackupInfo | None = None

    @property
    def ok(self) -> bool:
        """Whether the app can open the file normally (also true when it is new)."""
        return self.state in (StartState.OK, StartState.MISSING)


def check_on_start(
    db_path: str | os.PathLike[str],
    *,
    password: str | None = None,
    full: bool = False,
    scan: bool = True,
) -> StartCheck:
    """Look at the database before the app opens it; never changes the file.

    ``quick_check`` by default (a large township in well under a second); ``full=True`` runs
    ``integrity_check``, which every daily backup runs on its copy anyway.
    """
    from villagedesk.storage.backup import backup_dir_for, last_good_backup

    path = Path(db_path).expanduser().absolute()
    if not path.exists():
        return StartCheck(StartState.MISSING, path)

    def newest_backup() -> BackupInfo | None:
        return last_good_backup(backup_dir_for(path), password=password, stem=path.stem)

    if path.stat().st_size == 0:
        return StartCheck(StartState.MISSING, path)
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != SQLITE_HEADER and password is None:
        if looks_encrypted(path):
            return StartCheck(
                StartState.ENCRYPTED,
                path,
                "数据库已设置密码，请输入密码",
                "The database is protected by a password",
                newest_backup(),
            )
        return _damaged_check(path, newest_backup())
    try:
        if password is not None:
            from villagedesk.storage.crypto import open_encrypted_connection

            conn = open_encrypted_connection(path, password, readonly=True)
        else:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except StorageError as err:  # wrong password
        return StartCheck(StartState.ENCRYPTED, path, str(err), err.english, newest_backup())
    except sqlite3.Error:
        return _damaged_check(path, newest_backup())
    try:
        check_connection(conn, path, full=full, scan=scan)
    except DatabaseLockedError as err:
        return StartCheck(StartState.LOCKED, path, str(err), err.english)
    except NotABackupError:
        return StartCheck(
            StartState.FOREIGN,
            path,
            f"这个文件是其他程序的数据库，不是驻村工作台数据库：{path}",
            f"This file belongs to another program, not VillageDesk: {path}",
        )
    except NewerSchemaError:
        return StartCheck(
            StartState.NEWER,
            path,
            "这个数据库由更新版本的驻村工作台创建，请先升级软件再打开（数据未做任何改动）",
            "This database was written by a newer VillageDesk; please upgrade",
        )
    except StorageError:
        return _damaged_check(path, newest_backup())
    finally:
        conn.close()
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return StartCheck(
            StartState.READONLY,
            path,
            f"数据库文件或所在文件夹是只读的，只能查看不能保存：{path}",
            f"The database file or its folder is read-only; you can look but not save: {path}",
        )
    return StartCheck(StartState.OK, path)


def _damaged_check(path: Path, backup: BackupInfo | None) -> StartCheck:
    if backup is not None:
        when = backup.created_at.strftime("%Y年%m月%d日 %H:%M")
        zh = f"数据库文件已损坏。损坏的文件会保留在一旁；可以恢复 {when} 的备份"
        en = f"The database is damaged. It will be kept aside; the backup of {backup.created_at:%Y-%m-%d %H:%M} can be restored"
    else:
        zh = (
            "数据库文件已损坏，也没有找到可用的备份。损坏的文件会保留在一旁，程序将新建一个空数据库"
        )
        en = "The database is damaged and no usable backup was found; it will be kept aside"
    return StartCheck(StartState.DAMAGED, path, zh, en, backup)


__all__ = [
    "BackupDamagedError",
    "BackupTooNewError",
    "NotABackupError",
    "StartCheck",
    "StartState",
    "check_on_start",
    "set_aside_damaged",
    "verify_backup",
]
