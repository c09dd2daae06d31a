"""Regenerate the screenshots of docs/使用手册.md from the demo village.

    .venv/bin/python scripts/make_manual_screenshots.py [--households 300] [--pages a,b]

Builds a demo database in a temporary folder with ``villagedesk demo``, then renders each page
the manual shows with ``python -m villagedesk --db … --screenshot docs/images/<page>.png
--page <page> --size 1366x768`` (offscreen, Chinese), and re-saves the PNGs optimised.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images"
#: the pages the manual (and README) show, in the manual's order
PAGES = ["dashboard", "visits", "issues", "households", "reports", "team", "settings"]
SIZE = "1366x768"


def villagedesk(*args: str, env: dict[str, str]) -> None:
    """Run ``python -m villagedesk`` with this interpreter; stop on failure."""
    cmd = [sys.executable, "-m", "villagedesk", *args]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr}")


def optimise(path: Path) -> None:
    """Re-save the PNG smaller (lossless, zlib level 9)."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        pixels = image.convert("RGB")
    pixels.save(path, optimize=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", default="300", help="size of the demo village")
    parser.add_argument("--pages", help="comma-separated page keys (default: all the manual uses)")
    args = parser.parse_args(argv)
    pages = args.pages.split(",") if args.pages else PAGES

    env = {k: v for k, v in os.environ.items() if not k.startswith("VILLAGEDESK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    OUT.mkdir(parents=True, exist_ok=True)
    # a fixed folder name: the status bar shows the path, so the pictures stay the same
    tmp = Path(tempfile.gettempdir()) / "驻村工作台-手册"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        db = tmp / "villagedesk.db"
        env["XDG_CONFIG_HOME"] = str(tmp / "config")  # no user settings leak in
        villagedesk("--db", str(db), "demo", "--households", args.households, env=env)
        villagedesk("--db", str(db), "backup", env=env)  # the status bar shows a recent backup
        for page in pages:
            png = OUT / f"{page}.png"
            villagedesk(
                "--db", str(db), "--screenshot", str(png), "--page", page, "--size", SIZE, env=env
            )
            optimise(png)
            print(f"{png.relative_to(ROOT)}  {png.stat().st_size // 1024} KB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
