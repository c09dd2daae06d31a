"""The app's pages, created lazily the first time they are shown (keeps startup fast)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str  # the --page name of the command line
    title: str  # English source; translated in the "Pages" context
    module: str
    cls: str

    def load(self):
        """The page class (imports its module on first use)."""
        return getattr(importlib.import_module(f"villagedesk.ui.pages.{self.module}"), self.cls)


PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Home"), "dashboard", "DashboardPage"),
    PageSpec(
        "households",
        QT_TRANSLATE_NOOP("Pages", "Households & residents"),
        "households",
        "HouseholdsPage",
    ),
    PageSpec("visits", QT_TRANSLATE_NOOP("Pages", "Visits"), "visits", "VisitsPage"),
    PageSpec("issues", QT_TRANSLATE_NOOP("Pages", "Issue ledger"), "issues", "IssuesPage"),
    PageSpec("aid", QT_TRANSLATE_NOOP("Pages", "Aid"), "aid", "AidPage"),
    PageSpec("deeds", QT_TRANSLATE_NOOP("Pages", "Deeds for the people"), "deeds", "DeedsPage"),
    PageSpec(
        "activities",
        QT_TRANSLATE_NOOP("Pages", "Activities & meetings"),
        "activities",
        "ActivitiesPage",
    ),
    PageSpec("diary", QT_TRANSLATE_NOOP("Pages", "Team diary"), "diary", "DiaryPage"),
    PageSpec("team", QT_TRANSLATE_NOOP("Pages", "Team & contact cards"), "team", "TeamPage"),
    PageSpec("reports", QT_TRANSLATE_NOOP("Pages", "Reports & export"), "reports", "ReportsPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), "settings", "SettingsPage"),
    PageSpec("recycle", QT_TRANSLATE_NOOP("Pages", "Recycle bin"), "recycle_bin", "RecycleBinPage"),
]

PAGE_KEYS = [p.key for p in PAGES]


def spec(key: str) -> PageSpec:
    """The page with this command-line name."""
    for p in PAGES:
        if p.key == key:
            return p
    raise KeyError(key)
