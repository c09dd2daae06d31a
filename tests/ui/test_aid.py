"""帮扶慰问: the form (picker, money parsing, date), the filter bar and the totals line."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_input import ime

from villagedesk.core.enums import AidKind, TeamRole
from villagedesk.core.records import Aid, Group, Household, Resident, TeamMember
from villagedesk.core.validation import format_fen
from villagedesk.services.aid_queries import AidFilter, aid_totals, find_aid_rows
from villagedesk.ui.pages.aid import AidPage
from villagedesk.ui.pages.aid_form import AidForm
from villagedesk.ui.pages.issue_form import set_date


@pytest.fixture
def village(db):
    db.team.add(TeamMember(name="李书记", role=TeamRole.FIRST_SECRETARY))
    db.team.add(TeamMember(name="王队员"))
    east = db.groups.add(Group(name="东庄组"))
    zhang = db.households.add(Household(household_no="0101", head_name="张三", group_uid=east.uid))
    li = db.households.add(Household(household_no="0102", head_name="李四", group_uid=east.uid))
    granny = db.residents.add(Resident(household_uid=zhang.uid, name="王秀英", relation="之母"))
    db.aid.add(
        Aid(
            date=date(2026, 11, 3),
            household_uid=li.uid,
            amount_fen=50000,
            hardship="低保户",
            funding_source="派出单位",
        )
    )
    db.aid.add(
        Aid(
            date=date(2026, 10, 9),
            household_uid=li.uid,
            kind=AidKind.GOODS,
            goods="大米",
            quantity="1袋",
        )
    )
    db.aid.add(Aid(date=date(2026, 11, 20), household_uid=zhang.uid, amount_fen=30050,
                   goods="食用油", quantity="1桶"))  # fmt: skip
    return {"zhang": zhang, "li": li, "granny": granny}


def fill_and_save(qtbot, form: AidForm, *, head: str, amount: str, kind=AidKind.CASH) -> None:
    ime(form.picker.edit, head)
    form.picker.pick_row(0)
    form.kind.setCurrentIndex(form.kind.findData(kind))
    form.amount.setText(amount)
    form.try_save()


def test_new_aid_through_the_form_appears_in_db_and_table(qtbot, ctx, village, monkeypatch):
    page = AidPage(ctx)
    qtbot.addWidget(page)

    def run(form: AidForm) -> int:
        qtbot.keyClicks(form.picker.edit, "zs")
        assert any("张三" in line for line in form.picker.matches())
        form.picker.pick_row(0)
        form.resident.setCurrentIndex(form.resident.findData(village["granny"].uid))
        form.amount.setText("1,200.5")
        form.funding.setCurrentText("乡镇")
        form.given_by.buttons["李书记"].setChecked(True)
        form.given_by_other.setText("村主任")
        form.try_save()
        return form.result()

    monkeypatch.setattr(AidForm, "exec", run)
    saved = page.new_record()
    assert saved is not None
    stored = ctx.db.aid.get(saved.uid)
    assert stored.household_uid == village["zhang"].uid
    assert stored.resident_uid == village["granny"].uid
    assert stored.amount_fen == 120050
    assert stored.given_by == "李书记、村主任"
    shown = [page.model.record(r).uid for r in range(page.model.rowCount())]
    assert saved.uid in shown
    row = page.model.record(shown.index(saved.uid))
    assert row.target == "张三（王秀英）"
    assert page.model.index(shown.index(saved.uid), 5).data() == "1200.50"


@pytest.mark.parametrize(
    ("amount", "message"), [("abc", "无法识别的金额"), ("-5", "金额不能为负数")]
)
def test_bad_amount_shows_chinese_error_and_saves_nothing(qtbot, ctx, village, amount, message):
    before = ctx.db.aid.count()
    form = AidForm(ctx)
    qtbot.addWidget(form)
    fill_and_save(qtbot, form, head="李四", amount=amount)
    assert form.result() != QDialog.DialogCode.Accepted
    assert message in form.error_label.text()
    assert ctx.db.aid.count() == before


def test_future_date_and_missing_household_are_refused(qtbot, ctx, village):
    form = AidForm(ctx)
    qtbot.addWidget(form)
    form.amount.setText("100")
    form.try_save()
    assert "请选择慰问对象" in form.error_label.text()
    ime(form.picker.edit, "李四")
    form.picker.pick_row(0)
    set_date(form.date, date(2026, 12, 1))
    form.try_save()
    assert "不能晚于今天" in form.error_label.text()
    assert ctx.db.aid.count() == 3


def test_goods_kind_needs_goods(qtbot, ctx, village):
    form = AidForm(ctx)
    qtbot.addWidget(form)
    fill_and_save(qtbot, form, head="李四", amount="", kind=AidKind.GOODS)
    assert form.error_label.text()  # the repository's 请填写慰问金额或物品 / 物品名称
    assert ctx.db.aid.count() == 3


def test_typing_filters_and_totals_follow_the_rows(qtbot, ctx, village):
    page = AidPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total() == 3
    assert "¥800.50" in page.totals_label.text()  # 500 + 300.50
    qtbot.keyClicks(page.search, "ls")  # pinyin initials of 李四
    qtbot.waitUntil(lambda: page.model.total() == 2)
    rows = page.model.records()
    assert {r.head_name for r in rows} == {"李四"}
    totals = aid_totals(rows)
    assert totals.amount_fen == sum(r.amount_fen for r in rows) == 50000
    assert totals.goods_records == 1
    assert format_fen(totals.amount_fen) in page.totals_label.text()
    assert "2" in page.totals_label.text()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(AidKind.GOODS.value))
    assert [r.goods for r in page.model.records()] == ["大米"]
    assert "¥0.00" in page.totals_label.text()


def test_month_filter(qtbot, ctx, village):
    page = AidPage(ctx)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("2026-10"))
    assert [r.goods for r in page.model.records()] == ["大米"]
    rows = find_aid_rows(ctx.db, AidFilter(start=date(2026, 11, 1), end=date(2026, 11, 30)))
    assert len(rows) == 2


def test_edit_keeps_amount_and_delete_moves_to_recycle_bin(qtbot, ctx, village, monkeypatch):
    page = AidPage(ctx)
    qtbot.addWidget(page)
    page.select_uid(page.model.record(0).uid)
    uid = page.selected_uid()

    def run(form: AidForm) -> int:
        assert form.amount.text() == "300.50"
        form.notes.setPlainText("补记")
        form.try_save()
        return form.result()

    monkeypatch.setattr(AidForm, "exec", run)
    assert page.edit_record() is not None
    assert ctx.db.aid.get(uid).notes == "补记"
    assert ctx.db.aid.get(uid).amount_fen == 30050
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert page.delete_record()
    assert ctx.db.aid.get(uid) is None
    assert ctx.db.aid.get(uid, include_deleted=True) is not None
    assert page.model.total() == 2
