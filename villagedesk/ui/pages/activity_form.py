"""Create or change an activity or meeting (活动会议)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import ActivityKind
from villagedesk.core.records import Activity
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.issue_form import date_edit, get_date, set_date, text_box
from villagedesk.ui.widgets.form_dialog import FormDialog


class ActivityForm(FormDialog):
    """The activity form; ``saved`` is the Activity after a successful save."""

    def __init__(
        self, ctx: AppContext, activity: Activity | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New activity") if activity is None else self.tr("Edit activity")
        super().__init__(ctx, title, parent)
        self.activity = activity
        self.date = self.add_row("date", self.tr("Date *"), date_edit())
        self.kind = self.add_row("kind", self.tr("Kind"), QComboBox())
        for k in ActivityKind:
            self.kind.addItem(k.value, k)
        self.title_edit = self.add_row("title", self.tr("Title *"), QLineEdit())
        self.place = self.add_row("place", self.tr("Place"), QLineEdit())
        self.participants = self.add_row("participants", self.tr("Participants"), QSpinBox())
        self.participants.setRange(0, 100_000)
        self.summary = self.add_row("summary", self.tr("Main content"), text_box(110))
        if activity is not None:
            set_date(self.date, activity.date)
            self.kind.setCurrentIndex(max(self.kind.findData(activity.kind), 0))
            self.title_edit.setText(activity.title)
            self.place.setText(activity.place)
            self.participants.setValue(activity.participants)
            self.summary.setPlainText(activity.summary)

    def save(self) -> Activity:
        day = get_date(self.date)
        if day > today():
            raise ValidationError("活动日期不能晚于今天", "date")
        title = self.title_edit.text().strip()
        if not title:
            raise ValidationError("请填写活动主题", "title")
        record = self.activity or Activity(date=day, title=title)
        record.date = day
        record.kind = self.kind.currentData()
        record.title = title
        record.place = self.place.text().strip()
        record.participants = self.participants.value()
        record.summary = self.summary.toPlainText().strip()
        repo = self.ctx.db.activities
        return repo.update(record) if self.activity is not None else repo.add(record)
