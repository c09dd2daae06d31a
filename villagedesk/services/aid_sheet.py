"""The aid sign-off sheet (慰问金/物资发放登记表): printed, handed round, signed on paper.

A4 landscape; the table repeats its header on every page and its rows are tall enough to
sign in; a 合计 row, then the 填报人 / 审核人 / 负责人 lines. Every page carries the
"内部资料 注意保密" mark and "第 N 页 共 M 页".
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from villagedesk.core.clock import today as clock_today
from villagedesk.core.validation import format_fen, mask_id_number
from villagedesk.services.figures import Month
from villagedesk.services.ledger_data import load_month
from villagedesk.services.pdf_common import (
    atomic_output,
    cell,
    make_doc,
    styles,
    table_style,
    unit_line,
)

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

#: (header, width in mm) — 267 mm of usable width on A4 landscape with 15 mm margins
COLUMNS = [
    ("序号", 11),
    ("日期", 21),
    ("对象(户主)", 33),
    ("村民小组", 17),
    ("困难类别", 20),
    ("慰问金(元)", 21),
    ("物品及数量", 31),
    ("资金来源", 26),
    ("慰问人", 24),
    ("领取人签字", 33),
    ("备注", 30),
]
SIGN_ROW_HEIGHT_MM = 12  # room for a signature and a thumbprint


def write_aid_sheet(
    db: Database,
    month: Month | str,
    out_path: str | os.PathLike[str],
    *,
    mask_ids: bool | None = None,
    today: date | None = None,
) -> Path:
    """Write the month's aid sign-off sheet as PDF (atomically) and return its path."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table

    m = month if isinstance(month, Month) else Month.parse(month)
    today = today or clock_today()
    profile = db.profile.get()
    if mask_ids is None:
        mask_ids = profile.mask_ids
    mask = mask_id_number if mask_ids else (lambda text: text)
    target = Path(out_path).expanduser().absolute()
    title = f"{profile.village or '本村'}慰问金/物资发放登记表（{m.chinese()}）"
    with atomic_output(target) as tmp:
        data = load_month(db, m, today=today, aid_only=True)
        st = styles()
        doc = make_doc(tmp, landscape=True, title=title, profile=profile)
        story: list = [
            Paragraph(title, st["title"]),
            Table(
                [
                    [
                        cell(f"填报单位：{unit_line(profile)}", st["body"]),
                        cell(f"填报日期：{today.isoformat()}", st["right"]),
                    ]
                ],
                colWidths=[doc.width * 0.6, doc.width * 0.4],
                style=[("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (-1, 0), (-1, 0), 0)],
            ),
            Spacer(1, 3 * mm),
        ]
        head = [cell(h, st["head"]) for h, _ in COLUMNS]
        rows: list[list] = [head]
        heights: list[float | None] = [None]
        for n, a in enumerate(data.aid, 1):
            who = escape(data.aid_object(a))
            id_number = data.aid_id_number(a)
            if id_number:  # smaller, so the 18 characters stay on one line
                who += f'<br/><font size="7.5">{escape(mask(id_number))}</font>'
            rows.append(
                [
                    cell(n, st["cell_center"]),
                    cell(a.date.isoformat(), st["cell_center"]),
                    Paragraph(who, st["cell_center"]),
                    cell(data.group_of(a.household_uid), st["cell_center"]),
                    cell(a.hardship, st["cell_center"]),
                    cell(
                        format_fen(a.amount_fen, symbol=False) if a.amount_fen else "",
                        st["cell_right"],
                    ),
                    cell(data.goods_text(a), st["cell"]),
                    cell(a.funding_source, st["cell"]),
                    cell(a.given_by, st["cell_center"]),
                    "",
                    cell(a.notes, st["cell"]),
                ]
            )
            heights.append(SIGN_ROW_HEIGHT_MM * mm)
        if data.aid:
            cash = sum(a.amount_fen for a in data.aid)
            goods = sum(1 for a in data.aid if a.goods)
            total = ["合计", "", f"{len(data.aid)} 人次", "", "", format_fen(cash, symbol=False)]
            total += [f"物品 {goods} 份" if goods else "", "", "", "", ""]
            rows.append(
                [
                    cell(v, st["cell_right"] if i == 5 else st["cell_center"])
                    for i, v in enumerate(total)
                ]
            )
            heights.append(9 * mm)
        else:
            rows.append([cell("本月无慰问记录", st["cell_center"])] + [""] * (len(COLUMNS) - 1))
            heights.append(14 * mm)
        # the note and the signer line live inside the table (no grid) and the last rows are
        # NOSPLIT with them, so the 合计 and the signatures never land alone on a page
        grid_end = len(rows) - 1
        span = len(COLUMNS) - 1
        rows.append(
            [
                cell(
                    "说明：领取人本人签字（或按手印）；代领的请注明代领人姓名及与领取人关系。",
                    st["small"],
                )
            ]
            + [""] * span
        )
        heights.append(None)
        signer = [
            ("填报人", profile.filled_by),
            ("审核人", profile.reviewed_by),
            ("负责人", profile.responsible),
        ]
        signer_cells = [
            cell(f"{label}：{name or '＿＿＿＿＿＿'}", st["signer"]) for label, name in signer
        ]
        signer_cells.append(cell(f"日期：{today.isoformat()}", st["signer"]))
        groups = [(0, 3), (4, 6), (7, 8), (9, 10)]  # the columns each signer field spans
        signer_row: list = [""] * len(COLUMNS)
        for (first, _last), content in zip(groups, signer_cells, strict=True):
            signer_row[first] = content
        rows.append(signer_row)
        heights.append(12 * mm)
        table = Table(
            rows,
            colWidths=[w * mm for _, w in COLUMNS],
            rowHeights=heights,
            repeatRows=1,
            hAlign="CENTER",
        )
        ts = table_style(total_row=bool(data.aid), last_row=grid_end)
        if not data.aid:
            ts.add("SPAN", (0, 1), (-1, 1))
        else:
            ts.add("SPAN", (0, grid_end), (1, grid_end))
        ts.add("SPAN", (0, grid_end + 1), (-1, grid_end + 1))
        for first, last in groups:
            ts.add("SPAN", (first, grid_end + 2), (last, grid_end + 2))
        ts.add("TOPPADDING", (0, grid_end + 1), (-1, grid_end + 1), 6)
        ts.add("NOSPLIT", (0, max(1, grid_end - 2)), (-1, -1))
        table.setStyle(ts)
        story.append(table)
        doc.build(story)
    return target
