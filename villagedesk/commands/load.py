"""``villagedesk load``: add the records of a dump file, all or none."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from villagedesk.core.validation import ValidationError


def register(subparsers) -> None:
    """Add the ``load`` command."""
    p = subparsers.add_parser("load", help="从 JSON 文件添加记录和报表模板（全部成功或全部不添加）")
    p.add_argument("file", metavar="FILE.json", help="dump 命令导出的 JSON 文件")
    p.set_defaults(handler=run)


def read_json_file(path: Path) -> object:
    """Parse a JSON file, or a ValidationError naming the line and column."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"文件不存在：{path}") from None
    except IsADirectoryError:
        raise ValidationError(f"这是一个文件夹，不是 JSON 文件：{path}") from None
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}：{exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} 不是 UTF-8 编码的 JSON 文件") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"{path.name} 第 {exc.lineno} 行第 {exc.colno} 列：不是有效的 JSON（{exc.msg}）"
        ) from None


def run(args: argparse.Namespace, ctx) -> int:
    """Validate the whole file, then add every record and template in one transaction."""
    from villagedesk.services.transfer import load_records

    data = read_json_file(Path(args.file).expanduser())
    db = ctx.open_db()
    summary = load_records(db, data)
    details = "，".join(f"{summary.label(k)} {n}" for k, n in summary.counts.items() if n)
    zh = f"已添加 {summary.total} 条记录" + (f"（{details}）" if details else "")
    en = f"Added {summary.total} records"
    # templates are not records: said after them, and only when the file had any
    if summary.templates_added:
        zh += f"，报表模板 {summary.templates_added} 个"
        en += f" and {summary.templates_added} templates"
    if summary.templates_present:
        zh += f"；{summary.templates_present} 个报表模板数据库中已有（同名且内容相同），未重复添加"
        en += f"; {summary.templates_present} identical templates were already there"
    ctx.say(zh, en)
    return 0
