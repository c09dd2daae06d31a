"""The 驻村日志 page's month: entries with names and each member's days in the village.

Teams are expected to live in the village five days and four nights a week; a full week
(Monday to Sunday, already over) with fewer than five days 在村 is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from villagedesk.core.enums import Presence

if TYPE_CHECKING:
    from villagedesk.services.figures import Month
    from villagedesk.storage.database import Database

WEEKDAYS = "一二三四五六日"
DAYS_PER_WEEK = 5


@dataclass(frozen=True)
class DiaryRow:
    """What the diary table shows of one entry."""

    uid: str
    date: date
    member_uid: str | None
    member_name: str
    presence: str
    content: str

    @property
    def weekday(self) -> str:
        """星期一 … 星期日."""
        return "星期" + WEEKDAYS[self.date.weekday()]


@dataclass
class Attendance:
    """One member's month: days in the village, away, on leave, and short weeks."""

    member_uid: str
    name: str
    in_village: int = 0
    away: int = 0
    leave: int = 0
    #: (Monday of the week, days 在村 that week) for full weeks under five days
    short_weeks: list[tuple[date, int]] = field(default_factory=list)


def diary_rows(
    db: Database, month: Month, member_uid: str | None = None, text: str = ""
) -> list[DiaryRow]:
    """The month's entries (optionally of one member, containing ``text``), newest first."""
    names = {m.uid: m.name for m in db.team.find(include_deleted=True)}
    needle = (text or "").strip()
    rows = []
    for e in reversed(db.diary.between(month.first, month.last)):
        if member_uid and e.member_uid != member_uid:
            continue
        name = names.get(e.member_uid or "", "")
        if needle and needle not in e.content and needle not in name:
            continue
        rows.append(DiaryRow(e.uid, e.date, e.member_uid, name, e.presence.value, e.content))
    return rows


def _weeks(month: Month, today: date) -> list[date]:
    """Mondays of the full weeks that start in the month and are over by ``today``."""
    monday = month.first + timedelta(days=(7 - month.first.weekday()) % 7)
    weeks = []
    while monday <= month.last and monday + timedelta(days=6) < today:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


def month_attendance(db: Database, month: Month, today: date) -> list[Attendance]:
    """Every work-team member's days in the village this month, with the weeks under five."""
    weeks = _weeks(month, today)
    end = max(month.last, weeks[-1] + timedelta(days=6)) if weeks else month.last
    entries = db.diary.between(month.first, end)
    out = []
    for member in db.team.work_team():
        a = Attendance(member.uid, member.name)
        mine = [e for e in entries if e.member_uid == member.uid]
        for e in mine:
            if e.date > month.last:
                continue
            if e.presence == Presence.IN_VILLAGE:
                a.in_village += 1
            elif e.presence == Presence.AWAY:
                a.away += 1
            else:
                a.leave += 1
        for monday in weeks:
            sunday = monday + timedelta(days=6)
            days = sum(
                1 for e in mine if monday <= e.date <= sunday and e.presence == Presence.IN_VILLAGE
            )
            if days < DAYS_PER_WEEK:
                a.short_weeks.append((monday, days))
        out.append(a)
    return out


def diary_months(db: Database) -> list[str]:
    """The months (YYYY-MM) that have diary entries, newest first."""
    return sorted({e.date.isoformat()[:7] for e in db.diary.find()}, reverse=True)
