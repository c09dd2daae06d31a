"""The dialog that sets, changes or removes the database password (设置 › 数据安全)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from villagedesk.storage.errors import StorageError
from villagedesk.ui.widgets.styles import ERROR_STYLE, INVALID_STYLE

MIN_PASSWORD_LENGTH = 6
WARNING_STYLE = "QLabel { color: #7a4b00; background: #fff4ce; padding: 6px; border-radius: 4px; }"


class PasswordChangeDialog(QDialog):
    """``mode``: "set", "change" or "remove". ``apply(mode, old, new)`` does the work.

    ``apply`` raises a StorageError (a wrong old password, a locked file) to keep the dialog
    open with the message; the typed passwords are cleared when the dialog closes.
    """

    def __init__(
        self,
        mode: str,
        apply: Callable[[str, str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.apply = apply
        titles = {
            "set": self.tr("Set a password"),
            "change": self.tr("Change the password"),
            "remove": self.tr("Remove the password"),
        }
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(480)
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.confirm = QLineEdit()
        for field in (self.old, self.new, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        warning = QLabel()
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        if mode == "remove":
            warning.setText(
                self.tr(
                    "Without a password, anyone who gets this computer or the database file "
                    "can read the villagers' personal information."
                )
            )
        else:
            warning.setText(
                self.tr(
                    "Write the password down and keep it somewhere safe. A forgotten password "
                    "cannot be recovered by anyone: without it the data (and its backups made "
                    "from now on) cannot be opened. Backups made before stay without a password: "
                    "delete them or keep them somewhere safe."
                )
            )
        form = QFormLayout()
        if mode in ("change", "remove"):
            form.addRow(self.tr("Current password"), self.old)
        if mode in ("set", "change"):
            self.new.setPlaceholderText(
                self.tr("at least %1 characters").replace("%1", str(MIN_PASSWORD_LENGTH))
            )
            form.addRow(self.tr("New password"), self.new)
            form.addRow(self.tr("New password again"), self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(titles[mode])
        buttons.accepted.connect(self.try_apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _fail(self, message: str, field: QLineEdit | None = None) -> bool:
        for widget in (self.old, self.new, self.confirm):
            widget.setStyleSheet("")
        self.error_label.setText(message)
        self.error_label.show()
        if field is not None:
            field.setStyleSheet(INVALID_STYLE)
            field.setFocus()
        return False

    def try_apply(self) -> bool:
        """Check the fields and apply; False (with a Chinese message) when not done."""
        old, new = self.old.text(), self.new.text()
        if self.mode in ("change", "remove") and not old:
            return self._fail("请输入当前密码", self.old)
        if self.mode in ("set", "change"):
            if len(new) < MIN_PASSWORD_LENGTH:
                return self._fail(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符", self.new)
            if new != self.confirm.text():
                return self._fail("两次输入的新密码不一致", self.confirm)
            if self.mode == "change" and new == old:
                return self._fail("新密码与当前密码相同", self.new)
        self.ok_button.setEnabled(False)
        try:
            self.apply(self.mode, old, new)
        except StorageError as exc:
            field = self.old if "密码不正确" in str(exc) else None
            lang = getattr(getattr(self.parent(), "ctx", None), "lang", "zh_CN")
            return self._fail(exc.message(lang), field)
        finally:
            self.ok_button.setEnabled(True)
        self._clear()
        self.accept()
        return True

    def _clear(self) -> None:
        for widget in (self.old, self.new, self.confirm):
            widget.clear()

    def reject(self) -> None:
        self._clear()
        super().reject()


__all__ = ["MIN_PASSWORD_LENGTH", "PasswordChangeDialog"]
