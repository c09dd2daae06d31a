"""The 为民办实事 and 活动会议 pages' lists, filtered (a village has at most a few hundred)."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core.records import Activity, Deed
from villagedesk.services.query_helpers import add_date_range

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


def _needle(text: str) -> str:
    return re.sub(r"\s+", "", text or "").lower()


def find_deeds(db: Database, text: str = "", status: str | None = None) -> list[Deed]:
    """Deeds whose text contains ``text`` and (optionally) with a status, by promised date."""
    needle = _needle(text)
    out = []
    for d in db.deeds.find():
        if status and d.status != status:
            continue
        hay = f"{d.title}{d.area}{d.measures}{d.goal}{d.owner}{d.progress}".lower()
        if needle and needle not in re.sub(r"\s+", "", hay):
            continue
        out.append(d)
    return out


def find_activities(
    db: Database,
    text: str = "",
    kind: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[Activity]:
    """Activities matching the filter, newest first."""
    conds, params = [], []
    if kind:
        conds.append("kind = ?")
        params.append(kind)
    add_date_range(conds, params, "date", start, end)
    rows = db.activities.find(" and ".join(conds), params, order_by="date desc, created_at desc")
    needle = _needle(text)
    if not needle:
        return rows
    return [
        a
        for a in rows
        if needle in re.sub(r"\s+", "", f"{a.title}{a.place}{a.summary}{a.kind}".lower())
    ]


def activity_months(db: Database) -> list[str]:
    """The months (YYYY-MM) that have activities, newest first."""
    return sorted({a.date.isoformat()[:7] for a in db.activities.find()}, reverse=True)
