"""Build the small real databases of earlier schemas kept under tests/data.

Run once when a schema is released (``python tests/data/make_fixtures.py``) and commit the
result; the storage tests copy each file into ``tmp_path`` and upgrade it. Never rebuild an
existing fixture with a newer app: it must stay what that release wrote.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database as SUDatabase

from villagedesk.storage.schema import migrations

HERE = Path(__file__).resolve().parent

#: (uid, household_no, head, [(uid, name, relation, id_number, phone)])
M001_HOUSEHOLDS = [
    (
        "a1000000000000000000000000000001",
        "001",
        "张三",
        [
            (
                "b1000000000000000000000000000001",
                "张三",
                "户主",
                "341125198001010015",
                "13800138000",
            ),
            ("b1000000000000000000000000000002", "李梅", "配偶", "", ""),
        ],
    ),
    (
        "a1000000000000000000000000000002",
        "002",
        "曾小明",
        [("b1000000000000000000000000000003", "曾小明", "户主", "", "13912345678")],
    ),
    (
        "a1000000000000000000000000000003",
        "003",
        "单立国",
        [("b1000000000000000000000000000004", "单立国", "户主", "", "")],
    ),
]
STAMP = "2026-03-01T09:00:00"


def make_schema_m001(path: Path) -> None:
    """A database as release m001 wrote it: no search keys yet."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    db = SUDatabase(conn)
    migrations.apply(db, stop_before="m002_search_keys")
    for uid, number, head, people in M001_HOUSEHOLDS:
        conn.execute(
            "insert into households (uid, created_at, updated_at, household_no, head_name, "
            "address, phone, tags, risk_causes, risk_cleared, living_status, notes) "
            "values (?, ?, ?, ?, ?, '', '', ?, '[]', 0, '常住', '')",
            [uid, STAMP, STAMP, number, head, json.dumps(["一般农户"], ensure_ascii=False)],
        )
        for puid, name, relation, id_number, phone in people:
            conn.execute(
                "insert into residents (uid, created_at, updated_at, household_uid, name, "
                "id_number, relation, phone, person_no, ethnicity, education, health, "
                "labour_skill, tags, notes) values (?, ?, ?, ?, ?, ?, ?, ?, '', '汉族', '', '', '', '[]', '')",
                [puid, STAMP, STAMP, uid, name, id_number, relation, phone],
            )
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    target = HERE / "schema_m001.db"
    make_schema_m001(target)
    print(f"wrote {target}", file=sys.stderr)
