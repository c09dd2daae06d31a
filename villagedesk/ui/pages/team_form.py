"""Add or change a team member or village cadre, with a square photo for the contact card."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.enums import TeamRole
from villagedesk.core.records import TeamMember
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.deed_form import OptionalDate
from villagedesk.ui.pages.issue_form import text_box
from villagedesk.ui.widgets.form_dialog import FormDialog

PREVIEW_SIDE = 132
#: largest photo file accepted (a phone photo is 3–8 MB)
MAX_PHOTO_BYTES = 30 * 1024 * 1024


def square_crop(image: QImage) -> QImage:
    """The centred square of an image (what the stored photo will show)."""
    side = min(image.width(), image.height())
    left, top = (image.width() - side) // 2, (image.height() - side) // 2
    return image.copy(QRect(left, top, side, side))


def photo_pixmap(data: bytes, side: int) -> QPixmap | None:
    """A stored photo as a square pixmap of ``side`` pixels, or None when unreadable."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return QPixmap.fromImage(
        square_crop(image).scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


class PhotoPicker(QWidget):
    """A square photo preview with 选择照片… / 移除; keeps the chosen file's bytes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: bytes | None = None  # newly chosen photo (not yet stored)
        self.filename = ""
        self.removed = False
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW_SIDE, PREVIEW_SIDE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel { border: 1px solid #bbb; background: #f4f4f4; }")
        self.choose = QPushButton(self.tr("Choose photo…"))
        self.remove = QPushButton(self.tr("Remove photo"))
        self.hint = QLabel(self.tr("The centre square is kept"))
        self.hint.setStyleSheet("color: #777;")
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.choose.clicked.connect(self.pick)
        self.remove.clicked.connect(self.clear)
        self.show_pixmap(None)

    def show_pixmap(self, pixmap: QPixmap | None) -> None:
        if pixmap is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No photo"))
        else:
            self.preview.setPixmap(pixmap)
        self.remove.setEnabled(pixmap is not None)

    def pick(self) -> None:
        """Ask for an image file and show its centred square."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Take a photo from a file; a file that is not an image raises ValidationError."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ValidationError(f"无法读取文件：{path}（{exc.strerror}）", "photo") from None
        if len(data) > MAX_PHOTO_BYTES:
            raise ValidationError("照片文件太大（超过 30 MB），请换一张", "photo")
        pixmap = photo_pixmap(data, PREVIEW_SIDE)
        if pixmap is None:
            raise ValidationError("所选文件不是可识别的图片", "photo")
        self.data, self.filename, self.removed = data, Path(path).name, False
        self.show_pixmap(pixmap)

    def clear(self) -> None:
        self.data, self.filename, self.removed = None, "", True
        self.show_pixmap(None)


class TeamMemberForm(FormDialog):
    """The team member form; ``saved`` is the TeamMember after a successful save."""

    def __init__(
        self,
        ctx: AppContext,
        member: TeamMember | None = None,
        parent: QWidget | None = None,
        *,
        role: TeamRole = TeamRole.MEMBER,
    ) -> None:
        title = self.tr("New team member") if member is None else self.tr("Edit team member")
        super().__init__(ctx, title, parent)
        self.member = member
        self.photo = self.add_row("photo", self.tr("Photo"), PhotoPicker())
        self.photo.choose.clicked.disconnect()
        self.photo.choose.clicked.connect(self._pick_photo)
        self.name = self.add_row("name", self.tr("Name *"), QLineEdit())
        self.role = self.add_row("role", self.tr("Role"), QComboBox())
        for r in TeamRole:
            self.role.addItem(r.value, r)
        self.unit = self.add_row("unit", self.tr("Unit"), QLineEdit())
        self.phone = self.add_row("phone", self.tr("Mobile"), QLineEdit())
        self.area = self.add_row("area", self.tr("Area (village cadres)"), QLineEdit())
        self.area.setPlaceholderText(self.tr("e.g. groups 1–3"))
        self.from_date = self.add_row(
            "from_date", self.tr("In the village from"), OptionalDate(self.tr("Set"))
        )
        self.to_date = self.add_row("to_date", self.tr("Left on"), OptionalDate(self.tr("Set")))
        self.notes = self.add_row("notes", self.tr("Notes"), text_box())
        self.role.setCurrentIndex(max(self.role.findData(member.role if member else role), 0))
        if member is not None:
            self.name.setText(member.name)
            self.unit.setText(member.unit)
            self.phone.setText(member.phone)
            self.area.setText(member.area)
            self.from_date.set_value(member.from_date)
            self.to_date.set_value(member.to_date)
            self.notes.setPlainText(member.notes)
            photo = ctx.db.attachments.get(member.photo_uid) if member.photo_uid else None
            if photo is not None:
                self.photo.show_pixmap(photo_pixmap(photo.data, PREVIEW_SIDE))

    def _pick_photo(self) -> None:
        try:
            self.photo.pick()
        except ValidationError as exc:
            self.show_error(str(exc), "photo")

    def save(self) -> TeamMember:
        name = self.name.text().strip()
        if not name:
            raise ValidationError("请填写姓名", "name")
        record = self.member or TeamMember(name=name)
        record.name = name
        record.role = self.role.currentData()
        record.unit = self.unit.text().strip()
        record.phone = self.phone.text().strip()
        record.area = self.area.text().strip()
        record.from_date = self.from_date.value()
        record.to_date = self.to_date.value()
        record.notes = self.notes.toPlainText().strip()
        db = self.ctx.db
        db.team.validate(record)  # before the photo is stored: a wrong phone changes nothing
        with db.transaction():
            old_photo = record.photo_uid
            if self.photo.data is not None:
                photo = db.attachments.add_photo(
                    "team_member", record.uid, self.photo.data,
                    filename=self.photo.filename, square=True,
                )  # fmt: skip
                record.photo_uid = photo.uid
            elif self.photo.removed:
                record.photo_uid = None
            saved = db.team.update(record) if self.member is not None else db.team.add(record)
            if old_photo and old_photo != record.photo_uid:
                db.attachments.delete(old_photo)
        return saved
