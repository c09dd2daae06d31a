"""``villagedesk template learn|list|delete`` and ``export template NAME``."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from builders import HEAD_ID, add_head_household

from villagedesk.cli import main
from villagedesk.core.records import Aid, VillageProfile


@pytest.fixture
def village_db(db):
    db.profile.save(VillageProfile(village="青山村"))
    hh = add_head_household(db, "001", "张大山", id_number=HEAD_ID)
    for day, fen in ((3, 12345), (9, 50000), (20, 10000)):
        db.aid.add(Aid(date=date(2026, 11, day), household_uid=hh.uid, amount_fen=fen))
    return db


def aid_form(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "××村2026年X月慰问金发放登记表"
    ws.merge_cells("A1:F1")
    for col, text in enumerate(
        ["序号", "日期", "对象", "身份证号码", "金额（元）", "领取人签字"], 1
    ):
        ws.cell(row=2, column=col, value=text)
    ws["A4"] = "合计"
    wb.save(path)
    return path


def run(db, *args: str) -> int:
    return main(["--db", str(db.path), *args])


def test_learn_list_export_delete(village_db, tmp_path, capsys):
    form = aid_form(tmp_path / "form.xlsx")
    assert run(village_db, "template", "learn", str(form), "慰问表", "--rows", "aid",
               "--map", "F=文字:") == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "表头在第 2 行，数据从第 3 行开始" in out
    assert "金额(元)" in out and "慰问金(元)（amount）" in out
    assert run(village_db, "template", "list") == 0
    assert capsys.readouterr().out.startswith("慰问表\t当月帮扶慰问")

    target = tmp_path / "11月.xlsx"
    assert (
        run(village_db, "export", "template", "慰问表", "--month", "2026-11", "-o", str(target))
        == 0
    )
    ws = openpyxl.load_workbook(target).active
    assert ws["A1"].value == "青山村2026年11月慰问金发放登记表"
    rows = [[ws.cell(row=r, column=c).value for c in range(1, 6)] for r in (3, 4, 5)]
    masked = HEAD_ID[:6] + "********" + HEAD_ID[-4:]
    assert [r[0] for r in rows] == [1, 2, 3]
    assert [r[4] for r in rows] == [123.45, 500.0, 100.0]
    assert all(r[2] == "张大山" and r[3] == masked for r in rows)
    assert ws.cell(row=3, column=5).number_format == "#,##0.00"
    assert ws["A6"].value == "合计" and ws["E6"].value == 723.45

    assert run(village_db, "export", "--name", "慰问表", "template", "-o", str(target),
               "--month", "2026-11", "--show-ids") == 0  # fmt: skip
    assert openpyxl.load_workbook(target).active["D3"].value == HEAD_ID

    assert run(village_db, "template", "delete", "慰问表") == 0
    assert run(village_db, "template", "delete", "慰问表") == 2
    assert "没有名为“慰问表”的模板" in capsys.readouterr().err


def test_bad_input_exits_2_and_saves_nothing(village_db, tmp_path, capsys):
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a workbook at all")
    assert run(village_db, "template", "learn", str(broken), "坏") == 2
    assert "不是 Excel 工作簿" in capsys.readouterr().err
    form = aid_form(tmp_path / "form.xlsx")
    assert run(village_db, "template", "learn", str(form), "x", "--rows", "aid",
               "--map", "Z=金额") == 2  # fmt: skip
    assert "没有“Z”这一列" in capsys.readouterr().err
    assert run(village_db, "template", "learn", str(form), "x", "--rows", "nonsense") == 2
    out = tmp_path / "o.xlsx"
    assert run(village_db, "export", "template", "x", "-o", str(out)) == 2
    assert "没有名为“x”的模板" in capsys.readouterr().err
    assert run(village_db, "export", "template", "-o", str(out)) == 2
    assert not out.exists()
    assert run(village_db, "template", "list") == 0
    assert "还没有保存任何模板" in capsys.readouterr().out
