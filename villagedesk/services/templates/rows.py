"""The rows a template lists for a month, each a dict field name -> value.

Month records come from ``ledger_data.load_month`` and its row builders, so a template and
the monthly ledger print the same words. Values keep their types (dates, fen, ints); ID
numbers are raw here and masked when written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from villagedesk.core.records import Household, Issue
from villagedesk.core.templates import ROW_SOURCES
from villagedesk.core.validation import age_on
from villagedesk.services.figures import Month
from villagedesk.services.ledger_data import MonthData, load_month

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

Row = dict[str, Any]

_VISIT = ["date", "household", "group", "way", "members", "situation", "needs", "handling",
          "next_step", "notes"]  # fmt: skip
_ISSUE = ["number", "collected_date", "source", "reporter", "group", "category", "description",
          "level", "handling_mode", "owner", "deadline", "progress", "done_date", "result",
          "follow_up", "status", "closed"]  # fmt: skip
_AID = ["date", "target", "id_number", "group", "hardship", "kind", "amount", "goods",
        "funding_source", "given_by", "signature", "notes"]  # fmt: skip
_DEED = ["title", "area", "measures", "goal", "owner", "promised_date", "handling_mode", "state",
         "beneficiaries", "investment", "closed"]  # fmt: skip
_ACTIVITY = ["date", "kind", "title", "place", "participants", "summary"]
_DIARY = ["date", "weekday", "member", "presence", "content"]


class _Homes:
    """Households and heads' ID numbers, read only when a column asks for them."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._homes: dict[str, Household] | None = None
        self._heads: dict[str, tuple[str, str]] | None = None

    def home(self, uid: str | None) -> Household | None:
        if self._homes is None:
            self._homes = {h.uid: h for h in self.db.households.find(include_deleted=True)}
        return self._homes.get(uid or "")

    def head(self, uid: str | None) -> tuple[str, str]:
        """The head's (ID number, gender), one query for all households."""
        if self._heads is None:
            self._heads = {
                row["household_uid"]: (row["id_number"] or "", row["gender"] or "")
                for row in self.db.su.query(
                    "select household_uid, id_number, gender from residents "
                    "where relation = '户主' and deleted_at is null"
                )
            }
        return self._heads.get(uid or "", ("", ""))

    def extras(self, uid: str | None, needed: set[str]) -> Row:
        out: Row = {}
        if needed & {"household_no", "address", "phone"}:
            hh = self.home(uid)
            out["household_no"] = hh.household_no if hh else ""
            out["address"] = hh.address if hh else ""
            out["phone"] = hh.phone if hh else ""
        if "id_number" in needed:
            out["id_number"] = self.head(uid)[0]
        return out


def _issue_tracking_at(issue: Issue, asof: date) -> bool:
    # the monthly ledger's rule: collected by then and not yet concluded by then
    if issue.collected_date > asof:
        return False
    if issue.done_date is not None:
        return issue.done_date > asof
    return issue.is_tracking()


def _month_issues(db: Database, data: MonthData, source: str) -> list[Issue]:
    m = data.month
    if source == "issues-month":
        return [i for i in data.issues if m.first <= i.collected_date <= m.last]
    if source == "issues-tracking":
        return [i for i in data.issues if _issue_tracking_at(i, data.asof)]
    return db.issues.find("collected_date <= ?", [m.last.isoformat()], order_by="number")


def template_rows(
    db: Database,
    source: str,
    month: Month,
    *,
    today: date,
    tag: str | None = None,
    needed: set[str] | None = None,
) -> list[Row]:
    """The rows of ``source`` (a ROW_SOURCES key) for the month, in ledger order."""
    needed = set(needed or ())
    kind = ROW_SOURCES[source][0]
    homes = _Homes(db)
    if kind == "household":
        return list(_household_rows(db, tag or "", homes, needed))
    if kind == "resident":
        return list(_resident_rows(db, tag or "", month, homes, needed))
    data = load_month(db, month, today=today, aid_only=kind == "aid")
    rows: list[Row] = []
    if kind == "visit":
        for v, values in zip(data.visits, data.visit_rows(), strict=True):
            row = dict(zip(_VISIT, values, strict=True))
            rows.append({**homes.extras(v.household_uid, needed), **row})
    elif kind == "issue":
        issues = _month_issues(db, data, source)
        data = dataclasses.replace(data, issues=issues)
        for i, (values, overdue) in zip(issues, data.issue_rows(), strict=True):
            row = dict(zip(_ISSUE, values, strict=True))
            row["overdue"] = "是" if overdue else "否"
            row["satisfaction"] = i.satisfaction.value if i.satisfaction else ""
            rows.append({**homes.extras(i.household_uid, needed), **row})
    elif kind == "aid":
        for a, values in zip(data.aid, data.aid_rows(lambda s: s), strict=True):
            row = dict(zip(_AID, values, strict=True))
            row["amount"] = a.amount_fen if a.amount_fen else None  # fen, written as yuan
            rows.append({**homes.extras(a.household_uid, needed), **row})
    elif kind == "deed":
        for d, values in zip(data.deeds, data.deed_rows(), strict=True):
            row = dict(zip(_DEED, values, strict=True))
            row.update(status=d.status.value, done_date=d.done_date, investment=d.investment_fen)
            rows.append(row)
    elif kind == "activity":
        rows = [dict(zip(_ACTIVITY, v, strict=True)) for v in data.activity_rows()]
    else:
        rows = [dict(zip(_DIARY, v, strict=True)) for v in data.diary_rows()]
    return rows


def _household_rows(db: Database, tag: str, homes: _Homes, needed: set[str]) -> Iterator[Row]:
    groups = {g.uid: g.name for g in db.groups.find(include_deleted=True)}
    counts = db.households.member_counts()
    for hh in sorted(db.households.with_tag(tag), key=lambda h: (h.household_no, h.head_name)):
        head_id, head_gender = homes.head(hh.uid)
        yield {
            "household_no": hh.household_no,
            "head_name": hh.head_name,
            "id_number": head_id,
            "gender": head_gender,
            "group": groups.get(hh.group_uid or "", ""),
            "address": hh.address,
            "phone": hh.phone,
            "members": counts.get(hh.uid, 0),
            "tags": "、".join(t.value for t in hh.tags),
            "monitoring_type": hh.monitoring_type.value if hh.monitoring_type else "",
            "risk_causes": "、".join(c.value for c in hh.risk_causes),
            "risk_cleared": "是" if hh.risk_cleared else "否",
            "living_status": hh.living_status.value,
            "notes": hh.notes,
        }


def _resident_rows(
    db: Database, tag: str, month: Month, homes: _Homes, needed: set[str]
) -> Iterator[Row]:
    groups = {g.uid: g.name for g in db.groups.find(include_deleted=True)}
    people = db.residents.find(
        "exists (select 1 from json_each(tags) where value = ?) and household_uid in "
        "(select uid from households where deleted_at is null)",
        [tag],
    )
    keyed = []
    for n, p in enumerate(people):  # by household, its head first, then as entered
        hh = homes.home(p.household_uid)
        keyed.append(((hh.household_no if hh else "", p.relation.value != "户主", n), p, hh))
    for _key, p, hh in sorted(keyed, key=lambda k: k[0]):
        yield {
            "name": p.name,
            "gender": p.gender.value if p.gender else "",
            "id_number": p.id_number,
            "birth_date": p.birth_date,
            "age": age_on(p.birth_date, month.last) if p.birth_date else None,
            "relation": p.relation.value,
            "household_no": hh.household_no if hh else "",
            "head_name": hh.head_name if hh else "",
            "group": groups.get(hh.group_uid or "", "") if hh else "",
            "address": hh.address if hh else "",
            "phone": p.phone or (hh.phone if hh else ""),
            "person_no": p.person_no,
            "ethnicity": p.ethnicity,
            "education": p.education,
            "health": p.health,
            "labour_skill": p.labour_skill,
            "tags": "、".join(t.value for t in p.tags),
            "notes": p.notes,
        }
