"""What the households page and the household file show, gathered in few queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core.records import Aid, Household, Issue, Resident, Visit
from villagedesk.services.text_match import PinyinIndex, haystack, is_digits, is_pinyin, normalize

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the households table."""

    household: Household
    group_name: str
    members: int
    last_visit: date | None
    #: what the search box matches: head, number, phone, address and the members' names
    hay: str = field(default="", compare=False, repr=False)
    #: the members' ID numbers and phones (matched by 3 digits or more)
    digits: str = field(default="", compare=False, repr=False)

    @property
    def uid(self) -> str:
        return self.household.uid


def household_rows(db: Database) -> list[HouseholdRow]:
    """Every household with its group name, member count, last visit date and search text."""
    groups = db.groups.names()
    last = db.visits.last_visit_dates()
    names: dict[str, list[str]] = {}
    digits: dict[str, list[str]] = {}
    for hh, name, id_number, phone in db.su.conn.execute(
        "select household_uid, name, id_number, phone from residents where deleted_at is null"
    ):
        names.setdefault(hh, []).append(name)
        digits.setdefault(hh, []).extend((id_number, phone))
    rows = []
    for h in db.households.iter():
        members = names.get(h.uid, [])
        rows.append(
            HouseholdRow(
                h,
                groups.get(h.group_uid or "", ""),
                len(members),
                last.get(h.uid),
                hay=haystack(h.head_name, h.household_no, h.phone, h.address, *members),
                digits=haystack(*digits.get(h.uid, ())),
            )
        )
    return rows


def load_pinyin_index(db: Database) -> PinyinIndex:
    """Pinyin keys of every head and member, each pointing at the household."""
    return PinyinIndex.load(db, members=True)


def search_rows(
    rows: list[HouseholdRow], text: str, index: PinyinIndex | None
) -> list[HouseholdRow]:
    """The rows (order kept) whose head, a member, an ID number, a phone, the number or the
    address matches ``text``, or whose head or a member has a pinyin key starting with it."""
    q = normalize(text)
    if not q:
        return rows
    found = index.household_uids(q) if index is not None and is_pinyin(q) else set()
    if is_digits(q) and len(q) >= 3:
        # like the global search: a member's ID number or phone needs three digits or more
        return [r for r in rows if q in r.hay or q in r.digits]
    if found:
        return [r for r in rows if q in r.hay or r.household.uid in found]
    return [r for r in rows if q in r.hay]


def filter_rows(
    rows: Iterable[HouseholdRow],
    *,
    uids: set[str] | None = None,
    tag: str | None = None,
    group_uid: str | None = None,
) -> list[HouseholdRow]:
    """The rows kept by a text match (``uids``), a household tag and a group."""
    if uids is None and not tag and not group_uid:
        return list(rows)
    return [
        r
        for r in rows
        if (uids is None or r.household.uid in uids)
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
