"""Encryption at rest with SQLCipher: unreadable file, wrong password, change/remove, backups."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from villagedesk.core.records import Household
from villagedesk.storage.backup import backup_dir_for, make_backup, restore_backup, verify_backup
from villagedesk.storage.crypto import (
    WrongPasswordError,
    change_password,
    decrypt_database,
    encrypt_database,
    is_encrypted,
    open_encrypted_connection,
)
from villagedesk.storage.database import Database, open_database
from villagedesk.storage.health import StartState, check_on_start

PASSWORD = "村里的'密码'2026"


def _open(path: Path, password: str) -> Database:
    """The encrypted database opened the way the app opens it."""
    return open_database(path, actor="测试员", password=password)


@pytest.fixture(scope="module")
def encrypted_template(tmp_path_factory) -> Path:
    """One encrypted village per module (key derivation is slow on purpose); tests copy it."""
    path = tmp_path_factory.mktemp("crypto") / "village.db"
    db = open_database(path, actor="测试员")
    db.households.add(Household(household_no="001", head_name="张三"))
    db.close()
    encrypt_database(path, PASSWORD)
    return path


@pytest.fixture
def encrypted(encrypted_template, tmp_path) -> Path:
    path = tmp_path / "village.db"
    shutil.copy(encrypted_template, path)
    return path


def test_encrypted_file_has_no_sqlite_header_and_plain_sqlite_cannot_read_it(encrypted):
    assert is_encrypted(encrypted)
    assert not encrypted.read_bytes().startswith(b"SQLite format 3")
    assert "张三".encode() not in encrypted.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(encrypted).execute("select * from households").fetchall()
    assert check_on_start(encrypted).state == StartState.ENCRYPTED
    assert check_on_start(encrypted, password=PASSWORD).state == StartState.OK


def test_right_password_opens_and_saves_wrong_one_is_refused(encrypted):
    with pytest.raises(WrongPasswordError) as caught:
        open_encrypted_connection(encrypted, "wrong")
    assert str(caught.value) == "密码不正确"
    db = _open(encrypted, PASSWORD)
    try:
        assert db.households.by_number("001").head_name == "张三"
        db.households.add(Household(household_no="002", head_name="李四"))
        assert db.integrity_problems() == []
    finally:
        db.close()
    assert is_encrypted(encrypted)


def test_change_and_remove_the_password(encrypted):
    with pytest.raises(WrongPasswordError):
        change_password(encrypted, "wrong", "新密码")
    change_password(encrypted, PASSWORD, "新密码")
    with pytest.raises(WrongPasswordError):
        open_encrypted_connection(encrypted, PASSWORD)
    decrypt_database(encrypted, "新密码")
    assert not is_encrypted(encrypted)
    db = open_database(encrypted)
    try:
        assert db.households.by_number("001").head_name == "张三"
    finally:
        db.close()
    leftovers = [p.name for p in encrypted.parent.iterdir() if "part" in p.name]
    assert leftovers == []


def test_backups_of_an_encrypted_database_are_encrypted_and_restore(encrypted):
    db = _open(encrypted, PASSWORD)
    try:
        info = make_backup(db, reason="manual")
        db.households.add(Household(household_no="002", head_name="李四"))
    finally:
        db.close()
    assert is_encrypted(info.path)
    with pytest.raises(WrongPasswordError):
        verify_backup(info.path)  # without the password it cannot even be checked
    verify_backup(info.path, password=PASSWORD)

    saved = restore_backup(encrypted, info.path, actor="测试员", password=PASSWORD)
    assert saved is not None and is_encrypted(saved.path) and is_encrypted(encrypted)
    db = _open(encrypted, PASSWORD)
    try:
        assert db.households.by_number("002") is None
        assert db.households.by_number("001") is not None
        assert db.integrity_problems() == []
    finally:
        db.close()
    assert saved.path.parent == backup_dir_for(encrypted)


def test_an_encrypted_database_cannot_be_backed_up_as_a_plain_file(encrypted, tmp_path):
    from villagedesk.storage.errors import StorageError

    db = _open(encrypted, PASSWORD)
    db.password = None  # as if the key were forgotten: SQLCipher refuses, nothing plain is left
    try:
        with pytest.raises(StorageError):
            make_backup(db, reason="manual", dest_dir=tmp_path / "usb")
    finally:
        db.close()
    assert not any((tmp_path / "usb").glob("*.db"))


def test_restore_over_an_encrypted_database_needs_its_password_and_keeps_it_protected(
    encrypted, tmp_path
):
    from villagedesk.storage.crypto import PasswordRequiredError

    plain = tmp_path / "plain.db"
    db = open_database(plain)
    db.households.add(Household(household_no="900", head_name="王五"))
    info = make_backup(db, reason="manual")
    db.close()
    before = encrypted.read_bytes()
    with pytest.raises(PasswordRequiredError):
        restore_backup(encrypted, info.path, actor="测试员")
    with pytest.raises(WrongPasswordError):
        restore_backup(encrypted, info.path, actor="测试员", password="wrong")
    assert encrypted.read_bytes() == before  # refused: untouched, never set aside as damaged
    assert not [p for p in encrypted.parent.iterdir() if ".damaged-" in p.name]

    saved = restore_backup(encrypted, info.path, actor="测试员", password=PASSWORD)
    assert saved is not None and is_encrypted(saved.path)
    assert is_encrypted(encrypted)  # the plain backup came back under the same password
    db = _open(encrypted, PASSWORD)
    try:
        assert db.households.by_number("900") is not None
    finally:
        db.close()
