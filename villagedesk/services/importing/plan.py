"""Plan an import: read the sheet, find header and mapping, convert and check every row.

Nothing is written here: the plan lists what would be added, updated, skipped or refused
(with the reason), so the wizard can show it and ``commit_import`` can write it.
"""

from __future__ import annotations

import contextlib
import gc
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.fields import (
    FIELDS,
    KINDS,
    Mapping,
    field_label,
    guess_mapping,
    is_national_export,
    recall_mapping,
)
from villagedesk.services.importing.layout import (
    HEADER_SCAN_ROWS,
    Header,
    detect_header,
    row_classifier,
)
from villagedesk.services.importing.reading import open_rows

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

#: progress(stage, done, total): stage is "read", "check" or "write"; total 0 when unknown
ProgressFn = Callable[[str, int, int], None]
DUPLICATE_POLICIES = ("skip", "update", "keep_both")
ADD, UPDATE, SKIP, REFUSE = "add", "update", "skip", "refuse"


@dataclass
class PlanRow:
    """One data row of the file and what the import will do with it."""

    row_no: int  # as Excel numbers rows
    values: list[object]
    action: str = ADD
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    payload: Any = None  # what commit writes (records), kind-specific

    def refuse(self, reason: str) -> None:
        """Refuse this row, keeping the first reason."""
        if self.action != REFUSE:
            self.action, self.reason, self.payload = REFUSE, reason, None

    def skip(self, reason: str) -> None:
        """Leave this row out (a duplicate under the skip policy)."""
        self.action, self.reason, self.payload = SKIP, reason, None


@dataclass
class ImportPlan:
    """Everything the import would do, row by row; nothing written yet."""

    kind: str
    path: Path
    sheet: str | None
    sheets: list[str]
    header: Header
    mapping: Mapping
    layout: str
    duplicates: str
    rows: list[PlanRow] = field(default_factory=list)
    ignored: dict[str, int] = field(default_factory=dict)  # blank / totals / note / header
    extra: dict[str, Any] = field(default_factory=dict)  # kind-specific (groups to add, list info)
    mapping_source: str = "guessed"  # guessed / remembered / given

    def counts(self) -> dict[str, int]:
        """Rows by what will happen to them."""
        n = Counter(map(attrgetter("action"), self.rows))
        out = {"rows": len(self.rows), "to_add": n[ADD], "to_update": n[UPDATE],
               "skipped": n[SKIP], "refused": n[REFUSE]}  # fmt: skip
        out["ignored"] = sum(self.ignored.values())
        return out

    @property
    def refused(self) -> list[PlanRow]:
        """Rows that will not be imported because something is wrong with them."""
        return [r for r in self.rows if r.action == REFUSE]

    def mapping_json(self) -> list[dict[str, Any]]:
        """The column → field mapping, for reports and the wizard."""
        from openpyxl.utils import get_column_letter

        out = []
        for col, match in sorted(self.mapping.columns.items()):
            out.append(
                {
                    "column": get_column_letter(col + 1),
                    "header": self.header.names[col] if col < len(self.header.names) else "",
                    "field": match.field,
                    "label": field_label(self.kind, match.field),
                    "confidence": round(match.confidence, 2),
                }
            )
        return out


class RowAccess:
    """Read a row's cells by field name through the mapping."""

    __slots__ = ("cols", "values")

    def __init__(self, mapping: Mapping) -> None:
        self.cols = {m.field: c for c, m in mapping.columns.items()}
        self.values: list[object] = []

    def __call__(self, name: str) -> object:
        col = self.cols.get(name)
        if col is None or col >= len(self.values):
            return None
        return self.values[col]

    def has(self, name: str) -> bool:
        """Whether some column feeds the field."""
        return name in self.cols


def _check_kind(kind: str, duplicates: str) -> None:
    if kind not in KINDS:
        raise ValidationError(f"不支持导入的类型：{kind}（可选：{'、'.join(KINDS)}）")
    if duplicates not in DUPLICATE_POLICIES:
        raise ValidationError(
            f"重复记录的处理方式应为 skip、update 或 keep_both，而不是 {duplicates}"
        )


def _start(
    db: Database | None, path: Path, kind: str, sheet: str | None, mapping: Mapping | None
) -> tuple[Any, Header, Mapping, str, str, Iterator[tuple[int, list[object]]]]:
    src = open_rows(path, sheet=sheet)
    try:
        rows_iter = src.rows()
        top: list[list[object]] = []
        for row in rows_iter:
            top.append(row)
            if len(top) > HEADER_SCAN_ROWS:
                break
        header = detect_header(top, kind, src.merged)
        national = kind in ("households", "residents") and is_national_export(header.names)
        layout = "national_export" if national else "table"
        source = "given"
        if mapping is None:
            remembered = recall_mapping(db, kind, header.names) if db is not None else None
            mapping, source = (remembered, "remembered") if remembered else (None, "guessed")
        if mapping is None:
            mapping = guess_mapping(header.names, "residents" if national else kind)
        missing = mapping.missing_required()
        if national and kind == "households":
            missing = []
        if missing:
            labels = "、".join(f"“{f.label}”" for f in missing)
            raise ValidationError(
                f"表头里没有找到{labels}列（第 {header.rows[0]} 行是表头），请在对应关系中指定哪一列是它"
            )
    except BaseException:
        src.close()
        raise

    def data() -> Iterator[tuple[int, list[object]]]:
        with src:
            for i, row in enumerate(top, start=1):
                if i >= header.first_data_row:
                    yield i, row
            for i, row in enumerate(rows_iter, start=len(top) + 1):
                yield i, row

    return src, header, mapping, layout, source, data()


def _converter(kind: str, layout: str, db: Database | None, plan: ImportPlan):
    if kind in ("households", "residents"):
        from villagedesk.services.importing.people import PeopleConverter

        return PeopleConverter(db, plan, national=layout == "national_export")
    if kind == "monitoring":
        from villagedesk.services.importing.monitoring_lists import MonitoringConverter

        return MonitoringConverter(db, plan)
    from villagedesk.services.importing.ledgers import LedgerConverter

    return LedgerConverter(db, plan)


def plan_import(
    db: Database | None,
    path: str | Path,
    kind: str,
    *,
    sheet: str | None = None,
    mapping: Mapping | None = None,
    duplicates: str = "skip",
    progress: ProgressFn | None = None,
    limit: int | None = None,
) -> ImportPlan:
    """Read and check a file for import; ``limit`` stops after that many data rows."""
    duplicates = duplicates.replace("-", "_")
    _check_kind(kind, duplicates)
    with paused_gc():
        return _plan(db, Path(path), kind, sheet, mapping, duplicates, progress, limit)


def _plan(
    db: Database | None,
    path: Path,
    kind: str,
    sheet: str | None,
    mapping: Mapping | None,
    duplicates: str,
    progress: ProgressFn | None,
    limit: int | None,
) -> ImportPlan:
    src, header, mapping, layout, source, data = _start(db, path, kind, sheet, mapping)
    plan = ImportPlan(kind, path, src.sheet, list(src.sheets), header, mapping, layout, duplicates)
    plan.mapping_source = source
    access = RowAccess(mapping)
    conv = _converter(kind, layout, db, plan)
    classify_row = row_classifier(header)
    try:
        for row_no, values in data:
            what = classify_row(values)
            if what is not None:
                plan.ignored[what] = plan.ignored.get(what, 0) + 1
                continue
            pr = PlanRow(row_no, values)
            plan.rows.append(pr)
            access.values = values
            try:
                conv.convert(pr, access)
            except ValidationError as exc:
                pr.refuse(str(exc))
            if progress and len(plan.rows) % 500 == 0:
                progress("read", len(plan.rows), 0)
            if limit is not None and len(plan.rows) >= limit:
                break
    finally:
        data.close()
    if progress:
        progress("check", 0, len(plan.rows))
    conv.finish()
    if progress:
        progress("check", len(plan.rows), len(plan.rows))
    return plan


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off Python's cycle collector while an import builds its rows.

    An import keeps every row it makes until the end, and the collector, run every few
    hundred new objects, walks all of them again each time it reaches the older
    generations: a third of the plan of a 20,000-row roster. The rows hold no cycles;
    reference counting still frees everything else at once. (The collector is one per
    process: it stays off for the other threads meanwhile, which only delays theirs.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def preview_rows(
    path: str | Path,
    kind: str,
    n: int = 20,
    *,
    sheet: str | None = None,
    mapping: Mapping | None = None,
    db: Database | None = None,
) -> ImportPlan:
    """The header, mapping and first ``n`` data rows with their problems, read lazily."""
    return plan_import(db, path, kind, sheet=sheet, mapping=mapping, limit=n)


def today():
    """Today as the importers see it (pinned in tests)."""
    return clock_today()


__all__ = [
    "ADD",
    "FIELDS",
    "ImportPlan",
    "PlanRow",
    "REFUSE",
    "SKIP",
    "UPDATE",
    "plan_import",
    "preview_rows",
]
