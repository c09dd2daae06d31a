"""Storage benchmarks on the large township, each next to a bare SQLite baseline of the same run.

Run from the repository root: ``python -m benchmarks.bench_storage`` (or
``python benchmarks/bench_storage.py``). Machines are noisy, so compare the ratios.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.township import TODAY, township_db
from villagedesk.storage.database import open_database
from villagedesk.storage.search import search

SEARCH_TARGET_MS = 15.0
RECORD_TABLES = (
    "team_members", "groups", "households", "residents", "visits", "issues", "issue_events",
    "aid", "deeds", "activities", "diary",
)  # fmt: skip


def timed(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds of each of ``repeat`` calls after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Table:
    """Rows of (what, median, p95, baseline median, ratio, verdict), printed aligned."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, what: str, ms: list[float], base: list[float] | None, verdict: str = "") -> None:
        med = statistics.median(ms)
        bmed = statistics.median(base) if base else None
        ratio = f"{med / bmed:.1f}×" if bmed else "—"
        self.rows.append(
            (what, f"{med:.2f}", f"{p95(ms):.2f}", f"{bmed:.2f}" if bmed else "—", ratio, verdict)
        )
        print(f"  {what}: median {med:.2f} ms", flush=True)

    def note(self, what: str, text: str) -> None:
        self.rows.append((what, text, "", "", "", ""))

    def print(self) -> None:
        head = ("operation", "median ms", "p95 ms", "baseline ms", "ratio", "target")
        widths = [max(_width(r[i]) for r in [head, *self.rows]) for i in range(len(head))]
        line = "  ".join("-" * w for w in widths)
        print()
        for row in [head, None, *self.rows]:
            if row is None:
                print(line)
                continue
            print("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)))


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def bench_open(path: Path, table: Table, repeat: int) -> None:
    def app() -> None:
        open_database(path).close()

    def bare() -> None:
        conn = sqlite3.connect(path)
        conn.execute("select count(*) from sqlite_master").fetchone()
        conn.close()

    table.add("open_database", timed(app, repeat), timed(bare, repeat))


def search_queries(db) -> list[tuple[str, str]]:
    """Realistic things people type, taken from the township's own people."""
    person = db.su.execute(
        "select name, id_number, phone from residents where phone != '' order by rowid "
        "limit 1 offset 4321"
    ).fetchone()
    name, id_number, phone = person
    return [
        ("surname", "张"),
        ("full name", name),
        ("pinyin initial (1 key)", "z"),
        ("pinyin initials", "zs"),
        ("pinyin initials", "wjh"),
        ("full pinyin", "zhang"),
        ("4 ID digits", id_number[-4:]),
        ("phone prefix", phone[:5]),
    ]


def bench_search(db, path: Path, table: Table, repeat: int) -> None:
    bare = sqlite3.connect(path)
    try:
        for label, q in search_queries(db):
            ms = timed(lambda q=q: search(db, q, limit=50), repeat)
            base = timed(
                lambda q=q: bare.execute(
                    "select uid, name from residents where name like ? limit 50", [f"%{q}%"]
                ).fetchall(),
                repeat,
            )
            verdict = "ok ≤15" if p95(ms) <= SEARCH_TARGET_MS else "SLOW >15"
            hits = len(search(db, q, limit=50))
            table.add(f"search {label} '{q}' ({hits} hits)", ms, base, verdict)
    finally:
        bare.close()


def bench_figures(db, path: Path, table: Table, repeat: int) -> None:
    try:
        from villagedesk.services.figures import monthly_figures
    except ImportError:
        table.note("monthly_figures", "not available")
        return
    month = f"{TODAY:%Y-%m}"
    first, last = f"{month}-01", f"{month}-31"
    bare = sqlite3.connect(path)

    def baseline() -> None:
        # the bare minimum the figures need: one pass over each table's month
        bare.execute(
            "select count(*), count(distinct household_uid) from visits where date between ? and ?",
            [first, last],
        ).fetchone()
        bare.execute("select status, count(*) from issues group by status").fetchall()
        bare.execute(
            "select count(*), sum(amount_fen) from aid where date between ? and ?", [first, last]
        ).fetchone()

    try:
        for label, m in (("month", month), ("cumulative", None)):
            ms = timed(lambda m=m: monthly_figures(db, m, today=TODAY), repeat)
            table.add(f"monthly_figures ({label})", ms, timed(baseline, repeat))
    finally:
        bare.close()


def bench_transfer(db, path: Path, table: Table, repeat: int) -> None:
    try:
        from villagedesk.services.transfer import dump_records, load_records
    except ImportError:
        table.note("dump_records / load_records", "not available")
        return
    src = sqlite3.connect(path)
    src.row_factory = sqlite3.Row

    def bare_dump() -> str:
        data = {t: [dict(r) for r in src.execute(f"select * from [{t}]")] for t in RECORD_TABLES}
        return json.dumps(data, ensure_ascii=False)

    def app_dump() -> str:
        return json.dumps(dump_records(db), ensure_ascii=False)

    table.add("dump_records + json", timed(app_dump, repeat, 0), timed(bare_dump, repeat, 0))
    data = json.loads(app_dump())
    rows = {t: src.execute(f"select * from [{t}]").fetchall() for t in RECORD_TABLES}
    src.close()
    app_ms, bare_ms = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            target = open_database(Path(tmp) / f"load{i}.db")
            start = time.perf_counter()
            load_records(target, data)
            app_ms.append((time.perf_counter() - start) * 1000)
            target.close()
            target = open_database(Path(tmp) / f"bare{i}.db")
            conn = target.su.conn
            start = time.perf_counter()
            conn.execute("BEGIN")
            for t, table_rows in rows.items():
                if table_rows:
                    cols = table_rows[0].keys()
                    conn.executemany(
                        f"insert into [{t}] ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                        [tuple(r) for r in table_rows],
                    )
            conn.execute("COMMIT")
            bare_ms.append((time.perf_counter() - start) * 1000)
            target.close()
    table.add("load_records (into empty db)", app_ms, bare_ms)


def main() -> None:
    parser = argparse.ArgumentParser(description="VillageDesk storage benchmarks")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per search query")
    parser.add_argument("--refresh", action="store_true", help="rebuild the cached township")
    parser.add_argument("--skip-transfer", action="store_true", help="skip dump/load (slow)")
    args = parser.parse_args()
    path = township_db(refresh=args.refresh)
    db = open_database(path)
    counts = {t: db.su.execute(f"select count(*) from [{t}]").fetchone()[0] for t in RECORD_TABLES}
    print(f"township: {path.name}; " + ", ".join(f"{t} {n}" for t, n in counts.items()))
    table = Table()
    try:
        bench_open(path, table, max(5, args.repeat // 3))
        bench_search(db, path, table, args.repeat)
        bench_figures(db, path, table, max(5, args.repeat // 3))
        if not args.skip_transfer:
            bench_transfer(db, path, table, 2)
    finally:
        db.close()
    table.print()
    print(
        f"\nratio = median / bare-SQLite median measured in the same run; search target: p95 ≤ "
        f"{SEARCH_TARGET_MS:g} ms per keystroke at {counts['residents']} residents."
    )


if __name__ == "__main__":
    main()
