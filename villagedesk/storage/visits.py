"""Visits (走访记录): one contact with a household or a group."""

from __future__ import annotations

from datetime import date

from villagedesk.core.clock import today
from villagedesk.core.records import Visit
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository


class VisitRepo(Repository[Visit]):
    record_class = Visit
    kind = "visit"
    default_order = "date desc, created_at desc"

    def validate(self, record: Visit) -> None:
        if record.date > today():
            raise ValidationError("走访日期不能晚于今天", "date")
        if not record.household_uid and not record.group_uid:
            raise ValidationError("请选择走访的农户或村民小组", "household_uid")
        if record.household_uid and not self.db.households.get(record.household_uid):
            raise ValidationError("所选农户不存在或已删除", "household_uid")
        if not (record.situation.strip() or record.needs.strip()):
            raise ValidationError("请填写了解到的情况或诉求", "situation")

    def of_household(self, household_uid: str) -> list[Visit]:
        """A household's visits, newest first."""
        return self.find("household_uid = ?", [household_uid])

    def between(self, start: date, end: date) -> list[Visit]:
        """Visits from ``start`` to ``end`` inclusive, oldest first."""
        return self.find(
            "date >= ? and date <= ?",
            [start.isoformat(), end.isoformat()],
            order_by="date, created_at",
        )

    def last_visit_dates(self) -> dict[str, date]:
        """household uid -> date of its latest visit."""
        return {
            row["household_uid"]: date.fromisoformat(row["d"])
            for row in self.db.query(
                "select household_uid, max(date) as d from visits "
                "where deleted_at is null and household_uid is not null group by household_uid"
            )
        }
