"""Write a checked import plan: every valid row in one transaction, with audit rows, or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from villagedesk.core.records import Household, Resident
from villagedesk.services.importing.bulk_write import (
    CACHE_MB,
    Bulk,
    add_search_keys,
    fast_row,
    page_cache,
)
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
    refused: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for r in plan.rows:  # one pass: a big plan has tens of thousands of rows
        if r.action == REFUSE:
            refused.append({"row": r.row_no, "reason": r.reason})
        elif r.action == SKIP:
            skipped.append({"row": r.row_no, "reason": r.reason})
        if r.warnings:
            warnings += [{"row": r.row_no, "warning": w} for w in r.warnings]
    return ImportReport(
        kind=plan.kind,
        file=str(plan.path),
        sheet=plan.sheet,
        layout=plan.layout,
        dry_run=dry_run,
        counts=plan.counts(),
        refused=refused,
        skipped=skipped,
        warnings=warnings,
        mapping=plan.mapping_json(),
        header_rows=list(plan.header.rows),
        extra={"mapping_source": plan.mapping_source, "ignored": dict(plan.ignored)},
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
    # the progress total counts an added row twice, as it always has (add, then update)
    total = sum(
        2 if r.action == ADD else 1
        for r in plan.rows
        if r.action in (ADD, UPDATE) and r.payload is not None
    )
    if progress:
        progress("write", 0, total)
    with paused_gc(), page_cache(db, CACHE_MB if total > 2000 else 0), db.transaction():
        bulk = Bulk(db)
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


def _write_people(db: Database, plan: ImportPlan, bulk: Bulk, report: ImportReport) -> None:
    h_add: list[Household] = []
    r_add: list[Resident] = []
    h_upd: list[Household] = []
    r_upd: list[Resident] = []
    for r in plan.rows:  # one pass over a big plan
        w = r.payload
        if w is None or (r.action != ADD and r.action != UPDATE):
            continue
        if w.household_add:
            h_add.append(w.household_add)
        if w.resident_add:
            r_add.append(w.resident_add)
        if w.household_update:
            h_upd.append(w.household_update)
        if w.resident_update:
            r_upd.append(w.resident_update)
    groups = _used_groups(plan, h_add + h_upd)
    for g in groups:
        db.groups.add(g)
    report.written["groups"] = len(groups)
    report.written["households"] = bulk.insert("households", "household", h_add)
    report.written["residents"] = bulk.insert("residents", "resident", r_add)
    add_search_keys(db, [("household", h_add, "head_name"), ("resident", r_add, "name")])
    for h in h_upd:
        db.households.update(h)
    for p in r_upd:
        db.residents.update(p)
    report.updated = {"households": len(h_upd), "residents": len(r_upd)}


def _write_ledger(db: Database, plan: ImportPlan, bulk: Bulk, report: ImportReport) -> None:
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


__all__ = ["ImportReport", "commit_import", "fast_row", "report_for", "Household", "Resident"]
