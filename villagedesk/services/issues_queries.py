"""The issue ledger list of the 问题台账 page: filtered issues with names, and tab counts.

Issues here come without their timeline (``IssueRepo.get`` loads it when one is opened),
so listing thousands of issues is one query, not one per issue.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from villagedesk.core.enums import (
    HandlingMode,
    IssueCategory,
    IssueLevel,
    IssueOutcome,
    IssueSource,
    IssueStatus,
    Satisfaction,
)
from villagedesk.core.records import Issue
from villagedesk.services.figures import ISSUE_FIGURES, Month, issue_figure_condition
from villagedesk.services.query_helpers import is_pinyin, pinyin_match, squeezed
from villagedesk.services.text_match import PinyinIndex, haystack, matching

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

#: the tab key of overdue issues (the other tabs are IssueStatus values, or None for all)
OVERDUE = "overdue"
#: the dashboard's issue figures (services.figures.monthly_figures) a filter can stand for
FIGURES = ISSUE_FIGURES


@dataclass(frozen=True)
class IssueRow:
    """One issue of the ledger with the names the table shows."""

    issue: Issue
    head_name: str
    group_name: str
    #: what the search box matches (number, request, reporter, head), normalized
    hay: str = field(default="", compare=False, repr=False)

    def overdue_days(self, today: date) -> int:
        """Days past the deadline (0 when not overdue)."""
        i = self.issue
        return (today - i.deadline).days if i.is_overdue(today) and i.deadline else 0


@dataclass(frozen=True)
class IssueFilter:
    """The page's tab and filter bar; empty fields mean "all"."""

    status: str | None = None  # an IssueStatus value, OVERDUE, or None
    text: str = ""
    category: str | None = None
    #: the rows behind one dashboard figure (one of FIGURES), cumulative or of ``month``
    figure: str | None = None
    month: str | None = None  # YYYY-MM, only with ``figure``


def figure_condition(figure: str, month: str | None, today: date) -> tuple[str, list[Any]]:
    """SQL over issues ``i`` selecting exactly the issues ``monthly_figures`` counts in
    ``figure`` (cumulative, or for ``month``: collected/solved in it, tracking at its end)."""
    return issue_figure_condition(figure, Month.parse(month) if month else None, today, alias="i")


_SELECT = """
    select i.*, coalesce(h.head_name, '') as _head, coalesce(g.name, hg.name, '') as _group
      from issues i
      left join households h on h.uid = i.household_uid
      left join groups g on g.uid = i.group_uid
      left join groups hg on hg.uid = h.group_uid
"""


def _where(f: IssueFilter, today: date) -> tuple[str, list[Any]]:
    conds = ["i.deleted_at is null"]
    params: list[Any] = []
    if f.status == OVERDUE:
        cond, more = figure_condition("overdue", None, today)  # the 逾期 tab = the figure
        conds.append(f"({cond})")
        params += more
    elif f.status:
        conds.append("i.status = ?")
        params.append(IssueStatus(f.status).value)
    if f.category:
        conds.append("i.category = ?")
        params.append(f.category)
    if f.figure:
        cond, more = figure_condition(f.figure, f.month, today)
        conds.append(f"({cond})")
        params += more
    text = squeezed(f.text)
    if text:
        like = f"%{text}%"
        alternatives = [
            "i.number like ?", "i.description like ?", "i.reporter like ?", "h.head_name like ?",
        ]  # fmt: skip
        params += [like] * len(alternatives)
        if is_pinyin(text):
            # pinyin of the household head (full or initials)
            cond, more = pinyin_match("i.household_uid", "household", text)
            alternatives.append(cond)
            params += more
        conds.append("(" + " or ".join(alternatives) + ")")
    return " and ".join(conds), params


def find_issue_rows(
    db: Database, flt: IssueFilter | None = None, *, today: date, limit: int | None = None
) -> list[IssueRow]:
    """Issues matching the filter, newest first (overdue: most overdue first), at most ``limit``."""
    flt = flt or IssueFilter()
    where, params = _where(flt, today)
    order = (
        "i.deadline, i.number" if flt.status == OVERDUE else "i.collected_date desc, i.number desc"
    )
    sql = f"{_SELECT} where {where} order by {order}"
    if limit is not None:
        sql += f" limit {int(limit)}"
    cursor = db.su.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [_decode(dict(zip(names, values, strict=True))) for values in cursor]


_DATES = ("collected_date", "deadline", "done_date", "closed_date")
_ENUMS = {
    "source": IssueSource, "category": IssueCategory, "status": IssueStatus,
    "level": IssueLevel, "handling_mode": HandlingMode, "outcome": IssueOutcome,
    "satisfaction": Satisfaction,
}  # fmt: skip
_FIELDS = frozenset(f.name for f in dataclasses.fields(Issue)) - {"events"}


def _decode(row: dict[str, Any]) -> IssueRow:
    # a direct decoder: the generic from_dict checks every value and is ~10x slower, which
    # shows on every keystroke over thousands of issues (the rows came from our own table)
    head, group = row.pop("_head"), row.pop("_group")
    for name in _DATES:
        if row.get(name):
            row[name] = date.fromisoformat(row[name])
    for name, enum in _ENUMS.items():
        if row.get(name):
            row[name] = enum(row[name])
    kwargs = {k: v for k, v in row.items() if k in _FIELDS and v is not None}
    return IssueRow(
        Issue(**kwargs),
        head,
        group,
        hay=haystack(row.get("number"), row.get("description"), row.get("reporter"), head),
    )


def search_issue_rows(rows: list[IssueRow], text: str, index: PinyinIndex | None) -> list[IssueRow]:
    """The loaded rows (order kept) whose number, request, reporter or head contains ``text``,
    or whose household head's pinyin (full or initials) starts with it."""
    return matching(rows, text, lambda r: r.hay, lambda r: r.issue.household_uid, index)


def status_counts(db: Database, *, today: date) -> dict[str | None, int]:
    """How many issues each tab holds: None (all), each status value, and OVERDUE."""
    counts: dict[str | None, int] = {s.value: 0 for s in IssueStatus}
    for row in db.query(
        "select status, count(*) as n from issues where deleted_at is null group by status"
    ):
        counts[row["status"]] = row["n"]
    counts[None] = sum(counts.values())
    overdue, params = figure_condition("overdue", None, today)
    counts[OVERDUE] = next(
        db.query(
            f"select count(*) as n from issues i where i.deleted_at is null and {overdue}", params
        )
    )["n"]
    return counts
