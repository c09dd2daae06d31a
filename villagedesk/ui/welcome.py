"""First run: create the village (profile and first team member) or open the demo village."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

# what only the dialog needs is imported when it is shown: a normal start only asks
# needs_welcome, before the main window
if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from villagedesk.storage.database import Database
    from villagedesk.ui.context import AppContext
    from villagedesk.ui.tasks import TaskHandle

DEMO_HOUSEHOLDS = 300


def needs_welcome(db: Database) -> bool:
    """A database that has never been set up: no profile and no households."""
    return not db.profile.exists() and db.households.count(include_deleted=True) == 0


class WelcomeDialog(QDialog):
    """Shown once, on an empty database. Accepted when the village exists."""

    demo_finished = Signal(bool)  # True when the demo village was made

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import (
            QComboBox,
            QFormLayout,
            QHBoxLayout,
            QLabel,
            QLineEdit,
            QPushButton,
            QVBoxLayout,
        )

        from villagedesk.core.enums import TeamRole
        from villagedesk.ui.widgets.styles import ERROR_STYLE

        super().__init__(parent)
        self.ctx = ctx
        self.task: TaskHandle | None = None
        self.progress: QProgressDialog | None = None
        self.setWindowTitle(self.tr("Welcome to VillageDesk"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Welcome! Fill in your village and the first member of the work team to start. "
                "You can change all of this later under Settings and Team."
            )
        )
        intro.setWordWrap(True)
        heading = QLabel(self.tr("Set up your village"))
        heading.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f4e79;")
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()

        self.village = QLineEdit()
        self.township = QLineEdit()
        self.county = QLineEdit()
        self.unit = QLineEdit()
        self.member_name = QLineEdit()
        self.member_role = QComboBox()
        for role in (TeamRole.FIRST_SECRETARY, TeamRole.LEADER, TeamRole.MEMBER):
            self.member_role.addItem(role.value, role)
        self.member_phone = QLineEdit()
        self.member_phone.setPlaceholderText(self.tr("11-digit mobile number"))
        self.fields = {
            "village": self.village,
            "name": self.member_name,
            "phone": self.member_phone,
        }
        form = QFormLayout()
        form.addRow(self.tr("Village *"), self.village)
        form.addRow(self.tr("Township"), self.township)
        form.addRow(self.tr("County"), self.county)
        form.addRow(self.tr("Dispatching unit"), self.unit)
        form.addRow(self.tr("Your name *"), self.member_name)
        form.addRow(self.tr("Your role"), self.member_role)
        form.addRow(self.tr("Your phone"), self.member_phone)

        self.create_button = QPushButton(self.tr("Create the village"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_village)
        self.demo_button = QPushButton(self.tr("Try the demo village"))
        self.demo_button.setToolTip(
            self.tr(
                "A made-up village with a year of work, to look around. Do not mix it with real data."
            )
        )
        self.demo_button.clicked.connect(self.open_demo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addLayout(buttons)

    # ---- create -------------------------------------------------------------------
    def create_village(self) -> bool:
        """Save the profile and the first team member together; False (with a message) if invalid."""
        from villagedesk.core.records import TeamMember, VillageProfile
        from villagedesk.core.validation import ValidationError
        from villagedesk.storage.errors import StorageError

        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            if not self.village.text().strip():
                raise ValidationError("请填写村名", "village")
            if not self.member_name.text().strip():
                raise ValidationError("请填写您的姓名", "name")
            profile = VillageProfile(
                village=self.village.text().strip(),
                township=self.township.text().strip(),
                county=self.county.text().strip(),
                dispatching_unit=self.unit.text().strip(),
            )
            member = TeamMember(
                name=self.member_name.text().strip(),
                role=self.member_role.currentData(),
                unit=profile.dispatching_unit,
                phone=self.member_phone.text().strip(),
            )
            with self.ctx.db.transaction():
                self.ctx.db.team.add(member)
                self.ctx.db.profile.save(profile)
        except ValidationError as exc:
            self._show_error(exc.message, exc.field)
            return False
        except StorageError as exc:
            self._show_error(exc.message(self.ctx.lang))
            return False
        self.ctx.notify("*")
        self.accept()
        return True

    def _show_error(self, message: str, field: str | None = None) -> None:
        from villagedesk.ui.widgets.styles import INVALID_STYLE

        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(INVALID_STYLE)
            widget.setFocus()

    # ---- demo -----------------------------------------------------------------------
    def open_demo(self) -> TaskHandle:
        """Fill the database with the demo village in the background, with a progress dialog."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox, QProgressDialog

        from villagedesk.services.demo import make_demo_village
        from villagedesk.storage.database import open_database
        from villagedesk.ui.tasks import run_task

        path = self.ctx.db_path
        self.create_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.progress = QProgressDialog(
            self.tr("Building the demo village…"), self.tr("Cancel"), 0, 100, self
        )
        self.progress.setWindowTitle(self.tr("Demo village"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)

        def work(control):
            # sqlite connections belong to one thread: the task opens its own
            db = open_database(path)
            try:
                make_demo_village(
                    db,
                    households=DEMO_HOUSEHOLDS,
                    progress=lambda done, total: control.progress(done, total),
                )
            finally:
                db.close()

        def on_progress(done: int, total: int, _text: str) -> None:
            if self.progress is not None and total:
                self.progress.setValue(int(done * 100 / total))

        def on_failure(message: str, details: str) -> None:
            self._close_progress()
            self.create_button.setEnabled(True)
            self.demo_button.setEnabled(True)
            if message:
                QMessageBox.warning(
                    self, self.tr("Demo village"),
                    self.tr("The demo village could not be made: %1").replace("%1", message),
                )  # fmt: skip
            self.demo_finished.emit(False)

        def on_success(_result) -> None:
            self._close_progress()
            self.ctx.notify("*")
            self.demo_finished.emit(True)
            self.accept()

        self.task = run_task(
            work,
            on_success=on_success,
            on_failure=on_failure,
            on_progress=on_progress,
            modules=["villagedesk.services.demo", "villagedesk.core.pinyin"],
        )
        self.progress.canceled.connect(self.task.cancel)
        return self.task

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress = None
