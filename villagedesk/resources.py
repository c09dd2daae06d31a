"""The one place that knows where bundled resources live (no Qt here).

From source the ``resources/`` folder sits next to the ``villagedesk`` package; in a PyInstaller
build it is unpacked under ``sys._MEIPASS/resources`` (``build.spec`` must list it).
"""

from __future__ import annotations

import sys
from pathlib import Path

FONT_FILE_NAME = "wqy-microhei.ttc"
TRANSLATIONS_BASENAME = "villagedesk"


def resources_root() -> Path:
    """The ``resources`` folder, frozen or from source."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``."""
    return resources_root().joinpath(*parts)


def font_path() -> Path:
    """The bundled Chinese font (a TrueType collection; face 0 is WenQuanYi Micro Hei)."""
    return resource_path("fonts", FONT_FILE_NAME)


def translations_dir() -> Path:
    """Folder holding ``villagedesk_<lang>.ts`` (committed) and ``.qm`` (built)."""
    return resource_path("translations")
