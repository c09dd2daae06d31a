"""The small dialogs of the checks page: pick the visit or aid record, or give the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PickDialog(QDialog):
    """Pick one record from a list, or make a new one with a form (``new_record``)."""

    def __init__(self, title: str, prompt: str, new_text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(560, 360)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.items = QListWidget()
        self.items.itemDoubleClicked.connect(lambda _i: self.accept())
        self.items.currentRowChanged.connect(self._update)
        self.new_button = QPushButton(new_text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.items, 1)
        layout.addLayout(bottom)
        self._update()

    def set_items(self, items: list[tuple[str, str]], select: str | None = None) -> None:
        """(uid, text) pairs; ``select`` picks one."""
        self.items.clear()
        for uid, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            self.items.addItem(item)
            if uid == select:
                self.items.setCurrentItem(item)
        if self.items.currentItem() is None and self.items.count():
            self.items.setCurrentRow(0)
        self._update()

    def chosen(self) -> str | None:
        """The uid picked."""
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.items.currentItem() is not None)


class NotEligibleDialog(QDialog):
    """Why the person does not qualify (the note is required)."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not eligible"))
        self.setMinimumWidth(480)
        label = QLabel(self.tr("Why does %1 not qualify?").replace("%1", name))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("e.g. costs already covered by insurance; income above the line")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
