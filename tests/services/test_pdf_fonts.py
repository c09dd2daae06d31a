from __future__ import annotations

import os
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from villagedesk.services.pdf_fonts import PDF_FONT_NAME, register_pdf_font  # noqa: E402

TEXT = "驻村工作台：收集问题 43 件，解决 35 件"


def _write_pdf(path: Path) -> None:
    name = register_pdf_font()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(name, 14)
    c.drawString(72, 760, TEXT)
    c.save()


def test_register_returns_name_and_is_idempotent() -> None:
    assert register_pdf_font() == "VDSans" == PDF_FONT_NAME
    font = pdfmetrics.getFont("VDSans")
    assert register_pdf_font() == "VDSans"
    assert pdfmetrics.getFont("VDSans") is font


def test_register_from_many_threads() -> None:
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(register_pdf_font())) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["VDSans"] * 8


def test_chinese_text_round_trips(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    _write_pdf(pdf)
    text = PdfReader(pdf).pages[0].extract_text()
    assert TEXT in text.replace("\n", "")


def test_font_is_embedded_as_subset(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    _write_pdf(pdf)
    fonts = PdfReader(pdf).pages[0]["/Resources"]["/Font"]
    embedded = []
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            continue  # reportlab's default Helvetica, never used for text here
        descriptor = descriptor.get_object()
        base = str(font["/BaseFont"])
        prefix, _, rest = base.lstrip("/").partition("+")
        assert len(prefix) == 6 and prefix.isupper() and rest, base
        assert "/FontFile2" in descriptor
        embedded.append(rest)
    assert any("WenQuanYi" in name for name in embedded)
    # Subset, not the 5 MB collection.
    assert pdf.stat().st_size < 200_000
