"""Many new records into their tables at once: row tuples, audit rows and pinyin search keys
in one executemany each, with the repositories' text form (``record_to_row``)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import typing
from collections.abc import Iterator
from datetime import date
from enum import Enum
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import now_iso
from villagedesk.core.records import Record
from villagedesk.core.serialize import field_names, list_field_names
from villagedesk.storage.repository import _audit_view

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

_ROW_SHAPES: dict[type, tuple[list[str], frozenset[str]]] = {}


def fast_row(record: Record) -> dict[str, Any]:
    """``record_to_row`` for bulk writes: the same text form, without per-record reflection."""
    cls = type(record)
    shape = _ROW_SHAPES.get(cls)
    if shape is None:
        shape = _ROW_SHAPES[cls] = (field_names(cls), list_field_names(cls))
    names, lists = shape
    return {name: _db_value(getattr(record, name), name in lists) for name in names}


def _db_value(value: Any, is_list: bool) -> Any:
    """One attribute as the database stores it (a list field's list as JSON text)."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if is_list:
        if value.__class__ is list and not value:
            return "[]"  # what json.dumps gives, for the usual empty tags
        return json.dumps(
            [x.value if isinstance(x, Enum) else x for x in value], ensure_ascii=False
        )
    return value


#: values stored as they are (when the field is not a list field): no Enum, bool or date
_AS_IS = frozenset({str, int, float, type(None)})


def _json_encoder() -> typing.Callable[[Any], str]:
    """``json.dumps(obj, ensure_ascii=False)`` for the audit rows, without its per-call setup.

    json builds an encoder object and then its C encoder for every call; this builds the C
    encoder once (as ``JSONEncoder.iterencode`` does, without the cycle check: a row has no
    cycles), after checking it gives json.dumps's text; otherwise one reused JSONEncoder.
    """
    encoder = json.JSONEncoder(ensure_ascii=False)
    try:
        from json.encoder import c_make_encoder, encode_basestring

        c_encode = c_make_encoder(
            None, encoder.default, encode_basestring, None,
            encoder.key_separator, encoder.item_separator, False, False, True,
        )  # fmt: skip

        def encode(obj: Any) -> str:
            return "".join(c_encode(obj, 0))

        sample = {"a": '汉\n"\\\u2028', "b": None, "c": 12, "d": 1.5, "e": [1, "x"], "f": -0.0}
        if encode(sample) == json.dumps(sample, ensure_ascii=False):
            return encode
    except Exception:  # no C accelerator, or another signature: the plain way
        pass
    return encoder.encode


_JSON = _json_encoder()


class _Shape:
    """A record class's columns, read at once from each record and turned into a row tuple."""

    def __init__(self, cls: type) -> None:
        from operator import attrgetter

        self.names = field_names(cls)
        lists = list_field_names(cls)
        self.lists = tuple(n in lists for n in self.names)
        self.get = attrgetter(*self.names)
        # photo bytes are the only thing _audit_view changes: skip it for records without
        hints = typing.get_type_hints(cls)
        self.has_bytes = any(bytes in (hints[n], *typing.get_args(hints[n])) for n in self.names)

    def row(self, record: Record) -> tuple:
        return tuple(
            [
                v if v.__class__ in _AS_IS and not is_list else _db_value(v, is_list)
                for v, is_list in zip(self.get(record), self.lists, strict=True)
            ]
        )


@lru_cache(maxsize=32)
def _shape(cls: type) -> _Shape:
    return _Shape(cls)


class Bulk:
    """Insert many records of one table with executemany, plus their audit rows."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.stamp = now_iso()
        # per insert, in order: (table, kind, columns, rows, has_bytes, largest rowid before)
        self.pending: list[tuple[str, str, list[str], list[tuple], bool, int | None]] = []

    def insert(self, table: str, kind: str, records: list[Record]) -> int:
        if not records:
            return 0
        stamp = self.stamp
        for rec in records:
            if not rec.created_at:
                rec.created_at = stamp
            if not rec.updated_at:
                rec.updated_at = stamp
        cls = type(records[0])
        if any(type(rec) is not cls for rec in records):  # never so today: the slow way
            dicts = [fast_row(rec) for rec in records]
            cols = list(dicts[0])
            rows = [tuple(r[c] for c in cols) for r in dicts]
            has_bytes = True
        else:
            shape = _shape(cls)
            row = shape.row
            cols, rows, has_bytes = (
                list(shape.names),
                [row(rec) for rec in records],
                shape.has_bytes,
            )
        conn = self.db.su.conn
        try:  # where this insert's rows will start, for audit_in_sql
            (before,) = conn.execute(f"select coalesce(max(rowid), 0) from [{table}]").fetchone()
        except sqlite3.Error:  # no rowid: the audit JSON is made in Python
            before = None
        sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"
        conn.executemany(sql, rows)
        self.pending.append((table, kind, cols, rows, has_bytes, before))
        return len(rows)

    def flush_audit(self) -> None:
        """The "create" audit rows of everything inserted, in the order it was inserted."""
        conn = self.db.su.conn
        for table, kind, cols, rows, has_bytes, before in self.pending:
            head = (self.stamp, self.db.actor, "create", kind)
            if (
                not has_bytes
                and before is not None
                and audit_in_sql(conn, table, cols, rows, before)
            ):
                conn.execute(_audit_select(table, tuple(cols)), [*head, before])
                continue
            uid_at = cols.index("uid")
            view = _audit_view if has_bytes else _as_is  # bytes: the only thing it changes
            conn.executemany(
                f"insert into audit ({_AUDIT_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    (*head, r[uid_at], None, _JSON(view(dict(zip(cols, r, strict=True)))))
                    for r in rows
                ],
            )
        self.pending = []


_AUDIT_COLUMNS = "at, actor, action, kind, uid, before, after"


def _as_is(row: dict[str, Any]) -> dict[str, Any]:
    return row


@lru_cache(maxsize=16)
def _audit_select(table: str, cols: tuple[str, ...]) -> str:
    """The audit rows of a table's new rows, their JSON made by SQLite from the stored row."""
    # '{"uid": ' || json_quote([uid]) || ', "name": ' || … || '}': json.dumps's text
    parts = " || ', ' || ".join(f"'\"{c}\": ' || json_quote([{c}])" for c in cols)
    return (
        f"insert into audit ({_AUDIT_COLUMNS}) select ?, ?, ?, ?, [uid], null, '{{' || {parts} || '}}' "
        f"from [{table}] where rowid > ? order by rowid"
    )


def audit_in_sql(conn: sqlite3.Connection, table: str, cols: list[str], rows: list[tuple],
                 before: int) -> bool:  # fmt: skip
    """Whether SQLite can write these rows' audit JSON exactly as json.dumps would.

    It can when its json_quote escapes text as json.dumps does, every column name is a
    plain identifier, every value is stored as it was given (text in TEXT columns, whole
    numbers in INTEGER ones; no floats, whose digits could differ) and the table's rows
    after ``before`` are exactly these. Then the JSON is made in C: a third of the audit's
    cost on 20,000 rows. Otherwise the caller makes it in Python.
    """
    if not _sqlite_quotes_like_json(conn) or not all(
        c.isidentifier() and c.isascii() for c in cols
    ):
        return False
    declared = {r[1]: r[2].upper() for r in conn.execute(f"pragma table_info([{table}])")}
    for name, values in zip(cols, zip(*rows, strict=True), strict=True):
        kind = declared.get(name)
        if kind is None:
            return False
        allowed = _TEXT if "CHAR" in kind or "CLOB" in kind or "TEXT" in kind else None
        if "INT" in kind:
            allowed = _INTEGER
        if allowed is None or not allowed.issuperset(map(type, values)):
            return False
    (count,) = conn.execute(f"select count(*) from [{table}] where rowid > ?", [before]).fetchone()
    return count == len(rows)


_TEXT = frozenset({str, type(None)})
_INTEGER = frozenset({int, type(None)})
_QUOTES_LIKE_JSON: list[bool] = []  # filled on first use: one answer per process


def _sqlite_quotes_like_json(conn: sqlite3.Connection) -> bool:
    if not _QUOTES_LIKE_JSON:
        sample = "".join(map(chr, range(128))) + "\u00a0\u2028\u2029\ufeff汉𠮷\U0010ffff"
        values = [sample, "", 0, -12, 2**62, None]
        try:
            got = conn.execute(
                f"select {', '.join('json_quote(?)' for _ in values)}", values
            ).fetchone()
            same = list(got) == [_JSON(v) for v in values]
        except sqlite3.Error:  # built without the JSON functions
            same = False
        _QUOTES_LIKE_JSON.append(same)
    return _QUOTES_LIKE_JSON[0]


def add_search_keys(db: Database, items: list[tuple[str, list[Any], str]]) -> None:
    """The pinyin keys of new records, given as (kind, records, name attribute)."""
    from villagedesk.core.pinyin import name_keys  # lazy: pypinyin is heavy

    # each distinct name once (a head's name is keyed for the household and the resident)
    keys: dict[str, list[str]] = {}
    rows = []
    for kind, records, attr in items:
        for rec in records:
            name = getattr(rec, attr)
            if not name:
                continue
            found = keys.get(name)
            if found is None:
                found = keys[name] = name_keys(name)
            uid = rec.uid
            rows += [(k, kind, uid) for k in found]
    # in key order the index grows at its end instead of everywhere (twice as fast); the
    # rows are the same whatever the order, and nothing reads search_keys by rowid
    rows.sort(key=itemgetter(0))
    db.su.conn.executemany(
        "insert or ignore into search_keys (key, kind, uid) values (?, ?, ?)", rows
    )


#: SQLite's page cache while a big import writes (its default is 2 MB)
CACHE_MB = 8


@contextlib.contextmanager
def page_cache(db: Database, megabytes: int) -> Iterator[None]:
    """A bigger page cache for the connection while a big import writes, then the old one.

    Thousands of rows go into tables with several indexes, at random places of each: with
    the default cache SQLite keeps writing pages out to the WAL in the middle of the
    transaction and reading them back (a third of the residents' insert on 20,000 rows).
    """
    conn = db.su.conn
    try:
        (before,) = conn.execute("pragma cache_size").fetchone()
        page = conn.execute("pragma page_size").fetchone()[0]
    except sqlite3.Error:  # only a speed-up: the transaction reports a broken database
        before, page = 0, 0
    current_kib = -before if before < 0 else before * page // 1024
    if not page or megabytes * 1024 <= current_kib:
        yield
        return
    conn.execute(f"pragma cache_size = {-megabytes * 1024}")
    try:
        yield
    finally:
        conn.execute(f"pragma cache_size = {int(before)}")
