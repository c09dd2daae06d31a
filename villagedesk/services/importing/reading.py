"""Read a spreadsheet (.xlsx, .xls, .csv) into rows of cell values, or say in Chinese why not.

Rows are read lazily (``open_rows``) so a preview can show before a big file is parsed;
``read_table`` reads a whole sheet. Every failure is a ``ValidationError``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from villagedesk.core.validation import ValidationError

#: Excel's own limit on the text of one cell; a longer one means a damaged or hostile file
MAX_CELL_CHARS = 32767
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
#: merged ranges further down than this are not needed (titles and headers live above)
_MERGE_SCAN_ROWS = 40
_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


@dataclass
class SheetData:
    """One sheet's cells: ``rows[i]`` is file row ``i + 1``; merges as 1-based ranges."""

    path: Path
    sheet: str | None
    sheets: list[str]
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2


def _fail(path: Path, detail: str) -> ValidationError:
    return ValidationError(f"无法读取文件“{path.name}”：{detail}")


def _file_kind(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _fail(path, "文件不存在") from None
    except IsADirectoryError:
        raise _fail(path, "这是一个文件夹，不是表格文件") from None
    except OSError as exc:
        raise _fail(path, f"无法打开（{exc.strerror or exc}）") from None
    if not head:
        raise _fail(path, "文件是空的")
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head == OLE_MAGIC:
        return "ole"
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise _fail(
            path, "文件已损坏，或不是 Excel 工作簿（请用 Excel/WPS 打开后另存为 .xlsx 再导入）"
        )
    if suffix in (".csv", ".txt", ".tsv", ""):
        return "csv"
    raise _fail(path, f"不支持的文件类型 {suffix}，请使用 .xlsx、.xls 或 .csv")


def _check_cell(path: Path, value: object, row_no: int) -> object:
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARS:
            raise _fail(
                path, f"第 {row_no} 行有一个单元格超过 {MAX_CELL_CHARS} 个字符，文件可能已损坏"
            )
        if not value.strip():
            return None
    return value


# ---------------------------------------------------------------- xlsx


def _is_encrypted_ole(path: Path) -> bool:
    # A password-protected .xlsx is an OLE container holding an "EncryptionInfo" stream.
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    return (
        "EncryptionInfo".encode("utf-16-le") in data or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data
    )


@contextlib.contextmanager
def _open_xlsx(path: Path):
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except zipfile.BadZipFile:
        raise _fail(path, "文件已损坏（不是完整的 Excel 工作簿）") from None
    except KeyError:
        raise _fail(path, "这是一个压缩包，但不是 Excel 工作簿") from None
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise _fail(path, f"文件已损坏，或不是 Excel 工作簿（{type(exc).__name__}）") from None
    try:
        yield wb
    finally:
        wb.close()


def _xlsx_merges(wb, ws) -> list[tuple[int, int, int, int]]:
    from openpyxl.utils.cell import range_boundaries

    try:
        xml = wb._archive.read(ws._worksheet_path)
    except Exception:  # merges are a nicety for headers; the rows still read
        return []
    # The regex would try every tag of a big sheet: start it at the tag holding the first
    # "mergeCell" (usually none at all), which is where its first match can begin.
    first = xml.find(b"mergeCell")
    if first < 0:
        return []
    out = []
    for ref in _MERGE_CELL.findall(xml, max(xml.rfind(b"<", 0, first), 0)):
        c1, r1, c2, r2 = range_boundaries(ref.decode("ascii"))
        if r1 <= _MERGE_SCAN_ROWS:
            out.append((r1, c1, r2, c2))
    return out


def _pick(path: Path, names: list[str], sheet: str | None) -> str:
    if not names:
        raise _fail(path, "工作簿里没有工作表")
    if sheet is None:
        return names[0]
    if sheet not in names:
        raise _fail(path, f"没有名为“{sheet}”的工作表（有：{'、'.join(names)}）")
    return sheet


def _xlsx_rows(path: Path, sheet: str | None) -> Iterator[object]:
    with _open_xlsx(path) as wb:
        names = list(wb.sheetnames)
        name = _pick(path, names, sheet)
        ws = wb[name]
        if not hasattr(ws, "reset_dimensions"):  # a chartsheet has no cells
            raise _fail(path, f"工作表“{name}”是图表，没有数据")
        yield names, name, _xlsx_merges(wb, ws)
        ws.reset_dimensions()  # trust the cells, not the (often wrong) stored dimension
        try:
            yield from ws.iter_rows(values_only=True)  # tuples: rows() makes the lists
        except ValidationError:
            raise
        except Exception as exc:
            raise _fail(path, f"文件内容已损坏（{type(exc).__name__}）") from None


# ---------------------------------------------------------------- xls


def _xls_rows(path: Path, sheet: str | None) -> Iterator[object]:
    if _is_encrypted_ole(path):
        raise _fail(path, "文件设置了打开密码，请在 Excel/WPS 中取消密码后再导入")
    try:
        import xlrd
    except ImportError:
        raise _fail(
            path, "本机缺少读取 .xls 的组件，请用 Excel/WPS 另存为 .xlsx 后再导入"
        ) from None
    try:
        try:
            book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
        except NotImplementedError:
            book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:
        text = str(exc).lower()
        if "encrypt" in text or "password" in text:
            raise _fail(path, "文件设置了打开密码，请在 Excel/WPS 中取消密码后再导入") from None
        raise _fail(path, "文件已损坏，或不是 Excel 工作簿") from None
    try:
        names = book.sheet_names()
        name = _pick(path, names, sheet)
        try:
            ws = book.sheet_by_name(name)
        except Exception:
            raise _fail(path, f"工作表“{name}”已损坏") from None
        merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in getattr(ws, "merged_cells", [])]
        yield names, name, merges
        for r in range(ws.nrows):
            yield [_xls_value(xlrd, book, ws.cell(r, c)) for c in range(ws.ncols)]
    finally:
        book.release_resources()


def _xls_value(xlrd, book, cell) -> object:
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, book.datemode)
        except Exception:
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if (
        cell.ctype == xlrd.XL_CELL_NUMBER
        and float(cell.value).is_integer()
        and abs(cell.value) < 1e15
    ):
        return int(cell.value)
    return cell.value


# ---------------------------------------------------------------- csv


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 with BOM, UTF-8, then GB18030 (a superset of GBK)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            "无法识别文件的文字编码（不是 UTF-8 或 GBK），请用 Excel 另存为 .xlsx"
        ) from None


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|，").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|")}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _csv_rows(path: Path, sheet: str | None) -> Iterator[object]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _fail(path, f"无法打开（{exc.strerror or exc}）") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(path, "这不是文本表格文件（CSV），也不是 Excel 工作簿")
    try:
        text = decode_text(data)
    except ValidationError as exc:
        raise _fail(path, str(exc)) from None
    yield [path.stem], path.stem, []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    try:
        for row in reader:
            yield [c if c.strip() else None for c in row]
    except csv.Error as exc:
        raise _fail(path, f"CSV 格式错误（{exc}）") from None


# ---------------------------------------------------------------- public


class RowSource:
    """An open sheet whose rows are read lazily: ``sheets``, ``sheet``, ``merged``, ``rows()``."""

    def __init__(self, path: Path, sheet: str | None) -> None:
        self.path = Path(path)
        kind = _file_kind(self.path)
        if kind == "xlsx":
            gen = _xlsx_rows(self.path, sheet)
        elif kind == "ole":
            gen = _xls_rows(self.path, sheet)
        else:
            gen = _csv_rows(self.path, sheet)
        self._gen = gen
        try:
            self.sheets, self.sheet, self.merged = next(gen)
        except StopIteration:
            raise _fail(self.path, "文件没有内容") from None
        except ValidationError:
            raise
        except Exception as exc:
            raise _fail(self.path, f"文件已损坏（{type(exc).__name__}）") from None

    def rows(self) -> Iterator[list[object]]:
        """The sheet's rows, top to bottom (blank cells None)."""
        row_no = 0
        path = self.path
        try:
            for row in self._gen:
                row_no += 1
                # _check_cell for each cell, called only for the text it may change or refuse
                yield [
                    v
                    if not isinstance(v, str) or (len(v) <= MAX_CELL_CHARS and v.strip())
                    else _check_cell(path, v, row_no)
                    for v in row
                ]
        except ValidationError:
            raise
        except Exception as exc:
            raise _fail(self.path, f"文件内容已损坏（{type(exc).__name__}）") from None

    def close(self) -> None:
        """Release the file (also done when the rows run out)."""
        self._gen.close()

    def __enter__(self) -> RowSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_rows(path: str | Path, *, sheet: str | None = None) -> RowSource:
    """Open a sheet for lazy reading (use as a context manager)."""
    return RowSource(Path(path), sheet)


def read_table(path: str | Path, *, sheet: str | None = None) -> SheetData:
    """Read one sheet (the first unless named) of an .xlsx, .xls or .csv file."""
    with open_rows(path, sheet=sheet) as src:
        rows = list(src.rows())
        return SheetData(Path(path), src.sheet, list(src.sheets), rows, list(src.merged))


def list_sheets(path: str | Path) -> list[str]:
    """The names of a workbook's sheets (a CSV file has one, named after the file)."""
    with open_rows(path) as src:
        return list(src.sheets)
