"""Write a checked import plan: every valid row in one transaction, with audit rows, or nothing."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import now_iso
from villagedesk.core.records import Household, Record, Resident
from villagedesk.core.serialize import field_names, list_field_names
from villagedesk.services.importing.fields import remember_mapping
from villagedesk.services.importing.plan import (
    ADD,
    REFUSE,
    SKIP,
    UPDATE,
    ImportPlan,
    ProgressFn,
    paused_gc,
)
from villagedesk.storage.repository import _audit_view

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do), row by row."""

    kind: str
    file: str
    sheet: str | None
    layout: str
    dry_run: bool
    counts: dict[str, int]
    written: dict[str, int] = field(default_factory=dict)  # records added per table
    updated: dict[str, int] = field(default_factory=dict)
    refused: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    mapping: list[dict[str, Any]] = field(default_factory=list)
    header_rows: list[int] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The report as the CLI prints it with --json."""
        return {
            "kind": self.kind,
            "file": self.file,
            "sheet": self.sheet,
            "layout": self.layout,
            "dry_run": self.dry_run,
            "header_rows": self.header_rows,
            "mapping": self.mapping,
            "counts": self.counts,
            "added": self.written,
            "updated": self.updated,
            "refused": self.refused,
            "skipped": self.skipped,
            "warnings": self.warnings,
            **self.extra,
        }


def report_for(plan: ImportPlan, *, dry_run: bool) -> ImportReport:
    """The report of a plan (before anything is written)."""
    return ImportReport(
        kind=plan.kind,
        file=str(plan.path),
        sheet=plan.sheet,
        layout=plan.layout,
        dry_run=dry_run,
        counts=plan.counts(),
        refused=[{"row": r.row_no, "reason": r.reason} for r in plan.rows if r.action == REFUSE],
        skipped=[{"row": r.row_no, "reason": r.reason} for r in plan.rows if r.action == SKIP],
        warnings=[{"row": r.row_no, "warning": w} for r in plan.rows for w in r.warnings],
        mapping=plan.mapping_json(),
        header_rows=list(plan.header.rows),
        extra={"mapping_source": plan.mapping_source, "ignored": dict(plan.ignored)},
    )


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
_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), reused


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


class _Bulk:
    """Insert many records of one table with executemany, plus their audit rows."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.stamp = now_iso()
        self.audit: list[tuple] = []

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
        sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"
        self.db.su.conn.executemany(sql, rows)
        actor = self.db.actor
        uid_at = cols.index("uid")
        view = _audit_view if has_bytes else _same
        self.audit += [
            (
                stamp,
                actor,
                "create",
                kind,
                r[uid_at],
                None,
                _JSON(view(dict(zip(cols, r, strict=True)))),
            )
            for r in rows
        ]
        return len(rows)

    def flush_audit(self) -> None:
        self.db.su.conn.executemany(
            "insert into audit (at, actor, action, kind, uid, before, after) values (?, ?, ?, ?, ?, ?, ?)",
            self.audit,
        )
        self.audit = []


def _same(row: dict[str, Any]) -> dict[str, Any]:
    return row


@lru_cache(maxsize=8192)
def _name_keys(name: str) -> tuple[str, ...]:
    from villagedesk.core.pinyin import name_keys  # lazy: pypinyin is heavy

    return tuple(name_keys(name)) if name else ()


def _search_keys(db: Database, items: list[tuple[str, list[Any], str]]) -> None:
    """The pinyin keys of new records, given as (kind, records, name attribute)."""
    # a head's name is keyed twice (household and resident): the cache pays once
    rows = [
        (k, kind, rec.uid)
        for kind, records, attr in items
        for rec in records
        for k in _name_keys(getattr(rec, attr))
    ]
    # in key order the index grows at its end instead of everywhere (twice as fast); the
    # rows are the same whatever the order, and nothing reads search_keys by rowid
    rows.sort()
    db.su.conn.executemany(
        "insert or ignore into search_keys (key, kind, uid) values (?, ?, ?)", rows
    )


def _used_groups(plan: ImportPlan, records: list[Any]) -> list[Any]:
    wanted = {getattr(r, "group_uid", None) for r in records}
    return [g for g in plan.extra.get("new_groups", []) if g.uid in wanted]


def commit_import(
    db: Database, plan: ImportPlan, *, progress: ProgressFn | None = None, remember: bool = True
) -> ImportReport:
    """Write every valid row of the plan in one transaction (all or nothing) and report."""
    if plan.kind == "monitoring":
        from villagedesk.services.importing.monitoring_lists import commit_monitoring_list

        return commit_monitoring_list(db, plan, progress=progress)
    report = report_for(plan, dry_run=False)
    adds = [r.payload for r in plan.rows if r.action == ADD and r.payload is not None]
    updates = [r.payload for r in plan.rows if r.action in (ADD, UPDATE) and r.payload is not None]
    total = len(adds) + len(updates)
    if progress:
        progress("write", 0, total)
    with paused_gc(), _page_cache(db, _CACHE_MB if total > 2000 else 0), db.transaction():
        bulk = _Bulk(db)
        if plan.kind in ("households", "residents"):
            _write_people(db, plan, bulk, report)
        else:
            _write_ledger(db, plan, bulk, report)
        bulk.flush_audit()
        if remember and plan.mapping_source != "remembered":
            remember_mapping(db, plan.kind, plan.header.names, plan.mapping)
    if progress:
        progress("write", total, total)
    return report


#: SQLite's page cache while a big import writes (its default is 2 MB)
_CACHE_MB = 8


@contextlib.contextmanager
def _page_cache(db: Database, megabytes: int) -> Iterator[None]:
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


def _write_people(db: Database, plan: ImportPlan, bulk: _Bulk, report: ImportReport) -> None:
    rows = [r for r in plan.rows if r.action in (ADD, UPDATE) and r.payload is not None]
    h_add = [r.payload.household_add for r in rows if r.payload.household_add]
    r_add = [r.payload.resident_add for r in rows if r.payload.resident_add]
    h_upd = [r.payload.household_update for r in rows if r.payload.household_update]
    r_upd = [r.payload.resident_update for r in rows if r.payload.resident_update]
    groups = _used_groups(plan, h_add + h_upd)
    for g in groups:
        db.groups.add(g)
    report.written["groups"] = len(groups)
    report.written["households"] = bulk.insert("households", "household", h_add)
    report.written["residents"] = bulk.insert("residents", "resident", r_add)
    _search_keys(db, [("household", h_add, "head_name"), ("resident", r_add, "name")])
    for h in h_upd:
        db.households.update(h)
    for p in r_upd:
        db.residents.update(p)
    report.updated = {"households": len(h_upd), "residents": len(r_upd)}


def _write_ledger(db: Database, plan: ImportPlan, bulk: _Bulk, report: ImportReport) -> None:
    repo = {"visits": db.visits, "issues": db.issues, "aid": db.aid}[plan.kind]
    adds = [r.payload for r in plan.rows if r.action == ADD and r.payload is not None]
    upds = [r.payload for r in plan.rows if r.action == UPDATE and r.payload is not None]
    groups = _used_groups(plan, adds + upds)
    for g in groups:
        db.groups.add(g)
    for record in adds:
        repo.add(record)
    for record in upds:
        repo.update(record)
    report.written = {plan.kind: len(adds), "groups": len(groups)}
    report.updated = {plan.kind: len(upds)}


__all__ = ["ImportReport", "commit_import", "report_for", "Household", "Resident"]
