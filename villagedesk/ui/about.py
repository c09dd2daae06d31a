"""关于: the version, where the data lives, and the licences of what we ship."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk import __version__
from villagedesk.paths import default_db_path, is_portable
from villagedesk.resources import resource_path
from villagedesk.ui.context import AppContext

#: (name, licence) of the libraries shipped inside the program folder
LIBRARIES: list[tuple[str, str]] = [
    ("Python", "PSF-2.0"),
    (f"PySide6 {PYSIDE_VERSION} / Qt {qVersion()}", "LGPL-3.0"),
    ("sqlite-utils", "Apache-2.0"),
    ("SQLite", "Public domain"),
    ("reportlab", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("pypinyin", "MIT"),
    ("Pillow", "HPND (MIT-CMU)"),
    ("platformdirs", "MIT"),
]
FONT_LICENCE = ("fonts", "LICENSE-wqy-microhei.txt")


def font_licence_text() -> str:
    """The bundled font's licence file (a short note if the file is missing)."""
    path = resource_path(*FONT_LICENCE)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"({path} not found)"


class AboutDialog(QDialog):
    """Version, data folder, database file and licences, in a read-only text box."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("About VillageDesk"))
        self.resize(720, 560)

        icon = QLabel()
        pixmap = QPixmap(str(resource_path("icons", "villagedesk.png")))
        if not pixmap.isNull():
            icon.setPixmap(
                pixmap.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        title = QLabel(self.tr("VillageDesk"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f4e79;")
        tagline = QLabel(
            self.tr("Offline visits, issue ledger, aid and reports for village work teams")
        )
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.version_label = QLabel(__version__)
        self.folder_label = self._path_label(str(ctx.data_dir))
        self.db_label = self._path_label(str(ctx.db_path))
        self.mode_label = QLabel(self._mode_text())
        facts = QFormLayout()
        facts.addRow(self.tr("Version:"), self.version_label)
        facts.addRow(self.tr("Data folder:"), self.folder_label)
        facts.addRow(self.tr("Database file:"), self.db_label)
        facts.addRow(self.tr("Mode:"), self.mode_label)

        self.licences = QPlainTextEdit()
        self.licences.setReadOnly(True)
        self.licences.setPlainText(self.licence_text())

        self.open_folder_button = QPushButton(self.tr("Open data folder"))
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("Licences of the software included:")))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)

    def _mode_text(self) -> str:
        if is_portable():
            return self.tr("Portable: the data stays in the data folder beside the program")
        if Path(self.ctx.db_path).resolve() == default_db_path().resolve():
            return self.tr("Installed: the data is in your user folder")
        return self.tr("A database file chosen by you (--db or VILLAGEDESK_DB)")

    def _path_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def licence_text(self) -> str:
        """What the licence box shows: the libraries, then the font's licence in full."""
        lines = [self.tr("Libraries shipped with VillageDesk:"), ""]
        lines += [f"  {name} — {licence}" for name, licence in LIBRARIES]
        lines += [
            "",
            self.tr(
                "Qt and PySide6 are used under the GNU LGPL version 3: they are shipped as "
                "separate library files in the program folder and may be replaced by "
                "compatible versions. Their source code is available from qt.io."
            ),
            "",
            self.tr("Bundled font WenQuanYi Micro Hei (used under Apache-2.0):"),
            "",
            font_licence_text(),
        ]
        return "\n".join(lines)

    def open_data_folder(self) -> None:
        """Show the data folder in the file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
