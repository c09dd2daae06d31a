"""Write a day of the team diary (驻村日志): who, where (在村/外出/请假), what was done."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import Presence
from villagedesk.core.records import DiaryEntry
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.issue_form import date_edit, get_date, set_date, text_box
from villagedesk.ui.widgets.form_dialog import FormDialog


class DiaryForm(FormDialog):
    """The diary form; ``saved`` is the DiaryEntry after a successful save."""

    def __init__(
        self,
        ctx: AppContext,
        entry: DiaryEntry | None = None,
        parent: QWidget | None = None,
        *,
        member_uid: str | None = None,
    ) -> None:
        title = self.tr("New diary entry") if entry is None else self.tr("Edit diary entry")
        super().__init__(ctx, title, parent)
        self.entry = entry
        self.date = self.add_row("date", self.tr("Date *"), date_edit())
        self.member = self.add_row("member_uid", self.tr("Team member *"), QComboBox())
        for m in ctx.db.team.work_team():
            self.member.addItem(f"{m.name}（{m.role.value}）", m.uid)
        self.presence = self.add_row("presence", self.tr("Where"), QComboBox())
        for p in Presence:
            self.presence.addItem(p.value, p)
        self.content = self.add_row("content", self.tr("Work done"), text_box(140))
        if entry is not None:
            set_date(self.date, entry.date)
            member_uid = entry.member_uid
            self.presence.setCurrentIndex(max(self.presence.findData(entry.presence), 0))
            self.content.setPlainText(entry.content)
        if member_uid:
            self.member.setCurrentIndex(max(self.member.findData(member_uid), 0))

    def save(self) -> DiaryEntry:
        day = get_date(self.date)
        if day > today():
            raise ValidationError("日志日期不能晚于今天", "date")
        member_uid = self.member.currentData()
        if not member_uid:
            raise ValidationError("请先在“工作队与联系卡”页添加工作队队员", "member_uid")
        record = self.entry or DiaryEntry(date=day)
        record.date = day
        record.member_uid = member_uid
        record.presence = self.presence.currentData()
        record.content = self.content.toPlainText().strip()
        repo = self.ctx.db.diary
        return repo.update(record) if self.entry is not None else repo.add(record)
