"""The command line: the same operations as the app, without a window.

``villagedesk [--db FILE] [--lang zh_CN|en] COMMAND …``. Each command lives in
``villagedesk/commands/<name>.py`` with ``register(subparsers)`` and ``run(args, ctx) -> int``.
Exit status: 0 done, 1 the operation failed (nothing changed), 2 bad usage or bad input.
A user's mistake never ends in a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from villagedesk import __version__
from villagedesk.core.validation import ValidationError
from villagedesk.storage.errors import StorageError

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

#: command modules under ``villagedesk/commands`` (``import_`` because ``import`` is a keyword)
KNOWN_COMMANDS = [
    "demo", "stats", "search", "dump", "load", "check", "export", "import_", "backup", "restore",
    "template",
]  # fmt: skip
LANGS = ("zh_CN", "en")
DB_ENV = "VILLAGEDESK_DB"
DB_FILENAME = "villagedesk.db"


class CommandFailed(Exception):
    """A command could not do its work; the message is already in the user's language."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class UsageError(Exception):
    """The command line itself was wrong (argparse's complaint, made one Chinese line)."""


# argparse speaks English; the usual complaints in the words our users read
_ARGPARSE_ZH = [
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("invalid choice: ", "无效的选项："),
    (" (choose from ", "（可选："),
    ("expected one argument", "需要一个值"),
    ("invalid int value: ", "应为整数，实际为 "),
    ("argument ", "参数 "),
    ("not allowed with argument ", "不能与此参数同时使用："),
]


def _chinese_usage_error(message: str) -> str:
    for en, zh in _ARGPARSE_ZH:
        message = message.replace(en, zh)
    if message.endswith(")") and "（可选：" in message:
        message = message[:-1] + "）"
    return message


class VillageDeskArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that reports mistakes as one line instead of usage plus exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def default_data_dir() -> Path:
    """The data folder: ``data/`` beside a portable build, else the user data folder."""
    from villagedesk.paths import data_dir

    return data_dir()


def default_db_path() -> Path:
    """The database used when neither --db nor VILLAGEDESK_DB names one."""
    from villagedesk.paths import default_db_path as _default_db_path

    return _default_db_path()


class CommandContext:
    """What a command needs from the command line: the database, the language, messages."""

    def __init__(
        self,
        db_path: str | os.PathLike[str] | None,
        *,
        lang: str = "zh_CN",
        stdout=None,
        stderr=None,
    ) -> None:
        self._db_path = Path(db_path) if db_path else None
        self.lang = lang
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._opened: list[Database] = []

    @property
    def db_path(self) -> Path:
        """The database file this run works on."""
        if self._db_path is None:
            self._db_path = default_db_path()
        return self._db_path

    def open_db(self, readonly: bool = False, *, create: bool = True) -> Database:
        """Open the database, or fail with a one-line message saying why (exit 1)."""
        from villagedesk.storage.database import open_database

        try:
            db = open_database(self.db_path, readonly=readonly, create=create and not readonly)
        except StorageError as err:
            raise CommandFailed(err.message(self.lang), err.exit_code) from err
        self._opened.append(db)
        return db

    def text(self, zh: str, en: str) -> str:
        """The message in the user's language."""
        return en if self.lang == "en" else zh

    def say(self, zh: str, en: str, *, err: bool = False) -> None:
        """Print a message in the user's language (to stderr with ``err=True``)."""
        print(self.text(zh, en), file=self.stderr if err else self.stdout)

    def out(self, text: str) -> None:
        """Print data (JSON, tables) to stdout as it is."""
        print(text, file=self.stdout)

    def fail(self, zh: str, en: str, code: int = 1) -> NoReturn:
        """Stop the command with a message and an exit status."""
        raise CommandFailed(self.text(zh, en), code)

    def close(self) -> None:
        """Close every database this run opened."""
        while self._opened:
            self._opened.pop().close()


def load_command_modules() -> list[ModuleType]:
    """The command modules that exist (a missing one is skipped, a broken one is an error)."""
    found = []
    for name in KNOWN_COMMANDS:
        full = f"villagedesk.commands.{name}"
        try:
            found.append(importlib.import_module(full))
        except ModuleNotFoundError as exc:
            if exc.name != full:
                raise
    return found


class _FixedWidthFormatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=100)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The full parser: global options, GUI options and every available command.

    ``commands=False`` leaves the commands out: opening the window needs none of them, and
    importing all their modules would slow every start of the app.
    """
    parser = VillageDeskArgumentParser(
        prog="villagedesk",
        description="驻村工作台 VillageDesk：离线的走访、问题台账、慰问和报表工具。不带命令时打开程序窗口。",
        # the window's parser never prints help (--help goes to the full one); a fixed width
        # spares argparse asking the terminal's, which imports shutil (2 ms of the start)
        **({} if commands else {"formatter_class": _FixedWidthFormatter}),
    )
    parser.add_argument(
        "--db", metavar="FILE", help=f"数据库文件（也可用环境变量 {DB_ENV}；默认在用户数据文件夹）"
    )
    parser.add_argument("--lang", choices=LANGS, default=None, help="界面和提示语言（默认 zh_CN）")
    parser.add_argument(
        "--version", action="version", version=f"villagedesk {__version__}", help="显示版本号"
    )
    parser.add_argument("--screenshot", metavar="OUT.png", help="把一个页面渲染为 PNG 后退出")
    parser.add_argument("--page", help="与 --screenshot 一起使用：要渲染的页面")
    parser.add_argument("--size", metavar="WxH", help="与 --screenshot 一起使用：窗口大小")
    if not commands:
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="命令")
    for module in load_command_modules():
        module.register(subparsers)
    return parser


def _opens_window(argv: Sequence[str]) -> bool:
    """True when ``argv`` names no command and asks for no help: the app's window is opened."""
    words = {name.rstrip("_") for name in KNOWN_COMMANDS} | {"-h", "--help"}
    return not any(arg in words for arg in argv)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    if _opens_window(argv):
        try:
            return build_parser(commands=False).parse_args(argv)
        except UsageError:
            pass  # the full parser words the mistake (an unknown command, say) properly
    return build_parser().parse_args(argv)


def _guess_lang(argv: Sequence[str]) -> str:
    # argparse errors happen before --lang is parsed; look for it by hand
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else "zh_CN"
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else "zh_CN"
    return "zh_CN"


def _log_crash(exc: BaseException) -> Path | None:
    """Write the traceback of an unexpected error to the data folder's log; where it went."""
    try:
        log = default_data_dir() / "villagedesk-error.log"
        from villagedesk.core.clock import now_iso

        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"---- {now_iso()} villagedesk {__version__} {sys.argv!r}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except Exception:  # the log is a courtesy; never let it hide the real error
        return None


def _run_app(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        from villagedesk.ui.app import run_app
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name.startswith("villagedesk.ui") or exc.name.startswith("PySide6")):
            ctx.fail(
                f"程序窗口尚不可用（缺少模块 {exc.name}）。可以使用命令行命令，运行 villagedesk --help 查看",
                f"The app window is not available (missing module {exc.name}); see villagedesk --help",
            )
        raise
    return int(
        run_app(
            str(ctx.db_path),
            lang=ctx.lang,
            screenshot=args.screenshot,
            page=args.page,
            size=args.size,
        )
        or 0
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _guess_lang(argv)
    ctx: CommandContext | None = None
    try:
        try:
            args = _parse(argv)
        except SystemExit as exc:  # --help and --version
            return int(exc.code or 0)
        lang = args.lang or "zh_CN"
        ctx = CommandContext(args.db or os.environ.get(DB_ENV) or None, lang=lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            if args.page or args.size:
                if not args.screenshot:
                    raise UsageError("--page 和 --size 只能与 --screenshot 一起使用")
            return _run_app(args, ctx)
        if args.screenshot:
            raise UsageError("--screenshot 不能与命令同时使用")
        return int(handler(args, ctx) or 0)
    except UsageError as exc:
        message = _chinese_usage_error(str(exc))
        if lang == "en":
            print(f"Usage error: {exc}. Run villagedesk --help for usage.", file=sys.stderr)
        else:
            print(f"用法错误：{message}。运行 villagedesk --help 查看用法。", file=sys.stderr)
        return 2
    except CommandFailed as exc:
        print(str(exc), file=sys.stderr)
        return exc.code
    except ValidationError as exc:
        prefix = "Invalid input: " if lang == "en" else ""
        print(f"{prefix}{exc.message}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted" if lang == "en" else "已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `villagedesk dump | head`
        return 0
    except Exception as exc:
        log = _log_crash(exc)
        where = f"，详细信息已写入 {log}" if log else ""
        where_en = f"; details were written to {log}" if log else ""
        if lang == "en":
            print(f"Unexpected error: {type(exc).__name__}: {exc}{where_en}", file=sys.stderr)
        else:
            print(f"出现意外错误：{type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 1
    finally:
        if ctx is not None:
            ctx.close()


__all__ = ["CommandContext", "CommandFailed", "KNOWN_COMMANDS", "build_parser", "main"]
