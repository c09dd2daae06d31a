"""Find households and residents by name, pinyin, ID digits or phone, while typing.

Pinyin keys (full and initials, every reading of a heteronym surname) are computed when a
name is saved and stored in ``search_keys``; a query is an indexed range scan there, a
``LIKE`` over names for Chinese text, and digit matching over ID numbers and phones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from villagedesk.core.validation import mask_id_number

if TYPE_CHECKING:
    from sqlite_utils import Database as SUDatabase

    from villagedesk.storage.database import Database


@dataclass(frozen=True)
class SearchHit:
    """One household or resident found, with what matched and how well (lower is better)."""

    kind: str  # "resident" or "household"
    uid: str
    household_uid: str
    name: str
    household_no: str
    head_name: str
    relation: str
    id_number: str
    phone: str
    matched: str  # name / pinyin / id / phone / household_no / address
    rank: int

    def masked_id(self) -> str:
        """The ID number as it may be shown on screen lists."""
        return mask_id_number(self.id_number)


def set_name_keys(su: SUDatabase, kind: str, uid: str, name: str) -> None:
    """Replace the pinyin search keys of one record."""
    from villagedesk.core.pinyin import name_keys  # lazy: pypinyin is heavy

    su.execute("delete from search_keys where kind = ? and uid = ?", [kind, uid])
    keys = name_keys(name) if name else []
    if keys:
        su["search_keys"].insert_all(
            ({"key": k, "kind": kind, "uid": uid} for k in keys), ignore=True
        )


def rebuild_search_keys(su: SUDatabase) -> int:
    """Recompute every stored name's pinyin keys (after an upgrade or an import)."""
    from villagedesk.core.pinyin import name_keys

    su.execute("delete from search_keys")
    rows = []
    for row in su.query("select uid, head_name as name from households"):
        rows += [{"key": k, "kind": "household", "uid": row["uid"]} for k in name_keys(row["name"])]
    for row in su.query("select uid, name from residents"):
        rows += [{"key": k, "kind": "resident", "uid": row["uid"]} for k in name_keys(row["name"])]
    su["search_keys"].insert_all(rows, ignore=True, batch_size=2000)
    return len(rows)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"\s+", "", text)


_RES_COLS = """
    r.uid, r.household_uid, r.name, h.household_no, h.head_name, r.relation,
    r.id_number, r.phone
"""
_RES_FROM = """
    from residents r join households h on h.uid = r.household_uid
    where r.deleted_at is null and h.deleted_at is null
"""
_HH_COLS = "h.uid, h.uid as household_uid, h.head_name as name, h.household_no, h.head_name, '户主' as relation, '' as id_number, h.phone"
_HH_FROM = "from households h where h.deleted_at is null"


def search(db: Database, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Households and residents matching ``text``, best first."""
    q = _normalize(text)
    if not q:
        return []
    found: dict[tuple[str, str], SearchHit] = {}

    def take(sql: str, params: list, kind: str, matched: str, rank_of) -> None:
        for row in db.su.query(sql + f" limit {int(limit)}", params):
            hit = SearchHit(kind=kind, matched=matched, rank=rank_of(row), **row)
            key = (kind, hit.uid)
            if key not in found or found[key].rank > hit.rank:
                found[key] = hit

    if re.fullmatch(r"[A-Za-z]+", q):
        lo = q.lower()
        hi = lo[:-1] + chr(ord(lo[-1]) + 1)
        keyed = "select uid, max(key = ?) as exact from search_keys where kind = ? and key >= ? and key < ? group by uid"
        take(
            f"select {_RES_COLS}, k.exact from ({keyed}) k join residents r on r.uid = k.uid "
            f"join households h on h.uid = r.household_uid "
            f"where r.deleted_at is null and h.deleted_at is null order by k.exact desc",
            [lo, "resident", lo, hi],
            "resident",
            "pinyin",
            lambda row: 0 if row.pop("exact") else 1,
        )
        take(
            f"select {_HH_COLS}, k.exact from ({keyed}) k join households h on h.uid = k.uid "
            f"where h.deleted_at is null order by k.exact desc",
            [lo, "household", lo, hi],
            "household",
            "pinyin",
            lambda row: 0 if row.pop("exact") else 1,
        )
    elif re.fullmatch(r"[0-9]+[Xx]?", q):
        digits = q.upper()
        if len(digits) >= 3:
            take(
                f"select {_RES_COLS} {_RES_FROM} and r.id_number like ?",
                [f"%{digits}%"],
                "resident",
                "id",
                lambda row: 0 if row["id_number"] == digits else (1 if row["id_number"].endswith(digits) else 3),
            )
            take(
                f"select {_RES_COLS} {_RES_FROM} and r.phone like ?",
                [f"%{digits}%"],
                "resident",
                "phone",
                lambda row: 0 if row["phone"] == digits else (2 if row["phone"].startswith(digits) else 3),
            )
            take(
                f"select {_HH_COLS} {_HH_FROM} and h.phone like ?",
                [f"%{digits}%"],
                "household",
                "phone",
                lambda row: 0 if row["phone"] == digits else 3,
            )
        take(
            f"select {_HH_COLS} {_HH_FROM} and h.household_no like ?",
            [f"%{digits}%"],
            "household",
            "household_no",
            lambda row: 0 if row["household_no"] == digits else 2,
        )
    else:
        take(
            f"select {_RES_COLS} {_RES_FROM} and r.name like ?",
            [f"%{q}%"],
            "resident",
            "name",
            lambda row: 0 if row["name"] == q else (1 if row["name"].startswith(q) else 2),
        )
        take(
            f"select {_HH_COLS} {_HH_FROM} and (h.head_name like ? or h.household_no like ?)",
            [f"%{q}%", f"%{q}%"],
            "household",
            "name",
            lambda row: 0 if row["name"] == q else (1 if row["name"].startswith(q) else 2),
        )
        take(
            f"select {_HH_COLS} {_HH_FROM} and h.address like ?",
            [f"%{q}%"],
            "household",
            "address",
            lambda row: 4,
        )
    # a household whose head was found as a resident is the same person: keep one line
    head_households = {
        h.household_uid for h in found.values() if h.kind == "resident" and h.relation == "户主"
    }
    hits = [
        h
        for h in found.values()
        if not (h.kind == "household" and h.uid in head_households and h.matched != "household_no")
    ]
    hits.sort(key=lambda h: (h.rank, h.kind != "resident", len(h.name), h.household_no, h.name))
    return hits[:limit]
