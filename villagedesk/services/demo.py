"""The demo village: a fictional village with a year of the team's work, for trying the app.

Everything comes from one ``random.Random(seed)``, uids included, so the same seed and
``today`` give the same records. ``build_village`` builds the records in memory (the
township benchmark reuses it); ``make_demo_village`` saves them through the repositories,
so they are validated, audited and indexed for search like records typed in by hand.

The parts: fixed facts and name lists in ``demo_data`` (phrases in resources/demo), the
people in ``demo_people``, the year of work in ``demo_work``; the attendance and diary,
which tie those together, here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from villagedesk.core import clock
from villagedesk.core.enums import (
    Presence,
    ResidentTag,
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
from villagedesk.services.demo_people import HouseholdFacts, PeopleBuilder
from villagedesk.services.demo_work import YearOfWork

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


class _Builder(YearOfWork):
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
            "mtype": f.household.monitoring_type or "", "crop": rng.choice(dd.CROPS),
            "risk": "、".join(f.household.risk_causes) or "因病",
            "child": kids[0].name if kids else "", "grade": rng.randint(1, 6),
            "meters": rng.randint(3, 12) * 100, "lamps": rng.randint(4, 20),
            "part": rng.choice(("屋顶", "后墙", "厨房屋面")), "jin": rng.choice((500, 800, 1200, 2000)),
            "amount": rng.choice((2000, 3500, 5000, 8000)),
        }  # fmt: skip

    # ---- diary ---------------------------------------------------------------
    def build_diary(self) -> None:
        """Each team member's log of each day: where they were and what they did."""
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
