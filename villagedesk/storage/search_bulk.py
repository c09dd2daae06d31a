"""Pinyin search keys for many new records at once (load, import).

``search.set_name_keys`` replaces one record's keys with a delete and an insert; a load of
tens of thousands of new records would pay that per record. Here the keys of all of them go
in with one batched insert, and each distinct name is converted to pinyin once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database as SUDatabase


def add_name_keys(su: SUDatabase, items: Iterable[tuple[str, str, str]]) -> int:
    """Add the keys of new records given as (kind, uid, name); returns the rows written.

    The records must have no keys yet (they are new); call inside the caller's transaction.
    """
    from villagedesk.core.pinyin import name_keys  # lazy: pypinyin is heavy

    cache: dict[str, list[str]] = {}
    rows: list[tuple[str, str, str]] = []
    for kind, uid, name in items:
        if not name:
            continue
        keys = cache.get(name)
        if keys is None:
            keys = cache[name] = name_keys(name)
        rows.extend((key, kind, uid) for key in keys)
    if rows:
        # "or ignore" like set_name_keys: a name with two readings may repeat a key
        su.conn.executemany(
            "insert or ignore into search_keys (key, kind, uid) values (?, ?, ?)", rows
        )
    return len(rows)
