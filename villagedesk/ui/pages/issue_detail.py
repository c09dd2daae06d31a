"""The 问题台账 page's detail pane: the selected issue's facts, its timeline and the workflow
steps allowed from its status (a mixin of IssuesPage, kept apart to keep files small)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import IssueStatus
from villagedesk.core.records import Issue, IssueEvent
from villagedesk.ui.pages.issue_dialogs import (
    AssignDialog,
    ConcludeDialog,
    FollowUpDialog,
    ProgressDialog,
    ReopenDialog,
)
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

S = IssueStatus


def _d(value) -> str:
    return value.isoformat() if value else ""


def allowed_steps(issue: Issue) -> dict[str, bool]:
    """Which workflow buttons make sense from the issue's status."""
    return {
        "assign": issue.status in (S.REGISTERED, S.IN_PROGRESS),
        "progress": issue.status == S.IN_PROGRESS,
        "conclude": issue.status == S.IN_PROGRESS,
        "follow_up": issue.status == S.DONE,
        "reopen": issue.status == S.DONE,
    }


def event_columns() -> list[Column[IssueEvent]]:
    """The timeline's columns."""
    return [
        Column(QCoreApplication.translate("IssuesPage", "Date"), lambda e: _d(e.date)),
        Column(QCoreApplication.translate("IssuesPage", "Step"), lambda e: e.kind.value),
        Column(QCoreApplication.translate("IssuesPage", "By"), lambda e: e.actor),
        Column(
            QCoreApplication.translate("IssuesPage", "Level"),
            lambda e: e.level.value if e.level else "",
        ),
        Column(QCoreApplication.translate("IssuesPage", "Note"), lambda e: e.note),
    ]


class IssueDetailPane:
    """Builds ``self.detail`` and shows an issue in it; mixed into IssuesPage (a QWidget)."""

    ctx: object
    edit_button: QPushButton
    delete_button: QPushButton

    def _build_detail(self) -> None:
        self.detail = QWidget()
        self.detail.setMinimumWidth(330)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f4e79;")
        self.title.setWordWrap(True)
        self.facts = QTextBrowser()
        self.facts.setOpenLinks(False)
        self.events = RecordTableModel(event_columns(), self)
        self.timeline = QTableView()
        self.timeline.setModel(self.events)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.verticalHeader().setDefaultSectionSize(24)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assign_button = QPushButton(
            QCoreApplication.translate("IssuesPage", "Escalate / assign")
        )
        self.progress_button = QPushButton(
            QCoreApplication.translate("IssuesPage", "Record progress")
        )
        self.conclude_button = QPushButton(QCoreApplication.translate("IssuesPage", "Conclude"))
        self.follow_up_button = QPushButton(
            QCoreApplication.translate("IssuesPage", "Follow up and close")
        )
        self.reopen_button = QPushButton(QCoreApplication.translate("IssuesPage", "Handle again"))
        self.step_buttons = {
            "assign": (self.assign_button, AssignDialog),
            "progress": (self.progress_button, ProgressDialog),
            "conclude": (self.conclude_button, ConcludeDialog),
            "follow_up": (self.follow_up_button, FollowUpDialog),
            "reopen": (self.reopen_button, ReopenDialog),
        }
        grid = QGridLayout()
        for i, (key, (button, _)) in enumerate(self.step_buttons.items()):
            grid.addWidget(button, i // 3, i % 3)
            button.clicked.connect(lambda _c=False, k=key: self.run_step(k))
        box = QVBoxLayout(self.detail)
        box.setContentsMargins(4, 0, 0, 0)
        box.addWidget(self.title)
        box.addLayout(grid)
        box.addWidget(self.facts, 3)
        box.addWidget(QLabel(QCoreApplication.translate("IssuesPage", "Timeline")))
        box.addWidget(self.timeline, 2)

    def show_issue(self, issue: Issue | None) -> None:
        """Show an issue's fields, timeline and allowed steps (None: nothing selected)."""
        self.current = issue
        allowed = allowed_steps(issue) if issue else dict.fromkeys(self.step_buttons, False)
        for key, (button, _) in self.step_buttons.items():
            button.setEnabled(allowed[key])
        self.edit_button.setEnabled(issue is not None)
        self.delete_button.setEnabled(issue is not None)
        if issue is None:
            self.title.setText(
                QCoreApplication.translate("IssuesPage", "Select an issue to see its details")
            )
            self.facts.clear()
            self.events.set_rows([])
            return
        self.title.setText(f"{issue.number}　{issue.status.value}")
        self.facts.setHtml(self._facts_html(issue))
        self.events.set_rows(issue.events)
        # the note (last column) takes what is left; its full text is in the tooltip
        for col in range(self.events.columnCount() - 1):
            self.timeline.resizeColumnToContents(col)

    def _facts_html(self, i: Issue) -> str:
        household = self.ctx.db.households.get(i.household_uid) if i.household_uid else None
        days = (today() - i.deadline).days if i.is_overdue(today()) and i.deadline else 0
        deadline = _d(i.deadline)
        if days:
            deadline += QCoreApplication.translate("IssuesPage", " (overdue %1 days)").replace(
                "%1", str(days)
            )
        rows = [
            (QCoreApplication.translate("IssuesPage", "Request"), i.description),
            (QCoreApplication.translate("IssuesPage", "Category"), i.category.value),
            (QCoreApplication.translate("IssuesPage", "Source"), i.source.value),
            (QCoreApplication.translate("IssuesPage", "Reporter"), i.reporter),
            (QCoreApplication.translate("IssuesPage", "Household"), f"{household.head_name} {household.household_no}" if household else ""),
            (QCoreApplication.translate("IssuesPage", "Registered"), _d(i.collected_date)),
            (QCoreApplication.translate("IssuesPage", "Handled at"), i.level.value if i.level else ""),
            (QCoreApplication.translate("IssuesPage", "Mode"), i.handling_mode.value if i.handling_mode else ""),
            (QCoreApplication.translate("IssuesPage", "Responsible"), i.owner),
            (QCoreApplication.translate("IssuesPage", "Deadline"), deadline),
            (QCoreApplication.translate("IssuesPage", "Progress"), i.progress),
            (QCoreApplication.translate("IssuesPage", "Outcome"), i.outcome.value if i.outcome else ""),
            (QCoreApplication.translate("IssuesPage", "Result"), i.result),
            (QCoreApplication.translate("IssuesPage", "Done on"), _d(i.done_date)),
            (QCoreApplication.translate("IssuesPage", "Satisfaction"), i.satisfaction.value if i.satisfaction else ""),
            (QCoreApplication.translate("IssuesPage", "Follow-up notes"), i.follow_up),
        ]  # fmt: skip
        deadline_label = QCoreApplication.translate("IssuesPage", "Deadline")
        cells = []
        for k, v in rows:
            if not v:
                continue
            style = " style='color:#b00020'" if k == deadline_label and days else ""
            cells.append(
                f"<tr><td style='color:#555; padding-right:8px; white-space:nowrap'>{escape(k)}</td>"
                f"<td{style}>{escape(v)}</td></tr>"
            )
        return f"<table cellspacing='2'>{''.join(cells)}</table>"
