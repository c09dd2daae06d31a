"""The team's diary and attendance (驻村日志 / 考勤)."""

from __future__ import annotations

from datetime import date

from villagedesk.core.records import DiaryEntry
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository


class DiaryRepo(Repository[DiaryEntry]):
    record_class = DiaryEntry
    kind = "diary"
    default_order = "date desc"

    def validate(self, record: DiaryEntry) -> None:
        if record.member_uid and not self.db.team.get(record.member_uid):
            raise ValidationError("所选队员不存在", "member_uid")
        clash = self.count(
            "date = ? and member_uid is ? and uid != ?",
            [record.date.isoformat(), record.member_uid, record.uid],
        )
        if clash:
            raise ValidationError(f"{record.date} 该队员已有日志，请修改原记录", "date")

    def between(self, start: date, end: date) -> list[DiaryEntry]:
        """Entries from ``start`` to ``end`` inclusive, oldest first."""
        return self.find(
            "date >= ? and date <= ?", [start.isoformat(), end.isoformat()], order_by="date"
        )
