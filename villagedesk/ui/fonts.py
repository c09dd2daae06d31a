"""Make every widget able to show Chinese, even on a machine with no Chinese font installed."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from villagedesk.resources import font_path

log = logging.getLogger(__name__)

BUNDLED_FAMILY = "WenQuanYi Micro Hei"
WINDOWS_FAMILY = "Microsoft YaHei UI"
DEFAULT_POINT_SIZE = 10

# Families that widgets, style sheets or Qt itself may ask for: when one of them is missing or
# lacks a glyph, Qt falls back to the substitutes listed here, so Chinese still shows.
_COMMON_FAMILIES = (
    "Sans Serif",
    "SansSerif",
    "sans-serif",
    "Helvetica",
    "Arial",
    "Segoe UI",
    "Tahoma",
    "Verdana",
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "SimSun",
    "SimHei",
    "NSimSun",
    "宋体",
    "黑体",
    "微软雅黑",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Monospace",
    "Courier",
    "Courier New",
    "Consolas",
    "DejaVu Sans Mono",
)

_font_id: int | None = None


def load_bundled_font() -> str:
    """Add the bundled font to Qt's font database (once) and return its family name."""
    global _font_id
    families = QFontDatabase.applicationFontFamilies(_font_id) if _font_id is not None else []
    if not families:
        path = font_path()
        _font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(_font_id) if _font_id != -1 else []
        if not families:
            _font_id = None
            raise RuntimeError(f"could not load the bundled font {path}")
    # The collection holds "WenQuanYi Micro Hei" and "... Mono"; the first is the UI face.
    return BUNDLED_FAMILY if BUNDLED_FAMILY in families else families[0]


def install_app_font(app: QApplication, point_size: int = DEFAULT_POINT_SIZE) -> str:
    """Load the bundled Chinese font, make it (or YaHei UI on Windows) the default; return the family.

    Always loads the bundled font, so other families fall back to it for Chinese glyphs.
    """
    bundled = load_bundled_font()
    family = bundled
    if sys.platform == "win32" and WINDOWS_FAMILY in QFontDatabase.families():
        family = WINDOWS_FAMILY

    for name in _COMMON_FAMILIES:
        if name == family:
            continue
        chain = [f for f in (family, bundled) if f != name]
        existing = [f for f in QFont.substitutes(name) if f not in chain]
        QFont.removeSubstitutions(name)
        QFont.insertSubstitutions(name, list(dict.fromkeys(chain + existing)))

    font = QFont(family, point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    app.setFont(font)
    log.debug("application font: %s %spt", family, point_size)
    return family
