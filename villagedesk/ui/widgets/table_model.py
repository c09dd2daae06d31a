"""A Qt table model over a list of records (Vorta-style), fetched to the view in pages.

Pages describe their columns once; the model keeps the records, gives the view only the
rows it has scrolled to (``fetchMore``), sorts on a separate sort value and hands back the
record behind a row through ``RecordRole``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")

RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 400

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, how to show a record, and how to sort it."""

    title: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    align_right: bool = False
    width: int | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows are records; columns are ``Column`` descriptions."""

    def __init__(self, columns: Sequence[Column[T]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []
        self._shown = 0
        self.highlight: Callable[[T], QColor | None] | None = None

    # ---- data ----------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row (the view keeps its sort column)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), PAGE_SIZE)
        self.endResetModel()

    def record(self, row: int) -> T:
        """The record shown at a row."""
        return self._rows[row]

    def records(self) -> list[T]:
        """All records (including those not yet fetched to the view)."""
        return list(self._rows)

    def total(self) -> int:
        """How many records the model holds."""
        return len(self._rows)

    # ---- Qt interface ----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        more = min(PAGE_SIZE, len(self._rows) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(rec)
        if role == SortRole:
            return (col.sort or col.text)(rec)
        if role == RecordRole:
            return rec
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight:
            color = self.highlight(rec)
            return QBrush(color) if color else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort or self.columns[column].text
        self.beginResetModel()
        self._rows.sort(
            key=lambda r: _sortable(key(r)), reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.endResetModel()


def _sortable(value: Any) -> tuple[int, Any]:
    # None sorts last; mixed types never raise
    if value is None or value == "":
        return (1, "")
    return (0, value) if isinstance(value, (int, float)) else (0, str(value))
