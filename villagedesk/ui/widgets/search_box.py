"""The search box of the list pages: a clearable line edit that searches once typing pauses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

#: how long typing must pause before a page searches (one search per word, not per letter)
DEBOUNCE_MS = 150


def search_edit(placeholder: str, *, min_width: int | None = None) -> QLineEdit:
    """A search line edit with a clear button and a hint."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    if min_width is not None:
        edit.setMinimumWidth(min_width)
    return edit


def debounce(
    edit: QLineEdit, slot: Callable[[], None], parent: QObject, *, ms: int = DEBOUNCE_MS
) -> QTimer:
    """A single-shot timer that calls ``slot`` once typing in ``edit`` pauses for ``ms``.

    The caller keeps the timer: other changes (dates) may start it too, and a search run
    directly should stop it."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    edit.textChanged.connect(timer.start)
    return timer
