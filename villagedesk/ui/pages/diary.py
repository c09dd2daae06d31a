"""驻村日志: one month of the team diary, and each member's days in the village."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QVBoxLayout, QWidget

from villagedesk.core.clock import today
from villagedesk.services.diary_queries import (
    DAYS_PER_WEEK,
    Attendance,
    DiaryRow,
    diary_months,
    diary_rows,
    month_attendance,
)
from villagedesk.services.figures import Month
from villagedesk.ui.pages.diary_form import DiaryForm
from villagedesk.ui.pages.list_page import ListPage
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tables import make_table

SHORT_COLOUR = QColor("#fde2e1")
AWAY_COLOUR = QColor("#fff4d6")


def diary_columns() -> list[Column[DiaryRow]]:
    """日期, 星期, 人员, 在村/外出/请假, 工作内容."""
    return [
        Column(QCoreApplication.translate("DiaryPage", "Date"), lambda r: r.date.isoformat()),
        Column(
            QCoreApplication.translate("DiaryPage", "Weekday"),
            lambda r: r.weekday,
            sort=lambda r: r.date.weekday(),
        ),
        Column(QCoreApplication.translate("DiaryPage", "Member"), lambda r: r.member_name),
        Column(QCoreApplication.translate("DiaryPage", "Where"), lambda r: r.presence),
        Column(QCoreApplication.translate("DiaryPage", "Work done"), lambda r: r.content),
    ]


def short_weeks_text(a: Attendance) -> str:
    """The weeks under five days, as 11月9日起 3天."""
    return "；".join(
        QCoreApplication.translate("DiaryPage", "week of %1: %2 days")
        .replace("%1", f"{m.month}月{m.day}日")
        .replace("%2", str(days))
        for m, days in a.short_weeks
    )


def attendance_columns() -> list[Column[Attendance]]:
    """The month's attendance summary per member."""
    return [
        Column(QCoreApplication.translate("DiaryPage", "Member"), lambda a: a.name),
        Column(QCoreApplication.translate("DiaryPage", "Days in village"), lambda a: str(a.in_village), align_right=True,
               sort=lambda a: a.in_village),
        Column(QCoreApplication.translate("DiaryPage", "Away"), lambda a: str(a.away), align_right=True, sort=lambda a: a.away),
        Column(QCoreApplication.translate("DiaryPage", "Leave"), lambda a: str(a.leave), align_right=True, sort=lambda a: a.leave),
        Column(QCoreApplication.translate("DiaryPage", "Weeks under 5 days"), short_weeks_text),
    ]  # fmt: skip


class DiaryPage(ListPage):
    """A month of diary entries with a member filter and the month's attendance."""

    repo_name = "diary"
    kind = "diary"
    text_columns = (4,)
    has_period = False
    watches = ("diary", "team_member")

    def search_hint(self) -> str:
        return self.tr("Search work done")

    def new_text(self) -> str:
        return self.tr("New diary entry")

    def extra_filters(self) -> list[QWidget]:
        self.month = QComboBox()
        self._fill_months()
        self.month.currentIndexChanged.connect(lambda _i: self.reload_rows())
        return [self.month]

    def _fill_months(self) -> None:
        keep = self.month.currentData()
        self.month.blockSignals(True)
        self.month.clear()
        this = Month.of(today())
        months = [str(this), str(this.previous())]
        months += [m for m in diary_months(self.ctx.db) if m not in months]
        for m in sorted(set(months), reverse=True):
            self.month.addItem(Month.parse(m).chinese(), m)
        self.month.setCurrentIndex(max(self.month.findData(keep or str(this)), 0))
        self.month.blockSignals(False)

    def fill_kinds(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("All team members"), None)
        for m in self.ctx.db.team.work_team():
            combo.addItem(m.name, m.uid)

    def columns(self):
        return diary_columns()

    def body(self) -> QWidget:
        self.attendance_model: RecordTableModel[Attendance] = RecordTableModel(
            attendance_columns(), self
        )
        self.attendance_model.highlight = lambda a: SHORT_COLOUR if a.short_weeks else None
        self.attendance = make_table(self.attendance_model)
        self.attendance.horizontalHeader().setStretchLastSection(True)
        self.attendance_title = QLabel()
        self.attendance_title.setStyleSheet("font-weight: bold; color: #1f4e79;")
        note = QLabel(
            self.tr("Teams live in the village five days and four nights a week; full weeks "
                    "with fewer than %1 days in the village are marked red.")
            .replace("%1", str(DAYS_PER_WEEK))
        )  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.attendance_title)
        side_layout.addWidget(self.attendance, 1)
        side_layout.addWidget(note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 200])
        return split

    def current_month(self) -> Month:
        """The month shown."""
        value = self.month.currentData()
        return Month.parse(value) if value else Month.of(today())

    def load(self, text: str, kind: Any, start: date | None, end: date | None) -> list[DiaryRow]:
        return diary_rows(self.ctx.db, self.current_month(), kind, text)

    def highlight(self, row: DiaryRow):
        return None if row.presence == "在村" else AWAY_COLOUR

    def loaded(self, rows: list[DiaryRow]) -> None:
        month = self.current_month()
        people = month_attendance(self.ctx.db, month, today())
        self.attendance_model.set_rows(people)
        self.attendance.resizeColumnsToContents()
        self.attendance.horizontalHeader().setStretchLastSection(True)
        self.attendance_title.setText(
            self.tr("Days in the village, %1").replace("%1", month.chinese())
        )

    def refresh(self) -> None:
        self._fill_months()
        combo = self.kind_combo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        self.fill_kinds(combo)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
        combo.blockSignals(False)
        super().refresh()

    def form(self, record):
        return DiaryForm(self.ctx, record, parent=self, member_uid=self.kind_combo.currentData())

    def delete_question(self) -> str:
        return self.tr("Move this diary entry to the recycle bin?")
