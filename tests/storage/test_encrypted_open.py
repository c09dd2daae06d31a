"""open_database with a password: the whole app stack works on an encrypted file."""

from __future__ import annotations

import pytest

from villagedesk.core.records import Household
from villagedesk.storage import crypto
from villagedesk.storage.backup import make_backup
from villagedesk.storage.database import SQLITE_HEADER, open_database
from villagedesk.storage.search import search


def _encrypted_village(db_path):
    db = open_database(db_path)
    db.households.add(Household(household_no="001", head_name="张三"))
    db.close()
    crypto.encrypt_database(db_path, "秘密123")


def test_encrypted_database_needs_its_password(db_path):
    _encrypted_village(db_path)
    assert db_path.read_bytes()[:16] != SQLITE_HEADER
    with pytest.raises(crypto.PasswordRequiredError) as err:
        open_database(db_path)
    assert "密码" in str(err.value)
    with pytest.raises(crypto.WrongPasswordError):
        open_database(db_path, password="wrong")


def test_encrypted_database_reads_writes_searches_and_backs_up_encrypted(db_path, tmp_path):
    _encrypted_village(db_path)
    db = open_database(db_path, password="秘密123")
    db.households.add(Household(household_no="002", head_name="曾小明"))
    assert [h.name for h in search(db, "zxm")] == ["曾小明"]
    backup = make_backup(db, reason="manual", dest_dir=tmp_path / "b")
    db.close()
    assert backup.path.read_bytes()[:16] != SQLITE_HEADER
    again = open_database(backup.path, password="秘密123", migrate=False)
    assert again.households.count() == 2
    again.close()
