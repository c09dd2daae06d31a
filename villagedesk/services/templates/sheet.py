"""Editing a form in place with openpyxl: make room for rows without breaking what is below.

openpyxl's ``insert_rows`` moves cells only. Merged cells, row heights, data validations,
conditional formats, the print area, page breaks and formula references stay where they
were; ``insert_table_rows`` moves them as Excel would.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from openpyxl.formula.translate import Translator
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

_REF = re.compile(r"(?<![A-Za-z_\d.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])")
_RANGE = re.compile(r"(\$?[A-Z]{1,3}\$?)(\d+):(\$?[A-Z]{1,3}\$?)(\d+)")


def _row_is_blank(ws: Any, row: int, max_col: int) -> bool:
    for col in range(1, max_col + 1):
        cell = ws._cells.get((row, col))
        if cell is not None and cell.value not in (None, ""):
            return False
    return True


def _has_border(ws: Any, row: int, max_col: int) -> bool:
    for col in range(1, max_col + 1):
        cell = ws._cells.get((row, col))
        if cell is not None and cell.has_style:
            b = cell.border
            if any(s is not None and s.style for s in (b.left, b.right, b.top, b.bottom)):
                return True
    return False


def table_end(ws: Any, first_row: int, max_col: int) -> int:
    """The row after the form's blank table rows (bordered, empty, not merged)."""
    merged_starts = {m.min_row for m in ws.merged_cells.ranges if m.max_row >= first_row}
    row = first_row
    while row <= ws.max_row:
        if not _row_is_blank(ws, row, max_col) or (row in merged_starts and row != first_row):
            break
        if row != first_row and not _has_border(ws, row, max_col):
            break
        row += 1
    return max(row, first_row + 1)


def content_below(ws: Any, row: int) -> bool:
    """Whether anything (a value or a merged cell) sits at or below ``row``."""
    if any(m.max_row >= row for m in ws.merged_cells.ranges):
        return True
    return any(r >= row and c.value not in (None, "") for (r, _c), c in ws._cells.items())


def _shift_range(cr: CellRange, at: int, amount: int, table_top: int) -> CellRange | None:
    """A range after inserting ``amount`` rows before row ``at`` (None: unchanged).

    Below the insertion it moves; across it, or covering the table's last row from inside
    the table, it grows (so a validation on the form's blank rows covers every added row).
    """
    if cr.min_row >= at:
        lo, hi = cr.min_row + amount, cr.max_row + amount
    elif cr.max_row >= at or (cr.max_row == at - 1 and cr.min_row >= table_top):
        lo, hi = cr.min_row, cr.max_row + amount
    else:
        return None
    return CellRange(min_col=cr.min_col, min_row=lo, max_col=cr.max_col, max_row=hi)


def _shift_multi(multi: MultiCellRange, at: int, amount: int, table_top: int) -> MultiCellRange:
    return MultiCellRange([_shift_range(cr, at, amount, table_top) or cr for cr in multi.ranges])


def shift_formula(formula: str, at: int, amount: int) -> str:
    """Row references at or below ``at`` move down; ranges ending just above ``at`` grow."""

    def one_range(m: re.Match[str]) -> str:
        r1, r2 = int(m.group(2)), int(m.group(4))
        n1 = r1 + amount if r1 >= at else r1
        n2 = r2 + amount if r2 >= at - 1 else r2
        return f"{m.group(1)}{n1}:{m.group(3)}{n2}"

    def one_ref(m: re.Match[str]) -> str:
        r = int(m.group(4))
        return f"{m.group(1)}{m.group(2)}{m.group(3)}{r + amount if r >= at else r}"

    parts = _RANGE.split(formula)
    out, i = [], 0
    # split keeps the groups: text, c1, r1, c2, r2, text, …
    while i < len(parts):
        out.append(_REF.sub(one_ref, parts[i]))
        if i + 4 < len(parts):
            m = _RANGE.match(f"{parts[i + 1]}{parts[i + 2]}:{parts[i + 3]}{parts[i + 4]}")
            out.append(one_range(m))
        i += 5
    return "".join(out)


def insert_table_rows(ws: Any, at: int, amount: int, table_top: int) -> None:
    """Insert ``amount`` rows before ``at``, moving what openpyxl's insert_rows leaves behind."""
    if amount <= 0:
        return
    below = [m for m in ws.merged_cells.ranges if m.min_row >= at]
    across = [m for m in ws.merged_cells.ranges if m.min_row < at <= m.max_row]
    for m in below + across:
        ws.merged_cells.ranges.discard(m)
    ws.insert_rows(at, amount)
    for m in below:  # the MergedCell placeholders moved with the cells; the range follows
        m.shift(row_shift=amount)
        ws.merged_cells.ranges.add(m)
    for m in across:  # a merge spanning the insertion grows over the new rows
        ws.merge_cells(
            start_row=m.min_row, start_column=m.min_col, end_row=m.max_row + amount,
            end_column=m.max_col,
        )  # fmt: skip
    _shift_row_dimensions(ws, at, amount)
    for dv in ws.data_validations.dataValidation:
        dv.sqref = _shift_multi(dv.sqref, at, amount, table_top)
    _shift_conditional_formats(ws, at, amount, table_top)
    _shift_print_area(ws, at, amount)
    for brk in ws.row_breaks.brk:
        if brk.id is not None and brk.id >= at:
            brk.id += amount
    for (row, _col), cell in ws._cells.items():
        if row >= at + amount and cell.data_type == "f" and isinstance(cell.value, str):
            cell.value = shift_formula(cell.value, at, amount)


def _shift_row_dimensions(ws: Any, at: int, amount: int) -> None:
    dims = ws.row_dimensions
    for row in sorted((r for r in list(dims.keys()) if r >= at), reverse=True):
        dim = dims.pop(row)
        dim.index = row + amount
        dims[row + amount] = dim


def _shift_conditional_formats(ws: Any, at: int, amount: int, table_top: int) -> None:
    from openpyxl.formatting.formatting import ConditionalFormattingList

    old = ws.conditional_formatting
    new = ConditionalFormattingList()
    for cf in old:
        sqref = _shift_multi(cf.sqref, at, amount, table_top)
        for rule in cf.rules:
            new.add(str(sqref), rule)
    ws.conditional_formatting = new


def _shift_print_area(ws: Any, at: int, amount: int) -> None:
    area = ws.print_area
    if not area:
        return
    ranges = []
    for part in area if isinstance(area, list) else str(area).split(","):
        ref = part.split("!")[-1].replace("$", "")
        cr = CellRange(ref)
        ranges.append((_shift_range(cr, at, amount, 1) or cr).coord)
    ws.print_area = ranges


def row_merges(ws: Any, row: int) -> list[tuple[int, int]]:
    """Column spans merged inside one row (a wide cell of the form's data row)."""
    return sorted(
        (m.min_col, m.max_col) for m in ws.merged_cells.ranges if m.min_row == m.max_row == row
    )


def copy_row_style(
    ws: Any, src: int, dst: int, max_col: int, merges: list[tuple[int, int]]
) -> None:
    """Give row ``dst`` the look of row ``src``: cell styles, height, merges inside the row."""
    from openpyxl.cell.cell import MergedCell

    if dst == src:
        return
    for c1, c2 in merges:
        if not any(m.min_row == dst and m.min_col == c1 for m in _merges_at(ws, dst)):
            ws.merge_cells(start_row=dst, start_column=c1, end_row=dst, end_column=c2)
    for col in range(1, max_col + 1):
        s = ws._cells.get((src, col))
        if s is None:
            continue
        d = ws._cells.get((dst, col)) or ws.cell(row=dst, column=col)
        d._style = copy.copy(s._style)
        if s.data_type == "f" and isinstance(s.value, str) and not isinstance(d, MergedCell):
            d.value = Translator(s.value, s.coordinate).translate_formula(d.coordinate)
    src_dim = ws.row_dimensions.get(src)
    if src_dim is not None and src_dim.height is not None:
        ws.row_dimensions[dst].height = src_dim.height


def _merges_at(ws: Any, row: int) -> list[Any]:
    # only consulted when the data row has merges (rare), so a scan is fine
    return [m for m in ws.merged_cells.ranges if m.min_row == row]
