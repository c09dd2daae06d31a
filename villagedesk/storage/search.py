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


# A query runs in two phases: a cheap scan finds candidate uids (stopping at a limit), then
# one indexed lookup fetches what the hit list shows. Joining households during the scan
# costs a lookup per scanned row and was the slowest part on a 20,000-resident township.
_RESIDENT_DETAILS = """
    select r.uid, r.household_uid, r.name, h.household_no, h.head_name, r.relation,
           r.id_number, r.phone
      from residents r join households h on h.uid = r.household_uid
     where r.uid in ({marks}) and r.deleted_at is null and h.deleted_at is null
"""
_HOUSEHOLD_DETAILS = """
    select h.uid, h.uid as household_uid, h.head_name as name, h.household_no, h.head_name,
           '户主' as relation, '' as id_number, h.phone, h.address
      from households h where h.uid in ({marks}) and h.deleted_at is null
"""


def _details(db: Database, sql: str, uids: list[str]) -> list[dict]:
    if not uids:
        return []
    return list(db.query(sql.format(marks=",".join("?" * len(uids))), uids))


def _scan(db: Database, sql: str, params: list, limit: int) -> list[str]:
    return [row[0] for row in db.execute(f"{sql} limit {int(limit)}", params).fetchall()]


def _pinyin_uids(db: Database, kind: str, q: str, limit: int) -> tuple[list[str], set[str]]:
    exact = set(
        _scan(db, "select uid from search_keys where key = ? and kind = ?", [q, kind], limit)
    )
    hi = q[:-1] + chr(ord(q[-1]) + 1)
    prefix = _scan(
        db,
        "select uid from search_keys where key >= ? and key < ? and kind = ?",
        [q, hi, kind],
        limit * 4,  # a name has several keys; over-fetch, then keep distinct uids
    )
    ordered = list(dict.fromkeys([*exact, *prefix]))[:limit]
    return ordered, exact


def search(db: Database, text: str, *, limit: int = 50) -> list[SearchHit]:
    """Households and residents matching ``text`` (name, pinyin, ID digits, phone), best first."""
    q = _normalize(text)
    if not q:
        return []
    hits: list[SearchHit] = []

    def add(rows: list[dict], kind: str, rank_and_match) -> None:
        for row in rows:
            row.pop("address", None)
            rank, matched = rank_and_match(row)
            hits.append(SearchHit(kind=kind, matched=matched, rank=rank, **row))

    if re.fullmatch(r"[A-Za-z]+", q):
        q = q.lower()
        for kind, sql in (("resident", _RESIDENT_DETAILS), ("household", _HOUSEHOLD_DETAILS)):
            uids, exact = _pinyin_uids(db, kind, q, limit)
            add(
                _details(db, sql, uids),
                kind,
                lambda row, e=exact: (0 if row["uid"] in e else 1, "pinyin"),
            )
    elif re.fullmatch(r"[0-9]+[Xx]?", q):
        q = q.upper()
        live = "deleted_at is null"
        if len(q) >= 3:
            uids = _scan(
                db,
                f"select uid from residents where {live} and (instr(id_number, ?) or instr(phone, ?))",
                [q, q],
                limit,
            )

            def resident_rank(row: dict) -> tuple[int, str]:
                if q in row["id_number"]:
                    if row["id_number"] == q:
                        return 0, "id"
                    return (1 if row["id_number"].endswith(q) else 3), "id"
                return (0 if row["phone"] == q else 2 if row["phone"].startswith(q) else 3), "phone"

            add(_details(db, _RESIDENT_DETAILS, uids), "resident", resident_rank)
        uids = _scan(
            db,
            f"select uid from households where {live} and (instr(household_no, ?) or instr(phone, ?))",
            [q, q],
            limit,
        )

        def household_rank(row: dict) -> tuple[int, str]:
            if q in row["household_no"]:
                return (0 if row["household_no"] == q else 2), "household_no"
            return (0 if row["phone"] == q else 3), "phone"

        add(_details(db, _HOUSEHOLD_DETAILS, uids), "household", household_rank)
    else:
        uids = _scan(
            db, "select uid from residents where deleted_at is null and instr(name, ?)", [q], limit
        )

        def name_rank(row: dict) -> tuple[int, str]:
            return (0 if row["name"] == q else 1 if row["name"].startswith(q) else 2), "name"

        add(_details(db, _RESIDENT_DETAILS, uids), "resident", name_rank)
        uids = _scan(
            db,
            "select uid from households where deleted_at is null and "
            "(instr(head_name, ?) or instr(household_no, ?) or instr(address, ?))",
            [q, q, q],
            limit,
        )

        def household_rank(row: dict) -> tuple[int, str]:
            if q in row["name"] or q in row["household_no"]:
                return name_rank(row)
            return 4, "address"

        add(_details(db, _HOUSEHOLD_DETAILS, uids), "household", household_rank)
    # a household whose head was found as a resident is the same person: keep one line
    head_households = {
        h.household_uid for h in hits if h.kind == "resident" and h.relation == "户主"
    }
    hits = [
        h
        for h in hits
        if not (h.kind == "household" and h.uid in head_households and h.matched != "household_no")
    ]
    hits.sort(key=lambda h: (h.rank, h.kind != "resident", len(h.name), h.household_no, h.name))
    return hits[:limit]
