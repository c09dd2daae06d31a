"""`villagedesk import`: dry-run JSON, exit codes, refused rows workbook."""

from __future__ import annotations

import json

from openpyxl import load_workbook

from tests.services.importing.conftest import IDS, db_fingerprint, write_xlsx
from villagedesk.cli import main
from villagedesk.services.importing.values import MANGLED_ID
from villagedesk.storage.database import open_database

ROWS = [
    ["白沙村花名册"],
    ["户编号", "姓名", "与户主关系", "身份证号码"],
    ["001", "张三", "户主", IDS[1]],
    ["001", "李芳", "妻子", 4.30124199e17],
    ["002", "王五", "户主", IDS[3]],
]


def test_dry_run_json_changes_nothing(tmp_path, capsys):
    db_path = tmp_path / "v.db"
    open_database(db_path).close()
    db = open_database(db_path)
    before = db_fingerprint(db)
    db.close()
    path = write_xlsx(tmp_path / "r.xlsx", ROWS, merges=["A1:D1"])
    code = main(["--db", str(db_path), "import", "residents", str(path), "--dry-run", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True and data["kind"] == "residents" and data["header_rows"] == [2]
    assert data["counts"] == {
        "rows": 3,
        "to_add": 2,
        "to_update": 0,
        "skipped": 0,
        "refused": 1,
        "ignored": 0,
    }
    assert data["refused"] == [{"row": 4, "reason": MANGLED_ID}]
    assert [(m["column"], m["field"]) for m in data["mapping"]] == [
        ("A", "household_no"), ("B", "name"), ("C", "relation"), ("D", "id_number"),
    ]  # fmt: skip
    db = open_database(db_path)
    assert db_fingerprint(db) == before
    db.close()


def test_import_then_again_with_duplicates(tmp_path, capsys):
    db_path = tmp_path / "v.db"
    path = write_xlsx(tmp_path / "r.xlsx", ROWS)
    refused = tmp_path / "未导入.xlsx"
    code = main(
        ["--db", str(db_path), "import", "residents", str(path), "--refused-out", str(refused)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "导入完成：新增 2 行（户 2、人 2）" in out and "未导入 1 行" in out and "第 4 行" in out
    wb = load_workbook(refused)
    rows = list(wb.active.values)
    assert rows[0] == ("户编号", "姓名", "与户主关系", "身份证号码", "原因")
    assert rows[1][:3] == ("001", "李芳", "妻子") and rows[1][4] == MANGLED_ID
    db = open_database(db_path)
    assert db.households.count() == 2 and db.residents.count() == 2
    db.close()
    code = main(
        ["--db", str(db_path), "import", "residents", str(path), "--json", "--duplicates", "skip"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["counts"]["skipped"] == 2 and data["added"]["residents"] == 0


def test_unreadable_file_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    code = main(["--db", str(tmp_path / "v.db"), "import", "visits", str(bad)])
    assert code == 2
    assert "不是 Excel 工作簿" in capsys.readouterr().err


def test_unknown_kind_is_usage_error(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "v.db"), "import", "deeds", "x.xlsx"])
    assert code == 2


def test_monitoring_list_from_cli(tmp_path, capsys):
    db_path = tmp_path / "v.db"
    main(["--db", str(db_path), "import", "residents", str(write_xlsx(tmp_path / "r.xlsx", ROWS))])
    capsys.readouterr()
    lst = write_xlsx(
        tmp_path / "m.xlsx",
        [["姓名", "身份证号码", "类别"], ["张三", IDS[1], "因病"], ["某人", None, "因残"]],
    )
    code = main(["--db", str(db_path), "import", "monitoring", str(lst), "--source", "县残联",
                 "--list-date", "2026-11-02"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "身份证号码匹配 1 人" in out and "未匹配 1 人" in out and "村里没有叫“某人”的村民" in out
