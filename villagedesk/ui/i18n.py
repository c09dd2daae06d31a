"""Install the Chinese translation (ours plus Qt's own) into the application.

Strings are written in English in code (``self.tr`` / ``QCoreApplication.translate``); Chinese
comes from ``resources/translations/villagedesk_zh_CN.ts``. The ``.qm`` is built, never
committed: ``scripts/i18n.py build`` does it, and so does :func:`install_translator` when the
``.qm`` is missing or older than the ``.ts`` (running from source).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from villagedesk.resources import TRANSLATIONS_BASENAME, translations_dir

log = logging.getLogger(__name__)

DEFAULT_LANG = "zh_CN"

# Translators must outlive the call that installs them (Qt does not take ownership).
_installed: list[QTranslator] = []


def ts_path(lang: str = DEFAULT_LANG, folder: Path | None = None) -> Path:
    """The committed translation source for ``lang``."""
    return (folder or translations_dir()) / f"{TRANSLATIONS_BASENAME}_{lang}.ts"


def qm_path(lang: str = DEFAULT_LANG, folder: Path | None = None) -> Path:
    """The built translation for ``lang``."""
    return (folder or translations_dir()) / f"{TRANSLATIONS_BASENAME}_{lang}.qm"


def find_qt_tool(name: str) -> Path | None:
    """Find ``lupdate`` / ``lrelease`` shipped with PySide6, on Windows or POSIX.

    Looks for ``pyside6-<name>`` next to the running interpreter (venv ``bin/`` or
    ``Scripts/``), then for the real binary inside the PySide6 package, then on PATH.
    """
    exe = ".exe" if os.name == "nt" else ""
    here = Path(sys.executable).resolve().parent
    prefixes = [Path(sys.executable).parent, here, Path(sys.prefix)]
    candidates: list[Path] = []
    for prefix in prefixes:
        for sub in ("", "Scripts", "bin"):
            candidates.append(prefix / sub / f"pyside6-{name}{exe}")
    try:
        import PySide6

        candidates.append(Path(PySide6.__file__).resolve().parent / f"{name}{exe}")
    except ImportError:  # pragma: no cover - PySide6 is a hard dependency
        pass
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    import shutil  # building the .qm is for running from source; the start needs none of it

    found = shutil.which(f"pyside6-{name}")
    return Path(found) if found else None


def build_qm(ts: Path, qm: Path | None = None, *, force: bool = False) -> Path | None:
    """Compile ``ts`` into ``qm`` with lrelease; returns the ``.qm`` path, or None if no ``.ts``.

    Skips the work when the ``.qm`` is already newer than the ``.ts``. The ``.qm`` is written to a
    temporary file first and moved into place, so a running app never reads half a file.
    Raises ``RuntimeError`` when lrelease is missing or fails.
    """
    ts = Path(ts)
    qm = Path(qm) if qm is not None else ts.with_suffix(".qm")
    if not ts.is_file():
        return None
    if not force and qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = find_qt_tool("lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found (is PySide6 installed in this Python?)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    import subprocess
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=qm.stem + ".", suffix=".qm.tmp", dir=qm.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 or tmp.stat().st_size == 0:
            raise RuntimeError(
                f"lrelease failed on {ts} (exit {result.returncode}): "
                f"{(result.stderr or result.stdout).strip()}"
            )
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the .qm is an ordinary readable file
        os.replace(tmp, qm)
    finally:
        tmp.unlink(missing_ok=True)
    return qm


def _ensure_qm(lang: str) -> Path | None:
    ts, qm = ts_path(lang), qm_path(lang)
    if ts.is_file():
        try:
            return build_qm(ts, qm)
        except (OSError, RuntimeError) as exc:
            # A frozen build or a read-only install can still use a .qm shipped with it.
            log.warning("could not build %s: %s", qm, exc)
    return qm if qm.is_file() else None


def install_translator(app: QCoreApplication, lang: str = DEFAULT_LANG) -> None:
    """Install VillageDesk's and Qt's translations for ``lang`` ("zh_CN" or "en").

    "en" (the language of the source strings) installs nothing. Calling again replaces the
    translators installed earlier.
    """
    for old in _installed:
        app.removeTranslator(old)  # harmless if it belonged to an earlier QApplication
    _installed.clear()
    if lang in ("en", "en_US", "C", ""):
        return

    qm = _ensure_qm(lang)
    if qm is None:
        log.warning(
            "no translation for %s in %s; the UI stays in English", lang, translations_dir()
        )
    else:
        ours = QTranslator()
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("could not load %s", qm)

    # Qt's own strings: standard dialog buttons (确定/取消), context menus, file dialogs.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator()
    if qt_tr.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    else:
        log.warning("Qt's own translation qtbase_%s not found in %s", lang, qt_dir)
