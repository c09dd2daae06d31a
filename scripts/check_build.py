"""Build VillageDesk with build.spec and check the frozen program the way a team would use it.

    .venv/bin/python scripts/check_build.py [--workdir DIR] [--keep] [--max-mb 160]

Steps: install PyInstaller into this Python if missing; build the .qm; ``pyinstaller build.spec``
into a temporary folder; copy the built folder to a path with Chinese characters and a space
(``…/驻村 工作台/VillageDesk``); run the frozen executables offscreen: ``--version``, ``demo``,
``stats``, ``export ledger`` (read back with openpyxl), ``export report`` and ``cards``,
``--screenshot`` of the dashboard (not blank; OCR'd for Chinese when tesseract with chi_sim is
installed — optional), and portable mode (a ``portable`` file beside the executable puts the
default database in ``data/``). Prints the folder size and the times; exit 1 on any failure.
Works on Windows too (``python scripts\\check_build.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "VillageDesk"
CLI = "villagedesk-cli"
EXE = ".exe" if os.name == "nt" else ""
UNUSUAL_FOLDER = "驻村 工作台"


class CheckFailed(Exception):
    """One check of the frozen program went wrong."""


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def ensure_pyinstaller() -> None:
    """Install PyInstaller into this interpreter's environment if it is not there."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        step("installing pyinstaller")
        subprocess.run([sys.executable, "-m", "pip", "install", "pyinstaller"], check=True)


def build(workdir: Path) -> Path:
    """Run PyInstaller on build.spec; returns dist/VillageDesk."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "build"], check=True)
    log = workdir / "pyinstaller.log"
    cmd = [
        sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
        "--distpath", str(workdir / "dist"), "--workpath", str(workdir / "build"),
    ]  # fmt: skip
    with open(log, "w", encoding="utf-8") as fh:
        result = subprocess.run(cmd, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise CheckFailed("pyinstaller failed:\n" + "\n".join(tail))
    return workdir / "dist" / APP


def folder_mb(folder: Path) -> float:
    """Size of the files under ``folder`` in MB (symlinks not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    return total / 1024 / 1024


class Frozen:
    """Runs the frozen executables with a clean environment."""

    def __init__(self, folder: Path, home: Path) -> None:
        self.folder = folder
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("VILLAGEDESK_", "PYTHON")) and k != "VIRTUAL_ENV"
        }
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        self.env["QT_LOGGING_RULES"] = "qt.qpa.*=false"
        # the non-portable default folder goes into the work dir, not the real user's profile
        self.env["XDG_DATA_HOME"] = str(home)
        self.env["APPDATA"] = str(home)
        self.env["LOCALAPPDATA"] = str(home)

    def run(self, *args: str, gui: bool = False, expect: int = 0) -> str:
        exe = self.folder / f"{APP if gui else CLI}{EXE}"
        started = time.perf_counter()
        result = subprocess.run(
            [str(exe), *args],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
        )
        took = time.perf_counter() - started
        print(f"    {exe.name} {' '.join(args)}  -> exit {result.returncode} ({took:.1f} s)")
        if result.returncode != expect:
            raise CheckFailed(
                f"{exe.name} {' '.join(args)} exited {result.returncode} (expected {expect})\n"
                f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"
            )
        return result.stdout


def check_workbook(path: Path) -> None:
    from openpyxl import load_workbook

    if not path.is_file():
        raise CheckFailed(f"no workbook at {path}")
    wb = load_workbook(path, read_only=True)
    try:
        if len(wb.sheetnames) < 5:
            raise CheckFailed(f"ledger has only the sheets {wb.sheetnames}")
        texts = [
            str(cell)
            for ws in wb.worksheets
            for row in ws.iter_rows(max_row=3, values_only=True)
            for cell in row
            if cell
        ]
        if not any("台账" in t or "走访" in t for t in texts):
            raise CheckFailed(f"ledger titles look wrong: {texts[:8]}")
    finally:
        wb.close()
    print(f"    {path.name}: sheets {', '.join(wb.sheetnames)}")


def check_pdf(path: Path) -> None:
    if not path.is_file() or path.read_bytes()[:5] != b"%PDF-":
        raise CheckFailed(f"{path} is not a PDF")
    print(f"    {path.name}: {path.stat().st_size // 1024} KB")


def check_screenshot(path: Path, village: str) -> None:
    """The PNG exists, is not a blank window, and (with tesseract) shows Chinese text."""
    from PIL import Image

    if not path.is_file():
        raise CheckFailed(f"no screenshot at {path}")
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        size = rgb.size
        small = rgb.resize((size[0] // 4, size[1] // 4))
    colours = small.getcolors(maxcolors=1 << 16) or []
    colours.sort(reverse=True)
    pixels = small.size[0] * small.size[1]
    dominant = colours[0][0] / pixels if colours else 1.0
    print(
        f"    {path.name}: {size[0]}x{size[1]}, {len(colours)} colours, top colour {dominant:.0%}"
    )
    if size != (1366, 768):
        raise CheckFailed(f"screenshot is {size}, expected 1366x768")
    if dominant > 0.85 or len(colours) < 50:
        raise CheckFailed("screenshot is mostly empty")
    ocr = ocr_chinese(path)
    if ocr is None:
        print("    (tesseract with chi_sim not installed: OCR check left out)")
        return
    squeezed = "".join(ocr.split())
    wanted = [w for w in ("首页", village, "问题", "走访") if w]
    found = [w for w in wanted if w in squeezed]
    print(f"    OCR found {found} of {wanted}")
    if not found:
        raise CheckFailed(f"no Chinese recognised in the screenshot; OCR read: {squeezed[:200]}")


def ocr_chinese(path: Path) -> str | None:
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return None
    langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True)
    if "chi_sim" not in (langs.stdout + langs.stderr).split():
        return None
    result = subprocess.run(
        [tesseract, str(path), "-", "-l", "chi_sim"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout


def check_frozen(folder: Path, workdir: Path, version: str) -> None:
    """Every check on the copy of the built folder."""
    home = workdir / "user-data"
    app = Frozen(folder, home)
    out = folder.parent  # files land beside the program, in the unusual folder too
    db = out / "演示 村.db"

    step("--version")
    for gui in (False, True):
        text = app.run("--version", gui=gui)
        if not os.name == "nt" or not gui:  # a windowed .exe has no console to print to
            if version not in text:
                raise CheckFailed(f"--version printed {text!r}, expected {version}")

    step("demo village and its figures")
    app.run("--db", str(db), "demo", "--households", "20")
    stats = json.loads(app.run("--db", str(db), "stats", "--json"))
    if stats["households"] != 20 or stats["visits"] == 0:
        raise CheckFailed(f"unexpected figures: {stats}")
    village = stats.get("village") or ""

    step("exports")
    ledger = out / "月度 台账.xlsx"
    app.run("--db", str(db), "export", "ledger", "-o", str(ledger))
    check_workbook(ledger)
    for kind in ("report", "cards"):
        pdf = out / f"{kind} 导出.pdf"
        app.run("--db", str(db), "export", kind, "-o", str(pdf))
        check_pdf(pdf)

    step("screenshot of the dashboard (the windowed executable)")
    png = out / "首页 截图.png"
    app.run("--db", str(db), "--screenshot", str(png), "--page", "dashboard", gui=True)
    check_screenshot(png, village)

    step("portable mode")
    marker = folder / "portable"
    marker.write_text("", encoding="utf-8")
    try:
        app.run("demo", "--households", "5")
        portable_db = folder / "data" / "villagedesk.db"
        if not portable_db.is_file():
            raise CheckFailed(f"portable mode: no database at {portable_db}")
        if any(home.rglob("villagedesk.db")):
            raise CheckFailed("portable mode: a database was written to the user data folder")
        app.run("backup")
        if not any((folder / "data" / "backups").glob("*")):
            raise CheckFailed("portable mode: the backup is not in data/backups")
        print(f"    database and backups in {portable_db.parent}")
    finally:
        marker.unlink()
    app.run("demo", "--households", "5")
    if not any(home.rglob("villagedesk.db")):
        raise CheckFailed("without the marker the database should go to the user data folder")
    print("    without the marker: user data folder")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="folder for the build (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    parser.add_argument("--max-mb", type=float, default=160.0, help="largest acceptable size")
    args = parser.parse_args(argv)

    with open(ROOT / "pyproject.toml", "rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="villagedesk-build-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        ensure_pyinstaller()
        step(f"pyinstaller build.spec (in {workdir})")
        built = build(workdir)
        build_s = time.perf_counter() - started
        size = folder_mb(built)
        print(f"    built in {build_s:.0f} s: {built} ({size:.1f} MB)")

        target = workdir / UNUSUAL_FOLDER / APP
        shutil.rmtree(target.parent, ignore_errors=True)
        target.parent.mkdir(parents=True)
        shutil.copytree(built, target, symlinks=True)
        step(f"checks from {target}")
        check_frozen(target, workdir, version)
    except CheckFailed as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    total_s = time.perf_counter() - started
    print(f"OK: build {build_s:.0f} s, checks {total_s - build_s:.0f} s, total {total_s:.0f} s")
    print(f"folder size: {size:.1f} MB (target < {args.max_mb:.0f} MB)")
    if size > args.max_mb:
        print(f"FAILED: the folder is {size:.1f} MB, over {args.max_mb:.0f} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
