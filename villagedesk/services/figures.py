"""The figures the township asks for, cumulative or for one month, and the dashboard lists.

``monthly_figures`` returns exactly the ``stats --json`` object of DESIGN.md; the ledger's
汇总 sheet, the PDF report and the dashboard all read it, so one number has one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.enums import (
    ATTENTION_HOUSEHOLD_TAGS,
    ATTENTION_RESIDENT_TAGS,
    FINISHED_STATUSES,
    TRACKING_STATUSES,
    sql_in,
)
from villagedesk.core.validation import ValidationError, format_fen

if TYPE_CHECKING:
    from villagedesk.core.records import Household, Issue
    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class Month:
    """A calendar month: ``Month.parse("2026-11")``."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read YYYY-MM (also YYYY-M, YYYY/MM, YYYY年M月), refusing impossible months."""
        m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*", text or "")
        if not m:
            raise ValidationError(f"月份格式应为 YYYY-MM（例如 2026-11），实际为“{text}”", "month")
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or not 2000 <= year <= 2100:
            raise ValidationError(f"月份 {text} 不存在", "month")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a date falls in."""
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        # the day before the next month's first (not calendar.monthrange: the calendar module
        # imports locale, 1.4 ms of the app's start)
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    def previous(self) -> Month:
        return Month.of(self.first - timedelta(days=1))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def chinese(self) -> str:
        """2026年11月"""
        return f"{self.year}年{self.month}月"


def _one(db: Database, sql: str, params: list[Any] | tuple = ()) -> Any:
    row = db.execute(sql, list(params)).fetchone()
    return row[0] if row and row[0] is not None else 0


_TRACKING = f"status {sql_in(TRACKING_STATUSES)}"
_FINISHED = f"status {sql_in(FINISHED_STATUSES)}"

#: the issue figures of the ``stats`` object, in its order
ISSUE_FIGURES = ("collected", "solved", "explained", "tracking", "overdue")


def issue_figure_condition(
    figure: str, month: Month | None, today: date, *, alias: str = ""
) -> tuple[str, list[Any]]:
    """SQL over issues (columns prefixed with ``alias.``) selecting exactly the issues one
    figure counts: cumulative to ``today``, or for ``month`` (collected / solved in it,
    tracking and overdue at its end). ``monthly_figures`` and the issue ledger's filter both
    use it, so a dashboard number and the rows it opens cannot disagree."""
    if figure not in ISSUE_FIGURES:
        raise ValueError(f"unknown figure {figure!r}")
    c = f"{alias}." if alias else ""
    tracking = f"{c}{_TRACKING}"
    outcome = {"solved": "已解决", "explained": "已解释"}.get(figure)
    finished = f"{c}{_FINISHED} and {c}outcome = ?"
    if month is None:
        if figure == "collected":
            return "1", []
        if outcome:
            return finished, [outcome]
        if figure == "tracking":
            return tracking, []
        return f"{tracking} and {c}deadline < ?", [today.isoformat()]
    first, last = month.first.isoformat(), month.last.isoformat()
    asof = min(month.last, today).isoformat()
    if figure == "collected":
        return f"{c}collected_date >= ? and {c}collected_date <= ?", [first, last]
    if outcome:
        return f"{finished} and {c}done_date >= ? and {c}done_date <= ?", [outcome, first, last]
    # still open at the month's end: collected by then and not finished by then
    open_at_end = f"{c}collected_date <= ? and ({c}done_date is null or {c}done_date > ?)"
    if figure == "tracking":
        return open_at_end, [asof, asof]
    return f"{open_at_end} and {c}deadline < ?", [asof, asof, asof]


def monthly_figures(
    db: Database, month: str | Month | None = None, *, today: date | None = None
) -> dict[str, Any]:
    """The ``stats`` object: cumulative to today, or for one month (tracking/overdue at its end)."""
    today = today or clock_today()
    live = "deleted_at is null"
    households = _one(db, f"select count(*) from households where {live}")
    residents = _one(
        db,
        "select count(*) from residents r join households h on h.uid = r.household_uid "
        "where r.deleted_at is null and h.deleted_at is null",
    )
    profile = db.profile.get()
    if month is None:
        span = ""
        params: list[Any] = []
        m = None
    else:
        m = month if isinstance(month, Month) else Month.parse(month)
        span = " and date >= ? and date <= ?"
        params = [m.first.isoformat(), m.last.isoformat()]
    visits, visited = db.execute(
        f"select count(*), count(distinct household_uid) from visits where {live}{span}",
        params,
    ).fetchone()
    conditions = [issue_figure_condition(f, m, today) for f in ISSUE_FIGURES]
    row = db.execute(
        "select "
        + ", ".join(f"sum({sql})" for sql, _ in conditions)
        + f" from issues where {live}",
        [p for _, ps in conditions for p in ps],
    ).fetchone()
    collected, solved, explained, tracking, overdue = (v or 0 for v in row)
    aid_records = _one(db, f"select count(*) from aid where {live}{span}", params)
    cash_fen = _one(db, f"select sum(amount_fen) from aid where {live}{span}", params)
    goods_records = _one(db, f"select count(*) from aid where {live}{span} and goods != ''", params)
    if m is None:
        deeds_total = _one(db, f"select count(*) from deeds where {live}")
        deeds_done = _one(db, f"select count(*) from deeds where {live} and status = '已完成'")
    else:
        deeds_total = _one(db, f"select count(*) from deeds where {live}")
        deeds_done = _one(
            db,
            f"select count(*) from deeds where {live} and status = '已完成' and done_date <= ?",
            [m.last.isoformat()],
        )
    activities = _one(db, f"select count(*) from activities where {live}{span}", params)
    return {
        "village": profile.village,
        "month": None if m is None else str(m),
        "households": households,
        "residents": residents,
        "visits": visits,
        "households_visited": visited,
        "issues": {
            "collected": collected,
            "solved": solved,
            "explained": explained,
            "tracking": tracking,
            "overdue": overdue,
        },
        "aid": {
            "records": aid_records,
            "cash_yuan": format_fen(cash_fen, symbol=False),
            "goods_records": goods_records,
        },
        "deeds": {"total": deeds_total, "done": deeds_done},
        "activities": activities,
    }


# ---- dashboard lists -------------------------------------------------------------------


def overdue_issues(db: Database, *, today: date | None = None) -> list[Issue]:
    """Tracking issues past their deadline, most overdue first."""
    return db.issues.overdue(today or clock_today())


@dataclass(frozen=True)
class DueVisit:
    """A household that needs attention and has not been visited lately."""

    household: Household
    last_visit: date | None
    reasons: tuple[str, ...]  # the tags that make it need attention

    def days_since(self, today: date) -> int | None:
        return None if self.last_visit is None else (today - self.last_visit).days


def households_due_visit(
    db: Database, *, today: date | None = None, days: int | None = None
) -> list[DueVisit]:
    """Households tagged 监测户/低保户/特困户 or with 独居老人/留守儿童 not visited for ``days``.

    ``days`` defaults to the profile's setting (30). Never visited comes first, then the
    longest unvisited.
    """
    today = today or clock_today()
    days = days or db.profile.get().due_visit_days
    cutoff = today - timedelta(days=days)
    hh_tags = [t.value for t in ATTENTION_HOUSEHOLD_TAGS]
    res_tags = [t.value for t in ATTENTION_RESIDENT_TAGS]
    hh_marks, res_marks = ",".join("?" * len(hh_tags)), ",".join("?" * len(res_tags))
    # one query: the households that need attention, each with its latest visit (an index
    # lookup per such household, not a scan of every visit)
    rows = db.query(
        f"""
        with reasons(uid, tag) as (
          select h.uid, j.value from households h, json_each(h.tags) j
           where h.deleted_at is null and j.value in ({hh_marks})
          union
          select r.household_uid, j.value from residents r, json_each(r.tags) j
           where r.deleted_at is null and j.value in ({res_marks})
        ), due as (
          select uid, group_concat(tag, ',') as tags,
                 (select max(v.date) from visits v
                   where v.household_uid = reasons.uid and v.deleted_at is null) as last
            from reasons group by uid
        )
        select due.uid, due.tags, due.last from due
         where due.last is null or due.last <= ?
        """,
        [*hh_tags, *res_tags, cutoff.isoformat()],
    )
    found = {row["uid"]: row for row in rows}
    households = {
        h.uid: h
        for h in db.households.find(
            f"uid in ({','.join('?' * len(found))})" if found else "0", list(found)
        )
    }
    due = [
        DueVisit(
            households[uid],
            date.fromisoformat(row["last"]) if row["last"] else None,
            tuple(sorted(set(row["tags"].split(",")))),
        )
        for uid, row in found.items()
        if uid in households
    ]
    due.sort(key=lambda d: (d.last_visit or date.min, d.household.household_no))
    return due


@dataclass(frozen=True)
class RecentItem:
    """One line of the dashboard's recent activity."""

    date: date
    kind: str  # visit / issue_event / aid / activity
    text: str
    uid: str  # the record to open


def recent_activity(db: Database, *, limit: int = 20) -> list[RecentItem]:
    """The latest visits, issue steps, aid and activities, newest first."""
    # each branch takes only its own newest rows (through its date index) before the merge
    sql = """
        select * from (
          select * from (
            select v.date as d, 'visit' as kind, v.uid as uid,
                   v.way || '走访 ' || coalesce(h.head_name, g.name, '') as text, v.created_at as c
              from visits v left join households h on h.uid = v.household_uid
              left join groups g on g.uid = v.group_uid where v.deleted_at is null
             order by v.date desc, v.created_at desc limit :n)
          union all
          select * from (
            select e.date, 'issue_event', i.uid, '问题 ' || i.number || ' ' || e.kind, e.created_at
              from issue_events e join issues i on i.uid = e.issue_uid
             where i.deleted_at is null
             order by e.date desc, e.created_at desc limit :n)
          union all
          select * from (
            select a.date, 'aid', a.uid, a.kind || ' ' || coalesce(h.head_name, ''), a.created_at
              from aid a left join households h on h.uid = a.household_uid
             where a.deleted_at is null order by a.date desc, a.created_at desc limit :n)
          union all
          select * from (
            select date, 'activity', uid, kind || ' ' || title, created_at
              from activities where deleted_at is null
             order by date desc, created_at desc limit :n)
        ) order by d desc, c desc limit :n
    """
    rows = db.conn.execute(sql, {"n": limit}).fetchall()
    return [RecentItem(date.fromisoformat(d), kind, text, uid) for d, kind, uid, text, _ in rows]


@dataclass(frozen=True)
class MonthPoint:
    """Counts of one month for the chart."""

    month: Month
    visits: int
    issues_collected: int
    issues_solved: int


def monthly_series(
    db: Database, *, months: int = 12, today: date | None = None
) -> list[MonthPoint]:
    """Visits and issues per month for the last ``months`` months, oldest first."""
    today = today or clock_today()
    span = [Month.of(today)]
    while len(span) < months:
        span.append(span[-1].previous())
    span.reverse()
    start = span[0].first.isoformat()

    def per_month(sql: str) -> dict[str, int]:
        return {row[0]: row[1] for row in db.execute(sql, [start]).fetchall()}

    visits = per_month(
        "select substr(date, 1, 7), count(*) from visits where deleted_at is null and date >= ? group by 1"
    )
    collected = per_month(
        "select substr(collected_date, 1, 7), count(*) from issues where deleted_at is null "
        "and collected_date >= ? group by 1"
    )
    solved = per_month(
        "select substr(done_date, 1, 7), count(*) from issues where deleted_at is null "
        f"and {_FINISHED} and outcome = '已解决' and done_date >= ? group by 1"
    )
    return [
        MonthPoint(m, visits.get(str(m), 0), collected.get(str(m), 0), solved.get(str(m), 0))
        for m in span
    ]
