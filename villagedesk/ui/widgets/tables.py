"""Table helpers the list pages share: set-up, newest-first sorting, column widths, selection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLayout,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.ui.widgets.table_model import RecordTableModel

NEWEST_FIRST = Qt.SortOrder.DescendingOrder


def make_table(
    model: RecordTableModel, *, sorted_by: int | None = None, wrap: bool = False
) -> QTableView:
    """A read-only, sortable, row-selecting table with alternating colours.

    ``sorted_by`` marks that column on the header as sorted newest first (the order the rows
    come in) before sorting is turned on, rather than Qt's default "first column ascending"."""
    table = QTableView()
    table.setModel(model)
    if sorted_by is not None:
        table.horizontalHeader().setSortIndicator(sorted_by, NEWEST_FIRST)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    if not wrap:
        table.setWordWrap(False)
    table.horizontalHeader().setResizeContentsPrecision(100)
    return table


def user_sorted(table: QTableView, default_column: int) -> bool:
    """Whether the user clicked the header away from the default newest-first order."""
    header = table.horizontalHeader()
    return (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
        default_column,
        NEWEST_FIRST,
    )


def sorted_like_header(table: QTableView, model: RecordTableModel, rows: list) -> list:
    """``rows`` in the order the table's header shows (unchanged when no column is sorted)."""
    header = table.horizontalHeader()
    if not rows or not 0 <= header.sortIndicatorSection() < model.columnCount():
        return rows
    scratch = RecordTableModel(model.columns)
    scratch.set_rows(rows)
    scratch.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    return scratch.records()


def fit_columns(table: QTableView, text_columns: Sequence[int], text_width: int) -> None:
    """Size the columns to their contents, long text columns no wider than ``text_width``."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for col in text_columns:
        header.resizeSection(col, min(header.sectionSize(col), text_width))


def current_record(table: QTableView, model: RecordTableModel) -> Any | None:
    """The record of the table's current row, if any."""
    index = table.currentIndex()
    return model.record(index.row()) if index.isValid() else None


def row_of(
    model: RecordTableModel, uid: str | None, key: Callable[[Any], str] = lambda r: r.uid
) -> int | None:
    """The row showing the record with this uid, if it is shown."""
    for row in range(model.rowCount()):
        if key(model.record(row)) == uid:
            return row
    return None


def table_over_details(
    page: QWidget, bar: QLayout, table: QWidget, details: Sequence[QWidget | QLayout]
) -> QSplitter:
    """Lay out a page: the filter bar, then the table over a pane of details (3 : 2)."""
    lower = QWidget()
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 4, 0, 0)
    for part in details:
        if isinstance(part, QLayout):
            lower_layout.addLayout(part)
        else:
            lower_layout.addWidget(part)
    split = QSplitter(Qt.Orientation.Vertical)
    split.addWidget(table)
    split.addWidget(lower)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.addLayout(bar)
    layout.addWidget(split, 1)
    return split
