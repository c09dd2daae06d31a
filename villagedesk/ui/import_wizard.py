"""导入数据: the import wizard — file, sheet, column mapping, preview, import and report.

The pages live in ``import_pages.py`` (file, sheet, mapping), ``import_preview.py``
(preview and full check) and ``import_result.py`` (the import and its report). What the
pages share is the ``ImportState`` here; the heavy work (checking every row, writing) runs
in background tasks that open their own database connection.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QWizard

from villagedesk.ui.context import AppContext
from villagedesk.ui.tasks import TaskControl

#: an import writing at least this many rows (or updating any) is preceded by a backup
BIG_IMPORT_ROWS = 100
#: the kinds in the order the wizard offers them
KIND_ORDER = ("households", "residents", "visits", "issues", "aid", "monitoring")
#: which pages refresh after an import of each kind
NOTIFY_KINDS = {
    "households": ("group", "household", "resident"),
    "residents": ("group", "household", "resident"),
    "visits": ("group", "visit"),
    "issues": ("group", "issue"),
    "aid": ("aid",),
    "monitoring": ("check_task",),
}
PAGE_FILE, PAGE_SHEET, PAGE_MAPPING, PAGE_PREVIEW, PAGE_RESULT = range(5)


@dataclass
class ImportState:
    """What the user chose so far and what was found in the file."""

    path: Path | None = None
    kind: str = "residents"
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    header: Any = None  # services.importing.layout.Header
    mapping: Any = None  # services.importing.Mapping
    mapping_source: str = "guessed"  # guessed / remembered
    edited: set[int] = field(default_factory=set)  # columns the user changed
    national: bool = False
    samples: list[list[object]] = field(default_factory=list)  # data rows below the header
    list_source: str = ""
    list_date: date | None = None
    list_name: str = ""
    duplicates: str = "skip"
    plan: Any = None  # the full ImportPlan, once checked
    report: Any = None
    backup: Path | None = None

    def given_mapping(self):
        """The mapping to hand to the services: only when the user changed it."""
        return self.mapping if self.edited else None


def sheet_key(sheets: list[str]) -> str:
    """Settings key remembering which sheet was picked in workbooks with these sheets."""
    digest = hashlib.sha1("\x1f".join(sheets).encode("utf-8")).hexdigest()
    return f"import_sheet:{digest}"


def detect(db, state: ImportState) -> None:
    """Find the header of the chosen sheet and guess (or recall) the mapping; fills state."""
    from villagedesk.services.importing import guess_mapping, recall_mapping
    from villagedesk.services.importing.fields import is_national_export
    from villagedesk.services.importing.layout import HEADER_SCAN_ROWS, detect_header
    from villagedesk.services.importing.reading import open_rows

    assert state.path is not None
    with open_rows(state.path, sheet=state.sheet) as src:
        top: list[list[object]] = []
        for row in src.rows():
            top.append(row)
            if len(top) > HEADER_SCAN_ROWS:
                break
        header = detect_header(top, state.kind, src.merged)
    state.header = header
    state.national = state.kind in ("households", "residents") and is_national_export(header.names)
    state.samples = [r for r in top[header.first_data_row - 1 :] if any(v is not None for v in r)]
    state.edited = set()
    remembered = recall_mapping(db, state.kind, header.names)
    if remembered is not None and remembered.columns:
        state.mapping, state.mapping_source = remembered, "remembered"
    else:
        kind = "residents" if state.national else state.kind
        state.mapping, state.mapping_source = guess_mapping(header.names, kind), "guessed"


#: what the background tasks import. PySide6 hooks every import (it reads the module's source
#: for its __feature__ switch); doing that on a worker thread while the UI thread runs Python
#: crashed the interpreter ("deallocating None"), so these are imported on the UI thread first.
TASK_MODULES = (
    "openpyxl.utils",
    "openpyxl.utils.cell",
    "villagedesk.core.pinyin",
    "villagedesk.services.importing.commit",
    "villagedesk.services.importing.ledgers",
    "villagedesk.services.importing.monitoring_lists",
    "villagedesk.services.importing.people",
    "villagedesk.storage.backup",
    "villagedesk.storage.errors",
    "villagedesk.storage.monitoring",
)


def preload_task_modules(*, encrypted: bool = False) -> None:
    """Import (on the UI thread) every module the import's background tasks need."""
    import importlib

    for name in TASK_MODULES:
        importlib.import_module(name)
    if encrypted:
        importlib.import_module("villagedesk.storage.crypto")
    from villagedesk.core.pinyin import name_keys

    name_keys("张三")  # pypinyin and its dictionaries load on first use


def _open(db_path: Path, password: str | None):
    from villagedesk.storage.database import open_database

    return open_database(db_path, create=False, migrate=False, password=password)


def _progress(control: TaskControl):
    def report(stage: str, done: int, total: int) -> None:
        control.progress(done, total, stage)

    return report


def plan_file(db_path: Path, password: str | None, state: ImportState, control: TaskControl) -> Any:
    """Check every row of the file (background task; own connection). Returns the plan."""
    from villagedesk.services.importing import plan_import, plan_monitoring_list

    control.progress(0, 0, "read")
    db = _open(db_path, password)
    try:
        if state.kind == "monitoring":
            return plan_monitoring_list(
                db,
                state.path,
                source=state.list_source,
                list_date=state.list_date,
                name=state.list_name or None,
                sheet=state.sheet,
                mapping=state.given_mapping(),
                duplicates=state.duplicates,
                progress=_progress(control),
            )
        return plan_import(
            db,
            state.path,
            state.kind,
            sheet=state.sheet,
            mapping=state.given_mapping(),
            duplicates=state.duplicates,
            progress=_progress(control),
        )
    finally:
        db.close()


def is_big(plan: Any) -> bool:
    """Whether an import is big enough to back up the database first."""
    counts = plan.counts()
    return counts["to_update"] > 0 or counts["to_add"] >= BIG_IMPORT_ROWS


def commit_plan(
    db_path: Path, password: str | None, plan: Any, control: TaskControl
) -> tuple[Any, Path | None]:
    """Back up (for a big import) and write the plan in one transaction; (report, backup)."""
    from villagedesk.services.importing import commit_import

    control.progress(0, 0, "backup")
    db = _open(db_path, password)
    try:
        backup = None
        if is_big(plan):
            from villagedesk.storage import backup as backups

            if hasattr(backups, "make_backup"):
                backup = backups.make_backup(db, reason="before-import").path
        report = commit_import(db, plan, progress=_progress(control))
        if plan.kind == "monitoring":
            report.extra.setdefault("list_uid", plan.extra["list"].uid)
        return report, backup
    finally:
        db.close()


class ImportWizard(QWizard):
    """Five steps: file and kind → sheet → mapping → preview and check → import and report."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, kind: str = "") -> None:
        super().__init__(parent)
        from villagedesk.ui.import_pages import FilePage, MappingPage, SheetPage
        from villagedesk.ui.import_preview import PreviewPage
        from villagedesk.ui.import_result import ResultPage

        self.ctx = ctx
        self._preloaded = False
        self.state = ImportState(kind=kind or "residents")
        self.setWindowTitle(self.tr("Import data"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_SHEET, self.sheet_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_PREVIEW, self.preview_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.setStartId(PAGE_FILE)
        self.resize(1040, 660)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    # ---- helpers the pages share ----------------------------------------------------------
    def db_args(self) -> tuple[Path, str | None]:
        """Database file and password for a background task's own connection."""
        return Path(self.ctx.db_path), getattr(self.ctx.db, "password", None)

    def preload(self) -> None:
        """Import what the background tasks need, here on the UI thread (see TASK_MODULES)."""
        if not self._preloaded:
            preload_task_modules(encrypted=bool(getattr(self.ctx.db, "password", None)))
            self._preloaded = True

    def detect(self) -> None:
        """Header and mapping of the chosen sheet (raises ValidationError with the reason)."""
        detect(self.ctx.db, self.state)

    def remember_sheet(self) -> None:
        """Keep the chosen sheet for the next workbook with the same sheets."""
        s = self.state
        if len(s.sheets) > 1 and s.sheet:
            key = sheet_key(s.sheets)
            if self.ctx.db.get_setting(key) != s.sheet:
                self.ctx.db.set_setting(key, s.sheet)

    def remembered_sheet(self) -> str | None:
        """The sheet picked last time in a workbook with the same sheets."""
        if len(self.state.sheets) < 2:
            return None
        name = self.ctx.db.get_setting(sheet_key(self.state.sheets))
        return name if name in self.state.sheets else None

    def open_checks(self):
        """Show the monitoring check tasks (after a monitoring list was imported)."""
        from villagedesk.ui.pages.checks import ChecksDialog

        dialog = ChecksDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.checks_dialog = dialog
        return dialog

    def reject(self) -> None:
        if self.result_page.running:
            return  # the import is writing: it finishes (all or nothing) first
        self.preview_page.stop()
        super().reject()


def open_import_wizard(ctx: AppContext, parent: QWidget | None = None, *, kind: str = ""):
    """Open the wizard (non-blocking); returns it."""
    wizard = ImportWizard(ctx, parent, kind=kind)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


__all__ = [
    "BIG_IMPORT_ROWS",
    "ImportState",
    "ImportWizard",
    "open_import_wizard",
]
