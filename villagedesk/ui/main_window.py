"""The main window: navigation on the left, the current page on the right, status below."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.validation import format_date_cn
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages import PAGES, spec

NAV_STYLE = """
QListWidget#nav { background: #1f4e79; color: white; border: none; font-size: 11pt; }
QListWidget#nav::item { padding: 9px 14px; }
QListWidget#nav::item:selected { background: #2e75b6; color: white; }
"""


class MainWindow(QMainWindow):
    """Pages are built on first visit, so the window is usable as soon as the dashboard is."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        profile = ctx.db.profile.get()
        title = self.tr("VillageDesk")
        self.setWindowTitle(f"{title} — {profile.village}" if profile.village else title)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setFixedWidth(176)
        self.stack = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        for page in PAGES:
            item = QListWidgetItem(QCoreApplication.translate("Pages", page.title))
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row].key))
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_shortcuts()
        self.resize(QSize(1366, 768))

    # ---- pages ---------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page widget for a key, building it on first use."""
        if key not in self._pages:
            try:
                cls = spec(key).load()
                widget = cls(self.ctx)
            except ModuleNotFoundError as exc:
                if not (exc.name or "").startswith("villagedesk.ui.pages"):
                    raise
                widget = QLabel(self.tr("This page is not available in this version yet."))
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._pages[key] = widget
            self.stack.addWidget(widget)
            if hasattr(widget, "open_household"):
                pass
            if hasattr(widget, "refresh"):
                widget.refresh()
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Switch to a page (and select it in the navigation)."""
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = [p.key for p in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def current_page_key(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)].key

    # ---- status bar and shortcuts ----------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", str(self.ctx.db_path)))
        self.backup_label = QLabel()
        self.date_label = QLabel(format_date_cn(today()))
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.backup_label)
        bar.addPermanentWidget(self.date_label)

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+1"), self, activated=lambda: self.show_page("dashboard"))

    # ---- remembered geometry -----------------------------------------------------
    def restore_state(self, settings: QSettings) -> None:
        """Window size and last page from the previous session."""
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        key = settings.value("window/page", "dashboard")
        self.show_page(key if key in [p.key for p in PAGES] else "dashboard")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page_key())
        super().closeEvent(event)
