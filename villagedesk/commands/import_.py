"""``villagedesk import KIND FILE``: bring an old spreadsheet in (all valid rows or nothing)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

KINDS = ("households", "residents", "visits", "issues", "aid", "monitoring")
_SHOW_REFUSED = 20


def register(subparsers) -> None:
    """Add the ``import`` command."""
    p = subparsers.add_parser(
        "import", help="从 Excel/CSV 表格导入农户、村民、走访、问题、慰问或监测比对名单"
    )
    p.add_argument(
        "kind",
        metavar="KIND",
        choices=KINDS,
        help="households, residents, visits, issues, aid, monitoring",
    )
    p.add_argument("file", metavar="FILE", help=".xlsx、.xls 或 .csv 文件")
    p.add_argument("--sheet", metavar="NAME", help="工作表名称（默认第一个）")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入数据库")
    p.add_argument("--json", action="store_true", help="以 JSON 输出报告")
    p.add_argument(
        "--duplicates",
        choices=("skip", "update", "keep-both"),
        default="skip",
        help="重复记录（同一身份证号码、户编号、问题编号）：跳过、更新或都保留（默认跳过）",
    )
    p.add_argument("--refused-out", metavar="FILE", help="把未导入的行及原因写入这个 .xlsx 文件")
    p.add_argument("--source", metavar="DEPT", help="monitoring：名单来源部门（默认文件名）")
    p.add_argument("--list-date", metavar="YYYY-MM-DD", help="monitoring：名单日期（默认今天）")
    p.add_argument("--list-name", metavar="NAME", help="monitoring：名单名称（默认文件名）")
    p.set_defaults(handler=run)


def _plan(db, args: argparse.Namespace, path: Path):
    from villagedesk.services.importing import plan_import, plan_monitoring_list

    duplicates = args.duplicates.replace("-", "_")
    if args.kind == "monitoring":
        from villagedesk.core.validation import parse_date

        return plan_monitoring_list(
            db,
            path,
            source=args.source or path.stem,
            list_date=parse_date(args.list_date) if args.list_date else None,
            name=args.list_name,
            sheet=args.sheet,
            duplicates=duplicates,
        )
    return plan_import(db, path, args.kind, sheet=args.sheet, duplicates=duplicates)


def run(args: argparse.Namespace, ctx) -> int:
    """Plan the import, then (unless --dry-run) write it; print the report."""
    from villagedesk.services.importing import commit_import, report_for, write_refused_rows

    path = Path(args.file).expanduser()
    if args.dry_run:
        db = ctx.open_db(readonly=True) if ctx.db_path.exists() else None
    else:
        db = ctx.open_db()
    plan = _plan(db, args, path)
    if args.dry_run:
        report = report_for(plan, dry_run=True)
        if plan.kind == "monitoring":
            from villagedesk.services.importing.monitoring_lists import monitoring_summary

            report.extra.update(monitoring_summary(plan))
    else:
        report = commit_import(db, plan)
    refused_file = None
    if args.refused_out and plan.refused:
        refused_file = Path(args.refused_out).expanduser()
        write_refused_rows(plan, refused_file)
    if args.json:
        data = report.to_json()
        data["refused_out"] = str(refused_file) if refused_file else None
        ctx.out(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    _say_report(ctx, report, refused_file)
    return 0


def _say_report(ctx, report, refused_file: Path | None) -> None:
    c = report.counts
    added = "、".join(f"{_LABELS.get(k, k)} {n}" for k, n in report.written.items() if n)
    if report.dry_run:
        ctx.say(
            f"检查完成（未写入）：可新增 {c['to_add']} 行，可更新 {c['to_update']} 行，"
            f"跳过 {c['skipped']} 行，未通过 {c['refused']} 行",
            f"Checked (nothing written): {c['to_add']} to add, {c['to_update']} to update, "
            f"{c['skipped']} skipped, {c['refused']} refused",
        )
    else:
        ctx.say(
            f"导入完成：新增 {c['to_add']} 行" + (f"（{added}）" if added else "")
            + f"，更新 {c['to_update']} 行，跳过 {c['skipped']} 行，未导入 {c['refused']} 行",
            f"Imported: {c['to_add']} rows added, {c['to_update']} updated, {c['skipped']} skipped, "
            f"{c['refused']} refused",
        )  # fmt: skip
    if "unmatched" in report.extra:
        ctx.say(
            f"名单匹配：身份证号码匹配 {report.extra['matched']} 人，按姓名匹配（待确认） "
            f"{len(report.extra['uncertain'])} 人，未匹配 {len(report.extra['unmatched'])} 人",
            f"Matched {report.extra['matched']}, uncertain {len(report.extra['uncertain'])}, "
            f"unmatched {len(report.extra['unmatched'])}",
        )
        for item in report.extra["unmatched"][:_SHOW_REFUSED]:
            ctx.say(
                f"  第 {item['row']} 行 {item['name']}：{item['reason']}",
                f"  row {item['row']}: {item['reason']}",
            )
    for item in report.refused[:_SHOW_REFUSED]:
        ctx.say(
            f"  第 {item['row']} 行：{item['reason']}", f"  row {item['row']}: {item['reason']}"
        )
    if len(report.refused) > _SHOW_REFUSED:
        more = len(report.refused) - _SHOW_REFUSED
        ctx.say(f"  …… 另有 {more} 行未导入", f"  … and {more} more")
    if refused_file:
        ctx.say(
            f"未导入的行及原因已保存到 {refused_file}，改正后可再次导入",
            f"The refused rows and reasons were saved to {refused_file}",
        )
    elif report.refused:
        ctx.say(
            "提示：加上 --refused-out 未导入.xlsx 可把这些行及原因保存下来，改正后再导入",
            "Hint: --refused-out FILE.xlsx saves these rows with their reasons",
        )


_LABELS = {
    "households": "户",
    "residents": "人",
    "groups": "村民小组",
    "visits": "条走访记录",
    "issues": "个问题",
    "aid": "条慰问记录",
    "monitoring_entries": "条名单记录",
    "check_tasks": "个核查任务",
}
