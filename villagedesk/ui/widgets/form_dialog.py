"""The base of every create/edit form: fields, a Chinese error line, save in one step.

Subclasses lay out fields with ``add_row`` and implement ``save()``, which builds the
record from the widgets and writes it through a repository. A ``ValidationError`` keeps
the dialog open with its message shown and the offending field focused; nothing is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.validation import ValidationError
from villagedesk.storage.errors import StorageError
from villagedesk.ui.context import AppContext
from villagedesk.ui.widgets.styles import ERROR_STYLE, INVALID_STYLE


class FormDialog(QDialog):
    """A validated form. ``saved`` holds the record after a successful save."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved = None
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_row(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add a labelled field; ``key`` is the record field a ValidationError may name."""
        self.fields[key] = widget
        self.form.addRow(label, widget)
        return widget

    def save(self):  # pragma: no cover - every subclass implements it
        """Build the record from the widgets and save it; return the saved record."""
        raise NotImplementedError

    def show_error(self, message: str, field: str | None = None) -> None:
        """Show a message in the form and mark the field it is about."""
        for widget in self.fields.values():
            widget.setStyleSheet("")
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus()

    def try_save(self) -> None:
        """Save, or show why not and keep everything the user typed."""
        try:
            self.saved = self.save()
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        except StorageError as exc:
            self.show_error(exc.message(self.ctx.lang))
            return
        self.accept()
