"""``villagedesk export KIND [NAME] [--month YYYY-MM] -o OUT [--show-ids]``: the township's files.

KIND: ledger (.xlsx), report, cards, household, aid-sheet (.pdf), template NAME (a saved
township form filled for the month, .xlsx; NAME also as ``--name``). Every writer writes to a
temp file beside OUT and moves it into place, so a failed export leaves nothing behind.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

KINDS = ("ledger", "report", "cards", "household", "aid-sheet", "template")

#: kind -> (module, function) of writers built elsewhere; loaded only when asked for
_OTHER_WRITERS = {
    "report": ("villagedesk.services.report_pdf", "write_monthly_report"),
    "cards": ("villagedesk.services.cards_pdf", "write_contact_cards"),
    "household": ("villagedesk.services.household_pdf", "write_household_files"),
    "template": ("villagedesk.services.templates", "fill_template"),
}


def register(subparsers) -> None:
    """Add the ``export`` command."""
    p = subparsers.add_parser(
        "export",
        help="导出台账、报告、联系卡、一户一档、慰问发放登记表",
        description="导出给乡镇的文件：ledger 月度台账(.xlsx)、report 月度工作报告、cards 便民联系卡、"
        "household 一户一档、aid-sheet 慰问金/物资发放登记表(.pdf)、"
        "template NAME 用保存的乡镇模板填表(.xlsx，模板见 villagedesk template list)。",
    )
    p.add_argument("kind", choices=KINDS, metavar="KIND", help="、".join(KINDS))
    p.add_argument("template_name", nargs="?", metavar="NAME", help="template：模板名称")
    p.add_argument("--name", metavar="NAME", help="template：模板名称（同 NAME）")
    p.add_argument("--month", metavar="YYYY-MM", help="月份（默认本月）")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="输出文件")
    p.add_argument("--show-ids", action="store_true", help="显示完整身份证号码（默认打码）")
    p.add_argument("--household", metavar="NO", help="household：只导出这一户（户编号）")
    p.add_argument("--per-household", action="store_true", help="cards：每户一张，印上户主和户编号")
    p.add_argument(
        "--back", action="store_true", help="cards：每页之后加印背面（常用办事指南），用于双面打印"
    )
    p.set_defaults(handler=run)


class _Progress:
    """Progress on stderr, at most every tenth, so a long export shows it is working."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < 2000:  # quick exports stay quiet
            return
        tenth = done * 10 // max(total, 1)
        if tenth != self.shown:
            self.shown = tenth
            self.ctx.say(f"正在导出… {tenth * 10}%", f"Exporting… {tenth * 10}%", err=True)


def _other_writer(kind: str, ctx):
    module_name, func = _OTHER_WRITERS[kind]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        ctx.fail("该导出功能尚未提供", "This export is not available yet", 1)
    writer = getattr(module, func, None)
    if writer is None:
        ctx.fail("该导出功能尚未提供", "This export is not available yet", 1)
    return writer


def _check_output(out: Path, ctx) -> None:
    # refuse before opening the database; the writers check again when they write
    if out.is_dir():
        ctx.fail(
            f"无法写入文件 {out}：这是一个文件夹，请指定文件名",
            f"Cannot write {out}: it is a folder",
            1,
        )
    if not out.parent.is_dir():
        ctx.fail(
            f"无法写入文件 {out}：文件夹 {out.parent} 不存在",
            f"Cannot write {out}: the folder {out.parent} does not exist",
            1,
        )


def run(args: argparse.Namespace, ctx) -> int:
    """Write the asked-for file; exit 2 for a bad month, 1 when it cannot be written."""
    from villagedesk.core.clock import today
    from villagedesk.services.figures import Month

    month = Month.parse(args.month) if args.month else Month.of(today())  # bad month: exit 2
    out = Path(args.output).expanduser().absolute()
    _check_output(out, ctx)
    mask = False if args.show_ids else None  # None: the profile's setting (masked by default)
    kind = args.kind
    name = args.name or args.template_name
    if kind == "template" and not name:
        ctx.fail(
            "请指定模板名称：villagedesk export template 名称 -o 输出.xlsx",
            "Name the template: villagedesk export template NAME -o OUT.xlsx",
            2,
        )
    if kind != "template" and name:
        ctx.fail("只有 template 需要名称", "Only the template kind takes a NAME", 2)
    writer = None
    if kind not in ("ledger", "aid-sheet"):
        writer = _other_writer(kind, ctx)  # before opening the db: a missing writer changes nothing
    db = ctx.open_db(readonly=True, create=False)
    if kind == "ledger":
        from villagedesk.services.ledger_xlsx import write_monthly_ledger

        path = write_monthly_ledger(db, month, out, mask_ids=mask, progress=_Progress(ctx))
    elif kind == "aid-sheet":
        from villagedesk.services.aid_sheet import write_aid_sheet

        path = write_aid_sheet(db, month, out, mask_ids=mask)
    elif kind == "report":
        path = writer(db, month, out, mask_ids=mask)
    elif kind == "cards":
        path = writer(db, out, per_household=args.per_household, back=args.back)
    elif kind == "household":
        path = writer(db, out, household_no=args.household, mask_ids=mask)
    else:
        path = writer(db, name, month, out, mask_ids=mask, progress=_Progress(ctx))
    path = Path(path or out)
    ctx.say(f"已导出：{path}", f"Exported: {path}")
    return 0
