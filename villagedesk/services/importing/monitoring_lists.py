"""Monitoring lists (一比一派一查一救): a department's list matched to residents, and a check
task for each matched person. Rows matched by name only are marked uncertain; rows with no
match are kept in the list and reported."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from villagedesk.core.monitoring import CheckTask, MatchKind, MonitoringEntry, MonitoringList
from villagedesk.core.validation import (
    ValidationError,
    is_probably_mangled_id,
    normalize_id_number,
    parse_id_number,
)
from villagedesk.services.importing import values as v
from villagedesk.services.importing.lookup import Lookup
from villagedesk.services.importing.plan import (
    ADD,
    ImportPlan,
    PlanRow,
    ProgressFn,
    RowAccess,
    plan_import,
    today,
)

if TYPE_CHECKING:
    from villagedesk.services.importing.commit import ImportReport
    from villagedesk.storage.database import Database

_DETAIL_FIELDS = ("detail", "notes", "group", "address")


class MonitoringConverter:
    """Rows of a comparison list to entries matched against the residents."""

    def __init__(self, db: Database | None, plan: ImportPlan) -> None:
        self.db = db
        self.plan = plan
        self.lookup = Lookup(db)
        self.today = today()
        self.list = MonitoringList(
            name=plan.path.stem,
            source=plan.path.stem,
            list_date=self.today,
            filename=plan.path.name,
        )
        plan.extra["list"] = self.list
        self.seen: dict[str, PlanRow] = {}

    def convert(self, pr: PlanRow, get: RowAccess) -> None:
        """Match one row (refusing rows whose ID number is damaged or invalid)."""
        name = v.text(get("name"))
        if not name:
            raise ValidationError("姓名为空")
        raw_id = get("id_number")
        number = ""
        if v.text(raw_id):
            if is_probably_mangled_id(raw_id):
                raise ValidationError(v.MANGLED_ID, "id_number")
            number = parse_id_number(normalize_id_number(v.text(raw_id)), today=self.today).number
        entry = MonitoringEntry(
            list_uid=self.list.uid,
            row_no=pr.row_no,
            name=name,
            id_number=number,
            household_no=v.code_text(get("household_no"), "户编号"),
            detail="；".join(t for f in _DETAIL_FIELDS if (t := v.text(get(f)))),
        )
        self._match(entry, v.text(get("head_name")))
        if entry.resident_uid:
            first = self.seen.get(entry.resident_uid)
            if first is not None:
                pr.skip(f"与第 {first.row_no} 行是同一人（已跳过）")
                return
            self.seen[entry.resident_uid] = pr
        pr.payload = entry
        if entry.match == MatchKind.UNCERTAIN:
            pr.warnings.append("没有身份证号码，按姓名匹配，请核对是否为同一人")

    def _match(self, entry: MonitoringEntry, head_name: str) -> None:
        lk = self.lookup
        if lk.offline:
            return
        if entry.id_number:
            person = lk.residents_by_id.get(entry.id_number)
            if person is None:
                entry.reason = "村里没有登记这个身份证号码的村民"
                return
            entry.match, entry.resident_uid = MatchKind.EXACT, person["uid"]
            entry.household_uid = person["household_uid"]
            return
        people = lk.residents_by_name.get(entry.name, [])
        if entry.household_no or head_name:
            household, why = lk.find_household(number=entry.household_no, head=head_name)
            if household is None:
                entry.reason = why
                return
            people = [p for p in people if p["household_uid"] == household["uid"]]
            if not people:
                entry.reason = f"{household['household_no']} {household['head_name']}户没有叫“{entry.name}”的成员"
                return
        if len(people) == 1:
            entry.match, entry.resident_uid = MatchKind.UNCERTAIN, people[0]["uid"]
            entry.household_uid = people[0]["household_uid"]
        elif not people:
            entry.reason = f"村里没有叫“{entry.name}”的村民"
        else:
            entry.reason = f"有 {len(people)} 位村民叫“{entry.name}”，请补充身份证号码或户编号"

    def finish(self) -> None:
        """Nothing to do after the rows (matching is per row)."""


def plan_monitoring_list(
    db: Database,
    path: str | Path,
    *,
    source: str,
    list_date: date | None = None,
    name: str | None = None,
    category: str = "",
    sheet: str | None = None,
    mapping=None,
    duplicates: str = "skip",
    progress: ProgressFn | None = None,
) -> ImportPlan:
    """Read and match a department's comparison list (nothing written yet)."""
    if not source.strip():
        raise ValidationError("请填写名单来源（哪个部门发来的）")
    plan = plan_import(db, path, "monitoring", sheet=sheet, mapping=mapping,
                       duplicates=duplicates, progress=progress)  # fmt: skip
    lst: MonitoringList = plan.extra["list"]
    lst.source = source.strip()
    lst.name = (name or Path(path).stem).strip()
    lst.list_date = list_date or today()
    lst.category = category
    if db is not None and duplicates != "keep_both":
        same = db.execute(
            "select count(*) from monitoring_lists where deleted_at is null and source = ? "
            "and list_date = ? and name = ?",
            [lst.source, lst.list_date.isoformat(), lst.name],
        ).fetchone()[0]
        if same:
            raise ValidationError(
                f"{lst.source} {lst.list_date} 的名单“{lst.name}”已经导入过（如确需再导入一次，请选择“保留两份”）"
            )
    return plan


def commit_monitoring_list(
    db: Database, plan: ImportPlan, *, progress: ProgressFn | None = None
) -> ImportReport:
    """Save the list, its rows and a 待核查 task for each matched person, in one transaction."""
    from villagedesk.services.importing.commit import report_for
    from villagedesk.storage.monitoring import CheckTaskRepo, MonitoringListRepo

    report = report_for(plan, dry_run=False)
    entries: list[MonitoringEntry] = [r.payload for r in plan.rows if r.action == ADD and r.payload]
    tasks = [
        CheckTask(
            list_uid=e.list_uid,
            entry_uid=e.uid,
            resident_uid=e.resident_uid,
            household_uid=e.household_uid,
            uncertain=e.match == MatchKind.UNCERTAIN,
        )
        for e in entries
        if e.resident_uid
    ]
    if progress:
        progress("write", 0, len(entries))
    lists, checks = MonitoringListRepo(db), CheckTaskRepo(db)
    with db.transaction():
        lists.add(plan.extra["list"])
        lists.add_entries(entries)
        checks.add_many(tasks)
    if progress:
        progress("write", len(entries), len(entries))
    report.written = {"monitoring_entries": len(entries), "check_tasks": len(tasks)}
    report.extra.update(monitoring_summary(plan))
    report.extra["list_uid"] = plan.extra["list"].uid
    return report


def monitoring_summary(plan: ImportPlan) -> dict:
    """Matched / uncertain / unmatched rows of a planned list, for reports."""
    entries = [(r, r.payload) for r in plan.rows if r.action == ADD and r.payload]
    lst = plan.extra["list"]
    return {
        "list": {"name": lst.name, "source": lst.source, "date": lst.list_date.isoformat()},
        "matched": sum(1 for _, e in entries if e.match == MatchKind.EXACT),
        "uncertain": [
            {"row": r.row_no, "name": e.name} for r, e in entries if e.match == MatchKind.UNCERTAIN
        ],
        "unmatched": [
            {"row": r.row_no, "name": e.name, "reason": e.reason}
            for r, e in entries
            if e.match == MatchKind.NONE
        ],
    }
