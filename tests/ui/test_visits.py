"""走访记录: quick entry with the pinyin household picker, issue raised in the same dialog,
photos, validation, the filter bar and the table model."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_input import ime

from villagedesk.core.enums import IssueSource, IssueStatus, TeamRole, VisitWay
from villagedesk.core.records import Group, Household, TeamMember, Visit
from villagedesk.services.figures import monthly_figures
from villagedesk.services.visits_queries import VisitFilter, find_visit_rows
from villagedesk.ui.pages.issue_form import select_data, set_date
from villagedesk.ui.pages.visit_form import VisitForm
from villagedesk.ui.pages.visits import VisitsPage, visit_columns
from villagedesk.ui.widgets.table_model import RecordTableModel

TODAY = date(2026, 11, 29)  # pinned by tests/conftest.py


@pytest.fixture
def village(db):
    """Two team members, two groups, three households (张三 and 赵树 both answer to "zs")."""
    secretary = db.team.add(TeamMember(name="李书记", role=TeamRole.FIRST_SECRETARY))
    member = db.team.add(TeamMember(name="王队员", role=TeamRole.MEMBER))
    east = db.groups.add(Group(name="东庄组"))
    west = db.groups.add(Group(name="西庄组"))
    zhang = db.households.add(Household(household_no="0101", head_name="张三", group_uid=east.uid))
    zhao = db.households.add(Household(household_no="0102", head_name="赵树", group_uid=west.uid))
    li = db.households.add(Household(household_no="0201", head_name="李四", group_uid=west.uid))
    return {
        "secretary": secretary, "member": member, "east": east, "west": west,
        "zhang": zhang, "zhao": zhao, "li": li,
    }  # fmt: skip


def pick(qtbot, form: VisitForm, typed: str, head: str) -> None:
    """Type into the household picker and choose the line of ``head`` from the drop-down."""
    if typed.isascii():
        qtbot.keyClicks(form.picker.edit, typed)
    else:
        ime(form.picker.edit, typed)
    lines = form.picker.matches()
    row = next(i for i, line in enumerate(lines) if line.startswith(head))
    popup = form.picker.completer.popup()
    popup.setCurrentIndex(form.picker.model.index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def fill_visit(qtbot, form: VisitForm, *, needs: str = "屋顶漏雨，希望帮忙修缮") -> None:
    pick(qtbot, form, "zs", "张三")
    form.set_way(VisitWay.HOME)
    ime(form.situation, "一家三口，务农为主")
    ime(form.needs, needs)
    ime(form.handling, "已向村委反映")
    ime(form.next_step, "下周回访")


def drive_new_visit(monkeypatch, qtbot, action) -> None:
    """Make the form opened by the page run ``action`` (a person filling it) and press Save."""

    def fake_exec(self: VisitForm) -> int:
        self.show()
        action(self)
        self.buttons.button(self.buttons.StandardButton.Save).click()
        return self.result()

    monkeypatch.setattr(VisitForm, "exec", fake_exec)


def test_new_visit_with_pinyin_lookup_is_saved_and_listed(qtbot, monkeypatch, db, ctx, village):
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    seen: dict[str, list[str]] = {}

    def person(form: VisitForm) -> None:
        qtbot.keyClicks(form.picker.edit, "zs")
        seen["lines"] = form.picker.matches()
        form.picker.edit.clear()
        fill_visit(qtbot, form)
        # the work team is pre-filled and both boxes are ticked
        assert [b.text() for b in form.member_boxes] == ["李书记", "王队员"]
        form.member_boxes[1].setChecked(False)

    drive_new_visit(monkeypatch, qtbot, person)
    visit = page.new_visit()

    # both households whose heads answer to "zs" were offered; 李四 was not
    assert any(line.startswith("张三") for line in seen["lines"])
    assert any(line.startswith("赵树") for line in seen["lines"])
    assert not any(line.startswith("李四") for line in seen["lines"])
    assert visit is not None
    stored = db.visits.get(visit.uid)
    assert stored.household_uid == village["zhang"].uid
    assert stored.group_uid == village["east"].uid
    assert stored.date == TODAY
    assert stored.way == VisitWay.HOME
    assert stored.member_uids == [village["secretary"].uid]
    assert stored.needs == "屋顶漏雨，希望帮忙修缮"
    assert stored.handling == "已向村委反映" and stored.next_step == "下周回访"
    assert db.issues.count() == 0
    # the table shows it, selected, with its head, group, way and team
    assert page.model.total() == 1
    texts = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert texts[:5] == [TODAY.isoformat(), "张三", "东庄组", "入户", "李书记"]
    assert texts[9] == ""
    assert page.selected_uid() == visit.uid
    assert "屋顶漏雨" in page.detail.toPlainText()
    # the household file opens from here (the main window listens to the request)
    asked: list[str] = []
    ctx.open_household_requested.connect(asked.append)
    qtbot.mouseClick(page.household_button, Qt.MouseButton.LeftButton)
    assert asked == [village["zhang"].uid]


def test_enter_in_picker_takes_first_match_and_typing_again_clears_it(qtbot, ctx, village):
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    changes: list[str] = []
    form.picker.changed.connect(changes.append)
    ime(form.picker.edit, "李四")
    assert form.picker.matches()[0].startswith("李四")
    form.picker.completer.popup().hide()
    qtbot.keyClick(form.picker.edit, Qt.Key.Key_Return)
    assert form.picker.household_uid() == village["li"].uid
    assert form.group.currentData() == village["west"].uid
    qtbot.keyClicks(form.picker.edit, "x")
    assert form.picker.household_uid() is None
    assert changes == [village["li"].uid, ""]
    form.picker.set_household(village["zhao"].uid)
    assert form.picker.edit.text() == "赵树" and form.picker.household_uid() == village["zhao"].uid


def test_raise_issue_from_visit_saves_both_in_one_go(qtbot, db, ctx, village):
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    form.show()
    fill_visit(qtbot, form, needs="自来水管冻裂，需要更换")
    form.issue_box.setChecked(True)
    # the request follows the needs; the reporter is the head
    assert form.f.description.toPlainText() == "自来水管冻裂，需要更换"
    assert form.f.reporter.text() == "张三"
    form.try_save()
    assert form.result() == 1, form.error_label.text()
    visit, issue = form.saved, form.raised
    stored = db.issues.get(issue.uid)
    assert stored.number == "2026-001"
    assert stored.source == IssueSource.VISIT and stored.visit_uid == visit.uid
    assert stored.household_uid == village["zhang"].uid
    assert stored.status == IssueStatus.REGISTERED
    assert [e.kind.value for e in stored.events] == ["登记"]
    assert stored.events[0].actor == "李书记"
    rows = find_visit_rows(db)
    assert rows[0].issue_numbers == ("2026-001",)
    assert monthly_figures(db)["issues"]["collected"] == 1


def test_raise_issue_with_level_assigns_it(qtbot, db, ctx, village):
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    fill_visit(qtbot, form)
    form.issue_box.setChecked(True)
    select_data(form.f.level, "上报乡镇")
    select_data(form.f.mode, "限期办")
    assert form.f.deadline_on.isChecked()
    set_date(form.f.deadline, date(2026, 12, 20))
    form.f.owner.setCurrentText("王队员")
    form.try_save()
    assert form.result() == 1, form.error_label.text()
    issue = db.issues.get(form.raised.uid)
    assert issue.status == IssueStatus.IN_PROGRESS
    assert issue.level.value == "上报乡镇" and issue.deadline == date(2026, 12, 20)
    assert issue.owner == "王队员"
    assert [e.kind.value for e in issue.events] == ["登记", "转办"]


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("no_household", "请选择走访的农户或村民小组"),
        ("unpicked_text", "请从下拉列表中选择农户"),
        ("empty_text", "请填写了解到的情况或困难诉求"),
        ("future_date", "走访日期不能晚于今天"),
        ("deadline_before_date", "不能早于登记日期"),
    ],
)
def test_invalid_visit_shows_message_and_saves_nothing(qtbot, db, ctx, village, setup, message):
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    form.show()
    if setup == "no_household":
        ime(form.needs, "想了解医保政策")
    elif setup == "unpicked_text":
        ime(form.picker.edit, "张")
        ime(form.needs, "想了解医保政策")
    else:
        fill_visit(qtbot, form)
    if setup == "empty_text":
        form.situation.clear()
        form.needs.clear()
    if setup == "future_date":
        set_date(form.date, date(2026, 12, 1))
    if setup == "deadline_before_date":
        set_date(form.date, date(2026, 11, 20))
        form.issue_box.setChecked(True)
        select_data(form.f.level, "村级解决")
        select_data(form.f.mode, "限期办")
        set_date(form.f.deadline, date(2026, 11, 10))
    form.try_save()
    assert form.result() == 0
    assert form.error_label.isVisible()
    assert message in form.error_label.text()
    assert db.visits.count() == 0 and db.issues.count() == 0 and db.attachments.count() == 0


def test_photos_are_stored_with_the_visit(qtbot, monkeypatch, tmp_path, db, ctx, village):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    good = tmp_path / "屋顶.png"
    image.save(str(good))
    bad = tmp_path / "notes.png"
    bad.write_bytes(b"not an image")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(bad)], "")
    )
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    form.show()
    fill_visit(qtbot, form)
    qtbot.mouseClick(form.photo_button, Qt.MouseButton.LeftButton)
    assert "notes.png" in form.error_label.text()  # the bad file is refused at once
    assert form.photo_label.text() == "屋顶.png"
    form.try_save()
    assert form.result() == 1
    photos = db.attachments.of_owner(form.saved.uid)
    assert len(photos) == 1 and photos[0].owner_kind == "visit"
    assert photos[0].filename == "屋顶.png" and photos[0].data[:2] == b"\xff\xd8"  # JPEG


def test_filter_bar_search_way_month_member(qtbot, monkeypatch, db, ctx, village):
    v = village
    db.visits.add(Visit(date=date(2026, 11, 3), household_uid=v["zhang"].uid,
                        member_uids=[v["secretary"].uid], situation="养猪十头"))  # fmt: skip
    db.visits.add(Visit(date=date(2026, 10, 9), way=VisitWay.PHONE, household_uid=v["li"].uid,
                        member_uids=[v["member"].uid], needs="咨询低保"))  # fmt: skip
    db.visits.add(Visit(date=date(2026, 10, 20), way=VisitWay.MEETING, group_uid=v["west"].uid,
                        member_uids=[v["secretary"].uid, v["member"].uid], situation="座谈"))  # fmt: skip
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.model.total() == 3
    qtbot.keyClicks(page.search, "ls")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.record(0).head_name == "李四"
    page.search.clear()
    ime(page.search, "低保")
    qtbot.waitUntil(lambda: page.model.total() == 1 and page.model.record(0).needs == "咨询低保")
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == 3)
    select_data(page.way, "座谈")
    assert [r.target for r in page.model.records()] == ["西庄组"]
    select_data(page.way, None)
    select_data(page.period, "2026-10")
    assert {r.date.month for r in page.model.records()} == {10}
    assert page.model.total() == 2
    select_data(page.member, v["secretary"].uid)
    assert [r.situation for r in page.model.records()] == ["座谈"]
    select_data(page.period, "custom")
    assert page.start.isVisible()
    set_date(page.start, date(2026, 11, 1))
    set_date(page.end, date(2026, 11, 30))
    qtbot.waitUntil(
        lambda: (
            not page.timer.isActive()
            and [r.situation for r in page.model.records()] == ["养猪十头"]
        )
    )


def test_delete_asks_and_moves_to_recycle_bin(qtbot, monkeypatch, db, ctx, village):
    visit = db.visits.add(Visit(date=TODAY, household_uid=village["zhang"].uid, situation="正常"))
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    page.delete_visit()
    assert db.visits.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.delete_visit()
    assert db.visits.count() == 0 and db.visits.get(visit.uid, include_deleted=True)
    assert page.model.total() == 0


def test_visit_table_model_alone(qapp, db, village):
    v = village
    db.visits.add(Visit(date=date(2026, 11, 2), household_uid=v["zhang"].uid,
                        member_uids=[v["secretary"].uid, v["member"].uid], situation="甲"))  # fmt: skip
    db.visits.add(Visit(date=date(2026, 11, 5), way=VisitWay.MEETING, group_uid=v["west"].uid,
                        situation="乙"))  # fmt: skip
    names = {v["secretary"].uid: "李书记", v["member"].uid: "王队员"}
    model = RecordTableModel(visit_columns(names))
    model.set_rows(find_visit_rows(db, VisitFilter()))
    assert model.rowCount() == 2 and model.columnCount() == 10
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Household / group"
    assert model.data(model.index(0, 1)) == "西庄组"  # newest first; a group meeting
    assert model.data(model.index(1, 4)) == "李书记、王队员"
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 5)) == "甲"


def test_new_visit_appears_in_the_household_file(qtbot, db, ctx, village):
    from villagedesk.ui.pages.household_file import HouseholdFileDialog

    form = VisitForm(ctx)
    qtbot.addWidget(form)
    fill_visit(qtbot, form)
    form.try_save()
    assert form.result() == 1
    dialog = HouseholdFileDialog(ctx, village["zhang"].uid)
    qtbot.addWidget(dialog)
    rows = dialog.visits.records()
    assert [v.uid for v in rows] == [form.saved.uid]
    needs = [
        dialog.visits.data(dialog.visits.index(0, c)) for c in range(dialog.visits.columnCount())
    ]
    assert "屋顶漏雨，希望帮忙修缮" in needs


def test_table_holds_at_most_row_cap_newest_visits(qtbot, monkeypatch, db, ctx, village):
    from villagedesk.ui.pages import visits as visits_page

    for day in (3, 9, 15):
        db.visits.add(
            Visit(date=date(2026, 11, day), household_uid=village["li"].uid, situation="x")
        )
    monkeypatch.setattr(visits_page, "ROW_CAP", 2)
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert [r.date.day for r in page.model.records()] == [15, 9]
    assert page.count_label.text() == "Latest 2 shown; narrow the filter to see older ones"


def test_sort_indicator_matches_rows_and_survives_reload(qtbot, db, ctx, village):
    db.visits.add(
        Visit(
            date=date(2026, 11, 3),
            way=VisitWay.PHONE,
            household_uid=village["li"].uid,
            situation="一",
        )
    )
    db.visits.add(Visit(date=date(2026, 11, 9), household_uid=village["zhang"].uid, situation="二"))
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    assert [r.date.day for r in page.model.records()] == [9, 3]
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # 家庭基本情况: 一 before 二
    assert [r.situation for r in page.model.records()] == ["一", "二"]
    page.reload_rows()
    assert [r.situation for r in page.model.records()] == ["一", "二"]


def test_search_filters_the_loaded_visits_and_says_so_when_capped(
    qtbot, monkeypatch, db, ctx, village
):
    from villagedesk.ui.pages import visits as visits_page

    for day, head, text in ((3, "zhang", "屋顶漏雨"), (9, "zhao", "养鸡"), (15, "li", "漏水")):
        db.visits.add(Visit(date=date(2026, 11, day), household_uid=village[head].uid, needs=text))
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.keyClicks(page.search, "zs")  # 张三 and 赵树 by their initials
    qtbot.waitUntil(lambda: not page.timer.isActive())
    assert [r.head_name for r in page.model.records()] == ["赵树", "张三"]
    assert page.count_label.text() == "2 of 3 visits"
    page.search.setText("漏")
    page.apply_search()
    assert [r.needs for r in page.model.records()] == ["漏水", "屋顶漏雨"]
    # with more visits than the cap, the search covers the loaded (newest) ones and says so
    monkeypatch.setattr(visits_page, "ROW_CAP", 2)
    page.refresh()
    assert [r.needs for r in page.model.records()] == ["漏水"]
    assert page.count_label.text() == (
        "1 of the latest 2 visits match; pick a month to search older ones"
    )
    select_data(page.period, "2026-11")
    page.search.setText("")
    page.apply_search()
    assert page.count_label.text() == "Latest 2 shown; narrow the filter to see older ones"
