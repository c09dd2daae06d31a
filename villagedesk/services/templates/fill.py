"""Fill a saved township template for a month, keeping everything the form looks like.

The stored form is opened with openpyxl in full mode (title, merged cells, fonts, borders,
widths, heights, print setup, header/footer and validations survive); rows are written
from the first data row, each styled like it; rows are inserted when the form has a footer
or a 合计 row below its table. Written to a temp file beside the target, then moved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from villagedesk.core.clock import today as clock_today
from villagedesk.core.templates import RULE_FIELD, RULE_NUMBER, RULE_TEXT, Template
from villagedesk.core.validation import ValidationError, format_fen, mask_id_number
from villagedesk.services.figures import Month
from villagedesk.services.templates.fields import DATE, ID, INT, MONEY, field_by_name
from villagedesk.services.templates.placeholders import Blanks, fill_blanks
from villagedesk.services.templates.rows import template_rows

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

Progress = Callable[[int, int], None]
_TOTALS = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共\s*计)")
_COMMON = ("village", "township", "county", "dispatching_unit", "month")


def load_template(db: Database, name: str) -> Template:
    """The saved template, or a Chinese error naming the ones there are."""
    from villagedesk.storage.templates import all_templates, get_template

    tpl = get_template(db, name)
    if tpl is None:
        names = [t.name for t in all_templates(db)]
        known = f"（已有：{'、'.join(names)}）" if names else "（还没有保存任何模板）"
        raise ValidationError(f"没有名为“{name}”的模板{known}", "name")
    return tpl


def fill_template(
    db: Database,
    name: str,
    month: Month | str,
    out_path: str | Path,
    *,
    mask_ids: bool | None = None,
    today: date | None = None,
    progress: Progress | None = None,
) -> Path:
    """Fill template ``name`` with the month's rows and save it as ``out_path``."""
    from villagedesk.services.pdf_common import atomic_output
    from villagedesk.services.templates.learn import open_form
    from villagedesk.services.templates.sheet import (
        content_below,
        copy_row_style,
        insert_table_rows,
        row_merges,
        table_end,
    )

    month = month if isinstance(month, Month) else Month.parse(month)
    today = today or clock_today()
    tpl = load_template(db, name)
    wb = open_form(tpl.form, tpl.filename or f"{name}.xlsx")
    if tpl.sheet not in wb.sheetnames:
        raise ValidationError(f"模板“{name}”的表格里没有工作表“{tpl.sheet}”，请重新学习这个模板")
    ws = wb[tpl.sheet]
    profile = db.profile.get()
    mask = profile.mask_ids if mask_ids is None else mask_ids
    rules = [r for r in tpl.columns if r.col >= 1]
    needed = {r.value for r in rules if r.rule == RULE_FIELD}
    rows = template_rows(db, tpl.source_kind, month, today=today, tag=tpl.tag, needed=needed)

    first = tpl.first_data_row
    merges = row_merges(ws, first)
    width = max([r.col for r in rules] + [c2 for _c1, c2 in merges] + [1])
    end = table_end(ws, first, width)
    blank_rows = end - first
    added = 0
    if len(rows) > blank_rows and content_below(ws, end):
        added = len(rows) - blank_rows
        insert_table_rows(ws, end, added, first)
    last = first + max(len(rows), 1) - 1
    common = {
        "village": profile.village,
        "township": profile.township,
        "county": profile.county,
        "dispatching_unit": profile.dispatching_unit,
        "month": month.chinese(),
    }
    types = {
        r.value: (f.type if (f := field_by_name(tpl.source_kind, r.value)) else "text")
        for r in rules
        if r.rule == RULE_FIELD
    }
    total = len(rows)
    for i, row in enumerate(rows):
        r = first + i
        copy_row_style(ws, first, r, width, merges)
        for rule in rules:
            cell = ws.cell(row=r, column=rule.col)
            if rule.rule == RULE_NUMBER:
                _put(cell, i + 1, INT)
            elif rule.rule == RULE_TEXT:
                _put(cell, rule.value, "text")
            elif rule.rule == RULE_FIELD:
                value = common[rule.value] if rule.value in _COMMON else row.get(rule.value)
                kind = types[rule.value]
                if kind == ID and mask and value:
                    value = mask_id_number(str(value))
                _put(cell, value, kind)
        if progress is not None and (i % 200 == 0 or i + 1 == total):
            progress(i + 1, total)
    if not rows:
        _say_no_rows(ws, first, rules, tpl.source_kind)
    _fill_totals(ws, end + added, first, last, rules, types, rows)
    blanks = Blanks.of(profile, month.year, month.month, today)
    _fill_outside(ws, first, end + added, blanks)
    with atomic_output(out_path) as tmp:
        wb.save(tmp)
    return Path(out_path).expanduser().absolute()


def _put(cell: Any, value: Any, kind: str) -> None:
    """Write one value the way the form's cell expects it."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.styles.numbers import is_date_format

    if isinstance(cell, MergedCell):
        return
    if kind == ID:
        cell.number_format = "@"  # an ID number is text, never 4.30124E+17
    fmt = cell.number_format or "General"
    if value is None or value == "":
        cell.value = None
        return
    if kind == DATE and isinstance(value, date):
        if fmt == "@":
            cell.value = value.isoformat()
        else:
            if not is_date_format(fmt):
                cell.number_format = "yyyy-mm-dd"
            cell.value = value
        return
    if kind == MONEY:
        if fmt == "@":
            cell.value = format_fen(int(value), symbol=False)
            return
        if ".00" not in fmt:
            cell.number_format = "#,##0.00"
        cell.value = round(int(value) / 100, 2)
        return
    if kind == INT and isinstance(value, int):
        cell.value = value if fmt != "@" else str(value)
        return
    text = value.isoformat() if isinstance(value, date) else str(value)
    cell.value = text
    if text.startswith("="):  # what a villager said is never a formula
        cell.data_type = "s"


def _say_no_rows(ws: Any, first: int, rules: list, source: str) -> None:
    from villagedesk.services.templates.rows import ROW_SOURCES

    target = next((r for r in rules if r.rule in (RULE_FIELD, RULE_TEXT)), None)
    if target is None:
        return
    tagged = ROW_SOURCES[source][0] in ("household", "resident")
    ws.cell(row=first, column=target.col).value = "无" if tagged else "本月无记录"


def _fill_totals(
    ws: Any, row: int, first: int, last: int, rules: list, types: dict, rows: list
) -> None:
    """A 合计 row right below the table gets the sums of its money and count columns."""
    labels = [c.value for c in (ws._cells.get((row, col)) for col in range(1, 6)) if c is not None]
    if not any(isinstance(v, str) and _TOTALS.match(v) for v in labels):
        return
    for rule in rules:
        if rule.rule != RULE_FIELD or types.get(rule.value) not in (MONEY, INT):
            continue
        cell = ws.cell(row=row, column=rule.col)
        if cell.data_type == "f" or cell.value not in (None, ""):
            continue  # the form's own formula (already moved) or text stays
        values = [r.get(rule.value) for r in rows if isinstance(r.get(rule.value), int)]
        _put(cell, sum(values), types[rule.value])


def _fill_outside(ws: Any, first: int, after: int, blanks: Blanks) -> None:
    """Placeholders in the title rows, the footer, and the printed header and footer."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock

    for (row, _col), cell in list(ws._cells.items()):
        value = cell.value
        if first <= row < after or cell.data_type == "f":
            continue
        if isinstance(value, CellRichText):  # keep each run's font, fill its text
            for i, part in enumerate(value):
                if isinstance(part, TextBlock):
                    part.text = fill_blanks(part.text, blanks)
                else:
                    value[i] = fill_blanks(part, blanks)
        elif isinstance(value, str):
            new = fill_blanks(value, blanks)
            if new != value:
                cell.value = new
    for hf in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader,
               ws.firstFooter):  # fmt: skip
        for part in (hf.left, hf.center, hf.right):
            if part.text:
                part.text = fill_blanks(part.text, blanks)
