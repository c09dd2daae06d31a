"""报表导出: each button writes its file in the background; errors leave nothing behind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from villagedesk.services.figures import Month, monthly_figures
from villagedesk.services.ledger_xlsx import SUMMARY_ITEMS
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages import reports
from villagedesk.ui.pages.reports import ExportOptions, ReportsPage, default_file_name

TODAY = date(2026, 11, 29)


@pytest.fixture
def page(qtbot, demo_db, monkeypatch):
    page = ReportsPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.messages = []

    def question(_parent, title, text, *a, **k):
        page.messages.append(text)
        return QMessageBox.StandardButton.No  # do not open a file manager in tests

    def warning(_parent, title, text, *a, **k):
        page.messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return page


def save_to(monkeypatch, path: Path, seen: list | None = None) -> None:
    def dialog(_parent, _title, suggested, _filter, *a, **k):
        if seen is not None:
            seen.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)


def run(qtbot, page: ReportsPage, kind: str):
    job = page.export(kind)
    assert job is not None
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    return job


def test_defaults_last_month_and_profile_masking(page, demo_db):
    assert page.options().month == Month(2026, 10)
    assert page.month.itemData(0) == "2026-11"
    assert page.mask.isChecked() == demo_db.profile.get().mask_ids


def test_ledger_summary_equals_monthly_figures(qtbot, page, demo_db, tmp_path, monkeypatch):
    seen: list[str] = []
    out = tmp_path / "台账.xlsx"
    save_to(monkeypatch, out, seen)
    page.month.setCurrentIndex(page.month.findData("2026-11"))
    job = run(qtbot, page, "ledger")
    assert job.path == out and not job.error
    village = demo_db.profile.get().village
    assert Path(seen[0]).name == f"{village}驻村工作台账2026年11月.xlsx"
    assert str(out) in page.messages[-1]
    ws = openpyxl.load_workbook(out)["汇总"]
    rows = {r[1]: (r[2], r[3]) for r in ws.iter_rows(values_only=True) if r and len(r) > 3}
    month = monthly_figures(demo_db, Month(2026, 11), today=TODAY)
    cumulative = monthly_figures(demo_db, None, today=TODAY)
    checked = 0
    for label, path, _note in SUMMARY_ITEMS:
        want = []
        for fig in (month, cumulative):
            value = fig
            for key in path:
                value = value[key]
            want.append(float(Decimal(value)) if isinstance(value, str) else value)
        assert rows[label] == tuple(want), label
        checked += 1
    assert checked == len(SUMMARY_ITEMS)
    assert month["issues"]["collected"] > 0  # the demo month is not empty


def test_pdf_report_names_the_village(qtbot, page, demo_db, tmp_path, monkeypatch):
    out = tmp_path / "report"  # no suffix typed: .pdf is added
    save_to(monkeypatch, out)
    job = run(qtbot, page, "report")
    assert job.path == tmp_path / "report.pdf"
    text = "".join(p.extract_text() for p in PdfReader(job.path).pages)
    assert demo_db.profile.get().village in text


def test_household_file_of_the_picked_household(qtbot, page, demo_db, tmp_path, monkeypatch):
    household = demo_db.households.find(order_by="household_no", limit=1)[0]
    page.picker.set_household(household.uid)
    assert page.options().household_no == household.household_no
    seen: list[str] = []
    save_to(monkeypatch, tmp_path / "one.pdf", seen)
    job = run(qtbot, page, "household")
    assert household.household_no in Path(seen[0]).name
    reader = PdfReader(job.path)
    assert household.head_name in "".join(p.extract_text() for p in reader.pages)


def test_unwritable_path_shows_the_error_and_leaves_no_file(qtbot, page, tmp_path, monkeypatch):
    out = tmp_path / "exports" / "missing-folder" / "台账.xlsx"
    (tmp_path / "exports").mkdir()
    save_to(monkeypatch, out)
    job = run(qtbot, page, "ledger")
    assert job.path is None
    assert "无法写入文件" in job.error and job.error == page.messages[-1]
    assert not out.parent.exists()
    assert list((tmp_path / "exports").iterdir()) == []


def test_cancel_midway_leaves_no_file(qtbot, page, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    save_to(monkeypatch, folder / "cards.pdf")
    page.per_household.setChecked(True)  # 60 households: eight pages, progress after each
    original = reports.write_output
    steps: list[tuple[int, int]] = []

    class PressCancelAfterFirstPage:
        def __init__(self, control):
            self.control = control

        def progress(self, done, total, text=""):
            steps.append((done, total))
            if len(steps) == 2:  # the first page is written into the temp file by now
                self.control.cancelled = True  # what the dialog's cancel button sets
            self.control.progress(done, total, text)

    monkeypatch.setattr(
        reports,
        "write_output",
        lambda db_path, kind, out, opts, control, **kw: original(
            db_path, kind, out, opts, PressCancelAfterFirstPage(control), **kw
        ),
    )
    job = page.export("cards")
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert len(steps) == 2 and steps[1][0] > 0
    assert job.path is None and not job.error and not page.messages
    assert list(folder.iterdir()) == []  # neither the file nor its temp file


def test_default_names():
    opts = ExportOptions(month=Month(2026, 11))
    assert (
        default_file_name("青石村", "aid-sheet", opts) == "青石村慰问金物资发放登记表2026年11月.pdf"
    )
    cards = ExportOptions(month=Month(2026, 11), per_household=True)
    assert default_file_name("青石村", "cards", cards) == "青石村便民联系卡（每户一张）.pdf"
    both = ExportOptions(month=Month(2026, 11), card_back=True)
    assert default_file_name("青石村", "cards", both) == "青石村便民联系卡（双面）.pdf"


def test_cards_with_the_back_from_the_options(page):
    assert not page.options().card_back
    page.card_back.setChecked(True)
    assert page.options().card_back


def test_print_button_renders_then_previews(qtbot, page, monkeypatch):
    printed: list[Path] = []
    monkeypatch.setattr(reports, "print_pdf_with_preview", lambda _p, path: printed.append(path))
    job = page.print("aid-sheet")
    qtbot.waitUntil(lambda: job.done, timeout=30000)
    assert len(printed) == 1 and printed[0].suffix == ".pdf" and printed[0].stat().st_size > 0
