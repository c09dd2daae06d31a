"""导入数据 wizard: driven like a person through a messy real-shaped roster."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from villagedesk.core.validation import id_check_char
from villagedesk.storage.backup import backup_dir_for
from villagedesk.ui import import_wizard
from villagedesk.ui.context import AppContext
from villagedesk.ui.import_wizard import (
    PAGE_FILE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    PAGE_RESULT,
    PAGE_SHEET,
    ImportWizard,
)


def idn(first17: str) -> str:
    return first17 + id_check_char(first17)


ZHANG, LI, ZHAO, WANG = (idn("43012419650302001"), idn("43012419680411002"),
                         idn("43012419720515003"), idn("43012419900101004"))  # fmt: skip


def make_roster(path: Path, *, extra_sheet: bool = False) -> Path:
    """A roster as teams keep them: a title, a 填报单位 line, a two-row header with merged
    group headers, an ID number Excel turned into a number, a totals row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    rows = [
        ["青石村村民花名册"] + [None] * 8,
        ["填报单位：青石村驻村工作队"] + [None] * 8,
        ["序号", "户编号", "基本信息", None, None, "联系方式", None, "所在组", "其他"],
        [None, None, "姓名", "身份证号码", "与户主关系", "联系电话", "家庭住址", None, None],
        [1, "H001", "张三", ZHANG, "户主", "13800000001", "一组1号", "一组", "党员"],
        [2, "H001", "李四", LI, "配偶", "13800000002", "一组1号", "一组", None],
        [3, "H002", "赵六", ZHAO, "户主", "13800000003", "二组5号", "二组", "低保"],
        [4, "H002", "王五", float(WANG[:15] + "000"), "子", None, "二组5号", "二组", None],
        ["合计", None, "4人", None, None, None, None, None, None],
    ]
    for row in rows:
        ws.append(row)
    for rng in ("A1:I1", "C3:E3", "F3:G3", "A3:A4", "B3:B4", "H3:H4", "I3:I4"):
        ws.merge_cells(rng)
    if extra_sheet:
        notes = wb.create_sheet("说明")
        notes.append(["这个工作表只有说明"])
        wb.move_sheet("说明", offset=-1)
    wb.save(path)
    return path


def fingerprint(db) -> str:
    h = hashlib.sha256()
    for table in sorted(db.su.table_names()):
        for row in db.su.execute(f"select * from [{table}] order by rowid").fetchall():
            h.update(repr(row).encode())
    return h.hexdigest()


@pytest.fixture
def wizard(qtbot, db):
    w = ImportWizard(AppContext(db))
    qtbot.addWidget(w)
    w.show()
    return w


def pick_file(monkeypatch, wizard: ImportWizard, path: Path, kind: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = wizard.file_page
    page.browse_button.click()
    assert page.path_edit.text() == str(path)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))


def next_button(wizard: ImportWizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def wait_checked(qtbot, wizard: ImportWizard) -> None:
    page = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.state.plan is not None and not page.running, timeout=20000)


def test_roster_through_every_step(qtbot, wizard, db, tmp_path, monkeypatch):
    path = make_roster(tmp_path / "花名册.xlsx", extra_sheet=True)
    pick_file(monkeypatch, wizard, path, "residents")
    next_button(wizard).click()
    # step 2: two sheets, the user picks the roster
    assert wizard.currentId() == PAGE_SHEET
    sheets = wizard.sheet_page.sheets
    assert [sheets.item(i).text() for i in range(sheets.count())] == ["说明", "花名册"]
    sheets.setCurrentRow(1)
    next_button(wizard).click()
    # step 3: the two-row header was found and mapped
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    assert wizard.state.header.rows == [3, 4]
    assert page.combo(2).currentData() == "name"
    assert page.combo(3).currentData() == "id_number"
    assert page.combo(4).currentData() == "relation"
    assert page.table.item(3, 1).text() == "基本信息/身份证号码"
    assert page.table.item(2, 2).text() == "张三"
    assert page.combo(8).currentData() is None  # "其他" means nothing to us …
    assert page.table.item(8, 4).text() == "not used"
    page.set_field(8, "notes")  # … the user says it holds the notes
    assert wizard.state.mapping.field_of(8) == "notes"
    assert page.table.item(8, 4).text() == "set by you"
    assert page.isComplete()
    next_button(wizard).click()
    # step 4: the preview shows the refused row and its reason at once
    assert wizard.currentId() == PAGE_PREVIEW
    preview = wizard.preview_page
    model = preview.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles[:3] == ["Row", "Result", "Problems"] and "基本信息/姓名" in titles
    shown = {model.record(r).row_no: model.record(r) for r in range(model.rowCount())}
    assert sorted(shown) == [5, 6, 7, 8]  # the totals row is left out
    problems = model.data(model.index(3, 2))
    assert "身份证号码被 Excel 存成了数字" in problems
    assert model.data(model.index(3, 1)) == "refused"
    wait_checked(qtbot, wizard)
    assert "To add: 3" in preview.counts.text() and "refused: 1" in preview.counts.text()
    assert preview.isComplete()
    assert db.residents.count() == 0  # nothing written before the last step
    next_button(wizard).click()  # the commit button: 导入
    # step 5: the import and its report
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done, timeout=20000)
    assert wizard.currentId() == PAGE_RESULT
    people = {p.name: p for p in db.residents.find()}
    assert set(people) == {"张三", "李四", "赵六"}  # 王五's ID was damaged: refused
    assert people["张三"].id_number == ZHANG
    assert people["张三"].notes == "党员"  # the column the user mapped
    assert {h.household_no for h in db.households.find()} == {"H001", "H002"}
    assert "3 rows added" in result.summary.text() and "1 not imported" in result.summary.text()
    rows = result.model.records()
    assert [(r["row"], r["name"]) for r in rows] == [(8, "王五")]
    # the refused rows workbook: same header, a 原因 column, to fix and import again
    out = tmp_path / "未导入.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert result.save_button.isVisibleTo(result)
    result.save_button.click()
    ws = openpyxl.load_workbook(out).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0][-1] == "原因"
    assert values[2][2] == "王五" and "存成了数字" in values[2][-1]
    assert str(out) in result.saved_label.text()
    # the sheet choice and the corrected mapping are remembered for the next file
    assert db.get_setting(import_wizard.sheet_key(["说明", "花名册"])) == "花名册"
    again = ImportWizard(AppContext(db))
    qtbot.addWidget(again)
    again.show()
    pick_file(monkeypatch, again, path, "residents")
    next_button(again).click()
    assert again.sheet_page.sheets.currentItem().text() == "花名册"
    next_button(again).click()
    assert again.state.mapping_source == "remembered"
    assert again.mapping_page.combo(8).currentData() == "notes"


def test_duplicates_policy_and_backup(qtbot, wizard, db, tmp_path, monkeypatch):
    path = make_roster(tmp_path / "花名册.xlsx")
    first = ImportWizard(AppContext(db))
    qtbot.addWidget(first)
    first.show()
    pick_file(monkeypatch, first, path, "residents")
    next_button(first).click()
    assert first.currentId() == PAGE_MAPPING  # one sheet: no sheet step
    next_button(first).click()
    wait_checked(qtbot, first)
    next_button(first).click()
    qtbot.waitUntil(lambda: first.result_page.done, timeout=20000)
    assert first.state.backup is None  # a small import into an empty village
    # the same file again: every row is a duplicate
    monkeypatch.setattr(import_wizard, "BIG_IMPORT_ROWS", 1)
    pick_file(monkeypatch, wizard, path, "residents")
    next_button(wizard).click()
    next_button(wizard).click()
    wait_checked(qtbot, wizard)
    preview = wizard.preview_page
    assert "skipped: 3" in preview.counts.text()
    assert not preview.isComplete()  # nothing to import
    preview.set_duplicates("update")
    assert preview.running
    wait_checked(qtbot, wizard)
    assert wizard.state.plan.duplicates == "update"
    assert preview.isComplete()
    next_button(wizard).click()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=20000)
    assert wizard.state.backup is not None and wizard.state.backup.exists()
    assert wizard.state.backup.parent == backup_dir_for(db.path)
    assert db.residents.count() == 3


def test_broken_file_is_refused_on_step_one(qtbot, wizard, db, tmp_path, monkeypatch):
    bad = tmp_path / "花名册.xlsx"
    bad.write_bytes(b"this is not a workbook at all")
    before = fingerprint(db)
    pick_file(monkeypatch, wizard, bad, "households")
    next_button(wizard).click()
    assert wizard.currentId() == PAGE_FILE
    error = wizard.file_page.error
    assert error.isVisibleTo(wizard.file_page)
    assert "无法读取文件“花名册.xlsx”" in error.text() and "不是 Excel 工作簿" in error.text()
    assert fingerprint(db) == before


def test_monitoring_list_needs_a_source(qtbot, wizard, db, tmp_path, monkeypatch):
    path = make_roster(tmp_path / "名单.xlsx")
    pick_file(monkeypatch, wizard, path, "monitoring")
    assert wizard.file_page.list_box.isVisibleTo(wizard.file_page)
    next_button(wizard).click()
    assert wizard.currentId() == PAGE_FILE
    assert "名单来源" in wizard.file_page.error.text()
