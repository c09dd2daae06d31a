"""Open, check and migrate the village database; hand out the repositories.

SQLite in WAL mode with ``synchronous=FULL`` (a commit survives power loss), foreign keys
on and a busy timeout. Every user action runs in ``Database.transaction()``.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from villagedesk.core.clock import now_iso
from villagedesk.storage import errors
from villagedesk.storage.errors import classify as _classify
from villagedesk.storage.errors import translate_errors
from villagedesk.storage.tables import MIGRATION_NAMES, MIGRATION_SET

BUSY_TIMEOUT_MS = 3000
SQLITE_HEADER = b"SQLite format 3\x00"


class Database:
    """An open village database: the sqlite-utils handle plus one repository per kind."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, *, actor: str = "", password: str | None = None
    ) -> None:
        self.conn = conn
        self.path = path
        self.actor = actor or _default_actor()
        # kept only in memory, so backups of an encrypted database are encrypted too
        self.password = password

    @cached_property
    def su(self):
        """The sqlite-utils handle, made on first write (its import costs startup time)."""
        from sqlite_utils import Database as SUDatabase

        return SUDatabase(self.conn, execute_plugins=False)

    def query(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows of a SELECT as dicts (like sqlite-utils' ``query``)."""
        cursor = self.conn.execute(sql, list(params))
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def execute(self, sql: str, params: Iterable[Any] = ()):
        """Run one statement and return its cursor."""
        return self.conn.execute(sql, list(params))

    # ---- transactions --------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One user action: everything inside commits together or not at all."""
        conn = self.conn
        with translate_errors(self.path):
            if conn.in_transaction:
                with self.su.atomic():  # a savepoint
                    yield self
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    # ---- settings ------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A stored setting's text value."""
        rows = list(self.query("select value from settings where key = ?", [key]))
        return rows[0]["value"] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting (audited like any change)."""
        with self.transaction():
            before = self.get_setting(key)
            self.su["settings"].upsert({"key": key, "value": value}, pk="key")
            self.audit.write("update", "setting", key, {"value": before}, {"value": value})

    # ---- repositories (created on first use) ---------------------------------
    @cached_property
    def audit(self):
        from villagedesk.storage.audit import AuditLog

        return AuditLog(self)

    @cached_property
    def profile(self):
        from villagedesk.storage.profile import ProfileStore

        return ProfileStore(self)

    @cached_property
    def team(self):
        from villagedesk.storage.team import TeamRepo

        return TeamRepo(self)

    @cached_property
    def groups(self):
        from villagedesk.storage.groups import GroupRepo

        return GroupRepo(self)

    @cached_property
    def households(self):
        from villagedesk.storage.households import HouseholdRepo

        return HouseholdRepo(self)

    @cached_property
    def residents(self):
        from villagedesk.storage.residents import ResidentRepo

        return ResidentRepo(self)

    @cached_property
    def visits(self):
        from villagedesk.storage.visits import VisitRepo

        return VisitRepo(self)

    @cached_property
    def issues(self):
        from villagedesk.storage.issues import IssueRepo

        return IssueRepo(self)

    @cached_property
    def aid(self):
        from villagedesk.storage.aid import AidRepo

        return AidRepo(self)

    @cached_property
    def deeds(self):
        from villagedesk.storage.deeds import DeedRepo

        return DeedRepo(self)

    @cached_property
    def activities(self):
        from villagedesk.storage.activities import ActivityRepo

        return ActivityRepo(self)

    @cached_property
    def diary(self):
        from villagedesk.storage.diary import DiaryRepo

        return DiaryRepo(self)

    @cached_property
    def attachments(self):
        from villagedesk.storage.attachments import AttachmentRepo

        return AttachmentRepo(self)

    @cached_property
    def monitoring_lists(self):
        from villagedesk.storage.monitoring import MonitoringListRepo

        return MonitoringListRepo(self)

    @cached_property
    def monitoring_entries(self):
        from villagedesk.storage.monitoring import MonitoringEntryRepo

        return MonitoringEntryRepo(self)

    @cached_property
    def check_tasks(self):
        from villagedesk.storage.monitoring import CheckTaskRepo

        return CheckTaskRepo(self)

    def repositories(self) -> dict[str, object]:
        """Every record repository by its kind name (for dump, load and the recycle bin)."""
        repos = [
            self.team, self.groups, self.households, self.residents, self.visits,
            self.issues, self.aid, self.deeds, self.activities, self.diary, self.attachments,
            self.monitoring_lists, self.monitoring_entries, self.check_tasks,
        ]  # fmt: skip
        return {repo.kind: repo for repo in repos}

    def integrity_problems(self) -> list[str]:
        """What ``PRAGMA integrity_check`` and ``foreign_key_check`` report (empty when fine)."""
        with translate_errors(self.path):
            rows = [r[0] for r in self.execute("PRAGMA integrity_check").fetchall()]
            problems = [] if rows == ["ok"] else rows
            for table, rowid, parent, _ in self.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"{table} 第 {rowid} 行引用了不存在的 {parent} 记录")
        return problems


def _default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows set-ups
        return "本机用户"


def is_sqlite_file(path: Path) -> bool:
    """Whether a file starts with the SQLite header (False for empty or other files)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def open_database(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    migrate: bool = True,
    readonly: bool = False,
    actor: str = "",
    password: str | None = None,
) -> Database:
    """Open (and create or upgrade) a village database, or raise a StorageError saying why.

    Before an existing database is upgraded a copy is written beside it in ``backups/``.
    A database written by a newer VillageDesk is refused untouched.
    """
    path = Path(path).expanduser().absolute()
    if not path.parent.is_dir():
        raise errors.DatabaseNotFoundError(
            f"文件夹不存在：{path.parent}", f"The folder does not exist: {path.parent}"
        )
    exists = path.exists()
    if path.is_dir():
        raise errors.NotADatabaseError(
            f"这是一个文件夹，不是数据库文件：{path}", f"This is a folder, not a database: {path}"
        )
    if not exists and (not create or readonly):
        raise errors.DatabaseNotFoundError(
            f"数据库文件不存在：{path}", f"The database file does not exist: {path}"
        )
    if exists and path.stat().st_size > 0 and not is_sqlite_file(path) and not password:
        from villagedesk.storage import crypto

        if crypto.is_encrypted(path):
            raise crypto.PasswordRequiredError()
        raise _classify(sqlite3.DatabaseError("file is not a database"), path)
    writable = os.access(path.parent, os.W_OK) and (not exists or os.access(path, os.W_OK))
    if not readonly and not writable:
        raise _classify(sqlite3.OperationalError("attempt to write a readonly database"), path)

    with translate_errors(path):
        if password:
            from villagedesk.storage import crypto

            conn = crypto.open_encrypted_connection(path, password, readonly=readonly)
        elif readonly:
            conn = _connect_readonly(path)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.isolation_level = None  # we open transactions ourselves (BEGIN IMMEDIATE)
        try:
            conn.execute("PRAGMA recursive_triggers = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("select count(*) from sqlite_master").fetchone()
            db = Database(conn, path, actor=actor, password=password or None)
            # refuse a foreign or newer file before anything (even the journal mode) changes it
            _check_version(db)
            if not readonly:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            if migrate and not readonly:
                _migrate(db, existed=exists and path.stat().st_size > 0)
            elif _pending(db):
                if readonly and not _applied(db):
                    raise errors.NotADatabaseError(
                        f"文件不是驻村工作台数据库：{path}",
                        f"The file is not a VillageDesk database: {path}",
                    )
        except BaseException:
            conn.close()
            raise
    return db


def _connect_readonly(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # a WAL database in a folder we cannot write (no -shm can be made): read the file as
        # it is; commits still waiting in a -wal file are not visible this way
        conn.close()
        return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)


def _applied(db: Database) -> list[str]:
    """Names of the migrations recorded in the file, in order (plain SQL: no sqlite-utils)."""
    has_table = db.execute(
        "select 1 from sqlite_master where type = 'table' and name = '_sqlite_migrations'"
    ).fetchone()
    if not has_table:
        return []
    return [
        row[0]
        for row in db.execute(
            "select name from _sqlite_migrations where migration_set = ? order by rowid",
            [MIGRATION_SET],
        )
    ]


def _pending(db: Database) -> list[str]:
    applied = set(_applied(db))
    return [name for name in MIGRATION_NAMES if name not in applied]


def _check_version(db: Database) -> None:
    applied = _applied(db)
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise errors.NewerSchemaError(
            "这个数据库由更新版本的驻村工作台创建，请先升级软件再打开（数据未做任何改动）",
            "This database was written by a newer VillageDesk; please upgrade (nothing was changed)",
        )
    tables = {row[0] for row in db.execute("select name from sqlite_master where type = 'table'")}
    if not applied and tables - {"_sqlite_migrations"}:
        raise errors.NotADatabaseError(
            f"这是一个其他程序的 SQLite 数据库，不是驻村工作台数据库：{db.path}",
            f"This SQLite file belongs to another program, not VillageDesk: {db.path}",
        )


def _migrate(db: Database, *, existed: bool) -> None:
    pending = _pending(db)
    if not pending:
        return
    from villagedesk.storage.schema import migrations  # sqlite-utils: only when upgrading

    if existed and _applied(db):
        from villagedesk.storage.backup import backup_database

        stamp = now_iso().replace(":", "").replace("-", "")
        dest = db.path.parent / "backups" / f"{db.path.stem}-before-{pending[0]}-{stamp}.db"
        backup_database(db, dest)
    migrations.apply(db.su)


def schema_version(db: Database) -> list[str]:
    """The migrations applied to this database, in order."""
    return _applied(db)


def pending_migrations(db: Database) -> list[str]:
    """The migrations this version would still apply to the database."""
    return _pending(db)


__all__ = [
    "Database",
    "open_database",
    "MIGRATION_SET",
    "schema_version",
    "pending_migrations",
    "is_sqlite_file",
]
