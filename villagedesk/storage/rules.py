"""Record rules that both the repositories and the bulk load apply, written once.

The callers differ only in how they look things up (the database for one record, in-memory
tables for a bulk load), so they pass those look-ups in.
"""

from __future__ import annotations

from collections.abc import Callable

from villagedesk.core.clock import today
from villagedesk.core.enums import Gender, Relation
from villagedesk.core.records import Resident
from villagedesk.core.validation import ValidationError, parse_id_number, validate_phone

#: an ID number's other holder: (household_no, head_name) of their household if it is known,
#: and their name
IdHolder = tuple[tuple[str, str] | None, str]


def check_resident(
    r: Resident,
    *,
    household_exists: Callable[[str], bool],
    id_holder: Callable[[Resident], IdHolder | None],
    other_head: Callable[[Resident], str | None],
) -> None:
    """Check and normalise a resident (name, household, ID number and what it implies, phone,
    one head per household); raises ValidationError with the field at fault."""
    r.name = r.name.strip()
    if not r.name:
        raise ValidationError("请填写姓名", "name")
    if not household_exists(r.household_uid):
        raise ValidationError("请选择所属农户", "household_uid")
    if r.id_number:
        info = parse_id_number(r.id_number, today=today())
        r.id_number = info.number
        if r.birth_date and r.birth_date != info.birth_date:
            raise ValidationError(
                f"出生日期 {r.birth_date} 与身份证号码中的 {info.birth_date} 不一致",
                "birth_date",
            )
        if r.gender and r.gender.value != info.gender:
            raise ValidationError(
                f"性别“{r.gender.value}”与身份证号码（{info.gender}）不一致", "gender"
            )
        r.birth_date = info.birth_date
        r.gender = Gender(info.gender)
        clash = id_holder(r)
        if clash:
            owner, name = clash
            where = f"{owner[0]} {owner[1]}户" if owner else "另一户"
            raise ValidationError(
                f"身份证号码 {r.id_number} 已登记在 {where}（{name}）", "id_number"
            )
    if r.birth_date and r.birth_date > today():
        raise ValidationError("出生日期不能晚于今天", "birth_date")
    if r.phone:
        r.phone = validate_phone(r.phone)
    if r.relation == Relation.HEAD:
        head = other_head(r)
        if head is not None:
            raise ValidationError(f"该户已有户主（{head}）", "relation")
