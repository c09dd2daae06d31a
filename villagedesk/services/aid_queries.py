"""The 帮扶慰问 page's list: one light row per aid record with its household, filtered in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from villagedesk.services.query_helpers import (
    add_date_range,
    is_pinyin,
    like_any,
    pinyin_match,
    squeezed,
)

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class AidRow:
    """What the aid table shows of one record."""

    uid: str
    date: date
    kind: str
    household_uid: str | None
    household_no: str
    head_name: str
    resident_name: str
    group_name: str
    amount_fen: int
    goods: str
    quantity: str
    hardship: str
    funding_source: str
    given_by: str
    notes: str

    @property
    def target(self) -> str:
        """户主, with the resident when aid went to another member of the household."""
        if self.resident_name and self.resident_name != self.head_name:
            return f"{self.head_name}（{self.resident_name}）"
        return self.head_name

    @property
    def goods_text(self) -> str:
        """物品及数量."""
        return f"{self.goods} {self.quantity}".strip()


@dataclass(frozen=True)
class AidFilter:
    """The filter bar's state; empty fields mean "all"."""

    text: str = ""
    kind: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AidTotals:
    """合计 of a list of aid rows."""

    records: int
    amount_fen: int
    goods_records: int


_SELECT = """
    select a.uid, a.date, a.kind, a.household_uid, a.amount_fen, a.goods, a.quantity,
           a.hardship, a.funding_source, a.given_by, a.notes,
           coalesce(h.household_no, ''), coalesce(h.head_name, ''), coalesce(r.name, ''),
           coalesce(g.name, '')
      from aid a
      left join households h on h.uid = a.household_uid
      left join residents r on r.uid = a.resident_uid
      left join groups g on g.uid = h.group_uid
"""

_TEXT_COLUMNS = ("h.head_name", "h.household_no", "r.name", "g.name", "a.goods", "a.hardship",
                 "a.funding_source", "a.given_by", "a.notes")  # fmt: skip


def _where(f: AidFilter) -> tuple[str, list[Any]]:
    conds = ["a.deleted_at is null"]
    params: list[Any] = []
    text = squeezed(f.text)
    if text:
        if is_pinyin(text):
            # pinyin (full or initials) of the head or of the resident, through the search keys
            of_head, head_params = pinyin_match("a.household_uid", "household", text)
            of_resident, resident_params = pinyin_match("a.resident_uid", "resident", text)
            conds.append(f"({of_head} or {of_resident})")
            params += head_params + resident_params
        else:
            cond, more = like_any(_TEXT_COLUMNS, text)
            conds.append(cond)
            params += more
    if f.kind:
        conds.append("a.kind = ?")
        params.append(f.kind)
    add_date_range(conds, params, "a.date", f.start, f.end)
    return " and ".join(conds), params


def find_aid_rows(db: Database, flt: AidFilter | None = None) -> list[AidRow]:
    """Aid records matching the filter, newest first."""
    where, params = _where(flt or AidFilter())
    sql = f"{_SELECT} where {where} order by a.date desc, a.created_at desc"
    rows = []
    for (uid, day, kind, hh, fen, goods, qty, hardship, funding, given_by, notes, no, head,
         resident, group) in db.su.conn.execute(sql, params):  # fmt: skip
        rows.append(
            AidRow(
                uid=uid,
                date=date.fromisoformat(day),
                kind=kind or "",
                household_uid=hh,
                household_no=no,
                head_name=head,
                resident_name=resident,
                group_name=group,
                amount_fen=int(fen or 0),
                goods=goods or "",
                quantity=qty or "",
                hardship=hardship or "",
                funding_source=funding or "",
                given_by=given_by or "",
                notes=notes or "",
            )
        )
    return rows


def aid_totals(rows: list[AidRow]) -> AidTotals:
    """Records, money and goods records of the given rows (the figures' goods rule: goods named)."""
    return AidTotals(
        records=len(rows),
        amount_fen=sum(r.amount_fen for r in rows),
        goods_records=sum(1 for r in rows if r.goods != ""),
    )


def aid_months(db: Database) -> list[str]:
    """The months (YYYY-MM) that have aid records, newest first."""
    return [
        m
        for (m,) in db.su.conn.execute(
            "select distinct substr(date, 1, 7) as m from aid where deleted_at is null "
            "order by m desc"
        )
    ]
