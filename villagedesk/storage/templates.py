"""Saved township templates (table ``templates`` from migration m006 in schema.py)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import now_iso
from villagedesk.core.templates import ColumnRule, Template

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

_TABLE = "templates"
_AUDIT_KIND = "template"


def _has_table(db: Database) -> bool:
    # a database opened read-only before its upgrade has no templates table yet: no templates
    return _TABLE in db.su.table_names()


def _head(template: Template) -> dict[str, Any]:
    # what names and places a template: first in its row, its dump entry and its audit view
    return {
        "name": template.name,
        "source_kind": template.source_kind,
        "tag": template.tag,
        "filename": template.filename,
    }


def _spec(template: Template) -> dict[str, Any]:
    return {
        "sheet": template.sheet,
        "header_rows": template.header_rows,
        "first_data_row": template.first_data_row,
        "columns": [c.to_json() for c in template.columns],
    }


#: the keys of ``template_fields``: the row's columns, the column spec spread out
FIELD_NAMES = (
    "name", "source_kind", "tag", "filename", "form",
    "sheet", "header_rows", "first_data_row", "columns", "created_at", "updated_at",
)  # fmt: skip


def template_fields(template: Template) -> dict[str, Any]:
    """A template as plain values (form as bytes, columns as their stored JSON form)."""
    return {
        **_head(template),
        "form": template.form,
        **_spec(template),
        "created_at": template.created_at,
        "updated_at": template.updated_at,
    }


def template_from_fields(data: dict[str, Any]) -> Template:
    """Read back what ``template_fields`` wrote (also a row with its spec spread out)."""
    return Template(
        name=data["name"],
        source_kind=data["source_kind"],
        tag=data.get("tag") or None,
        filename=data.get("filename") or "",
        form=bytes(data["form"]),
        sheet=data.get("sheet") or "",
        header_rows=[int(r) for r in data.get("header_rows", [])],
        first_data_row=int(data.get("first_data_row") or 1),
        columns=[ColumnRule.from_json(c) for c in data.get("columns", [])],
        created_at=data.get("created_at") or "",
        updated_at=data.get("updated_at") or "",
    )


def _decode(row: dict[str, Any]) -> Template:
    return template_from_fields({**row, **json.loads(row["spec"])})


def _row(template: Template) -> dict[str, Any]:
    return {
        **_head(template),
        "spec": json.dumps(_spec(template), ensure_ascii=False),
        "form": template.form,
        "created_at": template.created_at,
        "updated_at": template.updated_at,
    }


def _audit_view(template: Template) -> dict[str, Any]:
    # the form's bytes stay out of the audit trail; its size says enough
    return {
        **_head(template),
        "form_bytes": len(template.form),
        **_spec(template),
    }


def get_template(db: Database, name: str) -> Template | None:
    """The template with this name, or None."""
    if not _has_table(db):
        return None
    rows = list(db.su.query(f"select * from {_TABLE} where name = ?", [name]))
    return _decode(rows[0]) if rows else None


def all_templates(db: Database) -> list[Template]:
    """Every saved template, by name."""
    if not _has_table(db):
        return []
    return [_decode(r) for r in db.su.query(f"select * from {_TABLE} order by name")]


def put_template(db: Database, template: Template) -> Template:
    """Save (insert or replace) a template in one audited transaction."""
    with db.transaction():
        before = get_template(db, template.name)
        stamp = now_iso()
        template.created_at = before.created_at if before else stamp
        template.updated_at = stamp
        db.su[_TABLE].upsert(_row(template), pk="name")
        db.audit.write(
            "update" if before else "create",
            _AUDIT_KIND,
            template.name,
            _audit_view(before) if before else None,
            _audit_view(template),
        )
    return template


def insert_template(db: Database, template: Template, *, action: str = "load") -> None:
    """Add a new template as it is (timestamps kept, missing ones set to now) with an audit row.

    Call inside the caller's ``db.transaction()``: a load adds its templates together with
    its records, all or nothing.
    """
    stamp = now_iso()
    template.created_at = template.created_at or stamp
    template.updated_at = template.updated_at or template.created_at
    db.su[_TABLE].insert(_row(template))
    db.audit.write(action, _AUDIT_KIND, template.name, None, _audit_view(template))


def remove_template(db: Database, name: str) -> bool:
    """Delete a template; False when there was none of that name."""
    with db.transaction():
        before = get_template(db, name)
        if before is None:
            return False
        db.su.execute(f"delete from {_TABLE} where name = ?", [name])
        db.audit.write("delete", _AUDIT_KIND, name, _audit_view(before), None)
    return True
