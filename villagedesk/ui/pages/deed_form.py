"""Create or change an item of the deeds list (为民办实事清单)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import DeedStatus, HandlingMode
from villagedesk.core.records import Deed
from villagedesk.core.validation import ValidationError, format_fen, parse_money_to_fen
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.aid_form import editable_combo
from villagedesk.ui.pages.issue_form import date_edit, get_date, set_date, text_box
from villagedesk.ui.widgets.form_dialog import FormDialog

AREAS = ("基础设施", "产业发展", "就业增收", "教育助学", "医疗健康", "人居环境", "社会保障",
         "乡风文明", "基层治理")  # fmt: skip


class OptionalDate(QWidget):
    """A date that may be left unset: a tick box switches the date field on."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = date_edit()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> date | None:
        """The date, or None when not ticked."""
        return get_date(self.edit) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            set_date(self.edit, value)


class DeedForm(FormDialog):
    """The deed form; ``saved`` is the Deed after a successful save."""

    def __init__(self, ctx: AppContext, deed: Deed | None = None, parent: QWidget | None = None):
        title = self.tr("New deed") if deed is None else self.tr("Edit deed")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(640)
        self.deed = deed
        self.title_edit = self.add_row("title", self.tr("Deed *"), QLineEdit())
        self.area = self.add_row("area", self.tr("Area"), editable_combo(AREAS))
        self.measures = self.add_row("measures", self.tr("Measures"), text_box())
        self.goal = self.add_row("goal", self.tr("Expected goal"), text_box())
        self.owner = self.add_row("owner", self.tr("Responsible"), QLineEdit())
        self.promised = self.add_row(
            "promised_date", self.tr("Deadline"), OptionalDate(self.tr("Set"))
        )
        self.mode = self.add_row("handling_mode", self.tr("Handling mode"), QComboBox())
        self.mode.addItem(self.tr("(none)"), None)
        for m in HandlingMode:
            self.mode.addItem(m.value, m)
        self.status = self.add_row("status", self.tr("Status"), QComboBox())
        for s in DeedStatus:
            self.status.addItem(s.value, s)
        self.progress = self.add_row("progress", self.tr("Progress"), text_box(64))
        self.done_date = self.add_row("done_date", self.tr("Done on"), date_edit())
        self.beneficiaries = self.add_row(
            "beneficiaries", self.tr("Households (people) benefiting"), QSpinBox()
        )
        self.beneficiaries.setRange(0, 1_000_000)
        self.investment = self.add_row("investment_fen", self.tr("Investment (yuan)"), QLineEdit())
        self.investment.setPlaceholderText(self.tr("e.g. 12000 or 1.2万"))
        self.status.currentIndexChanged.connect(self._status_changed)
        if deed is not None:
            self._load(deed)
        self._status_changed()

    def _status_changed(self) -> None:
        self.done_date.setEnabled(self.status.currentData() == DeedStatus.DONE)

    def _load(self, d: Deed) -> None:
        self.title_edit.setText(d.title)
        self.area.setCurrentText(d.area)
        self.measures.setPlainText(d.measures)
        self.goal.setPlainText(d.goal)
        self.owner.setText(d.owner)
        self.promised.set_value(d.promised_date)
        self.mode.setCurrentIndex(max(self.mode.findData(d.handling_mode), 0))
        self.status.setCurrentIndex(max(self.status.findData(d.status), 0))
        self.progress.setPlainText(d.progress)
        if d.done_date:
            set_date(self.done_date, d.done_date)
        self.beneficiaries.setValue(d.beneficiaries)
        self.investment.setText(
            format_fen(d.investment_fen, symbol=False) if d.investment_fen else ""
        )

    def save(self) -> Deed:
        title = self.title_edit.text().strip()
        if not title:
            raise ValidationError("请填写事项名称", "title")
        status = self.status.currentData()
        done = get_date(self.done_date) if status == DeedStatus.DONE else None
        if done is not None and done > today():
            raise ValidationError("完成日期不能晚于今天", "done_date")
        text = self.investment.text().strip()
        try:
            fen = parse_money_to_fen(text) if text else 0
        except ValidationError as exc:
            raise ValidationError(str(exc), "investment_fen") from None
        record = self.deed or Deed(title=title)
        record.title = title
        record.area = self.area.currentText().strip()
        record.measures = self.measures.toPlainText().strip()
        record.goal = self.goal.toPlainText().strip()
        record.owner = self.owner.text().strip()
        record.promised_date = self.promised.value()
        record.handling_mode = self.mode.currentData()
        record.status = status
        record.progress = self.progress.toPlainText().strip()
        record.done_date = done
        record.beneficiaries = self.beneficiaries.value()
        record.investment_fen = fen
        repo = self.ctx.db.deeds
        return repo.update(record) if self.deed is not None else repo.add(record)
