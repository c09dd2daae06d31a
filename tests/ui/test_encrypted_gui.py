"""An encrypted database works everywhere in the window, including the background work."""

from __future__ import annotations

import pytest

from villagedesk.services.figures import Month, overdue_issues
from villagedesk.storage import crypto
from villagedesk.storage.database import open_database
from villagedesk.ui.context import AppContext
from villagedesk.ui.main_window import MainWindow
from villagedesk.ui.pages.reports import ExportOptions, write_output

PASSWORD = "村委会2026"


@pytest.fixture
def encrypted_demo(demo_db_template, tmp_path):
    import shutil

    path = tmp_path / "secret.db"
    shutil.copy(demo_db_template, path)
    crypto.encrypt_database(path, PASSWORD)
    db = open_database(path, password=PASSWORD)
    yield db
    db.close()


def test_dashboard_lists_load_in_the_background_on_an_encrypted_database(qtbot, encrypted_demo):
    window = MainWindow(AppContext(encrypted_demo))
    qtbot.addWidget(window)
    page = window.show_page("dashboard")
    window.show()
    qtbot.waitUntil(lambda: page.figures_loaded, timeout=5000)
    expected = len(overdue_issues(encrypted_demo))
    assert expected > 0
    qtbot.waitUntil(lambda: page.lists_loaded, timeout=5000)
    assert page.overdue_model.total() == expected


def test_export_runs_on_its_own_connection_with_the_password(encrypted_demo, tmp_path):
    from openpyxl import load_workbook

    out = write_output(
        encrypted_demo.path,
        "ledger",
        tmp_path / "台账.xlsx",
        ExportOptions(month=Month(2026, 11)),
        password=PASSWORD,
    )
    assert "汇总" in load_workbook(out, read_only=True).sheetnames
