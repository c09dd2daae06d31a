"""The search box at the top of the window: households and residents while you type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from villagedesk.ui.context import AppContext

if TYPE_CHECKING:
    from villagedesk.storage.search import SearchHit

DEBOUNCE_MS = 60
MAX_HITS = 30


class SearchPopup(QFrame):
    """A list under the search box that never takes the keyboard away from it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Household no."),
                self.tr("ID number"),
                self.tr("Phone"),
            ]  # fmt: skip
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)


class GlobalSearch(QLineEdit):
    """Type a name, pinyin initials (zs), ID digits or a phone; Enter opens the household."""

    household_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[SearchHit] = []
        self.setPlaceholderText(
            self.tr("Search households and residents: name, zs, ID, phone (Ctrl+F)")
        )
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(420)
        self._popup: SearchPopup | None = None  # made on the first search (not at startup)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(lambda t: None if t.strip() else self.hide_popup())

    @property
    def popup(self) -> SearchPopup:
        """The list of hits under the box (built on first use)."""
        if self._popup is None:
            self._popup = SearchPopup(self)
            self._popup.tree.itemClicked.connect(lambda item, _col: self._choose(item))
            # keep the popup under the box when the window moves (a Python event filter
            # costs on every event of the window, so only once there is a popup to move)
            self.window().installEventFilter(self)
        return self._popup

    def hide_popup(self) -> None:
        """Hide the hits (if they were ever shown)."""
        if self._popup is not None:
            self._popup.hide()

    # ---- searching ------------------------------------------------------------
    def run_search(self) -> None:
        """Search now (the debounce timer calls this) and show the popup."""
        from villagedesk.storage.search import search

        self._timer.stop()
        text = self.text().strip()
        self.hits = search(self.ctx.db, text, limit=MAX_HITS) if text else []
        tree = self.popup.tree
        tree.clear()
        if not self.hits:
            if text:
                item = QTreeWidgetItem([self.tr("Nothing found")])
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                tree.addTopLevelItem(item)
                self._show_popup()
            else:
                self.hide_popup()
            return
        for hit in self.hits:
            item = QTreeWidgetItem(
                [hit.name, hit.relation, hit.household_no, hit.masked_id(), hit.phone]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, hit.household_uid)
            if hit.relation != "户主":
                item.setToolTip(0, self.tr("Household of %1").replace("%1", hit.head_name))
            tree.addTopLevelItem(item)
        tree.setCurrentItem(tree.topLevelItem(0))
        self._show_popup()

    def _show_popup(self) -> None:
        tree = self.popup.tree
        for col in range(tree.columnCount()):
            tree.resizeColumnToContents(col)
        width = max(self.width(), sum(tree.columnWidth(c) for c in range(5)) + 24)
        rows = min(tree.topLevelItemCount(), 12)
        row_h = tree.sizeHintForRow(0) if rows else 20
        height = tree.header().sizeHint().height() + rows * max(row_h, 18) + 8
        self.popup.resize(width, height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()

    # ---- keyboard -----------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.run_search()
            if self._popup is not None:
                self._choose(self._popup.tree.currentItem())
            return
        if key == Qt.Key.Key_Escape:
            self.hide_popup()
            return
        if (
            key in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self._popup is not None
            and self._popup.isVisible()
        ):
            tree = self._popup.tree
            count = tree.topLevelItemCount()
            row = tree.indexOfTopLevelItem(tree.currentItem()) if tree.currentItem() else -1
            row = (row + (1 if key == Qt.Key.Key_Down else -1)) % max(count, 1)
            tree.setCurrentItem(tree.topLevelItem(row))
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt name
        # a click in the popup arrives after focus-out; hide a moment later
        QTimer.singleShot(150, self._hide_if_unfocused)
        super().focusOutEvent(event)

    def _hide_if_unfocused(self) -> None:
        if not self.hasFocus():
            self.hide_popup()

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        uid = item.data(0, Qt.ItemDataRole.UserRole)
        if not uid:
            return
        self.hide_popup()
        self.household_chosen.emit(uid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        # keep the popup under the box when the window moves
        popup = self._popup
        if popup is None or not popup.isVisible():
            return False
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            popup.move(self.mapToGlobal(QPoint(0, self.height())))
        return False
