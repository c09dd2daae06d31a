"""Find the header among title rows, combine two-row headers, and tell data rows from the rest."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.fields import match_header, normalize_header

#: how far down the header may be (title rows, 填报单位 lines …)
HEADER_SCAN_ROWS = 30
_TOTALS = re.compile(r"^(合计|总计|小计|共计|总数)")
_NOTE = re.compile(
    r"^(填报人|填表人|填报单位|审核人|负责人|制表人|填报日期|填表日期|制表日期|统计人|"
    r"注[:：]|说明[:：]|备注[:：]|单位负责人|经办人[:：])"
)


@dataclass
class Header:
    """Where the header is (1-based rows) and each column's combined name."""

    rows: list[int]
    names: list[str]
    raw: list[list[object]]  # the header rows as found, for the refused-rows workbook

    @property
    def first_name(self) -> str:
        """The first non-empty header name, normalised (to spot a repeated header row)."""
        return next((n for h in self.names if (n := normalize_header(h))), "")

    @property
    def first_data_row(self) -> int:
        """The file row number where data starts."""
        return self.rows[-1] + 1


def _text(value: object) -> str:
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def _fill_merges(rows: list[list[object]], merged: list[tuple[int, int, int, int]]) -> None:
    """Copy each merged range's value into every cell it covers."""
    for r1, c1, r2, c2 in merged:
        if r1 > len(rows):
            continue
        src = rows[r1 - 1]
        value = src[c1 - 1] if c1 - 1 < len(src) else None
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < c2:
                row.extend([None] * (c2 - len(row)))
            for c in range(c1, c2 + 1):
                row[c - 1] = value


def _score(row: list[object], kind: str) -> int:
    fields = {m.field for v in row if (m := match_header(v, kind)) is not None}
    return len(fields)


def detect_header(
    rows: list[list[object]], kind: str, merged: list[tuple[int, int, int, int]] = ()
) -> Header:
    """The first row where several cells name known fields; a sub-header row below joins it."""
    top = [list(r) for r in rows[: HEADER_SCAN_ROWS + 1]]
    _fill_merges(top, list(merged))
    for i, row in enumerate(top[:HEADER_SCAN_ROWS]):
        if _score(row, kind) < 2:
            continue
        below = top[i + 1] if i + 1 < len(top) else []
        names = [_text(v) for v in row]
        header_rows = [i + 1]
        if below and _is_sub_header(row, below, kind, merged, i + 1):
            width = max(len(row), len(below))
            names = []
            for c in range(width):
                upper = _text(row[c]) if c < len(row) else ""
                lower = _text(below[c]) if c < len(below) else ""
                if lower and upper and lower != upper:
                    names.append(f"{upper}/{lower}")
                else:
                    names.append(lower or upper)
            header_rows.append(i + 2)
        raw = [list(rows[r - 1]) for r in header_rows]
        return Header(header_rows, names, raw)
    raise ValidationError(
        "没有找到表头：前30行里没有一行包含至少两个能识别的列名（如 姓名、身份证号码、户编号）"
    )


def _is_sub_header(row: list[object], below: list[object], kind: str, merged, row_no: int) -> bool:
    # A group header spans columns (merged, or blank to its right) above named sub-headers.
    if _score(below, kind) < 1:
        return False
    spans = any(r1 == row_no and c2 > c1 for r1, c1, _r2, c2 in merged)
    upper = {normalize_header(v) for v in row if v is not None}
    lower_named = [v for v in below if v is not None and normalize_header(v) not in upper]
    if spans:
        return len(lower_named) >= 1
    # without merge information: sub-headers sit under blanks of the upper row
    under_blank = sum(
        1 for c, v in enumerate(below) if v is not None and (c >= len(row) or row[c] is None)
    )
    return under_blank >= 1 and _score(below, kind) >= 2


def classify_row(row: list[object], header: Header) -> str | None:
    """'blank', 'totals', 'note', 'header' (repeated) or None for a data row."""
    return row_classifier(header)(row)


def row_classifier(header: Header) -> Callable[[list[object]], str | None]:
    """``classify_row`` for one header, with what it needs from the header worked out once."""
    first_name = header.first_name
    names = [normalize_header(n) for n in header.names]

    def classify(row: list[object]) -> str | None:
        # Called for every row of big files: look only at the first few filled cells.
        filled = [c for c in row if c is not None]
        if not filled:
            return "blank"
        # "".join(c.split()) removes what re's \s+ does (the same Unicode spaces), faster
        firsts = ["".join(c.split()) for c in filled[:3] if isinstance(c, str)]
        if any(_TOTALS.match(c) for c in firsts):
            return "totals"
        if isinstance(filled[0], str) and len(filled) <= 4 and _NOTE.match(firsts[0]):
            return "note"
        if first_name and isinstance(filled[0], str) and normalize_header(filled[0]) == first_name:
            cells = [normalize_header(c) for c in row[: len(names)]]
            if cells == names[: len(cells)]:
                return "header"
        return None

    return classify
