"""为民办实事: the form (done date required when 已完成, money), status colours, filters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from villagedesk.core.enums import DeedStatus
from villagedesk.core.records import Deed
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.deed_form import DeedForm
from villagedesk.ui.pages.deeds import LATE_COLOUR, STATUS_COLOURS, DeedsPage
from villagedesk.ui.pages.issue_form import set_date


@pytest.fixture
def ctx(db):
    db.deeds.add(
        Deed(
            title="硬化通组道路",
            area="基础设施",
            owner="李书记",
            promised_date=date(2026, 6, 30),
            status=DeedStatus.ONGOING,
        )
    )
    db.deeds.add(
        Deed(title="安装路灯", area="基础设施", status=DeedStatus.DONE, done_date=date(2026, 9, 1))
    )
    db.deeds.add(Deed(title="留守儿童课堂", area="教育助学", promised_date=date(2027, 3, 1)))
    return AppContext(db)  # fmt: skip


def test_new_deed_through_the_form(qtbot, ctx, monkeypatch):
    page = DeedsPage(ctx)
    qtbot.addWidget(page)

    def run(form: DeedForm) -> int:
        qtbot.keyClicks(form.title_edit, "Road repair")
        form.area.setCurrentText("基础设施")
        form.status.setCurrentIndex(form.status.findData(DeedStatus.DONE))
        set_date(form.done_date, date(2026, 11, 2))
        form.beneficiaries.setValue(46)
        form.investment.setText("1.2万")
        form.try_save()
        return form.result()

    monkeypatch.setattr(DeedForm, "exec", run)
    saved = page.new_record()
    stored = ctx.db.deeds.get(saved.uid)
    assert stored.status == DeedStatus.DONE and stored.done_date == date(2026, 11, 2)
    assert stored.investment_fen == 1_200_000 and stored.beneficiaries == 46
    assert saved.uid in [r.uid for r in page.model.records()]
    row = [r.uid for r in page.model.records()].index(saved.uid)
    assert page.model.index(row, 10).data() == "12000.00"


def test_invalid_deed_shows_message_and_saves_nothing(qtbot, ctx):
    form = DeedForm(ctx)
    qtbot.addWidget(form)
    form.try_save()
    assert "请填写事项名称" in form.error_label.text()
    form.title_edit.setText("修桥")
    form.investment.setText("abc")
    form.try_save()
    assert "无法识别的金额" in form.error_label.text()
    form.investment.setText("")
    form.status.setCurrentIndex(form.status.findData(DeedStatus.DONE))
    set_date(form.done_date, date(2026, 12, 25))
    form.try_save()
    assert "完成日期不能晚于今天" in form.error_label.text()
    assert ctx.db.deeds.count() == 3


def test_done_date_only_for_done(qtbot, ctx):
    form = DeedForm(ctx)
    qtbot.addWidget(form)
    assert not form.done_date.isEnabled()
    form.status.setCurrentIndex(form.status.findData(DeedStatus.DONE))
    assert form.done_date.isEnabled()
    form.title_edit.setText("修桥")
    form.status.setCurrentIndex(form.status.findData(DeedStatus.ONGOING))
    form.try_save()
    assert ctx.db.deeds.get(form.saved.uid).done_date is None


def test_status_colours_late_red_and_filters(qtbot, ctx):
    page = DeedsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    colours = {r.title: page.model.index(i, 0).data(Qt.ItemDataRole.BackgroundRole).color()
               for i, r in enumerate(page.model.records())}  # fmt: skip
    assert colours["硬化通组道路"] == LATE_COLOUR  # ongoing, deadline passed
    assert colours["安装路灯"] == STATUS_COLOURS[DeedStatus.DONE]
    assert colours["留守儿童课堂"] == STATUS_COLOURS[DeedStatus.PLANNED]
    assert "1" in page.count_label.text()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(DeedStatus.DONE.value))
    assert [r.title for r in page.model.records()] == ["安装路灯"]
    page.kind_combo.setCurrentIndex(0)
    page.search.setText("教育")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.record(0).title == "留守儿童课堂"
    assert "留守儿童课堂" in page.detail.toPlainText()
