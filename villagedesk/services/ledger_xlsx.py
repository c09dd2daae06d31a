"""The monthly ledger workbook (月度台账) the township asks for, one sheet per ledger.

Sheets and which rows they hold:

- 汇总: the month's and the cumulative figures, exactly ``figures.monthly_figures``.
- 走访台账 / 帮扶慰问台账 (with a 合计 row) / 活动会议 / 驻村日志: the records dated in the month.
- 问题台账: issues collected in the month, plus every issue still tracking at the month's end
  (carried over from earlier months), plus those concluded (办结) in the month; each with its
  latest status. An issue tracking and past its deadline at the month's end (or today, if
  earlier) reads "办理中（逾期）" in a red cell.
- 为民办实事: the whole deeds list (it is a standing list, not a monthly one).

Written with openpyxl's write-only mode (streamed, fast) to a temp file beside the target,
then moved into place, so a failed export leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.validation import mask_id_number
from villagedesk.services.figures import Month, monthly_figures
from villagedesk.services.ledger_data import load_month
from villagedesk.services.pdf_common import atomic_output
from villagedesk.services.xlsx_style import NO_RECORDS, Column, FormSheet, Styles

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

Progress = Callable[[int, int], None]

SUMMARY_SHEET = "汇总"
SHEET_NAMES = ("汇总", "走访台账", "问题台账", "帮扶慰问台账", "为民办实事", "活动会议", "驻村日志")

VISIT_COLUMNS = [
    Column("序号", 6, "center"),
    Column("走访日期", 11.5, "date"),
    Column("走访对象\n(户主)", 10, "center"),
    Column("村民小组", 9, "center"),
    Column("走访方式", 7, "center"),
    Column("走访人员", 10, "center"),
    Column("家庭基本情况", 26),
    Column("困难和诉求", 26),
    Column("现场处置或解释", 24),
    Column("是否转入问题台账 / 下一步", 20),
    Column("备注", 12),
]
ISSUE_COLUMNS = [
    Column("序号", 5, "center"),
    Column("编号", 9, "center"),
    Column("登记日期", 11.5, "date"),
    Column("来源渠道", 7, "center"),
    Column("反映人", 8, "center"),
    Column("村民小组", 8, "center"),
    Column("问题类别", 8, "center"),
    Column("诉求事项", 24),
    Column("办理层级", 9, "center"),
    Column("办理方式", 7, "center"),
    Column("责任人", 8, "center"),
    Column("办理时限", 11.5, "date"),
    Column("办理进展", 20),
    Column("办结日期", 11.5, "date"),
    Column("办理结果", 20),
    Column("回访情况及满意度", 16),
    Column("状态", 12, "center"),
    Column("是否销号", 7, "center"),
]
AID_COLUMNS = [
    Column("序号", 6, "center"),
    Column("日期", 11.5, "date"),
    Column("对象(户主)", 12, "center"),
    Column("身份证号码", 21, "center"),
    Column("村民小组", 9, "center"),
    Column("困难类别", 12, "center"),
    Column("慰问类型", 9, "center"),
    Column("慰问金(元)", 12, "money"),
    Column("物品及数量", 18),
    Column("资金来源", 14),
    Column("慰问人", 13, "center"),
    Column("领取人签字", 12, "center"),
    Column("备注", 14),
]
DEED_COLUMNS = [
    Column("序号", 6, "center"),
    Column("事项名称", 18),
    Column("领域", 9, "center"),
    Column("具体举措", 26),
    Column("预期目标", 20),
    Column("责任人", 9, "center"),
    Column("完成时限", 11.5, "date"),
    Column("办理方式", 8, "center"),
    Column("完成情况", 22),
    Column("受益户(人)数", 9, "int"),
    Column("投入资金(元)", 13, "money"),
    Column("是否销号", 7, "center"),
]
ACTIVITY_COLUMNS = [
    Column("序号", 6, "center"),
    Column("日期", 11.5, "date"),
    Column("类型", 10, "center"),
    Column("主题", 26),
    Column("地点", 16),
    Column("参加人数", 9, "int"),
    Column("主要内容", 50),
]
DIARY_COLUMNS = [
    Column("序号", 6, "center"),
    Column("日期", 11.5, "date"),
    Column("星期", 7, "center"),
    Column("人员", 10, "center"),
    Column("在村/外出/请假", 12, "center"),
    Column("工作内容", 70),
]

#: (label, path into the figures dict, how the month's figure is counted)
SUMMARY_ITEMS: list[tuple[str, tuple[str, ...], str]] = [
    ("农户数", ("households",), "现有农户（不含已删除）"),
    ("村民数", ("residents",), "现有村民"),
    ("走访次数", ("visits",), "入户、电话、座谈走访"),
    ("走访户数", ("households_visited",), "走访到的不同农户"),
    ("收集问题", ("issues", "collected"), "本月登记的问题"),
    ("已解决", ("issues", "solved"), "本月办结且已解决"),
    ("已解释", ("issues", "explained"), "本月办结、已向群众解释"),
    ("跟踪中", ("issues", "tracking"), "月末仍在办理（已登记、办理中）"),
    ("逾期", ("issues", "overdue"), "跟踪中且超过办理时限"),
    ("慰问记录", ("aid", "records"), "慰问金、慰问品、助学等"),
    ("慰问金(元)", ("aid", "cash_yuan"), "慰问金额合计"),
    ("物资发放", ("aid", "goods_records"), "有物品发放的慰问记录"),
    ("为民办实事（总数）", ("deeds", "total"), "为民办实事清单事项"),
    ("为民办实事（已完成）", ("deeds", "done"), "截至月末已完成"),
    ("活动会议", ("activities",), "座谈会、志愿服务等活动"),
]


def _pick(figures: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = figures
    for key in path:
        value = value[key]
    # cash arrives as "1234.50": a number in the cell, never a rounded float of fen
    return float(Decimal(value)) if isinstance(value, str) else value


def write_monthly_ledger(
    db: Database,
    month: Month | str,
    out_path: str | os.PathLike[str],
    *,
    mask_ids: bool | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the month's ledger workbook to ``out_path`` (atomically) and return its path."""
    from openpyxl import Workbook

    m = month if isinstance(month, Month) else Month.parse(month)
    today = today or clock_today()
    profile = db.profile.get()
    if mask_ids is None:
        mask_ids = profile.mask_ids
    target = Path(out_path).expanduser().absolute()
    with atomic_output(target) as tmp:
        data = load_month(db, m, today=today)
        total = data.count() + 1
        done = 0

        def step(n: int = 1) -> None:
            nonlocal done
            done += n
            if progress is not None and (done % 500 == 0 or done >= total):
                progress(min(done, total), total)

        wb = Workbook(write_only=True)
        styles = Styles(wb)
        village = profile.village or "本村"
        span = f"（{m.chinese()}）"

        def sheet(name: str, title: str, columns: list[Column]) -> FormSheet:
            return FormSheet(
                wb,
                styles,
                name=name,
                title=title,
                columns=columns,
                profile=profile,
                filled_on=today,
            )

        _summary(
            sheet(
                SUMMARY_SHEET,
                f"{village}驻村工作队工作情况汇总表{span}",
                _summary_columns(m, today),
            ),
            db,
            m,
            today,
        )
        step()

        s = sheet("走访台账", f"{village}驻村工作队走访台账{span}", VISIT_COLUMNS)
        for values in data.visit_rows():
            s.row(values)
            step()
        _close(s)

        s = sheet("问题台账", f"{village}驻村工作队问题台账{span}", ISSUE_COLUMNS)
        status_col = len(ISSUE_COLUMNS) - 2
        for values, overdue in data.issue_rows():
            s.row(values, overdue_cols=(status_col,) if overdue else ())
            step()
        _close(s, "本月无登记、办理中或办结的问题")
        if data.issues:
            s.note(
                "说明：含本月登记的问题、截至月末仍在办理的问题和本月办结的问题；状态为填报时的最新状态。"
            )

        s = sheet("帮扶慰问台账", f"{village}驻村工作队帮扶慰问台账{span}", AID_COLUMNS)
        mask = mask_id_number if mask_ids else (lambda text: text)
        for values in data.aid_rows(mask):
            s.row(values)
            step()
        if data.aid:
            cash = sum(a.amount_fen for a in data.aid)
            totals: list[Any] = ["合计", None, f"{len(data.aid)} 人次"] + [None] * (
                len(AID_COLUMNS) - 3
            )
            totals[7] = cash / 100
            s.total_row(totals)
        _close(s, "本月无慰问记录")

        s = sheet(
            "为民办实事", f"{village}驻村工作队为民办实事清单（截至{m.chinese()}）", DEED_COLUMNS
        )
        for values in data.deed_rows():
            s.row(values)
            step()
        _close(s, "暂无为民办实事事项")

        s = sheet("活动会议", f"{village}驻村工作队活动会议记录{span}", ACTIVITY_COLUMNS)
        for values in data.activity_rows():
            s.row(values)
            step()
        _close(s)

        s = sheet("驻村日志", f"{village}驻村工作队驻村日志及考勤{span}", DIARY_COLUMNS)
        for values in data.diary_rows():
            s.row(values)
            step()
        _close(s)
        attendance = data.attendance()
        if attendance:
            s.blank()
            s.plain_row(["序号", "人员", "在村天数", "外出天数", "请假天数", "说明"], bold=True)
            for i, (name, counts) in enumerate(attendance, 1):
                s.plain_row(
                    [
                        i,
                        name,
                        counts["在村"],
                        counts["外出"],
                        counts["请假"],
                        "按驻村日志统计（五天四夜）",
                    ],
                    ["center", "center", "int", "int", "int", "text"],
                )
        wb.save(tmp)
        if progress is not None:
            progress(total, total)
    return target


def _close(sheet: FormSheet, empty_text: str = NO_RECORDS) -> None:
    if sheet.serial == 0:
        sheet.empty_row(empty_text)


def _summary_columns(m: Month, today: date) -> list[Column]:
    asof = min(m.last, today)
    return [
        Column("序号", 6, "center"),
        Column("项目", 22, "center"),
        Column(f"本月\n（{m.chinese()}）", 16, "int"),
        Column(f"累计\n（截至{today.isoformat()}）", 18, "int"),
        Column(f"本月口径说明（月末按 {asof.isoformat()} 计）", 40),
    ]


def _summary(sheet: FormSheet, db: Database, m: Month, today: date) -> None:
    month_figures = monthly_figures(db, m, today=today)
    cumulative = monthly_figures(db, None, today=today)
    for label, path, note in SUMMARY_ITEMS:
        money = path == ("aid", "cash_yuan")
        sheet.row(
            [label, _pick(month_figures, path), _pick(cumulative, path), note],
            kinds={2: "money", 3: "money"} if money else None,
        )
