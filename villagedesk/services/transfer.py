"""Every record as one JSON-ready dict (``dump``) and back into a database (``load``).

The format is described in ``docs/data-format.md``. ``load_records`` checks the whole file
first — every field, every reference, no uid already in the database, no template clashing
with a saved one — and then adds everything in one transaction: all of it, or nothing.
Version 2 added the monitoring lists (with their rows and check tasks) and the township
templates; version 1 files load as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING, Any

from villagedesk.core import records as r
from villagedesk.core.clock import now_iso
from villagedesk.core.monitoring import CheckTask, MonitoringEntry, MonitoringList
from villagedesk.core.serialize import from_dict, to_dict
from villagedesk.core.validation import ValidationError
from villagedesk.services.transfer_templates import (
    TemplatePlan,
    dump_templates,
    insert_templates,
    parse_templates,
    plan_templates,
)
from villagedesk.storage.bulk import (
    NewRecordRules,
    events_by_issue,
    existing_uids,
    insert_records,
    iter_records,
)
from villagedesk.storage.schema import KNOWN_MIGRATIONS, TABLES

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

FORMAT = "villagedesk-dump"
VERSION = 2

#: the record lists of a dump file, in the order they are written
KINDS: dict[str, type] = {
    "team_members": r.TeamMember,
    "groups": r.Group,
    "households": r.Household,
    "residents": r.Resident,
    "visits": r.Visit,
    "issues": r.Issue,
    "aid": r.Aid,
    "deeds": r.Deed,
    "activities": r.Activity,
    "diary": r.DiaryEntry,
    "attachments": r.Attachment,
    "monitoring_lists": MonitoringList,
    "monitoring_entries": MonitoringEntry,
    "check_tasks": CheckTask,
}
#: the record lists a version 1 file may hold
V1_KINDS = list(KINDS)[:11]
#: the order records are added in, so every reference points to a row already there
LOAD_ORDER = [
    "attachments", "team_members", "groups", "households", "residents",
    "visits", "issues", "aid", "deeds", "activities", "diary",
    "monitoring_lists", "monitoring_entries", "check_tasks",
]  # fmt: skip
#: list name -> [(field, list it refers to)]; member_uids is a list of uids
REFERENCES: dict[str, list[tuple[str, str]]] = {
    "team_members": [("photo_uid", "attachments")],
    "households": [("group_uid", "groups")],
    "residents": [("household_uid", "households")],
    "visits": [
        ("household_uid", "households"),
        ("group_uid", "groups"),
        ("member_uids", "team_members"),
    ],
    "issues": [("household_uid", "households"), ("group_uid", "groups"), ("visit_uid", "visits")],
    "aid": [("household_uid", "households"), ("resident_uid", "residents")],
    "diary": [("member_uid", "team_members")],
    "monitoring_entries": [
        ("list_uid", "monitoring_lists"),
        ("resident_uid", "residents"),
        ("household_uid", "households"),
    ],
    "check_tasks": [
        ("list_uid", "monitoring_lists"),
        ("entry_uid", "monitoring_entries"),
        ("resident_uid", "residents"),
        ("household_uid", "households"),
        ("visit_uid", "visits"),
        ("aid_uid", "aid"),
    ],
}
LABELS = {
    "team_members": ("工作队成员", "team members"),
    "groups": ("村民小组/网格", "groups"),
    "households": ("农户", "households"),
    "residents": ("村民", "residents"),
    "visits": ("走访记录", "visits"),
    "issues": ("问题", "issues"),
    "issue_events": ("问题办理记录", "issue events"),
    "aid": ("慰问记录", "aid records"),
    "deeds": ("为民办实事", "deeds"),
    "activities": ("活动", "activities"),
    "diary": ("驻村日志", "diary entries"),
    "attachments": ("照片", "photos"),
    "monitoring_lists": ("监测名单", "monitoring lists"),
    "monitoring_entries": ("名单人员", "list entries"),
    "check_tasks": ("核查任务", "check tasks"),
}
assert set(KINDS) == set(LOAD_ORDER) and all(TABLES[c] == k for k, c in KINDS.items())
assert V1_KINDS[-1] == "attachments"


def dump_records(db: Database, *, with_photos: bool = False) -> dict[str, Any]:
    """Every record (recycle bin included), the village profile and the township templates
    as a JSON-ready dict.

    Without photos the attachments are left out and team members' ``photo_uid`` is null,
    so the file stays self-consistent. Templates always go along: a few dozen KB each.
    """
    from villagedesk.storage.database import schema_version

    events = events_by_issue(db)
    out: dict[str, list[dict[str, Any]]] = {}
    for name, cls in KINDS.items():
        items: list[dict[str, Any]] = []
        if name == "attachments" and not with_photos:
            out[name] = items
            continue
        for record in iter_records(db, cls):
            item = to_dict(record, binary="base64")
            if name == "team_members" and not with_photos:
                item["photo_uid"] = None
            if name == "issues":
                item["events"] = [_event_dict(e) for e in events.get(record.uid, [])]
            items.append(item)
        out[name] = items
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now_iso(),
        "with_photos": with_photos,
        "schema": schema_version(db),
        "profile": to_dict(db.profile.get()),
        "records": out,
        "templates": dump_templates(db),
    }


def _event_dict(event: r.IssueEvent) -> dict[str, Any]:
    item = to_dict(event)
    del item["issue_uid"]  # it sits inside its issue
    return item


@dataclass
class LoadSummary:
    """What ``load_records`` added."""

    counts: dict[str, int] = field(default_factory=dict)  # list name -> records added
    profile_loaded: bool = False
    templates_added: int = 0
    templates_present: int = 0  # same name and content already in the database: skipped

    @property
    def total(self) -> int:
        """Records added, issue events not counted separately (templates are not records)."""
        return sum(n for k, n in self.counts.items() if k != "issue_events")

    @staticmethod
    def label(name: str, lang: str = "zh_CN") -> str:
        """The list's name for people."""
        zh, en = LABELS.get(name, (name, name))
        return en if lang == "en" else zh


@dataclass
class _Parsed:
    profile: r.VillageProfile | None
    records: dict[str, list[tuple[str, Any]]]  # list name -> [(where, record)]
    templates: list[tuple[str, Any]]  # [(where, Template)]


def load_records(db: Database, data: Any) -> LoadSummary:
    """Add the records of a dump to the database: all of them, or none (ValidationError)."""
    parsed = _parse(data)
    _check_uids(db, parsed)
    _check_references(db, parsed)
    return _insert(db, parsed, plan_templates(db, parsed.templates))


def _fail(where: str, message: str) -> ValidationError:
    return ValidationError(f"{where}：{message}", where)


def _parse(data: Any) -> _Parsed:
    if not isinstance(data, dict):
        raise ValidationError("文件内容应为一个 JSON 对象（驻村工作台导出文件）")
    if data.get("format") != FORMAT:
        raise _fail(
            "format", f"不是驻村工作台导出文件（应为 {FORMAT!r}，实际为 {data.get('format')!r}）"
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _fail("version", f"应为整数，实际为 {version!r}")
    if version > VERSION:
        raise _fail("version", f"文件格式版本 {version} 较新，请先升级驻村工作台")
    if version < 1:
        raise _fail("version", f"不支持的文件格式版本 {version}")
    schema = data.get("schema", [])
    if not isinstance(schema, list) or not all(isinstance(s, str) for s in schema):
        raise _fail("schema", "应为迁移名称的列表")
    newer = [s for s in schema if s not in KNOWN_MIGRATIONS]
    if newer:
        raise _fail("schema", f"文件由更新版本的驻村工作台导出（{', '.join(newer)}），请先升级软件")
    profile = None
    if data.get("profile") is not None:
        profile = from_dict(r.VillageProfile, data["profile"], where="profile")
    records = data.get("records")
    if not isinstance(records, dict):
        raise _fail("records", "缺失或不是对象")
    unknown = sorted(set(records) - set(KINDS))
    if unknown:
        raise _fail(
            "records", f"有未知的记录类别：{', '.join(unknown)}（可用：{', '.join(KINDS)}）"
        )
    if version == 1:
        newer_kinds = [k for k in records if k not in V1_KINDS]
        if newer_kinds:
            raise _fail(
                "records",
                f"{', '.join(newer_kinds)} 是文件格式版本 2 才有的记录类别，本文件的版本为 1",
            )
        if "templates" in data:
            raise _fail("templates", "文件格式版本 2 才有模板，本文件的版本为 1")
    parsed: dict[str, list[tuple[str, Any]]] = {name: [] for name in KINDS}
    for name, items in records.items():
        if not isinstance(items, list):
            raise _fail(f"records.{name}", "应为列表")
        for i, item in enumerate(items):
            where = f"records.{name}[{i}]"
            record = from_dict(KINDS[name], item, where=where, binary="base64")
            if name == "issues":
                record.events = _parse_events(record, item.get("events", []), where)
            elif "events" in item:
                raise _fail(where, "有未知字段：events")
            parsed[name].append((where, record))
    templates = parse_templates(data["templates"]) if "templates" in data else []
    return _Parsed(profile, parsed, templates)


def _parse_events(issue: r.Issue, items: Any, where: str) -> list[r.IssueEvent]:
    if not isinstance(items, list):
        raise _fail(f"{where}.events", "应为列表")
    events = []
    for j, item in enumerate(items):
        ew = f"{where}.events[{j}]"
        if not isinstance(item, dict):
            raise _fail(ew, "应为对象")
        if item.get("issue_uid", issue.uid) != issue.uid:
            raise _fail(f"{ew}.issue_uid", "与所属问题的 uid 不一致")
        events.append(from_dict(r.IssueEvent, {**item, "issue_uid": issue.uid}, where=ew))
    return events


def _check_uids(db: Database, parsed: _Parsed) -> None:
    """No uid twice in the file, none already in the database."""
    lists = dict(parsed.records)
    lists["issue_events"] = [
        (f"{where}.events[{j}]", e)
        for where, issue in parsed.records["issues"]
        for j, e in enumerate(issue.events)
    ]
    for name, items in lists.items():
        seen: dict[str, str] = {}
        for where, record in items:
            if not record.uid.strip():
                raise _fail(f"{where}.uid", "不能为空")
            if record.uid in seen:
                raise _fail(
                    f"{where}.uid", f"uid {record.uid} 在文件中重复（另见 {seen[record.uid]}）"
                )
            seen[record.uid] = where
        clash = existing_uids(db, name, seen)
        if clash:
            uid = next(u for u in seen if u in clash)
            raise _fail(
                f"{seen[uid]}.uid", f"记录 uid {uid} 已存在于数据库中（这些记录可能已经导入过）"
            )


def _check_references(db: Database, parsed: _Parsed) -> None:
    """Every uid a record points to is in the file or already in the database."""
    in_file = {name: {rec.uid for _, rec in items} for name, items in parsed.records.items()}
    table_of_kind = {repo.kind: repo.table_name for repo in db.repositories().values()}
    wanted: list[tuple[str, str, str]] = []  # (where, target list, uid)
    for name, items in parsed.records.items():
        for where, record in items:
            for fname, target in REFERENCES.get(name, []):
                value = getattr(record, fname)
                values = value if isinstance(value, list) else [value]
                for k, uid in enumerate(values):
                    loc = f"{where}.{fname}" + (f"[{k}]" if isinstance(value, list) else "")
                    if uid == "":  # it would break the table's foreign key, with no place
                        optional = value is None or _nullable(type(record), fname)
                        raise _fail(loc, "不能为空" + ("（不引用时写 null）" if optional else ""))
                    if uid:
                        wanted.append((loc, target, uid))
            if name == "attachments" and record.owner_kind in table_of_kind:
                wanted.append(
                    (f"{where}.owner_uid", table_of_kind[record.owner_kind], record.owner_uid)
                )
    missing = [(w, t, u) for w, t, u in wanted if u not in in_file.get(t, ())]
    in_db = {
        target: existing_uids(db, target, (u for _, t, u in missing if t == target))
        for target in dict.fromkeys(t for _, t, _ in missing)
    }
    for where, target, uid in missing:  # the first in the file's order is the one reported
        if uid not in in_db[target]:
            raise _fail(where, f"引用的{LoadSummary.label(target)} {uid} 在文件和数据库中都不存在")


@cache
def _nullable(cls: type, name: str) -> bool:
    """Whether a reference field may be null (its default is None)."""
    return next(f.default for f in fields(cls) if f.name == name) is None


def _insert(db: Database, parsed: _Parsed, templates: TemplatePlan) -> LoadSummary:
    from villagedesk.storage.search_bulk import add_name_keys

    repos = {repo.table_name: repo for repo in db.repositories().values()}
    summary = LoadSummary()
    with db.transaction():
        # the repositories' rules (unique numbers, ID check digit …) for the whole file
        # first, each record seeing the database and the records before it; records in the
        # recycle bin were checked when they were saved and may point at deleted records
        rules = NewRecordRules(db)
        for name in LOAD_ORDER:
            for where, record in parsed.records[name]:
                if record.deleted_at is not None:
                    rules.note_deleted(name, record)
                else:
                    try:
                        rules.check(name, record)
                    except ValidationError as err:
                        loc = f"{where}.{err.field}" if err.field else where
                        raise _fail(loc, err.message) from None
        for name in LOAD_ORDER:
            records = [record for _, record in parsed.records[name]]
            insert_records(db, records, kind=repos[name].kind)
            summary.counts[name] = len(records)
            if name == "issues":
                events = [e for issue in records for e in issue.events]
                insert_records(db, events, kind="issue_event")
                if records:
                    summary.counts["issue_events"] = len(events)
        add_name_keys(
            db.su,
            [
                *(("household", h.uid, h.head_name) for _, h in parsed.records["households"]),
                *(("resident", p.uid, p.name) for _, p in parsed.records["residents"]),
            ],
        )
        # people read the counts in the file's order, each issue's events after the issues
        order = [*KINDS, "issue_events"]
        summary.counts = {k: summary.counts[k] for k in order if k in summary.counts}
        insert_templates(db, templates)
        summary.templates_added = len(templates.new)
        summary.templates_present = len(templates.present)
        if parsed.profile is not None and not db.profile.exists():
            db.profile.save(parsed.profile)
            summary.profile_loaded = True
    return summary
