"""Create or change a household (户): number, head, group, tags, monitoring."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from villagedesk.core.enums import HouseholdTag, LivingStatus, MonitoringType, RiskCause
from villagedesk.core.records import Household
from villagedesk.ui.context import AppContext
from villagedesk.ui.widgets.form_dialog import FormDialog
from villagedesk.ui.widgets.tiles import ChipSelector


class HouseholdForm(FormDialog):
    """The household form; ``saved`` is the Household after a successful save."""

    def __init__(
        self, ctx: AppContext, household: Household | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New household") if household is None else self.tr("Edit household")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(640)
        self.household = household
        self.number = self.add_row("household_no", self.tr("Household no. *"), QLineEdit())
        self.head = self.add_row("head_name", self.tr("Head of household *"), QLineEdit())
        self.group = self.add_row("group_uid", self.tr("Villager group"), QComboBox())
        self.group.addItem(self.tr("(none)"), None)
        for g in ctx.db.groups.find(order_by="name"):
            self.group.addItem(g.name, g.uid)
        self.address = self.add_row("address", self.tr("Address"), QLineEdit())
        self.phone = self.add_row("phone", self.tr("Household phone"), QLineEdit())
        self.tags = self.add_row("tags", self.tr("Household type"), ChipSelector(HouseholdTag))
        self.monitoring = self.add_row("monitoring_type", self.tr("Monitoring type"), QComboBox())
        self.monitoring.addItem(self.tr("(none)"), None)
        for m in MonitoringType:
            self.monitoring.addItem(m.value, m)
        self.risks = self.add_row("risk_causes", self.tr("Risk causes"), ChipSelector(RiskCause))
        self.living = self.add_row("living_status", self.tr("Living"), QComboBox())
        for s in LivingStatus:
            self.living.addItem(s.value, s)
        self.notes = self.add_row("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(60)
        if household is None:
            self.number.setText(self._next_number())
        else:
            self._load(household)

    def _next_number(self) -> str:
        numbers = [h.household_no for h in self.ctx.db.households.find(order_by="household_no")]
        digits = [int(n) for n in numbers if n.isdigit()]
        if not digits:
            return "" if numbers else "001"
        width = max(len(n) for n in numbers if n.isdigit())
        return str(max(digits) + 1).zfill(width)

    def _load(self, h: Household) -> None:
        self.number.setText(h.household_no)
        self.head.setText(h.head_name)
        self.group.setCurrentIndex(max(self.group.findData(h.group_uid), 0))
        self.address.setText(h.address)
        self.phone.setText(h.phone)
        self.tags.set_selected(h.tags)
        self.monitoring.setCurrentIndex(max(self.monitoring.findData(h.monitoring_type), 0))
        self.risks.set_selected(h.risk_causes)
        self.living.setCurrentIndex(max(self.living.findData(h.living_status), 0))
        self.notes.setPlainText(h.notes)

    def save(self) -> Household:
        record = self.household or Household(household_no="", head_name="")
        record.household_no = self.number.text()
        record.head_name = self.head.text()
        record.group_uid = self.group.currentData()
        record.address = self.address.text().strip()
        record.phone = self.phone.text().strip()
        record.tags = [HouseholdTag(t) for t in self.tags.selected()]
        record.monitoring_type = self.monitoring.currentData()
        record.risk_causes = [RiskCause(r) for r in self.risks.selected()]
        record.living_status = self.living.currentData()
        record.notes = self.notes.toPlainText().strip()
        repo = self.ctx.db.households
        saved = repo.add(record) if self.household is None else repo.update(record)
        self.ctx.notify("household")
        return saved
