"""Keeping the data safe around the window: start-up checks, the password, automatic backups.

``open_at_start`` looks at the database before anything opens it (health.check_on_start): a
damaged file is set aside (never overwritten) and the newest good backup offered; an encrypted
one asks for its password; a read-only one opens for viewing. ``install`` adds the read-only
banner, the idle lock and the daily backup to a main window; ``close_at_exit`` makes the exit
backup and closes the database. The password lives only in the open Database, never on disk
or in a log.
"""

from __future__ import annotations

import getpass
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from villagedesk.storage.errors import StorageError
from villagedesk.ui.widgets.styles import ERROR_STYLE

if TYPE_CHECKING:
    from villagedesk.storage.database import Database
    from villagedesk.ui.context import AppContext

log = logging.getLogger(__name__)

PASSWORD_TRIES = 3
BANNER_STYLE = (
    "QLabel { background: #fff4ce; color: #7a4b00; border-bottom: 1px solid #e0c36b;"
    " padding: 6px 12px; font-weight: bold; }"
)


def current_actor() -> str:
    """Who is using the computer (written into the audit log of a restore)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows set-ups
        return "本机用户"


# ---- the password prompt --------------------------------------------------------------------


class PasswordDialog(QDialog):
    """Asks for the database password; the text never leaves this dialog except to open."""

    def __init__(self, path: Path, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database password"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("This database is protected by a password. Enter it to open:\n%1").replace(
                "%1", str(path)
            )
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(message)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(bool(message))
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.error_label)
        layout.addWidget(self.password)
        layout.addWidget(buttons)
        self.password.setFocus()


def ask_password_and_open(path: Path, lang: str, parent: QWidget | None = None) -> Database | None:
    """Ask for the password (3 tries) and open the database; None when the user gives up."""
    from PySide6.QtWidgets import QMessageBox  # here: the class costs 1 ms of the start

    from villagedesk.storage.crypto import WrongPasswordError
    from villagedesk.storage.database import open_database

    message = ""
    for _ in range(PASSWORD_TRIES):
        dialog = PasswordDialog(path, message, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        password = dialog.password.text()
        dialog.password.clear()
        dialog.deleteLater()
        if not accepted:
            return None
        if not password:
            message = "请输入密码"
            continue
        try:
            return open_database(path, password=password, readonly=not is_writable(path))
        except WrongPasswordError:
            message = "密码不正确"
        except StorageError as exc:
            QMessageBox.critical(
                parent,
                QCoreApplication.translate("Safety", "Cannot open the database"),
                exc.message(lang),
            )
            return None
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Safety", "Cannot open the database"),
        "密码连续三次不正确，程序将退出。" if lang != "en" else "Three wrong passwords; quitting.",
    )
    return None


# ---- opening at start --------------------------------------------------------------------------


def is_writable(path: Path) -> bool:
    """Whether the database file and its folder can be written (else open read-only)."""
    path = Path(path)
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_at_start(path: Path, lang: str, parent: QWidget | None = None) -> Database | None:
    """Check the database and open it, explaining any problem; None when the user quits."""
    from villagedesk.storage import health
    from villagedesk.storage.database import open_database
    from villagedesk.ui.app import open_with_way_out

    path = Path(path)
    try:
        # the schema only: the page-by-page scan runs once the window shows (start_health_scan)
        check = health.check_on_start(path, scan=False)
    except Exception:  # the check is a help; the normal open still explains any problem
        log.exception("start-up check failed")
        return open_with_way_out(path, lang)
    if check.state == health.StartState.DAMAGED:
        if not recover_damaged(path, check, lang, parent):
            return None
    elif check.state == health.StartState.ENCRYPTED:
        return ask_password_and_open(path, lang, parent)
    elif check.state == health.StartState.READONLY:
        try:
            return open_database(path, readonly=True)
        except StorageError as exc:
            log.info("read-only open failed: %s", exc.english)
    return open_with_way_out(path, lang)


def recover_damaged(path: Path, check, lang: str, parent: QWidget | None = None) -> bool:
    """Keep the damaged file aside and offer the newest good backup; False to quit."""
    from PySide6.QtWidgets import QMessageBox  # here: the class costs 1 ms of the start

    from villagedesk.storage import health
    from villagedesk.storage.backup import restore_backup

    message = check.english if lang == "en" else check.message
    try:
        aside = health.set_aside_damaged(path)
    except StorageError as exc:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safety", "The database is damaged"),
            exc.message(lang),
        )
        return False
    _discard_prefetched_figures()  # they were read from the damaged file (if at all)
    kept = QCoreApplication.translate("Safety", "The damaged file was kept as %1").replace(
        "%1", str(aside)
    )
    if check.backup is None:
        answer = QMessageBox.warning(
            parent,
            QCoreApplication.translate("Safety", "The database is damaged"),
            f"{message}\n\n{kept}",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Safety", "The database is damaged"),
        f"{message}\n\n{kept}\n\n"
        + QCoreApplication.translate("Safety", "Restore the backup of %1 now?").replace(
            "%1", check.backup.created_at.strftime("%Y-%m-%d %H:%M")
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return True  # a new, empty database; the damaged one stays aside
    try:
        restore_backup(path, check.backup.path, actor=current_actor())
    except StorageError as exc:
        QMessageBox.critical(
            parent, QCoreApplication.translate("Safety", "Restore failed"), exc.message(lang)
        )
        return False
    return True


def _discard_prefetched_figures() -> None:
    try:
        from villagedesk.services import dashboard_queries

        dashboard_queries.discard_prefetched()
    except Exception:  # only a cache
        log.debug("no prefetched figures to discard")


# ---- around the main window --------------------------------------------------------------------


#: background checks wait this long after start, so the first seconds belong to the user
BACKGROUND_DELAY_MS = 2500


def install(
    window, ctx: AppContext, *, auto_backup: bool = True, delay_ms: int = BACKGROUND_DELAY_MS
) -> None:
    """Read-only banner, idle lock, the daily backup and the background check of the file."""
    from PySide6.QtCore import QTimer

    from villagedesk.ui.lock import IdleLock

    if not is_writable(ctx.db_path):
        add_readonly_banner(window)
    else:

        def background_checks() -> None:
            if auto_backup:
                start_auto_backup(ctx, on_done=getattr(window, "update_backup_label", None))
            start_health_scan(window, ctx)

        QTimer.singleShot(delay_ms, window, background_checks)
    window.idle_lock = IdleLock(window, ctx)


def start_health_scan(window, ctx: AppContext):
    """Check every page of the database in the background; offer the newest backup if damaged.

    Done after the window shows so a large database does not slow the start; the quick
    check reads the whole file (about 0.2 s for a township of 5,000 households).
    """
    from villagedesk.storage import health
    from villagedesk.ui.tasks import run_task

    path, password = Path(ctx.db_path), ctx.db.password

    def work(_control):
        return health.check_on_start(path, password=password)

    def done(check) -> None:
        if check.state == health.StartState.DAMAGED:
            offer_recovery(window, ctx, check)

    def failed(message: str, details: str) -> None:
        log.warning("background database check failed: %s %s", message, details)

    return run_task(work, on_success=done, on_failure=failed)


def offer_recovery(window, ctx: AppContext, check) -> bool:
    """The open database turned out damaged: close it, keep it aside, restore the backup."""
    from PySide6.QtWidgets import QMessageBox  # here: the class costs 1 ms of the start

    from villagedesk.ui.backup_panel import notify_everything, reopen

    title = QCoreApplication.translate("Safety", "The database is damaged")
    question = QCoreApplication.translate(
        "Safety",
        "A check found damage in the database file. Keep the damaged file aside and "
        "restore the newest backup now? (Recommended; otherwise keep working carefully "
        "and make a backup.)",
    )
    answer = QMessageBox.question(
        window,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    password = ctx.db.password
    ctx.db.close()
    recovered = recover_damaged(Path(ctx.db_path), check, ctx.lang, window)
    reopen(ctx, password)
    notify_everything(ctx)
    return recovered


def add_readonly_banner(window) -> QLabel:
    """A yellow line under the toolbar: this database can only be looked at."""
    label = QLabel(
        QCoreApplication.translate(
            "Safety", "The database file is read-only: you can look, but not save."
        )
    )
    label.setObjectName("readonlyBanner")
    label.setStyleSheet(BANNER_STYLE)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    bar = QToolBar()
    bar.setObjectName("readonlyBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setStyleSheet("QToolBar { border: none; padding: 0; }")
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(label)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.readonly_banner = label
    return label


def start_auto_backup(ctx: AppContext, on_done=None):
    """The daily backup in the background, on its own connection (none if one is recent)."""
    from villagedesk.storage.backup import auto_backup_if_due
    from villagedesk.storage.database import open_database
    from villagedesk.ui.tasks import run_task

    path, password = ctx.db_path, ctx.db.password

    def work(_control):
        db = open_database(path, password=password, migrate=False)
        try:
            return auto_backup_if_due(db)
        finally:
            db.close()

    def failed(message: str, details: str) -> None:
        # never in the user's way at start; the status bar keeps warning while backups are old
        log.warning("automatic backup failed: %s %s", message, details)

    def done(_result) -> None:
        if on_done is not None:
            try:
                on_done()
            except RuntimeError:  # the window is already gone
                pass

    return run_task(work, on_success=done, on_failure=failed)


def close_at_exit(ctx: AppContext) -> None:
    """Back up if anything changed since the last backup, then close; never blocks quitting."""
    from villagedesk.storage.backup import backup_on_exit

    db = ctx.db
    try:
        if is_writable(ctx.db_path):
            backup_on_exit(db)
    except Exception:  # quitting must always work; the error goes to the log
        log.exception("backup at exit failed")
    finally:
        db.close()


__all__ = [
    "PasswordDialog",
    "add_readonly_banner",
    "ask_password_and_open",
    "close_at_exit",
    "current_actor",
    "install",
    "is_writable",
    "open_at_start",
    "recover_damaged",
    "start_auto_backup",
]
