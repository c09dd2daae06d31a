from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from villagedesk import resources  # noqa: E402
from villagedesk.resources import font_path, resource_path, translations_dir  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def test_resource_path_from_source() -> None:
    assert resource_path() == REPO / "resources"
    assert resource_path("fonts", "x.ttc") == REPO / "resources" / "fonts" / "x.ttc"
    assert translations_dir() == REPO / "resources" / "translations"
    assert translations_dir().is_dir()


def test_resource_path_when_frozen(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "a.ttc") == tmp_path / "resources" / "fonts" / "a.ttc"
    assert font_path() == tmp_path / "resources" / "fonts" / resources.FONT_FILE_NAME
    assert translations_dir() == tmp_path / "resources" / "translations"


def test_frozen_flag_without_meipass_falls_back_to_source(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert resource_path() == REPO / "resources"


def test_bundled_font_is_a_truetype_collection_with_licence() -> None:
    path = font_path()
    assert path.is_file()
    assert path.stat().st_size > 1_000_000
    with path.open("rb") as fh:
        assert fh.read(4) == b"ttcf"
    licence = path.parent / "LICENSE-wqy-microhei.txt"
    assert "Apache" in licence.read_text(encoding="utf-8")


def test_resources_module_does_not_import_qt() -> None:
    source = Path(resources.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source
