"""问题台账: status tabs with counts, the ledger table, and the selected issue's details,
timeline and the workflow steps allowed from its status.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import IssueCategory, IssueStatus
from villagedesk.core.records import Issue
from villagedesk.services.figures import Month
from villagedesk.services.issues_queries import (
    FIGURES,
    OVERDUE,
    IssueFilter,
    IssueRow,
    find_issue_rows,
    search_issue_rows,
    status_counts,
)
from villagedesk.services.text_match import PinyinIndex
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.issue_detail import IssueDetailPane, _d, allowed_steps
from villagedesk.ui.pages.issue_dialogs import StepDialog
from villagedesk.ui.pages.issue_form import IssueForm
from villagedesk.ui.widgets.search_box import debounce, search_edit
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tables import (
    fit_columns,
    make_table,
    row_of,
    sorted_like_header,
    user_sorted,
)

OVERDUE_TINT = QColor("#fbe3e1")
#: rows loaded at most for a tab, category or figure (a village has a few hundred issues); the
#: search box filters the loaded rows in memory and the label says when the cap cut some off
ROW_CAP = 2000
#: the tabs, in order: None = all, then the statuses, then overdue
TAB_KEYS: list[str | None] = [None, *(s.value for s in IssueStatus), OVERDUE]

S = IssueStatus


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


class IssuesPage(IssueDetailPane, Page):
    """The issue ledger."""

    watches = ("issue", "household", "group", "visit")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.current: Issue | None = None
        self._status: str | None = None
        self._figure: tuple[str, str | None] | None = None  # (figure, month) from the dashboard
        self.loaded: list[IssueRow] = []
        self._shown_uid: str | None = None
        self._capped = False
        self._index: PinyinIndex | None = None
        self.search = search_edit(self.tr("Search number, request, reporter or head (pinyin)"))
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in IssueCategory:
            self.category.addItem(c.value, c.value)
        self.count_label = QLabel()
        # the dashboard figure whose rows are shown, removable
        self.figure_chip = QLabel()
        self.figure_chip.setStyleSheet(
            "background: #e3eefa; color: #1f4e79; border-radius: 3px; padding: 2px 6px;"
        )
        self.figure_clear = QToolButton()
        self.figure_clear.setText("✕")
        self.figure_clear.setToolTip(self.tr("Show all issues again"))
        self.figure_clear.clicked.connect(self.clear_figure)
        self.figure_chip.hide()
        self.figure_clear.hide()
        self.new_button = QPushButton(self.tr("New issue"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.figure_chip)
        bar.addWidget(self.figure_clear)
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
        # the rows come newest first (by 收集日期)
        self.table = make_table(self.model, sorted_by=2, wrap=True)
        self.table.horizontalHeader().setHighlightSections(False)
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
        self.timer = debounce(self.search, self.apply_search, self)
        self.category.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_issue())
        # loaded stays in the header's sort order, so a keystroke filters without sorting
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_loaded)
        self.new_button.clicked.connect(self.new_issue)
        self.edit_button.clicked.connect(self.edit_issue)
        self.delete_button.clicked.connect(self.delete_issue)
        self.show_issue(None)

    # ---- data ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the tab counts, the rows of the tab/category/figure and the selected issue."""
        now = today()
        counts = status_counts(self.ctx.db, today=now)
        names = [self.tr("All"), *(s.value for s in IssueStatus), self.tr("Overdue")]
        for i, key in enumerate(TAB_KEYS):
            self.tabs.setTabText(i, f"{names[i]} ({counts.get(key, 0)})")
        self.tabs.setTabTextColor(
            len(TAB_KEYS) - 1, QColor("#b00020") if counts[OVERDUE] else QColor()
        )
        figure, month = self._figure or (None, None)
        flt = IssueFilter(
            status=self._status, category=self.category.currentData(), figure=figure, month=month
        )
        self.model.columns = issue_columns(now)
        rows = find_issue_rows(self.ctx.db, flt, today=now, limit=ROW_CAP + 1)
        self._capped = len(rows) > ROW_CAP
        self.loaded = rows[:ROW_CAP]
        self._index = PinyinIndex.load(self.ctx.db)
        keep = self.current.uid if self.current else None
        self._shown_uid = (
            None  # show the selected issue again from the database: it may have changed
        )
        if user_sorted(self.table, 2):
            self._sort_loaded()  # keep the order the user clicked for
        self._filter(keep)
        if not self._sized and self.model.total():
            # size the columns once, from the first rows; later loads keep the user's widths
            self._sized = True
            fit_columns(self.table, (COL_DESCRIPTION,), 240)

    def _sort_loaded(self, *_args) -> None:
        self.loaded = sorted_like_header(self.table, self.model, self.loaded)

    def apply_search(self) -> None:
        """Filter the loaded rows by the search box (the debounce timer calls this)."""
        self.timer.stop()
        self._filter(self.current.uid if self.current else None)

    def _filter(self, keep: str | None) -> None:
        text = self.search.text()
        rows = search_issue_rows(self.loaded, text, self._index)
        self.model.set_rows(rows)
        searching = bool(text.strip())
        if self._capped and searching:
            label = self.tr("%1 of the first %2 issues match; pick a tab to search the others")
            label = label.replace("%1", str(len(rows))).replace("%2", str(len(self.loaded)))
        elif self._capped:
            label = self.tr("First %1 shown; narrow the filter to see the others")
            label = label.replace("%1", str(len(self.loaded)))
        elif searching:
            label = self.tr("%1 of %2 issues")
            label = label.replace("%1", str(len(rows))).replace("%2", str(len(self.loaded)))
        else:
            label = self.tr("%1 issues").replace("%1", str(len(self.loaded)))
        self.count_label.setText(label)
        self._select(keep)

    def _select(self, uid: str | None) -> None:
        row = row_of(self.model, uid, key=lambda r: r.issue.uid)
        if row is not None:
            self.table.selectRow(row)
            self._show_uid(uid)
            return
        self.table.clearSelection()
        if self.model.rowCount():
            self.table.selectRow(0)  # show the first issue's details rather than a blank pane
            self._show_uid(self.model.record(0).issue.uid)
        else:
            self._shown_uid = None
            self.show_issue(None)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            self._shown_uid = None
            self.show_issue(None)
            return
        self._show_uid(self.model.record(current.row()).issue.uid)

    def _show_uid(self, uid: str) -> None:
        if uid == self._shown_uid and self.current is not None:
            return  # already shown: a keystroke that kept the selected issue
        self._shown_uid = uid
        self.show_issue(self.ctx.db.issues.get(uid))

    def _tab_changed(self, index: int) -> None:
        self._status = TAB_KEYS[index] if 0 <= index < len(TAB_KEYS) else None
        self.refresh()

    def figure_filter(self) -> tuple[str, str | None] | None:
        """The dashboard figure (figure, month or None) whose rows are shown, if any."""
        return self._figure

    # ---- public API ----------------------------------------------------------------
    def apply_filter(
        self,
        status: str | None = None,
        overdue: bool = False,
        figure: str | None = None,
        month: str | None = None,
    ) -> None:
        """Show one status (an IssueStatus value), the overdue issues, or exactly the issues a
        dashboard figure counts (``figure`` in FIGURES; with ``month`` YYYY-MM that month's
        figure, else the cumulative one) under a removable chip; clears the search."""
        if figure is not None and figure not in FIGURES:
            raise ValueError(f"unknown figure {figure!r}")
        key = OVERDUE if overdue else (IssueStatus(status).value if status else None)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.category.blockSignals(True)
        self.category.setCurrentIndex(0)
        self.category.blockSignals(False)
        self._status = key
        self._figure = (figure, str(Month.parse(month)) if month else None) if figure else None
        self._show_figure_chip()
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        self.tabs.blockSignals(False)
        self.refresh()

    def clear_figure(self) -> None:
        """Remove the dashboard figure's filter (the chip's ✕)."""
        self._figure = None
        self._show_figure_chip()
        self.refresh()

    def _show_figure_chip(self) -> None:
        if self._figure is None:
            self.figure_chip.hide()
            self.figure_clear.hide()
            return
        figure, month = self._figure
        names = {
            "collected": self.tr("collected"),
            "solved": self.tr("solved"),
            "explained": self.tr("explained"),
            "tracking": self.tr("still tracking"),
            "overdue": self.tr("overdue"),
        }
        scope = Month.parse(month).chinese() if month else self.tr("Cumulative")
        self.figure_chip.setText(
            self.tr("Dashboard figure: %1 %2").replace("%1", scope).replace("%2", names[figure])
        )
        self.figure_chip.show()
        self.figure_clear.show()

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
