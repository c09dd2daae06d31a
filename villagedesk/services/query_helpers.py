"""Pieces of the list pages' SQL filters: search text, pinyin through search_keys, date ranges."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any


def squeezed(text: str | None) -> str:
    """The search text without any white space (people type 张 三 for 张三)."""
    return re.sub(r"\s+", "", text or "")


def is_pinyin(text: str) -> bool:
    """Whether the search text is Latin letters only, so it may be pinyin (full or initials)."""
    return re.fullmatch(r"[A-Za-z]+", text) is not None


def pinyin_match(uid_column: str, kind: str, text: str) -> tuple[str, list[Any]]:
    """A condition: the record in ``uid_column`` has a search key of ``kind`` starting with
    ``text`` (lower-cased), as a key range the search_keys index answers."""
    lo = text.lower()
    hi = lo[:-1] + chr(ord(lo[-1]) + 1)
    cond = (
        f"{uid_column} in (select uid from search_keys where kind = '{kind}' "
        "and key >= ? and key < ?)"
    )
    return cond, [lo, hi]


def like_any(columns: Sequence[str], text: str) -> tuple[str, list[Any]]:
    """A condition: any of ``columns`` contains ``text``."""
    cond = "(" + " or ".join(f"{c} like ?" for c in columns) + ")"
    return cond, [f"%{text}%"] * len(columns)


def add_date_range(
    conds: list[str], params: list[Any], column: str, start: date | None, end: date | None
) -> None:
    """Append ``column`` between ``start`` and ``end`` (each optional, both inclusive)."""
    if start:
        conds.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end:
        conds.append(f"{column} <= ?")
        params.append(end.isoformat())
