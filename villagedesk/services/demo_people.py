"""The people of the demo village: its work team, village groups and households."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from villagedesk.core.enums import (
    Gender,
    HouseholdTag,
    LivingStatus,
    MonitoringType,
    Relation,
    ResidentTag,
    RiskCause,
    TeamRole,
)
from villagedesk.core.records import Group, Household, Resident, TeamMember, VillageProfile
from villagedesk.core.validation import age_on
from villagedesk.services.demo_data import (
    AWAY_SHARE,
    CADRES,
    COUNTY,
    DISABILITIES,
    DISABLED_SHARE,
    DISPATCHING_UNIT,
    GROUPS,
    HEALTH,
    HOME_REGION,
    NEIGHBOUR_REGIONS,
    OLD_SKILLS,
    PARTY_MEMBER_SHARE,
    SERIOUS_ILLNESSES,
    SERVICE_PROMISE,
    SKILLS_ADULT,
    TAG_SHARES,
    TEAM,
    TOWNSHIP,
    VILLAGE,
    VILLAGE_COMMITTEE_PHONE,
    WORK_AWAY_PLACES,
    birth_for_age,
    given_name,
    id_number,
    mobile,
    pick_surname,
)


@dataclass
class HouseholdFacts:
    """What the rest of the demo needs to know about a household to write about it."""

    household: Household
    group_index: int
    members: list[Resident]
    shape: str  # alone / couple / family
    ill: Resident | None = None  # the member whose illness or disability troubles the family
    worker: Resident | None = None  # a member of working age
    away_workers: list[Resident] = field(default_factory=list)

    def head(self) -> Resident:
        return self.members[0]

    def needs_attention(self) -> bool:
        """监测户/低保户/特困户, or someone living alone or left behind: visited monthly."""
        tags = set(self.household.tags)
        people = {t for m in self.members for t in m.tags}
        return bool(
            tags & {HouseholdTag.MONITORED, HouseholdTag.DIBAO, HouseholdTag.TEKUN}
            or people & {ResidentTag.LIVING_ALONE, ResidentTag.LEFT_BEHIND_CHILD}
        )


class PeopleBuilder:
    """The team, the groups and the households of the demo village."""

    def __init__(self, rng: Random, today: date, uid: Callable[[], str], stamp: Callable) -> None:
        self.rng, self.today, self.uid, self.stamp = rng, today, uid, stamp
        self.ids: set[str] = set()
        self.phones: set[str] = set()
        self.arrived = today - timedelta(days=365 + rng.randint(60, 200))
        self.work_team: list[TeamMember] = []
        self.cadres: list[TeamMember] = []
        self.groups: list[Group] = []
        self.facts: list[HouseholdFacts] = []

    def person_name(self, gender: str = "", birth_year: int = 1975, surname: str = "") -> str:
        gender = gender or self.rng.choice("男女")
        return (surname or pick_surname(self.rng)) + given_name(self.rng, gender, birth_year)

    def build_team(self) -> None:
        for name, role, unit, note in TEAM:
            m = TeamMember(uid=self.uid(), name=name, role=TeamRole(role), unit=unit,
                           phone=mobile(self.rng, self.phones), from_date=self.arrived, notes=note)  # fmt: skip
            self.stamp(m, self.arrived)
            self.work_team.append(m)
        for name, unit, post in CADRES:
            m = TeamMember(uid=self.uid(), name=name, role=TeamRole.VILLAGE_CADRE, unit=unit,
                           phone=mobile(self.rng, self.phones), notes=post)  # fmt: skip
            self.stamp(m, self.arrived)
            self.cadres.append(m)

    def profile(self) -> VillageProfile:
        return VillageProfile(
            village=VILLAGE, township=TOWNSHIP, county=COUNTY, dispatching_unit=DISPATCHING_UNIT,
            village_committee_phone=VILLAGE_COMMITTEE_PHONE, filled_by=self.work_team[1].name,
            reviewed_by=self.work_team[0].name, responsible=self.cadres[0].name,
            service_promise=SERVICE_PROMISE, due_visit_days=30,
        )  # fmt: skip

    def cadre_for(self, group_index: int) -> TeamMember:
        return self.cadres[group_index * len(self.cadres) // len(self.groups)]

    def build(self, households: int, sizes: dict[int, float]) -> None:
        """The groups, then ``households`` households with their members, then the tags."""
        rng = self.rng
        count = 6 if households < 150 else 7 if households < 350 else 8
        for name, _ in GROUPS[:count]:
            g = Group(uid=self.uid(), name=name, leader=self.person_name("男", 1968),
                      leader_phone=mobile(rng, self.phones), grid_doctor=self.person_name())  # fmt: skip
            self.stamp(g, self.arrived)
            self.groups.append(g)
        for cadre in self.cadres:
            names = [g.name for gi, g in enumerate(self.groups) if self.cadre_for(gi) is cadre]
            cadre.area = "、".join(names)
            cadre.notes += f"，联系{cadre.area}"
        weights = [rng.uniform(0.7, 1.3) for _ in self.groups]
        per_group = [0] * count
        for gi in rng.choices(range(count), weights=weights, k=households):
            per_group[gi] += 1
        width = 3 if max(per_group) < 1000 else 4
        for gi, n in enumerate(per_group):
            for seq in range(1, n + 1):
                self.facts.append(self._household(gi, seq, width, sizes))
        self._tag_households()

    def _household(self, gi: int, seq: int, width: int, sizes: dict[int, float]) -> HouseholdFacts:
        rng = self.rng
        group, dominant = self.groups[gi], GROUPS[gi][1]
        size = rng.choices(list(sizes), weights=list(sizes.values()))[0]
        surname = dominant if dominant and rng.random() < 0.45 else pick_surname(rng)
        other = pick_surname  # spouses and daughters-in-law come from other families
        spec: list[tuple[Relation, bool, int, str]] = []  # relation, male, age, surname
        r = rng.random()
        if size == 1:
            shape, age = "alone", rng.randint(60, 90) if r < 0.8 else rng.randint(38, 59)
            spec.append((Relation.HEAD, rng.random() < 0.55, age, surname))
        elif size == 2 and r < 0.85:
            elderly = r < 0.6
            shape, age = (
                ("couple" if elderly else "family"),
                rng.randint(60, 82) if elderly else rng.randint(40, 59),
            )
            spec += [(Relation.HEAD, True, age, surname),
                     (Relation.SPOUSE, False, max(20, age - rng.randint(-2, 5)), other(rng))]  # fmt: skip
        else:
            shape = "family"
            three = size >= 4 and r < 0.45 or size == 2
            male_head = size > 2 and rng.random() < 0.88
            age = rng.randint(56, 78) if three else rng.randint(35, 55)
            kids_surname = surname if male_head else other(rng)
            spec.append((Relation.HEAD, male_head, age, surname))
            if male_head and rng.random() < 0.92:
                spec.append((Relation.SPOUSE, False, max(20, age - rng.randint(-2, 5)), other(rng)))
            if three:
                son = age - rng.randint(22, 32)
                spec.append((Relation.SON, True, son, kids_surname))
                if size > 2:
                    spec.append(
                        (Relation.DAUGHTER_IN_LAW, False, son - rng.randint(-3, 4), other(rng))
                    )
                while len(spec) < size:
                    boy = rng.random() < 0.52
                    rel = Relation.GRANDSON if boy else Relation.GRANDDAUGHTER
                    spec.append((rel, boy, max(0, son - rng.randint(20, 32)), kids_surname))
            else:
                while len(spec) < size:
                    if (
                        len([s for s in spec if s[0] in (Relation.SON, Relation.DAUGHTER)]) == 2
                        and age + 24 < 92
                    ):
                        if not any(s[0] == Relation.FATHER for s in spec):
                            spec.append((Relation.FATHER, True, age + rng.randint(22, 30), surname))
                            continue
                        if not any(s[0] == Relation.MOTHER for s in spec):
                            spec.append(
                                (Relation.MOTHER, False, age + rng.randint(20, 28), other(rng))
                            )
                            continue
                    boy = rng.random() < 0.52
                    spec.append((Relation.SON if boy else Relation.DAUGHTER, boy,
                                 max(0, age - rng.randint(21, 34)), kids_surname))  # fmt: skip
        number = f"{gi + 1:02d}{seq:0{width}d}"
        h = Household(uid=self.uid(), household_no=number, head_name="", group_uid=group.uid,
                      address=f"{VILLAGE}{group.name}{seq}号")  # fmt: skip
        self.stamp(h, self.arrived)
        facts = HouseholdFacts(household=h, group_index=gi, members=[], shape=shape)
        parents_away = shape == "family" and rng.random() < 0.45
        for i, (relation, male, age, sname) in enumerate(spec, start=1):
            m = self._resident(h, relation, male, age, sname, f"{number}{i:02d}")
            facts.members.append(m)
            if 20 <= age <= 50 and shape == "family" and relation != Relation.HEAD and parents_away:
                m.notes = f"在{rng.choice(WORK_AWAY_PLACES)}务工"
                facts.away_workers.append(m)
        head = facts.members[0]
        h.head_name = head.name
        h.phone = next((m.phone for m in facts.members if m.phone), "")
        working = [m for m in facts.members if 18 <= self._age(m) <= 60]
        facts.worker = rng.choice(working) if working else None
        self._tag_people(facts)
        return facts

    def _age(self, m: Resident) -> int:
        assert m.birth_date is not None
        return age_on(m.birth_date, self.today)

    def _resident(
        self, h: Household, relation: Relation, male: bool, age: int, surname: str, no: str
    ) -> Resident:
        rng = self.rng
        birth = birth_for_age(rng, self.today, age)
        married_in = relation in (Relation.SPOUSE, Relation.DAUGHTER_IN_LAW, Relation.MOTHER)
        region = (
            rng.choice(NEIGHBOUR_REGIONS) if married_in and rng.random() < 0.35 else HOME_REGION
        )
        gender = "男" if male else "女"
        y = birth.year
        if age < 6:
            education = "学龄前儿童"
        elif age < 18:
            education = "小学在读" if age < 12 else "初中在读" if age < 15 else "高中在读"
        elif age <= 22 and rng.random() < 0.45:
            education = "大学在读"
        else:
            era = (
                ("文盲或半文盲", "小学", "小学", "初中")
                if y < 1960
                else ("小学", "初中", "初中", "高中")
                if y < 1980
                else ("初中", "高中", "中专", "大专")
                if y < 1995
                else ("高中", "大专", "本科")
            )
            education = rng.choice(era)
        if age < 16 or "在读" in education:
            skill = "无劳动力"
        elif age < 60:
            skill = rng.choice(SKILLS_ADULT)
        else:
            skill = rng.choice(OLD_SKILLS if age >= 70 else ("普通劳动力", *OLD_SKILLS))
        health = rng.choice(HEALTH) if age >= 60 else "健康"
        phone_share = 0.9 if 18 <= age <= 70 else 0.35 if age > 70 else 0.0
        r = Resident(uid=self.uid(), household_uid=h.uid, name=surname + given_name(rng, gender, y),
                     gender=Gender(gender), id_number=id_number(rng, region, birth, male, self.ids),
                     birth_date=birth, relation=relation, person_no=no, education=education,
                     health=health, labour_skill=skill,
                     phone=mobile(rng, self.phones) if rng.random() < phone_share else "")  # fmt: skip
        self.stamp(r, self.arrived)
        return r

    def _tag_people(self, facts: HouseholdFacts) -> None:
        rng = self.rng
        ages = [self._age(m) for m in facts.members]
        for m, age in zip(facts.members, ages, strict=True):
            if age >= 80:
                m.tags.append(ResidentTag.ELDERLY)
            if facts.shape == "alone" and age >= 60:
                m.tags.append(ResidentTag.LIVING_ALONE)
            if facts.shape == "couple" and min(ages) >= 60:
                m.tags.append(ResidentTag.EMPTY_NEST)
            if (
                age < 16
                and facts.away_workers
                and m.relation in (Relation.GRANDSON, Relation.GRANDDAUGHTER)
            ):
                m.tags.append(ResidentTag.LEFT_BEHIND_CHILD)
            if rng.random() < DISABLED_SHARE * (1.8 if age >= 60 else 0.6):
                m.tags.append(ResidentTag.DISABLED)
                m.health, m.notes = "残疾", f"持残疾证（{rng.choice(DISABILITIES)}）"
                m.labour_skill = "丧失劳动力" if rng.random() < 0.5 else "弱劳动力或半劳动力"
                facts.ill = facts.ill or m
            if age >= 22 and rng.random() < PARTY_MEMBER_SHARE * (
                1.8 if m.gender == Gender.MALE and age >= 55 else 1
            ):
                m.tags.append(ResidentTag.PARTY_MEMBER)
                if age >= 65 and rng.random() < 0.4:
                    m.tags.append(ResidentTag.FIVE_ELDERS)

    def _tag_households(self) -> None:
        """Hand out household tags in realistic shares; the poorest families get them first."""
        rng, n = self.rng, len(self.facts)

        def pick(share: float, pool: list[HouseholdFacts]) -> list[HouseholdFacts]:
            return rng.sample(pool, min(len(pool), max(1, round(n * share))))

        alone = [f for f in self.facts if f.shape == "alone" and self._age(f.head()) >= 60]
        for f in pick(TAG_SHARES["特困户"], alone):
            f.household.tags.append(HouseholdTag.TEKUN)
        rest = [f for f in self.facts if not f.household.tags]
        weak = [f for f in rest if f.ill or f.shape != "family"] or rest
        for f in pick(TAG_SHARES["低保户"], weak):
            f.household.tags.append(HouseholdTag.DIBAO)
            if rng.random() < 0.5:
                f.household.tags.insert(0, HouseholdTag.LIFTED)
        rest = [f for f in self.facts if not f.household.tags]
        lifted_share = max(0.0, TAG_SHARES["脱贫户"] - TAG_SHARES["低保户"] / 2)
        for f in pick(lifted_share, rest):
            f.household.tags.append(HouseholdTag.LIFTED)
        candidates = [f for f in self.facts if HouseholdTag.TEKUN not in f.household.tags]
        for f in pick(TAG_SHARES["监测户"], candidates):
            self._monitor(f)
        for f in self.facts:
            if not f.household.tags:
                f.household.tags.append(HouseholdTag.ORDINARY)
                if f.shape == "family" and not f.away_workers and rng.random() < AWAY_SHARE * 2:
                    f.household.living_status = LivingStatus.AWAY
                    f.household.notes = f"全家在{rng.choice(WORK_AWAY_PLACES)}务工，春节返乡"

    def _monitor(self, f: HouseholdFacts) -> None:
        rng, h = self.rng, f.household
        lifted = HouseholdTag.LIFTED in h.tags
        h.monitoring_type = (
            MonitoringType.UNSTABLE
            if lifted
            else rng.choice(
                (MonitoringType.MARGINAL, MonitoringType.MARGINAL, MonitoringType.SUDDEN)
            )
        )
        h.tags = [t for t in h.tags if t != HouseholdTag.ORDINARY] + [HouseholdTag.MONITORED]
        cause = RiskCause.DISABILITY if f.ill else rng.choice(
            (RiskCause.ILLNESS, RiskCause.ILLNESS, RiskCause.ACCIDENT, RiskCause.SCHOOLING,
             RiskCause.DISASTER, RiskCause.JOBLESS))  # fmt: skip
        h.risk_causes = [cause] + ([RiskCause.NO_LABOUR] if rng.random() < 0.3 else [])
        h.risk_cleared = rng.random() < 0.25
        if cause in (RiskCause.ILLNESS, RiskCause.ACCIDENT):
            f.ill = f.worker or f.head()
            f.ill.health = "患有大病"
            f.ill.notes = (
                f"患{rng.choice(SERIOUS_ILLNESSES)}"
                if cause == RiskCause.ILLNESS
                else "患工伤后遗症"
            )
