#!/usr/bin/env python3
"""Translation workflow for VillageDesk (run with the venv's python; works on Windows too).

    python scripts/i18n.py update                        scan villagedesk/ui (+ cli.py) into the .ts
    python scripts/i18n.py set CONTEXT "Source" "译文"    fill one translation
    python scripts/i18n.py set-json FILE.json            fill many: {"Context": {"Source": "译文"}}
    python scripts/i18n.py check                         exit 1 on unfinished / placeholder mismatch
    python scripts/i18n.py build                         lrelease the .ts into the .qm (if stale)

``update`` and ``set`` hold an exclusive lock, so several people (or agents) can run them at
the same moment without losing each other's entries. Every function takes its paths as
parameters; the command line defaults to ``resources/translations/villagedesk_zh_CN.ts``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from villagedesk.ui.i18n import build_qm, find_qt_tool  # noqa: E402

DEFAULT_TS = ROOT / "resources" / "translations" / "villagedesk_zh_CN.ts"
LANGUAGE = "zh_CN"
XML_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
LOCK_TIMEOUT_S = 300.0

# %1..%99 and %L1 (QString.arg), %n (plural count), {name} / {0} / {} (str.format).
_PLACEHOLDER = re.compile(r"%L?\d{1,2}|%n|(?<!\{)\{[A-Za-z0-9_]*(?:[!:][^{}]*)?\}(?!\})")
_SKIPPED_TYPES = {"vanished", "obsolete"}


# --------------------------------------------------------------------------- locking


@contextlib.contextmanager
def ts_lock(ts: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an exclusive, cross-process lock for ``ts`` (released even if the process dies).

    The lock file lives in the temp folder, named after the .ts path, so it never shows up in git.
    """
    key = hashlib.sha1(str(Path(ts).resolve()).encode()).hexdigest()[:16]
    lock_file = Path(tempfile.gettempdir()) / f"villagedesk-i18n-{key}.lock"
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.monotonic() + timeout
    try:
        if os.name == "nt":
            import msvcrt

            while True:
                try:
                    os.lseek(fd, 0, os.SEEK_SET)
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"could not lock {lock_file}") from None
                    time.sleep(0.1)
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"could not lock {lock_file}") from None
                    time.sleep(0.1)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- .ts reading/writing


def _read_ts(ts: Path) -> ET.Element:
    return ET.parse(ts).getroot()


def _write_ts(ts: Path, root: ET.Element) -> None:
    """Write atomically, keeping the XML declaration and DOCTYPE that lrelease expects."""
    body = ET.tostring(root, encoding="unicode", short_empty_elements=False)
    fd, tmp = tempfile.mkstemp(prefix=ts.name + ".", suffix=".tmp", dir=ts.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(XML_HEADER + body + "\n")
        os.chmod(tmp, ts.stat().st_mode & 0o777 if ts.exists() else 0o644)  # mkstemp makes 0600
        os.replace(tmp, ts)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _messages(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _translation_texts(message: ET.Element) -> list[str]:
    tr = message.find("translation")
    if tr is None:
        return [""]
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in tr.findall("numerusform")]
        return forms or [""]
    return [tr.text or ""]


def placeholders(text: str) -> Counter[str]:
    """The placeholders in ``text`` (%1, %L2, %n, {name}), counted."""
    return Counter(_PLACEHOLDER.findall(text))


# --------------------------------------------------------------------------- commands


def default_sources(root: Path = ROOT) -> list[Path]:
    """Every .py under villagedesk/ui, plus villagedesk/cli.py when it translates strings."""
    sources = sorted((root / "villagedesk" / "ui").rglob("*.py"))
    cli = root / "villagedesk" / "cli.py"
    if cli.is_file():
        text = cli.read_text(encoding="utf-8")
        if "translate(" in text or ".tr(" in text:
            sources.append(cli)
    return sources


def update(sources: Sequence[Path], ts: Path = DEFAULT_TS) -> None:
    """Run lupdate over ``sources`` into ``ts``: keeps translations, drops obsolete entries."""
    tool = find_qt_tool("lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found (is PySide6 installed in this Python?)")
    ts = Path(ts)
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [str(tool), "-silent", "-no-obsolete", "-locations", "none"]
    cmd += ["-source-language", "en", "-target-language", LANGUAGE]
    cmd += [str(p) for p in sources] + ["-ts", str(ts)]
    with ts_lock(ts):
        result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not ts.is_file():
        raise RuntimeError(f"lupdate failed (exit {result.returncode}): {result.stderr.strip()}")


def set_translations(
    ts: Path, translations: Mapping[str, Mapping[str, str]]
) -> list[tuple[str, str]]:
    """Fill translations {context: {source: text}} in ``ts``; returns the entries not found."""
    ts = Path(ts)
    if not ts.is_file():
        raise FileNotFoundError(f"{ts} does not exist; run `scripts/i18n.py update` first")
    wanted = {
        (ctx, src): text for ctx, entries in translations.items() for src, text in entries.items()
    }
    found: set[tuple[str, str]] = set()
    with ts_lock(ts):
        root = _read_ts(ts)
        for ctx, message in _messages(root):
            key = (ctx, message.findtext("source") or "")
            if key not in wanted:
                continue
            found.add(key)
            text = wanted[key]
            tr = message.find("translation")
            if tr is None:
                tr = ET.SubElement(message, "translation")
            tr.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = tr.findall("numerusform") or [ET.SubElement(tr, "numerusform")]
                for form in forms:
                    form.text = text
            else:
                tr.text = text
        if found:
            _write_ts(ts, root)
    return [key for key in wanted if key not in found]


def check(ts: Path = DEFAULT_TS) -> list[str]:
    """Problems in ``ts``: unfinished or empty translations and placeholder mismatches."""
    problems: list[str] = []
    for ctx, message in _messages(_read_ts(Path(ts))):
        tr = message.find("translation")
        if tr is not None and tr.get("type") in _SKIPPED_TYPES:
            continue
        source = message.findtext("source") or ""
        texts = _translation_texts(message)
        if (tr is not None and tr.get("type") == "unfinished") or not all(t.strip() for t in texts):
            problems.append(f"unfinished: [{ctx}] {source!r}")
            continue
        want = placeholders(source)
        for text in texts:
            got = placeholders(text)
            if got != want:
                problems.append(
                    f"placeholders differ: [{ctx}] {source!r} -> {text!r} "
                    f"(source {sorted(want.elements())}, translation {sorted(got.elements())})"
                )
    return problems


def build(ts: Path = DEFAULT_TS, qm: Path | None = None, *, force: bool = False) -> Path | None:
    """Compile ``ts`` to ``qm`` (default: next to it) unless the .qm is newer; None if no .ts."""
    return build_qm(Path(ts), qm, force=force)


# --------------------------------------------------------------------------- command line


def _report_unknown(unknown: list[tuple[str, str]]) -> None:
    if unknown:
        print(
            f"warning: {len(unknown)} entries not in the .ts (run `update` first?):",
            file=sys.stderr,
        )
        for ctx, src in unknown:
            print(f"  [{ctx}] {src!r}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS, help="translation source (.ts)")
    sub = parser.add_subparsers(dest="command", required=True)
    p_update = sub.add_parser("update", help="scan sources with lupdate")
    p_update.add_argument("sources", nargs="*", type=Path, help="default: villagedesk/ui/**/*.py")
    p_set = sub.add_parser("set", help="set one translation")
    p_set.add_argument("context")
    p_set.add_argument("source")
    p_set.add_argument("translation")
    p_json = sub.add_parser("set-json", help='set many: {"Context": {"source": "译文"}}')
    p_json.add_argument("file", type=Path)
    sub.add_parser("check", help="exit 1 on unfinished entries or placeholder mismatches")
    p_build = sub.add_parser("build", help="lrelease the .ts into a .qm")
    p_build.add_argument("--qm", type=Path, default=None)
    p_build.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    ts: Path = args.ts

    if args.command == "update":
        sources = args.sources or default_sources()
        update(sources, ts)
        print(f"updated {ts} from {len(sources)} files")
        return 0
    if args.command in ("set", "set-json"):
        if args.command == "set":
            data = {args.context: {args.source: args.translation}}
        else:
            data = json.loads(args.file.read_text(encoding="utf-8"))
        unknown = set_translations(ts, data)
        total = sum(len(v) for v in data.values())
        print(f"set {total - len(unknown)} of {total} translations in {ts.name}")
        _report_unknown(unknown)
        for problem in check(ts):
            if problem.startswith("placeholders"):
                print(f"warning: {problem}", file=sys.stderr)
        return 0
    if args.command == "check":
        if not ts.is_file():
            print(f"note: {ts} does not exist yet; nothing to check")
            return 0
        problems = check(ts)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) in {ts.name}", file=sys.stderr)
            return 1
        print(f"{ts.name}: all translations finished, placeholders match")
        return 0
    if args.command == "build":
        if not ts.is_file():
            print(
                f"note: {ts} does not exist yet; run `scripts/i18n.py update` first. Nothing built."
            )
            return 0
        qm = build(ts, args.qm, force=args.force)
        print(f"built {qm}")
        return 0
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
