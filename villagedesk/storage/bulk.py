"""Whole-table reads and writes for dump, load and import: every row, deleted ones included.

The repositories write one user action at a time; these helpers read every row of a kind
(recycle bin included) and insert records exactly as given — uid, timestamps and
``deleted_at`` preserved — with an audit row each. Callers wrap them in ``db.transaction()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from villagedesk.core.clock import now_iso
from villagedesk.core.records import IssueEvent, Record
from villagedesk.storage.repository import record_to_row, row_to_record
from villagedesk.storage.schema import TABLES

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

T = TypeVar("T", bound=Record)

#: tables holding records (issue events travel with their issue)
RECORD_TABLES = [t for t in TABLES.values() if t != "issue_events"]


def iter_records(db: Database, cls: type[T], *, order_by: str = "rowid") -> Iterator[T]:
    """Every record of a class, the recycle bin included, in insertion order."""
    table = TABLES[cls]
    for row in db.su.query(f"select * from [{table}] order by {order_by}"):
        yield row_to_record(cls, row)


def events_by_issue(db: Database) -> dict[str, list[IssueEvent]]:
    """issue uid -> its events (deleted ones included), oldest first."""
    out: dict[str, list[IssueEvent]] = {}
    for event in iter_records(db, IssueEvent, order_by="date, created_at, rowid"):
        out.setdefault(event.issue_uid, []).append(event)
    return out


def record_counts(db: Database, *, include_deleted: bool = True) -> dict[str, int]:
    """table name -> number of records (issue events not counted)."""
    where = "" if include_deleted else " where deleted_at is null"
    return {
        table: db.su.execute(f"select count(*) from [{table}]{where}").fetchone()[0]
        for table in RECORD_TABLES
    }


def existing_uids(db: Database, table: str, uids: Iterable[str]) -> set[str]:
    """Which of ``uids`` are already rows of ``table`` (deleted or not)."""
    wanted = list(dict.fromkeys(uids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0]
            for row in db.su.execute(f"select uid from [{table}] where uid in ({marks})", chunk)
        )
    return found


def _audit_view(row: dict[str, Any]) -> dict[str, Any]:
    # like the repositories: photo bytes stay out of the audit log, their size says enough
    return {k: (f"<{len(v)} bytes>" if isinstance(v, bytes) else v) for k, v in row.items()}


def insert_record(db: Database, record: Record, *, kind: str, action: str = "load") -> None:
    """Insert one record as it is (uid, timestamps, deleted_at kept) with an audit row.

    Missing timestamps are filled with now. Call inside ``db.transaction()``.
    """
    stamp = now_iso()
    record.created_at = record.created_at or stamp
    record.updated_at = record.updated_at or record.created_at
    row = record_to_row(record)
    db.su[TABLES[type(record)]].insert(row)
    db.audit.write(action, kind, record.uid, None, _audit_view(row))


def insert_event(db: Database, event: IssueEvent, *, action: str = "load") -> None:
    """Insert one issue event as it is, with an audit row. Call inside ``db.transaction()``."""
    insert_record(db, event, kind="issue_event", action=action)
