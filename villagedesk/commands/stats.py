"""``villagedesk stats``: the figures the township asks for."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers) -> None:
    """Add the ``stats`` command."""
    p = subparsers.add_parser("stats", help="统计数字（累计或某月）")
    p.add_argument("--month", metavar="YYYY-MM", help="某个月的数字（默认累计到今天）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run)


def format_table(fig: dict[str, Any], lang: str = "zh_CN") -> str:
    """The stats object as a readable two-column table."""
    i, aid, deeds = fig["issues"], fig["aid"], fig["deeds"]
    if lang == "en":
        rows = [
            ("Village", fig["village"] or "-"),
            ("Period", fig["month"] or "cumulative"),
            ("Households", fig["households"]),
            ("Residents", fig["residents"]),
            ("Visits", fig["visits"]),
            ("Households visited", fig["households_visited"]),
            ("Issues collected", i["collected"]),
            ("  solved", i["solved"]),
            ("  explained", i["explained"]),
            ("  tracking", i["tracking"]),
            ("  overdue", i["overdue"]),
            ("Aid records", aid["records"]),
            ("  cash (yuan)", aid["cash_yuan"]),
            ("  with goods", aid["goods_records"]),
            ("Deeds", f"{deeds['done']} done of {deeds['total']}"),
            ("Activities", fig["activities"]),
        ]
    else:
        period = fig["month"] and f"{fig['month'][:4]}年{int(fig['month'][5:])}月"
        rows = [
            ("村庄", fig["village"] or "（未设置）"),
            ("统计期间", period or "累计至今"),
            ("户数", fig["households"]),
            ("人数", fig["residents"]),
            ("走访次数", fig["visits"]),
            ("走访户数", fig["households_visited"]),
            ("收集问题", i["collected"]),
            ("  已解决", i["solved"]),
            ("  已解释", i["explained"]),
            ("  跟踪办理中", i["tracking"]),
            ("  其中逾期", i["overdue"]),
            ("慰问记录", aid["records"]),
            ("  慰问金（元）", aid["cash_yuan"]),
            ("  慰问品记录", aid["goods_records"]),
            ("为民办实事", f"{deeds['done']} / {deeds['total']} 项已完成"),
            ("活动", fig["activities"]),
        ]
    width = max(_display_width(k) for k, _ in rows)
    return "\n".join(f"{k}{' ' * (width - _display_width(k))}  {v}" for k, v in rows)


def _display_width(text: str) -> int:
    # CJK characters take two columns in a terminal
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def run(args: argparse.Namespace, ctx) -> int:
    """Print the stats object (JSON with --json)."""
    from villagedesk.services.figures import Month, monthly_figures

    month = Month.parse(args.month) if args.month else None  # bad month: exit 2 before opening
    db = ctx.open_db(create=False)
    fig = monthly_figures(db, month)
    if args.json:
        ctx.out(json.dumps(fig, ensure_ascii=False, indent=2))
    else:
        ctx.out(format_table(fig, ctx.lang))
    return 0
