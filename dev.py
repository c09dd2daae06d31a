#!/usr/bin/env python3
"""One-command set-up for developers and CI (works on Windows and Linux).

    python3 dev.py run     set up .venv, make the demo village, open the app
    python3 dev.py test    set up .venv and run the whole test suite
    python3 dev.py setup   only set up .venv (and build the translations)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".villagedesk-installed"
DEMO_DB = ROOT / "demo-data" / "demo.db"


def _run(*cmd: str | os.PathLike[str]) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit("VillageDesk needs Python 3.11 or newer")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        _run(PY, "-m", "pip", "install", "-q", "--upgrade", "pip")
        _run(PY, "-m", "pip", "install", "-q", "-e", ".[test]")
        STAMP.write_text(wanted)
    _run(PY, str(ROOT / "scripts" / "i18n.py"), "build")


def run(extra: list[str]) -> int:
    setup()
    if not DEMO_DB.exists():
        DEMO_DB.parent.mkdir(exist_ok=True)
        _run(PY, "-m", "villagedesk", "--db", DEMO_DB, "demo")
    return subprocess.call([str(PY), "-m", "villagedesk", "--db", str(DEMO_DB), *extra], cwd=ROOT)


def test(extra: list[str]) -> int:
    setup()
    return subprocess.call([str(PY), "-m", "pytest", *extra], cwd=ROOT)


def main() -> int:
    cmd, extra = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("run", [])
    if cmd == "setup":
        setup()
        return 0
    if cmd == "run":
        return run(extra)
    if cmd == "test":
        return test(extra)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
