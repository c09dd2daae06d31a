"""Monitoring lists, their rows and the check tasks (tables from migration m003 in schema.py)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core.monitoring import (
    CheckStatus,
    CheckTask,
    MonitoringEntry,
    MonitoringList,
    advance,
)
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


class MonitoringListRepo(Repository):
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


class MonitoringEntryRepo(Repository):
    record_class = MonitoringEntry
    kind = "monitoring_entry"
    default_order = "row_no"


class CheckTaskRepo(Repository):
    record_class = CheckTask
    kind = "check_task"
    default_order = "created_at, rowid"

    def open_tasks(self) -> list[CheckTask]:
        """Checks still waiting (待核查, 已入户核查), oldest first: what the dashboard shows."""
        return self.find("status in (?, ?)", [CheckStatus.PENDING.value, CheckStatus.VISITED.value])

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
