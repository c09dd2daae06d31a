"""新建乡镇表格模板: learn a township's blank form once, check its columns, name it, save.

The form is read by ``services.templates.learn_template``; a broken or unreadable file
shows its Chinese reason and leaves whatever was loaded before (and the database) alone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.templates import ROW_SOURCES, Template, TemplateDraft
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.template_rules import (
    RuleTable,
    is_tagged,
    source_label,
    tags_of,
)
from villagedesk.ui.widgets.form_dialog import FormDialog

LAST_DIR_KEY = "templates/last_dir"
MAX_NAME = 40  # as services.templates.store


class TemplateDialog(FormDialog):
    """Pick the blank form, check each column's rule, choose the rows, name it and save."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New township template"), parent)
        self.draft: TemplateDraft | None = None
        self.setMinimumSize(820, 600)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("The blank Excel form (.xlsx) the township sent"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self.browse)
        file_row = QWidget()
        fl = QHBoxLayout(file_row)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.path_edit, 1)
        fl.addWidget(self.browse_button)
        self.add_row("file", self.tr("Blank form"), file_row)
        self.fields["file"] = self.path_edit  # an error marks the path, not the button

        self.sheet = QComboBox()
        self.sheet.activated.connect(self._sheet_picked)
        self.add_row("sheet", self.tr("Worksheet"), self.sheet)
        self.form.setRowVisible(self.sheet, False)

        self.found = QLabel(self.tr("Choose the form first: its header and columns show here."))
        self.found.setWordWrap(True)
        self.found.setStyleSheet("color: #555;")
        self.form.addRow("", self.found)

        self.source = QComboBox()
        for key in ROW_SOURCES:
            self.source.addItem(source_label(key), key)
            self.source.setItemData(
                self.source.count() - 1, ROW_SOURCES[key][1], Qt.ItemDataRole.ToolTipRole
            )
        self.source.currentIndexChanged.connect(self._source_changed)
        self.tag_label = QLabel(self.tr("Tag"))
        self.tag = QComboBox()
        rows_row = QWidget()
        rl = QHBoxLayout(rows_row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.source, 1)
        rl.addWidget(self.tag_label)
        rl.addWidget(self.tag, 1)
        self.add_row("source_kind", self.tr("The form lists"), rows_row)
        self.fields["tag"] = self.tag

        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Township visit form"))
        self.add_row("name", self.tr("Template name"), self.name)

        self.table = RuleTable()
        self.fields["mapping"] = self.table
        columns = QGroupBox(self.tr("Columns of the form and what each gets"))
        cl = QVBoxLayout(columns)
        hint = QLabel(
            self.tr("Check each column. Choose a field of our records, a running number, "
                    "nothing, or a fixed text typed on the right.")
        )  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        cl.addWidget(hint)
        cl.addWidget(self.table, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.buttons), columns, 1)
        self._save_button().setEnabled(False)
        self._sync_tags()

    # ---- loading the form ------------------------------------------------------
    def browse(self) -> None:
        """Ask for the blank form and read it."""
        settings = QSettings()
        folder = settings.value(LAST_DIR_KEY) or ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the township's blank form"),
            str(folder),
            self.tr("Excel workbook (*.xlsx *.xlsm *.xltx);;All files (*)"),
        )
        if chosen:
            settings.setValue(LAST_DIR_KEY, str(Path(chosen).parent))
            self.load(chosen)

    def load(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read a blank form; on a bad file show why and keep what was there."""
        from villagedesk.services.templates import learn_template

        try:
            draft = learn_template(path, sheet=sheet)
        except ValidationError as exc:
            self.show_error(str(exc), "file")
            return False
        except Exception as exc:  # noqa: BLE001 - a damaged file must never crash the window
            self.show_error(
                self.tr("The file could not be read as a form (%1).").replace(
                    "%1", type(exc).__name__
                ),
                "file",
            )
            return False
        self.draft = draft
        self.error_label.hide()
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.path_edit.setText(str(path))
        self.path_edit.setToolTip(str(path))
        self.sheet.clear()
        self.sheet.addItems(draft.sheets or [draft.sheet])
        self.sheet.setCurrentText(draft.sheet)
        self.form.setRowVisible(self.sheet, len(draft.sheets) > 1)
        self._show_found(draft)
        self.source.blockSignals(True)
        self.source.setCurrentIndex(self.source.findData(draft.source_kind))
        self.source.blockSignals(False)
        self._sync_tags(draft.tag)
        self.table.set_rules(draft.columns, draft.source_kind)
        if not self.name.text().strip():
            self.name.setText(Path(path).stem[:MAX_NAME])
        self._save_button().setEnabled(True)
        return True

    def _sheet_picked(self) -> None:
        if self.draft is not None and self.sheet.currentText() != self.draft.sheet:
            if not self.load(self.path_edit.text(), self.sheet.currentText()):
                self.sheet.setCurrentText(self.draft.sheet)

    def _show_found(self, draft: TemplateDraft) -> None:
        first, last = draft.header_rows[0], draft.header_rows[-1]
        rows = f"{first}–{last}" if last != first else str(first)
        text = (
            self.tr("Header in row %1; the records are written from row %2 on.")
            .replace("%1", rows)
            .replace("%2", str(draft.first_data_row))
        )  # fmt: skip
        if draft.title:
            title = draft.title.replace("\n", " / ")
            text += "\n" + self.tr("Above the header: %1").replace("%1", title)
        self.found.setText(text)

    # ---- rows and tags -----------------------------------------------------------
    def _source_changed(self) -> None:
        self._sync_tags()
        if self.draft is not None:
            self.table.change_source(self.source.currentData())

    def _sync_tags(self, tag: str | None = None) -> None:
        source = self.source.currentData()
        keep = tag or self.tag.currentText()
        self.tag.clear()
        self.tag.addItems(tags_of(source))
        if keep and self.tag.findText(keep) >= 0:
            self.tag.setCurrentText(keep)
        tagged = is_tagged(source)
        self.tag.setVisible(tagged)
        self.tag_label.setVisible(tagged)

    def set_source(self, source: str, tag: str | None = None) -> None:
        """Choose what rows the form lists (as the user does with the combo boxes)."""
        self.source.setCurrentIndex(self.source.findData(source))
        if tag:
            self.tag.setCurrentText(tag)

    # ---- saving ------------------------------------------------------------------------
    def save(self) -> Template:
        """Save the template; a name already taken asks whether to replace that template."""
        from villagedesk.services.templates import list_templates, save_template

        if self.draft is None:
            raise ValidationError(self.tr("Choose the township's blank form first."), "file")
        source = self.source.currentData()
        tag = self.tag.currentText() if is_tagged(source) else None
        rules = self.table.rules()
        name = self.name.text().strip()
        replace = False
        if name and any(t.name == name for t in list_templates(self.ctx.db)):
            answer = QMessageBox.question(
                self,
                self.tr("Replace template"),
                self.tr("There is already a template named “%1”. Replace it?").replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                raise ValidationError(
                    self.tr("Give the template another name, or agree to replace the old one."),
                    "name",
                )
            replace = True
        saved = save_template(
            self.ctx.db, self.draft, name, source_kind=source, mapping=rules, tag=tag,
            replace=replace,
        )  # fmt: skip
        self.ctx.notify("template")
        return saved

    def _save_button(self) -> QPushButton:
        return self.buttons.button(self.buttons.StandardButton.Save)
