"""Village groups and grids (村民小组 / 网格)."""

from __future__ import annotations

from villagedesk.core.records import Group
from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.storage.repository import Repository


class GroupRepo(Repository[Group]):
    record_class = Group
    kind = "group"
    default_order = "name"

    def validate(self, record: Group) -> None:
        if not record.name.strip():
            raise ValidationError("请填写村民小组或网格名称", "name")
        if record.leader_phone:
            record.leader_phone = validate_phone(record.leader_phone)
        if self.count("name = ? and uid != ?", [record.name, record.uid]):
            raise ValidationError(f"已有名为“{record.name}”的村民小组或网格", "name")

    def names(self) -> dict[str, str]:
        """uid -> name of every group, for lists and reports."""
        return {
            row["uid"]: row["name"]
            for row in self.db.query("select uid, name from groups where deleted_at is null")
        }
