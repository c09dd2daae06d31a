"""``villagedesk template learn|list|delete``: the township's own forms, learned once.

``template learn FILE NAME --rows KIND [--tag TAG] [--map COL=FIELD …] [--sheet S] [--replace]``
reads a blank form, prints the header it found and each column's rule, and saves it;
``export template NAME --month M -o OUT.xlsx`` fills it. KIND: visits, issues-month,
issues-tracking, issues-all, aid, deeds, activities, diary, households:TAG, residents:TAG.
COL is a column letter (C), number (3) or header text; FIELD a field name or its Chinese
label, 序号, 空, or 文字:fixed text.
"""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    """Add the ``template`` command."""
    p = subparsers.add_parser(
        "template",
        help="乡镇报表模板：学习空白表格、列出、删除",
        description="学习乡镇发来的空白 Excel 表格（一次），以后每月用 "
        "villagedesk export template 名称 --month YYYY-MM -o 输出.xlsx 自动填表。",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", title="操作")
    sub.required = True
    learn = sub.add_parser("learn", help="学习一张空白表格并保存为模板")
    learn.add_argument("file", metavar="FILE", help="空白表格 (.xlsx)")
    learn.add_argument("name", metavar="NAME", help="模板名称")
    learn.add_argument(
        "--rows",
        metavar="KIND",
        help="表格列出什么：visits、issues-month、issues-tracking、issues-all、aid、deeds、"
        "activities、diary、households:标签、residents:标签（默认按表头猜）",
    )
    learn.add_argument("--tag", metavar="TAG", help="households/residents 的标签（如 独居老人）")
    learn.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COL=FIELD",
        help="改正某一列：列字母/列号/表头=字段名或中文名、序号、空、文字:内容（可多次）",
    )
    learn.add_argument("--sheet", metavar="SHEET", help="工作表名称（默认第一个）")
    learn.add_argument("--replace", action="store_true", help="替换同名的模板")
    sub.add_parser("list", help="列出保存的模板")
    delete = sub.add_parser("delete", help="删除一个模板")
    delete.add_argument("name", metavar="NAME", help="模板名称")
    p.set_defaults(handler=run)


def _describe(rule, source: str) -> str:
    from villagedesk.services.templates.fields import field_by_name

    if rule.rule == "field":
        f = field_by_name(source, rule.value)
        return f"{f.label if f else rule.value}（{rule.value}）"
    if rule.rule == "number":
        return "序号"
    if rule.rule == "text":
        return f"文字：{rule.value}"
    return "空"


def _print_columns(ctx, columns, source: str) -> None:
    from openpyxl.utils import get_column_letter

    for c in columns:
        ctx.out(f"  {get_column_letter(c.col):>3}  {c.header:<20}  → {_describe(c, source)}")


def run(args: argparse.Namespace, ctx) -> int:
    """Learn, list or delete templates."""
    from villagedesk.core.validation import ValidationError
    from villagedesk.services.templates import (
        ROW_SOURCES,
        delete_template,
        learn_template,
        list_templates,
        save_template,
    )

    if args.action == "list":
        db = ctx.open_db(readonly=True, create=False)
        templates = list_templates(db)
        if not templates:
            ctx.say("还没有保存任何模板", "No templates saved yet")
        for t in templates:
            ctx.out(f"{t.name}\t{t.describe_rows()}\t{t.filename}\t{t.updated_at[:10]}")
        return 0
    if args.action == "delete":
        db = ctx.open_db()
        delete_template(db, args.name)
        ctx.say(f"已删除模板：{args.name}", f"Deleted template: {args.name}")
        return 0

    draft = learn_template(args.file, sheet=args.sheet)  # bad file: exit 2, db untouched
    mapping: dict[str, str] = {}
    for item in args.map:
        col, sep, field = item.partition("=")
        if not sep or not col.strip():
            raise ValidationError(f"--map 应写成 列=字段（如 C=走访日期），实际为“{item}”")
        mapping[col.strip()] = field.strip()
    source = args.rows or (f"{draft.source_kind}:{draft.tag}" if draft.tag else draft.source_kind)
    db = ctx.open_db()
    tpl = save_template(
        db, draft, args.name, source_kind=source, mapping=mapping, tag=args.tag,
        replace=args.replace,
    )  # fmt: skip
    ctx.say(
        f"表头在第 {'、'.join(map(str, tpl.header_rows))} 行，数据从第 {tpl.first_data_row} 行开始；"
        f"列出：{tpl.describe_rows()}",
        f"Header in row(s) {', '.join(map(str, tpl.header_rows))}, data from row "
        f"{tpl.first_data_row}; rows: {tpl.source_kind} ({ROW_SOURCES[tpl.source_kind][1]})",
    )
    _print_columns(ctx, tpl.columns, tpl.source_kind)
    ctx.say(f"已保存模板：{tpl.name}", f"Saved template: {tpl.name}")
    return 0
