"""Shared look of every VillageDesk PDF and the safe way to write any export file.

- ``atomic_output(path)``: write to a temp file in the target folder, ``os.replace`` on
  success, remove it on failure; unwritable targets raise ``ExportError`` in Chinese.
- ``make_doc(...)``: an A4 ``SimpleDocTemplate`` whose ``build`` draws the header (title,
  "内部资料 注意保密") and footer ("第 N 页 共 M 页") on every page via a two-pass canvas.
- ``styles()``, ``table_style()``, ``cell()``, ``signer_block()``: the government-form look.

reportlab is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from villagedesk.storage.errors import StorageError

if TYPE_CHECKING:
    from villagedesk.core.records import VillageProfile

CONFIDENTIAL_MARK = "内部资料 注意保密"
#: grey of header cells, shared with the Excel ledger (xlsx_style) so both look alike
HEADER_FILL_HEX = "D9E1F2"


class ExportError(StorageError):
    """An export file could not be written (Chinese message, English in ``.english``)."""


# ---------------------------------------------------------------- safe output


def _check_target(path: Path) -> None:
    folder = path.parent
    if path.is_dir():
        raise ExportError(
            f"无法写入文件 {path}：这是一个文件夹，请指定文件名",
            f"Cannot write {path}: it is a folder, give a file name",
        )
    if not folder.is_dir():
        raise ExportError(
            f"无法写入文件 {path}：文件夹 {folder} 不存在",
            f"Cannot write {path}: the folder {folder} does not exist",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            f"无法写入文件 {path}：权限不足（文件夹只读）",
            f"Cannot write {path}: permission denied (read-only folder)",
        )


def _os_error(path: Path, exc: OSError) -> ExportError:
    if exc.errno == errno.ENOSPC:
        return ExportError(
            f"无法写入文件 {path}：磁盘空间已满", f"Cannot write {path}: the disk is full"
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ExportError(
            f"无法写入文件 {path}：权限不足，或文件正被其他程序（如 Excel、WPS）打开",
            f"Cannot write {path}: permission denied, or the file is open in another program",
        )
    return ExportError(f"无法写入文件 {path}：{exc.strerror or exc}", f"Cannot write {path}: {exc}")


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temp path beside ``path``; on success it replaces ``path``, else it is removed."""
    target = Path(path).expanduser().absolute()
    _check_target(target)
    # open(..., "x") rather than mkstemp: the file gets the usual permissions (umask), not 0600
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb"):
            pass
    except OSError as exc:
        raise _os_error(target, exc) from exc
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _os_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- text helpers


def unit_line(profile: VillageProfile) -> str:
    """填报单位 text: dispatching unit and village team."""
    village = profile.village or "本村"
    team = f"{village}驻村工作队"
    return f"{profile.dispatching_unit} {team}".strip() if profile.dispatching_unit else team


# ---------------------------------------------------------------- reportlab look


def styles() -> dict[str, Any]:
    """ParagraphStyles in the bundled Chinese font: title, subtitle, body, small, cell, …"""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()

    def make(name: str, size: float, **kw: Any) -> ParagraphStyle:
        # CJK wrapping: break between any two characters, as Chinese text expects
        kw.setdefault("wordWrap", "CJK")
        kw.setdefault("leading", size * 1.35)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

    return {
        "title": make("vd-title", 18, alignment=TA_CENTER, spaceAfter=4, leading=24),
        "subtitle": make("vd-subtitle", 12, alignment=TA_CENTER, spaceAfter=6),
        "heading": make("vd-heading", 13, spaceBefore=8, spaceAfter=4),
        "body": make("vd-body", 10.5, alignment=TA_LEFT),
        "small": make("vd-small", 9),
        "right": make("vd-right", 10, alignment=TA_RIGHT),
        "cell": make("vd-cell", 9, leading=11.5),
        "cell_center": make("vd-cell-c", 9, leading=11.5, alignment=TA_CENTER),
        "cell_right": make("vd-cell-r", 9, leading=11.5, alignment=TA_RIGHT),
        "head": make("vd-head", 9.5, leading=12, alignment=TA_CENTER),
        "signer": make("vd-signer", 11, leading=16),
    }


def cell(text: object, style: Any) -> Any:
    """A table cell Paragraph (text escaped, newlines kept)."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape("" if text is None else str(text)).replace("\n", "<br/>"), style)


def table_style(*, header_rows: int = 1, total_row: bool = False, last_row: int = -1) -> Any:
    """Thin black grid, tinted header rows, centred vertically.

    ``last_row``: the grid stops there (rows below it, e.g. a signer line kept inside the
    table so it never drifts onto a page of its own, get no lines); ``total_row`` tints it.
    """
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()
    cmds: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, last_row), 0.5, colors.black),
        ("BOX", (0, 0), (-1, last_row), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        cmds.append(
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#" + HEADER_FILL_HEX))
        )
    if total_row:
        cmds.append(("BACKGROUND", (0, last_row), (-1, last_row), colors.HexColor("#F2F2F2")))
    return TableStyle(cmds)


def signer_block(
    profile: VillageProfile, *, on: date | None = None, width: float | None = None
) -> Any:
    """The closing line every form carries: 填报人 / 审核人 / 负责人 / 日期."""
    from reportlab.platypus import Table, TableStyle

    st = styles()["signer"]
    blank = "＿＿＿＿＿＿"
    names = [
        ("填报人", profile.filled_by),
        ("审核人", profile.reviewed_by),
        ("负责人", profile.responsible),
    ]
    row = [cell(f"{label}：{name or blank}", st) for label, name in names]
    row.append(cell(f"日期：{on.isoformat() if on else '＿＿＿＿年＿＿月＿＿日'}", st))
    table = Table([row], colWidths=[width / 4] * 4 if width else None, hAlign="LEFT")
    table.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 14)]))
    return table


class _PageDecor:
    """What the two-pass canvas draws on each page once it knows the page count."""

    def __init__(self, header: str, mark: str | None) -> None:
        self.header = header
        self.mark = mark


def _numbered_canvas_class(decor: _PageDecor) -> type:
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas as rl_canvas

    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()

    class NumberedCanvas(rl_canvas.Canvas):
        """Keeps every page's state, then stamps "第 N 页 共 M 页" once M is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # start in our font, so no unembedded Helvetica is referenced by any page
            kwargs.setdefault("initialFontName", font)
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin = 15 * 2.8346  # 15 mm
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(colors.HexColor("#555555"))
            if decor.header:
                self.drawString(margin, height - 11 * 2.8346, decor.header)
            if decor.mark:
                self.setFillColor(colors.HexColor("#B00000"))
                self.setFont(font, 9)
                self.drawRightString(width - margin, height - 11 * 2.8346, decor.mark)
            self.setFillColor(colors.HexColor("#333333"))
            self.setFont(font, 9)
            self.drawCentredString(width / 2, 8 * 2.8346, f"第 {self._pageNumber} 页 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def make_doc(
    out_path: str | os.PathLike[str],
    *,
    landscape: bool,
    title: str,
    profile: VillageProfile,
    confidential: bool = True,
    margins_mm: float = 15,
) -> Any:
    """An A4 document whose ``build(story)`` adds header, confidentiality mark and page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as to_landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    from villagedesk.services.pdf_fonts import register_pdf_font

    register_pdf_font()
    decor = _PageDecor(
        header=title
        if profile.village and profile.village in title
        else f"{profile.village} {title}".strip(),
        mark=CONFIDENTIAL_MARK if confidential else None,
    )

    class VDDocTemplate(SimpleDocTemplate):
        def build(self, flowables: list, **kwargs: Any) -> None:  # type: ignore[override]
            kwargs.setdefault("canvasmaker", _numbered_canvas_class(decor))
            super().build(flowables, **kwargs)

    return VDDocTemplate(
        str(out_path),
        pagesize=to_landscape(A4) if landscape else A4,
        leftMargin=margins_mm * mm,
        rightMargin=margins_mm * mm,
        topMargin=(margins_mm + 3) * mm,
        bottomMargin=(margins_mm + 2) * mm,
        title=title,
        author=unit_line(profile),
        creator="驻村工作台 VillageDesk",
    )
