"""Households (户): number, head, group, tags, monitoring."""

from __future__ import annotations

from villagedesk.core.records import Household
from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.storage.repository import Repository
from villagedesk.storage.search import set_name_keys


class HouseholdRepo(Repository[Household]):
    record_class = Household
    kind = "household"
    default_order = "household_no"

    def validate(self, record: Household) -> None:
        record.household_no = record.household_no.strip()
        record.head_name = record.head_name.strip()
        if not record.household_no:
            raise ValidationError("请填写户编号", "household_no")
        if not record.head_name:
            raise ValidationError("请填写户主姓名", "head_name")
        if record.phone:
            record.phone = validate_phone(record.phone)
        if self.count("household_no = ? and uid != ?", [record.household_no, record.uid]):
            raise ValidationError(f"户编号 {record.household_no} 已经存在", "household_no")
        if record.monitoring_type and "监测户" not in record.tags:
            raise ValidationError("填写了监测对象类型的农户应标记为“监测户”", "monitoring_type")

    def by_number(self, household_no: str) -> Household | None:
        """The household with this number."""
        found = self.find("household_no = ?", [household_no.strip()], limit=1)
        return found[0] if found else None

    def with_tag(self, tag: str) -> list[Household]:
        """Households carrying a tag."""
        return self.find("exists (select 1 from json_each(tags) where value = ?)", [tag])

    def member_counts(self) -> dict[str, int]:
        """household uid -> number of (not deleted) residents."""
        return {
            row["household_uid"]: row["n"]
            for row in self.db.query(
                "select household_uid, count(*) as n from residents "
                "where deleted_at is null group by household_uid"
            )
        }

    def _after_write(self, record: Household) -> None:
        set_name_keys(self.db.su, "household", record.uid, record.head_name)
