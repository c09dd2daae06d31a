"""A workbook of the refused rows, same headers plus a 原因 column, to fix and import again."""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from pathlib import Path

from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.plan import REFUSE, ImportPlan

REASON_HEADER = "原因"


def write_refused_rows(plan: ImportPlan, out_path: str | Path) -> int:
    """Write the refused rows (with their reasons) to an .xlsx; returns how many rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    out_path = Path(out_path)
    refused = [r for r in plan.rows if r.action == REFUSE]
    wb = Workbook()
    ws = wb.active
    ws.title = (plan.sheet or "未导入")[:31]
    width = max([len(h) for h in plan.header.raw] + [len(plan.header.names)])
    id_col = plan.mapping.column_of("id_number")
    bold = Font(bold=True)
    for i, header_row in enumerate(plan.header.raw):
        cells = list(header_row) + [None] * (width - len(header_row))
        cells.append(REASON_HEADER if i == 0 else None)
        ws.append(cells)
        for cell in ws[ws.max_row]:
            cell.font = bold
    if len(plan.header.raw) > 1:
        ws.merge_cells(
            start_row=1, start_column=width + 1, end_row=len(plan.header.raw), end_column=width + 1
        )
    red = PatternFill("solid", fgColor="FFF2CC")
    for row in refused:
        cells = [_cell(v) for v in row.values] + [None] * (width - len(row.values))
        ws.append(cells[:width] + [row.reason])
        reason = ws.cell(ws.max_row, width + 1)
        reason.fill = red
        reason.alignment = Alignment(wrap_text=True)
        if id_col is not None:
            ws.cell(ws.max_row, id_col + 1).number_format = "@"  # so a retyped ID stays text
    ws.column_dimensions[ws.cell(1, width + 1).column_letter].width = 48
    ws.freeze_panes = ws.cell(len(plan.header.raw) + 1, 1)
    out_path = out_path.with_suffix(".xlsx") if out_path.suffix.lower() != ".xlsx" else out_path
    try:
        fd, tmp = tempfile.mkstemp(prefix=".refused-", suffix=".xlsx", dir=out_path.parent)
        os.close(fd)
        try:
            wb.save(tmp)
            os.replace(tmp, out_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ValidationError(f"无法保存未导入的行到 {out_path}：{exc.strerror or exc}") from None
    return len(refused)


def _cell(value: object) -> object:
    if isinstance(value, datetime | date | int | float | bool) or value is None:
        return value
    text = str(value)
    # openpyxl refuses control characters; keep the rest exactly
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")
