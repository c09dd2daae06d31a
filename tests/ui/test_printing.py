"""Printing: the PDF's pages are painted onto the printer the preview dialog hands over."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from villagedesk.core.records import Aid, Household, VillageProfile
from villagedesk.services.aid_sheet import write_aid_sheet
from villagedesk.services.report_pdf import write_monthly_report
from villagedesk.ui import printing


def make_pdf(db, tmp_path: Path) -> Path:
    db.profile.save(VillageProfile(village="青石村"))
    h = db.households.add(Household(household_no="0101", head_name="张三"))
    db.aid.add(Aid(date=__import__("datetime").date(2026, 11, 3), household_uid=h.uid,
                   amount_fen=50000))  # fmt: skip
    return write_monthly_report(db, "2026-11", tmp_path / "report.pdf")


def test_preview_paints_every_page_onto_the_printer(qtbot, db, tmp_path, monkeypatch):
    pdf = make_pdf(db, tmp_path)
    pages = len(PdfReader(pdf).pages)
    out = tmp_path / "printed.pdf"

    def exec_(dialog: QPrintPreviewDialog) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)  # keeps the test fast; the painting path is the same
        dialog.paintRequested.emit(printer)
        return 1

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    assert printing.print_pdf_with_preview(None, pdf)
    assert out.stat().st_size > 10_000  # pages carry the rasterised report
    printed = PdfReader(out)
    assert len(printed.pages) == pages
    box = printed.pages[0].mediabox
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2  # A4 portrait


def test_landscape_pdf_prints_landscape(qtbot, db, tmp_path):
    make_pdf(db, tmp_path)
    sheet = write_aid_sheet(db, "2026-11", tmp_path / "aid.pdf")
    width, height = printing.pdf_page_sizes(sheet)[0]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    printer.setResolution(72)
    assert printing.paint_pdf(printer, sheet) == len(PdfReader(sheet).pages)
    box = PdfReader(tmp_path / "p.pdf").pages[0].mediabox
    assert (float(box.width) > float(box.height)) == (width > height)


def test_render_page_gives_an_image_of_the_page_size(db, tmp_path):
    pdf = make_pdf(db, tmp_path)
    image = printing.render_page(pdf, 0, dpi=36)
    assert (image.width(), image.height()) == (round(595 / 2), round(842 / 2))
    assert not image.isNull()
