"""Print a PDF the app wrote: a print preview, then any printer (Qt print support).

PySide6-Essentials has no QtPdf, so pages are rasterised with pypdfium2 (PDFium, offline)
at the printer's resolution (capped, so an A4 page stays a few tens of MB) and painted onto
the printer page by page. Without pypdfium2 the user is told and offered the file instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QMessageBox, QWidget

#: highest resolution pages are rasterised at for printing (dpi)
MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72.0


def renderer_available() -> bool:
    """Whether PDF pages can be rasterised (pypdfium2 importable)."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_page_sizes(pdf_path: str | Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [pdf[i].get_size() for i in range(len(pdf))]
    finally:
        pdf.close()


def render_page(
    pdf_path: str | Path,
    index: int = 0,
    *,
    dpi: float = 150,
    crop: tuple[float, float, float, float] = (0, 0, 0, 0),
) -> QImage:
    """Page ``index`` as an image; ``crop`` (left, bottom, right, top) in points is cut off.

    Safe to call from a background thread (QImage, not QPixmap).
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[index]
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH, crop=crop, rev_byteorder=True, prefer_bgrx=True
        )
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        )
        return image.copy()  # own the pixels before PDFium frees its buffer
    finally:
        pdf.close()


def paint_pdf(printer, pdf_path: str | Path) -> int:
    """Paint every page of the PDF onto ``printer`` (a QPrinter); returns pages painted."""
    sizes = pdf_page_sizes(pdf_path)
    if not sizes:
        return 0
    width, height = sizes[0]
    # the PDF has its own margins: print the whole sheet at the PDF's paper size
    printer.setFullPage(True)
    paper = QSizeF(min(width, height), max(width, height))  # portrait; orientation below
    printer.setPageSize(
        QPageSize(paper, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("Printing", "The printer could not be started"))
    try:
        for i in range(len(sizes)):
            if i:
                printer.newPage()
            image = render_page(pdf_path, i, dpi=dpi)
            target = QRectF(painter.viewport())
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            x = target.x() + (target.width() - scaled.width()) / 2
            y = target.y() + (target.height() - scaled.height()) / 2
            painter.drawImage(QRectF(x, y, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return len(sizes)


def open_file(path: str | Path) -> None:
    """Open a local file (or folder) with the system's program (a file:// URL, no network)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).absolute())))


def print_pdf_with_preview(parent: QWidget | None, pdf_path: str | Path) -> bool:
    """Show a print preview of the PDF and print it; True when the user printed."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    if not renderer_available():
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Printing", "Print"),
            QCoreApplication.translate("Printing", "Print preview is not available on this computer. Open the PDF file to print "
                "it from the PDF reader?"),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            open_file(pdf_path)
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(Path(pdf_path).stem)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print preview — %1").replace(
            "%1", Path(pdf_path).name
        )
    )
    dialog.resize(1000, 720)
    errors: list[str] = []

    def paint(p) -> None:
        try:
            paint_pdf(p, pdf_path)
        except Exception as exc:  # a broken file: say so instead of an empty preview
            errors.append(str(exc))

    dialog.paintRequested.connect(paint)
    accepted = bool(dialog.exec())
    if errors:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Printing", "Print"),
            QCoreApplication.translate("Printing", "The file could not be printed: %1").replace(
                "%1", errors[0]
            ),
        )
        return False
    return accepted
