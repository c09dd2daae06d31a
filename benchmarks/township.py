"""The large township the benchmarks run on: 5,000 households, ~20,000 residents,
50,000 visits and 10,000 issues, built by the demo village generator and bulk-inserted.

The file is cached under ``benchmarks/.cache/``; ``python -m benchmarks.township --refresh``
builds it again.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from villagedesk.services.demo import DemoSummary, build_village
from villagedesk.storage.database import open_database
from villagedesk.storage.repository import record_to_row
from villagedesk.storage.schema import TABLES
from villagedesk.storage.search import rebuild_search_keys

HOUSEHOLDS = 5_000
VISITS = 50_000
ISSUES = 10_000
#: bigger families than the demo village, so 5,000 households hold about 20,000 people
SIZES = {1: 4, 2: 12, 3: 18, 4: 26, 5: 22, 6: 18}
#: a fixed day keeps the cached file the same whenever it is built
TODAY = date(2026, 11, 29)
SEED = 2026
CACHE = Path(__file__).resolve().parent / ".cache"
VERSION = 1  # bump when the generator changes so old caches are not reused


def generate(
    path: str | os.PathLike[str],
    *,
    households: int = HOUSEHOLDS,
    visits: int = VISITS,
    issues: int = ISSUES,
    seed: int = SEED,
    today: date = TODAY,
) -> DemoSummary:
    """Write a township database at ``path`` (which must not exist) in one transaction."""
    village = build_village(
        households=households, seed=seed, today=today, visits=visits, issues=issues,
        household_sizes=SIZES,
    )  # fmt: skip
    db = open_database(path)
    try:
        with db.transaction():
            db.profile.save(village.profile)
            events = [e for issue in village.issues for e in issue.events]
            for records in [*village.records_in_order(), events]:
                _bulk_insert(db, records)
            # the app fills search keys as each name is saved; after a bulk load it rebuilds them
            rebuild_search_keys(db.su)
        db.su.execute("ANALYZE")
    finally:
        db.close()
    return village.summary()


def _bulk_insert(db, records: list) -> None:
    """Insert records encoded exactly as the repositories encode them, without the audit."""
    if not records:
        return
    rows = [record_to_row(r) for r in records]
    columns = list(rows[0])
    sql = (
        f"insert into [{TABLES[type(records[0])]}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"values ({', '.join('?' * len(columns))})"
    )
    db.su.conn.executemany(sql, ([row[c] for c in columns] for row in rows))


def township_db(*, refresh: bool = False, verbose: bool = True) -> Path:
    """The cached township database, built on first use."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"township-{HOUSEHOLDS}-{TODAY:%Y%m%d}-v{VERSION}.db"
    if path.exists() and not refresh:
        return path
    tmp = path.with_suffix(".building.db")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    summary = generate(tmp)
    os.replace(tmp, path)
    if verbose:
        print(
            f"built {path.name} in {time.perf_counter() - started:.1f} s: "
            f"{summary.households} households, {summary.residents} residents, "
            f"{summary.visits} visits, {summary.issues} issues ({summary.issue_events} events), "
            f"{summary.aid} aid, {summary.diary} diary entries"
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="build the cached file again")
    args = parser.parse_args()
    print(township_db(refresh=args.refresh))


if __name__ == "__main__":
    main()
