"""The first three steps of the import wizard: file and kind, sheet, column mapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from villagedesk.core.clock import today
from villagedesk.core.validation import ValidationError
from villagedesk.storage.errors import StorageError
from villagedesk.ui.import_wizard import KIND_ORDER, PAGE_MAPPING, PAGE_SHEET
from villagedesk.ui.pages.issue_form import date_edit, get_date, set_date
from villagedesk.ui.widgets.styles import ERROR_STYLE

INFO_STYLE = "QLabel { color: #1f4e79; background: #eaf2fb; padding: 6px; border-radius: 4px; }"
LAST_DIR_KEY = "import/last_dir"
#: departments that send comparison lists (suggestions; any text is accepted)
DEPARTMENTS = ("县医保局", "县残联", "县民政局", "县乡村振兴局", "县教育局", "县卫健局",
               "县人社局", "县应急管理局", "乡镇党委政府")  # fmt: skip


def error_label() -> QLabel:
    """A hidden red message line."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def show_error(label: QLabel, message: str) -> None:
    """Show (or, for an empty message, hide) an error line."""
    label.setText(message)
    label.setVisible(bool(message))


def cell_text(value: object) -> str:
    """A cell value as the user typed it (dates without a time, whole numbers without .0)."""
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):
        return value.date().isoformat() if not (value.hour or value.minute) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class FilePage(QWizardPage):
    """Step 1: which file, what it holds, and (for a monitoring list) where it came from."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Step 1 of 5: choose the file"))
        self.setSubTitle(
            self.tr(
                "Excel (.xlsx, .xls) or CSV. Title rows, two-row headers and totals rows are fine."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("The spreadsheet to import"))
        self.path_edit.textChanged.connect(self._changed)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.kind_combo = QComboBox()
        names = {
            "households": self.tr("Households (one row per household)"),
            "residents": self.tr("Residents (one row per person)"),
            "visits": self.tr("Visit records"),
            "issues": self.tr("Issue ledger"),
            "aid": self.tr("Aid handed out"),
            "monitoring": self.tr("Monitoring list (一比一派一查一救)"),
        }
        for kind in KIND_ORDER:
            self.kind_combo.addItem(names[kind], kind)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(wizard.state.kind), 0))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("What the file holds"), self.kind_combo)

        self.list_box = QGroupBox(self.tr("Monitoring list"))
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(DEPARTMENTS)
        self.source.setCurrentText("")
        self.source.lineEdit().setPlaceholderText(self.tr("Which department sent the list"))
        self.list_date = date_edit(today())
        self.list_name = QLineEdit()
        self.list_name.setPlaceholderText(self.tr("e.g. medical costs over 5,000 yuan"))
        lf = QFormLayout(self.list_box)
        lf.addRow(self.tr("Source (department) *"), self.source)
        lf.addRow(self.tr("Date of the list"), self.list_date)
        lf.addRow(self.tr("Name of the list"), self.list_name)
        self.hint = QLabel(
            self.tr(
                "Nothing is written until the last step. Rows with problems are listed with the"
                " reason and can be saved to a workbook, fixed and imported again."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._kind_changed()

    def browse(self) -> None:
        """Ask for the file."""
        settings = QSettings()
        folder = self.path_edit.text().strip() or settings.value(LAST_DIR_KEY) or ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a spreadsheet"),
            str(folder),
            self.tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)
            settings.setValue(LAST_DIR_KEY, str(Path(chosen).parent))

    def _changed(self) -> None:
        show_error(self.error, "")
        path = self.path_edit.text().strip()
        if path and not self.list_name.text():
            self.list_name.setPlaceholderText(Path(path).stem)
        self.completeChanged.emit()

    def _kind_changed(self) -> None:
        self.list_box.setVisible(self.kind_combo.currentData() == "monitoring")
        show_error(self.error, "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802 - Qt name
        """Open the file now: a broken file is refused here, with the reason."""
        from villagedesk.services.importing import list_sheets

        s = self.wiz.state
        s.path = Path(self.path_edit.text().strip()).expanduser()
        s.kind = self.kind_combo.currentData()
        s.plan = None
        try:
            if s.kind == "monitoring":
                s.list_source = self.source.currentText().strip()
                if not s.list_source:
                    raise ValidationError("请填写名单来源（哪个部门发来的）")
                s.list_date = get_date(self.list_date)
                if s.list_date > today():
                    raise ValidationError("名单日期不能晚于今天")
                s.list_name = self.list_name.text().strip() or s.path.stem
            s.sheets = list_sheets(s.path)
            s.sheet = self.wiz.remembered_sheet() or s.sheets[0]
            if len(s.sheets) == 1:
                self.wiz.detect()
        except (ValidationError, StorageError) as exc:
            show_error(self.error, str(exc))
            return False
        show_error(self.error, "")
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt name
        return PAGE_SHEET if len(self.wiz.state.sheets) > 1 else PAGE_MAPPING

    def set_list_date(self, value: date) -> None:
        """Set the monitoring list's date (tests, and reopening)."""
        set_date(self.list_date, value)


class SheetPage(QWizardPage):
    """Step 2: which sheet of a workbook with several."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Step 2 of 5: choose the sheet"))
        self.setSubTitle(self.tr("This workbook has several sheets. Which one holds the table?"))
        self.sheets = QListWidget()
        self.sheets.itemSelectionChanged.connect(self.completeChanged)
        self.sheets.itemDoubleClicked.connect(lambda _i: self.wizard().next())
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        s = self.wiz.state
        self.sheets.clear()
        self.sheets.addItems(s.sheets)
        if s.sheet in s.sheets:
            self.sheets.setCurrentRow(s.sheets.index(s.sheet))
        show_error(self.error, "")

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.sheets.currentItem() is not None

    def validatePage(self) -> bool:  # noqa: N802 - Qt name
        s = self.wiz.state
        s.sheet = self.sheets.currentItem().text()
        try:
            self.wiz.detect()
            self.wiz.remember_sheet()
        except (ValidationError, StorageError) as exc:
            show_error(self.error, str(exc))
            return False
        return True

    def nextId(self) -> int:  # noqa: N802 - Qt name
        return PAGE_MAPPING


COL_LETTER, COL_HEADER, COL_SAMPLE, COL_FIELD, COL_SURE = range(5)


class MappingPage(QWizardPage):
    """Step 3: the header found and which of our fields each column fills (changeable)."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Step 3 of 5: check the columns"))
        self.setSubTitle(
            self.tr(
                "Each column of the file and the field it fills. Change a field if it is wrong."
            )
        )
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setStyleSheet(INFO_STYLE)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("First value"),
             self.tr("Imported as"), self.tr("Recognised")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(COL_SAMPLE, QHeaderView.ResizeMode.Stretch)
        self.missing = error_label()
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        from villagedesk.services.importing import FIELDS

        s = self.wiz.state
        first, last = s.header.rows[0], s.header.rows[-1]
        rows = f"{first}–{last}" if last != first else str(first)
        if s.national:
            text = self.tr(
                "Recognised as the national poverty-monitoring system's household export:"
                " the columns were matched automatically."
            )
        elif s.mapping_source == "remembered":
            text = self.tr("Using the columns you set for a file of this shape last time.")
        else:
            text = self.tr("The header is in row %1. Columns were matched by their names.")
        self.info.setText(text.replace("%1", rows))
        fields = FIELDS[s.mapping.kind]
        width = max(len(s.header.names), max(s.mapping.columns, default=-1) + 1)
        self.table.setRowCount(width)
        self.combos = []
        for col in range(width):
            letter = column_letter(col)
            name = s.header.names[col] if col < len(s.header.names) else ""
            sample = next(
                (cell_text(r[col]) for r in s.samples if col < len(r) and r[col] is not None), ""
            )
            self._set(col, COL_LETTER, letter)
            self._set(col, COL_HEADER, name)
            self._set(col, COL_SAMPLE, sample)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for spec in fields:
                combo.addItem(spec.label + (" *" if spec.required else ""), spec.name)
            combo.currentIndexChanged.connect(lambda _i, c=col: self._picked(c))
            self.table.setCellWidget(col, COL_FIELD, combo)
            self.combos.append(combo)
        self._sync()
        self.table.resizeColumnToContents(COL_LETTER)
        self.table.setColumnWidth(COL_FIELD, 190)
        self.table.setColumnWidth(COL_SURE, 150)

    def _set(self, row: int, col: int, text: str) -> QTableWidgetItem:
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
        item.setText(text)
        item.setToolTip(text)
        return item

    def combo(self, col: int) -> QComboBox:
        """The field chooser of a source column (0-based)."""
        return self.combos[col]

    def set_field(self, col: int, name: str | None) -> None:
        """Choose the field a column fills (as the user does with the combo box)."""
        combo = self.combos[col]
        combo.setCurrentIndex(combo.findData(name))

    def _picked(self, col: int) -> None:
        s = self.wiz.state
        name = self.combos[col].currentData()
        if s.mapping.field_of(col) == name:
            return
        s.mapping.set(col, name)
        s.edited.add(col)
        self._sync()

    def _sync(self) -> None:
        """Show the mapping in the combo boxes (one field feeds from one column only)."""
        s = self.wiz.state
        for col, combo in enumerate(self.combos):
            match = s.mapping.columns.get(col)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(match.field if match else None), 0))
            combo.blockSignals(False)
            text, color = self._sureness(col, match)
            item = self._set(col, COL_SURE, text)
            item.setForeground(QBrush(QColor(color)))
        missing = s.mapping.missing_required()
        if s.national and s.kind == "households":
            missing = []
        show_error(
            self.missing,
            self.tr("Still needed: %1 — choose the column that holds it.").replace(
                "%1", "、".join(f.label for f in missing)
            )
            if missing
            else "",
        )
        self.completeChanged.emit()

    def _sureness(self, col: int, match) -> tuple[str, str]:
        s = self.wiz.state
        if match is None:
            return self.tr("not used"), "#888888"
        if col in s.edited:
            return self.tr("set by you"), "#1f4e79"
        if s.mapping_source == "remembered":
            return self.tr("remembered"), "#1f4e79"
        percent = f"{round(match.confidence * 100)}%"
        if match.confidence >= 0.99:
            return self.tr("exact (%1)").replace("%1", percent), "#2e7d32"
        if match.confidence >= 0.8:
            return self.tr("close (%1)").replace("%1", percent), "#2e7d32"
        return self.tr("please check (%1)").replace("%1", percent), "#ef6c00"

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        s = self.wiz.state
        if s.mapping is None:
            return False
        return not s.mapping.missing_required() or (s.national and s.kind == "households")


def column_letter(col: int) -> str:
    """Excel's letter for a 0-based column."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
