"""UI benchmarks on the large township, each next to a baseline measured in the same run.

Run from the repository root: ``python -m benchmarks.bench_ui``. Prints:
- startup to a usable main window showing the dashboard's real figures, vs a bare PySide6
  window, each in a fresh subprocess several times (target ≤ 2×, goal 1.3×);
- a keystroke in the households search box (target ≤ 15 ms);
- opening a household file (target ≤ 50 ms);
- scrolling a 20,000-row table to the end (time to fetchMore through it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1366, 768); w.show()
app.processEvents()
print("ready", flush=True)
"""

APP = """
import sys
from PySide6.QtWidgets import QApplication
from villagedesk.core import clock
from datetime import date
clock.pin_today(date(2026, 11, 29))
from villagedesk.storage.database import open_database
from villagedesk.ui.context import AppContext
from villagedesk.ui.fonts import install_app_font
from villagedesk.ui.i18n import install_translator
from villagedesk.ui.main_window import MainWindow
app = QApplication(sys.argv[:1])
install_app_font(app)
install_translator(app, "zh_CN")
db = open_database(sys.argv[1])
w = MainWindow(AppContext(db))
page = w.show_page("dashboard")
w.show()
app.processEvents()
assert page.tiles["total.collected"].value() != "–"
print("ready", flush=True)
heavy = [m for m in ("reportlab", "openpyxl", "pypinyin", "PIL") if m in sys.modules]
print("heavy:", ",".join(heavy) or "none", flush=True)
"""


def _run(code: str, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return time.perf_counter() - started, out


def bench_startup(db_path: Path, runs: int) -> None:
    _run(BARE)  # warm the disk cache for both
    _, out = _run(APP, str(db_path))
    bare, app = [], []
    for _ in range(runs):
        bare.append(_run(BARE)[0])
        seconds, out = _run(APP, str(db_path))
        app.append(seconds)
    b, a = statistics.median(bare), statistics.median(app)
    heavy = out.split("heavy:")[-1].strip()
    print(f"startup: bare PySide6 window {b * 1000:.0f} ms, VillageDesk with dashboard {a * 1000:.0f} ms "
          f"(median of {runs}) → ratio {a / b:.2f}× (target ≤ 2×, goal 1.3×); heavy modules at startup: {heavy}")  # fmt: skip


def bench_in_process(db_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from benchmarks.township import TODAY
    from villagedesk.core import clock
    from villagedesk.storage.database import open_database
    from villagedesk.ui.context import AppContext
    from villagedesk.ui.fonts import install_app_font
    from villagedesk.ui.pages.household_file import HouseholdFileDialog
    from villagedesk.ui.pages.households import HouseholdsPage, member_columns
    from villagedesk.ui.widgets.table_model import RecordTableModel

    clock.pin_today(TODAY)
    app = QApplication.instance() or QApplication([])
    install_app_font(app)
    db = open_database(db_path)
    ctx = AppContext(db)

    started = time.perf_counter()
    page = HouseholdsPage(ctx)
    page.resize(1190, 680)
    page.refresh()
    page.show()
    app.processEvents()
    print(
        f"households page with {page.model.total()} households: {(time.perf_counter() - started) * 1000:.0f} ms"
    )

    times = []
    for word in ("z", "zh", "zha", "zhang", "zs", "王", "王芳", "1380", "13800", "4301"):
        page.search.setText(word)
        t = time.perf_counter()
        page.apply_search()  # what the debounce timer runs
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
    print(f"keystroke in the households search box: median {statistics.median(times):.1f} ms, "
          f"worst {max(times):.1f} ms over {len(times)} queries (target ≤ 15 ms)")  # fmt: skip

    uids = [r.uid for r in page.all_rows[:: max(len(page.all_rows) // 25, 1)]][:25]
    times = []
    for uid in uids:
        t = time.perf_counter()
        dialog = HouseholdFileDialog(ctx, uid)
        dialog.show()
        app.processEvents()
        times.append((time.perf_counter() - t) * 1000)
        dialog.close()
        dialog.deleteLater()
    print(f"opening a household file: median {statistics.median(times):.1f} ms, "
          f"worst {max(times):.1f} ms over {len(times)} households (target ≤ 50 ms)")  # fmt: skip

    t = time.perf_counter()
    residents = db.residents.find()
    load = time.perf_counter() - t
    model = RecordTableModel(member_columns())
    view = QTableView()
    view.setModel(model)
    view.resize(1190, 600)
    view.show()
    t = time.perf_counter()
    model.set_rows(residents)
    app.processEvents()
    pages = 0
    while model.canFetchMore():
        view.scrollToBottom()  # what dragging the scroll bar does: the view asks for more
        app.processEvents()
        pages += 1
    scroll = time.perf_counter() - t
    print(f"scrolling a {model.total()}-row table to the end: {scroll * 1000:.0f} ms in {pages} "
          f"fetches ({scroll * 1000 / max(pages, 1):.1f} ms each); loading the rows {load * 1000:.0f} ms")  # fmt: skip
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="startup runs of each kind")
    args = parser.parse_args()
    from benchmarks.township import township_db

    source = township_db()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "township.db"
        shutil.copy(source, db_path)  # never write to the cached file
        bench_startup(db_path, args.runs)
        bench_in_process(db_path)


if __name__ == "__main__":
    main()
