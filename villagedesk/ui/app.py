"""Start the desktop app (or render one page to PNG for ``--screenshot``)."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from villagedesk import APP_NAME
from villagedesk.startup_trace import mark

LANG_KEY = "ui/language"


def _size(text: str | None) -> tuple[int, int]:
    if not text:
        return 1366, 768
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def run_app(
    db_path: str | os.PathLike[str],
    *,
    lang: str = "zh_CN",
    screenshot: str | None = None,
    page: str | None = None,
    size: str | None = None,
) -> int:
    """Open the main window on ``db_path``; with ``screenshot`` render ``page`` and quit."""
    mark("run_app")
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Qt-free modules before PySide6 (which reads the source of every module imported after
    # it, for its __feature__ switch), and the dashboard's figures computed in a thread while
    # Qt loads and the window is built
    _import_qt_free_modules()
    mark("qt-free modules imported")
    from villagedesk.services import dashboard_queries

    if not screenshot:
        dashboard_queries.prefetch_figures(db_path)
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    mark("PySide6 imported")

    from villagedesk.ui.context import AppContext
    from villagedesk.ui.errors import ErrorReporter
    from villagedesk.ui.fonts import install_app_font
    from villagedesk.ui.i18n import install_translator
    from villagedesk.ui.main_window import MainWindow

    mark("UI modules imported")

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_app_font(app)
    # the language chosen in Settings applies when the command line did not ask for English
    if lang == "zh_CN" and not screenshot and QSettings().value(LANG_KEY) == "en":
        lang = "en"
    install_translator(app, lang)
    mark("application, font, translator")
    path = Path(db_path)
    reporter = ErrorReporter(path.parent).install()
    try:
        if screenshot:
            return _screenshot(path, lang, screenshot, page, size)
        from villagedesk.ui import safety  # damaged → backup offered, password, read-only

        db = safety.open_at_start(path, lang)
        mark("database opened")
        if db is None:
            return 1
        ctx = AppContext(db, lang=lang)
        reporter.log_folder = ctx.data_dir
        from villagedesk.ui.welcome import WelcomeDialog, needs_welcome

        if needs_welcome(db):
            dashboard_queries.discard_prefetched()  # the village is made now
            WelcomeDialog(ctx).exec()  # closing it still opens the (empty) village
        window = MainWindow(ctx)
        mark("main window built")
        window.restore_state(QSettings())
        mark("first page built")
        if safety.is_writable(ctx.db_path):
            # the idle lock watches every event of the app from Python, which made the first
            # paint three times slower; nobody can type before the window has painted
            window.first_painted.connect(lambda: safety.install(window, ctx))
        else:
            safety.install(window, ctx)  # the read-only banner belongs to the first paint
        window.show()
        mark("shown")
        code = app.exec()
        safety.close_at_exit(ctx)  # exit backup; ctx.db may have been reopened by a restore
        return code
    finally:
        reporter.uninstall()


#: what the window needs at startup that does not import Qt (see run_app)
QT_FREE_STARTUP_MODULES = (
    "villagedesk.storage.database",
    "villagedesk.storage.backup",
    "villagedesk.storage.health",
    "villagedesk.services.figures",
    "villagedesk.services.dashboard_queries",
    "villagedesk.resources",
    "logging",
    "traceback",
)


def _import_qt_free_modules() -> None:
    import importlib

    for name in QT_FREE_STARTUP_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # only an optimisation: the app imports what it needs anyway
            pass


#: pages load some parts just after their first paint; a screenshot waits for them
SCREENSHOT_SETTLE_MS = 250


def _screenshot(path: Path, lang: str, out: str, page: str | None, size: str | None) -> int:
    from PySide6.QtWidgets import QApplication

    from villagedesk.storage.database import open_database
    from villagedesk.storage.errors import StorageError
    from villagedesk.ui.context import AppContext
    from villagedesk.ui.main_window import MainWindow

    app = QApplication.instance()
    try:
        db = open_database(path)
    except StorageError as exc:
        print(exc.message(lang), file=sys.stderr)
        return 1
    ctx = AppContext(db, lang=lang)
    window = MainWindow(ctx)
    w, h = _size(size)
    window.resize(w, h)
    window.show_page(page or "dashboard")
    window.show()
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

    for _ in range(3):  # let deferred loads (timers, background tasks) settle
        loop = QEventLoop()
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, loop.quit)
        loop.exec()
        QThreadPool.globalInstance().waitForDone(10000)
        app.processEvents()
    ok = window.grab().save(str(out))
    window.close()
    db.close()
    return 0 if ok else 1


# ---- opening the database, with a way out of every problem -----------------------------


def open_with_way_out(path: Path, lang: str):
    """Open the database; on a problem explain it in a message box and offer a way out.

    Returns the open Database, or None when the user chose to quit.
    """
    from PySide6.QtCore import QCoreApplication

    from villagedesk.storage import errors
    from villagedesk.storage.database import open_database

    while True:
        try:
            return open_database(path)
        except errors.StorageError as exc:
            # here, not above: the dialog classes cost 1.5 ms of every start that needs none
            from PySide6.QtWidgets import QFileDialog, QMessageBox

            box = QMessageBox()
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("StartUp", "Cannot open the database"))
            box.setText(exc.message(lang))
            retry = restore = None
            if isinstance(exc, errors.DatabaseLockedError):
                retry = box.addButton(
                    QCoreApplication.translate("StartUp", "Try again"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            backup = None
            if isinstance(exc, errors.NotADatabaseError | errors.DatabaseDamagedError):
                backup = newest_good_backup(path)
                if backup is not None:
                    restore = box.addButton(
                        QCoreApplication.translate(
                            "StartUp", "Use the newest good backup (%1)"
                        ).replace("%1", backup.name),
                        QMessageBox.ButtonRole.AcceptRole,
                    )
                    box.setInformativeText(
                        QCoreApplication.translate(
                            "StartUp",
                            "The damaged file will be kept beside it, renamed, so nothing is lost.",
                        )
                    )
            choose = box.addButton(
                QCoreApplication.translate("StartUp", "Choose another file…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            quit_ = box.addButton(
                QCoreApplication.translate("StartUp", "Quit"), QMessageBox.ButtonRole.RejectRole
            )
            box.setDefaultButton(retry or restore or choose)
            box.exec()
            clicked = box.clickedButton()
            if clicked is quit_ or clicked is None:
                return None
            if clicked is retry:
                continue
            if clicked is restore and backup is not None:
                path = restore_from_backup(path, backup)
                continue
            if clicked is choose:
                chosen, _ = QFileDialog.getOpenFileName(
                    None, QCoreApplication.translate("StartUp", "Choose a database"), str(path.parent),
                    QCoreApplication.translate("StartUp", "VillageDesk database (*.db);;All files (*)"),
                )  # fmt: skip
                if not chosen:
                    return None
                path = Path(chosen)


def newest_good_backup(path: Path) -> Path | None:
    """The newest verified backup of ``path`` that villagedesk.storage.health knows (if any)."""
    try:
        from villagedesk.storage import health
    except ImportError:
        return None
    try:
        report = health.check_on_start(path)
    except Exception:  # a damaged file may upset the checker; then we offer no backup
        return None
    for name in ("newest_good_backup", "good_backup", "backup", "restore_from"):
        value = getattr(report, name, None)
        if value:
            return Path(getattr(value, "path", value))
    return None


def restore_from_backup(path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of ``path``, keeping the damaged file renamed beside it."""
    from villagedesk.core.clock import now_iso

    stamp = now_iso().replace(":", "").replace("-", "")
    if path.exists():
        os.replace(path, path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}"))
    for suffix in ("-wal", "-shm"):  # the damaged file's journal must not be replayed
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if side.exists():
                os.replace(side, side.with_name(f"{side.name}.damaged-{stamp}"))
    tmp = path.with_name(path.name + ".restoring")
    import shutil

    shutil.copy2(backup, tmp)
    os.replace(tmp, path)
    return path
