"""The visits list of the 走访记录 page: one light row per visit, filtered in SQL.

Rows carry only what the table shows (the full ``Visit`` is read when a row is opened),
so a keystroke in the search box stays fast on a large township.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from villagedesk.services.query_helpers import (
    add_date_range,
    is_pinyin,
    like_any,
    pinyin_match,
    squeezed,
)
from villagedesk.services.text_match import PinyinIndex, haystack, matching

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class VisitRow:
    """What the visits table shows of one visit."""

    uid: str
    date: date
    way: str
    household_uid: str | None
    household_no: str
    head_name: str
    group_name: str
    member_uids: tuple[str, ...]
    situation: str
    needs: str
    handling: str
    next_step: str
    issue_numbers: tuple[str, ...] = field(default=())
    #: what the search box matches (head, number, group, the texts and notes), normalized
    hay: str = field(default="", compare=False, repr=False)

    @property
    def target(self) -> str:
        """The household head, or the group for a group meeting."""
        return self.head_name or self.group_name


@dataclass(frozen=True)
class VisitFilter:
    """The filter bar's state; empty fields mean "all"."""

    text: str = ""
    way: str | None = None
    start: date | None = None
    end: date | None = None
    member_uid: str | None = None


_SELECT = """
    select v.uid, v.date, v.way, v.household_uid, v.member_uids, v.situation, v.needs,
           v.handling, v.next_step, v.notes,
           coalesce(h.household_no, '') as household_no, coalesce(h.head_name, '') as head_name,
           coalesce(g.name, hg.name, '') as group_name
      from visits v
      left join households h on h.uid = v.household_uid
      left join groups g on g.uid = v.group_uid
      left join groups hg on hg.uid = h.group_uid
"""

_TEXT_COLUMNS = ("h.head_name", "h.household_no", "g.name", "v.situation", "v.needs",
                 "v.handling", "v.next_step", "v.notes")  # fmt: skip


def _where(f: VisitFilter) -> tuple[str, list[Any]]:
    conds = ["v.deleted_at is null"]
    params: list[Any] = []
    text = squeezed(f.text)
    if text:
        if is_pinyin(text):
            # pinyin (full or initials) of the household head, through the search keys
            cond, more = pinyin_match("v.household_uid", "household", text)
        else:
            cond, more = like_any(_TEXT_COLUMNS, text)
        conds.append(cond)
        params += more
    if f.way:
        conds.append("v.way = ?")
        params.append(f.way)
    add_date_range(conds, params, "v.date", f.start, f.end)
    if f.member_uid:
        conds.append("exists (select 1 from json_each(v.member_uids) where value = ?)")
        params.append(f.member_uid)
    return " and ".join(conds), params


def find_visit_rows(
    db: Database, flt: VisitFilter | None = None, *, limit: int | None = None
) -> list[VisitRow]:
    """Visits matching the filter, newest first (at most ``limit`` of them)."""
    where, params = _where(flt or VisitFilter())
    sql = f"{_SELECT} where {where} order by v.date desc, v.created_at desc"
    if limit is not None:
        sql += f" limit {int(limit)}"
    raised = issues_by_visit(db)
    rows = []
    # plain tuples, not sqlite-utils dicts: this runs on every keystroke of the search box
    for (
        uid,
        day,
        way,
        hh,
        members,
        situation,
        needs,
        handling,
        next_step,
        notes,
        no,
        head,
        group,
    ) in db.su.conn.execute(sql, params):
        rows.append(
            VisitRow(
                uid=uid,
                date=date.fromisoformat(day),
                way=way or "",
                household_uid=hh,
                household_no=no,
                head_name=head,
                group_name=group,
                member_uids=tuple(json.loads(members)) if members and members != "[]" else (),
                situation=situation or "",
                needs=needs or "",
                handling=handling or "",
                next_step=next_step or "",
                issue_numbers=raised.get(uid, ()),
                hay=haystack(head, no, group, situation, needs, handling, next_step, notes),
            )
        )
    return rows


def search_visit_rows(rows: list[VisitRow], text: str, index: PinyinIndex | None) -> list[VisitRow]:
    """The loaded rows (order kept) matching the search box: the texts, the head's name or
    number, or the head's pinyin (full or initials) through ``index``."""
    return matching(rows, text, lambda r: r.hay, lambda r: r.household_uid, index)


def issues_by_visit(db: Database) -> dict[str, tuple[str, ...]]:
    """visit uid -> numbers of the (not deleted) issues raised from it."""
    out: dict[str, list[str]] = {}
    for visit_uid, number in db.su.conn.execute(
        "select visit_uid, number from issues where visit_uid is not null "
        "and deleted_at is null order by number"
    ):
        out.setdefault(visit_uid, []).append(number)
    return {k: tuple(v) for k, v in out.items()}


def visit_months(db: Database) -> list[str]:
    """The months (YYYY-MM) that have visits, newest first."""
    return [
        row["m"]
        for row in db.query(
            "select distinct substr(date, 1, 7) as m from visits "
            "where deleted_at is null order by m desc"
        )
    ]
