"""活动会议: meetings, volunteer days and other activities with their participant counts."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from villagedesk.core.enums import ActivityKind
from villagedesk.core.records import Activity
from villagedesk.services.deeds_queries import activity_months, find_activities
from villagedesk.ui.pages.activity_form import ActivityForm
from villagedesk.ui.pages.list_page import ListPage
from villagedesk.ui.widgets.table_model import Column


def activity_columns() -> list[Column[Activity]]:
    """The activity record's columns (活动会议记录)."""
    return [
        Column(QCoreApplication.translate("ActivitiesPage", "Date"), lambda a: a.date.isoformat()),
        Column(QCoreApplication.translate("ActivitiesPage", "Kind"), lambda a: a.kind.value),
        Column(QCoreApplication.translate("ActivitiesPage", "Title"), lambda a: a.title),
        Column(QCoreApplication.translate("ActivitiesPage", "Place"), lambda a: a.place),
        Column(
            QCoreApplication.translate("ActivitiesPage", "Participants"),
            lambda a: str(a.participants),
            sort=lambda a: a.participants,
            align_right=True,
        ),
        Column(QCoreApplication.translate("ActivitiesPage", "Main content"), lambda a: a.summary),
    ]


class ActivitiesPage(ListPage):
    """The activities and meetings list."""

    repo_name = "activities"
    kind = "activity"
    text_columns = (2, 3)
    watches = ("activity",)

    def search_hint(self) -> str:
        return self.tr("Search title, place, content")

    def new_text(self) -> str:
        return self.tr("New activity")

    def columns(self):
        return activity_columns()

    def fill_kinds(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("All kinds"), None)
        for k in ActivityKind:
            combo.addItem(k.value, k.value)

    def load(self, text: str, kind: Any, start: date | None, end: date | None) -> list[Activity]:
        return find_activities(self.ctx.db, text, kind, start, end)

    def months(self) -> list[str]:
        return activity_months(self.ctx.db)

    def loaded(self, rows: list[Activity]) -> None:
        people = sum(a.participants for a in rows)
        text = self.tr("%1 activities, %2 participants")
        self.count_label.setText(text.replace("%1", str(len(rows))).replace("%2", str(people)))

    def form(self, record):
        return ActivityForm(self.ctx, record, parent=self)

    def delete_question(self) -> str:
        return self.tr("Move this activity to the recycle bin?")
