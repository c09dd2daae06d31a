"""Helpers that build real-shaped spreadsheets for the import tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from villagedesk.core.validation import id_check_char


def idn(first17: str) -> str:
    """A valid 18-digit ID number from its first 17 digits."""
    return first17 + id_check_char(first17)


#: valid ID numbers of made-up people (region 430124, born 1950-2010)
IDS = [idn(f"430124{1950 + i:04d}{(i % 12) + 1:02d}{(i % 27) + 1:02d}{i:03d}") for i in range(60)]


def write_xlsx(path: Path, rows, *, merges=(), sheet="Sheet1", extra_sheets=None, text_cols=()):
    """Save rows (lists of cell values) to an .xlsx, with merged ranges and other sheets."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets = dict(extra_sheets or {})
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    for rng in merges:
        ws.merge_cells(rng)
    for name, other in sheets.items():
        s = wb.create_sheet(name)
        for row in other:
            s.append(list(row))
    wb.save(path)
    return path


def write_csv(path: Path, rows, *, encoding="utf-8", delimiter=","):
    """Save rows as CSV text in an encoding (gbk, utf-8-sig, utf-8)."""
    lines = [delimiter.join("" if c is None else str(c) for c in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def db_fingerprint(db) -> str:
    """A hash of every row of every table: equal before and after means nothing changed."""
    h = hashlib.sha256()
    for table in sorted(db.su.table_names()):
        h.update(table.encode())
        for row in db.su.execute(f"select * from [{table}] order by rowid").fetchall():
            h.update(repr(row).encode())
    return h.hexdigest()


@pytest.fixture
def tmp_xlsx(tmp_path):
    """Factory: tmp_xlsx(rows, name=..., **kw) -> path of a new workbook."""
    counter = iter(range(1000))

    def make(rows, name=None, **kw):
        return write_xlsx(tmp_path / (name or f"f{next(counter)}.xlsx"), rows, **kw)

    return make
