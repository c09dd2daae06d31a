"""工作队与联系卡: the team roster with photos, the card's promise and a live card preview."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.enums import TeamRole
from villagedesk.core.records import TeamMember
from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.card_preview import CardPreview
from villagedesk.ui.pages.team_form import TeamMemberForm, photo_pixmap
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tables import make_table

THUMB = 40


def _dates(m: TeamMember) -> str:
    if not m.from_date and not m.to_date:
        return ""
    start = m.from_date.isoformat() if m.from_date else "…"
    now = QCoreApplication.translate("TeamPage", "now")
    return f"{start} ~ {m.to_date.isoformat() if m.to_date else now}"


def team_columns() -> list[Column[TeamMember]]:
    """The roster's columns."""
    return [
        Column(QCoreApplication.translate("TeamPage", "Name"), lambda m: m.name),
        Column(QCoreApplication.translate("TeamPage", "Role"), lambda m: m.role.value),
        Column(
            QCoreApplication.translate("TeamPage", "Unit / area"),
            lambda m: m.area if m.role == TeamRole.VILLAGE_CADRE else m.unit,
        ),
        Column(QCoreApplication.translate("TeamPage", "Mobile"), lambda m: m.phone),
        Column(QCoreApplication.translate("TeamPage", "In the village"), _dates),
    ]


class TeamModel(RecordTableModel[TeamMember]):
    """The roster with each member's photo beside the name."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(team_columns(), parent)
        self.ctx = ctx
        self._thumbs: dict[str, QPixmap | None] = {}

    def set_rows(self, rows) -> None:
        self._thumbs.clear()
        super().set_rows(rows)

    def thumb(self, member: TeamMember) -> QPixmap | None:
        """The member's photo as a small square (cached until the next reload)."""
        if member.uid not in self._thumbs:
            photo = self.ctx.db.attachments.get(member.photo_uid) if member.photo_uid else None
            self._thumbs[member.uid] = photo_pixmap(photo.data, THUMB) if photo else None
        return self._thumbs[member.uid]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            return self.thumb(self.record(index.row()))
        return super().data(index, role)


class TeamPage(Page):
    """Roster (work team and village cadres), card text and preview, card printing."""

    watches = ("team_member", "profile", "attachment")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.team_model = TeamModel(ctx, self)
        self.cadre_model = TeamModel(ctx, self)
        self.team_table = self._table(self.team_model)
        self.cadre_table = self._table(self.cadre_model)
        self.new_button = QPushButton(self.tr("New team member"))
        self.new_cadre_button = QPushButton(self.tr("New village cadre"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.new_cadre_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(buttons)
        ll.addWidget(self._title(self.tr("Work team")))
        ll.addWidget(self.team_table, 3)
        ll.addWidget(self._title(self.tr("Village cadres on the card")))
        ll.addWidget(self.cadre_table, 2)

        self.preview = CardPreview(ctx)
        self.promise = QPlainTextEdit()
        self.promise.setPlaceholderText(self.tr("e.g. 有求必应、有访必复，24小时开机"))
        self.promise.setFixedHeight(64)
        self.committee_phone = QLineEdit()
        self.save_card_button = QPushButton(self.tr("Save card text"))
        self.card_message = QLabel()
        self.card_message.setWordWrap(True)
        self.print_sheet_button = QPushButton(self.tr("Print cards (one A4 sheet)…"))
        self.print_households_button = QPushButton(self.tr("Print one card per household…"))
        self.back_button = QPushButton(self.tr("Back of the card…"))
        self.back_button.setToolTip(self.tr("Common procedures printed on the back of the card"))
        self.print_back = QCheckBox(self.tr("With the back (two-sided)"))
        card_box = QGroupBox(self.tr("Contact card"))
        cl = QVBoxLayout(card_box)
        cl.addWidget(self.preview, 1)
        cl.addWidget(QLabel(self.tr("Service promise")))
        cl.addWidget(self.promise)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Village committee phone")))
        row.addWidget(self.committee_phone, 1)
        row.addWidget(self.save_card_button)
        cl.addLayout(row)
        cl.addWidget(self.card_message)
        prints = QHBoxLayout()
        prints.addWidget(self.back_button)
        prints.addWidget(self.print_back)
        prints.addStretch(1)
        prints.addWidget(self.print_sheet_button)
        prints.addWidget(self.print_households_button)
        cl.addLayout(prints)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(card_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)

        self.new_button.clicked.connect(lambda: self.new_member(TeamRole.MEMBER))
        self.new_cadre_button.clicked.connect(lambda: self.new_member(TeamRole.VILLAGE_CADRE))
        self.edit_button.clicked.connect(self.edit_member)
        self.delete_button.clicked.connect(self.delete_member)
        self.save_card_button.clicked.connect(self.save_card_text)
        self.back_button.clicked.connect(self.edit_back)
        self.print_sheet_button.clicked.connect(lambda: self.print_cards(per_household=False))
        self.print_households_button.clicked.connect(lambda: self.print_cards(per_household=True))
        for table in (self.team_table, self.cadre_table):
            table.doubleClicked.connect(lambda _i: self.edit_member())
            table.clicked.connect(self._focus_table)
        self._current = self.team_table
        self.refresh()

    def _table(self, model: TeamModel) -> QTableView:
        table = make_table(model)
        table.setSortingEnabled(False)  # the repository's order: first secretary first
        table.setIconSize(QSize(THUMB, THUMB))
        table.verticalHeader().setDefaultSectionSize(THUMB + 6)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _title(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; color: #1f4e79; margin-top: 4px;")
        return label

    def _focus_table(self) -> None:
        table = self.sender()
        if isinstance(table, QTableView):
            self._current = table
            other = self.cadre_table if table is self.team_table else self.team_table
            other.clearSelection()

    # ---- data ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the roster, the card text and the preview."""
        self.team_model.set_rows(self.ctx.db.team.work_team())
        self.cadre_model.set_rows(self.ctx.db.team.cadres())
        for table in (self.team_table, self.cadre_table):
            table.resizeColumnsToContents()
            table.horizontalHeader().setStretchLastSection(True)
        profile = self.ctx.db.profile.get()
        self.promise.setPlainText(profile.service_promise)
        self.committee_phone.setText(profile.village_committee_phone)
        self.preview.refresh()

    def selected_member(self) -> TeamMember | None:
        """The member selected in either table."""
        for table in (self._current, self.team_table, self.cadre_table):
            index = table.currentIndex()
            if index.isValid() and table.selectionModel().isSelected(index):
                return table.model().record(index.row())
        return None

    # ---- actions -------------------------------------------------------------------
    def new_member(self, role: TeamRole = TeamRole.MEMBER):
        """Open the member form; returns the saved member (or None)."""
        form = TeamMemberForm(self.ctx, parent=self, role=role)
        if form.exec() and form.saved is not None:
            self.ctx.notify("team_member")
            self.refresh()
            return form.saved
        return None

    def edit_member(self):
        """Edit the selected member; returns the saved member (or None)."""
        member = self.selected_member()
        if member is None:
            return None
        form = TeamMemberForm(self.ctx, self.ctx.db.team.get(member.uid), parent=self)
        if form.exec() and form.saved is not None:
            self.ctx.notify("team_member")
            self.refresh()
            return form.saved
        return None

    def delete_member(self) -> bool:
        """Move the selected member to the recycle bin after asking."""
        member = self.selected_member()
        if member is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Move %1 to the recycle bin? Their visits and diary stay.").replace(
                "%1", member.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.ctx.db.team.delete(member.uid)
        self.ctx.notify("team_member")
        self.refresh()
        return True

    def save_card_text(self) -> bool:
        """Save the service promise and the committee phone to the village profile."""
        profile = self.ctx.db.profile.get()
        phone = self.committee_phone.text().strip()
        try:
            profile.village_committee_phone = validate_phone(phone) if phone else ""
        except ValidationError as exc:
            self.card_message.setStyleSheet("color: #b00020;")
            self.card_message.setText(str(exc))
            return False
        profile.service_promise = self.promise.toPlainText().strip()
        self.ctx.db.profile.save(profile)
        self.card_message.setStyleSheet("color: #2e7d32;")
        self.card_message.setText(self.tr("Saved; the preview shows the new card."))
        self.ctx.notify("profile")
        self.preview.refresh()
        return True

    def edit_back(self):
        """The common procedures for the card's back, in their own dialog (modal)."""
        from villagedesk.ui.pages.card_back_dialog import CardBackDialog

        dialog = CardBackDialog(self.ctx, self)
        dialog.exec()
        return dialog

    def print_cards(self, *, per_household: bool):
        """Write the cards in the background, then show the print preview."""
        from villagedesk.ui.pages.reports import print_output

        return print_output(
            self,
            self.ctx,
            "cards",
            per_household=per_household,
            card_back=self.print_back.isChecked(),
        )
