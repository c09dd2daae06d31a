"""A clickable line "待核查 N 人" (一比一派一查一救) that opens the monitoring checks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from villagedesk.ui.context import AppContext

OPEN_STYLE = (
    "QLabel { color: #b45309; background: #fff7ed; border: 1px solid #fdba74;"
    " border-radius: 4px; padding: 4px 10px; font-weight: bold; }"
    "QLabel:hover { background: #ffedd5; }"
)
NONE_STYLE = "QLabel { color: #666; padding: 4px 10px; } QLabel:hover { color: #1f4e79; }"
#: changes of these record kinds can change the number of open checks
WATCHED = ("check_task", "monitoring", "*")


class OpenChecksLabel(QLabel):
    """Shows how many monitoring checks are open; clicking opens the checks dialog."""

    clicked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count = 0
        self.dialog = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Monitoring lists (一比一派一查一救): people the team must check"))
        self.clicked.connect(self.open_checks)
        ctx.changed.connect(self._changed)
        self.setText(self.tr("Checks: …"))
        # the dashboard counts when its lists arrive, after the first paint: the window must
        # show at once, and counting needs the record classes (about 10 ms to create)

    def refresh(self) -> None:
        """Count the open checks again."""
        self.show_count(self.ctx.db.check_tasks.count_open())

    def show_count(self, count: int) -> None:
        """Show ``count`` open checks (counted elsewhere, e.g. with the dashboard's lists)."""
        self.count = count
        if self.count:
            self.setText(self.tr("%1 people to check at home ›").replace("%1", str(self.count)))
            self.setStyleSheet(OPEN_STYLE)
        else:
            self.setText(self.tr("No open monitoring checks ›"))
            self.setStyleSheet(NONE_STYLE)

    def _changed(self, kind: str) -> None:
        if kind in WATCHED:
            self.refresh()

    def open_checks(self):
        """Open the checks dialog (one at a time)."""
        from villagedesk.ui.pages.checks import ChecksDialog

        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ChecksDialog(self.ctx, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # finished, not destroyed: destroyed also fires while this label itself is being
        # deleted (the dialog is its child), and calling into it then crashes
        dialog.finished.connect(self._closed)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _closed(self, _result: int = 0) -> None:
        self.dialog = None

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
