"""Table names and the list of migrations, importable without sqlite-utils (fast startup).

``schema.py`` holds the migrations themselves and checks at import that its list matches
``MIGRATION_NAMES``; opening an up-to-date database needs only this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    TABLES: dict[type, str]

MIGRATION_SET = "villagedesk"

#: every migration this version knows, in order (schema.py must define exactly these)
MIGRATION_NAMES = [
    "m001_initial",
    "m002_search_keys",
    "m003_monitoring",
    "m004_search_indexes",
    "m005_figure_indexes",
    "m006_templates",
    "m007_visit_household_dates",
]


def _tables() -> dict[type, str]:
    # built on first use: the record classes are not needed to open a database, and creating
    # them is about 10 ms of the window's start
    from villagedesk.core import records as r
    from villagedesk.core.monitoring import CheckTask, MonitoringEntry, MonitoringList

    return {
        r.TeamMember: "team_members",
        r.Group: "groups",
        r.Household: "households",
        r.Resident: "residents",
        r.Visit: "visits",
        r.Issue: "issues",
        r.IssueEvent: "issue_events",
        r.Aid: "aid",
        r.Deed: "deeds",
        r.Activity: "activities",
        r.DiaryEntry: "diary",
        r.Attachment: "attachments",
        MonitoringList: "monitoring_lists",
        MonitoringEntry: "monitoring_entries",
        CheckTask: "check_tasks",
    }


def __getattr__(name: str):
    """``TABLES`` (record class -> table name), made when first asked for."""
    if name == "TABLES":
        globals()["TABLES"] = tables = _tables()
        return tables
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
