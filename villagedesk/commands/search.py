"""``villagedesk search``: households and residents matching a name, pinyin, ID or phone."""

from __future__ import annotations

import argparse
import json


def register(subparsers) -> None:
    """Add the ``search`` command."""
    p = subparsers.add_parser("search", help="按姓名、拼音、身份证号或电话查找农户和村民")
    p.add_argument("text", metavar="TEXT", help="要查找的内容，例如 张三、zs、1234、138")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="最多显示几条（默认 50）")
    p.add_argument("--show-id", action="store_true", help="显示完整身份证号码（默认隐藏中间部分）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    """Print the hits, ID numbers masked unless --show-id."""
    from villagedesk.storage.search import search

    if args.limit < 1:
        ctx.fail("--limit 至少为 1", "--limit must be at least 1", 2)
    db = ctx.open_db(create=False)
    hits = search(db, args.text, limit=args.limit)
    rows = [
        {
            "kind": h.kind,
            "uid": h.uid,
            "household_uid": h.household_uid,
            "name": h.name,
            "household_no": h.household_no,
            "head_name": h.head_name,
            "relation": h.relation,
            "id_number": h.id_number if args.show_id else h.masked_id(),
            "phone": h.phone or "",
            "matched": h.matched,
        }
        for h in hits
    ]
    if args.json:
        ctx.out(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        ctx.say(f"没有找到与“{args.text}”相符的农户或村民", f"Nothing matches {args.text!r}")
        return 0
    kinds = {"resident": ctx.text("村民", "resident"), "household": ctx.text("农户", "household")}
    for r in rows:
        ctx.out(
            "  ".join(
                x
                for x in (
                    kinds[r["kind"]],
                    r["name"],
                    f"{r['household_no']} {r['head_name']}{ctx.text('户', '')}",
                    r["relation"],
                    r["id_number"],
                    r["phone"],
                )
                if x
            )
        )
    ctx.say(f"共 {len(rows)} 条", f"{len(rows)} found", err=True)
    return 0
