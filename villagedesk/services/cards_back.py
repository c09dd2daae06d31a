"""The back of the contact card (便民联系卡背面): the common procedures (常用办事指南).

Teams often print, on the back of the card, where to go and what to bring for the things
villagers ask most. The text is the team's own (``VillageProfile.card_back``): one procedure a
line, ``事项：怎么办``. ``SUGGESTED_BACK`` is an example the team edits; nothing is printed on
the back unless they ask for it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from villagedesk.core.profile import VillageProfile

BACK_TITLE = "常用办事指南"
#: an example for the team to adapt (the usual procedures; offices and phones are local)
SUGGESTED_BACK = "\n".join(
    [
        "低保、特困供养申请：向村委会提出书面申请，带户口簿、身份证，乡镇审核、县民政局审批",
        "临时救助：遇急难事向村委会或乡镇社会救助窗口申请，情况紧急可先行救助",
        "医疗费用报销：住院凭医保卡或身份证在医院一站式结算；大病、门诊慢特病到乡镇医保办",
        "残疾人两项补贴：持残疾证向村委会申请，乡镇审核后按月发放",
        "防返贫监测：家庭收入骤减、支出骤增时，向村委会申报或拨打12317",
        "城乡居民养老保险：每年在村协管员处缴费，年满60周岁到乡镇办理领取",
    ]
)
MAX_ITEMS = 8


def back_items(text: str) -> list[tuple[str, str]]:
    """The procedures as (事项, 怎么办): one a line, split at the first colon; blanks skipped."""
    items = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        head, sep, body = line.replace(":", "：").partition("：")
        items.append((head.strip(), body.strip()) if sep else ("", line))
    return items


def draw_card_back(c: Any, profile: VillageProfile, font: str) -> None:
    """The back of a card, drawn at (0, 0) as its lower-left corner (a PDF form's body)."""
    from villagedesk.services.card_text import fit, text_width
    from villagedesk.services.cards_pdf import (
        CARD_W,
        INK,
        MM,
        RED,
        draw_frame_and_band,
        draw_hotline,
    )

    pad = 3 * MM
    inner = CARD_W - 2 * pad
    team_name = f"{profile.village}驻村工作队" if profile.village else ""
    band_y = draw_frame_and_band(
        c, BACK_TITLE, team_name, font, band_h=7 * MM, title_size=11.5, team_size=7.5
    )

    # the footer first: what is left between the band and it is the room for the procedures
    footer_y = pad + 0.4 * MM
    c.setFillColorRGB(*INK)
    phone = profile.village_committee_phone
    left = f"村委会电话：{phone}" if phone else "有困难请找驻村工作队"
    text, size = fit(left, font, 7, inner * 0.55)
    c.setFont(font, size)
    c.drawString(pad, footer_y, text)
    draw_hotline(c, pad + inner, footer_y, font, number_size=9.5)
    c.setStrokeColorRGB(*RED)
    c.setLineWidth(0.5)
    c.line(pad, footer_y + 3.6 * MM, pad + inner, footer_y + 3.6 * MM)

    items = back_items(profile.card_back)[:MAX_ITEMS]
    top, bottom = band_y - 3.4 * MM, footer_y + 5.2 * MM
    # the largest size at which every procedure fits whole; at the smallest, what fits
    size = 8.4
    while True:
        lead = size * 1.38
        room = int((top - bottom) / lead) + 1
        lines = _layout(items, font, size, inner, 10_000)
        if len(lines) <= room or size <= 5.0:
            lines = _layout(items, font, size, inner, room)
            break
        size -= 0.2
    # what room is left goes between the procedures, so they read as separate items
    starts = sum(1 for head, _ in lines if head) - 1
    spare = (top - bottom) - (len(lines) - 1) * lead
    gap = min(spare / starts, lead * 0.6) if starts > 0 and spare > 0 else 0.0
    y = top
    for n, (head, body) in enumerate(lines):
        if head and n:
            y -= gap
        x = pad
        c.setFont(font, size)
        if head:
            c.setFillColorRGB(*RED)
            label = f"■ {head}："
            c.drawString(x, y, label)
            x += text_width(label, font, size)
        c.setFillColorRGB(*INK)
        c.drawString(x, y, body)
        y -= lead


def write_back_sample(profile: VillageProfile, out_path: str | os.PathLike[str]) -> Path:
    """One card's back alone, a page the size of the card (the editor's live preview)."""
    from reportlab.pdfgen import canvas as rl_canvas

    from villagedesk.services.cards_pdf import CARD_H, CARD_W
    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()
    out = Path(out_path)
    c = rl_canvas.Canvas(str(out), pagesize=(CARD_W, CARD_H))
    draw_card_back(c, profile, font)
    c.showPage()
    c.save()
    return out


def draw_back_page(c: Any, corners: list[tuple[float, float]], form: str) -> None:
    """The page printed on the other side of a sheet of cards: each card's back behind it.

    Duplex printers turn the sheet over its long edge, so a card in the left column has its
    back in the right column of the back page, at the same height.
    """
    from villagedesk.services.cards_pdf import CARD_W, PAGE_W

    for x, y in corners:
        c.saveState()
        c.translate(PAGE_W - x - CARD_W, y)
        c.doForm(form)
        c.restoreState()
    c.showPage()


def _layout(
    items: list[tuple[str, str]], font: str, size: float, width: float, room: int
) -> list[tuple[str, str]]:
    """Lines (heading or "", text) of the items within ``room`` lines: each item its first line
    (after its heading), then as many more as the room left for the items after it allows."""
    from villagedesk.services.card_text import text_width, wrap

    indent = "　"
    lines: list[tuple[str, str]] = []
    for i, (head, body) in enumerate(items):
        budget = room - len(lines) - (len(items) - i - 1)  # keep a line for each item after
        if budget < 1:
            budget = room - len(lines)
            if budget < 1:
                break
        text = " ".join(body.split())
        first_w = width - (text_width(f"■ {head}：", font, size) if head else 0)
        if not text:
            lines.append((head, ""))
            continue
        first = wrap(text, font, size, first_w, 1_000)[0]
        rest = text[len(first) :].strip()
        if rest and budget == 1:  # no room for more: the first line ends with …
            lines.append((head, wrap(text, font, size, first_w, 1)[0]))
            continue
        lines.append((head, first))
        if rest:
            more = wrap(rest, font, size, width - text_width(indent, font, size), budget - 1)
            lines.extend(("", indent + line) for line in more)
    return lines[:room]
