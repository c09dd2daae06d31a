"""Monitoring lists, their rows and the check tasks (tables added by migration m003)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database as SUDatabase

from villagedesk.core.monitoring import (
    CheckStatus,
    CheckTask,
    MonitoringEntry,
    MonitoringList,
    advance,
)
from villagedesk.core.serialize import from_dict
from villagedesk.core.validation import ValidationError

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

MONITORING_TABLES: dict[type, str] = {
    MonitoringList: "monitoring_lists",
    MonitoringEntry: "monitoring_entries",
    CheckTask: "check_tasks",
}


def m003_monitoring(db: SUDatabase) -> None:
    """Monitoring lists (一比一派一查一救), their rows and the team's check tasks."""
    from villagedesk.storage.schema import column_types

    db["monitoring_lists"].create(
        column_types(MonitoringList), pk="uid", not_null={"name", "source", "list_date"}
    )
    db["monitoring_entries"].create(
        column_types(MonitoringEntry),
        pk="uid",
        not_null={"list_uid", "name"},
        foreign_keys=[
            ("list_uid", "monitoring_lists", "uid"),
            ("resident_uid", "residents", "uid"),
            ("household_uid", "households", "uid"),
        ],
    )
    db["monitoring_entries"].create_index(["list_uid"])
    db["check_tasks"].create(
        column_types(CheckTask),
        pk="uid",
        not_null={"list_uid", "entry_uid", "resident_uid", "household_uid", "status"},
        foreign_keys=[
            ("list_uid", "monitoring_lists", "uid"),
            ("entry_uid", "monitoring_entries", "uid"),
            ("resident_uid", "residents", "uid"),
            ("household_uid", "households", "uid"),
            ("visit_uid", "visits", "uid"),
            ("aid_uid", "aid", "uid"),
        ],
    )
    for cols in (["status"], ["resident_uid"], ["list_uid"]):
        db["check_tasks"].create_index(cols)


# schema.py imports this module for the migration while repository.py may still be
# importing schema.py, so the repository classes are defined on first use (PEP 562).
_LAZY = ("MonitoringListRepo", "MonitoringEntryRepo", "CheckTaskRepo")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        _define_repos()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _define_repos() -> None:  # noqa: C901 - class definitions only
    global MonitoringListRepo, MonitoringEntryRepo, CheckTaskRepo
    if "CheckTaskRepo" in globals():
        return
    from villagedesk.storage.repository import Repository, _list_fields

    class _MonitoringRepo(Repository):
        """A Repository whose table is not in schema.TABLES (it lives in this module)."""

        def __init__(self, db: Database) -> None:
            self.db = db
            self.table_name = MONITORING_TABLES[self.record_class]

        def _decode(self, row: dict[str, Any]):
            data = {}
            lists = _list_fields(self.record_class)
            for name, value in row.items():
                data[name] = (json.loads(value) if value else []) if name in lists else value
            return from_dict(self.record_class, data, where=self.table_name)

    class MonitoringListRepo(_MonitoringRepo):
        record_class = MonitoringList
        kind = "monitoring_list"
        default_order = "list_date desc, created_at desc"

        def validate(self, record: MonitoringList) -> None:
            if not record.name.strip():
                raise ValidationError("请填写名单名称", "name")
            if not record.source.strip():
                raise ValidationError("请填写名单来源（哪个部门）", "source")

        def entries(self, list_uid: str) -> list[MonitoringEntry]:
            """A list's rows in file order."""
            return MonitoringEntryRepo(self.db).find("list_uid = ?", [list_uid], order_by="row_no")

        def unmatched(self, list_uid: str) -> list[MonitoringEntry]:
            """Rows no resident was found for."""
            return MonitoringEntryRepo(self.db).find(
                "list_uid = ? and resident_uid is null", [list_uid], order_by="row_no"
            )

        def add_entries(self, entries: list[MonitoringEntry]) -> None:
            """Save many rows at once (inside the caller's transaction), with audit rows."""
            _bulk_add(self.db, MonitoringEntryRepo.kind, "monitoring_entries", entries)

    class MonitoringEntryRepo(_MonitoringRepo):
        record_class = MonitoringEntry
        kind = "monitoring_entry"
        default_order = "row_no"

    class CheckTaskRepo(_MonitoringRepo):
        record_class = CheckTask
        kind = "check_task"
        default_order = "created_at, rowid"

        def open_tasks(self) -> list[CheckTask]:
            """Checks still waiting (待核查, 已入户核查), oldest first: what the dashboard shows."""
            return self.find(
                "status in (?, ?)", [CheckStatus.PENDING.value, CheckStatus.VISITED.value]
            )

        def count_open(self) -> int:
            """How many checks are still open."""
            return self.count(
                "status in (?, ?)", [CheckStatus.PENDING.value, CheckStatus.VISITED.value]
            )

        def of_list(self, list_uid: str) -> list[CheckTask]:
            """The checks a list produced."""
            return self.find("list_uid = ?", [list_uid])

        def of_resident(self, resident_uid: str) -> list[CheckTask]:
            """A person's checks, newest first."""
            return self.find("resident_uid = ?", [resident_uid], order_by="created_at desc")

        def move(
            self,
            uid: str,
            to: CheckStatus,
            *,
            on: date,
            visit_uid: str | None = None,
            aid_uid: str | None = None,
            note: str = "",
        ) -> CheckTask:
            """Advance a check (linking the visit that checked it or the aid given) and save it."""
            task = self.require(uid)
            if visit_uid and not self.db.visits.get(visit_uid):
                raise ValidationError("所选走访记录不存在或已删除", "visit_uid")
            if aid_uid and not self.db.aid.get(aid_uid):
                raise ValidationError("所选帮扶慰问记录不存在或已删除", "aid_uid")
            advance(task, to, on=on, visit_uid=visit_uid, aid_uid=aid_uid, note=note)
            return self.update(task)

        def add_many(self, tasks: list[CheckTask]) -> None:
            """Save many tasks at once (inside the caller's transaction), with audit rows."""
            _bulk_add(self.db, self.kind, "check_tasks", tasks)


def _bulk_add(db: Database, kind: str, table: str, records: list) -> None:
    from villagedesk.core.clock import now_iso
    from villagedesk.storage.repository import _audit_view, record_to_row

    if not records:
        return
    stamp = now_iso()
    rows = []
    for rec in records:
        rec.created_at = rec.created_at or stamp
        rec.updated_at = rec.updated_at or stamp
        rows.append(record_to_row(rec))
    with db.transaction():
        db.su[table].insert_all(rows)
        for row in rows:
            db.audit.write("create", kind, row["uid"], None, _audit_view(row))


def monitoring_repos(db: Database) -> tuple[Any, Any]:
    """The list and check-task repositories (MonitoringListRepo, CheckTaskRepo) of a database."""
    _define_repos()
    return MonitoringListRepo(db), CheckTaskRepo(db)
