"""Record aid handed out (帮扶慰问): to whom, what, how much, from which funds, by whom."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import AidKind
from villagedesk.core.records import Aid
from villagedesk.core.validation import ValidationError, format_fen, parse_money_to_fen
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.issue_form import date_edit, get_date, set_date, text_box
from villagedesk.ui.widgets.form_dialog import FormDialog
from villagedesk.ui.widgets.household_picker import HouseholdPicker
from villagedesk.ui.widgets.tiles import ChipSelector

#: offered in the 困难类别 and 资金来源 boxes (free text is allowed too)
HARDSHIPS = ("脱贫户", "监测户", "低保户", "特困户", "因病", "因残", "因学", "因灾", "高龄",
             "独居老人", "留守儿童", "困境儿童", "老党员")  # fmt: skip
FUNDING_SOURCES = ("派出单位", "乡镇", "村集体", "社会捐赠", "个人捐助")
NAME_SEPARATOR = "、"


def editable_combo(values: tuple[str, ...]) -> QComboBox:
    """A combo offering common values that also takes free text."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("")
    combo.addItems(list(values))
    return combo


class AidForm(FormDialog):
    """The aid form; ``saved`` is the Aid after a successful save."""

    def __init__(self, ctx: AppContext, aid: Aid | None = None, parent: QWidget | None = None):
        title = self.tr("New aid record") if aid is None else self.tr("Edit aid record")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(640)
        self.aid = aid
        self.date = self.add_row("date", self.tr("Date *"), date_edit())
        self.picker = self.add_row("household_uid", self.tr("Household *"), HouseholdPicker(ctx))
        self.resident = self.add_row("resident_uid", self.tr("Resident"), QComboBox())
        self.kind = self.add_row("kind", self.tr("Kind"), QComboBox())
        for k in AidKind:
            self.kind.addItem(k.value, k)
        self.hardship = self.add_row("hardship", self.tr("Hardship"), editable_combo(HARDSHIPS))
        self.amount = self.add_row("amount_fen", self.tr("Money (yuan)"), QLineEdit())
        self.amount.setPlaceholderText(self.tr("e.g. 500 or 1,200.50; empty for goods only"))
        self.goods = self.add_row("goods", self.tr("Goods"), QLineEdit())
        self.goods.setPlaceholderText(self.tr("e.g. rice, cooking oil"))
        self.quantity = self.add_row("quantity", self.tr("Quantity"), QLineEdit())
        self.quantity.setPlaceholderText(self.tr("e.g. 1 bag of 25 kg, 1 bottle"))
        self.funding = self.add_row(
            "funding_source", self.tr("Funding source"), editable_combo(FUNDING_SOURCES)
        )
        self.team_names = [m.name for m in ctx.db.team.work_team()]
        self.given_by = self.add_row("given_by", self.tr("Given by"), ChipSelector(self.team_names))
        self.given_by_other = self.add_row("given_by_other", self.tr("Others"), QLineEdit())
        self.given_by_other.setPlaceholderText(self.tr("Other people who took part"))
        self.notes = self.add_row("notes", self.tr("Notes"), text_box())
        self.picker.changed.connect(self._household_changed)
        self._household_changed("")
        if aid is not None:
            self._load(aid)

    def _household_changed(self, uid: str) -> None:
        keep = self.resident.currentData()
        self.resident.clear()
        self.resident.addItem(self.tr("(the household)"), None)
        if not uid:
            return
        for person in self.ctx.db.residents.of_household(uid):
            self.resident.addItem(f"{person.name}（{person.relation}）", person.uid)
        self.resident.setCurrentIndex(max(self.resident.findData(keep), 0))
        household = self.ctx.db.households.get(uid)
        if household and not self.hardship.currentText() and household.tags:
            self.hardship.setCurrentText(NAME_SEPARATOR.join(household.tags))

    def _load(self, aid: Aid) -> None:
        set_date(self.date, aid.date)
        self.picker.set_household(aid.household_uid)
        self.resident.setCurrentIndex(max(self.resident.findData(aid.resident_uid), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(aid.kind), 0))
        self.hardship.setCurrentText(aid.hardship)
        self.amount.setText(format_fen(aid.amount_fen, symbol=False) if aid.amount_fen else "")
        self.goods.setText(aid.goods)
        self.quantity.setText(aid.quantity)
        self.funding.setCurrentText(aid.funding_source)
        names = [n for n in aid.given_by.split(NAME_SEPARATOR) if n]
        self.given_by.set_selected(n for n in names if n in self.team_names)
        self.given_by_other.setText(
            NAME_SEPARATOR.join(n for n in names if n not in self.team_names)
        )
        self.notes.setPlainText(aid.notes)

    def given_by_text(self) -> str:
        """慰问人: the ticked team members and the others typed, joined with 、."""
        others = [n.strip() for n in self.given_by_other.text().replace(",", "、").split("、")]
        return NAME_SEPARATOR.join(self.given_by.selected() + [n for n in others if n])

    def save(self) -> Aid:
        day = get_date(self.date)
        if day > today():
            raise ValidationError("慰问日期不能晚于今天", "date")
        household_uid = self.picker.household_uid()
        if household_uid is None:
            raise ValidationError("请选择慰问对象（输入户主姓名或拼音首字母后从列表中选择）",
                                  "household_uid")  # fmt: skip
        text = self.amount.text().strip()
        try:
            fen = parse_money_to_fen(text) if text else 0
        except ValidationError as exc:
            raise ValidationError(str(exc), "amount_fen") from None
        record = self.aid or Aid(date=day)
        record.date = day
        record.household_uid = household_uid
        record.resident_uid = self.resident.currentData()
        record.kind = self.kind.currentData()
        record.hardship = self.hardship.currentText().strip()
        record.amount_fen = fen
        record.goods = self.goods.text().strip()
        record.quantity = self.quantity.text().strip()
        record.funding_source = self.funding.currentText().strip()
        record.given_by = self.given_by_text()
        record.notes = self.notes.toPlainText().strip()
        repo = self.ctx.db.aid
        return repo.update(record) if self.aid is not None else repo.add(record)
