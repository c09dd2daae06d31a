"""Backup, verify, start-up check and restore of the large township, next to bare SQLite.

Run from the repository root: ``python -m benchmarks.bench_backup``. Machines are noisy:
read the ratios against the bare ``sqlite3`` backup and a plain file copy of the same run.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.township import township_db
from villagedesk.storage.backup import make_backup, restore_backup
from villagedesk.storage.database import open_database
from villagedesk.storage.health import check_on_start, verify_backup


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best(fn, repeat: int) -> float:
    return min(seconds(fn) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--encrypted", action="store_true", help="also time an encrypted copy")
    args = parser.parse_args()

    source = township_db()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db_path = work / "township.db"
        # a consistent private copy (the cache may have a WAL beside it)
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(db_path)
        src.backup(dst)
        dst.close()
        src.close()
        size_mb = db_path.stat().st_size / 1024 / 1024

        def bare_backup() -> None:
            a = sqlite3.connect(db_path)
            b = sqlite3.connect(work / "bare.db")
            a.backup(b)
            b.close()
            a.close()

        bare = best(bare_backup, args.repeat)
        copy = best(lambda: shutil.copyfile(db_path, work / "copy.db"), args.repeat)
        db = open_database(db_path)
        infos = []
        ours = best(
            lambda: infos.append(make_backup(db, reason="manual", dest_dir=work / "bk")),
            args.repeat,
        )
        db.close()
        backup_file = infos[-1].path
        verify = best(lambda: verify_backup(backup_file), args.repeat)
        start_check = best(lambda: check_on_start(db_path), args.repeat)
        start_full = best(lambda: check_on_start(db_path, full=True), args.repeat)
        restore = best(lambda: restore_backup(db_path, backup_file, actor="bench"), args.repeat)

        print(f"township database: {size_mb:.1f} MB")
        print(f"file copy (shutil)            {copy * 1000:8.0f} ms")
        print(f"bare sqlite3 backup API       {bare * 1000:8.0f} ms   (baseline)")
        print(f"make_backup (+integrity_check){ours * 1000:8.0f} ms   {ours / bare:.2f}x baseline")
        print(f"verify_backup                 {verify * 1000:8.0f} ms")
        print(f"check_on_start (quick_check)  {start_check * 1000:8.0f} ms")
        print(f"check_on_start (full)         {start_full * 1000:8.0f} ms")
        print(
            f"restore_backup (+safety copy) {restore * 1000:8.0f} ms   {restore / bare:.2f}x baseline"
        )

        if args.encrypted:
            from sqlite_utils import Database as SUDatabase

            from villagedesk.storage.crypto import encrypt_database, open_encrypted_connection
            from villagedesk.storage.database import Database

            enc = best(
                lambda: (
                    shutil.copyfile(backup_file, work / "e.db"),
                    encrypt_database(work / "e.db", "pw"),
                ),
                1,
            )
            conn = open_encrypted_connection(work / "e.db", "pw")
            edb = Database(SUDatabase(conn), work / "e.db")
            edb.password = "pw"
            ebk = best(
                lambda: make_backup(edb, reason="manual", dest_dir=work / "ebk"), args.repeat
            )
            edb.close()
            print(f"encrypt_database              {enc * 1000:8.0f} ms")
            print(
                f"make_backup of encrypted db   {ebk * 1000:8.0f} ms   {ebk / bare:.2f}x baseline"
            )


if __name__ == "__main__":
    main()
