"""核查任务: a monitoring list imported through the wizard becomes check tasks that the team
walks through 待核查 → 已入户核查 (linked visit) → 已纳入救助 (linked aid) / 不符合条件."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from builders import make_id
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWizard

from villagedesk.core.enums import AidKind, Relation
from villagedesk.core.monitoring import CheckStatus
from villagedesk.core.records import Aid, Household, Resident, Visit
from villagedesk.ui.context import AppContext
from villagedesk.ui.import_wizard import ImportWizard
from villagedesk.ui.pages import visit_form
from villagedesk.ui.pages.checks import ChecksDialog, load_rows
from villagedesk.ui.widgets.open_checks import OpenChecksLabel

ZHANG, LI, STRANGER = (
    make_id("43012419650302001"),
    make_id("43012419680411002"),
    make_id("43012419700101009"),
)


@pytest.fixture
def village(db):
    """Two households: 张三 (with a visit and an aid record) and 李四 (wife 王芳)."""
    h1 = db.households.add(Household(household_no="H001", head_name="张三"))
    h2 = db.households.add(Household(household_no="H002", head_name="李四"))
    db.residents.add(Resident(household_uid=h1.uid, name="张三", id_number=ZHANG))
    db.residents.add(Resident(household_uid=h2.uid, name="李四", id_number=LI))
    db.residents.add(Resident(household_uid=h2.uid, name="王芳", relation=Relation.SPOUSE))
    visit = db.visits.add(
        Visit(date=date(2026, 11, 20), household_uid=h1.uid, situation="住院回家休养")
    )
    aid = db.aid.add(
        Aid(date=date(2026, 11, 25), household_uid=h1.uid, kind=AidKind.CASH, amount_fen=50000)
    )
    return {"h1": h1, "h2": h2, "visit": visit, "aid": aid}


def make_list(path: Path) -> Path:
    """A department's list: a title, one person by ID, one by name + 户编号, one stranger."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2026年10月医疗费用超5000元人员比对名单"])
    ws.append(["序号", "姓名", "身份证号码", "户编号", "自付费用"])
    ws.append([1, "张三", ZHANG, None, "8,200元"])
    ws.append([2, "王芳", None, "H002", "6,100元"])
    ws.append([3, "外村人", STRANGER, None, "5,300元"])
    ws.merge_cells("A1:E1")
    wb.save(path)
    return path


def import_list(qtbot, db, path: Path, monkeypatch) -> ImportWizard:
    wizard = ImportWizard(AppContext(db))
    qtbot.addWidget(wizard)
    wizard.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = wizard.file_page
    page.browse_button.click()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("monitoring"))
    page.source.setCurrentText("县医保局")
    page.set_list_date(date(2026, 11, 10))
    page.list_name.setText("医疗费用超5000元")
    nxt = wizard.button(QWizard.WizardButton.NextButton)
    nxt.click()
    assert wizard.mapping_page.combo(1).currentData() == "name"
    assert wizard.mapping_page.combo(4).currentData() == "detail"
    nxt.click()
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.state.plan is not None and not preview.running, timeout=20000)
    nxt.click()
    qtbot.waitUntil(lambda: wizard.result_page.done, timeout=20000)
    return wizard


def ok(dialog: QDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def tab_texts(dialog: ChecksDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_list_to_checks_to_aid(qtbot, db, village, tmp_path, monkeypatch):
    wizard = import_list(qtbot, db, make_list(tmp_path / "医保名单.xlsx"), monkeypatch)
    result = wizard.result_page
    text = result.summary.text()
    assert "Matched by ID number: 1" in text and "by name (please confirm): 1" in text
    assert "unmatched: 1" in text
    explained = {(r["row"], r["name"], r["what"]) for r in result.model.records()}
    assert (5, "外村人", "not matched") in explained
    assert (4, "王芳", "imported, please check") in explained
    lst = db.monitoring_lists.find()[0]
    assert (lst.source, lst.list_date, lst.name) == (
        "县医保局",
        date(2026, 11, 10),
        "医疗费用超5000元",
    )
    assert db.check_tasks.count_open() == 2

    assert result.checks_button.isVisibleTo(result)
    result.checks_button.click()
    dialog = wizard.checks_dialog  # a child of the wizard: deleted with it
    assert tab_texts(dialog) == ["待核查 (2)", "已入户核查 (0)", "已纳入救助 (0)", "不符合条件 (0)"]
    rows = {r.name: r for r in dialog.model.records()}
    assert set(rows) == {"张三", "王芳"}
    assert rows["王芳"].head == "李四" and rows["王芳"].task.uncertain
    assert dialog.model.data(dialog.model.index(1, 6)) == "姓名（待确认）"
    assert rows["张三"].list_name == "医疗费用超5000元" and rows["张三"].source == "县医保局"
    assert "8,200元" in rows["张三"].detail
    # nothing selected: no action
    assert not dialog.visited_button.isEnabled()
    # 张三: checked at home on the visit of 11-20
    dialog.select_name("张三")
    assert dialog.visited_button.isEnabled() and not dialog.aided_button.isEnabled()
    dialog.visited_button.click()
    picker = dialog.picker
    assert picker.items.count() == 1 and "2026-11-20" in picker.items.item(0).text()
    ok(picker)
    task = db.check_tasks.get(rows["张三"].task.uid)
    assert task.status == CheckStatus.VISITED and task.visit_uid == village["visit"].uid
    assert task.checked_date == date(2026, 11, 20)
    assert tab_texts(dialog)[:2] == ["待核查 (1)", "已入户核查 (1)"]
    # … then taken into aid with the 500-yuan record
    dialog.show_tab(CheckStatus.VISITED)
    row = dialog.select_name("张三")
    assert row.visit.startswith("2026-11-20")
    assert dialog.aided_button.isEnabled()
    dialog.aided_button.click()
    assert "¥500.00" in dialog.picker.items.item(0).text()
    ok(dialog.picker)
    task = db.check_tasks.get(task.uid)
    assert task.status == CheckStatus.AIDED and task.aid_uid == village["aid"].uid
    assert tab_texts(dialog) == ["待核查 (1)", "已入户核查 (0)", "已纳入救助 (1)", "不符合条件 (0)"]
    assert db.check_tasks.count_open() == 1


def test_new_visit_from_the_check_and_not_eligible(qtbot, db, village, tmp_path, monkeypatch):
    import_list(qtbot, db, make_list(tmp_path / "名单.xlsx"), monkeypatch)
    dialog = ChecksDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.select_name("王芳")
    dialog.visited_button.click()
    picker = dialog.picker
    assert picker.items.count() == 0  # 李四's household was never visited

    def fill_and_save(form):
        assert form.picker.household_uid() == village["h2"].uid  # the household is preset
        form.needs.setPlainText("医药费负担重")
        form.try_save()
        return form.result()

    monkeypatch.setattr(visit_form.VisitForm, "exec", fill_and_save)
    picker.new_button.click()
    assert picker.items.count() == 1 and picker.chosen()
    ok(picker)
    visits = db.visits.of_household(village["h2"].uid)
    assert len(visits) == 1 and "核查医疗费用超5000元：王芳" in visits[0].situation
    task = next(r.task for r in load_rows(db) if r.name == "王芳")
    assert task.status == CheckStatus.VISITED and task.visit_uid == visits[0].uid
    # not eligible needs a reason
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    dialog.show_tab(CheckStatus.VISITED)
    dialog.select_name("王芳")
    dialog.not_eligible_button.click()
    ok(dialog.note_dialog)
    assert warnings == ["请说明不符合条件的原因"]
    assert db.check_tasks.get(task.uid).status == CheckStatus.VISITED
    dialog.select_name("王芳")
    dialog.not_eligible_button.click()
    dialog.note_dialog.note.setPlainText("费用已由大病保险报销")
    ok(dialog.note_dialog)
    task = db.check_tasks.get(task.uid)
    assert task.status == CheckStatus.NOT_ELIGIBLE and task.note == "费用已由大病保险报销"
    assert tab_texts(dialog)[3] == "不符合条件 (1)"
    # the search box filters as you type
    dialog.show_tab(CheckStatus.PENDING)
    assert [r.name for r in dialog.model.records()] == ["张三"]
    dialog.search.insert("李四")  # QTest cannot type CJK keys; insert() is what an IME does
    qtbot.waitUntil(lambda: dialog.model.total() == 0)
    dialog.search.setText("张")
    qtbot.waitUntil(lambda: dialog.model.total() == 1)


def test_dashboard_label_counts_and_opens(qtbot, db, village, tmp_path, monkeypatch):
    ctx = AppContext(db)
    label = OpenChecksLabel(ctx)
    qtbot.addWidget(label)
    assert label.text() == "Checks: …"  # counted with the dashboard's lists, after the first paint
    label.refresh()
    assert label.count == 0 and "No open" in label.text()
    import_list(qtbot, db, make_list(tmp_path / "名单.xlsx"), monkeypatch)
    ctx.notify("check_task")
    assert label.count == 2 and "2" in label.text()
    dialog = label.open_checks()  # a child of the label: deleted with it
    assert isinstance(dialog, ChecksDialog) and dialog.model.total() == 2
    assert label.open_checks() is dialog  # one at a time
    dialog.reject()
    assert label.dialog is None


def test_dashboard_shows_open_checks(qtbot, db, village):
    from villagedesk.ui.pages.dashboard import DashboardPage

    page = DashboardPage(AppContext(db))
    qtbot.addWidget(page)
    assert page.open_checks.parent() is page
    page.refresh()  # what the window does when it shows the page: the lists load after it
    qtbot.waitUntil(lambda: "No open monitoring checks" in page.open_checks.text())
