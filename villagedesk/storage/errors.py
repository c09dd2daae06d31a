"""Why the database could not be used, in words a first secretary understands."""

from __future__ import annotations


class StorageError(Exception):
    """A database problem with a Chinese message (``str(e)``) and an English one."""

    exit_code = 1

    def __init__(self, message: str, english: str = "") -> None:
        super().__init__(message)
        self.english = english or message

    def message(self, lang: str = "zh_CN") -> str:
        """The message in the user's language."""
        return self.english if lang == "en" else str(self)


class DatabaseNotFoundError(StorageError):
    """The file or its folder does not exist."""


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class DatabaseDamagedError(StorageError):
    """The file opens but fails the integrity check."""


class DatabaseLockedError(StorageError):
    """Another program holds the database."""


class DatabaseReadOnlyError(StorageError):
    """The file or its folder cannot be written."""


class NewerSchemaError(StorageError):
    """The database was written by a newer VillageDesk."""


class DiskFullError(StorageError):
    """The disk filled up while saving; nothing was saved."""
