"""Register the bundled Chinese font with reportlab (no Qt here)."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from villagedesk.resources import font_path

PDF_FONT_NAME = "VDSans"

_lock = threading.Lock()


def register_pdf_font() -> str:
    """Register the bundled font as ``"VDSans"`` once (thread-safe) and return that name.

    reportlab embeds TrueType fonts as subsets, so PDFs carry only the glyphs they use.
    """
    with _lock:
        if PDF_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(TTFont(PDF_FONT_NAME, str(path), subfontIndex=0))
    return PDF_FONT_NAME
