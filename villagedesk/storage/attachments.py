"""Photos kept inside the database (resized JPEG), so one file holds everything."""

from __future__ import annotations

import io

from villagedesk.core.records import Attachment
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository

MAX_SIDE = 1280
JPEG_QUALITY = 85


def shrink_photo(data: bytes, *, max_side: int = MAX_SIDE, square: bool = False) -> bytes:
    """A JPEG no larger than ``max_side`` (optionally centre-cropped square); refuses non-images."""
    from PIL import Image, ImageOps, UnidentifiedImageError  # lazy: only when saving photos

    try:
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img)
            img = img.convert("RGB")
            if square:
                side = min(img.size)
                left, top = (img.width - side) // 2, (img.height - side) // 2
                img = img.crop((left, top, left + side, top + side))
            img.thumbnail((max_side, max_side))
            out = io.BytesIO()
            img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ValidationError("所选文件不是可识别的图片") from exc


class AttachmentRepo(Repository[Attachment]):
    record_class = Attachment
    kind = "attachment"
    default_order = "created_at"

    def validate(self, record: Attachment) -> None:
        if not record.data:
            raise ValidationError("图片内容为空")

    def add_photo(
        self,
        owner_kind: str,
        owner_uid: str,
        data: bytes,
        *,
        filename: str = "",
        square: bool = False,
    ) -> Attachment:
        """Resize and store a photo for a record."""
        max_side = 600 if square else MAX_SIDE
        photo = Attachment(
            owner_kind=owner_kind,
            owner_uid=owner_uid,
            filename=filename,
            mime="image/jpeg",
            data=shrink_photo(data, max_side=max_side, square=square),
        )
        return self.add(photo)

    def of_owner(self, owner_uid: str) -> list[Attachment]:
        """The photos attached to a record."""
        return self.find("owner_uid = ?", [owner_uid])
