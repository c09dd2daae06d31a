"""``villagedesk dump``: every record as JSON (docs/data-format.md)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``dump`` command."""
    p = subparsers.add_parser("dump", help="把全部记录和报表模板导出为 JSON")
    p.add_argument("-o", "--output", metavar="FILE.json", help="写入文件（默认输出到屏幕）")
    p.add_argument("--with-photos", action="store_true", help="同时导出照片（文件会很大）")
    p.set_defaults(handler=run)


def write_text_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so no half-written file is left."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def run(args: argparse.Namespace, ctx) -> int:
    """Dump the database to stdout or a file."""
    from villagedesk.services.transfer import dump_records

    out = Path(args.output).expanduser() if args.output else None
    if out is not None and not out.parent.is_dir():
        ctx.fail(f"文件夹不存在：{out.parent}", f"The folder does not exist: {out.parent}", 1)
    db = ctx.open_db(create=False)
    data = dump_records(db, with_photos=args.with_photos)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    total = sum(len(v) for v in data["records"].values())
    templates = len(data["templates"])
    if out is None:
        ctx.stdout.write(text)
        return 0
    try:
        write_text_atomically(out, text)
    except OSError as exc:
        ctx.fail(f"无法写入文件 {out}：{exc.strerror}", f"Cannot write {out}: {exc.strerror}", 1)
    also_zh = f"和 {templates} 个报表模板" if templates else ""
    also_en = f" and {templates} templates" if templates else ""
    ctx.say(
        f"已导出 {total} 条记录{also_zh}到 {out}",
        f"Dumped {total} records{also_en} to {out}",
        err=True,
    )
    return 0
