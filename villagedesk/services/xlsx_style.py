"""The government-form look of a ledger sheet, for openpyxl write-only workbooks.

A ``FormSheet`` lays out one sheet the way township clerks expect: a merged title row, a
填报单位 / 填报日期 row, a bordered header row (repeated on every printed page, frozen on
screen), then the table; A4 landscape, one page wide, a footer with 填报人 / 审核人 / 负责人
and "第 &P 页 共 &N 页". Write-only sheets need every layout setting before the first row,
so ``FormSheet.__init__`` sets them all and writes the three top rows.

Cells get their style by copying a pre-registered ``StyleArray`` (openpyxl's own per-cell
style record): assigning Font/Border/Alignment objects per cell would cost more than
writing the cell itself.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from villagedesk.services.pdf_common import CONFIDENTIAL_MARK, HEADER_FILL_HEX, unit_line

if TYPE_CHECKING:
    from openpyxl import Workbook

    from villagedesk.core.records import VillageProfile

FONT_NAME = "宋体"
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "0.00"
OVERDUE_FILL_HEX = "F8CBAD"
HEADER_ROW = 3  # title, 填报单位 row, then the header
NO_RECORDS = "本月无记录"
LINE_HEIGHT = 13.5  # points per wrapped line of 10 pt text
ROW_PADDING = 5


@dataclass(frozen=True)
class Column:
    """One table column: header text, width in Excel character units, and how cells look."""

    header: str
    width: float
    kind: str = "text"  # text | center | date | money | int


class Styles:
    """The StyleArrays of one workbook (styles are registered per workbook)."""

    def __init__(self, wb: Workbook) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        ws = wb.create_sheet("_styles")  # a scratch sheet only to register styles
        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        body = Font(name=FONT_NAME, size=10)
        wrap_left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        wrap_center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_fill = PatternFill("solid", fgColor=HEADER_FILL_HEX)
        overdue_fill = PatternFill("solid", fgColor=OVERDUE_FILL_HEX)
        total_fill = PatternFill("solid", fgColor="F2F2F2")

        def make(**kw: Any) -> CellStyle:
            cell = WriteOnlyCell(ws)
            for key, value in kw.items():
                setattr(cell, key, value)
            return CellStyle(copy(cell._style), cell.style_id)

        self.title = make(
            font=Font(name=FONT_NAME, size=16, bold=True),
            alignment=Alignment(horizontal="center", vertical="center"),
        )
        self.info_left = make(
            font=Font(name=FONT_NAME, size=10.5),
            alignment=Alignment(horizontal="left", vertical="center"),
        )
        self.info_right = make(
            font=Font(name=FONT_NAME, size=10.5),
            alignment=Alignment(horizontal="right", vertical="center"),
        )
        self.header = make(
            font=Font(name=FONT_NAME, size=10.5, bold=True),
            alignment=wrap_center,
            border=border,
            fill=header_fill,
        )
        self.by_kind = {
            "text": make(font=body, alignment=wrap_left, border=border),
            "center": make(font=body, alignment=wrap_center, border=border),
            "int": make(font=body, alignment=wrap_center, border=border, number_format="0"),
            "date": make(
                font=body, alignment=wrap_center, border=border, number_format=DATE_FORMAT
            ),
            "money": make(
                font=body,
                alignment=Alignment(horizontal="right", vertical="center"),
                border=border,
                number_format=MONEY_FORMAT,
            ),
        }
        self.overdue = make(
            font=Font(name=FONT_NAME, size=10, bold=True, color="C00000"),
            alignment=wrap_center,
            border=border,
            fill=overdue_fill,
        )
        self.total = {
            kind: make(
                font=Font(name=FONT_NAME, size=10, bold=True),
                alignment=Alignment(
                    horizontal="right" if kind == "money" else "center", vertical="center"
                ),
                border=border,
                fill=total_fill,
                number_format=MONEY_FORMAT if kind == "money" else "General",
            )
            for kind in ("text", "center", "int", "date", "money")
        }
        self.note = make(font=Font(name=FONT_NAME, size=9, italic=True), alignment=wrap_left)
        self.bold_left = make(
            font=Font(name=FONT_NAME, size=11, bold=True),
            alignment=Alignment(horizontal="left", vertical="center"),
        )
        wb.remove(ws)


_cell_class: type | None = None


def _form_cell_class() -> type:
    """A Cell that knows its style id up front (every ledger cell is styled).

    openpyxl would hash the cell's StyleArray into the workbook's style list for every cell
    it writes; write-only ``append()`` also first tries to store our cell as a *value* and
    formats an error message with ``repr(cell)`` before using it. A fixed ``style_id`` and a
    cheap ``repr`` keep the styled ledger close to the speed of writing bare values.
    """
    global _cell_class
    if _cell_class is None:
        from openpyxl.cell.cell import Cell

        class FormCell(Cell):
            __slots__ = ("_sid",)

            def __init__(self, ws: Any, value: Any, data_type: str, style: Any, sid: int) -> None:
                # the fields Cell.__init__ sets, without its type checks (done by make_cell)
                self.parent = ws
                self.row = 1  # append() puts the cell in its real place
                self.column = 1
                self._value = value
                self.data_type = data_type
                self._hyperlink = None
                self._comment = None
                self._style = style  # shared, never mutated
                self._sid = sid

            @property
            def style_id(self) -> int:
                return self._sid

            @property
            def has_style(self) -> bool:
                return True

            def __repr__(self) -> str:
                return "<FormCell>"

        _cell_class = FormCell
    return _cell_class


class CellStyle:
    """A registered StyleArray and its index in the workbook's style list."""

    __slots__ = ("array", "sid")

    def __init__(self, array: Any, sid: int) -> None:
        self.array = array
        self.sid = sid


def make_cell(ws: Any, value: Any, style: CellStyle) -> Any:
    """A styled write-only cell, typed by hand (same result as openpyxl's checks, faster).

    Text is never read as a formula (a note starting with "=" stays text) and characters
    XML cannot hold are dropped, so Excel/WPS never offer to "repair" the file.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    kind = type(value)
    if value is None:
        data_type = "n"
    elif kind is str:
        data_type = "s"
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]
    elif kind is int or kind is float:
        data_type = "n"
    elif kind is date or kind is datetime:
        data_type = "d"
    elif kind is bool:
        data_type = "b"
    else:
        data_type = "s"
        value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return (_cell_class or _form_cell_class())(ws, value, data_type, style.array, style.sid)


def _open_stream(ws: Any) -> Any:
    """Feed finished cells straight to the sheet's XML writer, or ``False`` to use ``append``.

    ``WriteOnlyWorksheet.append`` re-checks every cell as if it were a value and copies it
    (two exceptions and a new cell each time); for the ledger's 100,000 styled cells that is
    a third of the time. This mirrors its ``_write_rows`` without that step, and falls back
    to ``append`` if a future openpyxl no longer has the parts it uses.
    """
    try:
        ws._get_writer()
        writer = ws._writer
        if ws._rows is not None or not hasattr(writer, "write_row"):
            return False
    except AttributeError:
        return False

    from openpyxl.cell._writer import write_cell

    def stream() -> Any:
        xf = writer.xf.send(True)
        with xf.element("sheetData"):
            try:
                while True:
                    row, cells, height = yield
                    attrs = {"r": str(row)}
                    if height:
                        attrs["ht"] = f"{height:g}"
                        attrs["customHeight"] = "1"
                    with xf.element("row", attrs):
                        for cell in cells:
                            write_cell(xf, ws, cell, True)
            except GeneratorExit:
                pass
        writer.xf.send(None)

    gen = stream()
    next(gen)
    ws._rows = gen  # ws.close() closes it, as it closes its own stream
    return gen


def _col_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


class FormSheet:
    """One write-only sheet in the government-form layout; append rows with ``row()``."""

    def __init__(
        self,
        wb: Workbook,
        styles: Styles,
        *,
        name: str,
        title: str,
        columns: list[Column],
        profile: VillageProfile,
        filled_on: date,
    ) -> None:
        self.styles = styles
        self.columns = columns
        self.ws = ws = wb.create_sheet(name)
        self.serial = 0
        self._stream: Any = None  # the row stream, or False to use ws.append()
        self._col_styles = [styles.by_kind[c.kind] for c in columns]
        # usable width of columns 2… (values passed to row() start after 序号), in width units
        self._usable = [max(1.0, c.width - 0.8) for c in columns[1:]]
        last = _col_letter(len(columns))
        self.last_letter = last
        self.rows_written = 0
        # everything below must be set before the first row is streamed out
        for i, col in enumerate(columns, 1):
            ws.column_dimensions[_col_letter(i)].width = col.width
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = 0.6
        ws.page_margins.bottom = 0.7
        ws.page_margins.header = 0.25
        ws.page_margins.footer = 0.3
        signers = "　　".join(
            f"{label}：{name or '＿＿＿＿'}"
            for label, name in (
                ("填报人", profile.filled_by),
                ("审核人", profile.reviewed_by),
                ("负责人", profile.responsible),
            )
        )
        ws.oddFooter.left.text = signers
        ws.oddFooter.left.size = 9
        ws.oddFooter.right.text = "第 &P 页 共 &N 页"
        ws.oddFooter.right.size = 9
        ws.oddHeader.right.text = CONFIDENTIAL_MARK
        ws.oddHeader.right.size = 8
        # title row
        ws.merged_cells.add(f"A1:{last}1")
        self._append([self._cell(title, styles.title)], height=32)
        # 填报单位 on the left half, 填报日期 on the right
        # 填报日期 takes the fewest trailing columns that hold it; 填报单位 gets the rest
        n = len(columns)
        split, room = n, 0.0
        while split > 1 and room < 18:
            room += columns[split - 1].width
            split -= 1
        ws.merged_cells.add(f"A2:{_col_letter(split)}2")
        if split < n:
            ws.merged_cells.add(f"{_col_letter(split + 1)}2:{last}2")
        info = [self._cell(f"填报单位：{unit_line(profile)}", styles.info_left)]
        info += [None] * (split - 1)
        info.append(self._cell(f"填报日期：{filled_on.isoformat()}", styles.info_right))
        self._append(info, height=20)
        self._append([self._cell(c.header, styles.header) for c in columns], height=30)

    def _cell(self, value: Any, style: Any) -> Any:
        return make_cell(self.ws, value, style)

    def _append(self, cells: list[Any], height: float | None = None) -> None:
        self.rows_written += 1
        if self._stream is None:
            self._stream = _open_stream(self.ws)
        if self._stream is False:
            if height:
                self.ws.row_dimensions[self.rows_written].height = height
            self.ws.append(cells)
            return
        row = self.rows_written
        placed = []
        for column, cell in enumerate(cells, 1):
            if cell is not None:
                cell.row = row
                cell.column = column
                placed.append(cell)
        self._stream.send((row, placed, height))

    def row(
        self,
        values: list[Any],
        *,
        overdue_cols: tuple[int, ...] = (),
        kinds: dict[int, str] | None = None,
    ) -> None:
        """Append one table row (``序号`` is added in front).

        Columns in ``overdue_cols`` get the overdue mark; ``kinds`` overrides a column's look
        for this row (column index → "money", "int", …).
        """
        self.serial += 1
        ws = self.ws
        col_styles = self._col_styles
        if kinds:
            col_styles = list(col_styles)
            for i, kind in kinds.items():
                col_styles[i] = self.styles.by_kind[kind]
        overdue = self.styles.overdue
        if overdue_cols:
            col_styles = [overdue if i in overdue_cols else st for i, st in enumerate(col_styles)]
        cells = [
            make_cell(ws, value, style)
            for value, style in zip([self.serial, *values], col_styles, strict=True)
        ]
        self._append(cells, height=self._height(values))

    def _height(self, values: list[Any]) -> float:
        # Excel, WPS and LibreOffice do not grow a row for wrapped text written by a program,
        # so estimate the lines: a CJK character is about 1.8 width units, ASCII one; UTF-8
        # length does that count in C (3 bytes for CJK, 1 for ASCII).
        lines = 1
        for value, usable in zip(values, self._usable, strict=False):
            if type(value) is str and value:
                for part in value.split("\n"):
                    units = len(part) + 0.4 * (len(part.encode()) - len(part))
                    need = -(-units // usable)  # ceil
                    if need > lines:
                        lines = need
        return LINE_HEIGHT * lines + ROW_PADDING

    def total_row(self, values: list[Any]) -> None:
        """A 合计 row: ``values`` cover every column (the first is usually "合计")."""
        styles = self.styles.total
        r = self.rows_written + 1
        self.ws.merged_cells.add(f"A{r}:B{r}")  # "合计" over 序号 and the next column
        self._append(
            height=24,
            cells=[
                self._cell(v, styles[c.kind]) for v, c in zip(values, self.columns, strict=True)
            ],
        )

    def empty_row(self, text: str = NO_RECORDS) -> None:
        """The one row an empty table gets, merged across the table and bordered."""
        r = self.rows_written + 1
        self.ws.merged_cells.add(f"A{r}:{self.last_letter}{r}")
        center = self.styles.by_kind["center"]
        self._append(
            [self._cell(text, center)] + [self._cell(None, center) for _ in self.columns[1:]]
        )

    def note(self, text: str) -> None:
        """A free line under the table (merged across, no border)."""
        r = self.rows_written + 1
        self.ws.merged_cells.add(f"A{r}:{self.last_letter}{r}")
        self._append([self._cell(text, self.styles.note)])

    def blank(self) -> None:
        """An empty spacer row."""
        self._append([])

    def plain_row(
        self, values: list[Any], kinds: list[str] | None = None, *, bold: bool = False
    ) -> None:
        """A bordered row outside the main table (e.g. a small summary below it)."""
        kinds = kinds or ["center"] * len(values)
        style = self.styles.header if bold else None
        self._append(
            [
                self._cell(v, style or self.styles.by_kind[k])
                for v, k in zip(values, kinds, strict=True)
            ]
        )
