"""Aid handed out (帮扶慰问): money in fen, goods and quantities."""

from __future__ import annotations

from datetime import date

from villagedesk.core.enums import AidKind
from villagedesk.core.records import Aid
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository


class AidRepo(Repository[Aid]):
    record_class = Aid
    kind = "aid"
    default_order = "date desc, created_at desc"

    def validate(self, record: Aid) -> None:
        if not record.household_uid and not record.resident_uid:
            raise ValidationError("请选择慰问对象", "household_uid")
        if record.amount_fen < 0:
            raise ValidationError("金额不能为负数", "amount_fen")
        if record.amount_fen == 0 and not record.goods.strip():
            raise ValidationError("请填写慰问金额或物品", "amount_fen")
        if record.kind == AidKind.GOODS and not record.goods.strip():
            raise ValidationError("慰问品请填写物品名称", "goods")
        if record.resident_uid:
            person = self.db.residents.get(record.resident_uid)
            if person is None:
                raise ValidationError("所选村民不存在或已删除", "resident_uid")
            record.household_uid = record.household_uid or person.household_uid

    def between(self, start: date, end: date) -> list[Aid]:
        """Aid from ``start`` to ``end`` inclusive, oldest first."""
        return self.find(
            "date >= ? and date <= ?",
            [start.isoformat(), end.isoformat()],
            order_by="date, created_at",
        )

    def of_household(self, household_uid: str) -> list[Aid]:
        """Aid given to a household, newest first."""
        return self.find("household_uid = ?", [household_uid])
