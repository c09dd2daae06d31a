"""设置 › 数据安全: back up now, restore a backup, the database password, the idle lock, the log.

Restoring and changing the password replace the database file, so they close the shared
connection, do the work on the closed file, and open it again under the same AppContext;
every page then reloads. A refused restore or a wrong password changes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from villagedesk.storage.errors import StorageError
from villagedesk.ui.context import AppContext
from villagedesk.ui.lock import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES, idle_minutes, set_idle_minutes
from villagedesk.ui.password_dialog import PasswordChangeDialog
from villagedesk.ui.tasks import TaskHandle, run_task

log = logging.getLogger(__name__)

#: every kind a page may watch: a restore or re-key changes them all
ALL_KINDS = (
    "*", "profile", "team_member", "group", "household", "resident", "visit", "issue", "aid",
    "deed", "activity", "diary", "attachment",
)  # fmt: skip
STALE_STYLE = "color: #b00020; font-weight: bold;"


def notify_everything(ctx: AppContext) -> None:
    """Tell every page that all data changed (pages watching only their own kinds too)."""
    for kind in ALL_KINDS:
        ctx.notify(kind)


def reopen(ctx: AppContext, password: str | None) -> None:
    """Open the database file again under the same context (after it was replaced)."""
    from villagedesk.storage.database import open_database

    ctx.db = open_database(ctx.db_path, password=password, actor=ctx.db.actor)


class BackupPanel(QGroupBox):
    """The data-safety group of the settings page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups and security"))
        self.ctx = ctx
        self.task: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.last_backup_path: Path | None = None

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setToolTip(
            self.tr("Write a checked copy of all data (photos included) to a folder or USB stick")
        )
        self.backup_button.clicked.connect(self.choose_and_back_up)
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.clicked.connect(self.choose_and_restore)
        self.folder_button = QPushButton(self.tr("Open backups folder"))
        self.folder_button.clicked.connect(self.open_backups_folder)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_button)
        backup_row.addWidget(self.restore_button)
        backup_row.addWidget(self.folder_button)
        backup_row.addStretch(1)

        self.password_label = QLabel()
        self.password_label.setWordWrap(True)
        self.set_password_button = QPushButton(self.tr("Set a password…"))
        self.set_password_button.clicked.connect(lambda: self.change_password("set"))
        self.change_password_button = QPushButton(self.tr("Change password…"))
        self.change_password_button.clicked.connect(lambda: self.change_password("change"))
        self.remove_password_button = QPushButton(self.tr("Remove password…"))
        self.remove_password_button.clicked.connect(lambda: self.change_password("remove"))
        password_row = QHBoxLayout()
        for button in (
            self.set_password_button,
            self.change_password_button,
            self.remove_password_button,
        ):
            password_row.addWidget(button)
        password_row.addStretch(1)

        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setValue(idle_minutes())
        self.idle_minutes.valueChanged.connect(self.save_idle_minutes)
        idle_note = QLabel(self.tr("only when a password is set"))
        idle_note.setStyleSheet("color: #777;")
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(idle_note, 1)

        self.audit_button = QPushButton(self.tr("Change log…"))
        self.audit_button.setToolTip(
            self.tr("Who changed what and when, before and after; export for an inspection")
        )
        self.audit_button.clicked.connect(self.open_audit_log)
        audit_row = QHBoxLayout()
        audit_row.addWidget(self.audit_button)
        audit_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Backups"), self.status_label)
        form.addRow("", backup_row)
        form.addRow(self.tr("Password"), self.password_label)
        form.addRow("", password_row)
        form.addRow(self.tr("Lock the window after"), idle_row)
        form.addRow(self.tr("Change log"), audit_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.refresh()

    # ---- state -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the newest backup and whether a password is set."""
        from villagedesk.storage.backup import backup_status

        status = backup_status(self.ctx.db_path)
        self.status_label.setText(status.text(self.ctx.lang))
        self.status_label.setStyleSheet(STALE_STYLE if status.stale else "")
        protected = bool(self.ctx.db.password)
        self.password_label.setText(
            self.tr("The database is protected by a password.")
            if protected
            else self.tr("No password: anyone with this computer or the file can read the data.")
        )
        available = self._encryption_available()
        from villagedesk.ui.safety import is_writable

        # a read-only file can still be backed up, but not replaced or re-keyed
        writable = is_writable(self.ctx.db_path)
        for button in (
            self.restore_button,
            self.change_password_button,
            self.remove_password_button,
        ):
            button.setEnabled(writable)
        self.set_password_button.setVisible(not protected)
        self.set_password_button.setEnabled(available and writable)
        self.change_password_button.setVisible(protected)
        self.remove_password_button.setVisible(protected)
        if not available:
            self.set_password_button.setToolTip(
                self.tr("Encryption support (sqlcipher3) is not installed on this computer.")
            )

    @staticmethod
    def _encryption_available() -> bool:
        from villagedesk.storage.crypto import encryption_available

        return encryption_available()

    def _after_change(self) -> None:
        self.refresh()
        window = self.window()
        if hasattr(window, "update_backup_label"):
            window.update_backup_label()

    # ---- backup now ---------------------------------------------------------------------
    def choose_and_back_up(self) -> TaskHandle | None:
        """Ask for a folder (a USB stick, say) and write a checked backup there."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to put the backup (e.g. a USB stick)"), str(Path.home())
        )
        if not folder:
            return None
        return self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> TaskHandle:
        """Back up in the background (own connection), with a busy progress dialog."""
        from villagedesk.storage.backup import make_backup
        from villagedesk.storage.database import open_database

        path, password = self.ctx.db_path, self.ctx.db.password
        self.backup_button.setEnabled(False)
        self.progress = QProgressDialog(
            self.tr("Backing up and checking the copy…"), "", 0, 0, self
        )
        self.progress.setWindowTitle(self.tr("Back up"))
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)

        def work(control):
            control.progress(0, 0, "")
            db = open_database(path, password=password, migrate=False)
            try:
                return make_backup(db, reason="manual", dest_dir=folder)
            finally:
                db.close()

        def done(info) -> None:
            self._end_progress()
            self.last_backup_path = info.path
            self._after_change()
            QMessageBox.information(
                self,
                self.tr("Back up"),
                self.tr("The backup was written and checked:\n%1").replace("%1", str(info.path)),
            )

        def failed(message: str, _details: str) -> None:
            self._end_progress()
            QMessageBox.warning(
                self, self.tr("Back up"), self.tr("No backup was made: %1").replace("%1", message)
            )

        self.task = run_task(
            work, on_success=done, on_failure=failed, modules=["villagedesk.storage.backup"]
        )
        return self.task

    def _end_progress(self) -> None:
        self.backup_button.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def open_backups_folder(self) -> None:
        from villagedesk.storage.backup import backup_dir_for

        folder = backup_dir_for(self.ctx.db_path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ---- restore ----------------------------------------------------------------------------
    def choose_and_restore(self) -> bool:
        """Choose a backup file, confirm, and restore it; False when nothing changed."""
        from villagedesk.storage.backup import backup_dir_for

        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup to restore"),
            str(backup_dir_for(self.ctx.db_path)),
            self.tr("VillageDesk backups (*.db);;All files (*)"),
        )
        if not chosen:
            return False
        return self.restore_from(Path(chosen))

    def restore_from(self, backup: Path) -> bool:
        """Check the file, confirm, back up the current data, replace it, reopen and reload."""
        from villagedesk.storage.backup import restore_backup, verify_backup
        from villagedesk.ui.safety import current_actor

        title = self.tr("Restore a backup")
        password = self.ctx.db.password
        try:
            verify_backup(backup, password=password)  # refusals before anything is closed
        except StorageError as exc:
            QMessageBox.warning(self, title, exc.message(self.ctx.lang))
            return False
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Replace all current data with the backup %1?\n\n"
                "The current data is backed up first, so this can be undone by restoring that copy."
            ).replace("%1", backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        actor = self.ctx.db.actor or current_actor()
        self.ctx.db.close()
        error: StorageError | None = None
        saved = None
        try:
            saved = restore_backup(self.ctx.db_path, backup, actor=actor, password=password)
        except StorageError as exc:
            error = exc
        finally:
            reopen(self.ctx, password)
        if error is not None:
            QMessageBox.warning(self, title, error.message(self.ctx.lang))
            return False
        notify_everything(self.ctx)
        self._after_change()
        text = self.tr("The backup was restored.")
        if saved is not None:
            text += "\n" + self.tr("The data from before is kept in %1").replace(
                "%1", str(saved.path)
            )
        QMessageBox.information(self, title, text)
        return True

    # ---- password -------------------------------------------------------------------------------
    def change_password(self, mode: str) -> bool:
        """Set, change or remove the password through a dialog; True when it was done."""
        dialog = PasswordChangeDialog(mode, self.apply_password, self)
        return dialog.exec() == PasswordChangeDialog.DialogCode.Accepted

    def apply_password(self, mode: str, old: str, new: str) -> None:
        """Re-key the closed database file, then reopen it; raises StorageError (nothing changed)."""
        from villagedesk.storage import crypto

        path = self.ctx.db_path
        current = self.ctx.db.password
        if mode != "set" and not current:
            raise StorageError("数据库没有设置密码", "The database has no password")
        self.ctx.db.close()
        opened_with = current
        try:
            if mode == "set":
                crypto.encrypt_database(path, new)
                opened_with = new
            elif mode == "change":
                crypto.change_password(path, old, new)
                opened_with = new
            else:
                crypto.decrypt_database(path, old)
                opened_with = None
        finally:
            reopen(self.ctx, opened_with)
        idle = getattr(self.window(), "idle_lock", None)
        if idle is not None:
            idle.set_minutes(self.idle_minutes.value())
        self.refresh()

    # ---- idle lock and log --------------------------------------------------------------------
    def save_idle_minutes(self, minutes: int) -> None:
        set_idle_minutes(minutes, QSettings())
        idle = getattr(self.window(), "idle_lock", None)
        if idle is not None:
            idle.set_minutes(minutes)

    def open_audit_log(self):
        from villagedesk.ui.audit_view import AuditDialog

        dialog = AuditDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


__all__ = ["ALL_KINDS", "BackupPanel", "notify_everything", "reopen"]
