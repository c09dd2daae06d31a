"""Step 4 of the import wizard: the first rows at once, then every row checked in the background."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
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
from villagedesk.ui.import_wizard import plan_file
from villagedesk.ui.tasks import run_task
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

PREVIEW_ROWS = 20
PROBLEMS_WIDTH = 300
REFUSED_COLOR = QColor("#fde2e2")
WARNING_COLOR = QColor("#fff4ce")
SKIPPED_COLOR = QColor("#eeeeee")


def action_text(action: str) -> str:
    """What happens to a row, in words."""
    return {
        "add": QCoreApplication.translate("ImportPreview", "add"),
        "update": QCoreApplication.translate("ImportPreview", "update"),
        "skip": QCoreApplication.translate("ImportPreview", "skip"),
        "refuse": QCoreApplication.translate("ImportPreview", "refused"),
    }.get(action, action)


def problems_text(row) -> str:
    """A row's reason and warnings, joined."""
    return "；".join([t for t in [row.reason, *row.warnings] if t])


def result_table(model) -> QTableView:
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
        self.view = result_table(self.model)
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
        self.wiz.preload()
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
        # what happens and why first: the problems must be readable without scrolling
        columns: list[Column] = [
            Column(self.tr("Row"), lambda r: str(r.row_no), sort=lambda r: r.row_no),
            Column(self.tr("Result"), lambda r: action_text(r.action)),
        ]
        if plan.kind == "monitoring":
            columns.append(
                Column(self.tr("Match"), lambda r: r.payload.match.value if r.payload else "")
            )
        columns.append(Column(self.tr("Problems"), problems_text))
        problems = len(columns) - 1
        for col in sorted(plan.mapping.columns):
            title = names[col] if col < len(names) and names[col] else column_letter(col)
            columns.append(
                Column(title, lambda r, c=col: cell_text(r.values[c]) if c < len(r.values) else "")
            )
        self.model.columns = columns
        self.model.set_rows(plan.rows[:PREVIEW_ROWS])
        self.view.resizeColumnsToContents()
        for i in range(len(columns)):
            self.view.setColumnWidth(i, min(self.view.columnWidth(i), 160))
        self.view.setColumnWidth(problems, max(PROBLEMS_WIDTH, self.view.columnWidth(problems)))
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
