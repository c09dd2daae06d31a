"""Learn a township's blank form: find its header, list its columns, guess what it lists."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from villagedesk.core.templates import TemplateDraft
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.layout import Header, _fill_merges, detect_header
from villagedesk.services.importing.reading import OLE_MAGIC, ZIP_MAGIC, read_table
from villagedesk.services.templates.fields import (
    KIND_FIELDS,
    guess_columns,
    guess_source,
    is_number_header,
    match_field,
)

#: a blank form is a few dozen KB; anything this big is not one
MAX_FORM_BYTES = 10 * 1024 * 1024
_IMPORT_KINDS = ("visits", "issues", "aid", "households", "residents")
_ANY_SOURCE = ("visits", "issues-month", "aid", "deeds", "activities", "diary", "households", "residents")  # fmt: skip


def read_form_bytes(path: Path) -> bytes:
    """The form file's bytes, refusing what openpyxl cannot fill (with a Chinese reason)."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"模板文件“{name}”不存在") from None
    except IsADirectoryError:
        raise ValidationError(f"“{name}”是一个文件夹，不是 Excel 文件") from None
    except OSError as exc:
        raise ValidationError(f"无法打开模板文件“{name}”（{exc.strerror or exc}）") from None
    if not data:
        raise ValidationError(f"模板文件“{name}”是空的")
    if len(data) > MAX_FORM_BYTES:
        raise ValidationError(f"模板文件“{name}”太大（超过 10 MB），不像一张空白表格")
    if data.startswith(OLE_MAGIC):
        raise ValidationError(
            f"模板文件“{name}”是旧版 .xls 格式：请用 Excel/WPS 打开后另存为 .xlsx 再使用"
        )
    if not data.startswith(ZIP_MAGIC):
        raise ValidationError(f"模板文件“{name}”不是 Excel 工作簿（.xlsx）")
    return data


def open_form(data: bytes, name: str):
    """The form as an openpyxl workbook (full mode, styles kept), or a Chinese error."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), rich_text=True)
    except zipfile.BadZipFile:
        raise ValidationError(f"模板文件“{name}”已损坏（不是完整的 Excel 工作簿）") from None
    except KeyError:
        raise ValidationError(f"模板文件“{name}”是压缩包，但不是 Excel 工作簿") from None
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ValidationError(
            f"模板文件“{name}”已损坏，或不是 Excel 工作簿（{type(exc).__name__}）"
        ) from None
    wb.template = False  # a .xltx form is filled into an ordinary workbook
    return wb


def _header_score(header: Header) -> int:
    best = 0
    for source in _ANY_SOURCE:
        own = {f.name for f in KIND_FIELDS[_kind(source)]}
        found = {m[0] for h in header.names if (m := match_field(h, source)) and m[0] in own}
        best = max(best, len(found))
    return best + sum(1 for h in header.names if is_number_header(h))


def _kind(source: str) -> str:
    from villagedesk.core.templates import ROW_SOURCES

    return ROW_SOURCES[source][0]


def _own_header(rows: list[list[object]], merged: list[tuple[int, int, int, int]]) -> Header:
    """For forms the import does not know (deeds, activities, diary): the first row naming
    three of our fields; a row below joins it when a merged group cell spans above it."""
    top = [list(r) for r in rows[:31]]
    _fill_merges(top, merged)
    for i, row in enumerate(top[:30]):
        texts = [str(v).strip() if v is not None else "" for v in row]
        hits = sum(
            1
            for t in set(texts)
            if t and (is_number_header(t) or any(match_field(t, s) for s in _ANY_SOURCE))
        )
        if hits < 3 or len({t for t in texts if t}) < 3:
            continue
        names, header_rows = texts, [i + 1]
        spans = any(r1 == i + 1 and r2 == i + 1 and c2 > c1 for r1, c1, r2, c2 in merged)
        if spans and i + 1 < len(top):
            below = [str(v).strip() if v is not None else "" for v in top[i + 1]]
            names = [
                f"{u}/{b}" if u and b and u != b else (b or u)
                for u, b in zip(
                    texts + [""] * (len(below) - len(texts)),
                    below + [""] * (len(texts) - len(below)),
                    strict=True,
                )
            ]
            header_rows.append(i + 2)
        return Header(header_rows, names, [list(rows[r - 1]) for r in header_rows])
    raise ValidationError(
        "没有找到表头：前30行里没有一行包含至少三个能识别的列名（如 序号、日期、姓名）"
    )


def find_header(rows: list[list[object]], merged: list[tuple[int, int, int, int]]) -> Header:
    """The form's header: the import's detection for each kind it knows, the best one kept."""
    found: list[Header] = []
    for kind in _IMPORT_KINDS:
        try:
            found.append(detect_header(rows, kind, merged))
        except ValidationError:
            continue
    own: Header | None = None
    try:
        own = _own_header(rows, merged)
    except ValidationError:
        if not found:
            raise
    if own is not None:
        found.append(own)
    # most recognised columns wins; on a tie the header nearer the top
    return max(found, key=lambda h: (_header_score(h), -h.rows[0], len(h.rows)))


def learn_template(path: str | Path, *, sheet: str | None = None) -> TemplateDraft:
    """Read a blank township form: header rows, columns with guessed rules, guessed rows."""
    path = Path(path).expanduser()
    data = read_form_bytes(path)
    table = read_table(path, sheet=sheet)  # header detection works on the import's reading
    wb = open_form(data, path.name)
    ws = wb[table.sheet]
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    header = find_header(table.rows, merged)
    # a header cell merged down over more rows than the detection took still belongs to it
    last = max([header.rows[-1]] + [r2 for r1, _c1, r2, _c2 in merged if r1 in header.rows])
    first_data_row = last + 1
    covered = {
        c for r1, c1, r2, c2 in merged if r1 <= first_data_row <= r2 for c in range(c1 + 1, c2 + 1)
    }
    headers = {
        c + 1: name.replace("\n", "")
        for c, name in enumerate(header.names)
        if name and c + 1 not in covered
    }
    if len(headers) < 2:
        raise ValidationError("表头里能用的列少于两列，无法作为模板")
    title_lines = []
    for r in range(1, header.rows[0]):
        cells = [str(v).strip() for v in (table.rows[r - 1] if r <= len(table.rows) else []) if v]
        line = " ".join(dict.fromkeys(cells))
        if line:
            title_lines.append(line)
    title = "\n".join(title_lines)
    source, tag = guess_source(list(headers.values()), title)
    return TemplateDraft(
        filename=path.name,
        form=data,
        sheet=table.sheet or ws.title,
        sheets=list(table.sheets),
        header_rows=list(range(header.rows[0], last + 1)),
        first_data_row=first_data_row,
        columns=guess_columns(headers, source),
        source_kind=source,
        tag=tag,
        title=title,
    )
