"""The database schema as ordered, named migrations (sqlite-utils ``Migrations``).

Never edit a released migration: add a new one at the end. ``tests/data/`` keeps a small
database of every earlier schema and a test upgrades each.
"""

from __future__ import annotations

import dataclasses
import typing
from datetime import date
from enum import Enum

from sqlite_utils import Database as SUDatabase
from sqlite_utils.migrations import Migrations

from villagedesk.core import records as r
from villagedesk.core.monitoring import CheckTask, MonitoringEntry, MonitoringList
from villagedesk.core.serialize import _unwrap_optional, field_names
from villagedesk.storage.tables import MIGRATION_NAMES, MIGRATION_SET, TABLES

__all__ = ["KNOWN_MIGRATIONS", "MIGRATION_SET", "TABLES", "migrations", "column_types"]

migrations = Migrations(MIGRATION_SET)

_FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "residents": [("household_uid", "households", "uid")],
    "households": [("group_uid", "groups", "uid")],
    "visits": [("household_uid", "households", "uid"), ("group_uid", "groups", "uid")],
    "issues": [
        ("household_uid", "households", "uid"),
        ("group_uid", "groups", "uid"),
        ("visit_uid", "visits", "uid"),
    ],
    "issue_events": [("issue_uid", "issues", "uid")],
    "aid": [("household_uid", "households", "uid"), ("resident_uid", "residents", "uid")],
    "diary": [("member_uid", "team_members", "uid")],
    "team_members": [("photo_uid", "attachments", "uid")],
}

_INDEXES: dict[str, list[list[str]]] = {
    "residents": [["household_uid"], ["id_number"], ["phone"], ["name"]],
    "households": [["household_no"], ["group_uid"], ["head_name"]],
    "visits": [["date"], ["household_uid"]],
    "issues": [["status"], ["collected_date"], ["household_uid"], ["number"]],
    "issue_events": [["issue_uid"]],
    "aid": [["date"], ["household_uid"]],
    "activities": [["date"]],
    "diary": [["date"]],
    "attachments": [["owner_uid"]],
}


def column_types(cls: type) -> dict[str, type]:
    """SQLite column types for a record class (lists are JSON text)."""
    hints = typing.get_type_hints(cls)
    cols: dict[str, type] = {}
    for name in field_names(cls):
        tp, _ = _unwrap_optional(hints[name])
        if tp in (int, bool):
            cols[name] = int
        elif tp is bytes:
            cols[name] = bytes
        elif tp is float:
            cols[name] = float
        else:  # str, date, enums, lists (JSON)
            assert tp in (str, date) or typing.get_origin(tp) is list or issubclass(tp, Enum)
            cols[name] = str
    return cols


def _not_null(cls: type) -> set[str]:
    hints = typing.get_type_hints(cls)
    out = set()
    for f in dataclasses.fields(cls):
        if f.name in field_names(cls):
            _, optional = _unwrap_optional(hints[f.name])
            if not optional:
                out.add(f.name)
    return out


@migrations(name="m001_initial")
def m001_initial(db: SUDatabase) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    # created in dependency order so foreign keys resolve
    order = [
        r.Attachment, r.TeamMember, r.Group, r.Household, r.Resident, r.Visit,
        r.Issue, r.IssueEvent, r.Aid, r.Deed, r.Activity, r.DiaryEntry,
    ]  # fmt: skip
    for cls in order:
        table = TABLES[cls]
        db[table].create(
            column_types(cls),
            pk="uid",
            not_null=_not_null(cls),
            foreign_keys=_FOREIGN_KEYS.get(table, []),
        )
        for cols in _INDEXES.get(table, []):
            db[table].create_index(cols)
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "kind": str,
            "uid": str,
            "before": str,
            "after": str,
        },
        pk="id",
        not_null={"at", "action", "kind", "uid"},
    )
    db["audit"].create_index(["uid"])
    db["audit"].create_index(["at"])


@migrations(name="m002_search_keys")
def m002_search_keys(db: SUDatabase) -> None:
    """Pinyin search keys (full and initials, every reading of a heteronym surname)."""
    db["search_keys"].create(
        {"key": str, "kind": str, "uid": str}, pk=("key", "kind", "uid"), not_null={"key"}
    )
    db["search_keys"].create_index(["uid"])
    # backfill names saved before this schema
    from villagedesk.storage.search import rebuild_search_keys  # lazy: imports pypinyin

    rebuild_search_keys(db)


@migrations(name="m003_monitoring")
def m003_monitoring(db: SUDatabase) -> None:
    """Monitoring lists (一比一派一查一救), their rows and the team's check tasks."""
    db["monitoring_lists"].create(
        column_types(MonitoringList), pk="uid", not_null={"name", "source", "list_date"}
    )
    db["monitoring_entries"].create(
        column_types(MonitoringEntry),
        pk="uid",
        not_null={"list_uid", "name"},
        foreign_keys=[
            ("list_uid", "monitoring_lists", "uid"),
            ("resident_uid", "residents", "uid"),
            ("household_uid", "households", "uid"),
        ],
    )
    db["monitoring_entries"].create_index(["list_uid"])
    db["check_tasks"].create(
        column_types(CheckTask),
        pk="uid",
        not_null={"list_uid", "entry_uid", "resident_uid", "household_uid", "status"},
        foreign_keys=[
            ("list_uid", "monitoring_lists", "uid"),
            ("entry_uid", "monitoring_entries", "uid"),
            ("resident_uid", "residents", "uid"),
            ("household_uid", "households", "uid"),
            ("visit_uid", "visits", "uid"),
            ("aid_uid", "aid", "uid"),
        ],
    )
    for cols in (["status"], ["resident_uid"], ["list_uid"]):
        db["check_tasks"].create_index(cols)


@migrations(name="m004_search_indexes")
def m004_search_indexes(db: SUDatabase) -> None:
    """Covering indexes so search-as-you-type scans small index pages, not whole rows."""
    db.execute(
        "create index residents_search_digits on residents(id_number, phone, deleted_at, uid)"
    )
    db.execute("create index residents_search_name on residents(name, deleted_at, uid)")


@migrations(name="m005_figure_indexes")
def m005_figure_indexes(db: SUDatabase) -> None:
    """Covering indexes for the monthly figures (one index scan per table)."""
    db.execute("create index visits_figures on visits(date, household_uid, deleted_at)")
    db.execute(
        "create index issues_figures on issues"
        "(deleted_at, status, outcome, collected_date, done_date, deadline)"
    )


@migrations(name="m006_templates")
def m006_templates(db: SUDatabase) -> None:
    """Township templates: the blank form's bytes and how to fill it (spec as JSON)."""
    db["templates"].create(
        {
            "name": str,
            "source_kind": str,
            "tag": str,
            "filename": str,
            "spec": str,
            "form": bytes,
            "created_at": str,
            "updated_at": str,
        },
        pk="name",
        not_null={"name", "source_kind", "spec", "form"},
    )


@migrations(name="m007_visit_household_dates")
def m007_visit_household_dates(db: SUDatabase) -> None:
    """A household's latest visit from the index alone (households due a visit)."""
    db.execute("create index visits_household_dates on visits(household_uid, date, deleted_at)")


#: the names, in order, that this version knows
KNOWN_MIGRATIONS = [m.name for m in migrations._migrations]
if KNOWN_MIGRATIONS != MIGRATION_NAMES:  # a new migration must be listed in tables.py too
    raise RuntimeError(f"storage/tables.py MIGRATION_NAMES is out of date: {KNOWN_MIGRATIONS}")
