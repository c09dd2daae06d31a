"""The kill -9 harness: start a writer, SIGKILL it at a random moment, check the file.

After every kill: ``PRAGMA integrity_check`` is ok, every uid any writer reported committed
(in this cycle or an earlier one) is in the database, and no household is there without both
of its residents (they are saved in one transaction).

Writers are forked from a forkserver where the OS allows (the imports are already done, so a
cycle costs milliseconds, not a Python start-up); elsewhere they are spawned.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash import writer  # noqa: E402


@dataclass
class Result:
    """How the cycles went."""

    cycles: int = 0
    passed: int = 0
    commits: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def _child(path: str, prefix: str, conn) -> None:
    writer.write(path, prefix, report=lambda line: conn.send_bytes(line.encode()))


def check_database(db_path: Path, committed: set[str]) -> list[str]:
    """What is wrong with the database after a kill (empty when everything held)."""
    problems = []
    conn = sqlite3.connect(str(db_path), timeout=10)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.append(f"integrity_check: {rows[:3]}")
        tables = {r[0] for r in conn.execute("select name from sqlite_master")}
        if "households" not in tables:
            return problems + ([f"{len(committed)} commits but no tables"] if committed else [])
        present = {r[0] for r in conn.execute("select uid from households")}
        missing = committed - present
        if missing:
            problems.append(f"{len(missing)} reported commits missing, e.g. {next(iter(missing))}")
        torn = conn.execute(
            "select count(*) from households h where (select count(*) from residents r "
            "where r.household_uid = h.uid) != 2"
        ).fetchone()[0]
        if torn:
            problems.append(f"{torn} households saved without both residents")
    finally:
        conn.close()
    return problems


_CONTEXT = None


def _context():
    # forkserver: a clean single-threaded server forks each writer with the imports done, so a
    # cycle costs milliseconds and never inherits the test process's threads (Qt, pytest)
    global _CONTEXT
    if _CONTEXT is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            _CONTEXT = multiprocessing.get_context("forkserver")
            _CONTEXT.set_forkserver_preload(["tests.crash.harness", "pypinyin"])
        else:
            _CONTEXT = multiprocessing.get_context("spawn")
    return _CONTEXT


def run_one(db_path: Path, rng: random.Random, cycle: int) -> tuple[list[str], list[str]]:
    """One cycle: start a writer, wait a random 20–300 ms (or for K commits), SIGKILL it.

    Returns what went wrong in the writer and the uids it reported committed.
    """
    early = rng.random() < 0.1  # sometimes kill while the writer is still opening the file
    want = rng.randint(1, 12) if rng.random() < 0.5 else None
    delay = rng.uniform(0.020, 0.300)
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(db_path), f"c{cycle}", send), daemon=True)
    proc.start()
    send.close()  # only the child writes; its death closes the pipe
    uids: list[str] = []
    ready = False

    def pump(until: float, stop) -> bool:
        nonlocal ready
        while not stop():
            left = until - time.monotonic()
            if left <= 0 or not receive.poll(left):
                return False
            try:
                line = receive.recv_bytes().decode()
            except EOFError:
                return False
            if line == "READY":
                ready = True
            elif line.startswith("COMMITTED "):
                uids.append(line.split(" ", 1)[1])
        return True

    now = time.monotonic()
    if early:
        pump(now + delay, lambda: False)
    else:
        pump(now + 30, lambda: ready)
        if want is not None:
            pump(time.monotonic() + 2, lambda: len(uids) >= want)
        else:
            pump(time.monotonic() + delay, lambda: False)
    proc.kill()  # SIGKILL on POSIX: no clean-up, no atexit, no flush
    proc.join(30)
    # commits reported before the kill are still in the pipe: read them all
    while True:
        try:
            if not receive.poll(0):
                break
            line = receive.recv_bytes().decode()
        except (EOFError, OSError):
            break
        if line.startswith("COMMITTED "):
            uids.append(line.split(" ", 1)[1])
    receive.close()
    problems = []
    killed = -getattr(signal, "SIGKILL", 9)
    if os.name == "posix" and proc.exitcode not in (killed, 0):
        problems.append(f"writer ended on its own with {proc.exitcode}")
    if not early and not ready:
        problems.append("writer never opened the database")
    return problems, uids


def run_kill_cycles(n: int, db_path: str | Path, rng: random.Random) -> Result:
    """Run ``n`` kill cycles against one database file; every cycle checks the whole file."""
    from villagedesk.storage import search

    search.set_name_keys  # noqa: B018  (import pypinyin's users once, before forking)
    import pypinyin  # noqa: F401

    db_path = Path(db_path)
    result = Result()
    committed: set[str] = set()
    start = time.perf_counter()
    for cycle in range(n):
        problems, uids = run_one(db_path, rng, cycle)
        committed.update(uids)
        problems += check_database(db_path, committed)
        result.cycles += 1
        result.commits += len(uids)
        if problems:
            result.failures.append(f"cycle {cycle}: " + "; ".join(problems))
        else:
            result.passed += 1
    result.seconds = time.perf_counter() - start
    return result


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
        print(run_kill_cycles(count, Path(tmp) / "k.db", random.Random(1)))
