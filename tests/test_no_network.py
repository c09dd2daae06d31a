"""The app never opens a network connection: a whole command-line session with sockets failing."""

from __future__ import annotations

import json
import socket

import pytest

from villagedesk import cli


@pytest.fixture
def no_network(monkeypatch):
    """Every way to reach the network raises and is counted."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:2] if name.startswith('socket.') else args[:1]}")
            raise OSError(f"network is disabled in this test ({name})")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_a_whole_cli_session_works_offline(tmp_path, capsys, no_network, monkeypatch):
    monkeypatch.delenv("VILLAGEDESK_DB", raising=False)
    db = str(tmp_path / "village.db")

    def run(*argv: str) -> str:
        code = cli.main(["--db", db, *argv])
        out, err = capsys.readouterr()
        assert code == 0, f"{argv}: {err}"
        return out

    # the blocking really works: a connection attempt fails and is counted
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_network) == 1
    no_network.clear()

    run("demo", "--households", "12", "--seed", "5")
    stats = json.loads(run("stats", "--json"))
    assert stats["households"] == 12
    hits = json.loads(run("search", stats_name(db), "--json"))
    assert hits
    dump_file = tmp_path / "dump.json"
    run("dump", "-o", str(dump_file))
    assert len(json.loads(dump_file.read_text(encoding="utf-8"))["records"]["households"]) == 12
    backup_file = tmp_path / "usb" / "copy.db"
    backup_file.parent.mkdir()
    assert "已备份到" in run("backup", "-o", str(backup_file))
    assert "已从" in run("restore", str(backup_file))
    ledger = tmp_path / "ledger.xlsx"
    run("export", "ledger", "--month", "2026-11", "-o", str(ledger))
    assert ledger.stat().st_size > 0
    assert json.loads(run("stats", "--json"))["households"] == 12  # the restore kept it all

    assert no_network == []


def stats_name(db: str) -> str:
    """A head of household's surname to search for."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("select head_name from households limit 1").fetchone()[0][:1]
    finally:
        conn.close()
