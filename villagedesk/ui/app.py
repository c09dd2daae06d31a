"""Start the desktop app (or render one page to PNG for ``--screenshot``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from villagedesk import APP_NAME


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
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from villagedesk.storage.database import open_database
    from villagedesk.storage.errors import StorageError
    from villagedesk.ui.context import AppContext
    from villagedesk.ui.fonts import install_app_font
    from villagedesk.ui.i18n import install_translator
    from villagedesk.ui.main_window import MainWindow

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_app_font(app)
    install_translator(app, lang)
    try:
        db = open_database(Path(db_path))
    except StorageError as exc:
        if screenshot:
            print(exc.message(lang), file=sys.stderr)
            return 1
        QMessageBox.critical(None, APP_NAME, exc.message(lang))
        return 1
    ctx = AppContext(db, lang=lang)
    window = MainWindow(ctx)
    if screenshot:
        w, h = _size(size)
        window.resize(w, h)
        window.show_page(page or "dashboard")
        window.show()
        app.processEvents()
        ok = window.grab().save(str(screenshot))
        window.close()
        db.close()
        return 0 if ok else 1
    window.restore_state(QSettings())
    window.show()
    code = app.exec()
    db.close()
    return code
