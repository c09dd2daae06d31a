"""Write a checked import plan: every valid row in one transaction, with audit rows, or nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import now_iso
from villagedesk.core.records import Household, Record, Resident
from villagedesk.core.serialize import field_names, list_field_names
from villagedesk.services.importing.fields import remember_mapping
from villagedesk.services.importing.plan import ADD, REFUSE, SKIP, UPDATE, ImportPlan, ProgressFn
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
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(record, name)
        if value is None:
            pass
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, bool):
            value = int(value)
        elif isinstance(value, date):
            value = value.isoformat()
        elif name in lists:
            value = json.dumps(
                [x.value if isinstance(x, Enum) else x for x in value], ensure_ascii=False
            )
        out[name] = value
    return out


class _Bulk:
    """Insert many records of one table with executemany, plus their audit rows."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.stamp = now_iso()
        self.audit: list[tuple] = []

    def insert(self, table: str, kind: str, records: list[Record]) -> int:
        if not records:
            return 0
        rows = []
        for rec in records:
            rec.created_at = rec.created_at or self.stamp
            rec.updated_at = rec.updated_at or self.stamp
            rows.append(fast_row(rec))
        cols = list(rows[0])
        sql = f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"
        self.db.su.conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])
        actor = self.db.actor
        self.audit += [
            (
                self.stamp,
                actor,
                "create",
                kind,
                r["uid"],
                None,
                json.dumps(_audit_view(r), ensure_ascii=False),
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


@lru_cache(maxsize=8192)
def _name_keys(name: str) -> tuple[str, ...]:
    from villagedesk.core.pinyin import name_keys  # lazy: pypinyin is heavy

    return tuple(name_keys(name)) if name else ()


def _search_keys(db: Database, kind: str, records: list[Any], attr: str) -> None:
    # a head's name is keyed twice (household and resident): the cache pays once
    rows = [(k, kind, rec.uid) for rec in records for k in _name_keys(getattr(rec, attr))]
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
    with db.transaction():
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
    _search_keys(db, "household", h_add, "head_name")
    _search_keys(db, "resident", r_add, "name")
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
