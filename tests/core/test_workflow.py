"""The issue workflow: every allowed step, every refused one, and what each event records."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from villagedesk.core import workflow as wf
from villagedesk.core.enums import (
    HandlingMode,
    IssueEventKind,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Satisfaction,
)
from villagedesk.core.records import Issue
from villagedesk.core.workflow import WorkflowError

S = IssueStatus
D0 = date(2026, 10, 8)


def new_issue() -> Issue:
    issue = Issue(number="2026-001", collected_date=D0, description="村口路灯不亮")
    wf.register(issue, actor="王书记")
    return issue


def in_progress() -> Issue:
    issue = new_issue()
    wf.assign(
        issue,
        on=date(2026, 10, 9),
        actor="王书记",
        level=IssueLevel.VILLAGE,
        mode=HandlingMode.WITH_DEADLINE,
        deadline=date(2026, 10, 31),
        owner="李主任",
    )
    return issue


def done() -> Issue:
    issue = in_progress()
    wf.conclude(
        issue, on=date(2026, 10, 20), actor="李主任", outcome=IssueOutcome.SOLVED, result="已换灯泡"
    )
    return issue


def closed() -> Issue:
    issue = done()
    wf.follow_up(issue, on=date(2026, 10, 25), actor="王书记", satisfaction=Satisfaction.SATISFIED)
    return issue


ON = date(2026, 10, 28)
ACTIONS = {
    "assign": lambda i: wf.assign(
        i, on=ON, actor="甲", level=IssueLevel.TOWNSHIP, mode=HandlingMode.AT_ONCE
    ),
    "progress": lambda i: wf.record_progress(i, on=ON, actor="甲", note="已联系供电所"),
    "conclude": lambda i: wf.conclude(
        i, on=ON, actor="甲", outcome=IssueOutcome.SOLVED, result="已解决"
    ),
    "follow_up": lambda i: wf.follow_up(i, on=ON, actor="甲", satisfaction=Satisfaction.BASICALLY),
    "reopen": lambda i: wf.reopen(i, on=ON, actor="甲", note="村民说又坏了"),
}
STATES = {S.REGISTERED: new_issue, S.IN_PROGRESS: in_progress, S.DONE: done, S.CLOSED: closed}
#: (state, action) -> status after; every pair not listed must be refused
ALLOWED = {
    (S.REGISTERED, "assign"): S.IN_PROGRESS,
    (S.IN_PROGRESS, "assign"): S.IN_PROGRESS,  # 上报 to another level
    (S.IN_PROGRESS, "progress"): S.IN_PROGRESS,
    (S.IN_PROGRESS, "conclude"): S.DONE,
    (S.DONE, "follow_up"): S.CLOSED,
    (S.DONE, "reopen"): S.IN_PROGRESS,
}


def _step_cases():
    for s in STATES:
        for a in ACTIONS:
            yield pytest.param(s, a, id=f"{s.name}-{a}")


@pytest.mark.parametrize(("state", "action"), list(_step_cases()))
def test_every_step_from_every_status(state, action):
    issue = STATES[state]()
    before = copy.deepcopy(issue)
    if (state, action) in ALLOWED:
        event = ACTIONS[action](issue)
        assert issue.status == ALLOWED[(state, action)]
        assert (event.from_status, event.to_status) == (state, issue.status)
        assert issue.events[-1] is event
        assert event.date == ON and event.actor == "甲"
        assert len(issue.events) == len(before.events) + 1
    else:
        with pytest.raises(WorkflowError) as info:
            ACTIONS[action](issue)
        assert str(info.value)  # a reason for people, in Chinese
        assert issue == before  # a refused step leaves the issue untouched


def test_transition_table_matches_the_design():
    assert wf.can_move(S.REGISTERED, S.IN_PROGRESS)
    assert not wf.can_move(S.REGISTERED, S.DONE)  # registered -> conclude refused
    assert not wf.can_move(S.REGISTERED, S.CLOSED)
    assert wf.TRANSITIONS[S.CLOSED] == frozenset()  # closed -> anything refused


def test_conclude_straight_from_registered_is_refused():
    issue = new_issue()
    with pytest.raises(WorkflowError, match="已登记"):
        ACTIONS["conclude"](issue)
    assert issue.status == S.REGISTERED and issue.outcome is None


def test_progress_on_registered_is_refused():
    with pytest.raises(WorkflowError, match="不能记录进展"):
        ACTIONS["progress"](new_issue())


def test_with_deadline_mode_needs_a_deadline():
    issue = new_issue()
    for mode in (HandlingMode.WITH_DEADLINE, HandlingMode.IN_STAGES):
        with pytest.raises(WorkflowError, match="必须填写办理时限"):
            wf.assign(issue, on=D0, actor="甲", level=IssueLevel.VILLAGE, mode=mode)
    assert issue.status == S.REGISTERED and issue.level is None and len(issue.events) == 1
    # 立刻办 needs none
    wf.assign(issue, on=D0, actor="甲", level=IssueLevel.VILLAGE, mode=HandlingMode.AT_ONCE)
    assert issue.status == S.IN_PROGRESS and issue.deadline is None


def test_deadline_before_collection_is_refused():
    issue = new_issue()
    with pytest.raises(WorkflowError, match="早于登记日期"):
        wf.assign(
            issue,
            on=D0,
            actor="甲",
            level=IssueLevel.VILLAGE,
            mode=HandlingMode.WITH_DEADLINE,
            deadline=date(2026, 10, 1),
        )


@pytest.mark.parametrize("action", ["assign", "progress", "conclude"])
def test_dates_before_collection_are_refused(action):
    issue = new_issue() if action == "assign" else in_progress()
    early = date(2026, 10, 1)
    calls = {
        "assign": lambda: wf.assign(
            issue, on=early, actor="甲", level=IssueLevel.VILLAGE, mode=HandlingMode.AT_ONCE
        ),
        "progress": lambda: wf.record_progress(issue, on=early, actor="甲", note="进展"),
        "conclude": lambda: wf.conclude(
            issue, on=early, actor="甲", outcome=IssueOutcome.SOLVED, result="好了"
        ),
    }
    before = copy.deepcopy(issue)
    with pytest.raises(WorkflowError, match="早于"):
        calls[action]()
    assert issue == before


def test_date_before_the_previous_step_is_refused():
    issue = done()  # concluded on 10-20
    with pytest.raises(WorkflowError, match="早于上一步"):
        wf.follow_up(issue, on=date(2026, 10, 15), actor="甲", satisfaction=Satisfaction.SATISFIED)
    assert issue.status == S.DONE


def test_escalating_to_the_same_level_and_deadline_is_refused():
    issue = in_progress()
    with pytest.raises(WorkflowError, match="已在“村级解决”办理"):
        wf.assign(
            issue,
            on=ON,
            actor="甲",
            level=IssueLevel.VILLAGE,
            mode=HandlingMode.WITH_DEADLINE,
            deadline=date(2026, 10, 31),
        )
    event = wf.assign(
        issue,
        on=ON,
        actor="甲",
        level=IssueLevel.TOWNSHIP,
        mode=HandlingMode.WITH_DEADLINE,
        deadline=date(2026, 11, 30),
    )
    assert event.kind == IssueEventKind.ESCALATE
    assert event.level == IssueLevel.TOWNSHIP
    assert issue.deadline == date(2026, 11, 30)


def test_empty_notes_are_refused():
    with pytest.raises(WorkflowError):
        wf.record_progress(in_progress(), on=ON, actor="甲", note="  ")
    with pytest.raises(WorkflowError):
        wf.conclude(in_progress(), on=ON, actor="甲", outcome=IssueOutcome.SOLVED, result="")
    with pytest.raises(WorkflowError):
        wf.reopen(done(), on=ON, actor="甲", note="")
    with pytest.raises(WorkflowError):
        wf.register(Issue(number="x", collected_date=D0, description=" "), actor="甲")


def test_register_twice_is_refused():
    issue = new_issue()
    with pytest.raises(WorkflowError, match="已经登记过"):
        wf.register(issue, actor="甲")


def test_reopen_clears_the_outcome():
    issue = done()
    assert issue.outcome == IssueOutcome.SOLVED and issue.done_date == date(2026, 10, 20)
    wf.reopen(issue, on=ON, actor="王书记", note="村民说又坏了")
    assert issue.status == S.IN_PROGRESS
    assert (issue.outcome, issue.result, issue.done_date) == (None, "", None)
    assert not issue.is_solved() and issue.is_tracking()


def test_events_carry_actor_date_and_statuses_through_a_whole_life():
    issue = closed()
    assert [
        (e.kind, e.date, e.actor, e.from_status, e.to_status, e.issue_uid) for e in issue.events
    ] == [
        (IssueEventKind.REGISTER, D0, "王书记", None, S.REGISTERED, issue.uid),
        (
            IssueEventKind.ASSIGN,
            date(2026, 10, 9),
            "王书记",
            S.REGISTERED,
            S.IN_PROGRESS,
            issue.uid,
        ),
        (IssueEventKind.CONCLUDE, date(2026, 10, 20), "李主任", S.IN_PROGRESS, S.DONE, issue.uid),
        (IssueEventKind.FOLLOW_UP, date(2026, 10, 25), "王书记", S.DONE, S.CLOSED, issue.uid),
    ]
    assert issue.events[1].level == IssueLevel.VILLAGE
    assert issue.events[2].note == "已换灯泡"
    assert issue.owner == "李主任"
    assert issue.satisfaction == Satisfaction.SATISFIED
    assert issue.closed_date == date(2026, 10, 25)
    assert issue.is_solved() and not issue.is_tracking()


def test_overdue_only_while_tracking():
    issue = in_progress()  # deadline 10-31
    assert issue.is_overdue(date(2026, 11, 1))
    assert not issue.is_overdue(date(2026, 10, 31))
    wf.conclude(
        issue,
        on=date(2026, 11, 2),
        actor="甲",
        outcome=IssueOutcome.EXPLAINED,
        result="资金不足，已向村民解释",
    )
    assert not issue.is_overdue(date(2026, 11, 5))
    assert not issue.is_solved()
