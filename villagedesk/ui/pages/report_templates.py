"""乡镇表格模板 on the 报表导出 page: the saved township forms, learn one, fill one, delete one.

Filling runs in the background through the page's export job (its own read-only database
connection); this box lists, starts and deletes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.templates import Template
from villagedesk.core.validation import ValidationError
from villagedesk.services.figures import Month
from villagedesk.storage.errors import StorageError
from villagedesk.ui.context import AppContext
from villagedesk.ui.tasks import TaskControl, with_own_connection
from villagedesk.ui.template_rules import source_label
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

#: what the fill task imports (loaded on the UI thread first, see ui.tasks.preload)
FILL_MODULES = ["villagedesk.services.templates", "villagedesk.services.pdf_common"]


def template_file_name(name: str, month: Month) -> str:
    """E.g. 乡镇走访登记表2026年11月.xlsx."""
    return f"{name}{month.chinese()}.xlsx"


def fill_in_background(
    db_path: Path,
    name: str,
    month: Month,
    out: Path,
    mask_ids: bool,
    control: TaskControl | None = None,
    *,
    password: str | None = None,
) -> Path:
    """Fill a template with a fresh read-only connection (runs in the background task)."""
    from villagedesk.services.templates import fill_template

    def fill(db, progress) -> Path:
        return fill_template(db, name, month, out, mask_ids=mask_ids, progress=progress)

    return with_own_connection(db_path, control, fill, password=password)


class TemplatesBox(QGroupBox):
    """The saved templates with 新建模板…, 填写本月… and 删除."""

    def __init__(
        self, ctx: AppContext, fill: Callable[[Template], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Township form templates"))
        self.ctx = ctx
        self._fill = fill
        self.model: RecordTableModel[Template] = RecordTableModel(
            [
                Column(self.tr("Template"), lambda t: t.name),
                Column(self.tr("Lists"), lambda t: source_label(t.source_kind, t.tag)),
                Column(self.tr("Form file"), lambda t: t.filename),
                Column(self.tr("Saved"), lambda t: t.updated_at[:16].replace("T", " ")),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setMinimumHeight(110)
        self.table.doubleClicked.connect(lambda _i: self.fill())
        self.empty = QLabel(
            self.tr("No templates yet. “New template…” learns a blank form the township sent; "
                    "after that every month’s form is filled in with one click.")
        )  # fmt: skip
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #777;")
        self.new_button = QPushButton(self.tr("New template…"))
        self.fill_button = QPushButton(self.tr("Fill in for the month…"))
        self.fill_button.setToolTip(
            self.tr("Fills the chosen form for the month picked above and saves it as a new file")
        )
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_template)
        self.fill_button.clicked.connect(self.fill)
        self.delete_button.clicked.connect(self.delete)
        buttons = QVBoxLayout()
        for b in (self.new_button, self.fill_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.empty)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._sync)
        self.refresh()

    def refresh(self) -> None:
        """List the saved templates (keeps the selected one selected)."""
        from villagedesk.services.templates import list_templates

        chosen = self.selected()
        self.model.set_rows(list_templates(self.ctx.db))
        self.table.resizeColumnsToContents()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if chosen is not None:
            self.select(chosen.name)
        elif self.model.total():
            self.table.selectRow(0)
        self.empty.setVisible(self.model.total() == 0)
        self._sync()

    def selected(self) -> Template | None:
        """The template picked in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        """Pick a template by name (as the user does with a click)."""
        for row in range(self.model.rowCount()):
            if self.model.record(row).name == name:
                self.table.selectRow(row)
                return

    def _sync(self) -> None:
        has = self.selected() is not None
        self.fill_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def new_template(self) -> Template | None:
        """Open the dialog that learns a blank form; the saved template gets selected."""
        from villagedesk.ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(self.ctx, self)
        dialog.exec()
        saved = dialog.saved
        dialog.deleteLater()
        if saved is not None:
            self.refresh()
            self.select(saved.name)
        return saved

    def fill(self) -> object:
        """Fill the chosen template for the page's month (asks where to save)."""
        tpl = self.selected()
        return self._fill(tpl) if tpl is not None else None

    def delete(self) -> bool:
        """Delete the chosen template after asking."""
        from villagedesk.services.templates import delete_template

        tpl = self.selected()
        if tpl is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “%1”? The months already filled in stay as they are.")
            .replace("%1", tpl.name),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete_template(self.ctx.db, tpl.name)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Delete template"), str(exc))
            return False
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Delete template"), exc.message(self.ctx.lang))
            return False
        self.ctx.notify("template")
        self.refresh()
        return True
