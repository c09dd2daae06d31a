"""Reading .xlsx and .csv files, and every way a file can be broken."""

from __future__ import annotations

import zipfile

import pytest

from tests.services.importing.conftest import write_csv, write_xlsx
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import list_sheets, read_table
from villagedesk.services.importing.reading import MAX_CELL_CHARS, OLE_MAGIC

ROWS = [["姓名", "身份证号码", "住址"], ["张𠮷", "43012419800101001X", "白沙村一组"]]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8", "gb18030"])
def test_csv_in_every_windows_encoding(tmp_path, encoding):
    rows = (
        ROWS
        if encoding in ("utf-8-sig", "utf-8", "gb18030")
        else [ROWS[0], ["张三", "x", "白沙村"]]
    )
    path = write_csv(tmp_path / "a.csv", rows, encoding=encoding)
    data = read_table(path)
    assert data.rows[0] == ["姓名", "身份证号码", "住址"]
    assert data.rows[1][0] == rows[1][0]
    assert data.sheets == ["a"]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_csv_delimiter_detected(tmp_path, delimiter):
    path = write_csv(tmp_path / "a.csv", ROWS, delimiter=delimiter)
    assert read_table(path).rows[1][2] == "白沙村一组"


def test_xlsx_sheets_listed_and_picked(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["说明"]], sheet="封面", extra_sheets={"花名册": ROWS})
    assert list_sheets(path) == ["封面", "花名册"]
    data = read_table(path, sheet="花名册")
    assert data.sheet == "花名册" and data.rows[1][0] == "张𠮷"
    with pytest.raises(ValidationError, match="没有名为“名单”的工作表"):
        read_table(path, sheet="名单")


def test_xlsx_merges_in_header_are_reported(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [["花名册"], *ROWS], merges=["A1:C1"])
    assert read_table(path).merged == [(1, 1, 1, 3)]


def test_empty_file(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"")
    with pytest.raises(ValidationError, match="文件是空的"):
        read_table(path)


def test_not_a_zip_named_xlsx(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"this is not a workbook at all" * 10)
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        read_table(path)


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError, match="不是 Excel 工作簿"):
        read_table(path)


def test_truncated_workbook(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", ROWS)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:900])
    with pytest.raises(ValidationError, match="无法读取文件“cut.xlsx”"):
        read_table(path)


def test_password_protected_workbook(tmp_path):
    # Excel saves an encrypted .xlsx as an OLE container with an EncryptionInfo stream
    path = tmp_path / "secret.xlsx"
    path.write_bytes(
        OLE_MAGIC + b"\x00" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 600
    )
    with pytest.raises(ValidationError, match="密码"):
        read_table(path)


def test_damaged_xls(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLE_MAGIC + b"\x00" * 2000)
    with pytest.raises(ValidationError, match="无法读取文件“old.xls”"):
        read_table(path)


def test_huge_cell_refused(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["姓名", "住址"], ["张三", "村" * (MAX_CELL_CHARS + 1)]])
    with pytest.raises(ValidationError, match="超过 32767 个字符"):
        read_table(path)


def test_missing_file(tmp_path):
    with pytest.raises(ValidationError, match="文件不存在"):
        read_table(tmp_path / "nope.xlsx")


def test_binary_file_named_csv(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x00\x01\x02garbage\x00" * 20)
    with pytest.raises(ValidationError, match="不是文本表格文件"):
        read_table(path)
