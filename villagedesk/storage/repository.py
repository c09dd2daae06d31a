"""The one place records are written: timestamps, soft delete and the audit trail.

Each record kind has a small module (``households.py``, ``visits.py`` …) with a subclass
adding the queries that kind needs. Repositories return ``core`` dataclasses, never rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from villagedesk.core.clock import now_iso
from villagedesk.core.records import Record
from villagedesk.core.serialize import field_names, from_dict, list_field_names, to_dict
from villagedesk.core.validation import ValidationError
from villagedesk.storage.tables import TABLES

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

T = TypeVar("T", bound=Record)


def row_to_record(cls: type[T], row: dict[str, Any]) -> T:
    """Decode a database row (JSON list columns, 0/1 booleans) into a record."""
    data = {}
    lists = list_field_names(cls)
    for name in field_names(cls):
        if name not in row:
            continue
        value = row[name]
        if name in lists:
            value = json.loads(value) if value else []
        data[name] = value
    return from_dict(cls, data, where=TABLES[cls])


def record_to_row(record: Record) -> dict[str, Any]:
    """Encode a record as a database row."""
    data = to_dict(record)
    for name in list_field_names(type(record)):
        data[name] = json.dumps(data[name], ensure_ascii=False)
    for key, value in data.items():
        if isinstance(value, bool):
            data[key] = int(value)
    return data


def _audit_view(record_row: dict[str, Any]) -> dict[str, Any]:
    # photo bytes stay out of the audit log; their size says enough
    return {k: (f"<{len(v)} bytes>" if isinstance(v, bytes) else v) for k, v in record_row.items()}


class Repository(Generic[T]):
    """Create, read, update and soft-delete one kind of record."""

    record_class: ClassVar[type]
    kind: ClassVar[str]
    default_order: ClassVar[str] = "rowid"

    def __init__(self, db: Database) -> None:
        self.db = db
        self.table_name = TABLES[self.record_class]

    # ---- reading -------------------------------------------------------------
    @property
    def _table(self):
        return self.db.su[self.table_name]

    def get(self, uid: str, *, include_deleted: bool = False) -> T | None:
        """The record with this uid, or None (also None when deleted, unless asked)."""
        sql = f"select * from [{self.table_name}] where uid = ?"
        if not include_deleted:
            sql += " and deleted_at is null"
        rows = list(self.db.query(sql, [uid]))
        return self._decode(rows[0]) if rows else None

    def require(self, uid: str) -> T:
        """The record with this uid, or a ValidationError saying it is gone."""
        record = self.get(uid)
        if record is None:
            raise ValidationError(f"找不到记录（{self.kind} {uid}），可能已被删除")
        return record

    def find(
        self,
        where: str = "",
        params: Iterable[Any] = (),
        *,
        order_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
        deleted_only: bool = False,
    ) -> list[T]:
        """Records matching a SQL condition, newest rules first as the kind orders them."""
        return list(
            self.iter(
                where,
                params,
                order_by=order_by,
                limit=limit,
                offset=offset,
                include_deleted=include_deleted,
                deleted_only=deleted_only,
            )
        )

    def iter(
        self,
        where: str = "",
        params: Iterable[Any] = (),
        *,
        order_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
        deleted_only: bool = False,
    ) -> Iterator[T]:
        """Like ``find`` but lazily."""
        sql, args = self._select("*", where, params, include_deleted, deleted_only)
        sql += f" order by {order_by or self.default_order}"
        if limit is not None:
            sql += f" limit {int(limit)} offset {int(offset)}"
        for row in self.db.query(sql, args):
            yield self._decode(row)

    def count(
        self, where: str = "", params: Iterable[Any] = (), *, include_deleted: bool = False
    ) -> int:
        """How many records match."""
        sql, args = self._select("count(*) as n", where, params, include_deleted, False)
        return next(self.db.query(sql, args))["n"]

    def _select(
        self,
        what: str,
        where: str,
        params: Iterable[Any],
        include_deleted: bool,
        deleted_only: bool,
    ) -> tuple[str, list[Any]]:
        conds = []
        if deleted_only:
            conds.append("deleted_at is not null")
        elif not include_deleted:
            conds.append("deleted_at is null")
        if where:
            conds.append(f"({where})")
        sql = f"select {what} from [{self.table_name}]"
        if conds:
            sql += " where " + " and ".join(conds)
        return sql, list(params)

    def _decode(self, row: dict[str, Any]) -> T:
        return row_to_record(self.record_class, row)

    # ---- writing -------------------------------------------------------------
    def validate(self, record: T) -> None:
        """Refuse a record that must not be saved (subclasses add their rules)."""

    def add(self, record: T) -> T:
        """Save a new record (one transaction with its audit row)."""
        self.validate(record)
        stamp = now_iso()
        record.created_at = record.created_at or stamp
        record.updated_at = record.updated_at or stamp
        row = record_to_row(record)
        with self.db.transaction():
            self._table.insert(row)
            self._after_write(record)
            self.db.audit.write("create", self.kind, record.uid, None, _audit_view(row))
        return record

    def update(self, record: T) -> T:
        """Save changes to an existing record (one transaction with its audit row)."""
        self.validate(record)
        with self.db.transaction():
            before_rows = list(
                self.db.query(f"select * from [{self.table_name}] where uid = ?", [record.uid])
            )
            if not before_rows:
                raise ValidationError(f"找不到要修改的记录（{self.kind}），可能已被删除")
            record.updated_at = now_iso()
            row = record_to_row(record)
            self._table.update(record.uid, row)
            self._after_write(record)
            before = _audit_view(before_rows[0])
            after = _audit_view(row)
            changed_before = {k: v for k, v in before.items() if after.get(k) != v}
            changed_after = {k: after[k] for k in changed_before if k in after}
            self.db.audit.write("update", self.kind, record.uid, changed_before, changed_after)
        return record

    def delete(self, uid: str) -> None:
        """Move a record to the recycle bin (restorable)."""
        self._set_deleted(uid, now_iso(), "delete")

    def restore(self, uid: str) -> None:
        """Bring a record back from the recycle bin."""
        self._set_deleted(uid, None, "restore")

    def _set_deleted(self, uid: str, value: str | None, action: str) -> None:
        with self.db.transaction():
            rows = list(
                self.db.query(f"select deleted_at from [{self.table_name}] where uid = ?", [uid])
            )
            if not rows:
                raise ValidationError(
                    f"找不到记录（{self.kind}），无法{'删除' if value else '恢复'}"
                )
            self._table.update(uid, {"deleted_at": value, "updated_at": now_iso()})
            self.db.audit.write(
                action, self.kind, uid, {"deleted_at": rows[0]["deleted_at"]}, {"deleted_at": value}
            )
            self._after_delete_change(uid, deleted=value is not None)

    def _after_write(self, record: T) -> None:
        """Hook inside the write transaction (search keys, child rows)."""

    def _after_delete_change(self, uid: str, *, deleted: bool) -> None:
        """Hook inside the delete/restore transaction."""
