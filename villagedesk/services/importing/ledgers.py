"""Visits, issues and aid from old ledgers: each row matched to a household and checked.

Issues get their timeline through ``core.workflow`` (登记 → 转办 → 办结 → 回访销号) with
the dates the ledger gives, so an imported issue looks exactly like one entered by hand.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core import workflow
from villagedesk.core.enums import (
    AidKind,
    HandlingMode,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Satisfaction,
    VisitWay,
)
from villagedesk.core.records import Aid, Group, Issue, Visit
from villagedesk.core.validation import (
    ValidationError,
    is_probably_mangled_id,
    normalize_id_number,
    parse_id_number,
    parse_money_to_fen,
)
from villagedesk.services.importing import values as v
from villagedesk.services.importing.lookup import Lookup, group_uid
from villagedesk.services.importing.plan import ADD, UPDATE, PlanRow, RowAccess, today

if TYPE_CHECKING:
    from villagedesk.services.importing.plan import ImportPlan
    from villagedesk.storage.database import Database

S = IssueStatus
_NAMES_SPLIT = re.compile(r"[、,，/;；\s]+")


def issue_status(
    word: object, *, done: bool, moving: bool
) -> tuple[IssueStatus, IssueOutcome | None]:
    """Map a ledger's status words onto the workflow (with the outcome when done)."""
    t = re.sub(r"\s+", "", v.text(word))
    negated = t.startswith(("未", "否", "没", "不"))
    if t and not negated:
        if "销号" in t or "回访" in t or t in ("是", "√", "已销"):
            return S.CLOSED, IssueOutcome.EXPLAINED if "解释" in t else IssueOutcome.SOLVED
        if "解释" in t:
            return S.DONE, IssueOutcome.EXPLAINED
        if any(k in t for k in ("办结", "解决", "完成", "办完")):
            return S.DONE, IssueOutcome.SOLVED
        if any(
            k in t
            for k in ("办理中", "正在", "跟踪", "推进", "进行", "在办", "持续", "转办", "上报")
        ):
            return S.IN_PROGRESS, None
        if any(k in t for k in ("登记", "待办", "待处理", "受理")):
            return S.REGISTERED, None
        raise ValidationError(f"无法识别的办理状态：{t}")
    if t in ("未办", "未办理", "未处理") or t.startswith("未受理"):
        return S.REGISTERED, None
    if done:
        return S.DONE, IssueOutcome.SOLVED
    if moving or "办结" in t:
        return S.IN_PROGRESS, None
    return S.REGISTERED, None


class LedgerConverter:
    """Rows of a visit, issue or aid ledger to records."""

    def __init__(self, db: Database | None, plan: ImportPlan) -> None:
        self.db = db
        self.plan = plan
        self.kind = plan.kind
        self.lookup = Lookup(db)
        self.today = today()
        self.policy = plan.duplicates
        self.actor = db.actor if db is not None else "导入"
        self.seen: dict[tuple, PlanRow] = {}
        self.new_groups: dict[str, Group] = {}
        self.numbers: set[str] = set()
        self.renumbered: dict[int, str] = {}

    def convert(self, pr: PlanRow, get: RowAccess) -> None:
        """Convert one row (raising ValidationError refuses it)."""
        if self.kind == "visits":
            record, key, existing = self._visit(pr, get)
        elif self.kind == "issues":
            record, key, existing = self._issue(pr, get)
        else:
            record, key, existing = self._aid(pr, get)
        pr.payload = record
        first = self.seen.get(key)
        if first is not None and first.action in (ADD, UPDATE):
            if self.policy == "skip":
                pr.skip(f"与第 {first.row_no} 行重复（已跳过）")
                return
            if self.policy == "update":
                first.skip(f"与第 {pr.row_no} 行重复，以第 {pr.row_no} 行为准")
            elif self.kind == "issues":
                self._renumber(pr, record)
        if existing is not None:
            if self.policy == "skip":
                pr.skip("数据库中已有相同的记录（已跳过）")
                return
            if self.policy == "update":
                pr.action = UPDATE
                pr.payload = self._merge(existing, record, pr)
            elif self.kind == "issues":
                self._renumber(pr, record)
        self.seen[key] = pr

    def finish(self) -> None:
        """Check the records against the repositories' own rules."""
        self.plan.extra["new_groups"] = list(self.new_groups.values())
        if self.kind == "issues":
            self._number_issues()
        if self.db is None:
            return
        repo = {"visits": self.db.visits, "issues": self.db.issues, "aid": self.db.aid}[self.kind]
        for pr in self.plan.rows:
            if pr.action in (ADD, UPDATE) and pr.payload is not None:
                try:
                    repo.validate(pr.payload)
                except ValidationError as exc:
                    pr.refuse(str(exc))

    # ---- matching -------------------------------------------------------------------
    def _household(
        self, get: RowAccess, name_field: str, *, required: bool
    ) -> tuple[str | None, str | None]:
        number = v.code_text(get("household_no"), "户编号")
        name = v.text(get(name_field))
        if not number and not name:
            if required:
                raise ValidationError("没有填写走访对象（户主）或户编号")
            return None, None
        if self.lookup.offline:
            return None, None
        group_uid = self.lookup.groups_by_name.get(v.text(get("group")))
        found, why = self.lookup.find_household(number=number, head=name, group_uid=group_uid)
        if found:
            return found["uid"], None
        people = self.lookup.residents_by_name.get(name, []) if name else []
        if len(people) == 1:
            return people[0]["household_uid"], people[0]["uid"]
        if required:
            raise ValidationError(why)
        return None, None

    def _group(self, name: str) -> str | None:
        return group_uid(self.lookup, self.new_groups, name)

    # ---- visits ------------------------------------------------------------------------
    def _visit(self, pr: PlanRow, get: RowAccess):
        day = v.optional_date(get("date"))
        if day is None:
            raise ValidationError("走访日期为空")
        if day > self.today:
            raise ValidationError("走访日期不能晚于今天")
        way = v.visit_way(get("way"))
        group_name = v.text(get("group"))
        group_uid = self._group(group_name)
        try:
            household_uid, _ = self._household(get, "household", required=True)
        except ValidationError:
            if way != VisitWay.MEETING or group_uid is None:
                raise
            household_uid = None
        situation, needs = v.text(get("situation")), v.text(get("needs"))
        if not (situation or needs):
            raise ValidationError("请填写了解到的情况或诉求（家庭基本情况、困难和诉求都为空）")
        members, unknown = [], []
        for name in _NAMES_SPLIT.split(v.text(get("members"))):
            if name:
                uid = self.lookup.team_by_name.get(name)
                (members.append(uid) if uid else unknown.append(name))
        notes = v.text(get("notes"))
        if unknown:
            notes = (notes + "；" if notes else "") + "走访人员：" + "、".join(unknown)
        visit = Visit(
            date=day,
            way=way,
            household_uid=household_uid,
            group_uid=group_uid if household_uid is None or group_name else None,
            member_uids=members,
            situation=situation,
            needs=needs,
            handling=v.text(get("handling")),
            next_step=v.text(get("next_step")),
            notes=notes,
        )
        key = (household_uid or group_uid, day.isoformat(), situation, needs)
        stored = self.lookup.visit_keys.get(key)
        return visit, key, (self.db.visits.get(stored) if stored and self.db else None)

    # ---- aid ---------------------------------------------------------------------------
    def _aid(self, pr: PlanRow, get: RowAccess):
        day = v.optional_date(get("date"))
        if day is None:
            raise ValidationError("日期为空")
        if day > self.today:
            raise ValidationError("慰问日期不能晚于今天")
        resident_uid = household_uid = None
        raw_id = get("id_number")
        if v.text(raw_id):
            if is_probably_mangled_id(raw_id):
                raise ValidationError(v.MANGLED_ID, "id_number")
            number = parse_id_number(normalize_id_number(v.text(raw_id)), today=self.today).number
            person = self.lookup.residents_by_id.get(number)
            if person is None and not self.lookup.offline:
                raise ValidationError("找不到这个身份证号码的村民")
            if person:
                resident_uid, household_uid = person["uid"], person["household_uid"]
        if household_uid is None:
            household_uid, resident_uid = self._household(get, "target", required=True)
        amount = get("amount")
        fen = parse_money_to_fen(amount) if v.text(amount) else 0
        goods = v.text(get("goods"))
        if fen == 0 and not goods:
            raise ValidationError("慰问金和物品都为空")
        aid = Aid(
            date=day,
            kind=AidKind.CASH if fen else AidKind.GOODS,
            household_uid=household_uid,
            resident_uid=resident_uid,
            amount_fen=fen,
            goods=goods,
            hardship=v.text(get("hardship")),
            funding_source=v.text(get("funding_source")),
            given_by=v.text(get("given_by")),
            notes=v.text(get("notes")),
        )
        key = (household_uid, resident_uid, day.isoformat(), fen, goods)
        stored = self.lookup.aid_keys.get(key)
        return aid, key, (self.db.aid.get(stored) if stored and self.db else None)

    # ---- issues ------------------------------------------------------------------------
    def _issue(self, pr: PlanRow, get: RowAccess):
        collected = v.optional_date(get("collected_date"))
        if collected is None:
            raise ValidationError("登记日期为空")
        if collected > self.today:
            raise ValidationError("登记日期不能晚于今天")
        description = v.text(get("description"))
        if not description:
            raise ValidationError("诉求事项为空")
        number = v.code_text(get("number"), "编号")
        if number:
            self.numbers.add(number)
        reporter = v.text(get("reporter"))
        household_uid, _ = self._household(get, "reporter", required=False)
        issue = Issue(
            number=number,
            collected_date=collected,
            description=description,
            source=v.issue_source(get("source")),
            reporter=reporter,
            household_uid=household_uid,
            group_uid=self._group(v.text(get("group"))),
            category=v.issue_category(get("category")),
            owner=v.text(get("owner")),
        )
        workflow.register(issue, actor=self.actor)
        self._walk(issue, pr, get)
        if number:
            key: tuple = ("number", number)
            stored_uid = self.lookup.issue_numbers.get(number)
        else:  # numbered in finish(), after every number the file gives is known
            key = ("text", collected.isoformat(), description, reporter)
            stored_uid = self.lookup.issue_keys.get(key[1:])
        stored = self.db.issues.get(stored_uid) if stored_uid and self.db else None
        return issue, key, stored

    def _walk(self, issue: Issue, pr: PlanRow, get: RowAccess) -> None:
        """Move an issue along the workflow to the status its row says, with its dates."""
        done_date = v.optional_date(get("done_date"))
        deadline = v.optional_date(get("deadline"))
        level, mode = v.issue_level(get("level")), v.handling_mode(get("handling_mode"))
        progress, result = v.text(get("progress")), v.text(get("result"))
        target, outcome = issue_status(
            get("status"), done=done_date is not None, moving=bool(progress or level or mode)
        )
        if "解释" in result and outcome == IssueOutcome.SOLVED:
            outcome = IssueOutcome.EXPLAINED
        owner = issue.owner or self.actor
        last = lambda: issue.events[-1].date  # noqa: E731
        if target != S.REGISTERED and issue.status == S.REGISTERED:
            if mode is None:
                mode = HandlingMode.WITH_DEADLINE if deadline else HandlingMode.AT_ONCE
            workflow.assign(
                issue, on=issue.collected_date, actor=owner, level=level or IssueLevel.VILLAGE,
                mode=mode, deadline=deadline, owner=issue.owner,
            )  # fmt: skip
        elif deadline is not None:
            issue.deadline = deadline
        if progress and issue.status == S.IN_PROGRESS and progress != issue.progress:
            workflow.record_progress(issue, on=last(), actor=owner, note=progress)
        if target in (S.DONE, S.CLOSED) and issue.status == S.IN_PROGRESS:
            if done_date is None:
                pr.warnings.append("未填写办结日期，按登记日期记录")
            text = result or progress or v.text(get("status")) or "已办结"
            workflow.conclude(issue, on=done_date or last(), actor=owner,
                              outcome=outcome or IssueOutcome.SOLVED, result=text)  # fmt: skip
        if target == S.CLOSED and issue.status == S.DONE:
            sat = v.satisfaction(get("satisfaction")) or v.satisfaction(get("follow_up"))
            if sat is None:
                sat = Satisfaction.SATISFIED
                pr.warnings.append("未填写满意度，按“满意”记录")
            note = v.text(get("follow_up")) or v.text(get("satisfaction"))
            workflow.follow_up(issue, on=last(), actor=owner, satisfaction=sat, note=note)

    def _next_number(self, year: int) -> str:
        used = set(self.lookup.issue_numbers) | self.numbers
        n = 1 + max(
            (
                int(x.split("-", 1)[1])
                for x in used
                if x.startswith(f"{year}-") and x.split("-", 1)[1].isdigit()
            ),
            default=0,
        )
        return f"{year}-{n:03d}"

    def _renumber(self, pr: PlanRow, issue: Issue) -> None:
        self.renumbered[pr.row_no] = issue.number
        issue.number = ""

    def _number_issues(self) -> None:
        for pr in self.plan.rows:
            if (
                pr.action in (ADD, UPDATE)
                and isinstance(pr.payload, Issue)
                and not pr.payload.number
            ):
                new = self._next_number(pr.payload.collected_date.year)
                self.numbers.add(new)
                pr.payload.number = new
                if pr.row_no in self.renumbered:
                    pr.warnings.append(f"编号 {self.renumbered[pr.row_no]} 重复，改为 {new}")

    # ---- update policy -------------------------------------------------------------
    def _merge(self, stored, record, pr: PlanRow):
        """The stored record with the row's non-empty fields (issues: moved along the workflow)."""
        if self.kind != "issues":
            for name in ("way", "member_uids", "handling", "next_step", "notes", "hardship",
                         "funding_source", "given_by", "kind"):  # fmt: skip
                value = getattr(record, name, None)
                if value:
                    setattr(stored, name, value)
            return stored
        for name in ("description", "source", "reporter", "category", "owner"):
            value = getattr(record, name)
            if value:
                setattr(stored, name, value)
        stored.household_uid = record.household_uid or stored.household_uid
        order = [S.REGISTERED, S.IN_PROGRESS, S.DONE, S.CLOSED]
        try:
            if order.index(record.status) > order.index(stored.status) or (
                record.progress and record.progress != stored.progress
            ):
                self._replay(stored, record)
        except ValidationError as exc:
            pr.warnings.append(f"办理进度未更新：{exc}")
        return stored

    def _replay(self, stored: Issue, record: Issue) -> None:
        owner = record.owner or self.actor
        for ev in record.events[1:]:
            on = max(ev.date, stored.events[-1].date)
            if ev.to_status == S.IN_PROGRESS and stored.status == S.REGISTERED:
                workflow.assign(stored, on=on, actor=owner, level=record.level or IssueLevel.VILLAGE,
                                mode=record.handling_mode or HandlingMode.AT_ONCE,
                                deadline=record.deadline, owner=record.owner)  # fmt: skip
            elif ev.kind.value == "进展" and stored.status == S.IN_PROGRESS:
                if record.progress != stored.progress:
                    workflow.record_progress(stored, on=on, actor=owner, note=record.progress)
            elif ev.to_status == S.DONE and stored.status == S.IN_PROGRESS:
                workflow.conclude(
                    stored, on=on, actor=owner, outcome=record.outcome, result=record.result
                )
            elif ev.to_status == S.CLOSED and stored.status == S.DONE:
                workflow.follow_up(stored, on=on, actor=owner, satisfaction=record.satisfaction,
                                   note=record.follow_up)  # fmt: skip


__all__ = ["LedgerConverter", "issue_status", "date"]
