"""One month's records, read once and turned into ledger rows (for the workbook and PDFs).

Reads each kind with one query and resolves names (household heads, groups, team members)
from dictionaries, so a busy month of a large township costs a handful of queries.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from villagedesk.core.enums import DeedStatus, IssueStatus, Presence
from villagedesk.core.records import Activity, Aid, Deed, DiaryEntry, Issue, Visit
from villagedesk.services.figures import Month
from villagedesk.storage.tables import TABLES

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

WEEKDAYS = "一二三四五六日"


@dataclass
class HouseholdName:
    """What ledgers print about a household."""

    head: str
    number: str
    group_uid: str | None


@dataclass
class MonthData:
    """The records of one month and the names needed to print them."""

    month: Month
    asof: date  # the month's end, or today if the month is not over
    visits: list[Visit] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    aid: list[Aid] = field(default_factory=list)
    deeds: list[Deed] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    diary: list[DiaryEntry] = field(default_factory=list)
    households: dict[str, HouseholdName] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)  # team member uid -> name, in team order
    visit_issues: dict[str, list[str]] = field(default_factory=dict)  # visit uid -> issue numbers
    aid_people: dict[str, tuple[str, str]] = field(default_factory=dict)  # uid -> (name, ID)

    def count(self) -> int:
        """How many table rows the month makes (for progress)."""
        return sum(
            map(len, (self.visits, self.issues, self.aid, self.deeds, self.activities, self.diary))
        )

    # ---- names -------------------------------------------------------------
    def head(self, household_uid: str | None) -> str:
        hh = self.households.get(household_uid or "")
        return hh.head if hh else ""

    def group_of(self, household_uid: str | None, group_uid: str | None = None) -> str:
        if group_uid:
            return self.groups.get(group_uid, "")
        hh = self.households.get(household_uid or "")
        return self.groups.get(hh.group_uid or "", "") if hh else ""

    # ---- rows (序号 is added by the sheet) ------------------------------------
    def visit_rows(self) -> Iterator[list[Any]]:
        """走访台账: date, object, group, way, team, situation, needs, handling, next, notes."""
        for v in self.visits:
            who = self.head(v.household_uid) or self.groups.get(v.group_uid or "", "")
            team = "、".join(
                self.members.get(uid, "") for uid in v.member_uids if uid in self.members
            )
            numbers = self.visit_issues.get(v.uid)
            follow = f"是（问题 {'、'.join(numbers)}）" if numbers else "否"
            if v.next_step:
                follow += f"；{v.next_step}"
            yield [
                v.date,
                who,
                self.group_of(v.household_uid, v.group_uid),
                v.way.value,
                team,
                v.situation,
                v.needs,
                v.handling,
                follow,
                v.notes,
            ]

    def issue_rows(self) -> Iterator[tuple[list[Any], bool]]:
        """问题台账 rows and whether each is overdue (tracking, deadline before ``asof``)."""
        for i in self.issues:
            overdue = i.is_tracking() and i.deadline is not None and i.deadline < self.asof
            status = i.status.value + ("（逾期）" if overdue else "")
            result = f"{i.outcome.value}：{i.result}" if i.outcome and i.result else i.result
            if i.outcome and not i.result:
                result = i.outcome.value
            follow = i.follow_up.strip().rstrip("。；;，, ")
            if i.satisfaction:
                follow += f"（{i.satisfaction.value}）" if follow else i.satisfaction.value
            if i.closed_date:
                follow = f"{i.closed_date.isoformat()} {follow}".strip()
            yield (
                [
                    i.number,
                    i.collected_date,
                    i.source.value,
                    i.reporter or self.head(i.household_uid),
                    self.group_of(i.household_uid, i.group_uid),
                    i.category.value,
                    i.description,
                    i.level.value if i.level else "",
                    i.handling_mode.value if i.handling_mode else "",
                    i.owner,
                    i.deadline,
                    i.progress,
                    i.done_date,
                    result,
                    follow,
                    status,
                    "是" if i.status == IssueStatus.CLOSED else "否",
                ],
                overdue,
            )

    def aid_object(self, a: Aid) -> str:
        """对象(户主): the head, or "person（户主 head）" when aid went to another member."""
        head = self.head(a.household_uid)
        person = self.aid_people.get(a.resident_uid or "")
        if person and person[0] and person[0] != head:
            return f"{person[0]}（户主 {head}）" if head else person[0]
        return head

    def aid_id_number(self, a: Aid) -> str:
        """The recipient's ID number (the resident's, else the head's), unmasked."""
        person = self.aid_people.get(a.resident_uid or "") or self.aid_people.get(
            f"head:{a.household_uid}"
        )
        return person[1] if person else ""

    def goods_text(self, a: Aid) -> str:
        return " ".join(t for t in (a.goods, a.quantity) if t)

    def aid_rows(self, mask: Callable[[str], str]) -> Iterator[list[Any]]:
        """帮扶慰问台账: date, object, ID, group, hardship, kind, yuan, goods, source, giver, sign, notes."""
        for a in self.aid:
            yield [
                a.date,
                self.aid_object(a),
                mask(self.aid_id_number(a)),
                self.group_of(a.household_uid),
                a.hardship,
                a.kind.value,
                a.amount_fen / 100 if a.amount_fen else None,
                self.goods_text(a),
                a.funding_source,
                a.given_by,
                "",
                a.notes,
            ]

    def deed_rows(self) -> Iterator[list[Any]]:
        """为民办实事清单 rows."""
        for d in self.deeds:
            state = d.status.value
            if d.progress:
                state += f"：{d.progress}"
            if d.done_date:
                state += f"（{d.done_date.isoformat()} 完成）"
            yield [
                d.title,
                d.area,
                d.measures,
                d.goal,
                d.owner,
                d.promised_date,
                d.handling_mode.value if d.handling_mode else "",
                state,
                d.beneficiaries,
                d.investment_fen / 100,
                "是" if d.status == DeedStatus.DONE else "否",
            ]

    def activity_rows(self) -> Iterator[list[Any]]:
        """活动会议记录 rows."""
        for a in self.activities:
            yield [a.date, a.kind.value, a.title, a.place, a.participants, a.summary]

    def diary_rows(self) -> Iterator[list[Any]]:
        """驻村日志 rows: date, weekday, member, presence, content."""
        for e in self.diary:
            yield [
                e.date,
                f"星期{WEEKDAYS[e.date.weekday()]}",
                self.members.get(e.member_uid or "", "全队"),
                e.presence.value,
                e.content,
            ]

    def attendance(self) -> list[tuple[str, dict[str, int]]]:
        """Days in the village / away / on leave per member this month, in team order."""
        counts: dict[str, dict[str, int]] = {}
        for e in self.diary:
            if not e.member_uid:
                continue
            per = counts.setdefault(e.member_uid, {p.value: 0 for p in Presence})
            per[e.presence.value] += 1
        return [(name, counts[uid]) for uid, name in self.members.items() if uid in counts]


@cache
def _decoders(cls: type) -> list[tuple[str, Callable[[Any], Any] | None]]:
    """Per field: how to turn the stored value back into the record's type."""
    hints = typing.get_type_hints(cls)
    out: list[tuple[str, Callable[[Any], Any] | None]] = []
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = args[0] if typing.get_origin(tp) in (typing.Union, types.UnionType) else tp
        if typing.get_origin(inner) is list:
            (item,) = typing.get_args(inner)
            if dataclasses.is_dataclass(item):
                continue  # nested records (issue events) are not stored in the row
            out.append((f.name, _list_decoder(item)))
        elif inner is date:
            out.append((f.name, date.fromisoformat))
        elif isinstance(inner, type) and issubclass(inner, Enum):
            out.append((f.name, inner))
        elif inner is bool:
            out.append((f.name, bool))
        else:
            out.append((f.name, None))
    return out


def _list_decoder(item: Any) -> Callable[[Any], list]:
    if isinstance(item, type) and issubclass(item, Enum):
        return lambda text: [item(v) for v in json.loads(text)] if text else []
    return lambda text: json.loads(text) if text else []


def _records(db: Database, cls: type, sql: str, params: list[Any]) -> list[Any]:
    """Records of ``cls`` matching ``sql`` (the "where … order by …" part)."""
    # Rows written by our own repositories: decode them directly instead of through
    # serialize.from_dict, whose per-field checks cost more than writing the ledger cells.
    decoders = _decoders(cls)
    columns = ", ".join(f"[{name}]" for name, _ in decoders)
    out = []
    for row in db.execute(f"select {columns} from [{TABLES[cls]}] {sql}", params):
        kwargs = {}
        for (name, decode), value in zip(decoders, row, strict=False):
            kwargs[name] = decode(value) if decode is not None and value is not None else value
        out.append(cls(**kwargs))
    return out


def load_month(db: Database, m: Month, *, today: date, aid_only: bool = False) -> MonthData:
    """Read everything the month's ledgers print (only the aid and its names with ``aid_only``)."""
    first, last = m.first.isoformat(), m.last.isoformat()
    asof = min(m.last, today)
    data = MonthData(month=m, asof=asof)
    span = [first, last]
    live = "deleted_at is null"
    data.aid = _records(
        db,
        Aid,
        f"where {live} and date >= ? and date <= ? order by date, created_at",
        span,
    )
    if aid_only:
        _load_names(db, data)
        _load_aid_people(db, data)
        return data
    data.visits = _records(
        db,
        Visit,
        f"where {live} and date >= ? and date <= ? order by date, created_at",
        span,
    )
    a = asof.isoformat()
    # collected this month, or open at the month's end (same rule as figures), or done this month;
    # events are not needed here, so skip IssueRepo's per-issue timeline query
    data.issues = _records(
        db,
        Issue,
        f"where {live} and ("
        " (collected_date >= ? and collected_date <= ?)"
        " or (collected_date <= ? and (done_date is null or done_date > ?)"
        "     and (status != '已回访销号' or done_date > ?))"
        " or (done_date >= ? and done_date <= ?)"
        ") order by number",
        [first, last, a, a, a, first, last],
    )
    data.deeds = db.deeds.find()
    data.activities = db.activities.between(m.first, m.last)
    data.diary = db.diary.between(m.first, m.last)
    _load_names(db, data)
    for row in db.query(
        "select i.visit_uid as v, i.number as n from issues i join visits v on v.uid = i.visit_uid "
        "where i.deleted_at is null and v.date >= ? and v.date <= ? order by i.number",
        span,
    ):
        data.visit_issues.setdefault(row["v"], []).append(row["n"])
    _load_aid_people(db, data)
    return data


def _load_names(db: Database, data: MonthData) -> None:
    data.households = {
        row["uid"]: HouseholdName(row["head_name"], row["household_no"], row["group_uid"])
        for row in db.query("select uid, head_name, household_no, group_uid from households")
    }
    data.groups = {row["uid"]: row["name"] for row in db.query("select uid, name from groups")}
    # deleted members keep their names on old records; team order as the team page shows it
    data.members = {m.uid: m.name for m in db.team.find(include_deleted=True)}


def _load_aid_people(db: Database, data: MonthData) -> None:
    people = [x.resident_uid for x in data.aid if x.resident_uid]
    homes = sorted({x.household_uid for x in data.aid if x.household_uid})
    for chunk_start in range(0, max(len(people), len(homes)), 500):
        ppl = people[chunk_start : chunk_start + 500]
        hms = homes[chunk_start : chunk_start + 500]
        sql = (
            "select uid, household_uid, name, id_number, relation from residents where "
            f"uid in ({','.join('?' * len(ppl)) or 'null'}) or "
            f"(relation = '户主' and deleted_at is null and household_uid in ({','.join('?' * len(hms)) or 'null'}))"
        )
        for row in db.query(sql, [*ppl, *hms]):
            data.aid_people[row["uid"]] = (row["name"], row["id_number"] or "")
            if row["relation"] == "户主":
                data.aid_people[f"head:{row['household_uid']}"] = (
                    row["name"],
                    row["id_number"] or "",
                )
