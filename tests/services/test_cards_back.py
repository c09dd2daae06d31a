"""The back of the contact card: the common procedures, placed behind each card for duplex."""

from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfReader
from test_cards_pdf import make_team

from villagedesk.core.validation import ValidationError
from villagedesk.services.card_text import text_width, wrap
from villagedesk.services.cards_back import BACK_TITLE, SUGGESTED_BACK, back_items
from villagedesk.services.cards_pdf import CARDS_PER_PAGE, PAGE_W, card_origin, write_contact_cards
from villagedesk.services.pdf_fonts import register_pdf_font


def with_back(db, text: str = SUGGESTED_BACK) -> None:
    profile = db.profile.get()
    profile.card_back = text
    db.profile.save(profile)


def test_procedures_are_read_one_a_line():
    text = "低保申请：向村委会申请\n\n 临时救助:急难时申请 \n只有一句话的提醒"
    assert back_items(text) == [
        ("低保申请", "向村委会申请"),
        ("临时救助", "急难时申请"),
        ("", "只有一句话的提醒"),
    ]
    assert len(back_items(SUGGESTED_BACK)) == 6


def test_a_sheet_with_its_back_page(db, tmp_path):
    make_team(db)
    with_back(db)
    out = write_contact_cards(db, tmp_path / "cards.pdf", back=True)
    pages = PdfReader(out).pages
    assert len(pages) == 2
    front, back = (p.extract_text() for p in pages)
    assert "便民联系卡" in front and BACK_TITLE not in front
    assert back.count(BACK_TITLE) == CARDS_PER_PAGE
    for head, _ in back_items(SUGGESTED_BACK):
        assert back.count(f"■ {head}：") == CARDS_PER_PAGE
    assert back.count("0550-7316218") == CARDS_PER_PAGE  # the village committee's phone
    assert "12317" in back


def test_each_back_is_behind_its_card_for_a_long_edge_flip(db, tmp_path):
    make_team(db, households=3)  # three cards: left and right of row 1, left of row 2
    with_back(db)
    out = write_contact_cards(db, tmp_path / "cards.pdf", per_household=True, back=True)
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[1]
        titles = [w for w in page.extract_words() if w["text"].startswith(BACK_TITLE)]
    assert [card_origin(i)[0] < PAGE_W / 2 for i in range(3)] == [True, False, True]  # front
    # (on the right?, row) of each back: a card on the left has its back on the right
    found = {(w["x0"] > PAGE_W / 2, round(w["bottom"], -1)) for w in titles}
    assert len(titles) == 3
    rows_found = sorted({b for _, b in found})
    assert len(rows_found) == 2
    first_row = {right for right, b in found if b == rows_found[0]}
    second_row = {right for right, b in found if b == rows_found[1]}
    assert first_row == {True, False}  # both cards of the first row have their backs
    assert second_row == {True}  # the third card (left on the front) is backed on the right


def test_asking_for_the_back_without_its_text_writes_nothing(db, tmp_path):
    make_team(db)
    with pytest.raises(ValidationError, match="常用办事指南"):
        write_contact_cards(db, tmp_path / "out" / "cards.pdf", back=True)
    assert not (tmp_path / "out").exists()


def test_without_the_back_the_cards_are_as_before(db, tmp_path):
    make_team(db)
    with_back(db)
    out = write_contact_cards(db, tmp_path / "cards.pdf")
    assert len(PdfReader(out).pages) == 1


def test_numbers_are_not_broken_across_lines():
    font = register_pdf_font()
    text = "家庭收入骤减、支出骤增时，向村委会申报或拨打12317热线"
    width = text_width("家庭收入骤减、支出骤增时，向村委会申报或拨打1", font, 8)
    assert wrap(text, font, 8, width, 5) == [
        "家庭收入骤减、支出骤增时，向村委会申报或拨打",
        "12317热线",
    ]
    # a number longer than a whole line is still broken, where it must be
    assert "".join(wrap("13800138000", font, 8, 20, 9)) == "13800138000"


def test_a_back_alone_for_the_preview(tmp_path):
    from villagedesk.core.profile import VillageProfile
    from villagedesk.services.cards_back import write_back_sample
    from villagedesk.services.cards_pdf import CARD_H, CARD_W

    profile = VillageProfile(village="青石村", card_back="临时救助：急难时向乡镇申请")
    out = write_back_sample(profile, tmp_path / "back.pdf")
    (page,) = PdfReader(out).pages
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (CARD_W, CARD_H)
    )
    assert "■ 临时救助：急难时向乡镇申请" in page.extract_text().replace("\n", "")
