"""Unexpected errors: logged to a file in the data folder and shown in a Chinese dialog.

Saved data is never at risk here: every save is one committed transaction, so an error
after it cannot undo it, and an error during it rolls back. The dialog offers the details
to copy so a user can send them to whoever helps them.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from villagedesk import __version__
from villagedesk.core.clock import now_iso

log = logging.getLogger(__name__)

LOG_NAME = "villagedesk-error.log"


def log_error(folder: Path, details: str) -> Path | None:
    """Append a traceback to the error log in ``folder``; where it went (None if it could not)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"---- {now_iso()} villagedesk {__version__}\n{details}\n")
        return path
    except OSError:
        return None


def show_error_dialog(summary: str, details: str, log_path: Path | None, parent=None) -> None:
    """The dialog a user sees for an unexpected error (details under “Show Details…”)."""
    from PySide6.QtWidgets import QMessageBox  # here: the class costs 1 ms of the app's start

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
    text = QCoreApplication.translate(
        "ErrorDialog",
        "Something went wrong that the program did not expect. "
        "Everything you saved before is safe in the database.",
    )
    box.setText(text)
    info = summary
    if log_path is not None:
        info += "\n\n" + QCoreApplication.translate(
            "ErrorDialog", "The details were written to %1"
        ).replace("%1", str(log_path))
    box.setInformativeText(info)
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class ErrorReporter(QObject):
    """Installed as sys.excepthook / threading.excepthook; shows errors on the UI thread."""

    _report = Signal(str, str)

    def __init__(self, log_folder: Path, *, show_dialog: bool = True) -> None:
        super().__init__()
        self.log_folder = Path(log_folder)
        self.show_dialog = show_dialog
        self.last: tuple[str, str, Path | None] | None = None
        self._showing = False
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._old_hook = sys.excepthook
        self._old_thread_hook = threading.excepthook

    def install(self) -> ErrorReporter:
        """Route unexpected exceptions from every thread to this reporter."""
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        """Put back the hooks that were there before."""
        sys.excepthook = self._old_hook
        threading.excepthook = self._old_thread_hook

    def excepthook(
        self, etype: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(etype, KeyboardInterrupt):
            self._old_hook(etype, value, tb)
            return
        details = "".join(traceback.format_exception(etype, value, tb))
        summary = f"{etype.__name__}: {value}"
        log.error("unexpected error\n%s", details)
        # Signals are thread-safe: the dialog always opens on the UI thread.
        self._report.emit(summary, details)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    @Slot(str, str)
    def _on_report(self, summary: str, details: str) -> None:
        path = log_error(self.log_folder, details)
        self.last = (summary, details, path)
        if not self.show_dialog or self._showing or QApplication.instance() is None:
            return
        self._showing = True  # one dialog at a time, even if errors repeat
        try:
            show_error_dialog(summary, details, path, QApplication.activeWindow())
        finally:
            self._showing = False


__all__ = ["ErrorReporter", "LOG_NAME", "log_error", "show_error_dialog"]
