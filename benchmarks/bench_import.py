"""A 20,000-row roster import against openpyxl read-only parsing + a bare executemany.

``plan_import`` + ``commit_import`` (parse, header detection, ID/date/phone checks,
grouping into households, duplicates, one transaction with audit rows and pinyin search
keys) is compared with reading the same workbook through openpyxl read-only mode and
inserting the same rows with one bare ``executemany``. Target: ratio ≤ 2.0.
Run: ``python -m benchmarks.bench_import [--rows N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
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


def make_roster(path: Path, rows: int, seed: int = 7) -> None:
    """A national-style roster: 4 people a household, valid unique ID numbers."""
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


def ours(path: Path, db_path: Path) -> dict:
    """The real import into a fresh village database (pinyin caches emptied: a cold import)."""
    from villagedesk.core import pinyin
    from villagedesk.services.importing import commit, commit_import, plan_import
    from villagedesk.storage.database import open_database

    pinyin._pairs.cache_clear()
    commit._name_keys.cache_clear()

    db = open_database(db_path, actor="bench")
    try:
        plan = plan_import(db, path, "residents")
        report = commit_import(db, plan)
    finally:
        db.close()
    return report.written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    clock.pin_today(TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        roster = tmp / "roster.xlsx"
        make_roster(roster, args.rows)
        # warm imports (openpyxl, pypinyin) and caches before timing either side
        small = tmp / "small.xlsx"
        make_roster(small, 40, seed=1)
        ours(small, tmp / "warm.db")
        baseline(small, tmp / "warm-bare.db")
        best_ours = best_bare = float("inf")
        written: dict = {}
        for i in range(args.repeat):  # interleaved, so drift on a noisy machine hits both
            start = time.perf_counter()
            baseline(roster, tmp / f"bare{i}.db")
            best_bare = min(best_bare, time.perf_counter() - start)
            start = time.perf_counter()
            written = ours(roster, tmp / f"ours{i}.db")
            best_ours = min(best_ours, time.perf_counter() - start)
    ratio = best_ours / best_bare
    print(f"roster: {args.rows} rows; written {written}")
    print(f"plan_import + commit_import  {best_ours * 1000:9.1f} ms (best of {args.repeat})")
    print(f"openpyxl read-only + executemany {best_bare * 1000:9.1f} ms (same rows, bare table)")
    print(f"ratio  {ratio:6.2f}×  (target ≤ {TARGET}×) {'OK' if ratio <= TARGET else 'SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
