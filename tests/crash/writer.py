"""A writer process for the kill -9 harness: saves households and reports each commit.

    python tests/crash/writer.py DB_PATH [PREFIX] [--max N]

Each household and its two residents are one transaction through the repositories; after the
commit returns, ``COMMITTED <uid>`` is printed and flushed, so every uid the harness reads was
reported saved before the kill.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from villagedesk.core.enums import Relation  # noqa: E402
from villagedesk.core.records import Household, Resident  # noqa: E402
from villagedesk.storage.database import open_database  # noqa: E402


def _print(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write(path: str, prefix: str, report=_print, limit: int | None = None) -> None:
    """Open the database and save households until killed (or ``limit``), reporting each commit."""
    db = open_database(path, actor="crash-writer")
    report("READY")
    n = 0
    while limit is None or n < limit:
        n += 1
        household = Household(household_no=f"{prefix}-{n}", head_name=f"测试户{n}", notes="x" * 200)
        with db.transaction():
            db.households.add(household)
            db.residents.add(Resident(household_uid=household.uid, name=f"户主{n}"))
            db.residents.add(
                Resident(household_uid=household.uid, name=f"家人{n}", relation=Relation.SPOUSE)
            )
        report(f"COMMITTED {household.uid}")
    db.close()
    report("DONE")


def main(argv: list[str]) -> int:
    path = argv[0]
    prefix = argv[1] if len(argv) > 1 and not argv[1].startswith("--") else "w"
    limit = int(argv[argv.index("--max") + 1]) if "--max" in argv else None
    write(path, prefix, limit=limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
