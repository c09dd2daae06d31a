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


def _spec(template: Template) -> dict[str, Any]:
    return {
        "sheet": template.sheet,
        "header_rows": template.header_rows,
        "first_data_row": template.first_data_row,
        "columns": [c.to_json() for c in template.columns],
    }


def _decode(row: dict[str, Any]) -> Template:
    spec = json.loads(row["spec"])
    return Template(
        name=row["name"],
        source_kind=row["source_kind"],
        tag=row["tag"] or None,
        filename=row["filename"] or "",
        form=bytes(row["form"]),
        sheet=spec.get("sheet") or "",
        header_rows=[int(r) for r in spec.get("header_rows", [])],
        first_data_row=int(spec.get("first_data_row") or 1),
        columns=[ColumnRule.from_json(c) for c in spec.get("columns", [])],
        created_at=row["created_at"] or "",
        updated_at=row["updated_at"] or "",
    )


def _audit_view(template: Template) -> dict[str, Any]:
    # the form's bytes stay out of the audit trail; its size says enough
    return {
        "name": template.name,
        "source_kind": template.source_kind,
        "tag": template.tag,
        "filename": template.filename,
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
        db.su[_TABLE].upsert(
            {
                "name": template.name,
                "source_kind": template.source_kind,
                "tag": template.tag,
                "filename": template.filename,
                "spec": json.dumps(_spec(template), ensure_ascii=False),
                "form": template.form,
                "created_at": template.created_at,
                "updated_at": template.updated_at,
            },
            pk="name",
        )
        db.audit.write(
            "update" if before else "create",
            _AUDIT_KIND,
            template.name,
            _audit_view(before) if before else None,
            _audit_view(template),
        )
    return template


def remove_template(db: Database, name: str) -> bool:
    """Delete a template; False when there was none of that name."""
    with db.transaction():
        before = get_template(db, name)
        if before is None:
            return False
        db.su.execute(f"delete from {_TABLE} where name = ?", [name])
        db.audit.write("delete", _AUDIT_KIND, name, _audit_view(before), None)
    return True
