"""The households page driven like a person: search, forms, delete and restore."""

from __future__ import annotations

import pytest
from builders import make_id
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from villagedesk.core.enums import HouseholdTag, Relation
from villagedesk.core.records import Group, Household, Resident
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.household_form import HouseholdForm
from villagedesk.ui.pages.households import HouseholdsPage
from villagedesk.ui.pages.recycle_bin import RecycleBinPage
from villagedesk.ui.pages.resident_form import ResidentForm

ZHANG_ID = make_id("43012419800503123")  # a man born 1980-05-03


@pytest.fixture
def village(db):
    group = db.groups.add(Group(name="一组"))
    other = db.groups.add(Group(name="二组"))
    zhang = db.households.add(
        Household(
            household_no="001",
            head_name="张三",
            group_uid=group.uid,
            phone="13800138000",
            tags=[HouseholdTag.DIBAO],
        )  # fmt: skip
    )
    db.residents.add(Resident(household_uid=zhang.uid, name="张三", id_number=ZHANG_ID))
    db.residents.add(Resident(household_uid=zhang.uid, name="王芳", relation=Relation.SPOUSE))
    li = db.households.add(Household(household_no="002", head_name="李四", group_uid=other.uid))
    db.residents.add(Resident(household_uid=li.uid, name="李四", phone="13912345678"))
    db.households.add(Household(household_no="003", head_name="赵六", group_uid=group.uid))
    return {"zhang": zhang, "li": li, "group": group}


@pytest.fixture
def page(qtbot, db, village):
    widget = HouseholdsPage(AppContext(db))
    qtbot.addWidget(widget)
    widget.refresh()
    widget.resize(1200, 700)
    widget.show()
    return widget


def shown_heads(page) -> list[str]:
    return [page.model.record(r).household.head_name for r in range(page.model.rowCount())]


def test_type_in_the_search_box_and_see_the_right_rows(qtbot, page):
    assert shown_heads(page) == ["张三", "李四", "赵六"]
    qtbot.keyClicks(page.search, "zs")
    qtbot.waitUntil(lambda: shown_heads(page) == ["张三"], timeout=2000)
    page.search.clear()
    page.search.insert("王芳")  # (QTest cannot type Chinese) a member's name finds her household
    qtbot.waitUntil(lambda: shown_heads(page) == ["张三"], timeout=2000)
    page.search.clear()
    qtbot.keyClicks(page.search, "2345678")  # digits of a member's phone
    qtbot.waitUntil(lambda: shown_heads(page) == ["李四"], timeout=2000)
    page.search.clear()
    qtbot.waitUntil(lambda: len(shown_heads(page)) == 3, timeout=2000)
    assert "3" in page.count_label.text()


def test_tag_and_group_filters(page, village):
    page.tag_filter.setCurrentIndex(page.tag_filter.findData(HouseholdTag.DIBAO.value))
    assert shown_heads(page) == ["张三"]
    page.tag_filter.setCurrentIndex(0)
    page.group_filter.setCurrentIndex(page.group_filter.findData(village["group"].uid))
    assert shown_heads(page) == ["张三", "赵六"]


def test_members_pane_follows_the_selection(page):
    page.select_household(page.model.record(0).uid)
    names = [page.members.record(r).name for r in range(page.members.rowCount())]
    assert names == ["张三", "王芳"]
    assert page.members.data(page.members.index(0, 2)) == "男"  # gender read from the ID
    assert page.members.data(page.members.index(0, 3)) == "46"
    assert "********" in page.members.data(page.members.index(0, 4))


def test_create_a_household_and_a_resident_through_the_forms(qtbot, db, page):
    form = HouseholdForm(page.ctx, parent=page)
    qtbot.addWidget(form)
    assert form.number.text() == "004"  # the next free number is suggested
    form.head.insert("孙七")
    qtbot.keyClicks(form.phone, "13700001111")
    form.tags.buttons["监测户"].click()
    form.monitoring.setCurrentIndex(1)
    form.try_save()
    assert form.result() == form.DialogCode.Accepted
    saved = db.households.by_number("004")
    assert saved.head_name == "孙七" and saved.tags == ["监测户"]
    assert saved.monitoring_type == "脱贫不稳定户"

    person = ResidentForm(page.ctx, saved.uid, parent=page)
    qtbot.addWidget(person)
    person.name.insert("孙七")
    qtbot.keyClicks(person.id_number, make_id("43012419550101235"))
    assert "1955年1月1日" in person.derived.text()
    person.tags.buttons["独居老人"].click()
    person.try_save()
    assert person.result() == person.DialogCode.Accepted
    [member] = db.residents.of_household(saved.uid)
    assert member.name == "孙七" and member.gender == "男"
    assert member.relation == "户主" and member.tags == ["独居老人"]
    page.refresh()
    assert "孙七" in shown_heads(page)


def test_a_wrong_check_digit_shows_the_chinese_reason_and_saves_nothing(qtbot, db, page, village):
    form = ResidentForm(page.ctx, village["li"].uid, parent=page)
    qtbot.addWidget(form)
    form.name.insert("李小明")
    good = make_id("43012420100101123")
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    qtbot.keyClicks(form.id_number, wrong)
    expected = f"身份证号码校验位错误：最后一位应为 {good[-1]}，实际为 {wrong[-1]}"
    assert form.derived.text() == expected
    before = db.residents.count()
    form.try_save()
    assert form.error_label.text() == expected
    assert not form.error_label.isHidden()
    assert form.result() != form.DialogCode.Accepted
    assert db.residents.count() == before


def test_a_wrong_phone_length_is_refused(qtbot, db, page):
    form = HouseholdForm(page.ctx, parent=page)
    qtbot.addWidget(form)
    form.head.insert("周八")
    qtbot.keyClicks(form.phone, "1380013800")
    form.try_save()
    assert form.error_label.text() == "手机号码应为11位数字，当前为10位"
    assert db.households.count() == 3


def test_delete_and_restore_through_the_recycle_bin(qtbot, monkeypatch, db, page, village):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.select_household(village["li"].uid)
    page.delete_household()
    assert db.households.get(village["li"].uid) is None
    assert "李四" not in shown_heads(page)

    bin_page = RecycleBinPage(page.ctx)
    qtbot.addWidget(bin_page)
    bin_page.refresh()
    assert bin_page.model.total() == 1
    assert bin_page.model.data(bin_page.model.index(0, 0)) == "Household"
    actions = [bin_page.history.record(r).action for r in range(bin_page.history.rowCount())]
    assert actions == ["delete", "create"]
    bin_page.view.selectRow(0)
    assert bin_page.restore_selected() == 1
    assert db.households.get(village["li"].uid).head_name == "李四"
    assert bin_page.model.total() == 0
    page.refresh()
    assert "李四" in shown_heads(page)


def test_recycle_bin_opens_the_change_log(qtbot, monkeypatch, db, page, village):
    from villagedesk.ui.audit_view import AuditDialog

    opened = []
    monkeypatch.setattr(AuditDialog, "open", lambda self: opened.append(self))
    bin_page = RecycleBinPage(page.ctx)
    qtbot.addWidget(bin_page)
    qtbot.mouseClick(bin_page.audit_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].parent() is bin_page


def test_double_click_opens_the_household_file(qtbot, db, page, village):
    opened = []
    page.ctx.open_household_requested.connect(opened.append)
    page.select_household(village["zhang"].uid)
    rect = page.view.visualRect(page.view.currentIndex())
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [village["zhang"].uid]


def test_household_file_shows_everything_in_one_place(qtbot, db, village):
    from datetime import date

    from villagedesk.core.records import Aid, Issue, Visit
    from villagedesk.core.workflow import register
    from villagedesk.ui.pages.household_file import HouseholdFileDialog

    uid = village["zhang"].uid
    db.visits.add(Visit(date=date(2026, 11, 2), household_uid=uid, situation="腿脚不便"))
    issue = Issue(number="2026-001", collected_date=date(2026, 11, 2),
                  description="屋顶漏雨", household_uid=uid)  # fmt: skip
    register(issue, actor="测试员")
    db.issues.add(issue)
    db.aid.add(Aid(date=date(2026, 11, 3), household_uid=uid, amount_fen=50000))
    db.aid.add(Aid(date=date(2026, 11, 4), household_uid=uid, amount_fen=20050))
    dialog = HouseholdFileDialog(AppContext(db), uid)
    qtbot.addWidget(dialog)
    assert "张三" in dialog.windowTitle() and "001" in dialog.windowTitle()
    assert dialog.members.total() == 2
    assert dialog.visits.data(dialog.visits.index(0, 2)) == "腿脚不便"
    assert dialog.issues.data(dialog.issues.index(0, 2)) == "已登记"
    assert dialog.tabs.tabText(3) == "Aid (2, total ¥700.50)"
    assert "低保户" in dialog.header.text()


def test_search_covers_members_pinyin_ids_and_addresses_in_memory(qtbot, db, page):
    from villagedesk.services.households_queries import search_rows

    # a member's pinyin initials (王芳 -> wf) find her household; a head's full pinyin too
    page.search.setText("wf")
    page.apply_search()
    assert shown_heads(page) == ["张三"]
    page.search.setText("lisi")
    page.apply_search()
    assert shown_heads(page) == ["李四"]
    # ID digits need three or more (two digits would match nearly everyone's ID)
    page.search.setText(ZHANG_ID[-6:])
    page.apply_search()
    assert shown_heads(page) == ["张三"]
    page.search.setText("00")  # but the household number matches from the first digit
    page.apply_search()
    assert len(shown_heads(page)) == 3
    assert page.count_label.text() == "3 of 3 households"
    # a keystroke asks the database nothing about the households list
    statements: list[str] = []
    db.su.conn.set_trace_callback(statements.append)
    try:
        assert [r.household.head_name for r in search_rows(page.all_rows, "赵", page._index)] == [
            "赵六"
        ]
    finally:
        db.su.conn.set_trace_callback(None)
    assert statements == []


def test_sorting_by_a_column_survives_typing(qtbot, page):
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_heads(page) == ["赵六", "李四", "张三"]
    page.search.setText("z")  # 张三 and 赵六 by pinyin, kept in the clicked order
    page.apply_search()
    assert shown_heads(page) == ["赵六", "张三"]
