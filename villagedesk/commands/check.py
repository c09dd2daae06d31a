"""``villagedesk check``: integrity, foreign keys and schema version of a database."""

from __future__ import annotations

import argparse


def register(subparsers) -> None:
    """Add the ``check`` command."""
    p = subparsers.add_parser("check", help="检查数据库是否完好")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    """Exit 0 with 数据库完好, or 1 listing what is wrong. Never changes the file."""
    from villagedesk.storage.database import schema_version
    from villagedesk.storage.schema import KNOWN_MIGRATIONS

    db = ctx.open_db(readonly=True)  # a check must not upgrade or otherwise touch the file
    problems = db.integrity_problems()
    applied = schema_version(db)
    missing = [name for name in KNOWN_MIGRATIONS if name not in applied]
    if problems:
        ctx.say(
            f"数据库有 {len(problems)} 处问题：{db.path}",
            f"The database has {len(problems)} problem(s): {db.path}",
        )
        for line in problems:
            ctx.out(f"  - {line}")
        return 1
    version = applied[-1] if applied else "-"
    if missing:
        ctx.say(
            f"数据库完好（结构版本 {version}，下次用本程序打开时将自动升级）",
            f"The database is intact (schema {version}; it will be upgraded when next opened)",
        )
    else:
        ctx.say(f"数据库完好（结构版本 {version}）", f"The database is intact (schema {version})")
    return 0
