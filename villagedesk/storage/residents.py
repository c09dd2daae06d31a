"""Residents (村民): one person in a household."""

from __future__ import annotations

from villagedesk.core.enums import Relation
from villagedesk.core.records import Resident
from villagedesk.storage.repository import Repository
from villagedesk.storage.rules import IdHolder, check_resident
from villagedesk.storage.search import set_name_keys


class ResidentRepo(Repository[Resident]):
    record_class = Resident
    kind = "resident"
    default_order = "household_uid, case relation when '户主' then 0 else 1 end, birth_date"

    def validate(self, record: Resident) -> None:
        check_resident(
            record,
            household_exists=lambda uid: bool(self.db.households.get(uid)),
            id_holder=self._id_holder,
            other_head=self._other_head,
        )

    def _id_holder(self, record: Resident) -> IdHolder | None:
        clash = self.find("id_number = ? and uid != ?", [record.id_number, record.uid], limit=1)
        if not clash:
            return None
        owner = self.db.households.get(clash[0].household_uid)
        return ((owner.household_no, owner.head_name) if owner else None), clash[0].name

    def _other_head(self, record: Resident) -> str | None:
        other_head = self.find(
            "household_uid = ? and relation = ? and uid != ?",
            [record.household_uid, Relation.HEAD.value, record.uid],
            limit=1,
        )
        return other_head[0].name if other_head else None

    def of_household(self, household_uid: str) -> list[Resident]:
        """The members of a household, head first."""
        return self.find("household_uid = ?", [household_uid])

    def by_id_number(self, id_number: str) -> Resident | None:
        """The resident with this ID number."""
        found = self.find("id_number = ?", [id_number.strip().upper()], limit=1)
        return found[0] if found else None

    def _after_write(self, record: Resident) -> None:
        set_name_keys(self.db.su, "resident", record.uid, record.name)
