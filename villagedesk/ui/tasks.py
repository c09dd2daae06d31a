"""Long work (exports, imports, backups, big queries) on a thread pool, results on the UI thread.

Like Anki's QueryOp: ``run_task(fn, on_success=…, on_failure=…, on_progress=…)``. ``fn``
receives a ``TaskControl`` to report progress and to see whether the user cancelled; it
must never touch a widget, and it opens its own database connection if it needs one.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from villagedesk.core.validation import ValidationError
from villagedesk.storage.errors import StorageError

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised inside a task when the user pressed cancel."""


class TaskControl:
    """Handed to the task function: progress reporting and cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self.cancelled = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises TaskCancelled once the user has cancelled."""
        if self.cancelled:
            raise TaskCancelled
        self._signals.progress.emit(done, total, text)


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, str)  # user message, technical details
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], signals: _Signals, control: TaskControl):
        super().__init__()
        self.fn, self.signals, self.control = fn, signals, control
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.control)
        except TaskCancelled:
            self._emit(self.signals.failed, "", "cancelled")
        except (ValidationError, StorageError) as exc:
            self._emit(self.signals.failed, str(exc), "")
        except Exception as exc:  # shown to the user with details to copy, and logged
            log.exception("background task failed")
            self._emit(self.signals.failed, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._emit(self.signals.finished)

    @staticmethod
    def _emit(signal, *args) -> None:
        # the app may have quit (and deleted the receiver) while the task was still running
        try:
            signal.emit(*args)
        except RuntimeError:
            log.info("task finished after its receiver was deleted")


class TaskHandle(QObject):
    """A running task: connect to its signals or call ``cancel()``."""

    def __init__(self, signals: _Signals, control: TaskControl) -> None:
        super().__init__(signals)
        self.signals = signals
        self.control = control

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self.control.cancelled = True


_live: set[_Signals] = set()  # keep signal objects alive until the task finishes


def _receiver_may_be_gone(callback: Callable[..., None]) -> Callable[..., None]:
    # a page or dialog closed while its task ran: its answer has nobody to go to
    def call(*args: Any) -> None:
        try:
            callback(*args)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            log.info("task result dropped: its receiver was deleted")

    return call


def preload(modules: Iterable[str]) -> None:
    """Import modules on the UI thread before a task needs them.

    A first import inside a worker thread, while the UI thread runs Python, can crash the
    interpreter under PySide6's import hook; tasks name what they import instead.
    """
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:  # the task reports a missing optional module itself
            log.info("could not preload %s", name)
            continue
        if name == "villagedesk.core.pinyin":
            from villagedesk.core.pinyin import name_keys

            name_keys("张三")  # pypinyin imports its dictionaries on first use


def run_task(
    fn: Callable[[TaskControl], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    modules: Iterable[str] = (),
) -> TaskHandle:
    """Run ``fn(control)`` in the background; callbacks arrive on the UI thread.

    ``on_failure(message, details)``: message is "" when the user cancelled. ``modules``:
    what ``fn`` imports, loaded here first (see ``preload``).
    """
    preload(modules)
    signals = _Signals()
    control = TaskControl(signals)
    if on_success:
        signals.succeeded.connect(_receiver_may_be_gone(on_success))
    if on_failure:
        signals.failed.connect(_receiver_may_be_gone(on_failure))
    if on_progress:
        signals.progress.connect(_receiver_may_be_gone(on_progress))
    if on_finished:
        signals.finished.connect(_receiver_may_be_gone(on_finished))
    _live.add(signals)
    signals.finished.connect(lambda: _live.discard(signals))
    handle = TaskHandle(signals, control)
    QThreadPool.globalInstance().start(_Runnable(fn, signals, control))
    return handle


def with_own_connection(
    db_path,
    control: TaskControl | None,
    work: Callable[[Any, Callable[[int, int], None]], Any],
    *,
    password: str | None = None,
) -> Any:
    """Inside a task: open the database read-only on this thread, run ``work(db, progress)``
    (``progress(done, total)`` reports to the dialog and stops on cancel), close it again."""
    from villagedesk.storage.database import open_database

    def progress(done: int, total: int) -> None:
        if control is not None:
            control.progress(done, total)

    progress(0, 1)  # a cancel pressed before the start stops here
    db = open_database(db_path, create=False, migrate=False, readonly=True, password=password)
    try:
        return work(db, progress)
    finally:
        db.close()
