"""Activities and meetings (活动会议)."""

from __future__ import annotations

from datetime import date

from villagedesk.core.records import Activity
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository


class ActivityRepo(Repository[Activity]):
    record_class = Activity
    kind = "activity"
    default_order = "date desc"

    def validate(self, record: Activity) -> None:
        if not record.title.strip():
            raise ValidationError("请填写活动主题", "title")
        if record.participants < 0:
            raise ValidationError("参加人数不能为负数", "participants")

    def between(self, start: date, end: date) -> list[Activity]:
        """Activities from ``start`` to ``end`` inclusive, oldest first."""
        return self.find(
            "date >= ? and date <= ?", [start.isoformat(), end.isoformat()], order_by="date"
        )
