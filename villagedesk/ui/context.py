"""What every page shares: the open database, the language and change notifications."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from villagedesk.storage.database import Database


class AppContext(QObject):
    """Passed to every page. Pages emit ``changed(kind)`` after saving so others refresh."""

    #: a record kind ("household", "visit", "issue", …) was created, changed or deleted
    changed = Signal(str)
    #: a page asks the main window to open a household's file (household uid)
    open_household_requested = Signal(str)

    def __init__(self, db: Database, *, lang: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang

    @property
    def db_path(self) -> Path:
        return self.db.path

    @property
    def data_dir(self) -> Path:
        """The folder holding the database, its backups and the error log."""
        return Path(self.db.path).parent

    def notify(self, kind: str) -> None:
        """Tell the other pages that records of ``kind`` changed."""
        self.changed.emit(kind)

    def open_household(self, household_uid: str) -> None:
        """Ask for a household's file to be opened (the main window listens)."""
        self.open_household_requested.emit(household_uid)
