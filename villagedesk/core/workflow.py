"""The issue workflow: 已登记 → 办理中 → 已办结 → 已回访销号, every step a dated event.

Each action checks that the step is allowed from the issue's current status, changes the
issue and appends the event to its timeline; a refused step raises ``WorkflowError``
with the reason in Chinese and leaves the issue untouched.
"""

from __future__ import annotations

from datetime import date

from villagedesk.core.enums import (
    HandlingMode,
    IssueEventKind,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Satisfaction,
)
from villagedesk.core.records import Issue, IssueEvent
from villagedesk.core.validation import ValidationError

S = IssueStatus

#: status -> statuses it may move to
TRANSITIONS: dict[IssueStatus, frozenset[IssueStatus]] = {
    S.REGISTERED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.IN_PROGRESS, S.DONE}),
    S.DONE: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset(),
}

#: the action each kind of event performs, for messages
_ACTION_NAMES = {
    IssueEventKind.ASSIGN: "转办",
    IssueEventKind.ESCALATE: "上报",
    IssueEventKind.PROGRESS: "记录进展",
    IssueEventKind.CONCLUDE: "办结",
    IssueEventKind.FOLLOW_UP: "回访销号",
    IssueEventKind.REOPEN: "重新办理",
}


class WorkflowError(ValidationError):
    """A workflow step that is not allowed now."""


def can_move(current: IssueStatus, target: IssueStatus) -> bool:
    """Whether the workflow allows going from ``current`` to ``target``."""
    return target in TRANSITIONS[current]


def _check(issue: Issue, kind: IssueEventKind, target: IssueStatus, on: date) -> None:
    if not can_move(issue.status, target):
        raise WorkflowError(
            f"问题 {issue.number} 当前状态为“{issue.status.value}”，不能{_ACTION_NAMES[kind]}"
        )
    if on < issue.collected_date:
        raise WorkflowError(f"{_ACTION_NAMES[kind]}日期 {on} 早于登记日期 {issue.collected_date}")
    if issue.events and on < issue.events[-1].date:
        raise WorkflowError(
            f"{_ACTION_NAMES[kind]}日期 {on} 早于上一步的日期 {issue.events[-1].date}"
        )


def _event(
    issue: Issue, kind: IssueEventKind, on: date, actor: str, note: str, target: IssueStatus
) -> IssueEvent:
    ev = IssueEvent(
        issue_uid=issue.uid,
        date=on,
        kind=kind,
        actor=actor,
        note=note,
        from_status=issue.status,
        to_status=target,
        level=issue.level,
    )
    issue.status = target
    ev.level = issue.level
    issue.events.append(ev)
    return ev


def register(issue: Issue, *, actor: str, note: str = "") -> IssueEvent:
    """The first event of a newly collected issue."""
    if issue.events:
        raise WorkflowError(f"问题 {issue.number} 已经登记过")
    if not issue.description.strip():
        raise WorkflowError("诉求事项不能为空")
    issue.status = S.REGISTERED
    ev = IssueEvent(
        issue_uid=issue.uid,
        date=issue.collected_date,
        kind=IssueEventKind.REGISTER,
        actor=actor,
        note=note,
        from_status=None,
        to_status=S.REGISTERED,
    )
    issue.events.append(ev)
    return ev


def assign(
    issue: Issue,
    *,
    on: date,
    actor: str,
    level: IssueLevel,
    mode: HandlingMode,
    deadline: date | None = None,
    owner: str = "",
    note: str = "",
) -> IssueEvent:
    """Hand the issue to a level (village, township, unit, county): 转办, or 上报 if it moves up."""
    if issue.status not in (S.REGISTERED, S.IN_PROGRESS):
        raise WorkflowError(f"问题 {issue.number} 当前状态为“{issue.status.value}”，不能转办或上报")
    if mode != HandlingMode.AT_ONCE and deadline is None:
        raise WorkflowError(f"{mode.value}的问题必须填写办理时限")
    if deadline is not None and deadline < issue.collected_date:
        raise WorkflowError(f"办理时限 {deadline} 早于登记日期 {issue.collected_date}")
    escalating = issue.status == S.IN_PROGRESS
    kind = IssueEventKind.ESCALATE if escalating else IssueEventKind.ASSIGN
    if escalating and level == issue.level and deadline == issue.deadline:
        raise WorkflowError(f"问题 {issue.number} 已在“{level.value}”办理，请选择新的层级或时限")
    _check(issue, kind, S.IN_PROGRESS, on)
    issue.level, issue.handling_mode, issue.deadline = level, mode, deadline
    if owner:
        issue.owner = owner
    return _event(issue, kind, on, actor, note, S.IN_PROGRESS)


def record_progress(issue: Issue, *, on: date, actor: str, note: str) -> IssueEvent:
    """A dated note on an issue being handled."""
    if not note.strip():
        raise WorkflowError("请填写办理进展")
    if issue.status != S.IN_PROGRESS:
        raise WorkflowError(f"问题 {issue.number} 当前状态为“{issue.status.value}”，不能记录进展")
    _check(issue, IssueEventKind.PROGRESS, S.IN_PROGRESS, on)
    issue.progress = note
    return _event(issue, IssueEventKind.PROGRESS, on, actor, note, S.IN_PROGRESS)


def conclude(
    issue: Issue, *, on: date, actor: str, outcome: IssueOutcome, result: str
) -> IssueEvent:
    """办结: solved, or explained to the villager why it cannot be solved now."""
    if not result.strip():
        raise WorkflowError("请填写办理结果")
    _check(issue, IssueEventKind.CONCLUDE, S.DONE, on)
    issue.outcome, issue.result, issue.done_date = outcome, result, on
    return _event(issue, IssueEventKind.CONCLUDE, on, actor, result, S.DONE)


def follow_up(
    issue: Issue, *, on: date, actor: str, satisfaction: Satisfaction, note: str = ""
) -> IssueEvent:
    """回访销号: the villager was told the result; satisfaction recorded; struck off."""
    _check(issue, IssueEventKind.FOLLOW_UP, S.CLOSED, on)
    issue.satisfaction, issue.follow_up, issue.closed_date = satisfaction, note, on
    return _event(issue, IssueEventKind.FOLLOW_UP, on, actor, note, S.CLOSED)


def reopen(issue: Issue, *, on: date, actor: str, note: str) -> IssueEvent:
    """Back to 办理中 after 办结 (e.g. the villager says it is not really solved)."""
    if issue.status != S.DONE:
        raise WorkflowError(f"问题 {issue.number} 当前状态为“{issue.status.value}”，不能重新办理")
    if not note.strip():
        raise WorkflowError("请说明重新办理的原因")
    _check(issue, IssueEventKind.REOPEN, S.IN_PROGRESS, on)
    issue.outcome, issue.result, issue.done_date = None, "", None
    return _event(issue, IssueEventKind.REOPEN, on, actor, note, S.IN_PROGRESS)
