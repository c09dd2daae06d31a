"""Search-as-you-type over rows already in memory: one haystack string per row, and the
households' pinyin keys in a sorted list for prefix lookups.

A page loads its rows once (one SQL query) and builds these when it loads; a keystroke then
costs a substring test per row and a binary search, a millisecond or two even on a township's
thousands of rows, instead of a query per keystroke.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

_SPACE = re.compile(r"\s+")
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"[0-9]+x?")
#: separates the fields of a haystack so a match cannot span two fields
SEP = "\x1f"


def normalize(text: str | None) -> str:
    """What is compared: NFKC (full-width digits), casefolded, without whitespace."""
    if not text:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def haystack(*parts: str | None) -> str:
    """One row's searchable text: its fields normalized, joined by a separator."""
    return SEP.join(normalize(p) for p in parts if p)


def is_pinyin(query: str) -> bool:
    """A normalized query made only of letters is also looked up as pinyin."""
    return _LETTERS.fullmatch(query) is not None


def is_digits(query: str) -> bool:
    """A normalized query of digits (an ID number may end in x)."""
    return _DIGITS.fullmatch(query) is not None


@dataclass
class PinyinIndex:
    """Sorted (key, household uid) pairs: every pinyin key (full and initials) of a household's
    head and, when asked for, of its members, for a prefix lookup."""

    keys: list[str]
    uids: list[str]

    @classmethod
    def load(cls, db: Database, *, members: bool = False) -> PinyinIndex:
        """Read the stored search keys (``members``: residents' keys count for their household)."""
        sql = "select key, uid from search_keys where kind = 'household'"
        if members:
            sql += (
                " union all select k.key, r.household_uid from search_keys k"
                " join residents r on r.uid = k.uid"
                " where k.kind = 'resident' and r.deleted_at is null"
            )
        pairs = sorted(db.su.conn.execute(sql).fetchall())
        return cls([k for k, _ in pairs], [u for _, u in pairs])

    def household_uids(self, prefix: str) -> set[str]:
        """Households with a key starting with ``prefix`` (lower-case letters)."""
        if not prefix:
            return set()
        lo = bisect_left(self.keys, prefix)
        hi = bisect_left(self.keys, prefix[:-1] + chr(ord(prefix[-1]) + 1), lo)
        return set(self.uids[lo:hi])


def matching(
    rows: Iterable, query: str, hay, household_uid, index: PinyinIndex | None = None
) -> list:
    """The rows whose haystack (``hay(row)``) contains the normalized ``query``, or whose
    household (``household_uid(row)``) has a pinyin key starting with it; order kept."""
    q = normalize(query)
    if not q:
        return list(rows)
    uids = index.household_uids(q) if index is not None and is_pinyin(q) else set()
    if uids:
        return [r for r in rows if q in hay(r) or household_uid(r) in uids]
    return [r for r in rows if q in hay(r)]
