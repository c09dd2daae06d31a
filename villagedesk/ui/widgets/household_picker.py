"""Pick a household by typing: pinyin initials ("zs"), a name, a household number or digits.

Matches (households, and residents shown with their household) drop down under the
field while typing; Enter or a click picks one. Typing again clears the choice until a
new one is picked, so a half-typed name is never mistaken for a household.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QWidget

from villagedesk.core.records import Household
from villagedesk.storage.search import search
from villagedesk.ui.context import AppContext

UidRole = Qt.ItemDataRole.UserRole + 10
MAX_MATCHES = 30


class HouseholdPicker(QWidget):
    """A search field that resolves to one household; ``changed(uid)`` ("" when cleared)."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._uid: str | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Pinyin initials, name, household no. or phone"))
        self.edit.setClearButtonEnabled(True)
        self.info = QLabel()
        self.info.setObjectName("pickedHousehold")
        self.info.setStyleSheet("color: #1f4e79;")
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self)
        self.completer.setModel(self.model)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(10)
        # setWidget (not QLineEdit.setCompleter): we fill the list ourselves on each keystroke
        self.completer.setWidget(self.edit)
        self.completer.activated[QModelIndex].connect(self._picked)
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self._enter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.info)
        self.setFocusProxy(self.edit)

    # ---- public API --------------------------------------------------------------
    def household_uid(self) -> str | None:
        """The picked household, or None."""
        return self._uid

    def household(self) -> Household | None:
        """The picked household record, or None."""
        return self.ctx.db.households.get(self._uid) if self._uid else None

    def set_household(self, uid: str | None) -> None:
        """Show a household as picked (None clears)."""
        household = self.ctx.db.households.get(uid) if uid else None
        self._uid = household.uid if household else None
        self.edit.setText(household.head_name if household else "")
        self._show_info(household)
        self.changed.emit(self._uid or "")

    def matches(self) -> list[str]:
        """The lines the drop-down offers now (for tests and accessibility)."""
        return [self.model.item(r).text() for r in range(self.model.rowCount())]

    def pick_row(self, row: int) -> None:
        """Pick the household of a drop-down line."""
        self._picked(self.model.index(row, 0))

    # ---- behaviour ---------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if self._uid is not None:
            self._uid = None
            self._show_info(None)
            self.changed.emit("")
        self.model.clear()
        if not text.strip():
            self.completer.popup().hide()
            return
        groups = self.ctx.db.groups.names()
        seen: set[str] = set()
        for hit in search(self.ctx.db, text, limit=MAX_MATCHES):
            if hit.household_uid in seen:
                continue
            seen.add(hit.household_uid)
            household = self.ctx.db.households.get(hit.household_uid)
            group = groups.get(household.group_uid or "", "") if household else ""
            if hit.kind == "resident" and hit.relation != "户主":
                label = self.tr("%1 (%2 of head %3)").replace("%1", hit.name)
                label = label.replace("%2", hit.relation).replace("%3", hit.head_name)
            else:
                label = hit.head_name
            line = f"{label}　{hit.household_no}　{group}".rstrip()
            item = QStandardItem(line)
            item.setData(hit.household_uid, UidRole)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.completer.complete()
            self.completer.popup().setCurrentIndex(self.model.index(0, 0))
        else:
            self.completer.popup().hide()
            self.info.setText(self.tr("No household found"))

    def _enter(self) -> None:
        # Enter in the field with the list closed: take the first match if there is one
        if self._uid is None and self.model.rowCount():
            self.pick_row(0)

    def _picked(self, index: QModelIndex) -> None:
        uid = index.data(UidRole) if index.isValid() else None
        if not uid:
            return
        self.completer.popup().hide()
        self.set_household(uid)

    def _show_info(self, household: Household | None) -> None:
        if household is None:
            self.info.setText("")
            return
        group = self.ctx.db.groups.names().get(household.group_uid or "", "")
        self.info.setText(f"{household.household_no} {group}".strip())
