"""Households and residents: rosters, one row per household or per person, and the
national monitoring system's export. People are grouped into households after all rows
are read, so a member may come before the head's row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from villagedesk.core.enums import Gender, HouseholdTag, Relation
from villagedesk.core.records import Group, Household, Resident
from villagedesk.core.validation import (
    ValidationError,
    is_probably_mangled_id,
    mask_id_number,
    parse_id_number,
    validate_phone,
)
from villagedesk.services.importing import values as v
from villagedesk.services.importing.cells import GENDER_OF, RosterCells, cell_text
from villagedesk.services.importing.cells import RESIDENT_TEXT as _RESIDENT_TEXT
from villagedesk.services.importing.lookup import Lookup, group_uid
from villagedesk.services.importing.plan import ADD, REFUSE, SKIP, UPDATE, PlanRow, RowAccess, today
from villagedesk.services.importing.uids import uid_source

if TYPE_CHECKING:
    from villagedesk.services.importing.plan import ImportPlan
    from villagedesk.storage.database import Database


@dataclass
class Writes:
    """What one row adds or changes."""

    household_add: Household | None = None
    household_update: Household | None = None
    resident_add: Resident | None = None
    resident_update: Resident | None = None
    groups: list[Group] = field(default_factory=list)


@dataclass
class Person:
    """One person's converted cells, before grouping."""

    pr: PlanRow
    name: str
    id_number: str
    gender: Gender | None
    birth_date: date | None
    relation: Relation | None
    phone: str
    household_no: str
    head_name: str
    address: str
    group: str
    extra: dict[str, object]
    key: tuple = ()


class PeopleConverter:
    """Convert rows to households and residents, then group and check duplicates."""

    def __init__(self, db: Database | None, plan: ImportPlan, *, national: bool) -> None:
        self.db = db
        self.plan = plan
        self.lookup = Lookup(db)
        self.per_household = plan.kind == "households" and not national
        self.people: list[Person] = []
        self.seq = 0
        self.today = today()
        self.policy = plan.duplicates
        self.new_groups: dict[str, Group] = {}
        self.used_nos: set[str] = set()
        self._cells: RosterCells | None = None
        self._max_no: int | None = None  # the largest numeric 户编号 in used_nos, once known
        self._uid = uid_source()

    # ---- pass 1: cells → Person ---------------------------------------------------
    def convert(self, pr: PlanRow, get: RowAccess) -> None:
        """Convert one row's cells (raising ValidationError refuses the row)."""
        # Called for every row of big rosters: the cells are fetched in one go and the
        # checks run in the order (and with the messages) of the per-field functions.
        if self._cells is None or self._cells.cols is not get.cols:
            self._cells = RosterCells(get.cols, self.per_household)
        cells = self._cells
        (name, raw_id, raw_gender, raw_birth, raw_relation, phone, person_no, ethnicity,
         education, health, labour_skill, notes, tags, monitoring, risks, cleared, household_no,
         head_name, address, group) = cells.fetch(get.values + cells.pad)  # fmt: skip
        name = name.strip() if name.__class__ is str else v.text(name)
        if not name:
            raise ValidationError("姓名为空" if not self.per_household else "户主姓名为空")
        text = cell_text
        number = ""
        info = None
        if raw_id is not None and (t := text(raw_id)):
            if is_probably_mangled_id(raw_id):
                raise ValidationError(v.MANGLED_ID, "id_number")
            info = parse_id_number(t, today=self.today)  # it normalises the text itself
            number = info.number
        gender = None if raw_gender is None else cells.gender(raw_gender)
        birth = None if raw_birth is None else v.optional_date(raw_birth)
        if info is not None:
            if gender is not None and gender.value != info.gender:
                raise ValidationError(f"性别“{gender.value}”与身份证号码（{info.gender}）不一致")
            if birth is not None and birth != info.birth_date:
                raise ValidationError(f"出生日期 {birth} 与身份证号码中的 {info.birth_date} 不一致")
            gender, birth = GENDER_OF[info.gender], info.birth_date
        if birth is not None and birth > self.today:
            raise ValidationError("出生日期不能晚于今天")
        if self.per_household:
            relation = Relation.HEAD
        else:
            relation = None if raw_relation is None else cells.relation(raw_relation)
        phone = "" if phone is None else text(phone)
        if phone:
            phone = validate_phone(phone)
        # a blank cell gives what the value function gives for None, without calling it
        extra: dict[str, object] = {
            "person_no": "" if person_no is None else text(person_no),
            "ethnicity": "" if ethnicity is None else text(ethnicity),
            "education": "" if education is None else text(education),
            "health": "" if health is None else text(health),
            "labour_skill": "" if labour_skill is None else text(labour_skill),
            "notes": "" if notes is None else text(notes),
            "tags": [] if tags is None else v.household_tags(tags),
            "monitoring_type": None if monitoring is None else v.monitoring_type(monitoring),
            "risk_causes": [] if risks is None else v.risk_causes(risks),
            "risk_cleared": None if cleared is None else v.yes_no(cleared),
        }
        person = Person(
            pr=pr,
            name=name,
            id_number=number,
            gender=gender,
            birth_date=birth,
            relation=relation,
            phone=phone,
            household_no="" if household_no is None else cells.household_no(household_no),
            head_name="" if self.per_household or head_name is None else text(head_name),
            address="" if address is None else text(address),
            group="" if group is None else text(group),
            extra=extra,
        )
        person.key = self._key(person)
        self.people.append(person)

    def _key(self, p: Person) -> tuple:
        if self.per_household:
            return ("row", p.pr.row_no)
        if p.household_no:
            return ("no", p.household_no)
        if p.head_name:
            return ("head", p.head_name, p.address)
        if p.relation == Relation.HEAD:
            self.seq += 1
        return ("seq", self.seq)

    # ---- pass 2: duplicates, grouping, records ------------------------------------
    def finish(self) -> None:
        """Group people into households and decide every row's action."""
        self.used_nos = set(self.lookup.households_by_no) | {
            p.household_no for p in self.people if p.household_no
        }
        self._max_no = None
        self._file_duplicates()
        groups: dict[tuple, list[Person]] = {}
        for p in self.people:
            if p.pr.action == ADD:
                groups.setdefault(p.key, []).append(p)
        for key, members in groups.items():
            self._household(key, members)
        for p in self.people:
            w = p.pr.payload
            if isinstance(w, Writes) and p.pr.action == ADD:
                if not (w.household_add or w.resident_add):
                    p.pr.action = UPDATE if (w.household_update or w.resident_update) else SKIP
        self.plan.extra["new_groups"] = list(self.new_groups.values())

    def _file_duplicates(self) -> None:
        seen: dict[tuple, Person] = {}
        for p in self.people:
            if p.pr.action != ADD:
                continue
            if self.per_household and p.household_no:
                dup_key = ("no", p.household_no)
            elif p.id_number:
                dup_key = ("id", p.id_number)
            else:
                continue
            first = seen.get(dup_key)
            if first is None:
                seen[dup_key] = p
                continue
            if dup_key[0] == "no":
                what = f"户编号 {p.household_no}"
            else:
                what = f"身份证号码 {mask_id_number(p.id_number)}"
            if self.policy == "skip":
                p.pr.skip(f"{what}与第 {first.pr.row_no} 行重复（已跳过）")
            elif self.policy == "update":
                first.pr.skip(f"{what}与第 {p.pr.row_no} 行重复，以第 {p.pr.row_no} 行为准")
                seen[dup_key] = p
            elif dup_key[0] == "id":
                p.pr.refuse(f"{what}与第 {first.pr.row_no} 行相同，同一身份证号码不能登记两人")
            else:
                p.household_no = self._renumber(p.household_no)
                p.pr.warnings.append(f"{what}与第 {first.pr.row_no} 行重复，改为 {p.household_no}")

    def _group_uid(self, name: str) -> str | None:
        return group_uid(self.lookup, self.new_groups, name)

    def _next_no(self) -> str:
        if self._max_no is None:  # once: a roster without 户编号 asks for thousands
            self._max_no = max((int(n) for n in self.used_nos if n.isdigit()), default=0)
        n = self._max_no + 1
        while f"{n:03d}" in self.used_nos:
            n += 1
        out = f"{n:03d}"
        self.used_nos.add(out)
        self._max_no = n  # the new largest number (the other numbers added are "001-2")
        return out

    def _renumber(self, no: str) -> str:
        i = 2
        while f"{no}-{i}" in self.used_nos:
            i += 1
        self.used_nos.add(f"{no}-{i}")
        return f"{no}-{i}"

    def _existing(self, key: tuple, head: Person | None) -> dict | None:
        if key[0] in ("no", "row") and (head is None or head.household_no):
            no = key[1] if key[0] == "no" else head.household_no
            return self.lookup.households_by_no.get(no)
        name = key[1] if key[0] == "head" else (head.name if head else "")
        address = key[2] if key[0] == "head" else (head.address if head else "")
        found, _ = self.lookup.find_household(head=name, address=address) if name else (None, "")
        return found

    def _household(self, key: tuple, members: list[Person]) -> None:
        heads = [p for p in members if p.relation == Relation.HEAD]
        head = heads[0] if heads else None
        for extra in heads[1:]:
            extra.pr.refuse(f"该户已有户主（{head.name}，第 {head.pr.row_no} 行）")
        members = [p for p in members if p.pr.action == ADD]
        existing = self._existing(key, head)
        if existing is not None and head is not None and self.per_household:
            if self.policy == "skip":
                head.pr.skip(
                    f"户编号 {existing['household_no']}（户主 {existing['head_name']}）已经存在"
                )
                return
            if self.policy == "keep_both":
                existing = None
                head.household_no = self._renumber(head.household_no or self._next_no())
                head.pr.warnings.append(f"户编号已存在，改为 {head.household_no}")
        if existing is None:
            first = head or members[0]
            head_name = head.name if head else first.head_name
            if not head_name:
                reason = "找不到该成员所属的户主：请在文件中加上户主一行（与户主关系填“户主”），或填写户主姓名/户编号"
                for p in members:
                    p.pr.refuse(reason)
                return
            household = self._new_household(first, head_name)
            first.pr.payload = Writes(household_add=household)
            household_uid, stored_head = household.uid, None
        else:
            household_uid = existing["uid"]
            stored_head = self.lookup.heads.get(household_uid)
            if head is not None and self.policy == "update":
                updated = self._updated_household(existing, head)
                problem = _invalid(self.db.households, updated) if self.db else None
                if problem:
                    head.pr.refuse(
                        f"不能更新已登记的户（户编号 {existing['household_no']}）：{problem}"
                    )
                else:
                    head.pr.payload = Writes(household_update=updated)
        for p in members:
            self._person(p, household_uid, existing, stored_head)
        if existing is None and first.pr.action == REFUSE:
            # the row that makes the household was refused (e.g. its head's ID number is
            # registered elsewhere): the household is not made, so neither are its members
            for p in members:
                if p is not first and p.pr.action in (ADD, UPDATE):
                    p.pr.refuse(
                        f"第 {first.pr.row_no} 行（{first.name}）未能导入，该户没有建立，"
                        "同户成员未导入"
                    )

    def _new_household(self, p: Person, head_name: str) -> Household:
        no = p.household_no or self._next_no()
        tags = list(p.extra["tags"])
        if p.extra["monitoring_type"] and HouseholdTag.MONITORED not in tags:
            tags.append(HouseholdTag.MONITORED)
        return Household(
            uid=self._uid(),
            household_no=no,
            head_name=head_name,
            address=p.address,
            group_uid=self._group_uid(p.group),
            phone=p.phone if p.relation == Relation.HEAD else "",
            tags=tags,
            monitoring_type=p.extra["monitoring_type"],
            risk_causes=list(p.extra["risk_causes"]),
            risk_cleared=bool(p.extra["risk_cleared"]),
            notes=str(p.extra["notes"]) if self.per_household else "",
        )

    def _updated_household(self, existing: dict, p: Person) -> Household | None:
        if self.db is None:
            return None
        h = self.db.households.get(existing["uid"])
        if h is None:
            return None
        h.head_name = p.name
        for attr, value in (("address", p.address), ("phone", p.phone)):
            if value:
                setattr(h, attr, value)
        if p.group:
            h.group_uid = self._group_uid(p.group)
        if p.extra["tags"]:
            h.tags = list(p.extra["tags"])
        if p.extra["monitoring_type"]:
            h.monitoring_type = p.extra["monitoring_type"]
            if HouseholdTag.MONITORED not in h.tags:
                h.tags.append(HouseholdTag.MONITORED)
        if p.extra["risk_causes"]:
            h.risk_causes = list(p.extra["risk_causes"])
        if p.extra["risk_cleared"] is not None:
            h.risk_cleared = bool(p.extra["risk_cleared"])
        return h

    def _person(self, p: Person, household_uid: str, existing: dict | None, stored_head) -> None:
        w = p.pr.payload if isinstance(p.pr.payload, Writes) else Writes()
        p.pr.payload = w
        stored = self.lookup.residents_by_id.get(p.id_number) if p.id_number else None
        if stored is None and existing is not None and not p.id_number:
            stored = next(
                (r for r in self.lookup.residents_by_name.get(p.name, [])
                 if r["household_uid"] == household_uid),
                None,
            )  # fmt: skip
        if stored is not None:
            where = self._where(stored)
            if self.policy == "skip":
                if not (w.household_add or w.household_update):
                    p.pr.skip(f"{p.name} 已登记在{where}（已跳过）")
                return
            if self.policy == "update":
                updated = self._updated_resident(stored["uid"], p)
                problem = _invalid(self.db.residents, updated) if self.db else None
                if problem:  # what the commit would refuse, said for this row now
                    p.pr.refuse(f"不能更新已登记在{where}的信息：{problem}")
                    return
                w.resident_update = updated
                return
            if p.id_number:
                p.pr.refuse(
                    f"身份证号码 {mask_id_number(p.id_number)} 已登记在{where}，同一身份证号码不能登记两人"
                )
                return
        if p.relation == Relation.HEAD and stored_head is not None:
            p.pr.refuse(f"该户已有户主（{stored_head['name']}）")
            return
        w.resident_add = self._new_resident(p, household_uid)

    def _where(self, stored: dict) -> str:
        h = self.lookup.households_by_uid.get(stored["household_uid"])
        return f"{h['household_no']} {h['head_name']}户（{stored['name']}）" if h else "另一户"

    def _new_resident(self, p: Person, household_uid: str) -> Resident:
        x = p.extra
        return Resident(
            uid=self._uid(),
            household_uid=household_uid,
            name=p.name,
            gender=p.gender,
            id_number=p.id_number,
            birth_date=p.birth_date,
            relation=p.relation or Relation.OTHER,
            phone=p.phone,
            person_no=str(x["person_no"]),
            ethnicity=str(x["ethnicity"]) or "汉族",
            education=str(x["education"]),
            health=str(x["health"]),
            labour_skill=str(x["labour_skill"]),
            notes="" if self.per_household else str(x["notes"]),
        )

    def _updated_resident(self, uid: str, p: Person) -> Resident | None:
        if self.db is None:
            return None
        r = self.db.residents.get(uid)
        if r is None:
            return None
        for attr in ("name", "id_number", "gender", "birth_date", "phone"):
            value = getattr(p, attr)
            if value:
                setattr(r, attr, value)
        if p.relation and not (p.relation == Relation.HEAD and r.relation != Relation.HEAD):
            r.relation = p.relation
        for attr in _RESIDENT_TEXT:
            if p.extra[attr] and not (self.per_household and attr == "notes"):
                setattr(r, attr, p.extra[attr])
        return r


def _invalid(repo, record) -> str | None:
    """The repository's complaint about an updated record (None when it would be saved)."""
    if record is None:
        return None
    try:
        repo.validate(record)
    except ValidationError as err:
        return err.message
    return None


__all__ = ["PeopleConverter", "Writes", "REFUSE"]
