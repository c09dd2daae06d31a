"""core, storage and services must import without Qt (the layer rule of DESIGN.md)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# Runs in a fresh interpreter: this test process may already have imported PySide6, and
# a module imported early can hide a circular import that a fresh start would hit.
SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt is not allowed below the ui layer: {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    import villagedesk

    names = []
    for package in ("core", "storage", "services"):
        pkg = importlib.import_module(f"villagedesk.{package}")
        names.append(pkg.__name__)
        for info in pkgutil.walk_packages(pkg.__path__, prefix=pkg.__name__ + "."):
            names.append(info.name)
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    print(len(names))
    if failed:
        print("\\n".join(failed), file=sys.stderr)
        sys.exit(1)
    assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
    """
)


def run_isolated(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_core_storage_services_import_without_qt():
    done = run_isolated(SCRIPT)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 30  # the walk really found the modules


def test_the_blocker_really_blocks_qt():
    # without this, a finder that never fires would make the test above pass vacuously
    done = run_isolated(SCRIPT.replace("import villagedesk\n", "import villagedesk, PySide6\n"))
    assert done.returncode != 0
    assert "Qt is not allowed" in done.stderr
