"""What the households page and the household file show, gathered in few queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core.records import Aid, Household, Issue, Resident, Visit

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the households table."""

    household: Household
    group_name: str
    members: int
    last_visit: date | None

    @property
    def uid(self) -> str:
        return self.household.uid


def household_rows(db: Database) -> list[HouseholdRow]:
    """Every household with its group name, member count and last visit date."""
    groups = db.groups.names()
    counts = db.households.member_counts()
    last = db.visits.last_visit_dates()
    return [
        HouseholdRow(h, groups.get(h.group_uid or "", ""), counts.get(h.uid, 0), last.get(h.uid))
        for h in db.households.iter()
    ]


def matching_household_uids(db: Database, text: str, *, limit: int = 500) -> set[str]:
    """Households whose head, a member, an ID number, a phone or the number matches ``text``."""
    from villagedesk.storage.search import search

    return {hit.household_uid for hit in search(db, text, limit=limit)}


def filter_rows(
    rows: Iterable[HouseholdRow],
    *,
    uids: set[str] | None = None,
    tag: str | None = None,
    group_uid: str | None = None,
) -> list[HouseholdRow]:
    """The rows kept by a text match (``uids``), a household tag and a group."""
    return [
        r
        for r in rows
        if (uids is None or r.uid in uids)
        and (not tag or tag in r.household.tags)
        and (not group_uid or r.household.group_uid == group_uid)
    ]


@dataclass
class HouseholdFile:
    """一户一档: everything known about one household."""

    household: Household
    group_name: str
    members: list[Resident] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    aid: list[Aid] = field(default_factory=list)

    @property
    def aid_total_fen(self) -> int:
        return sum(a.amount_fen for a in self.aid)


def household_file(db: Database, household_uid: str) -> HouseholdFile | None:
    """The household's file, or None when it does not exist (or was deleted)."""
    household = db.households.get(household_uid)
    if household is None:
        return None
    group = db.groups.get(household.group_uid) if household.group_uid else None
    return HouseholdFile(
        household=household,
        group_name=group.name if group else "",
        members=db.residents.of_household(household_uid),
        visits=db.visits.find(
            "household_uid = ?", [household_uid], order_by="date desc, created_at desc"
        ),
        issues=db.issues.find(
            "household_uid = ?", [household_uid], order_by="collected_date desc, number desc"
        ),
        aid=db.aid.find("household_uid = ?", [household_uid], order_by="date desc"),
    )


def deleted_records(db: Database) -> list[tuple[str, object]]:
    """Every record in the recycle bin as (kind, record), most recently deleted first."""
    found: list[tuple[str, object]] = []
    for kind, repo in db.repositories().items():
        found += [(kind, rec) for rec in repo.find(deleted_only=True)]
    found.sort(key=lambda pair: pair[1].deleted_at or "", reverse=True)
    return found
