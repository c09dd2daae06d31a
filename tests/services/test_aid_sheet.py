"""The aid sign-off sheet PDF, read back with pypdf."""

from __future__ import annotations

import os
from datetime import date

import pypdf
import pytest
from builders import HEAD_ID, add_head_household

from villagedesk.core.enums import AidKind
from villagedesk.core.records import Aid, Group, VillageProfile
from villagedesk.core.validation import ValidationError
from villagedesk.services.aid_sheet import write_aid_sheet
from villagedesk.services.pdf_common import ExportError


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


@pytest.fixture
def village(db):
    db.profile.save(
        VillageProfile(
            village="青山村", dispatching_unit="市农业农村局", filled_by="李文", reviewed_by="王强"
        )
    )
    g = db.groups.add(Group(name="三组"))
    hh = add_head_household(db, "001", "张大山", id_number=HEAD_ID, group_uid=g.uid)
    db.aid.add(Aid(date=date(2026, 11, 3), household_uid=hh.uid, amount_fen=50050, hardship="低保户",
                   funding_source="派出单位", given_by="周建国"))  # fmt: skip
    db.aid.add(
        Aid(
            date=date(2026, 11, 4),
            household_uid=hh.uid,
            amount_fen=30025,
            goods="大米",
            quantity="1袋",
        )
    )
    db.aid.add(
        Aid(
            date=date(2026, 11, 5),
            household_uid=hh.uid,
            kind=AidKind.GOODS,
            goods="棉被",
            quantity="2床",
        )
    )
    db.aid.add(Aid(date=date(2026, 10, 5), household_uid=hh.uid, amount_fen=77700))  # another month
    return hh


def test_sheet_has_the_village_the_head_the_total_and_a_signature_column(db, village, tmp_path):
    out = write_aid_sheet(db, "2026-11", tmp_path / "登记表.pdf")
    text = pdf_text(out)
    assert "青山村慰问金/物资发放登记表（2026年11月）" in text
    assert "填报单位：市农业农村局 青山村驻村工作队" in text
    assert "张大山" in text and "三组" in text
    assert "领取人签字" in text
    assert "合计" in text and "800.75" in text  # 500.50 + 300.25
    assert "777.00" not in text
    assert "3 人次" in text and "物品 2 份" in text
    assert "填报人：李文" in text and "审核人：王强" in text
    assert "内部资料 注意保密" in text and "第 1 页 共 1 页" in text
    assert HEAD_ID not in text and HEAD_ID[:6] + "********" + HEAD_ID[-4:] in text


def test_show_ids_and_font_embedded(db, village, tmp_path):
    out = write_aid_sheet(db, "2026-11", tmp_path / "full.pdf", mask_ids=False)
    assert HEAD_ID in pdf_text(out)
    reader = pypdf.PdfReader(out)
    font = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                   for f in font.values() if "/DescendantFonts" in f.get_object()]  # fmt: skip
    if not descriptors:
        descriptors = [f.get_object()["/FontDescriptor"] for f in font.values()
                       if "/FontDescriptor" in f.get_object()]  # fmt: skip
    assert any("/FontFile2" in d for d in descriptors)
    landscape = reader.pages[0].mediabox
    assert float(landscape.width) > float(landscape.height)


def test_many_rows_continue_over_pages_with_the_header(db, village, tmp_path):
    for day in range(1, 29):
        db.aid.add(Aid(date=date(2026, 11, day), household_uid=village.uid, amount_fen=10001))
    out = write_aid_sheet(db, "2026-11", tmp_path / "long.pdf")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "领取人签字" in page.extract_text()
    total = 50050 + 30025 + 28 * 10001
    assert f"{total // 100}.{total % 100:02d}" in pdf_text(out)
    assert f"共 {len(reader.pages)} 页" in reader.pages[-1].extract_text()


def test_empty_month_is_a_valid_page_saying_so(db, tmp_path):
    db.profile.save(VillageProfile(village="青山村"))
    out = write_aid_sheet(db, "2026-02", tmp_path / "empty.pdf")
    text = pdf_text(out)
    assert "本月无慰问记录" in text and "合计" not in text


def test_bad_month_and_unwritable_target(db, tmp_path, monkeypatch):
    with pytest.raises(ValidationError):
        write_aid_sheet(db, "2026-13", tmp_path / "x.pdf")
    with pytest.raises(ExportError, match="不存在"):
        write_aid_sheet(db, "2026-11", tmp_path / "missing" / "x.pdf")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="权限不足"):
        write_aid_sheet(db, "2026-11", tmp_path / "x.pdf")
    assert not [p for p in tmp_path.iterdir() if ".pdf" in p.name]
