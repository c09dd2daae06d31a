"""Encryption at rest with SQLCipher (the optional ``sqlcipher3`` package).

An encrypted database is unreadable without its password: it does not even start with the
SQLite header. Changing the key always writes a new file beside the old one (``sqlcipher_export``
through ``ATTACH``), checks it and renames it over the old one, so a crash leaves one whole file.
The password is never stored or logged.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from villagedesk.storage.errors import StorageError

SQLITE_HEADER = b"SQLite format 3\x00"


class WrongPasswordError(StorageError):
    """The password does not open the database (or the file is not an encrypted database)."""

    exit_code = 2


class PasswordRequiredError(WrongPasswordError):
    """The database is encrypted and no password was given."""

    def __init__(self, message: str = "数据库已设置密码，请输入密码", english: str = "") -> None:
        super().__init__(message, english or "The database is protected by a password")


class EncryptionUnavailableError(StorageError):
    """The sqlcipher3 package is not installed."""


def _dbapi():
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise EncryptionUnavailableError(
            "本机没有安装加密组件（sqlcipher3），无法使用数据库密码",
            "Encryption support (sqlcipher3) is not installed",
        ) from exc
    return dbapi2


def encryption_available() -> bool:
    """Whether SQLCipher can be used on this machine."""
    try:
        _dbapi()
    except EncryptionUnavailableError:
        return False
    return True


def _quote(password: str) -> str:
    # PRAGMA key takes no bound parameters; a doubled quote is SQLite's escape
    return "'" + password.replace("'", "''") + "'"


_OTHER_FORMATS = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0", b"GIF8")


def is_encrypted(path: str | os.PathLike[str]) -> bool:
    """Whether the file looks like an SQLCipher database: whole pages of random-looking bytes.

    A plain SQLite file starts with its header; an SQLCipher file starts with a random salt
    and is a whole number of pages. Text, images, workbooks and PDFs are none of these.
    """
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    if size < 1024 or size % 512 or head[:16] == SQLITE_HEADER or head.startswith(_OTHER_FORMATS):
        return False
    return len(set(head)) >= 200  # random bytes: ~250 distinct values in 1 KiB


def open_encrypted_connection(
    path: str | os.PathLike[str], password: str, *, readonly: bool = False, check: bool = True
):
    """A sqlcipher3 connection keyed with ``password``; WrongPasswordError if it does not fit."""
    dbapi = _dbapi()
    path = Path(path)
    if readonly:
        conn = dbapi.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=3)
    else:
        conn = dbapi.connect(str(path), timeout=3)
    conn.isolation_level = None
    try:
        with contextlib.suppress(dbapi.Error):
            conn.execute("PRAGMA cipher_log_level = NONE")  # no decrypt noise on stderr
        if password:  # no key at all opens a plain file (SQLCipher refuses an empty key)
            conn.execute(f"PRAGMA key = {_quote(password)}")
    except dbapi.Error as exc:
        conn.close()
        raise StorageError(f"无法打开数据库：{exc}", f"Cannot open the database: {exc}") from exc
    if check:
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()
        except dbapi.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc).lower():
                raise WrongPasswordError("密码不正确", "The password is not correct") from exc
            raise StorageError(
                f"无法打开数据库：{exc}", f"Cannot open the database: {exc}"
            ) from exc
    return conn


def _export(path: Path, old: str, new: str) -> None:
    """Write ``path`` re-keyed from ``old`` to ``new`` ('' = plain) via a temp file, then replace."""
    from villagedesk.storage import health

    dbapi = _dbapi()
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"数据库文件不存在：{path}", f"The database does not exist: {path}")
    conn = open_encrypted_connection(path, old)
    tmp = path.with_name(f".{path.name}.rekey-part")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        health.take_exclusive(conn, path)
        conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY {_quote(new)}", [str(tmp)])
        conn.execute("select sqlcipher_export('rekeyed')")
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        conn.execute("DETACH DATABASE rekeyed")
        conn.close()
        check = open_encrypted_connection(tmp, new)
        try:
            rows = [r[0] for r in check.execute("PRAGMA integrity_check").fetchall()]
        finally:
            check.close()
        if rows != ["ok"]:
            raise StorageError(f"加密后的文件校验失败：{rows[0]}", f"Check failed: {rows[0]}")
        health.replace_database_file(tmp, path)
    except dbapi.Error as exc:
        text = str(exc).lower()
        if "full" in text:
            from villagedesk.storage.errors import DiskFullError

            raise DiskFullError("磁盘空间已满，密码没有更改", "The disk is full") from exc
        raise StorageError(f"更改密码失败：{exc}", f"Changing the password failed: {exc}") from exc
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        with contextlib.suppress(OSError):
            tmp.unlink()


def encrypt_database(path: str | os.PathLike[str], password: str) -> None:
    """Protect a plain database with a password (the caller has closed its connection)."""
    if not password:
        raise WrongPasswordError("密码不能为空", "The password must not be empty")
    if is_encrypted(path):
        raise StorageError("数据库已经设置了密码", "The database is already encrypted")
    _export(Path(path), "", password)


def change_password(path: str | os.PathLike[str], old: str, new: str) -> None:
    """Change the password of an encrypted database (WrongPasswordError if ``old`` is wrong)."""
    if not new:
        raise WrongPasswordError("新密码不能为空", "The new password must not be empty")
    _export(Path(path), old, new)


def decrypt_database(path: str | os.PathLike[str], password: str) -> None:
    """Remove the password: the file becomes a plain SQLite database again."""
    _export(Path(path), password, "")


__all__ = [
    "EncryptionUnavailableError",
    "PasswordRequiredError",
    "WrongPasswordError",
    "change_password",
    "decrypt_database",
    "encrypt_database",
    "encryption_available",
    "is_encrypted",
    "open_encrypted_connection",
]
