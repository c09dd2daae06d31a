"""问题台账: an issue raised from a visit walked through every status with the page's buttons,
refused steps, the registration form's checks, overdue rows, search and the table model."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from qt_input import ime

from villagedesk.core import workflow
from villagedesk.core.enums import IssueStatus, TeamRole
from villagedesk.core.records import Group, Household, Issue, TeamMember
from villagedesk.services.figures import monthly_figures
from villagedesk.services.issues_queries import OVERDUE, IssueFilter, find_issue_rows, status_counts
from villagedesk.ui.pages import issue_dialogs
from villagedesk.ui.pages.issue_form import IssueForm, select_data, set_date
from villagedesk.ui.pages.issues import OVERDUE_TINT, IssuesPage, issue_columns
from villagedesk.ui.pages.visit_form import VisitForm
from villagedesk.ui.widgets.table_model import RecordTableModel

TODAY = date(2026, 11, 29)  # pinned by tests/conftest.py


@pytest.fixture
def village(db):
    db.team.add(TeamMember(name="李书记", role=TeamRole.FIRST_SECRETARY))
    db.team.add(TeamMember(name="王队员", role=TeamRole.MEMBER))
    east = db.groups.add(Group(name="东庄组"))
    zhang = db.households.add(Household(household_no="0101", head_name="张三", group_uid=east.uid))
    li = db.households.add(Household(household_no="0102", head_name="李四", group_uid=east.uid))
    return {"east": east, "zhang": zhang, "li": li}


@pytest.fixture
def page(qtbot, ctx):
    p = IssuesPage(ctx)
    qtbot.addWidget(p)
    p.resize(1190, 700)
    p.show()
    p.refresh()
    return p


def raise_from_visit(qtbot, ctx) -> Issue:
    """A person records a visit to 张三 and ticks "raise an issue from this visit"."""
    form = VisitForm(ctx)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.picker.edit, "zs")
    form.picker.pick_row(0)
    ime(form.situation, "独居老人，房屋老旧")
    ime(form.needs, "屋后排水沟堵塞，雨天积水进屋")
    form.issue_box.setChecked(True)
    select_data(form.f.category, "基础设施")
    form.try_save()
    assert form.result() == 1, form.error_label.text()
    return form.raised


def drive(monkeypatch, dialog_cls, fill) -> list:
    """Replace the modal exec of a step dialog by a person filling it and pressing Save."""
    opened: list = []

    def fake_exec(self) -> int:
        opened.append(self)
        self.show()
        fill(self)
        self.buttons.button(self.buttons.StandardButton.Save).click()
        return self.result()

    monkeypatch.setattr(dialog_cls, "exec", fake_exec)
    return opened


def tab_titles(page: IssuesPage) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def buttons_enabled(page: IssuesPage) -> dict[str, bool]:
    return {k: b.isEnabled() for k, (b, _) in page.step_buttons.items()}


def timeline(page: IssuesPage) -> list[tuple[str, str, str]]:
    m = page.events
    return [tuple(m.data(m.index(r, c)) for c in (0, 1, 2)) for r in range(m.rowCount())]


def test_issue_from_visit_walks_through_every_status(qtbot, monkeypatch, db, ctx, village, page):
    issue = raise_from_visit(qtbot, ctx)
    qtbot.waitUntil(lambda: page.model.total() == 1)  # the page heard "issue" changed
    page.select_issue(issue.uid)
    assert page.current.uid == issue.uid
    assert tab_titles(page) == [
        "All (1)", "已登记 (1)", "办理中 (0)", "已办结 (0)", "已回访销号 (0)", "Overdue (0)",
    ]  # fmt: skip
    assert buttons_enabled(page) == {
        "assign": True, "progress": False, "conclude": False, "follow_up": False, "reopen": False,
    }  # fmt: skip
    assert timeline(page) == [(TODAY.isoformat(), "登记", "李书记")]
    figures = monthly_figures(db)["issues"]
    assert (figures["collected"], figures["solved"], figures["tracking"]) == (1, 0, 1)

    # 上报/转办: the township handles it, within a deadline
    def assign(d: issue_dialogs.AssignDialog) -> None:
        select_data(d.level, "上报乡镇")
        select_data(d.mode, "限期办")
        set_date(d.deadline, date(2026, 12, 15))
        d.owner.setCurrentText("王队员")
        ime(d.note, "已报乡镇水利站")

    drive(monkeypatch, issue_dialogs.AssignDialog, assign)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    stored = db.issues.get(issue.uid)
    assert stored.status == IssueStatus.IN_PROGRESS and stored.level.value == "上报乡镇"
    assert stored.deadline == date(2026, 12, 15) and stored.owner == "王队员"
    assert [row[1] for row in timeline(page)] == ["登记", "转办"]
    assert page.events.data(page.events.index(1, 3)) == "上报乡镇"
    assert page.events.data(page.events.index(1, 4)) == "已报乡镇水利站"
    assert tab_titles(page)[1:3] == ["已登记 (0)", "办理中 (1)"]
    assert buttons_enabled(page) == {
        "assign": True, "progress": True, "conclude": True, "follow_up": False, "reopen": False,
    }  # fmt: skip
    assert monthly_figures(db)["issues"]["tracking"] == 1

    # 记录进展
    drive(monkeypatch, issue_dialogs.ProgressDialog, lambda d: ime(d.note, "水利站已派人查看"))
    qtbot.mouseClick(page.progress_button, Qt.MouseButton.LeftButton)
    assert db.issues.get(issue.uid).progress == "水利站已派人查看"
    assert [row[1] for row in timeline(page)] == ["登记", "转办", "进展"]
    assert tab_titles(page)[2] == "办理中 (1)"

    # 办结 with an empty result is refused in the dialog and changes nothing
    opened = drive(monkeypatch, issue_dialogs.ConcludeDialog, lambda d: None)
    qtbot.mouseClick(page.conclude_button, Qt.MouseButton.LeftButton)
    assert "请填写办理结果" in opened[0].error_label.text()
    assert db.issues.get(issue.uid).status == IssueStatus.IN_PROGRESS
    assert len(db.issues.events_of(issue.uid)) == 3

    # 办结: solved
    def conclude(d: issue_dialogs.ConcludeDialog) -> None:
        select_data(d.outcome, "已解决")
        ime(d.result_text, "排水沟已清淤并加盖板")

    drive(monkeypatch, issue_dialogs.ConcludeDialog, conclude)
    qtbot.mouseClick(page.conclude_button, Qt.MouseButton.LeftButton)
    stored = db.issues.get(issue.uid)
    assert stored.status == IssueStatus.DONE and stored.done_date == TODAY
    assert [row[1] for row in timeline(page)] == ["登记", "转办", "进展", "办结"]
    assert tab_titles(page)[2:4] == ["办理中 (0)", "已办结 (1)"]
    assert buttons_enabled(page) == {
        "assign": False, "progress": False, "conclude": False, "follow_up": True, "reopen": True,
    }  # fmt: skip
    figures = monthly_figures(db)["issues"]
    assert (figures["solved"], figures["tracking"]) == (1, 0)
    assert monthly_figures(db, "2026-11")["issues"]["solved"] == 1

    # 回访销号
    def follow_up(d: issue_dialogs.FollowUpDialog) -> None:
        select_data(d.satisfaction, "满意")
        ime(d.note, "张三表示满意")

    drive(monkeypatch, issue_dialogs.FollowUpDialog, follow_up)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    stored = db.issues.get(issue.uid)
    assert stored.status == IssueStatus.CLOSED and stored.satisfaction.value == "满意"
    assert stored.closed_date == TODAY and stored.follow_up == "张三表示满意"
    assert [row[1] for row in timeline(page)] == ["登记", "转办", "进展", "办结", "回访销号"]
    assert tab_titles(page) == [
        "All (1)", "已登记 (0)", "办理中 (0)", "已办结 (0)", "已回访销号 (1)", "Overdue (0)",
    ]  # fmt: skip
    figures = monthly_figures(db)["issues"]
    assert (figures["collected"], figures["solved"], figures["tracking"]) == (1, 1, 0)
    # the table row shows the whole story
    texts = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert texts[:5] == ["2026-001", "已回访销号", TODAY.isoformat(), "走访", "张三"]
    assert texts[8:14] == ["上报乡镇", "限期办", "王队员", "2026-12-15", TODAY.isoformat(), "满意"]

    # refused: every button is disabled, and the workflow says why in Chinese
    assert not any(buttons_enabled(page).values())
    assert page.step_dialog("conclude") is None
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert db.issues.get(issue.uid).status == IssueStatus.CLOSED
    with pytest.raises(workflow.WorkflowError, match="当前状态为“已回访销号”，不能重新办理"):
        workflow.reopen(stored, on=TODAY, actor="李书记", note="村民反映仍有积水")
    with pytest.raises(workflow.WorkflowError, match="不能转办或上报"):
        workflow.assign(
            stored, on=TODAY, actor="李书记", level=stored.level, mode=stored.handling_mode
        )


def test_reopen_after_conclude_and_refused_steps_on_registered(
    qtbot, monkeypatch, db, ctx, village, page
):
    issue = raise_from_visit(qtbot, ctx)
    page.select_issue(issue.uid)
    with pytest.raises(workflow.WorkflowError, match="当前状态为“已登记”，不能办结"):
        workflow.conclude(
            db.issues.get(issue.uid), on=TODAY, actor="李书记",
            outcome=workflow.IssueOutcome.SOLVED, result="已处理",
        )  # fmt: skip
    drive(monkeypatch, issue_dialogs.AssignDialog, lambda d: select_data(d.mode, "立刻办"))
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    drive(
        monkeypatch, issue_dialogs.ConcludeDialog, lambda d: ime(d.result_text, "已向村民解释政策")
    )
    select = lambda d: (select_data(d.outcome, "已解释"), ime(d.result_text, "已向村民解释政策"))  # noqa: E731
    drive(monkeypatch, issue_dialogs.ConcludeDialog, select)
    qtbot.mouseClick(page.conclude_button, Qt.MouseButton.LeftButton)
    assert monthly_figures(db)["issues"]["explained"] == 1
    # a step dated before the previous one is refused with the reason
    opened = drive(monkeypatch, issue_dialogs.ReopenDialog,
                   lambda d: (set_date(d.on, date(2026, 11, 1)), ime(d.note, "仍未解决")))  # fmt: skip
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    assert "早于" in opened[0].error_label.text()
    assert db.issues.get(issue.uid).status == IssueStatus.DONE
    drive(monkeypatch, issue_dialogs.ReopenDialog, lambda d: ime(d.note, "村民反映仍有积水"))
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    stored = db.issues.get(issue.uid)
    assert stored.status == IssueStatus.IN_PROGRESS and stored.outcome is None
    assert [row[1] for row in timeline(page)] == ["登记", "转办", "办结", "重新办理"]
    assert monthly_figures(db)["issues"]["explained"] == 0


def new_issue_form(qtbot, ctx) -> IssueForm:
    form = IssueForm(ctx)
    qtbot.addWidget(form)
    form.show()
    return form


def test_new_issue_button_registers_and_assigns(qtbot, monkeypatch, db, ctx, village, page):
    def person(self: IssueForm) -> int:
        self.show()
        qtbot.keyClicks(self.picker.edit, "ls")
        self.picker.pick_row(0)
        assert self.f.reporter.text() == "李四"
        select_data(self.source, "来访")
        set_date(self.collected, date(2026, 11, 2))
        ime(self.f.description, "申请临时救助")
        select_data(self.f.level, "村级解决")
        select_data(self.f.mode, "限期办")
        set_date(self.f.deadline, date(2026, 11, 20))
        self.try_save()
        return self.result()

    monkeypatch.setattr(IssueForm, "exec", person)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    issue = db.issues.find()[0]
    assert issue.number == "2026-001" and issue.source.value == "来访"
    assert issue.household_uid == village["li"].uid and issue.group_uid == village["east"].uid
    assert issue.status == IssueStatus.IN_PROGRESS and issue.deadline == date(2026, 11, 20)
    assert [e.kind.value for e in issue.events] == ["登记", "转办"]
    # nine days past its deadline: the row stands out and the overdue tab counts it
    assert page.current.uid == issue.uid
    row = 0
    status = page.model.data(page.model.index(row, 1))
    assert status == "办理中 (overdue 9 days)"
    brush = page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color() == OVERDUE_TINT
    assert tab_titles(page)[5] == "Overdue (1)"
    assert "overdue 9 days" in page.facts.toPlainText()
    assert monthly_figures(db)["issues"]["overdue"] == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("nobody", "请选择农户或村民小组，或填写反映人"),
        ("no_description", "请填写诉求事项"),
        ("deadline_before_collected", "不能早于登记日期"),
        ("future", "登记日期不能晚于今天"),
        ("unpicked", "请从下拉列表中选择农户"),
    ],
)
def test_invalid_issue_form_shows_message_and_saves_nothing(
    qtbot, db, ctx, village, setup, message
):
    form = new_issue_form(qtbot, ctx)
    if setup != "nobody":
        ime(form.f.reporter, "张三")
    if setup != "no_description":
        ime(form.f.description, "道路破损")
    if setup == "deadline_before_collected":
        set_date(form.collected, date(2026, 11, 20))
        select_data(form.f.level, "上报乡镇")
        select_data(form.f.mode, "限期办")
        set_date(form.f.deadline, date(2026, 11, 10))
    if setup == "future":
        set_date(form.collected, date(2027, 1, 3))
    if setup == "unpicked":
        ime(form.picker.edit, "王")
    form.try_save()
    assert form.result() == 0
    assert message in form.error_label.text()
    assert db.issues.count() == 0
    assert db.su.execute("select count(*) from issue_events").fetchone()[0] == 0


def test_search_tabs_and_apply_filter(qtbot, db, ctx, village, page):
    for n, (head, text, deadline) in enumerate(
        [("zhang", "路灯不亮", None), ("li", "申请低保", date(2026, 11, 1)), (None, "河道垃圾", None)], 1
    ):  # fmt: skip
        issue = Issue(number=f"2026-00{n}", collected_date=date(2026, 10, n), description=text,
                      household_uid=village[head].uid if head else None, reporter="村民")  # fmt: skip
        workflow.register(issue, actor="李书记")
        if deadline:
            workflow.assign(issue, on=date(2026, 10, 5), actor="李书记",
                            level=workflow.IssueLevel.VILLAGE,
                            mode=workflow.HandlingMode.WITH_DEADLINE, deadline=deadline)  # fmt: skip
        db.issues.add(issue)
    page.refresh()
    assert page.model.total() == 3
    qtbot.keyClicks(page.search, "zs")
    qtbot.waitUntil(lambda: [r.issue.number for r in page.model.records()] == ["2026-001"])
    page.search.clear()
    ime(page.search, "低保")
    qtbot.waitUntil(lambda: [r.issue.number for r in page.model.records()] == ["2026-002"])
    page.search.clear()
    qtbot.keyClicks(page.search, "003")
    qtbot.waitUntil(lambda: not page.timer.isActive() and page.model.total() == 1)
    assert page.model.record(0).issue.description == "河道垃圾"
    page.apply_filter(overdue=True)
    assert page.search.text() == "" and page.tabs.currentIndex() == 5
    assert [r.issue.number for r in page.model.records()] == ["2026-002"]
    page.apply_filter("已登记")
    assert page.tabs.currentIndex() == 1
    assert sorted(r.issue.number for r in page.model.records()) == ["2026-001", "2026-003"]
    page.tabs.setCurrentIndex(2)
    assert [r.issue.number for r in page.model.records()] == ["2026-002"]
    page.apply_filter()
    select_data(page.category, "其他")
    assert page.model.total() == 3
    select_data(page.category, "基础设施")
    assert page.model.total() == 0


def test_delete_issue_asks_first(qtbot, monkeypatch, db, ctx, village, page):
    issue = raise_from_visit(qtbot, ctx)
    page.select_issue(issue.uid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    page.delete_issue()
    assert db.issues.get(issue.uid) is None and db.issues.get(issue.uid, include_deleted=True)
    assert tab_titles(page)[0] == "All (0)" and page.current is None


def test_issue_table_model_alone(qapp, db, village):
    issue = Issue(number="2026-007", collected_date=date(2026, 9, 1), description="危房改造",
                  household_uid=village["zhang"].uid)  # fmt: skip
    workflow.register(issue, actor="李书记")
    workflow.assign(issue, on=date(2026, 9, 2), actor="李书记", level=workflow.IssueLevel.COUNTY,
                    mode=workflow.HandlingMode.IN_STAGES, deadline=date(2026, 10, 1))  # fmt: skip
    db.issues.add(issue)
    rows = find_issue_rows(db, IssueFilter(), today=TODAY)
    model = RecordTableModel(issue_columns(TODAY))
    model.set_rows(rows)
    assert model.columnCount() == 14 and model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in (0, 4, 5, 8, 9, 11)] == [
        "2026-007", "张三", "东庄组", "转县级部门", "分期办", "2026-10-01",
    ]  # fmt: skip
    assert model.data(model.index(0, 1)) == "办理中 (overdue 59 days)"
    assert rows[0].overdue_days(TODAY) == 59
    # the list's quick decoding gives the same record the repository does (less the timeline)
    assert dataclasses.replace(rows[0].issue, events=[]) == dataclasses.replace(
        db.issues.get(issue.uid), events=[]
    )
    counts = status_counts(db, today=TODAY)
    assert counts[None] == 1 and counts["办理中"] == 1 and counts[OVERDUE] == 1
    assert find_issue_rows(db, IssueFilter(status="已办结"), today=TODAY) == []


@pytest.mark.parametrize("month", [None, "2026-11", "2026-10", "2026-08", "2026-05"])
def test_a_figure_filter_holds_exactly_the_issues_the_figure_counts(demo_db, month):
    from villagedesk.services.figures import monthly_figures

    fig = monthly_figures(demo_db, month, today=TODAY)["issues"]
    for figure in ("collected", "solved", "explained", "tracking", "overdue"):
        rows = find_issue_rows(demo_db, IssueFilter(figure=figure, month=month), today=TODAY)
        assert len(rows) == fig[figure], (month, figure)


def test_figure_chip_and_search_over_the_loaded_rows(qtbot, monkeypatch, db, ctx, village, page):
    from villagedesk.ui.pages import issues as issues_page

    for n, text in enumerate(["路灯不亮", "路面破损", "申请低保"], 1):
        issue = Issue(number=f"2026-00{n}", collected_date=date(2026, 11, n), description=text,
                      household_uid=village["zhang"].uid)  # fmt: skip
        workflow.register(issue, actor="李书记")
        db.issues.add(issue)
    page.apply_filter(figure="tracking", month="2026-11")
    assert page.figure_chip.isVisibleTo(page) and "2026年11月" in page.figure_chip.text()
    assert page.model.total() == 3
    with pytest.raises(ValueError):
        page.apply_filter(figure="everything")
    page.clear_figure()
    assert not page.figure_chip.isVisibleTo(page)
    page.search.setText("路")
    page.apply_search()
    assert [r.issue.number for r in page.model.records()] == ["2026-002", "2026-001"]
    assert page.count_label.text() == "2 of 3 issues"
    monkeypatch.setattr(issues_page, "ROW_CAP", 2)
    page.refresh()  # the newest two loaded; the search covers them and the label says so
    assert [r.issue.number for r in page.model.records()] == ["2026-002"]
    assert page.count_label.text() == (
        "1 of the first 2 issues match; pick a tab to search the others"
    )
