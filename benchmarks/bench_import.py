"""A 20,000-row roster import against openpyxl read-only parsing + a bare executemany.

``plan_import`` + ``commit_import`` (parse, header detection, ID/date/phone checks,
grouping into households, duplicates, one transaction with audit rows and pinyin search
keys) is compared with reading the same workbook through openpyxl read-only mode and
inserting the same rows with one bare ``executemany``. Target: ratio ≤ 2.0.

The roster stores its text as SHARED strings (``xl/sharedStrings.xml``, ``t="s"``), as
Excel and WPS save it. openpyxl itself writes inline strings, which it also parses very
slowly — that slowness lands on both sides and hides our own work — so ``make_roster``
rewrites openpyxl's file; ``--inline-strings`` keeps openpyxl's file as it is.
Besides the ratio it prints the split: our read alone (as ``plan_import`` reads, with the
cycle collector held off), ``plan_import`` and what it does after reading, ``commit_import``.
Every timed import is cold: the pinyin caches are emptied first.
Run: ``python -m benchmarks.bench_import [--rows N] [--repeat N] [--inline-strings]``.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from villagedesk.core import clock
from villagedesk.core.validation import id_check_char

TARGET = 2.0
TODAY = date(2026, 11, 29)
HEADER = ["序号", "户编号", "户主姓名", "姓名", "性别", "身份证号码", "与户主关系", "出生日期",
          "民族", "文化程度", "健康状况", "劳动技能", "联系电话", "村民小组"]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红玉春梅海云飞鹏志"
RELATIONS = ["配偶", "之子", "之女", "之孙子", "之孙女", "之母"]

_SHEET = "xl/worksheets/sheet1.xml"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
# openpyxl's inline string cell: <c r="B3" t="inlineStr"><is><t>00001</t></is></c>
_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(<t(?: [^>]*)?>.*?</t>)</is></c>', re.S)


def make_roster(path: Path, rows: int, seed: int = 7, *, inline_strings: bool = False) -> None:
    """A national-style roster: 4 people a household, valid unique ID numbers.

    Text is stored as shared strings, like Excel's files, unless ``inline_strings``.
    """
    from openpyxl import Workbook

    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["白沙镇农户花名册"])
    ws.append(HEADER)
    head = ""
    for i in range(rows):
        hh, member = divmod(i, 4)
        born = date(1940 + rnd.randrange(70), rnd.randrange(1, 13), rnd.randrange(1, 29))
        seq = f"{i % 1000:03d}"
        first17 = f"43{rnd.randrange(10, 99):02d}{rnd.randrange(10, 99):02d}{born:%Y%m%d}{seq}"
        first17 = first17[:14] + f"{i // 1000 % 10}{seq[1:]}"  # unique across the file
        number = first17 + id_check_char(first17)
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        if member == 0:
            head = name
        gender = "男" if int(number[16]) % 2 else "女"
        ws.append([
            i + 1, f"{hh + 1:05d}", head, name, gender, number,
            "户主" if member == 0 else rnd.choice(RELATIONS), born.isoformat(), "汉族", "初中",
            "健康", "普通劳动力", f"13{rnd.randrange(10**8, 10**9)}" if member == 0 else None,
            f"{hh % 12 + 1}组",
        ])  # fmt: skip
    wb.save(path)
    if not inline_strings:
        to_shared_strings(path)


def to_shared_strings(path: Path) -> None:
    """Rewrite an openpyxl workbook's inline strings as a shared-strings table, as Excel saves.

    Each distinct text becomes one ``<si>`` of ``xl/sharedStrings.xml`` (first use first) and
    its cells ``t="s"`` with the index; the part is added to ``[Content_Types].xml`` and to
    the workbook's relationships. The text stays XML-escaped exactly as openpyxl wrote it.
    Like Excel, the sheet also gets a ``<dimension>`` (openpyxl's write-only mode leaves it
    out, and read-only mode then parses the whole sheet once more just to size it).
    """
    with zipfile.ZipFile(path) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    index: dict[bytes, int] = {}
    count = 0

    def shared(match: re.Match) -> bytes:
        nonlocal count
        count += 1
        i = index.setdefault(match.group(3), len(index))
        return b'<c %st="s"%s><v>%d</v></c>' % (match.group(1), match.group(2), i)

    sheet = _INLINE.sub(shared, parts[_SHEET])
    if b"<dimension " not in sheet:  # Excel always writes one; without it openpyxl scans the sheet
        refs = re.findall(rb'<c r="([A-Z]+)([0-9]+)"', sheet)
        last_col = max((c for c, _ in refs), key=lambda c: (len(c), c))
        last_row = max(int(r) for _, r in refs)
        dim = b'<dimension ref="A1:%s%d" />' % (last_col, last_row)
        sheet = sheet.replace(b"</sheetPr>", b"</sheetPr>" + dim, 1)
    parts[_SHEET] = sheet
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">'
        % (count, len(index))
        + b"".join(b"<si>%s</si>" % t for t in index)
        + b"</sst>"
    )
    types = parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = types.replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s" /></Types>'
        % _SST_TYPE.encode(),
    )
    rels = parts["xl/_rels/workbook.xml.rels"]
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        b"</Relationships>",
        b'<Relationship Type="%s" Target="sharedStrings.xml" Id="rIdSst" /></Relationships>'
        % _SST_REL.encode(),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def read_back(path: Path) -> list[tuple]:
    """Every row of the roster as openpyxl read-only mode reads it."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb["花名册"]
        ws.reset_dimensions()  # the cells as stored, not padded to a stored dimension
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def check_same(shared: Path, inline: Path) -> None:
    """The shared-strings roster must read back exactly as openpyxl's own (inline) file."""
    with zipfile.ZipFile(shared) as z:
        sheet = z.read(_SHEET)
        if (
            b"inlineStr" in sheet
            or b't="s"' not in sheet
            or "xl/sharedStrings.xml" not in z.namelist()
        ):
            raise SystemExit(f"{shared.name}: not a shared-strings workbook")
    a, b = read_back(shared), read_back(inline)
    if a != b:
        diff = (
            [i + 1 for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
            if len(a) == len(b)
            else []
        )
        raise SystemExit(
            f"shared-strings roster reads back differently (rows {diff[:5] or 'count'})"
        )


def baseline(path: Path, db_path: Path) -> None:
    """openpyxl read-only parsing of the sheet plus one bare executemany of its rows."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    rows = [r for r in wb["花名册"].iter_rows(min_row=3, values_only=True)]
    wb.close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"create table roster ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    with conn:
        conn.executemany(f"insert into roster values ({', '.join('?' * len(HEADER))})", rows)
    conn.close()


def read_only(path: Path) -> int:
    """Our reading alone, as plan_import reads (open_rows: openpyxl read-only plus the
    per-cell checks, with the cycle collector held off as plan_import holds it off)."""
    from villagedesk.services.importing.plan import paused_gc
    from villagedesk.services.importing.reading import open_rows

    with paused_gc(), open_rows(path) as src:
        return sum(1 for _ in src.rows())


def ours(path: Path, db_path: Path) -> tuple[dict, float, float]:
    """The real import into a fresh village database (pinyin caches emptied: a cold import).

    Returns what was written and the seconds of ``plan_import`` and of ``commit_import``.
    """
    from villagedesk.core import pinyin
    from villagedesk.services.importing import commit_import, plan_import
    from villagedesk.storage.database import open_database

    pinyin._pairs.cache_clear()
    pinyin._syllables.cache_clear()

    db = open_database(db_path, actor="bench")
    try:
        start = time.perf_counter()
        plan = plan_import(db, path, "residents")
        planned = time.perf_counter()
        report = commit_import(db, plan)
        done = time.perf_counter()
    finally:
        db.close()
    return report.written, planned - start, done - planned


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--inline-strings",
        action="store_true",
        help="the roster as openpyxl writes it (inline strings) instead of Excel's shared strings",
    )
    args = parser.parse_args()
    clock.pin_today(TODAY)
    inline = args.inline_strings
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        roster = tmp / "roster.xlsx"
        make_roster(roster, args.rows, inline_strings=inline)
        if not inline:
            openpyxl_roster = tmp / "roster-inline.xlsx"
            make_roster(openpyxl_roster, args.rows, inline_strings=True)
            check_same(roster, openpyxl_roster)
        # warm imports (openpyxl, pypinyin) and caches before timing either side
        small = tmp / "small.xlsx"
        make_roster(small, 40, seed=1, inline_strings=inline)
        ours(small, tmp / "warm.db")
        baseline(small, tmp / "warm-bare.db")
        best = {"bare": float("inf"), "read": float("inf"), "ours": float("inf"),
                "plan": float("inf"), "commit": float("inf")}  # fmt: skip
        written: dict = {}
        for i in range(args.repeat):  # interleaved, so drift on a noisy machine hits both
            start = time.perf_counter()
            baseline(roster, tmp / f"bare{i}.db")
            best["bare"] = min(best["bare"], time.perf_counter() - start)
            written, plan_s, commit_s = ours(roster, tmp / f"ours{i}.db")
            best["ours"] = min(best["ours"], plan_s + commit_s)
            best["plan"] = min(best["plan"], plan_s)
            best["commit"] = min(best["commit"], commit_s)
            start = time.perf_counter()
            read_only(roster)
            best["read"] = min(best["read"], time.perf_counter() - start)
    ratio = best["ours"] / best["bare"]
    kind = "inline strings (openpyxl's own file)" if inline else "shared strings (as Excel saves)"
    n = args.repeat
    print(f"roster: {args.rows} rows, {kind}; written {written}")
    print(f"plan_import + commit_import      {best['ours'] * 1000:9.1f} ms (best of {n})")
    print(f"openpyxl read-only + executemany {best['bare'] * 1000:9.1f} ms (same rows, bare table)")
    print(f"  our read alone (as in plan)    {best['read'] * 1000:9.1f} ms")
    print(f"  plan_import (read included)    {best['plan'] * 1000:9.1f} ms")
    print(f"    plan after reading           {(best['plan'] - best['read']) * 1000:9.1f} ms")
    print(f"  commit_import                  {best['commit'] * 1000:9.1f} ms")
    print(f"ratio  {ratio:6.2f}×  (target ≤ {TARGET}×) {'OK' if ratio <= TARGET else 'SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
