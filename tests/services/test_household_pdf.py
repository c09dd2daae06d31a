"""The household file (一户一档) PDF, read back with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from villagedesk.core.enums import HouseholdTag, MonitoringType, Relation, ResidentTag, RiskCause
from villagedesk.core.records import Aid, Household, Resident, VillageProfile, Visit
from villagedesk.core.validation import ValidationError, id_check_char
from villagedesk.services.household_pdf import write_household_files

TODAY = date(2026, 11, 29)  # the date tests/conftest.py pins


def _id(born: str, seq: str) -> str:
    first = f"341125{born}{seq}"
    return first + id_check_char(first)


HEAD_ID = _id("19600301", "123")


def make_households(db) -> None:
    db.profile.save(VillageProfile(village="青石村", filled_by="李明"))
    monitored = db.households.add(
        Household(
            household_no="H002", head_name="王秀英", address="张湾组8号", phone="13700001111",
            tags=[HouseholdTag.MONITORED], monitoring_type=MonitoringType.MARGINAL,
            risk_causes=[RiskCause.ILLNESS],
        )
    )  # fmt: skip
    db.residents.add(
        Resident(household_uid=monitored.uid, name="王秀英", id_number=HEAD_ID,
                 relation=Relation.HEAD, education="小学", tags=[ResidentTag.LIVING_ALONE])
    )  # fmt: skip
    db.visits.add(Visit(date=date(2026, 11, 3), household_uid=monitored.uid, needs="希望修缮屋顶"))
    db.aid.add(Aid(date=date(2026, 11, 10), household_uid=monitored.uid, amount_fen=50000))
    db.aid.add(Aid(date=date(2026, 9, 10), household_uid=monitored.uid, amount_fen=20025))
    other = db.households.add(Household(household_no="H001", head_name="李桂兰"))
    db.residents.add(Resident(household_uid=other.uid, name="李桂兰", relation=Relation.HEAD))
    db.residents.add(Resident(household_uid=other.uid, name="张小龙", relation=Relation.SON))


def _texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def test_one_household_masked(db, tmp_path: Path) -> None:
    make_households(db)
    texts = _texts(write_household_files(db, tmp_path / "h.pdf", household_no="H002"))
    text = "\n".join(texts)
    assert "一户一档" in text and "户编号：H002" in text and "王秀英" in text
    for needle in ("监测户", "边缘易致贫户", "因病", "独居老人", "张湾组8号", "希望修缮屋顶"):
        assert needle in text, needle
    assert f"341125********{HEAD_ID[-4:]}" in text and HEAD_ID not in text
    assert "合计" in text and "700.25" in text  # aid with total
    assert "李桂兰" not in text


def test_unmasked_when_asked(db, tmp_path: Path) -> None:
    make_households(db)
    text = "\n".join(
        _texts(write_household_files(db, tmp_path / "h.pdf", household_no="H002", mask_ids=False))
    )
    assert HEAD_ID in text


def test_profile_decides_by_default(db, tmp_path: Path) -> None:
    make_households(db)
    profile = db.profile.get()
    profile.mask_ids = False
    db.profile.save(profile)
    text = "\n".join(_texts(write_household_files(db, tmp_path / "h.pdf", household_no="H002")))
    assert HEAD_ID in text


def test_all_households_each_on_new_page(db, tmp_path: Path) -> None:
    make_households(db)
    seen: list[tuple[int, int]] = []
    texts = _texts(
        write_household_files(db, tmp_path / "all.pdf", progress=lambda d, t: seen.append((d, t)))
    )
    assert len(texts) == 2
    assert "户编号：H001" in texts[0] and "张小龙" in texts[0]  # sorted by number
    assert "户编号：H002" in texts[1] and "王秀英" in texts[1]
    assert "暂无走访记录" in texts[0] and "暂无帮扶慰问记录" in texts[0]
    assert seen[-1] == (2, 2)


def test_unknown_household(db, tmp_path: Path) -> None:
    make_households(db)
    with pytest.raises(ValidationError, match="找不到户编号 H999"):
        write_household_files(db, tmp_path / "h.pdf", household_no="H999")
    assert not (tmp_path / "h.pdf").exists()
