"""回收站: every deleted record, restorable, with its history of changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from villagedesk.core.records import AuditEntry
from villagedesk.services.households_queries import deleted_records
from villagedesk.ui.pages.base import Page
from villagedesk.ui.widgets.table_model import Column, RecordRole, RecordTableModel
from villagedesk.ui.widgets.tables import table_over_details

KIND_NAMES = {
    "team_member": QT_TRANSLATE_NOOP("RecordKind", "Team member"),
    "group": QT_TRANSLATE_NOOP("RecordKind", "Villager group"),
    "household": QT_TRANSLATE_NOOP("RecordKind", "Household"),
    "resident": QT_TRANSLATE_NOOP("RecordKind", "Resident"),
    "visit": QT_TRANSLATE_NOOP("RecordKind", "Visit"),
    "issue": QT_TRANSLATE_NOOP("RecordKind", "Issue"),
    "aid": QT_TRANSLATE_NOOP("RecordKind", "Aid"),
    "deed": QT_TRANSLATE_NOOP("RecordKind", "Deed"),
    "activity": QT_TRANSLATE_NOOP("RecordKind", "Activity"),
    "diary": QT_TRANSLATE_NOOP("RecordKind", "Diary entry"),
    "attachment": QT_TRANSLATE_NOOP("RecordKind", "Attachment"),
}
ACTION_NAMES = {
    "create": QT_TRANSLATE_NOOP("RecordKind", "created"),
    "update": QT_TRANSLATE_NOOP("RecordKind", "changed"),
    "delete": QT_TRANSLATE_NOOP("RecordKind", "deleted"),
    "restore": QT_TRANSLATE_NOOP("RecordKind", "restored"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("RecordKind", KIND_NAMES.get(kind, kind))


def summary(record: object) -> str:
    """A one-line description of any record, for the recycle bin."""
    parts = []
    for name in ("number", "household_no", "head_name", "name", "title", "date", "collected_date"):
        value = getattr(record, name, None)
        if value:
            parts.append(str(value))
    for name in ("description", "situation", "needs", "content", "goods", "filename"):
        value = getattr(record, name, None)
        if value:
            text = str(value).replace("\n", " ")
            parts.append(text[:60] + ("…" if len(text) > 60 else ""))
            break
    return " ".join(parts)


@dataclass(frozen=True)
class BinRow:
    kind: str
    record: object

    @property
    def uid(self) -> str:
        return self.record.uid


def bin_columns() -> list[Column[BinRow]]:
    return [
        Column(QCoreApplication.translate("RecycleBinPage", "Kind"), lambda r: kind_name(r.kind)),
        Column(
            QCoreApplication.translate("RecycleBinPage", "Deleted at"),
            lambda r: (r.record.deleted_at or "").replace("T", " "),
        ),
        Column(QCoreApplication.translate("RecycleBinPage", "Record"), lambda r: summary(r.record)),
    ]


def _changes(entry: AuditEntry) -> str:
    after = entry.after or {}
    before = entry.before or {}
    if entry.action == "update":
        keys = [k for k in after if k not in ("updated_at",)]
        return "、".join(keys[:6])
    if entry.action == "create":
        return ""
    return f"{before.get('deleted_at') or ''} → {after.get('deleted_at') or ''}".strip(" →")


class RecycleBinPage(Page):
    """Deleted records of every kind; restore the selected ones."""

    watches = ("*", "household", "resident", "visit", "issue", "aid", "deed", "activity", "diary")

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RecordTableModel(bin_columns())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_history())
        self.history = RecordTableModel(
            [
                Column(self.tr("When"), lambda e: e.at.replace("T", " ")),
                Column(self.tr("Who"), lambda e: e.actor),
                Column(
                    self.tr("What"),
                    lambda e: QCoreApplication.translate(
                        "RecordKind", ACTION_NAMES.get(e.action, e.action)
                    ),
                ),
                Column(self.tr("Fields"), _changes),
            ]
        )
        self.history_view = QTableView()
        self.history_view.setModel(self.history)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel()
        self.restore_button = QPushButton(self.tr("Restore selected"))
        self.restore_button.clicked.connect(self.restore_selected)
        bar = QHBoxLayout()
        note = QLabel(self.tr("Deleted records stay here until restored. Nothing is ever erased."))
        note.setStyleSheet("color: #555;")
        bar.addWidget(note)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.audit_button = QPushButton(self.tr("Change log…"))
        self.audit_button.clicked.connect(self.open_audit_log)
        bar.addWidget(self.audit_button)
        bar.addWidget(self.restore_button)
        self.history_title = QLabel(self.tr("History of the selected record"))
        self.history_title.setStyleSheet("font-weight: bold; color: #1f4e79;")
        table_over_details(self, bar, self.view, [self.history_title, self.history_view])

    def refresh(self) -> None:
        """Reload the deleted records of every kind."""
        rows = [BinRow(kind, rec) for kind, rec in deleted_records(self.ctx.db)]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 deleted records").replace("%1", str(len(rows))))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
        if rows:
            self.view.selectRow(0)
        self.show_history()

    def selected_rows(self) -> list[BinRow]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.record(r) for r in sorted(rows)]

    def show_history(self) -> None:
        index = self.view.currentIndex()
        row = self.model.data(index, RecordRole) if index.isValid() else None
        self.history.set_rows(self.ctx.db.audit.entries(uid=row.uid) if row else [])
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setStretchLastSection(True)

    def open_audit_log(self) -> None:
        """The whole change log (who changed what, when, before and after), exportable."""
        from villagedesk.ui.audit_view import AuditDialog

        AuditDialog(self.ctx, self).open()

    def restore_selected(self) -> int:
        """Bring the selected records back; returns how many."""
        rows = self.selected_rows()
        if not rows:
            return 0
        repos = self.ctx.db.repositories()
        with self.ctx.db.transaction():
            for row in rows:
                repos[row.kind].restore(row.uid)
        for kind in {r.kind for r in rows}:
            self.ctx.notify(kind)
        self.refresh()
        QMessageBox.information(
            self, self.tr("Recycle bin"),
            self.tr("%1 records restored.").replace("%1", str(len(rows))),
        )  # fmt: skip
        return len(rows)
