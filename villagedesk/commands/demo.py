"""``villagedesk demo``: fill an empty database with a demo village."""

from __future__ import annotations

import argparse
import sys


def register(subparsers) -> None:
    """Add the ``demo`` command."""
    p = subparsers.add_parser("demo", help="在空数据库中生成一个演示村庄")
    p.add_argument("--households", type=int, default=300, metavar="N", help="户数（默认 300）")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子（默认 1）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    """Generate the demo village, refusing a database that already holds records."""
    from villagedesk.storage.bulk import record_counts

    if not 1 <= args.households <= 20000:
        ctx.fail("户数应在 1 到 20000 之间", "--households must be between 1 and 20000", 2)
    try:
        from villagedesk.services.demo import make_demo_village
    except ModuleNotFoundError as exc:
        if exc.name != "villagedesk.services.demo":
            raise
        ctx.fail(
            "此版本尚未包含演示村庄生成器", "The demo village generator is not available yet", 1
        )
    db = ctx.open_db()
    counts = record_counts(db)
    if sum(counts.values()) or db.profile.exists():
        ctx.fail(
            f"数据库不是空的（已有 {sum(counts.values())} 条记录），演示数据只能生成到空数据库中：{db.path}",
            f"The database is not empty ({sum(counts.values())} records); demo data goes into an empty one",
            1,
        )

    def progress(done: int, total: int, *rest) -> None:
        text = f"{done}/{total}"
        print(ctx.text(f"生成中… {text}", f"Generating… {text}"), file=sys.stderr, flush=True)

    with db.transaction():  # a generator that fails halfway leaves nothing behind
        make_demo_village(db, households=args.households, seed=args.seed, progress=progress)
    counts = record_counts(db)
    ctx.say(
        f"已生成演示村庄：{counts.get('households', 0)} 户，{counts.get('residents', 0)} 人，"
        f"{counts.get('visits', 0)} 条走访，{counts.get('issues', 0)} 个问题",
        f"Demo village created: {counts.get('households', 0)} households, "
        f"{counts.get('residents', 0)} residents, {counts.get('visits', 0)} visits, "
        f"{counts.get('issues', 0)} issues",
        err=True,
    )
    return 0
