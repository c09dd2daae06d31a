"""Where the data lives: the user data folder, or ``data/`` beside a portable build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from villagedesk import paths
from villagedesk.cli import main


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch) -> Path:
    """platformdirs' user data folder redirected into tmp_path (Linux: XDG_DATA_HOME)."""
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.delenv(paths.PORTABLE_ENV, raising=False)
    monkeypatch.delenv("VILLAGEDESK_DB", raising=False)
    return home


def test_from_source_uses_user_data_folder(user_home: Path) -> None:
    assert not paths.is_portable()
    assert paths.data_dir() == user_home / "VillageDesk"
    assert paths.default_db_path() == user_home / "VillageDesk" / "villagedesk.db"
    assert (user_home / "VillageDesk").is_dir()


def test_marker_beside_the_program_folder_makes_it_portable(
    user_home: Path, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "驻村 工作台"
    folder.mkdir()
    monkeypatch.setenv(paths.PORTABLE_ENV, str(folder))
    assert not paths.is_portable()  # no marker yet
    assert paths.data_dir() == user_home / "VillageDesk"

    (folder / "portable").write_text("", encoding="utf-8")
    assert paths.is_portable()
    assert paths.default_db_path() == folder / "data" / "villagedesk.db"
    assert (folder / "data").is_dir()


def test_a_folder_named_portable_is_not_the_marker(
    user_home: Path, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "portable").mkdir()
    monkeypatch.setenv(paths.PORTABLE_ENV, str(tmp_path))
    assert not paths.is_portable()


def test_frozen_looks_beside_the_executable(user_home: Path, tmp_path: Path, monkeypatch) -> None:
    exe = tmp_path / "dist" / "VillageDesk" / "VillageDesk.exe"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    (exe.parent / "portable").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert paths.program_dir() == exe.parent.resolve()
    assert paths.default_db_path() == exe.parent.resolve() / "data" / "villagedesk.db"


def test_from_source_ignores_a_marker_in_the_checkout(user_home: Path) -> None:
    # running from source, sys.executable is the venv's python: its folder is never looked at
    assert getattr(sys, "frozen", False) is False
    assert paths.program_dir() is None


def test_command_line_without_db_writes_into_portable_data(
    user_home: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "U盘 程序"
    folder.mkdir()
    (folder / "portable").write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.PORTABLE_ENV, str(folder))
    assert main(["demo", "--households", "3"]) == 0
    db_file = folder / "data" / "villagedesk.db"
    assert db_file.is_file()
    assert not (user_home / "VillageDesk" / "villagedesk.db").exists()
    assert main(["stats", "--json"]) == 0
    assert '"households": 3' in capsys.readouterr().out
