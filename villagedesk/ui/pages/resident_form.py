"""Create or change a resident (村民); gender and birth date come from the ID number."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import Relation, ResidentTag
from villagedesk.core.records import Resident
from villagedesk.core.validation import (
    ValidationError,
    age_on,
    format_date_cn,
    parse_id_number,
)
from villagedesk.ui.context import AppContext
from villagedesk.ui.widgets.form_dialog import FormDialog
from villagedesk.ui.widgets.tiles import ChipSelector

EDUCATION = [
    "",
    "文盲或半文盲",
    "小学",
    "初中",
    "高中",
    "中专",
    "大专",
    "本科及以上",
    "学龄前",
    "在校生",
]
HEALTH = ["", "健康", "长期慢性病", "患有大病", "残疾"]


class ResidentForm(FormDialog):
    """The resident form; the ID number is checked as it is typed."""

    def __init__(
        self,
        ctx: AppContext,
        household_uid: str,
        resident: Resident | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New resident") if resident is None else self.tr("Edit resident")
        super().__init__(ctx, title, parent)
        self.household_uid = household_uid
        self.resident = resident
        household = ctx.db.households.get(household_uid)
        if household is not None:
            self.form.addRow(
                self.tr("Household"), QLabel(f"{household.household_no} {household.head_name}")
            )
        self.name = self.add_row("name", self.tr("Name *"), QLineEdit())
        self.relation = self.add_row("relation", self.tr("Relation to head"), QComboBox())
        for r in Relation:
            self.relation.addItem(r.value, r)
        self.id_number = self.add_row("id_number", self.tr("ID number"), QLineEdit())
        self.id_number.setMaxLength(20)
        self.id_number.setPlaceholderText(
            self.tr("18 digits; gender and birth date are read from it")
        )
        self.derived = QLabel()
        self.derived.setWordWrap(True)
        self.form.addRow("", self.derived)
        self.phone = self.add_row("phone", self.tr("Phone"), QLineEdit())
        self.ethnicity = self.add_row("ethnicity", self.tr("Ethnicity"), QLineEdit("汉族"))
        self.education = self.add_row("education", self.tr("Education"), QComboBox())
        self.education.setEditable(True)
        self.education.addItems(EDUCATION)
        self.health = self.add_row("health", self.tr("Health"), QComboBox())
        self.health.setEditable(True)
        self.health.addItems(HEALTH)
        self.labour = self.add_row("labour_skill", self.tr("Labour skill"), QLineEdit())
        self.tags = self.add_row("tags", self.tr("Needs attention"), ChipSelector(ResidentTag))
        self.notes = self.add_row("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(54)
        self.id_number.textChanged.connect(self.update_derived)
        if resident is not None:
            self._load(resident)
        elif not ctx.db.residents.count("household_uid = ?", [household_uid]):
            self.relation.setCurrentIndex(0)  # the first member is usually the head
        else:
            self.relation.setCurrentIndex(self.relation.findData(Relation.SPOUSE))
        self.update_derived()

    def _load(self, r: Resident) -> None:
        self.name.setText(r.name)
        self.relation.setCurrentIndex(max(self.relation.findData(r.relation), 0))
        self.id_number.setText(r.id_number)
        self.phone.setText(r.phone)
        self.ethnicity.setText(r.ethnicity)
        self.education.setCurrentText(r.education)
        self.health.setCurrentText(r.health)
        self.labour.setText(r.labour_skill)
        self.tags.set_selected(r.tags)
        self.notes.setPlainText(r.notes)

    def update_derived(self) -> None:
        """Show gender, birth date and age read from the ID number, or why it is wrong."""
        text = self.id_number.text().strip()
        if not text:
            self.derived.setText(self.tr("Without an ID number gender and birth date stay empty."))
            self.derived.setStyleSheet("color: #777;")
            return
        try:
            info = parse_id_number(text, today=today())
        except ValidationError as exc:
            partial = len(text) < 18 and text[:17].isdigit()
            self.derived.setText(exc.message)
            self.derived.setStyleSheet("color: #777;" if partial else "color: #b00020;")
            return
        self.derived.setText(
            self.tr("%1, born %2, age %3")
            .replace("%1", info.gender)
            .replace("%2", format_date_cn(info.birth_date))
            .replace("%3", str(age_on(info.birth_date, today())))
        )
        self.derived.setStyleSheet("color: #2e7d32;")

    def save(self) -> Resident:
        id_text = self.id_number.text().strip()
        if id_text:
            parse_id_number(id_text, today=today())  # the exact reason, before anything is written
        record = self.resident or Resident(household_uid=self.household_uid, name="")
        record.name = self.name.text()
        record.relation = self.relation.currentData()
        record.id_number = id_text
        if id_text:  # derived again from the (possibly changed) number by the repository
            record.gender = None
            record.birth_date = None
        record.phone = self.phone.text().strip()
        record.ethnicity = self.ethnicity.text().strip()
        record.education = self.education.currentText().strip()
        record.health = self.health.currentText().strip()
        record.labour_skill = self.labour.text().strip()
        record.tags = [ResidentTag(t) for t in self.tags.selected()]
        record.notes = self.notes.toPlainText().strip()
        repo = self.ctx.db.residents
        saved = repo.add(record) if self.resident is None else repo.update(record)
        self.ctx.notify("resident")
        return saved
