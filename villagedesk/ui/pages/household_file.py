"""一户一档: one household's members, visits, issues and aid in one window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.validation import format_fen
from villagedesk.services.households_queries import HouseholdFile, household_file
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.households import member_columns
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tiles import chips_html

#: set by the reports page: print_hook(ctx, household_uid, parent) prints the household file
print_hook: Callable[[AppContext, str, QWidget], None] | None = None


def _view(model: RecordTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class HouseholdFileDialog(QDialog):
    """Everything about one household; ``file`` holds what is shown."""

    def __init__(self, ctx: AppContext, household_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_uid = household_uid
        self.file: HouseholdFile | None = household_file(ctx.db, household_uid)
        self.resize(1000, 620)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.members = RecordTableModel(member_columns())
        self.visits = RecordTableModel(
            [
                Column(self.tr("Date"), lambda v: v.date.isoformat()),
                Column(self.tr("Way"), lambda v: v.way),
                Column(self.tr("What was found"), lambda v: v.situation),
                Column(self.tr("Needs"), lambda v: v.needs),
                Column(self.tr("Handling"), lambda v: v.handling),
            ]
        )
        self.issues = RecordTableModel(
            [
                Column(self.tr("No."), lambda i: i.number),
                Column(self.tr("Collected"), lambda i: i.collected_date.isoformat()),
                Column(self.tr("Status"), lambda i: i.status),
                Column(self.tr("Level"), lambda i: i.level or ""),
                Column(self.tr("Deadline"), lambda i: i.deadline.isoformat() if i.deadline else ""),
                Column(self.tr("Issue"), lambda i: i.description),
            ]
        )
        self.aid = RecordTableModel(
            [
                Column(self.tr("Date"), lambda a: a.date.isoformat()),
                Column(self.tr("Kind"), lambda a: a.kind),
                Column(
                    self.tr("Money"),
                    lambda a: format_fen(a.amount_fen),
                    sort=lambda a: a.amount_fen,
                    align_right=True,
                ),  # fmt: skip
                Column(self.tr("Goods"), lambda a: f"{a.goods} {a.quantity}".strip()),
                Column(self.tr("Given by"), lambda a: a.given_by),
                Column(self.tr("Notes"), lambda a: a.notes),
            ]
        )
        self.tabs = QTabWidget()
        self.views = {}
        for key, model in (
            ("members", self.members), ("visits", self.visits),
            ("issues", self.issues), ("aid", self.aid),
        ):  # fmt: skip
            self.views[key] = _view(model)
            self.tabs.addTab(self.views[key], "")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_file)
        self.print_button.setVisible(print_hook is not None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.show_file()

    def show_file(self) -> None:
        """Fill the header and the four tabs from ``self.file``."""
        f = self.file
        if f is None:
            self.setWindowTitle(self.tr("Household file"))
            self.header.setText(
                self.tr("This household no longer exists (it may have been deleted).")
            )
            return
        h = f.household
        self.setWindowTitle(
            self.tr("Household file — %1 (no. %2)")
            .replace("%1", h.head_name)
            .replace("%2", h.household_no)
        )
        tags = [*h.tags, *([h.monitoring_type] if h.monitoring_type else []), *h.risk_causes]
        facts = [
            f"<b style='font-size:14pt; color:#1f4e79'>{h.head_name}</b>",
            self.tr("No. %1").replace("%1", h.household_no),
        ]
        if f.group_name:
            facts.append(f.group_name)
        if h.phone:
            facts.append(self.tr("Phone %1").replace("%1", h.phone))
        facts.append(self.tr("%1 members").replace("%1", str(len(f.members))))
        facts.append(h.living_status)
        line2 = []
        if h.address:
            line2.append(self.tr("Address: %1").replace("%1", h.address))
        if h.monitoring_type:
            line2.append(
                self.tr("Risk cleared: %1").replace(
                    "%1", self.tr("yes") if h.risk_cleared else self.tr("no")
                )
            )
        if h.notes:
            line2.append(h.notes)
        self.header.setText(
            "&nbsp;&nbsp;".join(facts)
            + "&nbsp;&nbsp;"
            + chips_html(tags)
            + ("<br>" + "；".join(line2) if line2 else "")
        )
        self.members.set_rows(f.members)
        self.visits.set_rows(f.visits)
        self.issues.set_rows(f.issues)
        self.aid.set_rows(f.aid)
        self.tabs.setTabText(0, self.tr("Members (%1)").replace("%1", str(len(f.members))))
        self.tabs.setTabText(1, self.tr("Visits (%1)").replace("%1", str(len(f.visits))))
        tracking = sum(1 for i in f.issues if i.is_tracking())
        self.tabs.setTabText(
            2,
            self.tr("Issues (%1, %2 tracking)")
            .replace("%1", str(len(f.issues)))
            .replace("%2", str(tracking)),
        )
        self.tabs.setTabText(
            3,
            self.tr("Aid (%1, total %2)")
            .replace("%1", str(len(f.aid)))
            .replace("%2", format_fen(f.aid_total_fen)),
        )
        for view in self.views.values():
            view.resizeColumnsToContents()
            for col in range(view.model().columnCount()):
                view.setColumnWidth(col, min(view.columnWidth(col), 320))
            view.horizontalHeader().setStretchLastSection(True)

    def print_file(self) -> None:
        if print_hook is not None:
            print_hook(self.ctx, self.household_uid, self)
