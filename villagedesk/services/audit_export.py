"""The audit log for people: filtered queries, readable changes, and an .xlsx for an inspection.

Each audit row says when, who, what and before/after (storage/audit.py). Here the field names
become Chinese, ID numbers are masked unless the caller asks otherwise, and the rows can be
written to a workbook that an inspector opens in Excel or WPS.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.records import AuditEntry
from villagedesk.core.validation import mask_id_number

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

KIND_NAMES = {
    "team_member": "工作队员",
    "group": "村民小组",
    "household": "户",
    "resident": "村民",
    "visit": "走访记录",
    "issue": "问题台账",
    "issue_event": "办理过程",
    "aid": "帮扶慰问",
    "deed": "为民办实事",
    "activity": "活动",
    "diary": "驻村日志",
    "attachment": "附件",
    "profile": "村情设置",
    "setting": "设置",
    "database": "数据库",
    "monitoring_list": "监测名单",
    "monitoring_entry": "监测名单条目",
    "check_task": "核查任务",
}
ACTION_NAMES = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "restore": "恢复",
}
FIELD_NAMES = {
    "name": "姓名",
    "head_name": "户主",
    "household_no": "户编号",
    "id_number": "证件号码",
    "phone": "电话",
    "address": "住址",
    "gender": "性别",
    "birth_date": "出生日期",
    "relation": "与户主关系",
    "person_no": "人编号",
    "ethnicity": "民族",
    "education": "文化程度",
    "health": "健康状况",
    "labour_skill": "劳动技能",
    "tags": "标签",
    "notes": "备注",
    "monitoring_type": "监测对象类型",
    "risk_causes": "风险类型",
    "risk_cleared": "风险是否消除",
    "living_status": "居住状况",
    "date": "日期",
    "way": "走访方式",
    "situation": "家庭基本情况",
    "needs": "困难和诉求",
    "handling": "现场处置",
    "next_step": "下一步",
    "number": "编号",
    "collected_date": "登记日期",
    "description": "诉求事项",
    "source": "来源渠道",
    "reporter": "反映人",
    "category": "问题类别",
    "status": "状态",
    "level": "办理层级",
    "handling_mode": "办理方式",
    "deadline": "办理时限",
    "owner": "责任人",
    "progress": "办理进展",
    "outcome": "办理结果",
    "result": "结果说明",
    "done_date": "办结日期",
    "satisfaction": "满意度",
    "follow_up": "回访情况",
    "closed_date": "销号日期",
    "amount_fen": "慰问金",
    "goods": "物品",
    "quantity": "数量",
    "hardship": "困难类别",
    "funding_source": "资金来源",
    "given_by": "慰问人",
    "title": "名称",
    "area": "领域",
    "measures": "具体举措",
    "goal": "预期目标",
    "promised_date": "完成时限",
    "beneficiaries": "受益户(人)数",
    "investment_fen": "投入资金",
    "kind": "类型",
    "place": "地点",
    "participants": "参加人数",
    "summary": "主要内容",
    "presence": "在村情况",
    "content": "工作内容",
    "role": "职务",
    "unit": "派出单位",
    "leader": "组长",
    "leader_phone": "组长电话",
    "filename": "文件名",
    "caption": "说明",
    "deleted_at": "删除时间",
    "value": "值",
    "from": "来自",
    "village": "村名",
    "township": "乡镇",
}
#: bookkeeping fields nobody inspects
HIDDEN_FIELDS = frozenset({"uid", "created_at", "updated_at", "search_key", "group_uid"})
_ID_RE = re.compile(r"(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}\d{7}[0-9Xx](?![0-9])")
#: what the viewer loads at most for one filter (the newest first)
DEFAULT_LIMIT = 5000


def field_name(key: str) -> str:
    """The Chinese name of a record field (the key itself when there is none)."""
    return FIELD_NAMES.get(key, key)


def kind_name(kind: str) -> str:
    """The Chinese name of a record kind."""
    return KIND_NAMES.get(kind, kind)


def action_name(action: str) -> str:
    """新建 / 修改 / 删除 / 恢复 (other actions as they are)."""
    return ACTION_NAMES.get(action, action)


def value_text(key: str, value: Any, *, mask: bool = True) -> str:
    """One field value as text for people; ID numbers masked when ``mask``."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list | tuple):
        text = "、".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False)
    elif key.endswith("_fen") and isinstance(value, int):
        from villagedesk.core.validation import format_fen

        text = format_fen(value)
    else:
        text = str(value)
    if key == "tags" and text.startswith("["):
        with contextlib.suppress(ValueError):
            text = "、".join(json.loads(text))
    if mask:
        if key == "id_number":
            return mask_id_number(text) or text
        text = _ID_RE.sub(lambda m: mask_id_number(m.group(0)), text)
    return text


@dataclass(frozen=True)
class Change:
    """One field of one audit row: its Chinese name, the value before and after."""

    field: str
    before: str
    after: str


def changes(entry: AuditEntry, *, mask: bool = True) -> list[Change]:
    """What an audit row changed, field by field (bookkeeping fields left out)."""
    before = entry.before or {}
    after = entry.after or {}
    keys = list(dict.fromkeys([*before, *after]))
    out = []
    for key in keys:
        if key in HIDDEN_FIELDS or key.endswith("_uid") or key.endswith("_uids"):
            continue
        b, a = before.get(key), after.get(key)
        if entry.action == "create" and a in (None, "", [], "[]", 0) and key not in before:
            continue  # a new record's empty fields say nothing
        out.append(
            Change(
                field_name(key),
                "" if key not in before else value_text(key, b, mask=mask),
                "" if key not in after else value_text(key, a, mask=mask),
            )
        )
    return out


def changes_text(entry: AuditEntry, side: str, *, mask: bool = True) -> str:
    """The ``before`` or ``after`` side of a row as lines ``字段：值``."""
    lines = []
    for c in changes(entry, mask=mask):
        value = c.before if side == "before" else c.after
        if value:
            lines.append(f"{c.field}：{value}")
    return "\n".join(lines)


def record_label(
    entry: AuditEntry, *, mask: bool = True, names: dict[str, dict] | None = None
) -> str:
    """A short name for the record a row is about (a name, number or title, else its id).

    An update row holds only the changed fields; ``names`` (from ``record_names``) supplies
    the record's name from when it was created.
    """
    data = {**(names or {}).get(entry.uid, {}), **(entry.before or {}), **(entry.after or {})}
    for key in (*_NAME_KEYS, "from"):
        value = data.get(key)
        if value:
            parts = [str(value)]
            if key == "household_no" and data.get("head_name"):
                parts.append(str(data["head_name"]))
            return value_text(key, " ".join(parts), mask=mask)
    return entry.uid[:8]


_NAME_KEYS = ("number", "household_no", "head_name", "name", "title", "date")


def record_names(db: Database, entries: Iterable[AuditEntry]) -> dict[str, dict]:
    """For rows that do not name their record: the naming fields of its creation row."""
    wanted = sorted(
        {
            e.uid
            for e in entries
            if e.uid and not any(k in {**(e.before or {}), **(e.after or {})} for k in _NAME_KEYS)
        }
    )
    found: dict[str, dict] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for uid, after in db.execute(
            f"select uid, after from audit where action = 'create' and uid in ({marks})", chunk
        ):
            with contextlib.suppress(ValueError, TypeError):
                data = json.loads(after)
                found[uid] = {k: data[k] for k in _NAME_KEYS if data.get(k)}
    return found


def query_entries(
    db: Database,
    *,
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[AuditEntry]:
    """Audit rows newest first, optionally within dates (inclusive) and of one kind."""
    where, params = [], []
    if since is not None:
        where.append("at >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("at < ?")
        params.append((until + timedelta(days=1)).isoformat())
    if kind:
        where.append("kind = ?")
        params.append(kind)
    sql = "select id, at, actor, action, kind, uid, before, after from audit"
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by id desc limit ? offset ?"
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    return [
        AuditEntry(
            id=r[0],
            at=r[1],
            actor=r[2] or "",
            action=r[3],
            kind=r[4],
            uid=r[5],
            before=json.loads(r[6]) if r[6] else None,
            after=json.loads(r[7]) if r[7] else None,
        )
        for r in rows
    ]


def audit_kinds(db: Database) -> list[str]:
    """The record kinds that appear in the log (for the viewer's filter)."""
    return [r[0] for r in db.execute("select distinct kind from audit order by kind")]


HEADERS = ("序号", "时间", "操作人", "操作", "类别", "记录", "修改前", "修改后")
WIDTHS = (6, 18, 10, 7, 11, 22, 45, 45)


def export_audit_xlsx(
    entries: Iterable[AuditEntry],
    out: str | os.PathLike[str],
    *,
    mask: bool = True,
    unit: str = "",
    period: str = "",
    today: date | None = None,
    names: dict[str, dict] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the rows to an .xlsx (title, 填报单位, bordered table, frozen header); atomic."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from villagedesk.core.clock import today as clock_today

    entries = list(entries)
    out = Path(out)
    wb = Workbook()
    ws = wb.active
    ws.title = "操作日志"
    ncol = len(HEADERS)
    ws.cell(1, 1, "操作日志（谁在何时修改了什么）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(1, 1).font = Font(size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    when = (today or clock_today()).isoformat()
    info = f"填报单位：{unit}" if unit else "填报单位："
    if period:
        info += f"    时间范围：{period}"
    info += f"    导出日期：{when}    共 {len(entries)} 条"
    if mask:
        info += "    （证件号码已隐去中间部分）"
    ws.cell(2, 1, info)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(3, col, title)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for n, entry in enumerate(entries, start=1):
        row = [
            n,
            entry.at.replace("T", " ")[:19],
            entry.actor,
            action_name(entry.action),
            kind_name(entry.kind),
            record_label(entry, mask=mask, names=names),
            changes_text(entry, "before", mask=mask),
            changes_text(entry, "after", mask=mask),
        ]
        for col, value in enumerate(row, start=1):
            cell = ws.cell(n + 3, col, value)
            # text is never a formula, whatever a villager's note starts with
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            cell.border = border
            cell.alignment = wrap
        if progress is not None and n % 200 == 0:
            progress(n, len(entries))
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.right.text = "内部资料 注意保密"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return out


__all__ = [
    "Change",
    "action_name",
    "audit_kinds",
    "changes",
    "changes_text",
    "export_audit_xlsx",
    "field_name",
    "kind_name",
    "query_entries",
    "record_label",
    "record_names",
    "value_text",
]
