"""``villagedesk backup [-o FILE]``: a verified copy of the database (photos included)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``backup`` command."""
    p = subparsers.add_parser("backup", help="备份数据库（默认放在数据库旁的 backups 文件夹）")
    p.add_argument("-o", "--output", metavar="FILE", help="备份到这个文件或文件夹（例如 U 盘）")
    p.set_defaults(handler=run)


def human_size(size: int) -> str:
    """A file size the way people read it (KB / MB)."""
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def run(args: argparse.Namespace, ctx) -> int:
    """Back up to a file, a folder, or the backups folder; print where and how big."""
    from villagedesk.storage.backup import backup_database, make_backup
    from villagedesk.storage.errors import StorageError
    from villagedesk.storage.health import verify_backup

    out = Path(args.output).expanduser().absolute() if args.output else None
    if out is not None and not out.is_dir() and not out.parent.is_dir():
        ctx.fail(f"文件夹不存在：{out.parent}", f"The folder does not exist: {out.parent}", 2)
    if out is not None and out == ctx.db_path.expanduser().absolute():
        ctx.fail("备份文件不能是数据库文件本身", "The backup cannot be the database itself", 2)
    if out is not None and out.is_file():
        # overwrite an older backup, but never a file that is something else
        try:
            verify_backup(out)
        except StorageError:
            ctx.fail(
                f"文件 {out} 已存在且不是驻村工作台备份，为免覆盖，请换一个文件名",
                f"{out} exists and is not a VillageDesk backup; choose another name",
                2,
            )
    db = ctx.open_db(readonly=True, create=False)
    if out is None or out.is_dir():
        info = make_backup(db, reason="manual", dest_dir=out)
        path, size = info.path, info.size
    else:
        path = backup_database(db, out)
        size = path.stat().st_size
    ctx.say(
        f"已备份到 {path}（{human_size(size)}）",
        f"Backed up to {path} ({human_size(size)})",
    )
    return 0
