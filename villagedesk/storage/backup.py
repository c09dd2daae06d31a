"""Copies of the live database through SQLite's online backup API, each verified."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from villagedesk.storage.errors import StorageError

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


def backup_database(db: Database, dest: str | os.PathLike[str]) -> Path:
    """Write a consistent copy of ``db`` to ``dest`` and check it; never a half-written file."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        target = sqlite3.connect(str(tmp))
        try:
            db.su.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            result = target.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            target.close()
        if result != "ok":
            raise StorageError(f"备份校验失败：{result}", f"Backup failed its check: {result}")
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise StorageError(f"备份失败：{exc}", f"Backup failed: {exc}") from exc
    except OSError as exc:
        raise StorageError(
            f"无法写入备份文件 {dest}：{exc.strerror}", f"Cannot write the backup {dest}: {exc}"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest
