"""The import benchmark's roster: shared strings as Excel saves them, read back unchanged."""

from __future__ import annotations

import zipfile

from benchmarks.bench_import import check_same, make_roster, read_back


def test_shared_strings_roster_reads_back_as_openpyxls_own(tmp_path):
    shared, inline = tmp_path / "shared.xlsx", tmp_path / "inline.xlsx"
    make_roster(shared, 40)
    make_roster(inline, 40, inline_strings=True)
    with zipfile.ZipFile(shared) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
        assert b"inlineStr" not in sheet and b'<dimension ref="A1:N42" />' in sheet
        assert b"sharedStrings" in z.read("[Content_Types].xml")
        assert b"sharedStrings.xml" in z.read("xl/_rels/workbook.xml.rels")
    check_same(shared, inline)  # raises SystemExit when they differ
    rows = read_back(shared)
    assert len(rows) == 42 and rows[1][0] == "序号" and rows[2][1] == "00001"


def test_shared_strings_roster_imports(tmp_path, db):
    from villagedesk.services.importing import commit_import, plan_import

    roster = tmp_path / "roster.xlsx"
    make_roster(roster, 40)
    report = commit_import(db, plan_import(db, roster, "residents"))
    assert report.written == {"groups": 10, "households": 10, "residents": 40}
