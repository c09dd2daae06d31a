"""Contact cards (便民联系卡): eight 94×66 mm cards to an A4 page, with cut marks.

Everything the cards share — team photos, names, phones, cadres, the service promise, the
12317 hotline and the QR code — is drawn once into a PDF form XObject; each card is that form
plus, with ``per_household``, its household's line. So 500 cards cost little more than the
text of one, and the file stays small (one copy of each photo and of the QR code).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.validation import ValidationError
from villagedesk.services.card_text import bold_text as _bold_text
from villagedesk.services.card_text import fit as _fit
from villagedesk.services.card_text import text_width as _width
from villagedesk.services.card_text import wrap as _wrap
from villagedesk.services.card_text import wrap_items as _wrap_items

if TYPE_CHECKING:
    from villagedesk.core.records import Household, TeamMember, VillageProfile
    from villagedesk.storage.database import Database

MM = 72 / 25.4
CARD_W, CARD_H = 94 * MM, 66 * MM
COLS, ROWS = 2, 4
GAP_X, GAP_Y = 6 * MM, 5 * MM
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN_X = (PAGE_W - COLS * CARD_W - (COLS - 1) * GAP_X) / 2
MARGIN_Y = (PAGE_H - ROWS * CARD_H - (ROWS - 1) * GAP_Y) / 2
CARDS_PER_PAGE = COLS * ROWS
#: crop marks start this far from the card's corner and run this long (inside the gutters)
MARK_OFFSET, MARK_LEN = 0.8 * MM, 2.5 * MM

HOTLINE = "12317"
HOTLINE_LABEL = "防返贫监测帮扶热线"
SLOGAN = "有困难请找我们"
TITLE = "便民联系卡"
PROMISE_LINES = 3
MAX_MEMBERS = 6
PHOTO_PX = (180, 225)  # 4:5, about 380 dpi on the card

RED = (0.76, 0.10, 0.12)
INK = (0.13, 0.13, 0.13)
GREY = (0.40, 0.40, 0.40)
PALE = (0.96, 0.93, 0.90)

Progress = Callable[[int, int], None]


@dataclass
class _CardData:
    profile: VillageProfile
    team: list[TeamMember]
    cadres: list[TeamMember]
    photos: dict[str, Any] = field(default_factory=dict)  # member uid -> ImageReader
    payload: str = ""


def _photo_reader(data: bytes) -> Any | None:
    """The photo centre-cropped to 4:5 and shrunk for print, or None when unreadable."""
    from PIL import Image, ImageOps, UnidentifiedImageError
    from reportlab.lib.utils import ImageReader

    try:
        with Image.open(io.BytesIO(data)) as img:
            img = ImageOps.exif_transpose(img).convert("RGB")
            fitted = ImageOps.fit(img, PHOTO_PX, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    except (UnidentifiedImageError, OSError, ValueError):
        return None  # a damaged photo gets the placeholder rather than failing the print
    out = io.BytesIO()
    fitted.save(out, "JPEG", quality=85)
    out.seek(0)
    return ImageReader(out)


def _load(db: Database) -> _CardData:
    from villagedesk.services.vcard import team_vcard

    team = db.team.work_team()
    if not team:
        raise ValidationError("工作队还没有成员，无法制作便民联系卡（请先在“工作队”中添加成员）")
    data = _CardData(db.profile.get(), team[:MAX_MEMBERS], db.team.cadres(), payload=team_vcard(db))
    for member in data.team:
        if member.photo_uid:
            photo = db.attachments.get(member.photo_uid)
            reader = _photo_reader(photo.data) if photo and photo.data else None
            if reader is not None:
                data.photos[member.uid] = reader
    return data


# ---------------------------------------------------------------- drawing pieces


def _silhouette(c: Any, x: float, y: float, w: float, h: float) -> None:
    """A neutral person shape for a member without a photo (vector, prints crisply)."""
    c.saveState()
    c.setFillColorRGB(0.90, 0.91, 0.93)
    c.rect(x, y, w, h, stroke=0, fill=1)
    clip = c.beginPath()
    clip.rect(x, y, w, h)
    c.clipPath(clip, stroke=0, fill=0)
    c.setFillColorRGB(0.70, 0.73, 0.78)
    c.circle(x + w / 2, y + h * 0.62, w * 0.21, stroke=0, fill=1)
    c.ellipse(x + w * 0.12, y - h * 0.28, x + w * 0.88, y + h * 0.44, stroke=0, fill=1)
    c.restoreState()


def _qr(c: Any, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as one filled path (reportlab's encoder, UTF-8 in byte mode)."""
    from reportlab.graphics.barcode import qrencoder
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from villagedesk.services.vcard import QR_LEVEL

    widget = QrCodeWidget([qrencoder.QR8bitByte(payload)], barLevel=QR_LEVEL)
    qr = widget.qr
    qr.make()
    n = qr.getModuleCount()
    box = size / n
    path = c.beginPath()
    for r, row in enumerate(qr.modules):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                # a hair of overlap so anti-aliased viewers show no seams between rows
                path.rect(
                    x + start * box, y + size - (r + 1) * box, (col - start) * box, box * 1.02
                )
            else:
                col += 1
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _cut_marks(c: Any, corners: list[tuple[float, float]]) -> None:
    """Crop marks at each card corner, outside the card (cards are given by lower-left corner)."""
    path = c.beginPath()
    o, n = MARK_OFFSET, MARK_LEN
    for x0, y0 in corners:
        for cx, sx in ((x0, -1), (x0 + CARD_W, 1)):
            for cy, sy in ((y0, -1), (y0 + CARD_H, 1)):
                path.moveTo(cx + sx * o, cy)
                path.lineTo(cx + sx * (o + n), cy)
                path.moveTo(cx, cy + sy * o)
                path.lineTo(cx, cy + sy * (o + n))
    c.saveState()
    c.setLineWidth(0.3)
    c.setStrokeColorRGB(0, 0, 0)
    c.drawPath(path, stroke=1, fill=0)
    c.restoreState()


# ---------------------------------------------------------------- the card


def draw_frame_and_band(
    c: Any,
    title: str,
    team_name: str,
    font: str,
    *,
    band_h: float,
    title_size: float,
    team_size: float,
) -> float:
    """The card's thin frame and its red title band (title left, team right, both centred in
    the band's height); returns the band's lower edge. Both sides of the card start so."""
    pad = 3 * MM
    inner = CARD_W - 2 * pad
    # thin frame: shows where the card is on screen, and is cut away at the edge anyway
    c.setStrokeColorRGB(0.80, 0.80, 0.80)
    c.setLineWidth(0.3)
    c.rect(0, 0, CARD_W, CARD_H, stroke=1, fill=0)
    band_y = CARD_H - pad - band_h

    def baseline(size: float) -> float:  # CJK glyphs stand about 0.7 em above the baseline
        return band_y + (band_h - 0.7 * size) / 2

    c.setFillColorRGB(*RED)
    c.roundRect(pad, band_y, inner, band_h, 1.2 * MM, stroke=0, fill=1)
    _bold_text(c, pad + 2.5 * MM, baseline(title_size), title, font, title_size, (1, 1, 1))
    c.setFillColorRGB(1, 1, 1)
    if team_name:
        text, size = _fit(team_name, font, team_size, inner * 0.5)
        c.setFont(font, size)
        c.drawRightString(pad + inner - 2.5 * MM, baseline(team_size), text)
    return band_y


def draw_hotline(c: Any, right: float, y: float, font: str, *, number_size: float) -> None:
    """“防返贫监测帮扶热线 12317”, ending at ``right``, the number in bold red."""
    number_x = right - _width(HOTLINE, font, number_size)
    c.setFillColorRGB(*INK)
    c.setFont(font, 7)
    c.drawRightString(number_x, y, f"{HOTLINE_LABEL} ")
    _bold_text(c, number_x, y, HOTLINE, font, number_size, RED)


def _draw_card_body(c: Any, data: _CardData, font: str, *, household_line: bool) -> None:
    """Everything every card shares, drawn at (0, 0) as the card's lower-left corner."""
    pad = 3 * MM
    inner = CARD_W - 2 * pad
    profile = data.profile
    team_name = f"{profile.village}驻村工作队" if profile.village else "驻村工作队"
    band_y = draw_frame_and_band(
        c, TITLE, team_name, font, band_h=8 * MM, title_size=13, team_size=8
    )

    # members (left) and QR (right)
    qr_size = 24 * MM
    top = band_y - 1.8 * MM
    members_w = inner - qr_size - 2 * MM
    slot = min(18 * MM, members_w / len(data.team))
    photo_w = min(13 * MM, slot - 1.5 * MM)
    photo_h = photo_w * 1.25
    for i, member in enumerate(data.team):
        cx = pad + slot * i + slot / 2
        py = top - photo_h
        reader = data.photos.get(member.uid)
        if reader is not None:
            c.drawImage(reader, cx - photo_w / 2, py, photo_w, photo_h)
        else:
            _silhouette(c, cx - photo_w / 2, py, photo_w, photo_h)
        c.setFillColorRGB(*INK)
        name, size = _fit(member.name, font, 8.5, slot - 0.6 * MM)
        c.setFont(font, size)
        c.drawCentredString(cx, py - 3.3 * MM, name)
        c.setFillColorRGB(*RED)
        role, size = _fit(member.role.value, font, 6.5, slot - 0.6 * MM)
        c.setFont(font, size)
        c.drawCentredString(cx, py - 5.9 * MM, role)
        c.setFillColorRGB(*INK)
        phone, size = _fit(member.phone or "—", font, 7.5, slot - 0.4 * MM, min_size=4)
        c.setFont(font, size)
        c.drawCentredString(cx, py - 8.7 * MM, phone)
    qr_x = pad + inner - qr_size
    if data.payload:
        _qr(c, data.payload, qr_x, top - qr_size, qr_size)
        c.setFillColorRGB(*GREY)
        c.setFont(font, 5.5)
        c.drawCentredString(qr_x + qr_size / 2, top - qr_size - 2.2 * MM, "扫码保存联系人")
    row_bottom = min(top - photo_h - 9.8 * MM, top - qr_size - 3.0 * MM)

    # info lines
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(0.5)
    c.line(pad, row_bottom, pad + inner, row_bottom)
    y = row_bottom - 3.0 * MM
    lead = 3.0 * MM
    c.setFillColorRGB(*INK)
    first = f"派出单位：{profile.dispatching_unit or '—'}"
    if profile.village_committee_phone:
        first += f"　　村委会电话：{profile.village_committee_phone}"
    text, size = _fit(first, font, 7, inner)
    c.setFont(font, size)
    c.drawString(pad, y, text)
    y -= lead
    if data.cadres:
        parts = [
            f"{m.name}{'（' + m.area + '）' if m.area else ''} {m.phone}".strip()
            for m in data.cadres
        ]
        for line in _wrap_items("村干部：", parts, font, 7, inner, 2):
            c.setFont(font, 7)
            c.drawString(pad, y, line)
            y -= lead
    bottom_reserved = (11.0 if household_line else 6.5) * MM
    promise = profile.service_promise.strip()
    if promise:
        room = max(1, min(PROMISE_LINES, int((y - bottom_reserved) / lead) + 1))
        c.setFillColorRGB(*GREY)
        for line in _wrap("服务承诺：" + promise, font, 6.5, inner, room):
            c.setFont(font, 6.5)
            c.drawString(pad, y, line)
            y -= lead

    # slogan and hotline
    base = pad + (4.6 * MM if household_line else 0.4 * MM)
    _bold_text(c, pad, base, SLOGAN, font, 9.5, RED)
    draw_hotline(c, pad + inner, base, font, number_size=10)
    if household_line:
        c.setFillColorRGB(*PALE)
        c.roundRect(pad, pad - 1.6 * MM, inner, 4.8 * MM, 0.8 * MM, stroke=0, fill=1)


def _household_text(c: Any, household: Household, font: str) -> None:
    pad = 3 * MM
    text, size = _fit(
        f"户主：{household.head_name}　　户编号：{household.household_no}",
        font,
        7.5,
        CARD_W - 2 * pad - 4 * MM,
    )
    c.setFillColorRGB(*INK)
    c.setFont(font, size)
    c.drawString(pad + 2 * MM, pad - 0.2 * MM, text)


def card_origin(index: int) -> tuple[float, float]:
    """Lower-left corner of the ``index``-th card on its page (row by row, top first)."""
    slot = index % CARDS_PER_PAGE
    row, col = divmod(slot, COLS)
    x = MARGIN_X + col * (CARD_W + GAP_X)
    y = PAGE_H - MARGIN_Y - (row + 1) * CARD_H - row * GAP_Y
    return x, y


def write_contact_cards(
    db: Database,
    out_path: str | os.PathLike[str],
    *,
    per_household: bool = False,
    back: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write contact cards: one A4 sheet of eight, or one card per household (sorted by number).

    With ``back`` each sheet is followed by its back page (the common procedures, for duplex
    printing; see ``cards_back``).
    """
    from reportlab.pdfgen import canvas as rl_canvas

    from villagedesk.services.pdf_common import atomic_output
    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()
    data = _load(db)
    if back and not data.profile.card_back.strip():
        raise ValidationError(
            "还没有填写联系卡背面的常用办事指南（请在“工作队与联系卡”中填写），无法加印背面"
        )
    households: list[Household | None]
    if per_household:
        households = list(db.households.iter(order_by="household_no"))
        if not households:
            raise ValidationError("还没有农户，无法按户制作便民联系卡")
    else:
        households = [None] * CARDS_PER_PAGE
    total = len(households)
    target = Path(out_path).expanduser().absolute()
    with atomic_output(target) as tmp:
        c = rl_canvas.Canvas(str(tmp), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
        c.setTitle(f"{data.profile.village}{TITLE}")
        c.setAuthor(f"{data.profile.village}驻村工作队")
        c.setCreator("驻村工作台 VillageDesk")
        c.beginForm("vdcard", lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        _draw_card_body(c, data, font, household_line=per_household)
        c.endForm()
        if back:
            from villagedesk.services.cards_back import draw_back_page, draw_card_back

            c.beginForm("vdback", lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
            draw_card_back(c, data.profile, font)
            c.endForm()
        corners: list[tuple[float, float]] = []
        for i, household in enumerate(households):
            x, y = card_origin(i)
            corners.append((x, y))
            c.saveState()
            c.translate(x, y)
            c.doForm("vdcard")
            if household is not None:
                _household_text(c, household, font)
            c.restoreState()
            last_on_page = (i + 1) % CARDS_PER_PAGE == 0 or i + 1 == total
            if last_on_page:
                _cut_marks(c, corners)
                c.showPage()
                if back:
                    draw_back_page(c, corners, "vdback")
                corners = []
                if progress is not None:
                    progress(i + 1, total)
        c.save()
    return target
