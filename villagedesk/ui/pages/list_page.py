"""What the 帮扶慰问, 为民办实事, 活动会议 and 驻村日志 pages share.

A filter bar (search-as-you-type, a kind combo, a period combo with a date range), a sortable
table over ``RecordTableModel``, and 新建/修改/删除 buttons that open the page's form.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.services.figures import Month
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.issue_form import date_edit, get_date
from villagedesk.ui.widgets.search_box import debounce, search_edit
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tables import (
    current_record,
    fit_columns,
    make_table,
    row_of,
    user_sorted,
)

CUSTOM = "custom"
#: widest a long text column starts (the tooltip and the form show it in full)
TEXT_COLUMN_WIDTH = 220


class ListPage(Page):
    """A table of one record kind with a filter bar; subclasses fill in the specifics."""

    #: the repository attribute of ``ctx.db`` (``"aid"``, ``"deeds"`` …)
    repo_name = ""
    #: the kind passed to ``ctx.notify`` after a change
    kind = ""
    #: columns that hold long text (width capped once after the first load)
    text_columns: tuple[int, ...] = ()
    #: whether the bar has a period (month / date range) filter
    has_period = True
    #: widest a long text column starts
    text_width = TEXT_COLUMN_WIDTH

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = search_edit(self.search_hint())
        self.kind_combo = QComboBox()
        self.period = QComboBox()
        self.start = date_edit(today() - timedelta(days=30))
        self.end = date_edit(today())
        self.count_label = QLabel()
        self.new_button = QPushButton(self.new_text())
        self.edit_button = QPushButton(QCoreApplication.translate("ListPage", "Edit"))
        self.delete_button = QPushButton(QCoreApplication.translate("ListPage", "Delete"))
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search, 3)
        self.bar.addWidget(self.kind_combo)
        for w in self.extra_filters():
            self.bar.addWidget(w)
        if self.has_period:
            for w in (self.period, self.start, self.end):
                self.bar.addWidget(w)
        else:
            self.period.hide()
            self.start.hide()
            self.end.hide()
        self.bar.addWidget(self.count_label)
        self.bar.addStretch(1)
        for b in (self.new_button, self.edit_button, self.delete_button):
            self.bar.addWidget(b)
        self.model: RecordTableModel[Any] = RecordTableModel(self.columns(), self)
        self.model.highlight = self.highlight
        self.table = make_table(self.model)
        # rows arrive newest first: say so on the header
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self._sized = False
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.bar)
        self.layout_.addWidget(self.body(), 1)
        self.timer = debounce(self.search, self.reload_rows, self)
        self.kind_combo.currentIndexChanged.connect(self.reload_rows)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self.timer.start)
        self.end.dateChanged.connect(self.timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_record())
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.fill_kinds(self.kind_combo)
        self._fill_periods()
        self._period_changed()

    # ---- what subclasses say -----------------------------------------------------------
    def search_hint(self) -> str:
        return ""

    def new_text(self) -> str:
        return QCoreApplication.translate("ListPage", "New")

    def columns(self) -> Sequence[Column]:
        raise NotImplementedError

    def fill_kinds(self, combo: QComboBox) -> None:
        """Fill the kind/status combo (first item: all)."""
        combo.hide()

    def extra_filters(self) -> list[QWidget]:
        return []

    def body(self) -> QWidget:
        """What sits under the filter bar (the table; a page may wrap it)."""
        return self.table

    def load(self, text: str, kind: Any, start: date | None, end: date | None) -> list[Any]:
        raise NotImplementedError

    def months(self) -> list[str]:
        """Months with records, newest first (offered in the period combo)."""
        return []

    def form(self, record: Any | None):
        """The form dialog for a new (None) or existing record."""
        raise NotImplementedError

    def highlight(self, row: Any):
        return None

    def loaded(self, rows: list[Any]) -> None:
        """Called after each reload (totals, summaries)."""

    def delete_question(self) -> str:
        return QCoreApplication.translate("ListPage", "Move this record to the recycle bin?")

    # ---- filter bar --------------------------------------------------------------------
    def _fill_periods(self) -> None:
        keep = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(QCoreApplication.translate("ListPage", "All dates"), None)
        this = Month.of(today())
        months = [str(this), str(this.previous())]
        months += [m for m in self.months() if m not in months]
        for m in months:
            self.period.addItem(Month.parse(m).chinese(), m)
        self.period.addItem(QCoreApplication.translate("ListPage", "Date range…"), CUSTOM)
        self.period.setCurrentIndex(max(self.period.findData(keep), 0))
        self.period.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.has_period and self.period.currentData() == CUSTOM
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        self.reload_rows()

    def period_range(self) -> tuple[date | None, date | None]:
        """The dates the period combo asks for (None: open)."""
        period = self.period.currentData()
        if period == CUSTOM:
            return get_date(self.start), get_date(self.end)
        if period:
            month = Month.parse(period)
            return month.first, month.last
        return None, None

    # ---- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the filter choices and the rows."""
        self._fill_periods()
        self.reload_rows()

    def reload_rows(self) -> None:
        """Reload the rows matching the filter bar."""
        keep = self.selected_uid()
        start, end = self.period_range()
        rows = self.load(self.search.text(), self.kind_combo.currentData(), start, end)
        self.model.set_rows(rows)
        if user_sorted(self.table, 0):
            # keep the order the user chose by clicking a header
            header = self.table.horizontalHeader()
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count_label.setText(
            QCoreApplication.translate("ListPage", "%1 records").replace("%1", str(len(rows)))
        )
        if not self._sized and rows:
            # size the columns once; later loads keep the user's widths
            self._sized = True
            fit_columns(self.table, self.text_columns, self.text_width)
            self.table.horizontalHeader().setStretchLastSection(True)
        self.loaded(rows)
        self.select_uid(keep)

    def selected_uid(self) -> str | None:
        """The uid of the selected row."""
        record = current_record(self.table, self.model)
        return record.uid if record is not None else None

    def select_uid(self, uid: str | None) -> None:
        """Select a record's row if it is shown (else the first row)."""
        row = row_of(self.model, uid)
        if row is not None:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._row_changed(self.table.currentIndex(), None)

    def _row_changed(self, current, _previous) -> None:
        has = current is not None and current.isValid()
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.show_detail(self.model.record(current.row()) if has else None)

    def show_detail(self, record: Any | None) -> None:
        """Show the selected record in a detail pane (pages that have one)."""

    # ---- actions -----------------------------------------------------------------------
    def _repo(self):
        return getattr(self.ctx.db, self.repo_name)

    def new_record(self):
        """Open the form for a new record; returns it once saved (else None)."""
        dialog = self.form(None)
        if dialog.exec() and dialog.saved is not None:
            self.ctx.notify(self.kind)
            self.refresh()
            self.select_uid(dialog.saved.uid)
            return dialog.saved
        return None

    def edit_record(self):
        """Edit the selected record; returns it once saved (else None)."""
        uid = self.selected_uid()
        record = self._repo().get(uid) if uid else None
        if record is None:
            return None
        dialog = self.form(record)
        if dialog.exec() and dialog.saved is not None:
            self.ctx.notify(self.kind)
            self.refresh()
            return dialog.saved
        return None

    def delete_record(self) -> bool:
        """Move the selected record to the recycle bin after asking."""
        uid = self.selected_uid()
        if uid is None:
            return False
        answer = QMessageBox.question(
            self, QCoreApplication.translate("ListPage", "Delete"), self.delete_question()
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self._repo().delete(uid)
        self.ctx.notify(self.kind)
        self.refresh()
        return True
