"""Whole-table reads and writes for dump, load and import: every row, deleted ones included.

The repositories write one user action at a time; these helpers read every row of a kind
(recycle bin included) and insert records exactly as given — uid, timestamps and
``deleted_at`` preserved — with an audit row each. Callers wrap them in ``db.transaction()``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from villagedesk.core.clock import now_iso, today
from villagedesk.core.enums import AidKind, Relation
from villagedesk.core.monitoring import CheckStatus
from villagedesk.core.records import IssueEvent, Record
from villagedesk.core.validation import ValidationError, validate_phone
from villagedesk.storage.repository import record_to_row, row_to_record
from villagedesk.storage.rules import IdHolder, check_resident
from villagedesk.storage.tables import TABLES

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

T = TypeVar("T", bound=Record)

#: tables holding records (issue events travel with their issue)
RECORD_TABLES = [t for t in TABLES.values() if t != "issue_events"]


def iter_records(db: Database, cls: type[T], *, order_by: str = "rowid") -> Iterator[T]:
    """Every record of a class, the recycle bin included, in insertion order."""
    table = TABLES[cls]
    for row in db.query(f"select * from [{table}] order by {order_by}"):
        yield row_to_record(cls, row)


def events_by_issue(db: Database) -> dict[str, list[IssueEvent]]:
    """issue uid -> its events (deleted ones included), oldest first."""
    out: dict[str, list[IssueEvent]] = {}
    for event in iter_records(db, IssueEvent, order_by="date, created_at, rowid"):
        out.setdefault(event.issue_uid, []).append(event)
    return out


def record_counts(db: Database, *, include_deleted: bool = True) -> dict[str, int]:
    """table name -> number of records (issue events not counted)."""
    where = "" if include_deleted else " where deleted_at is null"
    return {
        table: db.execute(f"select count(*) from [{table}]{where}").fetchone()[0]
        for table in RECORD_TABLES
    }


def existing_uids(db: Database, table: str, uids: Iterable[str]) -> set[str]:
    """Which of ``uids`` are already rows of ``table`` (deleted or not)."""
    wanted = list(dict.fromkeys(uids))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            row[0] for row in db.execute(f"select uid from [{table}] where uid in ({marks})", chunk)
        )
    return found


def _audit_view(row: dict[str, Any]) -> dict[str, Any]:
    # like the repositories: photo bytes stay out of the audit log, their size says enough
    return {k: (f"<{len(v)} bytes>" if isinstance(v, bytes) else v) for k, v in row.items()}


def insert_record(db: Database, record: Record, *, kind: str, action: str = "load") -> None:
    """Insert one record as it is (uid, timestamps, deleted_at kept) with an audit row.

    Missing timestamps are filled with now. Call inside ``db.transaction()``.
    """
    stamp = now_iso()
    record.created_at = record.created_at or stamp
    record.updated_at = record.updated_at or record.created_at
    row = record_to_row(record)
    db.su[TABLES[type(record)]].insert(row)
    db.audit.write(action, kind, record.uid, None, _audit_view(row))


def insert_records(db: Database, records: list[Record], *, kind: str, action: str = "load") -> None:
    """Insert records of one class as they are, with an audit row each, in batched inserts.

    Like ``insert_record`` for many records at once (one executemany per table instead of a
    statement per row). Call inside ``db.transaction()``.
    """
    if not records:
        return
    import json

    stamp = now_iso()
    rows = []
    audit = []
    for record in records:
        record.created_at = record.created_at or stamp
        record.updated_at = record.updated_at or record.created_at
        row = record_to_row(record)
        rows.append(row)
        after = json.dumps(_audit_view(row), ensure_ascii=False)
        audit.append((stamp, db.actor, action, kind, record.uid, None, after))
    cols = list(rows[0])
    table = TABLES[type(records[0])]
    db.su.conn.executemany(
        f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
        f"values ({', '.join('?' * len(cols))})",
        [tuple(row[c] for c in cols) for row in rows],
    )
    db.su.conn.executemany(
        "insert into audit (at, actor, action, kind, uid, before, after) "
        "values (?, ?, ?, ?, ?, ?, ?)",
        audit,
    )


# ---------------------------------------------------------------- the repositories' rules, in bulk
#
# The repositories' validate() asks the database once or twice per record (does the household
# exist, is the number free …); for a load of 100,000 records that is most of the time. These
# are the same rules, with the same messages, checked against one read per table plus the
# records of the file that come before: a record sees what it would have seen had the records
# before it been saved one by one. Records in the recycle bin are not checked (they were when
# they were saved) and, like deleted rows, do not count as existing or as taking a number.
# Keep in step with the repositories' validate() (tests/services/test_transfer.py compares).


class NewRecordRules:
    """Check new records kind by kind, in the order they will be inserted."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.repos = {repo.table_name: repo for repo in db.repositories().values()}
        q = db.su.conn.execute
        alive = " where deleted_at is null"
        self.group_names = {n for (n,) in q(f"select name from groups{alive}")}
        # any_households / any_residents: what a live record may point at when it is loaded
        # back. A household or resident deleted after the visit, issue or aid record was saved
        # still counts (the app lets a household go to the recycle bin and keeps its visits),
        # else such a dump could never be loaded again; the other rules see only live ones
        self.households: dict[str, tuple[str, str]] = {}  # live: uid -> (number, head)
        self.any_households: set[str] = set()
        for u, no, head, deleted in q(
            "select uid, household_no, head_name, deleted_at from households"
        ):
            self.any_households.add(u)
            if deleted is None:
                self.households[u] = (no, head)
        self.household_nos = {no for no, _ in self.households.values()}
        self.any_residents: dict[str, str] = {}  # uid -> household uid
        self.id_numbers: dict[str, tuple[str, str]] = {}  # live: number -> (household, name)
        self.heads: dict[str, str] = {}  # live: household uid -> head's name
        for u, hh, name, idn, rel, deleted in q(
            "select uid, household_uid, name, id_number, relation, deleted_at from residents "
            "order by rowid"
        ):
            self.any_residents[u] = hh
            if deleted is not None:
                continue
            if idn:
                self.id_numbers.setdefault(idn, (hh, name))
            if rel == "户主":
                self.heads.setdefault(hh, name)
        self.issue_numbers = {n for (n,) in q(f"select number from issues{alive}")}
        self.team = {u for (u,) in q(f"select uid from team_members{alive}")}
        self.diary_days = {(d, m) for d, m in q(f"select date, member_uid from diary{alive}")}

    def note_deleted(self, table: str, record: Record) -> None:
        """Count a record of the file that is in the recycle bin (not checked, but pointed at)."""
        if table == "households":
            self.any_households.add(record.uid)
        elif table == "residents":
            self.any_residents[record.uid] = record.household_uid

    def check(self, table: str, record: Record) -> None:
        """Raise the repository's ValidationError for a bad record; else count it as saved."""
        method = getattr(self, f"_{table}", None)
        if method is not None:
            method(record)
        else:  # deeds, activities, attachments, monitoring lists and their entries: their
            # rules read nothing, use them as they are
            self.repos[table].validate(record)

    def _groups(self, g) -> None:
        if not g.name.strip():
            raise ValidationError("请填写村民小组或网格名称", "name")
        if g.leader_phone:
            g.leader_phone = validate_phone(g.leader_phone)
        if g.name in self.group_names:
            raise ValidationError(f"已有名为“{g.name}”的村民小组或网格", "name")
        self.group_names.add(g.name)

    def _households(self, h) -> None:
        h.household_no, h.head_name = h.household_no.strip(), h.head_name.strip()
        if not h.household_no:
            raise ValidationError("请填写户编号", "household_no")
        if not h.head_name:
            raise ValidationError("请填写户主姓名", "head_name")
        if h.phone:
            h.phone = validate_phone(h.phone)
        if h.household_no in self.household_nos:
            raise ValidationError(f"户编号 {h.household_no} 已经存在", "household_no")
        if h.monitoring_type and "监测户" not in h.tags:
            raise ValidationError("填写了监测对象类型的农户应标记为“监测户”", "monitoring_type")
        self.household_nos.add(h.household_no)
        self.households[h.uid] = (h.household_no, h.head_name)
        self.any_households.add(h.uid)

    def _residents(self, r) -> None:
        check_resident(
            r,
            household_exists=lambda uid: uid in self.any_households,
            id_holder=self._id_holder,
            other_head=lambda r: self.heads.get(r.household_uid),
        )
        if r.relation == Relation.HEAD:
            self.heads[r.household_uid] = r.name
        self.any_residents[r.uid] = r.household_uid
        if r.id_number:
            self.id_numbers[r.id_number] = (r.household_uid, r.name)

    def _id_holder(self, r) -> IdHolder | None:
        clash = self.id_numbers.get(r.id_number)
        if not clash:
            return None
        return self.households.get(clash[0]), clash[1]

    def _visits(self, v) -> None:
        if v.date > today():
            raise ValidationError("走访日期不能晚于今天", "date")
        if not v.household_uid and not v.group_uid:
            raise ValidationError("请选择走访的农户或村民小组", "household_uid")
        if v.household_uid and v.household_uid not in self.any_households:
            raise ValidationError("所选农户不存在", "household_uid")
        if not (v.situation.strip() or v.needs.strip()):
            raise ValidationError("请填写了解到的情况或诉求", "situation")

    def _issues(self, i) -> None:
        i.number = i.number.strip()
        if not i.number:
            raise ValidationError("请填写问题编号", "number")
        if not i.description.strip():
            raise ValidationError("请填写诉求事项", "description")
        if i.deadline and i.deadline < i.collected_date:
            raise ValidationError(
                f"办理时限 {i.deadline} 不能早于登记日期 {i.collected_date}", "deadline"
            )
        if i.household_uid and i.household_uid not in self.any_households:
            raise ValidationError("所选农户不存在", "household_uid")
        if i.number in self.issue_numbers:
            raise ValidationError(f"问题编号 {i.number} 已经存在", "number")
        if not i.events:
            raise ValidationError("问题没有登记记录（请通过登记创建问题）")
        self.issue_numbers.add(i.number)

    def _aid(self, a) -> None:
        if not a.household_uid and not a.resident_uid:
            raise ValidationError("请选择慰问对象", "household_uid")
        if a.amount_fen < 0:
            raise ValidationError("金额不能为负数", "amount_fen")
        if a.amount_fen == 0 and not a.goods.strip():
            raise ValidationError("请填写慰问金额或物品", "amount_fen")
        if a.kind == AidKind.GOODS and not a.goods.strip():
            raise ValidationError("慰问品请填写物品名称", "goods")
        if a.resident_uid:
            if a.resident_uid not in self.any_residents:
                raise ValidationError("所选村民不存在", "resident_uid")
            a.household_uid = a.household_uid or self.any_residents[a.resident_uid]

    def _diary(self, e) -> None:
        if e.member_uid and e.member_uid not in self.team:
            raise ValidationError("所选队员不存在", "member_uid")
        key = (e.date.isoformat(), e.member_uid)
        if key in self.diary_days:
            raise ValidationError(f"{e.date} 该队员已有日志，请修改原记录", "date")
        self.diary_days.add(key)

    def _team_members(self, m) -> None:
        self.repos["team_members"].validate(m)  # reads nothing
        self.team.add(m.uid)

    def _check_tasks(self, t) -> None:
        # CheckTaskRepo has no validate(): a task changes only through move() and advance().
        # What advance() leaves true at every step is checked here, with its messages. Not
        # move()'s "the linked visit / aid record is not deleted": it held when linked, but
        # deleting the visit later is allowed, and a dump of that database must load again
        # (the link itself is checked with the other references, deleted records counting)
        if t.status == CheckStatus.AIDED and not t.aid_uid:
            raise ValidationError("纳入救助请关联一条帮扶慰问记录", "aid_uid")
        if t.status == CheckStatus.NOT_ELIGIBLE and not t.note.strip():
            raise ValidationError("请说明不符合条件的原因", "note")
        closed = t.status in (CheckStatus.AIDED, CheckStatus.NOT_ELIGIBLE)
        if closed and t.closed_date and t.checked_date and t.closed_date < t.checked_date:
            raise ValidationError(
                f"日期 {t.closed_date} 早于核查日期 {t.checked_date}", "closed_date"
            )
