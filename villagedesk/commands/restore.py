"""``villagedesk restore FILE``: put a backup back, after backing up the current data."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``restore`` command."""
    p = subparsers.add_parser("restore", help="从备份文件恢复数据库（先自动备份当前数据）")
    p.add_argument("file", metavar="FILE", help="要恢复的备份文件")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    """Check the backup, back up the current database, replace it; say what happened."""
    from villagedesk.storage.backup import restore_backup

    source = Path(args.file).expanduser()
    if not source.is_file():
        ctx.fail(f"找不到备份文件：{source}", f"Backup file not found: {source}", 2)
    db_path = ctx.db_path
    if not db_path.parent.is_dir():
        ctx.fail(
            f"文件夹不存在：{db_path.parent}", f"The folder does not exist: {db_path.parent}", 1
        )
    saved = restore_backup(db_path, source, actor=_actor())
    ctx.say(f"已从 {source} 恢复数据库 {db_path}", f"Restored {db_path} from {source}")
    if saved is not None:
        ctx.say(
            f"恢复前的数据已备份到 {saved.path}",
            f"The data from before the restore was backed up to {saved.path}",
        )
    return 0


def _actor() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows set-ups
        return "本机用户"
