"""关于: reachable from the main window; version, data folder, database file, licences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from villagedesk import __version__, paths
from villagedesk.ui.about import AboutDialog
from villagedesk.ui.context import AppContext
from villagedesk.ui.i18n import install_translator
from villagedesk.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("private_settings")


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch) -> Path:
    """platformdirs' user data folder in tmp_path; no portable marker looked for."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(paths.PORTABLE_ENV, raising=False)
    return tmp_path / "xdg"


@pytest.fixture
def about(qtbot, db) -> AboutDialog:
    dialog = AboutDialog(AppContext(db))
    qtbot.addWidget(dialog)
    return dialog


def test_shows_version_folder_and_database(about: AboutDialog, db) -> None:
    assert about.version_label.text() == __version__
    assert about.db_label.text() == str(db.path)
    assert Path(about.folder_label.text()) == Path(db.path).parent
    assert about.mode_label.text() == "A database file chosen by you (--db or VILLAGEDESK_DB)"


def test_default_database_is_called_installed(qtbot) -> None:
    from villagedesk.storage.database import open_database

    database = open_database(paths.default_db_path())
    try:
        dialog = AboutDialog(AppContext(database))
        qtbot.addWidget(dialog)
        assert dialog.mode_label.text() == "Installed: the data is in your user folder"
    finally:
        database.close()


def test_licences_are_read_only_and_complete(about: AboutDialog) -> None:
    text = about.licences.toPlainText()
    assert about.licences.isReadOnly()
    for name, licence in [
        ("PySide6", "LGPL-3.0"),
        ("sqlite-utils", "Apache-2.0"),
        ("reportlab", "BSD"),
        ("openpyxl", "MIT"),
        ("pypinyin", "MIT"),
        ("Pillow", "HPND"),
        ("platformdirs", "MIT"),
    ]:
        line = next(line for line in text.splitlines() if name in line)
        assert licence in line
    # the bundled font's licence file, in full
    assert "WenQuanYi Micro Hei 文泉驿微米黑" in text
    assert "Apache License" in text


def test_portable_mode_is_named(qtbot, db, tmp_path, monkeypatch) -> None:
    (tmp_path / "portable").write_text("", encoding="utf-8")
    monkeypatch.setenv(paths.PORTABLE_ENV, str(tmp_path))
    dialog = AboutDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.mode_label.text().startswith("Portable")


def test_open_data_folder_button(about: AboutDialog, db, monkeypatch, qtbot) -> None:
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(about.open_folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [Path(db.path).parent]


def test_about_button_in_the_main_window_opens_it(qtbot, db) -> None:
    window = MainWindow(AppContext(db))
    qtbot.addWidget(window)
    window.show()
    assert window.toolbar.isAncestorOf(window.about_button) and window.about_button.isVisible()
    qtbot.mouseClick(window.about_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.db_label.text() == str(db.path)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_chinese_translation(qtbot, db) -> None:
    app = QApplication.instance()
    install_translator(app, "zh_CN")
    try:
        window = MainWindow(AppContext(db))
        qtbot.addWidget(window)
        assert window.about_button.text() == "关于"
        dialog = AboutDialog(AppContext(db))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "关于驻村工作台"
        assert "许可" in dialog.licences.toPlainText()
    finally:
        install_translator(app, "en")
