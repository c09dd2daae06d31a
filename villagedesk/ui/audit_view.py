"""操作日志: who changed what and when, before and after; filtered and exported for an inspection."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.records import AuditEntry
from villagedesk.services import audit_export as audit
from villagedesk.ui.context import AppContext
from villagedesk.ui.tasks import TaskHandle, run_task
from villagedesk.ui.widgets.table_model import Column, RecordRole, RecordTableModel

DEFAULT_DAYS = 30


def _one_line(entry: AuditEntry, side: str, mask: bool) -> str:
    return audit.changes_text(entry, side, mask=mask).replace("\n", "；")


class AuditDialog(QDialog):
    """The change log, newest first, with date and kind filters and an .xlsx export."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: TaskHandle | None = None
        self.exported: Path | None = None
        self.names: dict[str, dict] = {}
        self.setWindowTitle(self.tr("Change log"))
        self.resize(1180, 680)

        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        now = today()
        self.since.setDate(QDate(now - timedelta(days=DEFAULT_DAYS)))
        self.until.setDate(QDate(now))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in audit.audit_kinds(ctx.db):
            self.kind.addItem(audit.kind_name(kind), kind)
        self.mask = QCheckBox(self.tr("Mask ID numbers"))
        self.mask.setChecked(True)
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_and_export)
        for signal in (self.since.dateChanged, self.until.dateChanged):
            signal.connect(self.reload)
        self.kind.currentIndexChanged.connect(self.reload)
        self.mask.toggled.connect(self._remask)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.since)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.until)
        bar.addWidget(QLabel(self.tr("Kind")))
        bar.addWidget(self.kind)
        bar.addWidget(self.mask)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)

        self.model: RecordTableModel[AuditEntry] = RecordTableModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Choose a row to see every field it changed."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.reload()

    def _columns(self) -> list[Column[AuditEntry]]:
        mask = lambda: self.mask.isChecked()  # noqa: E731 - read at paint time
        return [
            Column(self.tr("Time"), lambda e: e.at.replace("T", " ")[:19], lambda e: e.id),
            Column(self.tr("Who"), lambda e: e.actor),
            Column(self.tr("Action"), lambda e: audit.action_name(e.action)),
            Column(self.tr("Kind"), lambda e: audit.kind_name(e.kind)),
            Column(
                self.tr("Record"),
                lambda e: audit.record_label(e, mask=mask(), names=self.names),
            ),
            Column(self.tr("Before"), lambda e: _one_line(e, "before", mask())),
            Column(self.tr("After"), lambda e: _one_line(e, "after", mask())),
        ]

    # ---- loading -----------------------------------------------------------------------
    def dates(self) -> tuple[date, date]:
        return self.since.date().toPython(), self.until.date().toPython()

    def reload(self) -> None:
        """Query the log again with the filters."""
        since, until = self.dates()
        rows = audit.query_entries(
            self.ctx.db, since=since, until=until, kind=self.kind.currentData() or None
        )
        self.names = audit.record_names(self.ctx.db, rows)
        self.model.set_rows(rows)
        more = len(rows) >= audit.DEFAULT_LIMIT
        text = self.tr("%1 changes").replace("%1", str(len(rows)))
        if more:
            text += " " + self.tr("(the newest; narrow the dates to see older ones)")
        self.count_label.setText(text)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in (5, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, 300)
        header.setStretchLastSection(True)
        self.detail.clear()

    def _remask(self) -> None:
        self.model.layoutChanged.emit()
        self._show_detail(self.table.currentIndex())

    def _show_detail(self, index) -> None:
        entry = index.data(RecordRole) if index is not None and index.isValid() else None
        if entry is None:
            self.detail.clear()
            return
        lines = [
            f"{entry.at.replace('T', ' ')[:19]}  {entry.actor}  "
            f"{audit.action_name(entry.action)}{audit.kind_name(entry.kind)}  "
            f"{audit.record_label(entry, mask=self.mask.isChecked(), names=self.names)}"
        ]
        for change in audit.changes(entry, mask=self.mask.isChecked()):
            if entry.action == "create" or not change.before:
                lines.append(f"{change.field}：{change.after}")
            else:
                lines.append(f"{change.field}：{change.before} → {change.after or '—'}")
        self.detail.setPlainText("\n".join(lines))

    # ---- export ------------------------------------------------------------------------------
    def choose_and_export(self) -> TaskHandle | None:
        since, until = self.dates()
        suggested = Path.home() / f"操作日志-{since:%Y%m%d}-{until:%Y%m%d}.xlsx"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the change log"), str(suggested), self.tr("Excel (*.xlsx)")
        )
        if not chosen:
            return None
        if not chosen.lower().endswith(".xlsx"):
            chosen += ".xlsx"
        return self.export_to(Path(chosen))

    def export_to(self, out: Path) -> TaskHandle:
        """Write the rows shown to a workbook in the background (the rows are already loaded)."""
        entries = self.model.records()
        mask = self.mask.isChecked()
        unit = self.ctx.db.profile.get().village
        names = dict(self.names)
        since, until = self.dates()
        period = f"{since:%Y-%m-%d} 至 {until:%Y-%m-%d}"
        self.export_button.setEnabled(False)

        def work(control):
            return audit.export_audit_xlsx(
                entries,
                out,
                mask=mask,
                unit=unit,
                period=period,
                names=names,
                progress=lambda d, t: control.progress(d, t),
            )

        def done(path) -> None:
            self.export_button.setEnabled(True)
            self.exported = path
            QMessageBox.information(
                self,
                self.tr("Export the change log"),
                self.tr("Saved to %1").replace("%1", str(path)),
            )

        def failed(message: str, _details: str) -> None:
            self.export_button.setEnabled(True)
            if message:
                QMessageBox.warning(
                    self,
                    self.tr("Export the change log"),
                    self.tr("The export failed: %1").replace("%1", message),
                )

        self.task = run_task(
            work,
            on_success=done,
            on_failure=failed,
            modules=["villagedesk.services.audit_export", "openpyxl"],
        )
        return self.task


__all__ = ["AuditDialog"]
