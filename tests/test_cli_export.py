"""``villagedesk export``: exit codes, messages and what lands on disk."""

from __future__ import annotations

from datetime import date

import openpyxl
import pypdf
import pytest
from builders import HEAD_ID, add_head_household

from villagedesk.cli import main
from villagedesk.commands import export as export_cmd
from villagedesk.core.records import Aid, VillageProfile


@pytest.fixture
def village_db(db):
    db.profile.save(VillageProfile(village="青山村", filled_by="李文"))
    hh = add_head_household(db, "001", "张大山", id_number=HEAD_ID)
    db.aid.add(Aid(date=date(2026, 11, 3), household_uid=hh.uid, amount_fen=12345))
    return db


def run(db, *args: str) -> int:
    return main(["--db", str(db.path), "export", *args])


def test_ledger_masked_by_default_and_full_with_show_ids(village_db, tmp_path, capsys):
    out = tmp_path / "台账.xlsx"
    assert run(village_db, "ledger", "--month", "2026-11", "-o", str(out)) == 0
    assert "已导出" in capsys.readouterr().out
    cell = openpyxl.load_workbook(out)["帮扶慰问台账"].cell(4, 4).value
    assert cell == HEAD_ID[:6] + "********" + HEAD_ID[-4:]
    assert run(village_db, "ledger", "--month", "2026-11", "-o", str(out), "--show-ids") == 0
    assert openpyxl.load_workbook(out)["帮扶慰问台账"].cell(4, 4).value == HEAD_ID


def test_month_defaults_to_this_month(village_db, tmp_path):
    out = tmp_path / "now.xlsx"
    assert run(village_db, "ledger", "-o", str(out)) == 0
    assert "2026年11月" in openpyxl.load_workbook(out)["汇总"]["A1"].value


def test_aid_sheet(village_db, tmp_path):
    out = tmp_path / "aid.pdf"
    assert run(village_db, "aid-sheet", "--month", "2026-11", "-o", str(out)) == 0
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "张大山" in text and "123.45" in text and "领取人签字" in text


@pytest.mark.parametrize("month", ["2026-13", "abc"])
def test_unknown_month_exits_2_and_writes_nothing(village_db, tmp_path, capsys, month):
    out = tmp_path / "x.xlsx"
    assert run(village_db, "ledger", "--month", month, "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert "月份" in err and "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if ".xlsx" in p.name]


def test_empty_month_writes_valid_files_saying_so(village_db, tmp_path):
    xlsx, pdf = tmp_path / "e.xlsx", tmp_path / "e.pdf"
    assert run(village_db, "ledger", "--month", "2025-01", "-o", str(xlsx)) == 0
    assert openpyxl.load_workbook(xlsx)["走访台账"]["A4"].value == "本月无记录"
    assert run(village_db, "aid-sheet", "--month", "2025-01", "-o", str(pdf)) == 0
    assert "本月无慰问记录" in pypdf.PdfReader(pdf).pages[0].extract_text()


@pytest.mark.parametrize("kind", ["ledger", "aid-sheet"])
def test_missing_output_folder_exits_1_and_writes_nothing(village_db, tmp_path, capsys, kind):
    out = tmp_path / "no-such-folder" / "x.out"
    assert run(village_db, kind, "--month", "2026-11", "-o", str(out)) == 1
    assert "无法写入文件" in capsys.readouterr().err
    assert not out.parent.exists()


def test_output_that_is_a_folder_exits_1(village_db, tmp_path, capsys):
    assert run(village_db, "ledger", "-o", str(tmp_path)) == 1
    assert "文件夹" in capsys.readouterr().err


def test_kind_whose_writer_is_not_there_yet(village_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(
        export_cmd._OTHER_WRITERS, "report", ("villagedesk.services.no_such_writer", "write")
    )
    out = tmp_path / "r.pdf"
    assert run(village_db, "report", "-o", str(out)) == 1
    assert "该导出功能尚未提供" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_kind_is_a_usage_error(village_db, tmp_path, capsys):
    assert run(village_db, "spreadsheet", "-o", str(tmp_path / "x")) == 2
    assert "用法错误" in capsys.readouterr().err


def test_cards_with_their_back(village_db, tmp_path, capsys):
    from villagedesk.core.enums import TeamRole
    from villagedesk.core.records import TeamMember

    village_db.team.add(
        TeamMember(name="张建国", role=TeamRole.FIRST_SECRETARY, phone="13905501234")
    )
    out = tmp_path / "cards.pdf"
    assert run(village_db, "cards", "--back", "-o", str(out)) == 2  # no text for the back yet
    assert "常用办事指南" in capsys.readouterr().err and not out.exists()
    profile = village_db.profile.get()
    profile.card_back = "低保申请：向村委会提出申请\n临时救助：急难时向乡镇申请"
    village_db.profile.save(profile)
    assert run(village_db, "cards", "--back", "-o", str(out)) == 0
    pages = pypdf.PdfReader(out).pages
    assert len(pages) == 2 and "■ 临时救助：" in pages[1].extract_text()
