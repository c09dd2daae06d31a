"""Steps 4 and 5 of the import wizard: preview and full check, then the import and its report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from villagedesk.core.validation import ValidationError
from villagedesk.storage.errors import StorageError
from villagedesk.ui.import_pages import (
    INFO_STYLE,
    cell_text,
    column_letter,
    error_label,
    show_error,
)
from villagedesk.ui.import_wizard import NOTIFY_KINDS, commit_plan, plan_file
from villagedesk.ui.tasks import run_task
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

PREVIEW_ROWS = 20
REFUSED_COLOR = QColor("#fde2e2")
WARNING_COLOR = QColor("#fff4ce")
SKIPPED_COLOR = QColor("#eeeeee")
#: report keys (tables written) → their name in the summary
TABLE_NAMES = {
    "households": "农户",
    "residents": "村民",
    "groups": "村民小组",
    "visits": "走访记录",
    "issues": "问题",
    "aid": "帮扶慰问",
    "monitoring_entries": "名单行",
    "check_tasks": "核查任务",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


def action_text(action: str) -> str:
    """What happens to a row, in words."""
    return {
        "add": _t("add"),
        "update": _t("update"),
        "skip": _t("skip"),
        "refuse": _t("refused"),
    }.get(action, action)


def problems_text(row) -> str:
    """A row's reason and warnings, joined."""
    return "；".join([t for t in [row.reason, *row.warnings] if t])


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


class PreviewPage(QWizardPage):
    """Step 4: the first rows at once, then every row checked in the background."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.task = None
        self.generation = 0
        self.running = False
        self.setTitle(self.tr("Step 4 of 5: check the rows"))
        self.setSubTitle(
            self.tr("The first rows with their problems; every row is being checked below.")
        )
        self.setCommitPage(True)
        self.model: RecordTableModel = RecordTableModel([])
        self.model.highlight = _row_color
        self.view = _table(self.model)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status = QLabel()
        self.counts = QLabel()
        self.counts.setStyleSheet(INFO_STYLE)
        self.counts.setWordWrap(True)
        self.duplicates = QComboBox()
        self.duplicates.addItem(self.tr("skip them"), "skip")
        self.duplicates.addItem(self.tr("update the stored record"), "update")
        self.duplicates.addItem(self.tr("keep both"), "keep_both")
        self.duplicates.currentIndexChanged.connect(self._policy_changed)
        self.error = error_label()
        dup_row = QHBoxLayout()
        dup_row.addWidget(
            QLabel(self.tr("Rows already in the database (same ID number or number):"))
        )
        dup_row.addWidget(self.duplicates)
        dup_row.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.status, 1)
        progress_row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(progress_row)
        layout.addWidget(self.counts)
        layout.addLayout(dup_row)
        layout.addWidget(self.error)

    # ---- the first rows ------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt name
        from villagedesk.services.importing import preview_rows

        s = self.wiz.state
        s.plan = None
        show_error(self.error, "")
        self.counts.setText("")
        self.duplicates.blockSignals(True)
        self.duplicates.setCurrentIndex(max(self.duplicates.findData(s.duplicates), 0))
        self.duplicates.blockSignals(False)
        try:
            preview = preview_rows(
                s.path, s.kind, PREVIEW_ROWS, sheet=s.sheet, mapping=s.given_mapping(),
                db=self.wiz.ctx.db,
            )  # fmt: skip
        except (ValidationError, StorageError) as exc:
            self.model.set_rows([])
            show_error(self.error, str(exc))
            return
        self.show_rows(preview)
        self.check_all()

    def show_rows(self, plan) -> None:
        """Show the plan's first rows: the mapped columns, what happens, and the problems."""
        names = plan.header.names
        columns: list[Column] = [
            Column(self.tr("Row"), lambda r: str(r.row_no), sort=lambda r: r.row_no)
        ]
        for col in sorted(plan.mapping.columns):
            title = names[col] if col < len(names) and names[col] else column_letter(col)
            columns.append(
                Column(title, lambda r, c=col: cell_text(r.values[c]) if c < len(r.values) else "")
            )
        if plan.kind == "monitoring":
            columns.append(
                Column(self.tr("Match"), lambda r: r.payload.match.value if r.payload else "")
            )
        columns.append(Column(self.tr("Result"), lambda r: action_text(r.action)))
        columns.append(Column(self.tr("Problems"), problems_text))
        self.model.columns = columns
        self.model.set_rows(plan.rows[:PREVIEW_ROWS])
        self.view.resizeColumnsToContents()
        for i in range(len(columns) - 1):
            self.view.setColumnWidth(i, min(self.view.columnWidth(i), 180))
        self.view.horizontalHeader().setStretchLastSection(True)

    # ---- every row, in the background ----------------------------------------------------
    def check_all(self) -> None:
        """Start checking every row (a newer check replaces an older one)."""
        self.stop()
        s = self.wiz.state
        s.plan = None
        self.generation += 1
        generation = self.generation
        self.running = True
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Checking every row…"))
        self.duplicates.setEnabled(False)
        db_path, password = self.wiz.db_args()
        snapshot = _copy_state(s)
        self.task = run_task(
            lambda control: plan_file(db_path, password, snapshot, control),
            on_success=lambda plan: self._checked(generation, plan),
            on_failure=lambda msg, _d: self._failed(generation, msg),
            on_progress=self._progress,
        )
        self.completeChanged.emit()

    def stop(self) -> None:
        """Cancel a running check (leaving the page, closing the wizard)."""
        if self.task is not None and self.running:
            self.task.cancel()
        self.generation += 1
        self.running = False
        self.task = None

    def _progress(self, done: int, total: int, stage: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if stage == "read" and done:
            self.status.setText(self.tr("Read %1 rows…").replace("%1", str(done)))

    def _checked(self, generation: int, plan) -> None:
        if generation != self.generation:
            return
        self.running = False
        self.task = None
        self.wiz.state.plan = plan
        self.duplicates.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        c = plan.counts()
        self.status.setText(self.tr("All %1 rows checked.").replace("%1", str(c["rows"])))
        text = (
            self.tr("To add: %1 · to update: %2 · skipped: %3 · refused: %4")
            .replace("%1", str(c["to_add"]))
            .replace("%2", str(c["to_update"]))
            .replace("%3", str(c["skipped"]))
            .replace("%4", str(c["refused"]))
        )
        if c["ignored"]:
            text += "  " + self.tr("(%1 blank, totals or note rows left out)").replace(
                "%1", str(c["ignored"])
            )
        if c["to_add"] + c["to_update"] == 0:
            text += "\n" + self.tr("Nothing can be imported from this file.")
        self.counts.setText(text)
        self.show_rows(plan)
        self.completeChanged.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.running = False
        self.task = None
        self.duplicates.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText("")
        if message:
            show_error(self.error, message)
        self.completeChanged.emit()

    def _policy_changed(self) -> None:
        self.wiz.state.duplicates = self.duplicates.currentData()
        show_error(self.error, "")
        self.check_all()

    def set_duplicates(self, policy: str) -> None:
        """Choose what happens to rows already stored: skip, update or keep_both."""
        self.duplicates.setCurrentIndex(self.duplicates.findData(policy))

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        plan = self.wiz.state.plan
        if plan is None or self.running:
            return False
        c = plan.counts()
        return c["to_add"] + c["to_update"] > 0

    def cleanupPage(self) -> None:  # noqa: N802 - Qt name
        self.stop()


def _row_color(row) -> QColor | None:
    if row.action == "refuse":
        return REFUSED_COLOR
    if row.action == "skip":
        return SKIPPED_COLOR
    if row.warnings:
        return WARNING_COLOR
    return None


def _copy_state(state):
    from dataclasses import replace

    return replace(state, edited=set(state.edited), plan=None, report=None)


class ResultPage(QWizardPage):
    """Step 5: the import (one transaction, in the background) and what it did."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.running = False
        self.done = False
        self.setTitle(self.tr("Step 5 of 5: import"))
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(INFO_STYLE)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RecordTableModel = RecordTableModel(
            [
                Column(self.tr("Row"), lambda r: str(r["row"]), sort=lambda r: r["row"]),
                Column(self.tr("Name"), lambda r: r.get("name", "")),
                Column(self.tr("What happened"), lambda r: r["what"]),
                Column(self.tr("Why"), lambda r: r["why"]),
            ]
        )
        self.view = _table(self.model)
        self.save_button = QPushButton(self.tr("Save the refused rows…"))
        self.save_button.setToolTip(
            self.tr(
                "A workbook of the refused rows with a reason column: fix it and import it again"
            )
        )
        self.save_button.clicked.connect(self.save_refused)
        self.checks_button = QPushButton(self.tr("Open the check tasks…"))
        self.checks_button.clicked.connect(self.wiz.open_checks)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.checks_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        s = self.wiz.state
        self.done = False
        self.running = True
        self.summary.setText(self.tr("Importing… (all rows or none)"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.save_button.hide()
        self.checks_button.hide()
        show_error(self.error, "")
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        db_path, password = self.wiz.db_args()
        plan = s.plan
        run_task(
            lambda control: commit_plan(db_path, password, plan, control),
            on_success=self._imported,
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int, _stage: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _imported(self, result: tuple[Any, Path | None]) -> None:
        report, backup = result
        s = self.wiz.state
        s.report, s.backup = report, backup
        self.running, self.done = False, True
        self.progress.hide()
        self.summary.setText(self.summary_text(report, backup))
        self.model.set_rows(report_rows(s.plan, report))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save_button.setVisible(bool(report.refused))
        self.checks_button.setVisible(report.kind == "monitoring")
        for kind in NOTIFY_KINDS.get(report.kind, ()):
            self.wiz.ctx.notify(kind)
        self.completeChanged.emit()

    def summary_text(self, report, backup: Path | None) -> str:
        """The report in a few lines."""
        c = report.counts
        added = "、".join(f"{TABLE_NAMES.get(k, k)} {n}" for k, n in report.written.items() if n)
        text = (
            self.tr("Done: %1 rows added (%2), %3 updated, %4 skipped, %5 not imported.")
            .replace("%1", str(c["to_add"]))
            .replace("%2", added or "—")
            .replace("%3", str(c["to_update"]))
            .replace("%4", str(c["skipped"]))
            .replace("%5", str(c["refused"]))
        )
        if report.kind == "monitoring":
            x = report.extra
            text += "\n" + (
                self.tr("Matched by ID number: %1 · by name (please confirm): %2 · unmatched: %3")
                .replace("%1", str(x.get("matched", 0)))
                .replace("%2", str(len(x.get("uncertain", []))))
                .replace("%3", str(len(x.get("unmatched", []))))
            )
        if backup is not None:
            text += "\n" + self.tr("A backup was made first: %1").replace("%1", str(backup))
        return text

    def _failed(self, message: str, _details: str) -> None:
        self.running = False
        self.done = True
        self.progress.hide()
        self.summary.setText(self.tr("Nothing was imported: the database is unchanged."))
        show_error(self.error, message or self.tr("The import was stopped."))
        self.completeChanged.emit()

    def save_refused(self, _checked: bool = False, path: str | None = None) -> Path | None:
        """Write the refused rows (with a 原因 column) to a workbook the user chooses."""
        from villagedesk.services.importing import write_refused_rows

        s = self.wiz.state
        if path is None:
            default = s.path.with_name(f"{s.path.stem}-未导入的行.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the refused rows"), str(default),
                self.tr("Excel workbook (*.xlsx)"),
            )  # fmt: skip
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        try:
            n = write_refused_rows(s.plan, out)
        except (ValidationError, OSError) as exc:
            show_error(self.error, str(exc))
            return None
        self.saved_label.setText(
            self.tr("%1 rows saved to %2").replace("%1", str(n)).replace("%2", str(out))
        )
        return out

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.done

    def cleanupPage(self) -> None:  # noqa: N802 - Qt name
        pass


def report_rows(plan, report) -> list[dict]:
    """The rows the report explains: refused, skipped, warned and (lists) unmatched."""
    names = {}
    if plan is not None:
        col = plan.mapping.column_of("name")
        if col is None:
            col = plan.mapping.column_of("head_name")
        if col is not None:
            names = {r.row_no: cell_text(r.values[col]) for r in plan.rows if col < len(r.values)}
    rows = [
        {"row": r["row"], "what": _t("not imported"), "why": r["reason"]} for r in report.refused
    ]
    rows += [{"row": r["row"], "what": _t("skipped"), "why": r["reason"]} for r in report.skipped]
    rows += [
        {"row": r["row"], "what": _t("imported, please check"), "why": r["warning"]}
        for r in report.warnings
    ]
    rows += [
        {"row": r["row"], "what": _t("not matched"), "why": r["reason"]}
        for r in report.extra.get("unmatched", [])
    ]
    for r in rows:
        r["name"] = names.get(r["row"], "")
    return sorted(rows, key=lambda r: r["row"])
