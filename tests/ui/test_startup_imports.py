"""What the app's start imports before its first paint: only what the first screen needs.

Each module kept out of the start was measured (bench_ui --phases); this keeps them out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.bench_ui import app_code

#: modules the first screen does not need (the record classes, the commands, the writers…)
KEPT_OUT = (
    "villagedesk.core.records",
    "villagedesk.core.monitoring",
    "villagedesk.commands.",
    "villagedesk.services.ledger_xlsx",
    "villagedesk.services.report_pdf",
    "reportlab",
    "openpyxl",
    "pypinyin",
    "PIL",
    "sqlite_utils",
    "hashlib",
    "_strptime",
    "uuid",
    "subprocess",
)
#: Qt classes not named before the first paint: PySide6 creates a class's enums when the class
#: is first named (QKeySequence, QIcon and QGradient cost about 1.5 ms each)
CLASSES_KEPT_OUT = (
    "QMessageBox",
    "QDialogButtonBox",
    "QKeySequence",
    "QIcon",
    "QGradient",
    "QTabWidget",
    "QTableView",
)

FIRST_PAINT = """
import sys

def first_paint(app):
    from villagedesk.ui.main_window import MainWindow
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    while not window.painted:
        app.processEvents()
    from PySide6 import QtGui, QtWidgets
    classes = [n for mod in (QtGui, QtWidgets) for n in vars(mod) if n.startswith("Q")]
    print("\\n".join(sorted(sys.modules) + sorted(classes)))
    return 0
"""
START = app_code(FIRST_PAINT, "first_paint")


def test_the_first_paint_needs_none_of_the_heavy_modules(demo_db_template: Path, tmp_path):
    db = tmp_path / "village.db"
    db.write_bytes(demo_db_template.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", START, str(db)], capture_output=True, text=True, env=env,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "villagedesk.ui.pages.dashboard" in loaded  # it did get to the dashboard
    assert not [m for m in loaded if m.startswith(KEPT_OUT)]
    assert "QMainWindow" in loaded  # the classes named so far are listed
    assert not [c for c in CLASSES_KEPT_OUT if c in loaded]
