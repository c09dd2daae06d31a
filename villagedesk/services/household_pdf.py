"""The household file (一户一档) as an A4 PDF: one household per page (or more), all in one file.

Field names follow the national monitoring system (户编号, 监测对象类型, 风险类型 …). ID numbers
are masked unless the caller or the village profile says otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.records import Aid, Household, Issue, Resident, Visit
from villagedesk.core.validation import ValidationError, age_on, format_fen, mask_id_number

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

MM = 72 / 25.4
CONTENT_W = 180 * MM

Progress = Callable[[int, int], None]


@dataclass
class _Folder:
    """What one household's file shows."""

    household: Household
    residents: list[Resident] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    aid: list[Aid] = field(default_factory=list)


def _rows(db: Database, cls: type, table: str, uids: list[str] | None, order: str) -> list[Any]:
    from villagedesk.storage.repository import row_to_record

    sql = f"select * from [{table}] where deleted_at is null and household_uid is not null"
    params: list[Any] = []
    if uids is not None:
        sql += f" and household_uid in ({','.join('?' * len(uids))})"
        params = list(uids)
    return [row_to_record(cls, row) for row in db.query(f"{sql} order by {order}", params)]


def _folders(db: Database, households: list[Household]) -> list[_Folder]:
    """Everything of the given households in four queries (not four per household)."""
    by_uid = {h.uid: _Folder(h) for h in households}
    uids = None if len(households) > 500 else list(by_uid)
    order_people = "case relation when '户主' then 0 else 1 end, birth_date, rowid"
    for kind, cls, table, order in (
        ("residents", Resident, "residents", order_people),
        ("visits", Visit, "visits", "date, created_at"),
        ("issues", Issue, "issues", "collected_date, number"),
        ("aid", Aid, "aid", "date, created_at"),
    ):
        for record in _rows(db, cls, table, uids, order):
            folder = by_uid.get(record.household_uid)
            if folder is not None:
                getattr(folder, kind).append(record)
    return [by_uid[h.uid] for h in households]


def _pairs_table(pairs: list[tuple[str, str]], st: dict[str, Any]) -> Any:
    """Label/value pairs two to a row, like the paper form."""
    from reportlab.platypus import Table, TableStyle

    from villagedesk.services.pdf_common import cell
    from villagedesk.services.pdf_fonts import register_pdf_font

    s = st["cell"]
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[i : i + 2]:
            row += [cell(label, s), cell(value, s)]
        rows.append(row + [""] * (4 - len(row)))
    table = Table(rows, colWidths=[w * MM for w in (26, 64, 26, 64)], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_pdf_font()),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("BACKGROUND", (0, 0), (0, -1), "#F2F2F2"),
                ("BACKGROUND", (2, 0), (2, -1), "#F2F2F2"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _grid(
    header: list[str],
    rows: list[list[Any]],
    widths_mm: list[float],
    st: dict,
    *,
    total: bool = False,
) -> Any:
    from reportlab.platypus import Table

    from villagedesk.services.pdf_common import cell, table_style

    scale = 180 / sum(widths_mm)
    data = [[cell(h, st["head"]) for h in header]]
    data += [[cell(v, st["cell"]) for v in r] for r in rows]
    table = Table(data, colWidths=[w * scale * MM for w in widths_mm], repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(header_rows=1, total_row=total))
    return table


def _household_story(
    f: _Folder,
    st: dict[str, Any],
    groups: dict[str, str],
    team: dict[str, str],
    *,
    mask: bool,
    today: date,
) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    h = f.household
    story: list[Any] = [
        Paragraph("一户一档", st["title"]),
        Paragraph(f"户编号：{h.household_no}　　户主：{h.head_name}", st["subtitle"]),
    ]
    pairs = [
        ("户编号", h.household_no),
        ("户主", h.head_name),
        ("人数", f"{len(f.residents)} 人"),
        ("村民小组", groups.get(h.group_uid or "", "")),
        ("地址", h.address),
        ("联系电话", h.phone),
        ("户类型", "、".join(t.value for t in h.tags) or "—"),
        ("监测对象类型", h.monitoring_type.value if h.monitoring_type else "—"),
        ("风险类型", "、".join(r.value for r in h.risk_causes) or "—"),
        ("风险是否消除", ("是" if h.risk_cleared else "否") if h.monitoring_type else "—"),
        ("居住状态", h.living_status.value),
        ("备注", h.notes),
    ]
    story.append(_pairs_table(pairs, st))

    story.append(Paragraph("家庭成员", st["heading"]))
    if f.residents:
        any_no = any(r.person_no for r in f.residents)
        rows = []
        for n, r in enumerate(f.residents, start=1):
            born = r.birth_date.isoformat() if r.birth_date else ""
            age = str(age_on(r.birth_date, today)) if r.birth_date and r.birth_date <= today else ""
            idn = mask_id_number(r.id_number) if mask else r.id_number
            row = [n, r.name, r.gender.value if r.gender else "", idn, r.relation.value, born, age,
                   r.ethnicity, r.education, r.health, r.labour_skill, "、".join(t.value for t in r.tags)]  # fmt: skip
            if any_no:
                row.insert(1, r.person_no)
            rows.append(row)
        header = ["序号", "姓名", "性别", "证件号码", "与户主关系", "出生日期", "年龄", "民族",
                  "文化程度", "健康状况", "劳动技能", "标签"]  # fmt: skip
        widths = [9, 14, 9, 37, 13, 20, 8, 10, 12, 14, 14, 20]
        if any_no:
            header.insert(1, "人编号")
            widths.insert(1, 16)
        story.append(_grid(header, rows, widths, st))
    else:
        story.append(Paragraph("未登记家庭成员。", st["body"]))

    story.append(Paragraph("走访记录", st["heading"]))
    if f.visits:
        rows = [
            [v.date.isoformat(), v.way.value, "、".join(team.get(u, "") for u in v.member_uids),
             v.situation, v.needs, "；".join(x for x in (v.handling, v.next_step) if x)]
            for v in f.visits
        ]  # fmt: skip
        story.append(
            _grid(["走访日期", "方式", "走访人员", "家庭情况", "困难和诉求", "处置及下一步"],
                  rows, [21, 10, 20, 45, 42, 42], st)
        )  # fmt: skip
    else:
        story.append(Paragraph("暂无走访记录。", st["body"]))

    story.append(Paragraph("问题诉求", st["heading"]))
    if f.issues:
        rows = [
            [i.number, i.collected_date.isoformat(), i.description, i.status.value,
             i.level.value if i.level else "", i.result or i.progress,
             "逾期" if i.is_overdue(today) else ""]
            for i in f.issues
        ]  # fmt: skip
        story.append(
            _grid(["编号", "登记日期", "诉求事项", "状态", "办理层级", "办理结果/进展", "逾期"],
                  rows, [19, 21, 52, 19, 19, 40, 10], st)
        )  # fmt: skip
    else:
        story.append(Paragraph("暂无问题诉求。", st["body"]))

    story.append(Paragraph("帮扶慰问", st["heading"]))
    if f.aid:
        rows = [
            [a.date.isoformat(), a.kind.value, a.hardship,
             format_fen(a.amount_fen, symbol=False) if a.amount_fen else "",
             f"{a.goods}{' ' + a.quantity if a.quantity else ''}", a.funding_source, a.given_by]
            for a in f.aid
        ]  # fmt: skip
        total = sum(a.amount_fen for a in f.aid)
        rows.append(["合计", f"{len(f.aid)} 次", "", format_fen(total, symbol=False), "", "", ""])
        story.append(
            _grid(["日期", "类别", "困难类别", "慰问金（元）", "物品及数量", "资金来源", "慰问人"],
                  rows, [21, 18, 20, 22, 40, 30, 25], st, total=True)
        )  # fmt: skip
    else:
        story.append(Paragraph("暂无帮扶慰问记录。", st["body"]))
    story.append(Spacer(1, 4 * MM))
    return story


def write_household_files(
    db: Database,
    out_path: str | os.PathLike[str],
    *,
    household_no: str | None = None,
    mask_ids: bool | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> Path:
    """Write 一户一档 for one household (by number) or every household, sorted by number."""
    from reportlab.platypus import PageBreak

    from villagedesk.services.pdf_common import atomic_output, make_doc, signer_block, styles

    profile = db.profile.get()
    mask = profile.mask_ids if mask_ids is None else mask_ids
    today = today or clock_today()
    if household_no is not None:
        one = db.households.by_number(household_no)
        if one is None:
            raise ValidationError(f"找不到户编号 {household_no.strip()} 的农户", "household_no")
        households = [one]
    else:
        households = list(db.households.iter(order_by="household_no"))
        if not households:
            raise ValidationError("还没有农户，无法生成一户一档")
    st = styles()
    groups = db.groups.names()
    team = {m.uid: m.name for m in db.team.find()}
    folders = _folders(db, households)
    story: list[Any] = []
    for n, folder in enumerate(folders, start=1):
        if story:
            story.append(PageBreak())
        story += _household_story(folder, st, groups, team, mask=mask, today=today)
        story.append(signer_block(profile, on=today, width=CONTENT_W))
        if progress is not None and (n % 20 == 0 or n == len(folders)):
            progress(n, len(folders))
    target = Path(out_path).expanduser().absolute()
    title = "一户一档" if household_no is None else f"一户一档（{households[0].household_no}）"
    with atomic_output(target) as tmp:
        make_doc(tmp, landscape=False, title=title, profile=profile).build(story)
    return target
