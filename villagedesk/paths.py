"""Where the database and its backups live: the user data folder, or ``data/`` in portable mode.

Portable mode: a file named ``portable`` beside the frozen executable (a team carries the whole
program folder on a USB stick) keeps the database and its backups in a ``data`` folder next to it.
From source the marker is not looked for (a checkout is not a program folder); tests and scripts
point ``VILLAGEDESK_PORTABLE_DIR`` at a folder to act as the program folder. No Qt here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from villagedesk import APP_NAME

PORTABLE_MARKER = "portable"
PORTABLE_DATA = "data"
PORTABLE_ENV = "VILLAGEDESK_PORTABLE_DIR"
DB_FILENAME = "villagedesk.db"


def program_dir() -> Path | None:
    """The folder that may hold the ``portable`` marker (None when running from source)."""
    override = os.environ.get(PORTABLE_ENV)
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def is_portable() -> bool:
    """Whether a ``portable`` marker file sits beside the executable."""
    folder = program_dir()
    return folder is not None and (folder / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder for the database, its ``backups/`` and the error log (created on first use)."""
    if is_portable():
        folder = program_dir() / PORTABLE_DATA  # type: ignore[operator]  # is_portable checked it
    else:
        from platformdirs import user_data_dir  # lazy: only when no --db was given

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    """The database used when neither ``--db`` nor ``VILLAGEDESK_DB`` names one."""
    return data_dir() / DB_FILENAME


__all__ = ["DB_FILENAME", "data_dir", "default_db_path", "is_portable", "program_dir"]
