"""驻村日志: a month of entries, the member filter, days in the village, duplicates refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from villagedesk.core.enums import Presence, TeamRole
from villagedesk.core.records import DiaryEntry, TeamMember
from villagedesk.services.diary_queries import month_attendance
from villagedesk.services.figures import Month
from villagedesk.ui.pages.diary import SHORT_COLOUR, DiaryPage
from villagedesk.ui.pages.diary_form import DiaryForm
from villagedesk.ui.pages.issue_form import set_date


@pytest.fixture
def team(db):
    li = db.team.add(TeamMember(name="李书记", role=TeamRole.FIRST_SECRETARY))
    wang = db.team.add(TeamMember(name="王队员"))
    # week of Mon 2026-11-16: 李 in the village Mon–Fri, 王 only Mon–Wed and away Thursday
    monday = date(2026, 11, 16)
    for i in range(5):
        db.diary.add(DiaryEntry(date=monday + timedelta(days=i), member_uid=li.uid,
                                content=f"走访第{i + 1}天"))  # fmt: skip
    for i in range(3):
        db.diary.add(DiaryEntry(date=monday + timedelta(days=i), member_uid=wang.uid))
    db.diary.add(DiaryEntry(date=date(2026, 11, 19), member_uid=wang.uid,
                            presence=Presence.AWAY, content="县里培训"))  # fmt: skip
    return {"li": li, "wang": wang}


def test_month_view_member_filter_and_attendance(qtbot, ctx, team):
    page = DiaryPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.current_month() == Month(2026, 11)
    assert page.model.total() == 9
    first = page.model.record(0)
    assert first.date == date(2026, 11, 20) and first.weekday == "星期五"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(team["wang"].uid))
    assert {r.member_name for r in page.model.records()} == {"王队员"}
    assert page.model.total() == 4
    people = {a.name: a for a in page.attendance_model.records()}
    assert people["李书记"].in_village == 5
    assert people["王队员"].in_village == 3 and people["王队员"].away == 1
    wang_row = [a.name for a in page.attendance_model.records()].index("王队员")
    assert (date(2026, 11, 16), 3) in people["王队员"].short_weeks
    index = page.attendance_model.index(wang_row, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == SHORT_COLOUR
    assert "11月16日" in page.attendance_model.index(wang_row, 4).data()
    qtbot.keyClicks(page.search, "training")
    qtbot.waitUntil(lambda: page.model.total() == 0)


def test_only_full_past_weeks_are_flagged(db, team):
    # the week of 23 Nov is over by the 29th (a Sunday): nobody wrote anything, so it is short
    people = {a.name: a for a in month_attendance(db, Month(2026, 11), date(2026, 11, 29))}
    weeks = [m for m, _ in people["李书记"].short_weeks]
    assert date(2026, 11, 16) not in weeks
    assert date(2026, 11, 23) not in weeks  # ends on the 29th: not over yet
    assert date(2026, 11, 9) in weeks


def test_new_entry_and_duplicate_refused(qtbot, ctx, team, monkeypatch):
    page = DiaryPage(ctx)
    qtbot.addWidget(page)

    def run(form: DiaryForm) -> int:
        set_date(form.date, date(2026, 11, 23))
        form.member.setCurrentIndex(form.member.findData(team["wang"].uid))
        form.content.setPlainText("Wrote the ledger")
        form.try_save()
        return form.result()

    monkeypatch.setattr(DiaryForm, "exec", run)
    saved = page.new_record()
    assert ctx.db.diary.get(saved.uid).content == "Wrote the ledger"
    assert saved.uid in [r.uid for r in page.model.records()]

    form = DiaryForm(ctx)
    qtbot.addWidget(form)
    set_date(form.date, date(2026, 11, 16))
    form.member.setCurrentIndex(form.member.findData(team["li"].uid))
    form.try_save()
    assert "该队员已有日志" in form.error_label.text()
    assert ctx.db.diary.count() == 10


def test_no_team_yet_says_where_to_add_one(qtbot, ctx):
    form = DiaryForm(ctx)
    qtbot.addWidget(form)
    form.try_save()
    assert "工作队与联系卡" in form.error_label.text()
    assert ctx.db.diary.count() == 0
