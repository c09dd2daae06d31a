"""The main window: search on top, navigation on the left, the current page, status below."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.validation import format_date_cn
from villagedesk.ui.context import AppContext
from villagedesk.ui.global_search import GlobalSearch
from villagedesk.ui.pages import PAGE_KEYS, PAGES, spec
from villagedesk.ui.widgets.tiles import style_label

NAV_STYLE = """
QListWidget#nav { background: #1f4e79; color: white; border: none; font-size: 11pt; }
QListWidget#nav::item { padding: 8px 14px; }
QListWidget#nav::item:selected { background: #2e75b6; color: white; }
"""
TOOLBAR_STYLE = (
    "QToolBar#top { background: #f3f6fa; border-bottom: 1px solid #d0d7de; spacing: 8px; }"
)


def last_backup_time(db_path: Path) -> datetime | None:
    """When the newest backup of this database was written (None if none or unknown)."""
    from villagedesk.storage import backup

    try:  # only this database's backups (a folder may hold several databases' backups)
        newest = backup.backup_status(db_path).newest
    except Exception:  # the status bar must never stop the window from opening
        return None
    return newest.created_at if newest is not None else None


class MainWindow(QMainWindow):
    """Pages are built on first visit, so the window is usable as soon as the dashboard is."""

    #: emitted once, just after the window's first paint (work that can wait for it)
    first_painted = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.painted = False
        self.shortcuts: list = []  # made just after the first paint (see _build_shortcuts)
        self.household_dialog = None
        profile = ctx.db.profile.get()
        title = self.tr("VillageDesk")
        self.setWindowTitle(f"{title} — {profile.village}" if profile.village else title)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet(NAV_STYLE)
        self.nav.setFixedWidth(168)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        self._build_toolbar()
        self._build_status_bar()
        # the keyboard shortcuts just after the first paint: QKeySequence costs 1.5 ms of
        # the start, and no one can press a key before the window is there
        self.first_painted.connect(self._build_shortcuts)
        ctx.open_household_requested.connect(self.open_household)
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
            if hasattr(widget, "refresh"):
                widget.refresh()
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Switch to a page (and select it in the navigation)."""
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = PAGE_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return widget

    def current_page_key(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)].key

    def open_household(self, household_uid: str):
        """Open a household's file (一户一档) in its own window."""
        from villagedesk.ui.pages.household_file import HouseholdFileDialog

        dialog = HouseholdFileDialog(self.ctx, household_uid, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.household_dialog = dialog
        return dialog

    # ---- toolbar, status bar and shortcuts -----------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Search"))
        bar.setObjectName("top")
        bar.setStyleSheet(TOOLBAR_STYLE)
        bar.setMovable(False)
        bar.setFloatable(False)
        self.search_box = GlobalSearch(self.ctx)
        self.search_box.household_chosen.connect(self.open_household)
        title = QLabel(self.windowTitle())
        style_label(title, "#1f4e79", point_size=12, bold=True)
        title.setContentsMargins(12, 0, 12, 0)
        bar.addWidget(title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search_box)
        # buttons, not actions: a QAction makes PySide6 create QIcon's and QKeySequence's
        # enums (3 ms of the start); they look the same in the toolbar
        self.import_button = self._toolbar_button(bar, self.tr("Import data…"), self.show_import)
        self.about_button = self._toolbar_button(bar, self.tr("About"), self.show_about)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    @staticmethod
    def _toolbar_button(bar: QToolBar, text: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text.rstrip("….").strip())  # as a toolbar shows an action: no "…"
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        bar.addWidget(button)
        return button

    def show_import(self):
        """导入数据: the import wizard (old Excel ledgers, rosters, monitoring lists)."""
        from villagedesk.ui.import_wizard import open_import_wizard

        return open_import_wizard(self.ctx, self)

    def show_about(self):
        """关于: version, data folder, database file and licences."""
        from villagedesk.ui.about import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel(self.tr("Database: %1").replace("%1", str(self.ctx.db_path)))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_label = QLabel()
        self.date_label = QLabel(self.tr("Today: %1").replace("%1", format_date_cn(today())))
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.backup_label)
        bar.addPermanentWidget(self.date_label)
        # after the first paint: listing the backups folder need not delay the window
        QTimer.singleShot(0, self.update_backup_label)

    def update_backup_label(self) -> None:
        """Show when the last backup was made; warn when it is more than a week old."""
        when = last_backup_time(Path(self.ctx.db_path))
        if when is None:
            self.backup_label.setText(self.tr("No backup yet"))
            self.backup_label.setStyleSheet("color: #b00020;")
            return
        text = self.tr("Last backup: %1").replace(
            "%1", f"{format_date_cn(when.date())} {when:%H:%M}"
        )
        from villagedesk.storage.backup import STALE_AFTER  # one rule for "old" backups

        if today() - when.date() > STALE_AFTER:
            text += "  " + self.tr("(more than a week ago — please back up)")
            self.backup_label.setStyleSheet("color: #b00020; font-weight: bold;")
        elif self.backup_label.styleSheet():
            self.backup_label.setStyleSheet("")
        self.backup_label.setText(text)

    def _build_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence, QShortcut

        keys = [
            (f"Ctrl+{number}", lambda k=page.key: self.show_page(k))
            for number, page in enumerate(PAGES[:9], start=1)
        ]
        keys += [
            (QKeySequence.StandardKey.Find, self.focus_search),
            ("Ctrl+N", self.new_visit),
            ("Ctrl+I", self.new_issue),
        ]
        self.shortcuts = [QShortcut(QKeySequence(key), self, activated=slot) for key, slot in keys]

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the global search box."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def new_visit(self) -> None:
        """Ctrl+N: the visits page's quick entry."""
        page = self.show_page("visits")
        if hasattr(page, "new_visit"):
            page.new_visit()

    def new_issue(self) -> None:
        """Ctrl+I: register a new issue."""
        page = self.show_page("issues")
        if hasattr(page, "new_issue"):
            page.new_issue()

    # ---- remembered geometry -----------------------------------------------------
    def restore_state(self, settings: QSettings | None = None) -> None:
        """Window size and last page from the previous session."""
        settings = settings or QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        key = settings.value("window/page", "dashboard")
        self.show_page(key if key in PAGE_KEYS else "dashboard")

    def save_state(self, settings: QSettings | None = None) -> None:
        """Remember the window size and the page shown."""
        settings = settings or QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self.current_page_key())
        settings.sync()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().paintEvent(event)
        if not self.painted:
            from villagedesk.startup_trace import mark

            mark("first paint")
            self.painted = True
            # queued: the children paint after this (the window's own) paintEvent
            QTimer.singleShot(0, self, self.first_painted.emit)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.save_state()
        self.search_box.hide_popup()
        super().closeEvent(event)
