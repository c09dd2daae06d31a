"""Lock the window after a while without keyboard or mouse, when the database has a password.

A shared laptop left open in the village office must not show ID numbers and illnesses to
whoever walks by. The database stays open underneath (nothing is lost or reloaded); an opaque
cover hides the window and every other window of the app until the password is typed again.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.ui.context import AppContext
from villagedesk.ui.widgets.styles import ERROR_STYLE

IDLE_KEY = "security/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 240
#: how often the idle time is looked at (a lock may come this much late)
CHECK_MS = 15_000

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def idle_minutes(settings: QSettings | None = None) -> int:
    """The idle time before the window locks (from the user's settings, default 10)."""
    value = (settings or QSettings()).value(IDLE_KEY, DEFAULT_IDLE_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


def set_idle_minutes(minutes: int, settings: QSettings | None = None) -> None:
    """Remember the idle time in the user's settings."""
    settings = settings or QSettings()
    settings.setValue(IDLE_KEY, int(minutes))
    settings.sync()


class LockCover(QFrame):
    """The opaque cover with the password field."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#lockCover { background: #1f4e79; }"
            " QFrame#lockBox { background: white; border-radius: 8px; }"
        )
        box = QFrame(self)
        box.setObjectName("lockBox")
        box.setFixedWidth(440)
        title = QLabel(self.tr("Locked"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f4e79;")
        text = QLabel(
            self.tr(
                "The window was locked after a while without use, to protect the villagers' "
                "personal information. Enter the database password to go on."
            )
        )
        text.setWordWrap(True)
        # a wrapped label in a fixed-width box: ask for the height its lines need
        text.setMinimumHeight(text.heightForWidth(440 - 48))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addWidget(self.error_label)
        inner.addWidget(self.password)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _submit(self) -> None:
        text = self.password.text()
        self.password.clear()
        self.unlock_requested.emit(text)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the app's input; covers ``window`` after the idle time if a password is set."""

    locked_changed = Signal(bool)

    def __init__(self, window: QWidget, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.idle_seconds = idle_minutes() * 60
        self.last_input = time.monotonic()
        self.covers: dict[QWidget, LockCover] = {}
        self._disabled: list[QObject] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        # watching every event of the app costs a Python call per event: only while a
        # password is set (check() starts or stops it when the password changes)
        self.watching = False
        self._watch(bool(ctx.db.password))
        window.installEventFilter(self)

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self.watching:
            return
        if on:
            app.installEventFilter(self)
            self.last_input = time.monotonic()
        else:
            app.removeEventFilter(self)
        self.watching = on

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    @property
    def cover(self) -> LockCover | None:
        """The cover over the main window while locked."""
        return self.covers.get(self.window)

    def set_minutes(self, minutes: int) -> None:
        """Use a new idle time from now on."""
        self.idle_seconds = max(int(minutes), MIN_IDLE_MINUTES) * 60
        self.last_input = time.monotonic()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if kind in _INPUT_EVENTS:
            if not self.covers:
                self.last_input = time.monotonic()
        elif kind == QEvent.Type.Resize and obj in self.covers:
            self.covers[obj].setGeometry(obj.rect())
        return False

    def check(self) -> None:
        """Lock if a password is set and nobody touched the app for the idle time."""
        self._watch(bool(self.ctx.db.password))
        if self.locked or not self.ctx.db.password:
            return
        if time.monotonic() - self.last_input >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        """Cover the main window and every other window of the app (the data stays open).

        Open dialogs are covered, not closed or hidden: hiding a modal form would end it and
        lose what the user typed. Each cover can unlock, since a modal dialog takes the input.
        """
        if self.locked:
            return
        windows = [self.window]
        for w in QApplication.instance().topLevelWidgets():
            if w is self.window or not w.isVisible():
                continue
            if w.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                w.hide()  # the search suggestions and tooltips just go away
            else:
                windows.append(w)
        for w in windows:
            # shortcuts (Ctrl+F, Ctrl+1…) and actions must not reach the page underneath
            for item in [*w.findChildren(QShortcut), *w.children()]:
                if isinstance(item, QShortcut | QWidget) and item.isEnabled():
                    item.setEnabled(False)
                    self._disabled.append(item)
            cover = LockCover(w)
            cover.unlock_requested.connect(self.try_unlock)
            cover.setGeometry(w.rect())
            cover.show()
            cover.raise_()
            if w is not self.window:
                w.installEventFilter(self)
            self.covers[w] = cover
        focus = QApplication.activeModalWidget() or self.window
        self.covers.get(focus, self.covers[self.window]).password.setFocus()
        self.locked_changed.emit(True)

    def try_unlock(self, password: str) -> bool:
        """Unlock with the database's password; a wrong one keeps the window locked."""
        if not self.covers:
            return True
        expected = self.ctx.db.password or ""
        import hmac  # here: hashlib is 3 ms of the start, and most villages set no password

        if not password or not hmac.compare_digest(password.encode(), expected.encode()):
            for cover in self.covers.values():
                cover.show_error("密码不正确")
            return False
        for w, cover in self.covers.items():
            cover.hide()
            cover.deleteLater()
            if w is not self.window:
                w.removeEventFilter(self)
        self.covers = {}
        for item in self._disabled:
            item.setEnabled(True)
        self._disabled = []
        self.last_input = time.monotonic()
        self.locked_changed.emit(False)
        return True


__all__ = ["DEFAULT_IDLE_MINUTES", "IDLE_KEY", "IdleLock", "idle_minutes", "set_idle_minutes"]
