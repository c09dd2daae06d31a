"""Spreadsheet import: read → detect header → map columns → preview → commit.

The wizard and the CLI call the same functions::

    plan = plan_import(db, path, "residents", duplicates="skip", progress=cb)
    report = commit_import(db, plan)            # all valid rows in one transaction
    write_refused_rows(plan, "未导入的行.xlsx")   # to fix and import again
"""

from __future__ import annotations

from villagedesk.services.importing.commit import ImportReport, commit_import, report_for
from villagedesk.services.importing.fields import (
    FIELDS,
    KINDS,
    FieldMatch,
    Mapping,
    guess_mapping,
    recall_mapping,
    remember_mapping,
)
from villagedesk.services.importing.monitoring_lists import plan_monitoring_list
from villagedesk.services.importing.plan import ImportPlan, PlanRow, plan_import, preview_rows
from villagedesk.services.importing.reading import SheetData, list_sheets, read_table
from villagedesk.services.importing.refused import write_refused_rows

__all__ = [
    "FIELDS",
    "KINDS",
    "FieldMatch",
    "ImportPlan",
    "ImportReport",
    "Mapping",
    "PlanRow",
    "SheetData",
    "commit_import",
    "guess_mapping",
    "list_sheets",
    "plan_import",
    "plan_monitoring_list",
    "preview_rows",
    "read_table",
    "recall_mapping",
    "remember_mapping",
    "report_for",
    "write_refused_rows",
]
