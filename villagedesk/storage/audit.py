"""The audit trail: every change as a row (when, who, what, before/after)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import now_iso
from villagedesk.core.records import AuditEntry

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


class AuditLog:
    """Append-only log of changes; written inside the same transaction as the change."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def write(
        self,
        action: str,
        kind: str,
        uid: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        """Record one change."""
        self.db.su["audit"].insert(
            {
                "at": now_iso(),
                "actor": self.db.actor,
                "action": action,
                "kind": kind,
                "uid": uid,
                "before": None if before is None else json.dumps(before, ensure_ascii=False),
                "after": None if after is None else json.dumps(after, ensure_ascii=False),
            }
        )

    def entries(
        self, *, uid: str | None = None, limit: int = 500, offset: int = 0
    ) -> list[AuditEntry]:
        """Newest changes first, optionally for one record."""
        where, params = ("where uid = ?", [uid]) if uid else ("", [])
        rows = self.db.query(
            f"select * from audit {where} order by id desc limit ? offset ?",
            [*params, limit, offset],
        )
        return [
            AuditEntry(
                id=row["id"],
                at=row["at"],
                actor=row["actor"] or "",
                action=row["action"],
                kind=row["kind"],
                uid=row["uid"],
                before=json.loads(row["before"]) if row["before"] else None,
                after=json.loads(row["after"]) if row["after"] else None,
            )
            for row in rows
        ]

    def count(self) -> int:
        """How many changes are recorded."""
        return self.db.su["audit"].count
