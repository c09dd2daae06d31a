"""The deeds list (为民办实事清单)."""

from __future__ import annotations

from villagedesk.core.enums import DeedStatus
from villagedesk.core.records import Deed
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository


class DeedRepo(Repository[Deed]):
    record_class = Deed
    kind = "deed"
    default_order = "coalesce(promised_date, '9999'), title"

    def validate(self, record: Deed) -> None:
        if not record.title.strip():
            raise ValidationError("请填写事项名称", "title")
        if record.status == DeedStatus.DONE and record.done_date is None:
            raise ValidationError("已完成的事项请填写完成日期", "done_date")
        if record.beneficiaries < 0 or record.investment_fen < 0:
            raise ValidationError("受益户数和投入资金不能为负数", "beneficiaries")
