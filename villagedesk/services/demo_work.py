"""The demo village's year of work: visits, issues through the workflow, aid, deeds, activities.

``YearOfWork`` is a mixin of the demo builder (``demo._Builder``): it draws from the same
seeded generator in the same order, so the same seed gives the same records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

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
    ResidentTag,
    RiskCause,
    Satisfaction,
    VisitWay,
)
from villagedesk.core.records import Activity, Aid, Deed, Issue, Resident, Visit
from villagedesk.services import demo_data as dd
from villagedesk.services.demo_people import HouseholdFacts, PeopleBuilder


class YearOfWork:
    """Builds the work records; the builder supplies the generator, people and helpers."""

    rng: random.Random
    today: date
    start: date
    phrases: dict[str, Any]
    people: PeopleBuilder
    village: Any  # demo.DemoVillage
    workdays: list[date]
    visited: dict[tuple[date, str], list[str]]
    issue_log: dict[tuple[date, str], list[str]]
    monitored: list[HouseholdFacts]
    activities_on: dict[date, list[Activity]]

    def uid(self) -> str:
        raise NotImplementedError

    def stamp(self, record: Any, day: date) -> None:
        raise NotImplementedError

    def day_between(self, lo: date, hi: date) -> date:
        raise NotImplementedError

    def fill(self, template: str, ctx: dict) -> str:
        raise NotImplementedError

    def on_day(self, month: int, day: int, spread: int = 3) -> date:
        raise NotImplementedError

    def visitors(self, day: date, group_index: int) -> list[str]:
        raise NotImplementedError

    def ctx(self, f: HouseholdFacts) -> dict:
        raise NotImplementedError

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
        specs = [dict(s) for s in dd.SCRIPTED_ISSUES]
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
                mode = HandlingMode.AT_ONCE if quick else HandlingMode(rng.choice(dd.MODES[lvl]))
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
            hard = next((t.value for t in dd.HARDSHIP_ORDER if t in tags), "")
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

    # ---- deeds and activities ------------------------------------------------
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
