"""Typing the way a person does in the window tests (plain helpers, imported by the tests)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def ime(widget: QWidget, text: str) -> None:
    """Type Chinese the way a person does: the input method commits the characters."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
