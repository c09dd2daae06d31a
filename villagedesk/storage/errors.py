"""Why the database could not be used, in words a first secretary understands."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path


class StorageError(Exception):
    """A database problem with a Chinese message (``str(e)``) and an English one."""

    exit_code = 1

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.english = english or message

    def message(self, lang: str = "zh_CN") -> str:
        """The message in the user's language."""
        return self.english if lang == "en" else str(self)


class DatabaseNotFoundError(StorageError):
    """The file or its folder does not exist."""


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class DatabaseDamagedError(StorageError):
    """The file opens but fails the integrity check."""


class DatabaseLockedError(StorageError):
    """Another program holds the database."""


class DatabaseReadOnlyError(StorageError):
    """The file or its folder cannot be written."""


class NewerSchemaError(StorageError):
    """The database was written by a newer VillageDesk."""


class DiskFullError(StorageError):
    """The disk filled up while saving; nothing was saved."""


def classify(exc: sqlite3.Error, path: Path) -> StorageError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(
            f"数据库正被另一个程序使用（{path.name}），请关闭其他驻村工作台窗口后重试",
            f"The database {path.name} is in use by another program; close it and try again",
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(
            f"数据库文件或所在文件夹是只读的，无法保存：{path}",
            f"The database file or its folder is read-only: {path}",
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            "磁盘空间已满，本次内容没有保存。请清理磁盘后重试",
            "The disk is full; nothing was saved",
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return NotADatabaseError(
            f"文件不是驻村工作台数据库，或已经损坏：{path}",
            f"The file is not a VillageDesk database, or it is damaged: {path}",
        )
    if "unable to open" in text:
        return DatabaseNotFoundError(
            f"无法打开数据库文件：{path}", f"Cannot open the database file: {path}"
        )
    return StorageError(f"数据库出错：{exc}", f"Database error: {exc}")


def _driver_errors() -> tuple[type[BaseException], ...]:
    # sqlcipher3's exceptions do not derive from sqlite3's; catch both when it is loaded
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.Error, cipher.Error) if cipher else (sqlite3.Error,)


@contextlib.contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3 (and sqlcipher3) errors into StorageErrors with a message for people."""
    try:
        yield
    except _driver_errors() as exc:
        raise classify(exc, path) from exc
