"""The demo village: a fictional village with a year of the team's work, for trying the app.

Everything comes from one ``random.Random(seed)``, uids included, so the same seed and
``today`` give the same records. ``build_village`` builds the records in memory (the
township benchmark reuses it); ``make_demo_village`` saves them through the repositories,
so they are validated, audited and indexed for search like records typed in by hand.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from villagedesk.core import clock
from villagedesk.core import workflow as wf
from villagedesk.core.enums import (
    ActivityKind,
    AidKind,
    DeedStatus,
    HandlingMode,
    HouseholdTag,
    IssueCategory,
    IssueLevel,
    IssueOutcome,
    IssueSource,
    IssueStatus,
    LivingStatus,
    Presence,
    ResidentTag,
    RiskCause,
    Satisfaction,
    VisitWay,
)
from villagedesk.core.records import (
    Activity,
    Aid,
    Deed,
    DiaryEntry,
    Group,
    Household,
    Issue,
    Resident,
    TeamMember,
    VillageProfile,
    Visit,
)
from villagedesk.core.validation import ValidationError
from villagedesk.services import demo_data as dd
from villagedesk.services.demo_data import HouseholdFacts, PeopleBuilder

__all__ = ["DemoSummary", "DemoVillage", "build_village", "make_demo_village"]

EMPTY_ONLY = "数据库中已有数据，演示村只能生成在空数据库中"


@dataclass
class DemoSummary:
    """How many records the demo village holds, and the year of work it covers."""

    households: int
    residents: int
    groups: int
    team_members: int
    visits: int
    issues: int
    issue_events: int
    aid: int
    deeds: int
    activities: int
    diary: int
    start: date
    end: date


@dataclass
class DemoVillage:
    """Every record of a demo village, built in memory (nothing saved yet)."""

    profile: VillageProfile
    start: date
    end: date
    team: list[TeamMember] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    households: list[Household] = field(default_factory=list)
    residents: list[Resident] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    aid: list[Aid] = field(default_factory=list)
    deeds: list[Deed] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    diary: list[DiaryEntry] = field(default_factory=list)

    def summary(self) -> DemoSummary:
        """The record counts."""
        return DemoSummary(
            households=len(self.households),
            residents=len(self.residents),
            groups=len(self.groups),
            team_members=len(self.team),
            visits=len(self.visits),
            issues=len(self.issues),
            issue_events=sum(len(i.events) for i in self.issues),
            aid=len(self.aid),
            deeds=len(self.deeds),
            activities=len(self.activities),
            diary=len(self.diary),
            start=self.start,
            end=self.end,
        )

    def records_in_order(self) -> list[list]:
        """The record lists in the order they must be saved (parents first)."""
        return [
            self.team, self.groups, self.households, self.residents, self.visits,
            self.issues, self.aid, self.deeds, self.activities, self.diary,
        ]  # fmt: skip


def build_village(
    *,
    households: int = 300,
    seed: int = 1,
    today: date | None = None,
    visits: int | None = None,
    issues: int | None = None,
    household_sizes: dict[int, float] | None = None,
) -> DemoVillage:
    """Build a demo village of ``households`` households and the year of work ending ``today``.

    ``visits`` and ``issues`` ask for roughly that many (the benchmarks' large township);
    by default they follow from the households as in a real village.
    """
    if households < 1:
        raise ValidationError("演示村至少需要 1 户", "households")
    today = today or clock.today()
    b = _Builder(random.Random(seed), today)
    b.build_people(households, household_sizes or dd.HOUSEHOLD_SIZES)
    b.plan_presence()
    n_issues = issues if issues is not None else max(30, round(households / 6))
    # about half the issues come with the visit that found them
    b.build_visits(max(1, visits - n_issues * 55 // 100) if visits else None)
    b.build_issues(n_issues)
    b.build_aid()
    b.build_deeds()
    b.build_activities()
    b.build_diary()
    v = b.village
    v.visits.sort(key=lambda x: x.date)
    v.aid.sort(key=lambda x: x.date)
    v.activities.sort(key=lambda x: x.date)
    return v


def make_demo_village(
    db,
    *,
    households: int = 300,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo village and a year of work; all or nothing."""
    if _has_data(db):
        raise ValidationError(EMPTY_ONLY)
    today = today or clock.today()
    village = build_village(households=households, seed=seed, today=today)
    lists = village.records_in_order()
    total = sum(len(records) for records in lists) + 1
    done = 0
    # the repositories check dates against clock.today(); a demo "today" in the future must pass
    pinned = clock._fixed_today
    if today > clock.today():
        clock.pin_today(today)
    try:
        with db.transaction():
            if _has_data(db):  # another window may have written meanwhile
                raise ValidationError(EMPTY_ONLY)
            db.profile.save(village.profile)
            repos = [
                db.team, db.groups, db.households, db.residents, db.visits,
                db.issues, db.aid, db.deeds, db.activities, db.diary,
            ]  # fmt: skip
            for repo, records in zip(repos, lists, strict=True):
                for record in records:
                    repo.add(record)
                    done += 1
                    if progress and done % 100 == 0:
                        progress(done, total)
    finally:
        clock.pin_today(pinned)
    if progress:
        progress(total, total)
    return village.summary()


def _has_data(db) -> bool:
    if db.profile.exists():
        return True
    return any(repo.count(include_deleted=True) for repo in db.repositories().values())


# ---------------------------------------------------------------- the builder


class _Builder:
    """Builds the village step by step from one seeded random generator."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.start = today - timedelta(days=364)
        self.phrases = dd.phrases()
        self.people = PeopleBuilder(rng, today, self.uid, self.stamp)
        self.people.build_team()
        self.village = DemoVillage(profile=self.people.profile(), start=self.start, end=today)
        self.present: dict[date, list[TeamMember]] = {}
        self.presence: dict[tuple[date, str], Presence] = {}
        self.visited: dict[tuple[date, str], list[str]] = {}  # (day, member uid) -> heads
        self.issue_log: dict[tuple[date, str], list[str]] = {}  # (day, name) -> steps

    # ---- helpers -------------------------------------------------------------
    def uid(self) -> str:
        """A deterministic stand-in for ``uuid4().hex``."""
        return f"{self.rng.getrandbits(128):032x}"

    def stamp(self, record, day: date) -> None:
        """Give a record believable created/updated times on the day it happened."""
        when = f"{day.isoformat()}T{self.rng.randint(8, 20):02d}:{self.rng.randrange(60):02d}:{self.rng.randrange(60):02d}"
        record.created_at = record.updated_at = when

    def day_between(self, lo: date, hi: date) -> date:
        lo, hi = max(lo, self.start), min(hi, self.today)
        return lo + timedelta(days=self.rng.randrange(max(0, (hi - lo).days) + 1))

    def fill(self, template: str, ctx: dict) -> str:
        return template.format_map(_Defaults(ctx))

    def on_day(self, month: int, day: int, spread: int = 3) -> date:
        """The occurrence of a calendar day inside the year of work, give or take ``spread``."""
        d = date(self.today.year, month, day)
        if d > self.today:
            d = date(self.today.year - 1, month, day)
        d += timedelta(days=self.rng.randint(-spread, spread))
        return min(max(d, self.start), self.today)

    # ---- attendance ----------------------------------------------------------
    def plan_presence(self) -> None:
        """Who of the work team is in the village each day (five days, four nights a week)."""
        rng = self.rng
        for i in range(365):
            day = self.start + timedelta(days=i)
            present = []
            for m in self.people.work_team:
                if day.weekday() < 5:
                    r = rng.random()
                    p = (
                        Presence.IN_VILLAGE
                        if r < 0.88
                        else Presence.AWAY
                        if r < 0.96
                        else Presence.LEAVE
                    )
                elif rng.random() < 0.12:
                    p = Presence.IN_VILLAGE
                else:
                    continue
                self.presence[(day, m.uid)] = p
                if p == Presence.IN_VILLAGE:
                    present.append(m)
            self.present[day] = present
        self.workdays = [d for d, people in self.present.items() if people]

    def visitors(self, day: date, group_index: int) -> list[str]:
        rng = self.rng
        team = self.present.get(day) or []
        chosen = rng.sample(team, min(len(team), rng.choice((1, 1, 2, 2, 3))))
        uids = [m.uid for m in chosen]
        if not uids or rng.random() < 0.45:
            uids.append(self.people.cadre_for(group_index).uid)
        return uids

    # ---- people --------------------------------------------------------------
    def build_people(self, households: int, sizes: dict[int, float]) -> None:
        p, v = self.people, self.village
        p.build(households, sizes)
        v.team = p.work_team + p.cadres
        v.groups = p.groups
        v.households = [f.household for f in p.facts]
        v.residents = [m for f in p.facts for m in f.members]
        self.names = {m.uid: m.name for m in v.team}

    def ctx(self, f: HouseholdFacts) -> dict:
        """What the phrase templates may mention about a household."""
        rng, head = self.rng, f.head()
        person = f.ill or f.worker or head
        kids = [m for m in f.members if ResidentTag.LEFT_BEHIND_CHILD in m.tags]
        notes = f.ill.notes if f.ill else ""
        return {
            "head": head.name, "age": self.people._age(head), "n": len(f.members),
            "group": self.people.groups[f.group_index].name, "person": person.name,
            "place": rng.choice(dd.WORK_AWAY_PLACES), "mu": rng.randint(3, 15),
            "pigs": rng.randint(5, 40), "worker": (f.worker or head).name,
            "illness": notes[1:] if notes.startswith("患") else "高血压、糖尿病等慢性病",
            "disability": notes[5:-1] if notes.startswith("持残疾证") else "肢体三级",
            "health": "尚好" if head.health == "健康" else "一般，有慢性病",
            "mtype": f.household.monitoring_type or "", "crop": rng.choice(_CROPS),
            "risk": "、".join(f.household.risk_causes) or "因病",
            "child": kids[0].name if kids else "", "grade": rng.randint(1, 6),
            "meters": rng.randint(3, 12) * 100, "lamps": rng.randint(4, 20),
            "part": rng.choice(("屋顶", "后墙", "厨房屋面")), "jin": rng.choice((500, 800, 1200, 2000)),
            "amount": rng.choice((2000, 3500, 5000, 8000)),
        }  # fmt: skip

    # ---- visits --------------------------------------------------------------
    def build_visits(self, target: int | None) -> None:
        rng, facts = self.rng, self.people.facts
        plan = []
        for f in facts:
            if f.needs_attention():
                k = rng.randint(9, 12)
            elif HouseholdTag.LIFTED in f.household.tags:
                k = rng.randint(3, 5)
            elif f.household.living_status == LivingStatus.AWAY:
                k = rng.choice((0, 1, 1, 2))
            else:
                k = rng.choice((0, 1, 1, 2, 2, 3))
            plan.append(k)
        if target:
            scale = target / max(1, sum(plan))
            plan = [int(k * scale) + (rng.random() < k * scale % 1) for k in plan]
        days = self.workdays
        for f, k in zip(facts, plan, strict=True):
            for j in range(k):
                segment = days[j * len(days) // k : (j + 1) * len(days) // k] or days
                self.add_visit(f, rng.choice(segment))
        for gi, g in enumerate(self.people.groups):
            for _ in range(2):
                day = rng.choice(days)
                text = rng.choice(self.phrases["meeting_situation"]).format(group=g.name)
                v = Visit(uid=self.uid(), date=day, way=VisitWay.MEETING, group_uid=g.uid,
                          member_uids=self.visitors(day, gi), situation=text,
                          needs="群众反映希望硬化道路、增加路灯、及时清运垃圾。",
                          handling="现场解答政策问题，能解决的当场解决。",
                          next_step="梳理诉求纳入问题台账。")  # fmt: skip
                self.stamp(v, day)
                self.village.visits.append(v)

    def add_visit(
        self, f: HouseholdFacts, day: date, *, needs: str = "", next_step: str = ""
    ) -> Visit:
        rng, h, ph = self.rng, f.household, self.phrases
        ctx = self.ctx(f)
        phone = h.living_status == LivingStatus.AWAY or (not needs and rng.random() < 0.1)
        if phone:
            situation = self.fill(rng.choice(ph["phone_situation"]), ctx)
        else:
            situation = self.fill(rng.choice(ph["situation"][_situation_kind(f)]), ctx)
            if ctx["child"] and rng.random() < 0.5:
                situation += self.fill(rng.choice(ph["situation"]["left_behind"]), ctx)
        if not needs:
            needs = (rng.choice(ph["needs_none"]) if rng.random() < 0.72
                     else self.fill(rng.choice(ph["needs"]), ctx))  # fmt: skip
        visit = Visit(uid=self.uid(), date=day, way=VisitWay.PHONE if phone else VisitWay.HOME,
                      household_uid=h.uid, group_uid=h.group_uid,
                      member_uids=self.visitors(day, f.group_index), situation=situation,
                      needs=needs, handling=rng.choice(ph["handling"]),
                      next_step=next_step or rng.choice(ph["next_step"][: None if f.needs_attention() else -1]))  # fmt: skip
        self.stamp(visit, day)
        self.village.visits.append(visit)
        for uid in visit.member_uids:
            self.visited.setdefault((day, uid), []).append(f.head().name)
        return visit

    # ---- issues --------------------------------------------------------------
    def build_issues(self, count: int) -> None:
        """``count`` issues in every status, each walked through the workflow step by step."""
        rng = self.rng
        self.monitored = [f for f in self.people.facts if f.household.monitoring_type]
        specs = [dict(s) for s in _SCRIPTED_ISSUES]
        while len(specs) < count:
            age = rng.randint(3, 360)
            weights = (
                (0, 6, 5, 89) if age > 60 else (5, 25, 25, 45) if age > 20 else (20, 40, 25, 15)
            )
            status = rng.choices(list(IssueStatus), weights=weights)[0]
            specs.append({"status": status, "age": (age, age), "overdue": rng.random() < 0.25})
        for s in specs:
            lo, hi = s["age"]
            s["collected"] = max(self.start, self.today - timedelta(days=rng.randint(lo, hi)))
        specs.sort(key=lambda s: s["collected"])
        per_year: dict[int, int] = {}
        for s in specs[:count]:
            year = s["collected"].year
            per_year[year] = per_year.get(year, 0) + 1
            self.village.issues.append(self._issue(s, f"{year}-{per_year[year]:03d}"))

    def _issue(self, s: dict, number: str) -> Issue:
        rng, today, c = self.rng, self.today, s["collected"]
        tpl = rng.choice(self.phrases["issues"])
        source = rng.choices(list(IssueSource), weights=(55, 15, 12, 8, 5, 5))[0]
        monitored = self.monitored
        f = (
            rng.choice(monitored)
            if source == IssueSource.MONITORING and monitored
            else rng.choice(self.people.facts)
        )
        ctx = self.ctx(f)
        issue = Issue(uid=self.uid(), number=number, collected_date=c, source=source,
                      description=self.fill(tpl["text"], ctx), reporter=f.head().name,
                      household_uid=f.household.uid, group_uid=f.household.group_uid,
                      category=IssueCategory(tpl["category"]))  # fmt: skip
        if source == IssueSource.VISIT:
            visit = self.add_visit(
                f, c, needs=issue.description, next_step=f"转入问题台账（{number}）"
            )
            issue.visit_uid = visit.uid
        team = [m.name for m in self.people.work_team]
        actor = rng.choice(team)
        events = [wf.register(issue, actor=actor)]
        status = s["status"]
        if status != IssueStatus.REGISTERED:
            level = s.get("level") or IssueLevel(rng.choice(tpl["levels"]))
            escalate = s.get("escalate", level != IssueLevel.VILLAGE and rng.random() < 0.15)
            cursor = [c]

            def step(lo: int, hi: int) -> date:
                cursor[0] = min(today, cursor[0] + timedelta(days=rng.randint(lo, hi)))
                return cursor[0]

            def deadline(on: date, days: int) -> date:
                if status == IssueStatus.IN_PROGRESS and not s.get("overdue"):
                    return max(
                        on + timedelta(days=days), today + timedelta(days=rng.randint(5, 45))
                    )
                return on + timedelta(days=days)

            def hand_to(lvl: IssueLevel, on: date, final: bool) -> None:
                quick = (
                    lvl == IssueLevel.VILLAGE
                    and status != IssueStatus.IN_PROGRESS
                    and rng.random() < 0.4
                )
                mode = HandlingMode.AT_ONCE if quick else HandlingMode(rng.choice(_MODES[lvl]))
                days = {
                    HandlingMode.AT_ONCE: 7,
                    HandlingMode.WITH_DEADLINE: 30,
                    HandlingMode.IN_STAGES: 60,
                }[mode]
                due = None if quick else deadline(on, days) if final else on + timedelta(days=15)
                events.append(wf.assign(issue, on=on, actor=rng.choice(team), level=lvl, mode=mode,
                                        deadline=due, owner=self._owner(lvl, tpl, f)))  # fmt: skip

            if escalate:
                hand_to(IssueLevel.VILLAGE, step(0, 2), False)
                events.append(wf.record_progress(issue, on=step(3, 10), actor=actor,
                                                 note="村级协调难以解决，需上级支持。"))  # fmt: skip
                hand_to(level, step(0, 3), not s.get("reopen"))
            else:
                hand_to(level, step(0, 2), not s.get("reopen"))
            for _ in range(rng.randint(0 if status != IssueStatus.IN_PROGRESS else 1, 2)):
                events.append(
                    wf.record_progress(issue, on=step(3, 15), actor=actor, note=tpl["progress"])
                )
            outcome = s.get("outcome") or (
                IssueOutcome.SOLVED if rng.random() < 0.88 else IssueOutcome.EXPLAINED
            )
            if s.get("reopen"):
                events.append(wf.conclude(issue, on=step(5, 20), actor=actor, outcome=IssueOutcome.SOLVED,
                                          result=self.fill(tpl["solved"], ctx)))  # fmt: skip
                note = self.fill(self.phrases["reopen"], ctx)
                events.append(wf.reopen(issue, on=step(5, 15), actor=actor, note=note))
                hand_to(IssueLevel.TOWNSHIP, step(0, 3), True)
            elif status in (IssueStatus.DONE, IssueStatus.CLOSED):
                result = self.fill(
                    tpl["solved" if outcome == IssueOutcome.SOLVED else "explained"], ctx
                )
                events.append(
                    wf.conclude(issue, on=step(3, 25), actor=actor, outcome=outcome, result=result)
                )
            if status == IssueStatus.CLOSED and not s.get("reopen"):
                sat = (
                    s.get("satisfaction") or rng.choices(list(Satisfaction), weights=(85, 13, 2))[0]
                )
                note = self.fill(rng.choice(self.phrases["follow_up"]), ctx)
                events.append(
                    wf.follow_up(issue, on=step(2, 10), actor=actor, satisfaction=sat, note=note)
                )
        for i, ev in enumerate(events):
            ev.uid = self.uid()
            ev.created_at = ev.updated_at = (
                f"{ev.date.isoformat()}T{9 + i:02d}:{rng.randrange(60):02d}:00"
            )
            self.issue_log.setdefault((ev.date, ev.actor), []).append(
                f"{ev.kind.value}问题{number}"
            )
        issue.created_at, issue.updated_at = events[0].created_at, events[-1].created_at
        return issue

    def _owner(self, level: IssueLevel, tpl: dict, f: HouseholdFacts) -> str:
        owner = tpl["owner"]
        if level == IssueLevel.VILLAGE:
            return self.people.cadre_for(f.group_index).name
        if level == IssueLevel.TOWNSHIP:
            return owner if owner.startswith("镇") else "镇党政办"
        if level == IssueLevel.DISPATCH_UNIT:
            return f"{dd.DISPATCHING_UNIT}（{self.people.work_team[0].name}）"
        return owner if owner.startswith("县") else "县乡村振兴局"

    # ---- aid -----------------------------------------------------------------
    def build_aid(self) -> None:
        """Festival and winter consolation, school grants, medical aid and produce sold."""
        rng, ph = self.rng, self.phrases["aid"]
        team = [m.name for m in self.people.work_team]

        def give(f: HouseholdFacts, day: date, kind: AidKind, hardship: str, source: str,
                 notes: str, fen: int = 0, goods: tuple = ("", ""), person: Resident | None = None) -> None:  # fmt: skip
            a = Aid(uid=self.uid(), date=day, kind=kind, household_uid=f.household.uid,
                    resident_uid=person.uid if person else None, amount_fen=fen, goods=goods[0],
                    quantity=goods[1], hardship=hardship, funding_source=source,
                    given_by="、".join(rng.sample(team, 2)), notes=notes)  # fmt: skip
            self.stamp(a, day)
            self.village.aid.append(a)

        for f in self.people.facts:
            tags, ages = f.household.tags, [self.people._age(m) for m in f.members]
            hard = next((t.value for t in _HARDSHIP_ORDER if t in tags), "")
            old = max(ages) >= 80
            if hard or old:
                day = self.on_day(1, 22, 5)
                poorest = HouseholdTag.TEKUN in tags or HouseholdTag.MONITORED in tags
                give(f, day, AidKind.CASH, hard or "高龄老人", "派出单位工作经费", "春节慰问",
                     fen=50000 if poorest else 30000 if hard else 20000)  # fmt: skip
                if HouseholdTag.TEKUN in tags or HouseholdTag.DIBAO in tags:
                    give(f, day, AidKind.GOODS, hard, "市民政局", "春节慰问",
                         goods=tuple(rng.choice(ph["festival_goods"])))  # fmt: skip
            for m, age in zip(f.members, ages, strict=True):
                if ResidentTag.PARTY_MEMBER in m.tags and (age >= 75 or hard):
                    give(f, self.on_day(6, 28, 2), AidKind.CASH, "困难党员" if hard else "老党员",
                         "派出单位工作经费", "“七一”走访慰问", fen=30000, person=m)  # fmt: skip
                if m.education == "大学在读" and hard:
                    give(f, self.on_day(8, 25, 6), AidKind.SCHOOLING, f"{hard}学生", "市民政局“金秋助学”",
                         "大学在读资助", fen=200000, person=m)  # fmt: skip
                if age >= 80 or ResidentTag.LIVING_ALONE in m.tags:
                    label = "独居老人" if ResidentTag.LIVING_ALONE in m.tags else "高龄老人"
                    give(f, self.on_day(10, 11, 3), AidKind.GOODS, label, "社会捐赠", "重阳节慰问",
                         goods=tuple(rng.choice(ph["autumn_goods"])), person=m)  # fmt: skip
            if HouseholdTag.TEKUN in tags or (f.shape == "alone" and hard):
                give(f, self.on_day(11, 18, 5), AidKind.GOODS, hard, "市民政局", "冬季送温暖",
                     goods=tuple(rng.choice(ph["winter_goods"])))  # fmt: skip
            if RiskCause.ILLNESS in f.household.risk_causes:
                give(f, self.day_between(self.start, self.today), AidKind.MEDICAL, "监测户（因病）",
                     "镇民政办", "临时救助（医疗）", fen=rng.choice((100000, 200000, 300000)), person=f.ill)  # fmt: skip
        for f in rng.sample(self.people.facts, max(3, round(len(self.people.facts) * 0.08))):
            goods, unit, price = rng.choice(ph["produce"])
            qty = rng.choice((50, 100, 200, 300)) if unit != "只" else rng.randint(5, 20)
            give(f, self.day_between(self.start, self.today), AidKind.PRODUCE_SALES, "消费帮扶",
                 "市民政局食堂", "代销农产品，货款已结清", fen=qty * price * 100,
                 goods=(goods, f"{qty}{unit}"))  # fmt: skip

    # ---- deeds, activities, diary ----------------------------------------------
    def build_deeds(self) -> None:
        rng, today = self.rng, self.today
        templates = rng.sample(
            self.phrases["deeds"], rng.randint(8, min(12, len(self.phrases["deeds"])))
        )
        n_done, n_ongoing = round(len(templates) * 0.5), round(len(templates) * 0.3)
        for i, t in enumerate(templates):
            status = (
                DeedStatus.DONE
                if i < n_done
                else DeedStatus.ONGOING
                if i < n_done + n_ongoing
                else DeedStatus.PLANNED
            )
            made = self.start + timedelta(days=rng.randint(0, 60))
            done = None
            if status == DeedStatus.DONE:
                promised = min(
                    today - timedelta(days=10), made + timedelta(days=rng.randint(60, 240))
                )
                done = max(made, promised - timedelta(days=rng.randint(0, 30)))
            else:
                promised = today + timedelta(
                    days=rng.randint(10, 120)
                    if status == DeedStatus.ONGOING
                    else rng.randint(60, 200)
                )
            ctx = {"group": rng.choice(self.people.groups).name, "meters": rng.randint(5, 15) * 100,
                   "lamps": rng.randint(4, 12) * 10, "pct": rng.randint(30, 85)}  # fmt: skip
            d = Deed(uid=self.uid(), title=self.fill(t["title"], ctx), area=t["area"],
                     measures=t["measures"], goal=self.fill(t["goal"], ctx),
                     owner=rng.choice(self.people.work_team).name, promised_date=promised,
                     handling_mode=HandlingMode(t["mode"]), status=status,
                     progress=self.fill(self.phrases["deed_progress"][status.value], ctx),
                     done_date=done, beneficiaries=t["beneficiaries"], investment_fen=t["yuan"] * 100)  # fmt: skip
            self.stamp(d, made)
            self.village.deeds.append(d)

    def build_activities(self) -> None:
        rng = self.rng
        templates = list(self.phrases["activities"])
        chosen = templates + [rng.choice(templates) for _ in range(rng.randint(16, 24))]
        self.activities_on: dict[date, list[Activity]] = {}
        for t in chosen:
            day = rng.choice(self.workdays)
            ctx = {"group": rng.choice(self.people.groups).name}
            a = Activity(uid=self.uid(), date=day, title=self.fill(t["title"], ctx),
                         kind=ActivityKind(t["kind"]), place=self.fill(t["place"], ctx),
                         participants=rng.randint(*t["people"]), summary=t["summary"])  # fmt: skip
            self.stamp(a, day)
            self.village.activities.append(a)
            self.activities_on.setdefault(day, []).append(a)

    def build_diary(self) -> None:
        rng, ph = self.rng, self.phrases["diary"]
        for (day, uid), presence in self.presence.items():
            name = self.names[uid]
            if presence != Presence.IN_VILLAGE:
                content = self.fill(rng.choice(ph[presence.value]), {"unit": dd.DISPATCHING_UNIT})
            else:
                parts = []
                heads = self.visited.get((day, uid), [])
                if heads:
                    more = "等" if len(heads) > 3 else ""
                    parts.append(
                        f"走访{'、'.join(heads[:3])}{more}{len(heads)}户，了解家庭情况和诉求。"
                    )
                parts += [
                    f"参加{a.title}（{a.participants}人）。"
                    for a in self.activities_on.get(day, [])
                ]
                steps = self.issue_log.get((day, name), [])
                if steps:
                    parts.append("；".join(steps[:3]) + "。")
                if not parts or rng.random() < 0.3:
                    group = rng.choice(self.people.groups).name
                    parts.append(self.fill(rng.choice(ph["在村"]), {"group": group}))
                content = "".join(parts)
            e = DiaryEntry(
                uid=self.uid(), date=day, member_uid=uid, presence=presence, content=content
            )
            self.stamp(e, day)
            self.village.diary.append(e)


class _Defaults(dict):
    """A format_map mapping that leaves a placeholder the context lacks empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _situation_kind(f: HouseholdFacts) -> str:
    tags, h = f.household.tags, f.household
    if HouseholdTag.TEKUN in tags:
        return "tekun"
    if HouseholdTag.MONITORED in tags:
        return "monitored"
    if HouseholdTag.DIBAO in tags:
        return "dibao"
    if h.living_status == LivingStatus.AWAY:
        return "away"
    if f.shape in ("alone", "couple"):
        return f.shape
    return "lifted" if HouseholdTag.LIFTED in tags else "family"


_CROPS = ("水稻", "小麦", "油菜", "黄桃", "葡萄", "草莓", "花生")
_HARDSHIP_ORDER = (HouseholdTag.TEKUN, HouseholdTag.MONITORED, HouseholdTag.DIBAO)
_MODES = {
    IssueLevel.VILLAGE: ("限期办",),
    IssueLevel.TOWNSHIP: ("限期办", "限期办", "分期办"),
    IssueLevel.DISPATCH_UNIT: ("限期办", "分期办"),
    IssueLevel.COUNTY: ("限期办", "分期办", "分期办"),
}
_S, _L, _O = IssueStatus, IssueLevel, IssueOutcome
#: Issues every demo has, so every status, level and the overdue and reopened cases show.
_SCRIPTED_ISSUES = (
    {"status": _S.REGISTERED, "age": (0, 4)},
    {"status": _S.REGISTERED, "age": (1, 8)},
    {"status": _S.IN_PROGRESS, "age": (5, 20), "level": _L.VILLAGE},
    {"status": _S.IN_PROGRESS, "age": (15, 40), "level": _L.TOWNSHIP, "escalate": True},
    {"status": _S.IN_PROGRESS, "age": (80, 120), "level": _L.TOWNSHIP, "overdue": True},
    {"status": _S.IN_PROGRESS, "age": (20, 60), "level": _L.DISPATCH_UNIT},
    {
        "status": _S.IN_PROGRESS,
        "age": (110, 160),
        "level": _L.COUNTY,
        "overdue": True,
        "escalate": True,
    },
    {
        "status": _S.IN_PROGRESS,
        "age": (90, 150),
        "level": _L.VILLAGE,
        "reopen": True,
        "escalate": False,
    },
    {"status": _S.DONE, "age": (15, 40), "outcome": _O.SOLVED},
    {"status": _S.DONE, "age": (20, 60), "outcome": _O.EXPLAINED, "level": _L.COUNTY},
    {
        "status": _S.CLOSED,
        "age": (60, 300),
        "outcome": _O.EXPLAINED,
        "satisfaction": Satisfaction.BASICALLY,
    },
    {"status": _S.CLOSED, "age": (40, 300), "outcome": _O.SOLVED, "level": _L.DISPATCH_UNIT},
    {
        "status": _S.CLOSED,
        "age": (40, 300),
        "outcome": _O.SOLVED,
        "level": _L.TOWNSHIP,
        "escalate": True,
    },
)
