"""活动会议: the form, the filter bar and the participant total."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from villagedesk.core.enums import ActivityKind
from villagedesk.core.records import Activity
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.activities import ActivitiesPage
from villagedesk.ui.pages.activity_form import ActivityForm
from villagedesk.ui.pages.issue_form import set_date


@pytest.fixture
def ctx(db):
    db.activities.add(
        Activity(
            date=date(2026, 11, 5),
            title="Policy talk",
            place="村部",
            kind=ActivityKind.PUBLICITY,
            participants=40,
        )
    )
    db.activities.add(
        Activity(
            date=date(2026, 10, 12),
            title="Free clinic",
            place="广场",
            kind=ActivityKind.FREE_CLINIC,
            participants=60,
        )
    )
    return AppContext(db)  # fmt: skip


def test_new_activity_through_the_form(qtbot, ctx, monkeypatch):
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)

    def run(form: ActivityForm) -> int:
        set_date(form.date, date(2026, 11, 20))
        form.kind.setCurrentIndex(form.kind.findData(ActivityKind.MEETING))
        qtbot.keyClicks(form.title_edit, "Group meeting")
        qtbot.keyClicks(form.place, "East hall")
        form.participants.setValue(18)
        form.try_save()
        return form.result()

    monkeypatch.setattr(ActivityForm, "exec", run)
    saved = page.new_record()
    stored = ctx.db.activities.get(saved.uid)
    assert (stored.title, stored.place, stored.participants) == ("Group meeting", "East hall", 18)
    assert page.model.record(0).uid == saved.uid  # newest first
    assert "118" in page.count_label.text()


def test_invalid_activity_saves_nothing(qtbot, ctx):
    form = ActivityForm(ctx)
    qtbot.addWidget(form)
    form.try_save()
    assert "请填写活动主题" in form.error_label.text()
    form.title_edit.setText("x")
    set_date(form.date, date(2026, 12, 30))
    form.try_save()
    assert "不能晚于今天" in form.error_label.text()
    assert ctx.db.activities.count() == 2


def test_filters_and_delete(qtbot, ctx, monkeypatch):
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.search, "clinic")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.record(0).title == "Free clinic"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == 2)
    page.period.setCurrentIndex(page.period.findData("2026-11"))
    assert [a.title for a in page.model.records()] == ["Policy talk"]
    page.period.setCurrentIndex(0)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(ActivityKind.FREE_CLINIC.value))
    assert [a.title for a in page.model.records()] == ["Free clinic"]
    page.select_uid(page.model.record(0).uid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert page.delete_record()
    assert ctx.db.activities.count() == 1
    assert page.model.total() == 0
