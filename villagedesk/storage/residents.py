"""Residents (村民): one person in a household."""

from __future__ import annotations

from villagedesk.core.clock import today
from villagedesk.core.enums import Gender, Relation
from villagedesk.core.records import Resident
from villagedesk.core.validation import ValidationError, parse_id_number, validate_phone
from villagedesk.storage.repository import Repository
from villagedesk.storage.search import set_name_keys


class ResidentRepo(Repository[Resident]):
    record_class = Resident
    kind = "resident"
    default_order = "household_uid, case relation when '户主' then 0 else 1 end, birth_date"

    def validate(self, record: Resident) -> None:
        record.name = record.name.strip()
        if not record.name:
            raise ValidationError("请填写姓名", "name")
        if not self.db.households.get(record.household_uid):
            raise ValidationError("请选择所属农户", "household_uid")
        if record.id_number:
            info = parse_id_number(record.id_number, today=today())
            record.id_number = info.number
            if record.birth_date and record.birth_date != info.birth_date:
                raise ValidationError(
                    f"出生日期 {record.birth_date} 与身份证号码中的 {info.birth_date} 不一致",
                    "birth_date",
                )
            if record.gender and record.gender.value != info.gender:
                raise ValidationError(
                    f"性别“{record.gender.value}”与身份证号码（{info.gender}）不一致", "gender"
                )
            record.birth_date = info.birth_date
            record.gender = Gender(info.gender)
            clash = self.find("id_number = ? and uid != ?", [record.id_number, record.uid], limit=1)
            if clash:
                owner = self.db.households.get(clash[0].household_uid)
                where = f"{owner.household_no} {owner.head_name}户" if owner else "另一户"
                raise ValidationError(
                    f"身份证号码 {record.id_number} 已登记在 {where}（{clash[0].name}）",
                    "id_number",
                )
        if record.birth_date and record.birth_date > today():
            raise ValidationError("出生日期不能晚于今天", "birth_date")
        if record.phone:
            record.phone = validate_phone(record.phone)
        if record.relation == Relation.HEAD:
            other_head = self.find(
                "household_uid = ? and relation = ? and uid != ?",
                [record.household_uid, Relation.HEAD.value, record.uid],
                limit=1,
            )
            if other_head:
                raise ValidationError(f"该户已有户主（{other_head[0].name}）", "relation")

    def of_household(self, household_uid: str) -> list[Resident]:
        """The members of a household, head first."""
        return self.find("household_uid = ?", [household_uid])

    def by_id_number(self, id_number: str) -> Resident | None:
        """The resident with this ID number."""
        found = self.find("id_number = ?", [id_number.strip().upper()], limit=1)
        return found[0] if found else None

    def _after_write(self, record: Resident) -> None:
        set_name_keys(self.db.su, "resident", record.uid, record.name)
