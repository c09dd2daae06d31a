"""问题台账: status tabs with counts, the ledger table, and the selected issue's details,
timeline and the workflow steps allowed from its status.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import IssueCategory, IssueStatus
from villagedesk.core.records import Issue, IssueEvent
from villagedesk.services.issues_queries import (
    OVERDUE,
    IssueFilter,
    IssueRow,
    find_issue_rows,
    status_counts,
)
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.issue_dialogs import (
    AssignDialog,
    ConcludeDialog,
    FollowUpDialog,
    ProgressDialog,
    ReopenDialog,
    StepDialog,
)
from villagedesk.ui.pages.issue_form import IssueForm
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

OVERDUE_TINT = QColor("#fbe3e1")
DEBOUNCE_MS = 150
#: rows loaded into the table at most: keeps a keystroke fast on a whole township's ledger
ROW_CAP = 2000
#: the tabs, in order: None = all, then the statuses, then overdue
TAB_KEYS: list[str | None] = [None, *(s.value for s in IssueStatus), OVERDUE]

S = IssueStatus


def allowed_steps(issue: Issue) -> dict[str, bool]:
    """Which workflow buttons make sense from the issue's status."""
    return {
        "assign": issue.status in (S.REGISTERED, S.IN_PROGRESS),
        "progress": issue.status == S.IN_PROGRESS,
        "conclude": issue.status == S.IN_PROGRESS,
        "follow_up": issue.status == S.DONE,
        "reopen": issue.status == S.DONE,
    }


def _d(value) -> str:
    return value.isoformat() if value else ""


def issue_columns(now) -> list[Column[IssueRow]]:
    """The ledger's columns as the township's 问题台账 lists them, except that the status comes
    second: on a laptop screen it (and how overdue) must be seen without scrolling."""

    def status(r: IssueRow) -> str:
        days = r.overdue_days(now)
        if not days:
            return r.issue.status.value
        late = QCoreApplication.translate("IssuesPage", " (overdue %1 days)")
        return r.issue.status.value + late.replace("%1", str(days))

    return [
        Column(QCoreApplication.translate("IssuesPage", "No."), lambda r: r.issue.number),
        Column(QCoreApplication.translate("IssuesPage", "Status"), status, sort=lambda r: (list(S).index(r.issue.status), r.overdue_days(now))),
        Column(QCoreApplication.translate("IssuesPage", "Registered"), lambda r: _d(r.issue.collected_date)),
        Column(QCoreApplication.translate("IssuesPage", "Source"), lambda r: r.issue.source.value),
        Column(QCoreApplication.translate("IssuesPage", "Reporter / head"), lambda r: r.issue.reporter or r.head_name),
        Column(QCoreApplication.translate("IssuesPage", "Village group"), lambda r: r.group_name),
        Column(QCoreApplication.translate("IssuesPage", "Category"), lambda r: r.issue.category.value),
        Column(QCoreApplication.translate("IssuesPage", "Request"), lambda r: r.issue.description),
        Column(QCoreApplication.translate("IssuesPage", "Handled at"), lambda r: r.issue.level.value if r.issue.level else ""),
        Column(QCoreApplication.translate("IssuesPage", "Mode"), lambda r: r.issue.handling_mode.value if r.issue.handling_mode else ""),
        Column(QCoreApplication.translate("IssuesPage", "Responsible"), lambda r: r.issue.owner),
        Column(QCoreApplication.translate("IssuesPage", "Deadline"), lambda r: _d(r.issue.deadline)),
        Column(QCoreApplication.translate("IssuesPage", "Done on"), lambda r: _d(r.issue.done_date)),
        Column(QCoreApplication.translate("IssuesPage", "Satisfaction"), lambda r: r.issue.satisfaction.value if r.issue.satisfaction else ""),
    ]  # fmt: skip


COL_STATUS = 1
COL_DESCRIPTION = 7


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


class IssuesPage(Page):
    """The issue ledger."""

    watches = ("issue", "household", "group", "visit")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: Issue | None = None
        self._status: str | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, request, reporter or head (pinyin)"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in IssueCategory:
            self.category.addItem(c.value, c.value)
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New issue"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for b in (self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for _ in TAB_KEYS:
            self.tabs.addTab("")
        self.model: RecordTableModel[IssueRow] = RecordTableModel(issue_columns(today()), self)
        self.model.highlight = lambda r: OVERDUE_TINT if r.overdue_days(today()) else None
        self.table = QTableView()
        self.table.setModel(self.model)
        # the rows come newest first: say so, rather than Qt's default "first column ascending"
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setResizeContentsPrecision(100)
        self._sized = False
        self._build_detail()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setSizes([820, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        layout.addWidget(split, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.category.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_issue())
        self.new_button.clicked.connect(self.new_issue)
        self.edit_button.clicked.connect(self.edit_issue)
        self.delete_button.clicked.connect(self.delete_issue)
        self.show_issue(None)

    # ---- detail pane ---------------------------------------------------------------
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
        self.assign_button = QPushButton(self.tr("Escalate / assign"))
        self.progress_button = QPushButton(self.tr("Record progress"))
        self.conclude_button = QPushButton(self.tr("Conclude"))
        self.follow_up_button = QPushButton(self.tr("Follow up and close"))
        self.reopen_button = QPushButton(self.tr("Handle again"))
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
        box.addWidget(QLabel(self.tr("Timeline")))
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
            self.title.setText(self.tr("Select an issue to see its details"))
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
            deadline += self.tr(" (overdue %1 days)").replace("%1", str(days))
        rows = [
            (self.tr("Request"), i.description),
            (self.tr("Category"), i.category.value),
            (self.tr("Source"), i.source.value),
            (self.tr("Reporter"), i.reporter),
            (self.tr("Household"), f"{household.head_name} {household.household_no}" if household else ""),
            (self.tr("Registered"), _d(i.collected_date)),
            (self.tr("Handled at"), i.level.value if i.level else ""),
            (self.tr("Mode"), i.handling_mode.value if i.handling_mode else ""),
            (self.tr("Responsible"), i.owner),
            (self.tr("Deadline"), deadline),
            (self.tr("Progress"), i.progress),
            (self.tr("Outcome"), i.outcome.value if i.outcome else ""),
            (self.tr("Result"), i.result),
            (self.tr("Done on"), _d(i.done_date)),
            (self.tr("Satisfaction"), i.satisfaction.value if i.satisfaction else ""),
            (self.tr("Follow-up notes"), i.follow_up),
        ]  # fmt: skip
        deadline_label = self.tr("Deadline")
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

    # ---- data ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the tab counts, the table and the selected issue."""
        now = today()
        counts = status_counts(self.ctx.db, today=now)
        names = [self.tr("All"), *(s.value for s in IssueStatus), self.tr("Overdue")]
        for i, key in enumerate(TAB_KEYS):
            self.tabs.setTabText(i, f"{names[i]} ({counts.get(key, 0)})")
        self.tabs.setTabTextColor(
            len(TAB_KEYS) - 1, QColor("#b00020") if counts[OVERDUE] else QColor()
        )
        flt = IssueFilter(
            status=self._status, text=self.search.text(), category=self.category.currentData()
        )
        keep = self.current.uid if self.current else None
        self.model.columns = issue_columns(now)
        rows = find_issue_rows(self.ctx.db, flt, today=now, limit=ROW_CAP + 1)
        capped = len(rows) > ROW_CAP
        self.model.set_rows(rows[:ROW_CAP])
        header = self.table.horizontalHeader()
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            2,
            Qt.SortOrder.DescendingOrder,
        ):
            # keep the order the user clicked for
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if capped:
            text = self.tr("First %1 shown; narrow the filter to see the others")
        else:
            text = self.tr("%1 issues")
        self.count_label.setText(text.replace("%1", str(self.model.total())))
        if not self._sized and self.model.total():
            # size the columns once, from the first rows; later loads keep the user's widths
            self._sized = True
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            header.resizeSection(COL_DESCRIPTION, min(header.sectionSize(COL_DESCRIPTION), 240))
        self._select(keep)

    def _select(self, uid: str | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.record(row).issue.uid == uid:
                self.table.selectRow(row)
                self.show_issue(self.ctx.db.issues.get(uid))
                return
        self.table.clearSelection()
        if self.model.rowCount():
            self.table.selectRow(0)  # show the first issue's details rather than a blank pane
        else:
            self.show_issue(None)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            self.show_issue(None)
            return
        self.show_issue(self.ctx.db.issues.get(self.model.record(current.row()).issue.uid))

    def _tab_changed(self, index: int) -> None:
        self._status = TAB_KEYS[index] if 0 <= index < len(TAB_KEYS) else None
        self.refresh()

    # ---- public API ----------------------------------------------------------------
    def apply_filter(self, status: str | None = None, overdue: bool = False) -> None:
        """Show one status (an IssueStatus value), or the overdue issues; clears the search."""
        key = OVERDUE if overdue else (IssueStatus(status).value if status else None)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.category.blockSignals(True)
        self.category.setCurrentIndex(0)
        self.category.blockSignals(False)
        self._status = key
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        self.tabs.blockSignals(False)
        self.refresh()

    def select_issue(self, uid: str) -> None:
        """Select an issue in the table (switching to the 全部 tab if it is not shown)."""
        if not any(self.model.record(r).issue.uid == uid for r in range(self.model.total())):
            self.apply_filter()
        while self.model.canFetchMore():
            self.model.fetchMore()
        self._select(uid)

    def new_issue(self) -> Issue | None:
        """Register a new issue through the form; returns it when saved."""
        form = IssueForm(self.ctx, parent=self)
        if form.exec() and form.saved is not None:
            self.select_issue(form.saved.uid)
            return form.saved
        return None

    def edit_issue(self) -> None:
        """Correct the registered facts of the selected issue."""
        if self.current is None:
            return
        form = IssueForm(self.ctx, self.current, parent=self)
        if form.exec():
            self.refresh()

    def delete_issue(self) -> None:
        """Move the selected issue to the recycle bin after asking."""
        if self.current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete issue"),
            self.tr("Move issue %1 to the recycle bin?").replace("%1", self.current.number),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.issues.delete(self.current.uid)
        self.current = None
        self.ctx.notify("issue")
        self.refresh()

    def step_dialog(self, key: str) -> StepDialog | None:
        """The dialog of a workflow step for the selected issue (None if not allowed)."""
        if self.current is None or not allowed_steps(self.current)[key]:
            return None
        return self.step_buttons[key][1](self.ctx, self.current, self)

    def run_step(self, key: str) -> None:
        """Open a step's dialog; after saving, show the changed issue."""
        dialog = self.step_dialog(key)
        if dialog is not None and dialog.exec() and dialog.saved is not None:
            self.refresh()
            self._select(dialog.saved.uid)
