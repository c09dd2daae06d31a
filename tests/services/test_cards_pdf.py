"""Contact cards: the vCard payload, page counts, the household line and the QR code decoded."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from villagedesk.core.enums import TeamRole
from villagedesk.core.records import Household, TeamMember, VillageProfile
from villagedesk.core.validation import ValidationError
from villagedesk.services.cards_pdf import CARDS_PER_PAGE, write_contact_cards
from villagedesk.services.vcard import fits_qr, split_chinese_name, team_vcard

PHONES = ["13905501234", "13905505678", "15855012345"]


def _photo() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 400), (90, 140, 200)).save(out, "JPEG")
    return out.getvalue()


def make_team(db, *, households: int = 0) -> None:
    db.profile.save(
        VillageProfile(
            village="青石村", dispatching_unit="市民政局", village_committee_phone="0550-7316218",
            service_promise="小事不出村组、大事不出乡镇；群众诉求当天登记、限期办理、办结回访。" * 3,
        )
    )  # fmt: skip
    roles = [TeamRole.FIRST_SECRETARY, TeamRole.MEMBER, TeamRole.MEMBER]
    names = ["张建国", "李明", "欧阳晓红"]
    members = [
        db.team.add(TeamMember(name=n, role=r, phone=p))
        for n, r, p in zip(names, roles, PHONES, strict=True)
    ]
    photo = db.attachments.add_photo("team_member", members[0].uid, _photo(), square=True)
    members[0].photo_uid = photo.uid
    db.team.update(members[0])
    db.team.add(
        TeamMember(name="陈德明", role=TeamRole.VILLAGE_CADRE, phone="13805509876", area="张湾组")
    )
    for i in range(households):
        db.households.add(
            Household(household_no=f"H{i + 1:04d}", head_name=f"王{'一二三四五六七八九十'[i % 10]}")
        )


def test_team_vcard_payload(db) -> None:
    make_team(db)
    payload = team_vcard(db)
    assert fits_qr(payload)
    assert payload.count("BEGIN:VCARD") == payload.count("END:VCARD") >= 4
    assert payload.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    for phone in PHONES:
        assert f"TEL;TYPE=CELL:{phone}" in payload
    assert "N;CHARSET=UTF-8:欧阳;晓红;;;" in payload
    assert "FN;CHARSET=UTF-8:张建国" in payload
    assert "ORG;CHARSET=UTF-8:市民政局驻青石村工作队" in payload
    assert "TEL;TYPE=WORK:0550-7316218" in payload


def test_too_many_contacts_fall_back_to_first_secretary_and_committee(db) -> None:
    make_team(db)
    for i in range(8):
        db.team.add(TeamMember(name=f"周{'甲乙丙丁戊己庚辛'[i]}强", phone=f"1390550{i:04d}"))
    payload = team_vcard(db)
    assert fits_qr(payload)
    assert payload.count("BEGIN:VCARD") == 2
    assert "13905501234" in payload and "0550-7316218" in payload
    assert "13905505678" not in payload


def test_split_chinese_name() -> None:
    assert split_chinese_name("张建国") == ("张", "建国")
    assert split_chinese_name("司马光明") == ("司马", "光明")
    assert split_chinese_name("Anna") == ("Anna", "")


def _page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def test_one_sheet_of_cards(db, tmp_path: Path) -> None:
    make_team(db)
    out = write_contact_cards(db, tmp_path / "cards.pdf")
    texts = _page_texts(out)
    assert len(texts) == 1
    text = texts[0].replace(" ", "")
    assert text.count("便民联系卡") == CARDS_PER_PAGE
    for needle in ("张建国", "第一书记", "13905501234", "市民政局", "0550-7316218", "陈德明",
                   "有困难请找我们", "12317", "服务承诺"):  # fmt: skip
        assert needle in text, needle
    assert "户主" not in text


def test_per_household_cards(db, tmp_path: Path) -> None:
    make_team(db, households=11)
    progress: list[tuple[int, int]] = []
    out = write_contact_cards(
        db,
        tmp_path / "cards.pdf",
        per_household=True,
        progress=lambda d, t: progress.append((d, t)),
    )
    texts = _page_texts(out)
    assert len(texts) == 2  # 11 cards, 8 to a page
    assert "户主：王一" in texts[0] and "户编号：H0001" in texts[0]
    assert "户编号：H0011" in texts[1] and "H0008" not in texts[1]
    assert texts[1].replace(" ", "").count("便民联系卡") == 3
    assert progress[-1] == (11, 11)


def test_qr_code_decodes_to_the_team_vcard(db, tmp_path: Path) -> None:
    """Render the page with pdfium and read the codes back with zxing-cpp."""
    make_team(db)
    out = write_contact_cards(db, tmp_path / "cards.pdf")
    image = pypdfium2.PdfDocument(out)[0].render(scale=300 / 72).to_pil()
    codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    assert len(codes) == CARDS_PER_PAGE
    assert {c.text for c in codes} == {team_vcard(db)}
    for phone in PHONES:
        assert f"TEL;TYPE=CELL:{phone}" in codes[0].text
    assert "FN;CHARSET=UTF-8:欧阳晓红" in codes[0].text  # UTF-8 Chinese survives the round trip


def test_font_embedded_and_photo_drawn_once(db, tmp_path: Path) -> None:
    make_team(db, households=20)
    reader = PdfReader(write_contact_cards(db, tmp_path / "c.pdf", per_household=True))
    font = next(
        f.get_object()
        for f in reader.pages[0]["/Resources"]["/Font"].values()
        if "/FontDescriptor" in f.get_object()
    )
    assert "+" in str(font["/BaseFont"]) and "/FontFile2" in font["/FontDescriptor"].get_object()
    images = {
        id(obj)
        for page in reader.pages
        for obj in [x.get_object() for x in page["/Resources"].get("/XObject", {}).values()]
    }
    assert len(images) == 1  # every card is the same form XObject


def test_refusals(db, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="工作队还没有成员"):
        write_contact_cards(db, tmp_path / "c.pdf")
    make_team(db)
    with pytest.raises(ValidationError, match="还没有农户"):
        write_contact_cards(db, tmp_path / "c.pdf", per_household=True)
    assert not any(p.suffix in (".pdf", ".tmp") for p in tmp_path.iterdir())
