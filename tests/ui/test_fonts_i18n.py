from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QFontMetrics  # noqa: E402

from villagedesk.ui import i18n as ui_i18n  # noqa: E402
from villagedesk.ui.fonts import BUNDLED_FAMILY, install_app_font  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("vd_i18n_script", REPO / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


i18n = _load_script()

SOURCE = """
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget


def label(n):
    return QCoreApplication.translate("Ctx", "Save %1").replace("%1", str(n))


class Page(QWidget):
    def title(self, n):
        return self.tr("Open {name}"), self.tr("%n household(s)", "", n)
"""


# --------------------------------------------------------------------------- fonts


def test_install_app_font_supports_chinese(qapp) -> None:
    family = install_app_font(qapp)
    assert family == BUNDLED_FAMILY == "WenQuanYi Micro Hei"
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    assert QFontInfo(qapp.font()).family() == family
    assert qapp.font().pointSize() == 10
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "驻村工作台确定取消")
    # Idempotent: a second call neither fails nor changes the answer.
    assert install_app_font(qapp) == family


def test_other_families_fall_back_to_the_bundled_font(qapp) -> None:
    family = install_app_font(qapp)
    for name in ("Arial", "Segoe UI", "SimSun", "Sans Serif"):
        assert family.lower() in [f.lower() for f in QFont.substitutes(name)]


# --------------------------------------------------------------------------- i18n tools


@pytest.fixture
def ts_file(tmp_path: Path) -> Path:
    src = tmp_path / "page.py"
    src.write_text(SOURCE, encoding="utf-8")
    ts = tmp_path / "villagedesk_zh_CN.ts"
    i18n.update([src], ts)
    return ts


def _fill_all(ts: Path) -> None:
    assert (
        i18n.set_translations(
            ts,
            {
                "Ctx": {"Save %1": "保存 %1"},
                "Page": {"Open {name}": "打开 {name}", "%n household(s)": "%n 户"},
            },
        )
        == []
    )


def test_update_then_set_then_check(ts_file: Path) -> None:
    text = ts_file.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    assert "Save %1" in text and 'type="unfinished"' in text
    problems = i18n.check(ts_file)
    assert len(problems) == 3 and all(p.startswith("unfinished") for p in problems)

    _fill_all(ts_file)
    assert i18n.check(ts_file) == []
    text = ts_file.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    assert 'type="unfinished"' not in text and "保存 %1" in text


def test_update_keeps_translations_and_drops_obsolete(ts_file: Path, tmp_path: Path) -> None:
    _fill_all(ts_file)
    src = tmp_path / "page.py"
    src.write_text(SOURCE.replace("Open {name}", "Close {name}"), encoding="utf-8")
    i18n.update([src], ts_file)
    text = ts_file.read_text(encoding="utf-8")
    assert "保存 %1" in text and "%n 户" in text
    assert "Open {name}" not in text  # -no-obsolete
    assert i18n.check(ts_file) == ["unfinished: [Page] 'Close {name}'"]


def test_check_reports_placeholder_mismatch(ts_file: Path, capsys) -> None:
    _fill_all(ts_file)
    assert i18n.set_translations(ts_file, {"Ctx": {"Save %1": "保存 %2"}}) == []
    assert i18n.set_translations(ts_file, {"Page": {"Open {name}": "打开 {名称}"}}) == []
    problems = i18n.check(ts_file)
    assert len(problems) == 2
    assert "Save %1" in problems[0] and "placeholders differ" in problems[0]
    assert "Open {name}" in problems[1]

    assert i18n.main(["--ts", str(ts_file), "check"]) == 1
    out = capsys.readouterr().out
    assert "Save %1" in out and "Open {name}" in out


def test_cli_set_set_json_unknown_and_check(ts_file: Path, tmp_path: Path, capsys) -> None:
    ts = str(ts_file)
    assert i18n.main(["--ts", ts, "set", "Ctx", "Save %1", "保存 %1"]) == 0
    data = tmp_path / "zh.json"
    data.write_text(
        '{"Page": {"Open {name}": "打开 {name}", "%n household(s)": "%n 户"},'
        ' "Nowhere": {"Missing": "缺"}}',
        encoding="utf-8",
    )
    assert i18n.main(["--ts", ts, "set-json", str(data)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "Missing" in err and "Nowhere" in err
    assert i18n.main(["--ts", ts, "check"]) == 0


def test_concurrent_sets_lose_nothing(ts_file: Path) -> None:
    pairs = [
        ("Ctx", "Save %1", "保存 %1"),
        ("Page", "Open {name}", "打开 {name}"),
        ("Page", "%n household(s)", "%n 户"),
    ] * 4
    threads = [
        threading.Thread(target=i18n.set_translations, args=(ts_file, {c: {s: t}}))
        for c, s, t in pairs
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert i18n.check(ts_file) == []


def test_build_and_load_round_trip(ts_file: Path, qapp) -> None:
    _fill_all(ts_file)
    qm = i18n.build(ts_file)
    assert qm == ts_file.with_suffix(".qm") and qm.stat().st_size > 0
    mtime = qm.stat().st_mtime_ns
    assert i18n.build(ts_file) == qm and qm.stat().st_mtime_ns == mtime  # up to date: skipped

    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Ctx", "Save %1") == "保存 %1"
        assert QCoreApplication.translate("Page", "%n household(s)", "", 3) == "3 户"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Ctx", "Save %1") == "Save %1"


def test_build_without_ts_is_a_note(tmp_path: Path, capsys) -> None:
    assert i18n.build(tmp_path / "none.ts") is None
    assert i18n.main(["--ts", str(tmp_path / "none.ts"), "build"]) == 0
    assert "does not exist" in capsys.readouterr().out


# --------------------------------------------------------------------------- install_translator


def test_install_translator_builds_missing_qm_and_adds_qt_strings(
    ts_file: Path, qapp, monkeypatch
) -> None:
    _fill_all(ts_file)
    monkeypatch.setattr(ui_i18n, "translations_dir", lambda: ts_file.parent)
    assert not ts_file.with_suffix(".qm").exists()
    try:
        ui_i18n.install_translator(qapp, "zh_CN")
        assert ts_file.with_suffix(".qm").is_file()
        assert QCoreApplication.translate("Ctx", "Save %1") == "保存 %1"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
    finally:
        ui_i18n.install_translator(qapp, "en")
    assert QCoreApplication.translate("Ctx", "Save %1") == "Save %1"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_install_translator_without_any_translation_stays_english(
    tmp_path: Path, qapp, monkeypatch
) -> None:
    monkeypatch.setattr(ui_i18n, "translations_dir", lambda: tmp_path)
    try:
        ui_i18n.install_translator(qapp, "zh_CN")
        assert QCoreApplication.translate("Ctx", "Save %1") == "Save %1"
    finally:
        ui_i18n.install_translator(qapp, "en")
