"""What every page is: a widget over the shared context that refreshes when data changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from villagedesk.ui.context import AppContext


class Page(QWidget):
    """Subclasses build their widgets in ``__init__`` and load data in ``refresh()``.

    ``watches`` lists the record kinds whose changes make this page reload.
    """

    watches: tuple[str, ...] = ()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        ctx.changed.connect(self._on_changed)

    def refresh(self) -> None:
        """Reload what the page shows from the database."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def _on_changed(self, kind: str) -> None:
        if kind == "*" or kind in self.watches or "*" in self.watches:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
