"""The records a work team keeps: plain dataclasses, no Qt, no SQL.

Every stored record has a stable text ``uid`` (UUID4 hex), ``created_at``/``updated_at``
(ISO timestamps) and ``deleted_at`` (soft delete: set means "in the recycle bin").
Money is integer fen; dates are ``datetime.date``; ID numbers are ``str``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from villagedesk.core.enums import (
    TRACKING_STATUSES,
    ActivityKind,
    AidKind,
    DeedStatus,
    Gender,
    GroupKind,
    HandlingMode,
    HouseholdTag,
    IssueCategory,
    IssueEventKind,
    IssueLevel,
    IssueOutcome,
    IssueSource,
    IssueStatus,
    LivingStatus,
    MonitoringType,
    Presence,
    Relation,
    ResidentTag,
    RiskCause,
    Satisfaction,
    TeamRole,
    VisitWay,
)
from villagedesk.core.profile import VillageProfile  # noqa: F401 - re-exported, kept here for callers


def new_uid() -> str:
    """A fresh stable identifier for a record."""
    import uuid  # here: it imports platform, and the window's start makes no record

    return uuid.uuid4().hex


@dataclass(kw_only=True)
class Record:
    """Fields every stored record carries."""

    uid: str = field(default_factory=new_uid)
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None


@dataclass(kw_only=True)
class TeamMember(Record):
    name: str
    role: TeamRole = TeamRole.MEMBER
    unit: str = ""
    phone: str = ""
    photo_uid: str | None = None  # an Attachment
    area: str = ""  # for village cadres: the groups they answer for
    from_date: date | None = None
    to_date: date | None = None
    notes: str = ""


@dataclass(kw_only=True)
class Group(Record):
    name: str
    kind: GroupKind = GroupKind.GROUP
    leader: str = ""
    leader_phone: str = ""
    grid_doctor: str = ""
    members: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class Household(Record):
    household_no: str
    head_name: str
    address: str = ""
    group_uid: str | None = None
    phone: str = ""
    tags: list[HouseholdTag] = field(default_factory=list)
    monitoring_type: MonitoringType | None = None
    risk_causes: list[RiskCause] = field(default_factory=list)
    risk_cleared: bool = False
    living_status: LivingStatus = LivingStatus.RESIDENT
    notes: str = ""


@dataclass(kw_only=True)
class Resident(Record):
    household_uid: str
    name: str
    gender: Gender | None = None
    id_number: str = ""
    birth_date: date | None = None
    relation: Relation = Relation.HEAD
    phone: str = ""
    person_no: str = ""
    ethnicity: str = "汉族"
    education: str = ""
    health: str = ""
    labour_skill: str = ""
    tags: list[ResidentTag] = field(default_factory=list)
    notes: str = ""


@dataclass(kw_only=True)
class Visit(Record):
    date: date
    way: VisitWay = VisitWay.HOME
    household_uid: str | None = None
    group_uid: str | None = None
    member_uids: list[str] = field(default_factory=list)
    situation: str = ""  # 家庭基本情况 / what was found
    needs: str = ""  # 困难和诉求
    handling: str = ""  # 现场处置或解释
    next_step: str = ""  # 下一步
    notes: str = ""


@dataclass(kw_only=True)
class IssueEvent(Record):
    issue_uid: str
    date: date
    kind: IssueEventKind
    actor: str = ""
    note: str = ""
    from_status: IssueStatus | None = None
    to_status: IssueStatus | None = None
    level: IssueLevel | None = None


@dataclass(kw_only=True)
class Issue(Record):
    number: str  # 2026-043
    collected_date: date
    description: str
    source: IssueSource = IssueSource.VISIT
    reporter: str = ""
    household_uid: str | None = None
    group_uid: str | None = None
    visit_uid: str | None = None
    category: IssueCategory = IssueCategory.OTHER
    status: IssueStatus = IssueStatus.REGISTERED
    level: IssueLevel | None = None
    handling_mode: HandlingMode | None = None
    deadline: date | None = None
    owner: str = ""
    progress: str = ""  # latest progress note
    outcome: IssueOutcome | None = None
    result: str = ""  # 办理结果
    done_date: date | None = None
    satisfaction: Satisfaction | None = None
    follow_up: str = ""  # 回访情况
    closed_date: date | None = None
    events: list[IssueEvent] = field(default_factory=list)

    def is_tracking(self) -> bool:
        """Still being worked on (registered or in progress)."""
        return self.status in TRACKING_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Tracking and past its deadline."""
        return self.is_tracking() and self.deadline is not None and self.deadline < today

    def is_solved(self) -> bool:
        """Done or struck off with the outcome 已解决."""
        return (
            self.status in (IssueStatus.DONE, IssueStatus.CLOSED)
            and self.outcome == IssueOutcome.SOLVED
        )


@dataclass(kw_only=True)
class Aid(Record):
    date: date
    kind: AidKind = AidKind.CASH
    household_uid: str | None = None
    resident_uid: str | None = None
    amount_fen: int = 0
    goods: str = ""
    quantity: str = ""
    hardship: str = ""  # 困难类别
    funding_source: str = ""
    given_by: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class Deed(Record):
    title: str
    area: str = ""  # 领域
    measures: str = ""  # 具体举措
    goal: str = ""  # 预期目标
    owner: str = ""
    promised_date: date | None = None
    handling_mode: HandlingMode | None = None
    status: DeedStatus = DeedStatus.PLANNED
    progress: str = ""
    done_date: date | None = None
    beneficiaries: int = 0
    investment_fen: int = 0


@dataclass(kw_only=True)
class Activity(Record):
    date: date
    title: str
    kind: ActivityKind = ActivityKind.MEETING
    place: str = ""
    participants: int = 0
    summary: str = ""


@dataclass(kw_only=True)
class DiaryEntry(Record):
    date: date
    member_uid: str | None = None
    presence: Presence = Presence.IN_VILLAGE
    content: str = ""


@dataclass(kw_only=True)
class Attachment(Record):
    owner_kind: str  # "visit", "team_member", "issue", …
    owner_uid: str
    filename: str = ""
    mime: str = "image/jpeg"
    data: bytes = b""
    caption: str = ""


@dataclass(kw_only=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str  # create / update / delete / restore
    kind: str
    uid: str
    before: dict | None
    after: dict | None
