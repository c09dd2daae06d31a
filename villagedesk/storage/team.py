"""Team members (第一书记, 队长, 队员, 村干部)."""

from __future__ import annotations

from villagedesk.core.enums import TeamRole
from villagedesk.core.records import TeamMember
from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.storage.repository import Repository

_ROLE_ORDER = (
    "case role "
    + " ".join(f"when '{r.value}' then {i}" for i, r in enumerate(TeamRole))
    + " else 9 end"
)


class TeamRepo(Repository[TeamMember]):
    record_class = TeamMember
    kind = "team_member"
    default_order = f"{_ROLE_ORDER}, name"

    def validate(self, record: TeamMember) -> None:
        if not record.name.strip():
            raise ValidationError("请填写姓名", "name")
        if record.phone:
            record.phone = validate_phone(record.phone)
        if record.from_date and record.to_date and record.to_date < record.from_date:
            raise ValidationError("离村日期不能早于驻村日期", "to_date")

    def work_team(self) -> list[TeamMember]:
        """The resident work team (not the village cadres), first secretary first."""
        return self.find("role != ?", [TeamRole.VILLAGE_CADRE.value])

    def cadres(self) -> list[TeamMember]:
        """The village cadres listed on contact cards."""
        return self.find("role = ?", [TeamRole.VILLAGE_CADRE.value])
