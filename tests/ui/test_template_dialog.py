"""乡镇表格模板 in the window: learn a styled blank form, correct a column, save, fill, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from villagedesk.services.templates import list_templates
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.reports import ReportsPage
from villagedesk.ui.template_dialog import TemplateDialog
from villagedesk.ui.template_rules import source_label

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = ["序号", "走访日期", "走访对象\n（户主）", "村民小组", "户主身份证号码", "走访情况", None, None, "备注"]  # fmt: skip
SUB = [None, None, None, None, None, "走访方式", "困难和诉求", "现场处置", None]
BLANK_ROWS = 3


def make_form(path: Path) -> Path:
    """A township form: merged title with ××村 and X月, two-row header, styled rows, footer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "走访登记"
    ws["A1"] = "××村走访情况登记表（X月）"
    ws["A1"].font = Font(name="宋体", size=18, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:I1")
    ws["A2"] = "填报单位：××村"
    ws.merge_cells("A2:E2")
    for col, (top, sub) in enumerate(zip(TOP, SUB, strict=True), start=1):
        for row, text in ((3, top), (4, sub)):
            cell = ws.cell(row=row, column=col, value=text)
            cell.font = Font(name="黑体", bold=True)
            cell.border = BOX
        if sub is None and top is not None:
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells("F3:H3")
    for row in range(5, 5 + BLANK_ROWS):
        for col in range(1, 10):
            cell = ws.cell(row=row, column=col)
            cell.border = BOX
            cell.font = Font(name="仿宋", size=11)
            cell.fill = PatternFill("solid", fgColor="FFF2CC")
        ws.cell(row=row, column=2).number_format = "yyyy年m月d日"
    footer = 5 + BLANK_ROWS + 1
    ws.cell(row=footer, column=1, value="填报人：          审核人：")
    ws.merge_cells(start_row=footer, start_column=1, end_row=footer, end_column=6)
    wb.save(path)
    return path


@pytest.fixture
def answers(monkeypatch):
    """Modal questions answered Yes (unless told otherwise); every text shown is kept."""
    seen: dict[str, object] = {"texts": [], "answer": QMessageBox.StandardButton.Yes}

    def question(_parent, _title, text, *a, **k):
        seen["texts"].append(text)
        if "folder" in text or "文件夹" in text:
            return QMessageBox.StandardButton.No  # never open a file manager in tests
        return seen["answer"]

    def warning(_parent, _title, text, *a, **k):
        seen["texts"].append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


def pick_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def learn(qtbot, ctx, monkeypatch, form: Path) -> TemplateDialog:
    dialog = TemplateDialog(ctx)
    qtbot.addWidget(dialog)
    pick_file(monkeypatch, form)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    return dialog


def choose(combo, data) -> None:
    """Pick a combo entry by its data, as a click in the list does."""
    index = next(i for i in range(combo.count()) if combo.itemData(i) == data)
    combo.setCurrentIndex(index)


def save_button(dialog: TemplateDialog):
    return dialog.buttons.button(dialog.buttons.StandardButton.Save)


def test_learn_correct_and_save(qtbot, demo_db, tmp_path, monkeypatch, answers):
    ctx = AppContext(demo_db)
    dialog = learn(qtbot, ctx, monkeypatch, make_form(tmp_path / "乡镇走访表.xlsx"))
    assert dialog.draft is not None and not dialog.error_label.isVisibleTo(dialog)
    assert "3–4" in dialog.found.text() and "5" in dialog.found.text()
    assert dialog.source.currentData() == "visits"
    table = dialog.table
    assert table.rowCount() == 9
    assert table.item(table.row_of(2), 1).text() == "走访日期"
    assert table.combos[table.row_of(1)].currentText() == table.tr("Running number")
    assert table.combos[table.row_of(2)].currentText() == "走访日期"  # our label, in Chinese
    assert not dialog.tag.isVisibleTo(dialog)  # visits are not chosen by a tag

    # 备注 (column I) gets the team members who visited instead
    choose(table.combos[table.row_of(9)], ("field", "members"))
    # a people list shows its tag combo; back to visits guesses again, so correct again
    dialog.set_source("residents", "独居老人")
    assert dialog.tag.isVisibleTo(dialog) and dialog.tag.currentText() == "独居老人"
    dialog.set_source("visits")
    choose(table.combos[table.row_of(9)], ("field", "members"))
    dialog.name.setText("乡镇走访表")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error_label.text()

    [tpl] = list_templates(demo_db)
    assert (tpl.name, tpl.source_kind, tpl.tag) == ("乡镇走访表", "visits", None)
    rules = {c.col: (c.rule, c.value) for c in tpl.columns}
    assert rules[9] == ("field", "members")
    assert rules[1] == ("number", "") and rules[2] == ("field", "date")
    assert tpl.header_rows == [3, 4] and tpl.first_data_row == 5


def test_fixed_text_and_duplicate_name(qtbot, demo_db, tmp_path, monkeypatch, answers):
    ctx = AppContext(demo_db)
    form = make_form(tmp_path / "form.xlsx")
    first = learn(qtbot, ctx, monkeypatch, form)
    first.name.setText("走访表")
    first.try_save()
    assert first.saved is not None

    second = learn(qtbot, ctx, monkeypatch, form)
    row = second.table.row_of(9)
    choose(second.table.combos[row], ("text", ""))
    assert second.table.texts[row].isEnabled()
    second.name.setText("走访表")
    second.try_save()  # the fixed text is still blank
    assert second.saved is None and "Column I " in second.error_label.text()
    second.table.texts[row].insert("/")  # what townships write for “none”
    answers["answer"] = QMessageBox.StandardButton.No
    second.try_save()  # the name is taken and the user does not replace it
    assert second.saved is None and any("走访表" in t for t in answers["texts"])
    assert {c.col: c.rule for c in list_templates(demo_db)[0].columns}[9] == "field"
    answers["answer"] = QMessageBox.StandardButton.Yes
    second.try_save()
    [tpl] = list_templates(demo_db)
    assert {c.col: (c.rule, c.value) for c in tpl.columns}[9] == ("text", "/")


def test_broken_file_shows_why_and_saves_nothing(qtbot, db, tmp_path, monkeypatch, answers):
    broken = tmp_path / "坏表.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = learn(qtbot, AppContext(db), monkeypatch, broken)
    assert dialog.draft is None
    assert dialog.error_label.isVisibleTo(dialog) and "损坏" in dialog.error_label.text()
    assert not save_button(dialog).isEnabled()
    dialog.try_save()
    assert dialog.saved is None and list_templates(db) == []

    # a good form, then a broken one: the good one stays loaded
    good = make_form(tmp_path / "good.xlsx")
    pick_file(monkeypatch, good)
    dialog.browse()
    assert dialog.draft is not None and dialog.path_edit.text() == str(good)
    pick_file(monkeypatch, tmp_path / "missing.xlsx")
    dialog.browse()
    assert "不存在" in dialog.error_label.text()
    assert dialog.path_edit.text() == str(good) and dialog.table.rowCount() == 9
    assert list_templates(db) == []


@pytest.fixture
def page(qtbot, demo_db, answers):
    page = ReportsPage(AppContext(demo_db))
    qtbot.addWidget(page)
    return page


def test_page_learns_fills_and_deletes(qtbot, page, demo_db, tmp_path, monkeypatch, answers):
    box = page.templates
    assert box.model.total() == 0 and box.empty.isVisibleTo(page)
    assert not box.fill_button.isEnabled()

    # 新建模板… opens the dialog; the person picks the form, corrects 备注, names it, saves
    def exec_like_a_person(dialog):
        pick_file(monkeypatch, make_form(tmp_path / "form.xlsx"))
        dialog.browse()
        choose(dialog.table.combos[dialog.table.row_of(9)], ("field", "members"))
        dialog.name.setText("乡镇走访表")
        dialog.try_save()
        return int(dialog.result())

    monkeypatch.setattr(TemplateDialog, "exec", exec_like_a_person)
    qtbot.mouseClick(box.new_button, Qt.MouseButton.LeftButton)
    assert box.model.total() == 1 and not box.empty.isVisibleTo(page)
    assert box.selected().name == "乡镇走访表"
    assert box.model.index(0, 1).data() == source_label("visits")

    page.month.setCurrentIndex(page.month.findData("2026-11"))
    page.mask.setChecked(True)
    out = tmp_path / "filled.xlsx"
    suggested: list[str] = []

    def save_dialog(_parent, _title, name, _filter, *a, **k):
        suggested.append(name)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(box.fill_button, Qt.MouseButton.LeftButton)
    job = page.jobs[-1]
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert not job.error and job.path == out
    assert Path(suggested[0]).name == "乡镇走访表2026年11月.xlsx"
    assert str(out) in answers["texts"][-1]  # the offer to open the folder

    village = demo_db.profile.get().village
    team = {m.uid: m.name for m in demo_db.team.find(include_deleted=True)}
    visits = demo_db.visits.find(
        "date >= ? and date <= ?", ["2026-11-01", "2026-11-30"], order_by="date, created_at"
    )
    assert len(visits) > BLANK_ROWS  # rows were added to the form
    ws = load_workbook(out)["走访登记"]
    assert ws["A1"].value == f"{village}走访情况登记表（11月）"
    assert ws["A2"].value.startswith(f"填报单位：{village}")
    for i, v in enumerate(visits):
        r = 5 + i
        assert ws.cell(row=r, column=1).value == i + 1
        assert ws.cell(row=r, column=2).value.date() == v.date
        assert ws.cell(row=r, column=6).value == v.way.value
        assert (ws.cell(row=r, column=7).value or "") == v.needs
        members = "、".join(team[u] for u in v.member_uids if u in team)
        assert (ws.cell(row=r, column=9).value or "") == members
        assert ws.cell(row=r, column=9).border.left.style == "thin"
    assert any(ws.cell(row=5 + i, column=9).value for i in range(len(visits)))
    footer = 5 + len(visits)
    assert ws.cell(row=footer + 1, column=1).value.startswith("填报人")
    assert ws.cell(row=5 + len(visits), column=1).value is None  # no row past the visits

    # 删除 asks first; No keeps it, Yes removes it
    answers["answer"] = QMessageBox.StandardButton.No
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    assert [t.name for t in list_templates(demo_db)] == ["乡镇走访表"]
    answers["answer"] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(box.delete_button, Qt.MouseButton.LeftButton)
    assert list_templates(demo_db) == [] and box.model.total() == 0
    assert not box.fill_button.isEnabled()


def test_fill_error_is_shown_in_chinese(qtbot, page, demo_db, tmp_path, monkeypatch, answers):
    from villagedesk.services.templates import learn_template, save_template

    draft = learn_template(make_form(tmp_path / "form.xlsx"))
    save_template(demo_db, draft, "走访表", source_kind="visits", mapping=None)
    page.refresh()
    out = tmp_path / "no-such-folder" / "x.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    job = box_fill(page)
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert job.path is None and "无法写入" in job.error and job.error == answers["texts"][-1]
    assert not out.parent.exists()


def box_fill(page: ReportsPage):
    page.templates.select("走访表")
    return page.templates.fill()
