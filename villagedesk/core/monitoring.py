"""Monitoring lists (一比一派一查一救): a department's comparison list, its rows, and the
check task each matched person becomes: 待核查 → 已入户核查 → 已纳入救助 / 不符合条件."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from villagedesk.core.records import Record
from villagedesk.core.validation import ValidationError


class CheckStatus(StrEnum):
    PENDING = "待核查"
    VISITED = "已入户核查"
    AIDED = "已纳入救助"
    NOT_ELIGIBLE = "不符合条件"


class MatchKind(StrEnum):
    EXACT = "身份证号码匹配"
    UNCERTAIN = "姓名匹配（待确认）"
    NONE = "未匹配"


#: status -> statuses a check may move to
CHECK_TRANSITIONS: dict[CheckStatus, frozenset[CheckStatus]] = {
    CheckStatus.PENDING: frozenset({CheckStatus.VISITED, CheckStatus.NOT_ELIGIBLE}),
    CheckStatus.VISITED: frozenset({CheckStatus.AIDED, CheckStatus.NOT_ELIGIBLE}),
    CheckStatus.AIDED: frozenset(),
    CheckStatus.NOT_ELIGIBLE: frozenset({CheckStatus.VISITED}),
}


@dataclass(kw_only=True)
class MonitoringList(Record):
    """One comparison list a department sent (e.g. 医疗费用超5000元名单)."""

    name: str
    source: str  # the department: 县医保局, 县残联 …
    list_date: date
    category: str = ""
    filename: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class MonitoringEntry(Record):
    """One row of a list, matched (or not) to a resident."""

    list_uid: str
    row_no: int
    name: str
    id_number: str = ""
    household_no: str = ""
    detail: str = ""  # what the department says about the person (费用, 类别 …)
    match: MatchKind = MatchKind.NONE
    resident_uid: str | None = None
    household_uid: str | None = None
    reason: str = ""  # why it did not match


@dataclass(kw_only=True)
class CheckTask(Record):
    """A matched person the team must check at home, and what came of it."""

    list_uid: str
    entry_uid: str
    resident_uid: str
    household_uid: str
    status: CheckStatus = CheckStatus.PENDING
    uncertain: bool = False  # matched by name only
    visit_uid: str | None = None
    aid_uid: str | None = None
    checked_date: date | None = None
    closed_date: date | None = None
    note: str = ""
    history: list[str] = field(default_factory=list)  # "2026-11-29 待核查→已入户核查 …"

    def is_open(self) -> bool:
        """Still waiting for the team (待核查 or 已入户核查)."""
        return self.status in (CheckStatus.PENDING, CheckStatus.VISITED)


def advance(
    task: CheckTask,
    to: CheckStatus,
    *,
    on: date,
    visit_uid: str | None = None,
    aid_uid: str | None = None,
    note: str = "",
) -> None:
    """Move a check along 待核查 → 已入户核查 → 已纳入救助 / 不符合条件, or raise saying why not."""
    if to not in CHECK_TRANSITIONS[task.status]:
        raise ValidationError(f"核查任务当前为“{task.status.value}”，不能改为“{to.value}”")
    if to == CheckStatus.AIDED and not (aid_uid or task.aid_uid):
        raise ValidationError("纳入救助请关联一条帮扶慰问记录")
    if to == CheckStatus.NOT_ELIGIBLE and not note.strip():
        raise ValidationError("请说明不符合条件的原因")
    if task.checked_date and on < task.checked_date:
        raise ValidationError(f"日期 {on} 早于核查日期 {task.checked_date}")
    task.history.append(f"{on.isoformat()} {task.status.value}→{to.value} {note}".strip())
    if to == CheckStatus.VISITED:
        task.checked_date = on
    if to in (CheckStatus.AIDED, CheckStatus.NOT_ELIGIBLE):
        task.closed_date = on
    task.status = to
    task.visit_uid = visit_uid or task.visit_uid
    task.aid_uid = aid_uid or task.aid_uid
    if note:
        task.note = note
