"""设置: the village profile, report signers, privacy, reminders, language, data folder, backups."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.storage.errors import StorageError
from villagedesk.ui.backup_panel import BackupPanel
from villagedesk.ui.pages.base import Page
from villagedesk.ui.widgets.styles import ERROR_STYLE, INVALID_STYLE

LANG_KEY = "ui/language"
OK_STYLE = "QLabel { color: #1b5e20; background: #e8f5e9; padding: 6px; border-radius: 4px; }"


class SettingsPage(Page):
    """Saved through db.profile.save; the language is kept in the user's QSettings."""

    watches = ("profile",)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.village = QLineEdit()
        self.township = QLineEdit()
        self.county = QLineEdit()
        self.unit = QLineEdit()
        self.committee_phone = QLineEdit()
        self.filled_by = QLineEdit()
        self.reviewed_by = QLineEdit()
        self.responsible = QLineEdit()
        self.mask_ids = QCheckBox(self.tr("Mask ID numbers on printouts and exports"))
        self.due_days = QSpinBox()
        self.due_days.setRange(1, 365)
        self.due_days.setSuffix(self.tr(" days"))
        self.language = QComboBox()
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.fields = {
            "village": self.village,
            "village_committee_phone": self.committee_phone,
            "due_visit_days": self.due_days,
        }

        village_box = QGroupBox(self.tr("Village"))
        form = QFormLayout(village_box)
        form.addRow(self.tr("Village *"), self.village)
        form.addRow(self.tr("Township"), self.township)
        form.addRow(self.tr("County"), self.county)
        form.addRow(self.tr("Dispatching unit"), self.unit)
        form.addRow(self.tr("Village committee phone"), self.committee_phone)

        signers_box = QGroupBox(self.tr("Report signers"))
        form = QFormLayout(signers_box)
        form.addRow(self.tr("Filled in by"), self.filled_by)
        form.addRow(self.tr("Reviewed by"), self.reviewed_by)
        form.addRow(self.tr("Responsible"), self.responsible)
        form.addRow(
            QLabel(self.tr("These names are printed at the foot of every ledger and report."))
        )

        work_box = QGroupBox(self.tr("Work and privacy"))
        form = QFormLayout(work_box)
        form.addRow("", self.mask_ids)
        form.addRow(self.tr("Visit reminder after"), self.due_days)
        hint = QLabel(
            self.tr(
                "Households needing attention (监测户, 低保户, 特困户, 独居老人, 留守儿童) not visited for this long are listed on the home page."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #777;")
        form.addRow("", hint)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language)
        lang_note = QLabel(self.tr("Takes effect the next time the program starts."))
        lang_note.setStyleSheet("color: #777;")
        lang_row.addWidget(lang_note, 1)
        form.addRow(self.tr("Language"), lang_row)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(str(ctx.data_dir))
        self.folder_label.setWordWrap(True)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
        )
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(open_folder)
        form.addRow(self.tr("Data folder"), folder_row)
        self.db_label = QLabel(self.tr("Database file: %1").replace("%1", str(ctx.db_path)))
        self.db_label.setStyleSheet("color: #555;")
        form.addRow("", self.db_label)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)  # keeps the buttons their natural size while the message is hidden
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(village_box)
        left.addWidget(signers_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(work_box)
        self.backup_panel = BackupPanel(ctx)
        right.addWidget(self.backup_panel)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1f4e79;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(title)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        """Show the saved profile and language."""
        p = self.ctx.db.profile.get()
        self.profile = p
        self.village.setText(p.village)
        self.township.setText(p.township)
        self.county.setText(p.county)
        self.unit.setText(p.dispatching_unit)
        self.committee_phone.setText(p.village_committee_phone)
        self.filled_by.setText(p.filled_by)
        self.reviewed_by.setText(p.reviewed_by)
        self.responsible.setText(p.responsible)
        self.mask_ids.setChecked(p.mask_ids)
        self.due_days.setValue(p.due_visit_days)
        lang = QSettings().value(LANG_KEY, self.ctx.lang)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        for w in self.fields.values():
            w.setStyleSheet("")
        self.message.hide()
        self.backup_panel.refresh()

    def save(self) -> bool:
        """Check and save; show what is wrong (in Chinese) or that it was saved."""
        for w in self.fields.values():
            w.setStyleSheet("")
        try:
            if not self.village.text().strip():
                raise ValidationError("请填写村名", "village")
            phone = self.committee_phone.text().strip()
            if phone:
                phone = validate_phone(phone)
                self.committee_phone.setText(phone)
            profile = replace(
                self.ctx.db.profile.get(),
                village=self.village.text().strip(),
                township=self.township.text().strip(),
                county=self.county.text().strip(),
                dispatching_unit=self.unit.text().strip(),
                village_committee_phone=phone,
                filled_by=self.filled_by.text().strip(),
                reviewed_by=self.reviewed_by.text().strip(),
                responsible=self.responsible.text().strip(),
                mask_ids=self.mask_ids.isChecked(),
                due_visit_days=self.due_days.value(),
            )
            self.ctx.db.profile.save(profile)
        except ValidationError as exc:
            field = "village_committee_phone" if exc.field == "phone" else exc.field
            self._say(exc.message, error=True, field=field)
            return False
        except StorageError as exc:
            self._say(exc.message(self.ctx.lang), error=True)
            return False
        settings = QSettings()
        old_lang = settings.value(LANG_KEY, self.ctx.lang)
        settings.setValue(LANG_KEY, self.language.currentData())
        settings.sync()
        text = self.tr("Settings saved.")
        if self.language.currentData() != old_lang:
            text += " " + self.tr("The new language applies after restarting the program.")
        self._say(text)
        self.ctx.notify("profile")
        return True

    def _say(self, text: str, *, error: bool = False, field: str | None = None) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus()
