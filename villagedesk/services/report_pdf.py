"""The monthly work report (驻村工作月报) as an A4 PDF: figures, chart, issues, aid, deeds, activities.

The figures come from ``figures.monthly_figures`` (the ``stats`` object), so the report, the
ledger's 汇总 sheet and the dashboard never disagree.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.records import Aid, Issue
from villagedesk.core.validation import format_date_cn, format_fen

if TYPE_CHECKING:
    from villagedesk.services.figures import Month
    from villagedesk.storage.database import Database

MM = 72 / 25.4
CONTENT_W = 180 * MM  # A4 portrait less 15 mm margins
#: the report lists at most this many tracked issues (the ledger workbook has them all)
MAX_TRACKED_ROWS = 150
MAX_SOLVED_ROWS = 150


def _issues(
    db: Database, where: str, params: list[Any], order: str, limit: int
) -> tuple[list[Issue], int]:
    """The first ``limit`` issues matching, and how many match in all."""
    # Straight from the rows and only those printed: the report needs no timelines, and
    # decoding thousands of issues of a large township costs more than drawing the pages.
    from villagedesk.storage.repository import row_to_record

    cond = f"deleted_at is null and ({where})"
    total = db.execute(f"select count(*) from issues where {cond}", params).fetchone()[0]
    sql = f"select * from issues where {cond} order by {order} limit {int(limit)}"
    return [row_to_record(Issue, row) for row in db.query(sql, params)], total


def _household_names(db: Database) -> dict[str, str]:
    return {
        row["uid"]: row["head_name"] for row in db.query("select uid, head_name from households")
    }


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Story:
    """Flowables of the report and the helpers that make its sections look alike."""

    def __init__(self) -> None:
        from villagedesk.services.pdf_common import styles

        self.st = styles()
        self.items: list[Any] = []

    def heading(self, text: str) -> None:
        from reportlab.platypus import Paragraph

        self.items.append(Paragraph(text, self.st["heading"]))

    def note(self, text: str) -> None:
        from reportlab.platypus import Spacer

        from villagedesk.services.pdf_common import cell

        self.items.append(Spacer(1, 1.5 * MM))
        self.items.append(cell(text, self.st["body"]))

    def table(
        self,
        header: list[str],
        rows: list[list[Any]],
        widths_mm: list[float],
        *,
        total: bool = False,
        wrap: set[int] = frozenset(),
        extra: list[tuple] = (),
    ) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Table

        from villagedesk.services.pdf_common import cell, table_style

        head = [cell(h, self.st["head"]) for h in header]
        scale = CONTENT_W / (sum(widths_mm) * MM)
        room = [w * MM * scale - 6 for w in widths_mm]  # less the cell padding
        font = self.st["cell"].fontName

        def fits(text: str, col: int) -> bool:
            return stringWidth(text, font, 9) <= room[col]

        # Plain strings draw fast; a Paragraph only where the text would not fit its column.
        body = [
            [
                cell(v, self.st["cell"])
                if i in wrap or not fits(t := "" if v is None else str(v), i)
                else t
                for i, v in enumerate(r)
            ]
            for r in rows
        ]
        table = Table(
            [head, *body],
            colWidths=[w * MM * scale for w in widths_mm],
            repeatRows=1,
            hAlign="LEFT",
        )
        style = table_style(header_rows=1, total_row=total)
        for cmd in extra:
            style.add(*cmd)
        table.setStyle(style)
        self.items.append(table)


def _header(story: _Story, db: Database, m: Month, today: date) -> None:
    from reportlab.platypus import Paragraph, Table, TableStyle

    from villagedesk.core.enums import TeamRole
    from villagedesk.services.pdf_common import cell
    from villagedesk.services.pdf_fonts import register_pdf_font

    profile = db.profile.get()
    team = db.team.work_team()
    secretary = ", ".join(t.name for t in team if t.role == TeamRole.FIRST_SECRETARY) or "—"
    members = "、".join(f"{t.name}（{t.role.value}）" for t in team) or "—"
    village = profile.village or "本村"
    story.items.append(Paragraph(f"{village}驻村工作队{m.chinese()}工作报告", story.st["title"]))
    story.items.append(Paragraph(f"报告日期：{format_date_cn(today)}", story.st["subtitle"]))
    s = story.st["cell"]
    rows = [
        [cell("村", s), cell(profile.village, s), cell("乡镇", s), cell(profile.township, s),
         cell("县（区）", s), cell(profile.county, s)],
        [cell("派出单位", s), cell(profile.dispatching_unit, s), cell("第一书记", s),
         cell(secretary, s), cell("填报单位", s), cell(f"{village}驻村工作队", s)],
        [cell("工作队成员", s), cell(members, s), "", "", "", ""],
    ]  # fmt: skip
    widths = [w * MM for w in (22, 36, 20, 34, 24, 44)]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_pdf_font()),
                ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
                ("SPAN", (1, 2), (-1, 2)),
                ("BACKGROUND", (0, 0), (0, -1), "#F2F2F2"),
                ("BACKGROUND", (2, 0), (2, 1), "#F2F2F2"),
                ("BACKGROUND", (4, 0), (4, 1), "#F2F2F2"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story.items.append(table)


def _figures(story: _Story, db: Database, m: Month, today: date) -> None:
    from villagedesk.services.figures import monthly_figures

    month = monthly_figures(db, m, today=today)
    total = monthly_figures(db, None, today=today)
    story.heading("一、主要数据")
    mi, ti = month["issues"], total["issues"]
    rows = [
        ["农户（户）", "—", total["households"]],
        ["村民（人）", "—", total["residents"]],
        ["走访（次）", month["visits"], total["visits"]],
        ["走访农户（户）", month["households_visited"], total["households_visited"]],
        ["收集问题（件）", mi["collected"], ti["collected"]],
        ["解决问题（件）", mi["solved"], ti["solved"]],
        ["已解释（件）", mi["explained"], ti["explained"]],
        ["跟踪办理（件）", mi["tracking"], ti["tracking"]],
        ["其中逾期（件）", mi["overdue"], ti["overdue"]],
        ["帮扶慰问（次）", month["aid"]["records"], total["aid"]["records"]],
        ["慰问金（元）", month["aid"]["cash_yuan"], total["aid"]["cash_yuan"]],
        ["为民办实事（已完成/总数）", f"{month['deeds']['done']}/{month['deeds']['total']}",
         f"{total['deeds']['done']}/{total['deeds']['total']}"],
        ["活动会议（次）", month["activities"], total["activities"]],
    ]  # fmt: skip
    story.table(
        ["指标", f"本月（{m.chinese()}）", f"累计（截至{format_date_cn(today)}）"],
        rows,
        [70, 55, 55],
        extra=[("ALIGN", (1, 1), (-1, -1), "CENTER")],
    )
    story.note(
        "注：本月“跟踪办理”“其中逾期”为月末（或截至报告日）仍在办理的问题数；"
        "累计各项为建档以来的总数。"
    )


def _chart(story: _Story, db: Database, m: Month, today: date) -> None:
    from villagedesk.services.figures import monthly_series
    from villagedesk.services.pdf_chart import monthly_chart

    story.heading("二、近12个月工作情况")
    story.items.append(
        monthly_chart(monthly_series(db, months=12, today=min(m.last, today)), CONTENT_W, 62 * MM)
    )


def _solved(story: _Story, db: Database, m: Month, names: dict[str, str]) -> None:
    from villagedesk.services.figures import issue_figure_condition

    story.heading("三、本月解决的问题")
    # exactly the issues the figures table counts as solved this month
    where, params = issue_figure_condition("solved", m, m.last)
    solved, solved_count = _issues(db, where, params, "done_date, number", MAX_SOLVED_ROWS)
    if not solved:
        story.note("本月无已解决的问题。")
        return
    rows = [
        [i.number, names.get(i.household_uid or "", i.reporter), _short(i.description),
         i.done_date.isoformat() if i.done_date else "", _short(i.result)]
        for i in solved
    ]  # fmt: skip
    story.table(
        ["编号", "反映人", "诉求事项", "办结日期", "办理结果"],
        rows,
        [20, 18, 62, 22, 58],
        wrap={2, 4},
    )
    if solved_count > len(solved):
        story.note(
            f"本月共解决 {solved_count} 件，此处列出前 {MAX_SOLVED_ROWS} 件，完整清单见问题台账。"
        )


def _tracking(story: _Story, db: Database, m: Month, today: date, names: dict[str, str]) -> None:
    from villagedesk.services.figures import issue_figure_condition

    story.heading("四、仍在跟踪办理的问题")
    # exactly the issues the figures table counts as tracking at the month's end
    where, params = issue_figure_condition("tracking", m, today)
    tracked, tracked_count = _issues(
        db, where, params, "deadline is null, deadline, number", MAX_TRACKED_ROWS
    )
    if not tracked:
        story.note("本月末无仍在办理的问题。")
        return
    asof_day = min(m.last, today)
    rows, red = [], []
    for n, i in enumerate(tracked, start=1):
        late = i.deadline is not None and i.deadline < asof_day
        mark = f"逾期{(asof_day - i.deadline).days}天" if late else "未逾期"
        if late:
            red.append(n)
        rows.append(
            [i.number, names.get(i.household_uid or "", i.reporter), _short(i.description, 60),
             i.level.value if i.level else "未转办", i.owner,
             i.deadline.isoformat() if i.deadline else "—", mark]
        )  # fmt: skip
    extra = [("TEXTCOLOR", (6, r), (6, r), "#C00000") for r in red]
    story.table(
        ["编号", "反映人", "诉求事项", "办理层级", "责任人", "办理时限", "是否逾期"],
        rows,
        [19, 16, 55, 22, 16, 21, 19],
        wrap={2},
        extra=extra,
    )
    if tracked_count > len(tracked):
        story.note(
            f"共 {tracked_count} 件仍在办理，此处按办理时限列出前 {MAX_TRACKED_ROWS} 件，"
            "完整清单见问题台账。"
        )


def _aid(story: _Story, db: Database, m: Month, names: dict[str, str]) -> None:
    story.heading("五、本月帮扶慰问")
    records: list[Aid] = db.aid.between(m.first, m.last)
    if not records:
        story.note("本月无帮扶慰问记录。")
        return
    rows = [
        [n, a.date.isoformat(), names.get(a.household_uid or "", ""), a.kind.value, a.hardship,
         format_fen(a.amount_fen, symbol=False) if a.amount_fen else "",
         f"{a.goods}{' ' + a.quantity if a.quantity else ''}", a.given_by]
        for n, a in enumerate(records, start=1)
    ]  # fmt: skip
    total = sum(a.amount_fen for a in records)
    rows.append(["合计", "", f"{len(records)} 次", "", "", format_fen(total, symbol=False), "", ""])
    story.table(
        [
            "序号",
            "日期",
            "对象（户主）",
            "类别",
            "困难类别",
            "慰问金（元）",
            "物品及数量",
            "慰问人",
        ],
        rows,
        [11, 21, 22, 19, 19, 22, 40, 26],
        total=True,
        wrap={6},
        extra=[("ALIGN", (5, 1), (5, -1), "RIGHT"), ("SPAN", (0, -1), (1, -1))],
    )


def _deeds(story: _Story, db: Database) -> None:
    story.heading("六、为民办实事进展")
    deeds = db.deeds.find()
    if not deeds:
        story.note("尚无为民办实事事项。")
        return
    rows = [
        [n, d.title, d.area, d.owner, d.promised_date.isoformat() if d.promised_date else "",
         d.status.value, _short(d.progress, 60)]
        for n, d in enumerate(deeds, start=1)
    ]  # fmt: skip
    story.table(
        ["序号", "事项名称", "领域", "责任人", "完成时限", "完成情况", "进展"],
        rows,
        [11, 45, 20, 17, 22, 18, 47],
        wrap={1, 6},
    )


def _activities(story: _Story, db: Database, m: Month) -> None:
    story.heading("七、本月活动会议")
    items = db.activities.between(m.first, m.last)
    if not items:
        story.note("本月无活动会议记录。")
        return
    rows = [
        [
            n,
            a.date.isoformat(),
            a.kind.value,
            a.title,
            a.place,
            a.participants,
            _short(a.summary, 60),
        ]
        for n, a in enumerate(items, start=1)
    ]
    story.table(
        ["序号", "日期", "类型", "主题", "地点", "参加人数", "主要内容"],
        rows,
        [11, 21, 18, 40, 20, 16, 54],
        wrap={3, 6},
    )


def write_monthly_report(
    db: Database,
    month: Month | str,
    out_path: str | os.PathLike[str],
    *,
    mask_ids: bool | None = None,
    today: date | None = None,
) -> Path:
    """Write the monthly work report PDF (an empty month still gives a report saying so).

    ``mask_ids`` is accepted for the export command's uniform call; the report prints no ID
    numbers.
    """
    from reportlab.platypus import Spacer

    from villagedesk.services.figures import Month as MonthType
    from villagedesk.services.pdf_common import atomic_output, make_doc, signer_block

    m = month if isinstance(month, MonthType) else MonthType.parse(month)
    today = today or clock_today()
    profile = db.profile.get()
    names = _household_names(db)
    story = _Story()
    _header(story, db, m, today)
    _figures(story, db, m, today)
    _chart(story, db, m, today)
    _solved(story, db, m, names)
    _tracking(story, db, m, today, names)
    _aid(story, db, m, names)
    _deeds(story, db)
    _activities(story, db, m)
    story.items.append(Spacer(1, 6 * MM))
    story.items.append(signer_block(profile, on=today, width=CONTENT_W))
    target = Path(out_path).expanduser().absolute()
    with atomic_output(target) as tmp:
        doc = make_doc(
            tmp, landscape=False, title=f"驻村工作月报（{m.chinese()}）", profile=profile
        )
        doc.build(story.items)
    return target
