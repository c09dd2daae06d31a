"""Township templates: a styled blank form made here is learned, saved, filled and read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from villagedesk.core.enums import Relation, ResidentTag, VisitWay
from villagedesk.core.records import Group, Household, Resident, TeamMember, Visit
from villagedesk.core.validation import ValidationError, id_check_char
from villagedesk.services.templates import (
    delete_template,
    fill_template,
    learn_template,
    list_templates,
    save_template,
)

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADERS_TOP = ["序号", "走访日期", "走访对象\n（户主）", "村民小组", "户主身份证号码", "走访情况", None, None, "备注"]  # fmt: skip
HEADERS_SUB = [None, None, None, None, None, "走访方式", "困难和诉求", "现场处置", None]
BLANK_ROWS = 3
N_VISITS = 7
ID_NUMBER = "430124198001011231"
OLD_ID = "43012419400501" + "002"


def _look(cell) -> tuple[str, ...]:
    # style proxies of two workbooks never compare equal; their contents do
    return tuple(repr(x) for x in (cell.font, cell.border, cell.fill, cell.alignment))


def make_visit_form(path: Path) -> Path:
    """A township form: merged title, 填报单位 row, two-row header, 3 styled blank rows, footer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "走访登记"
    ws["A1"] = "××村走访情况登记表（X月）"
    ws["A1"].font = Font(name="宋体", size=18, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A1:I1")
    ws["A2"] = "填报单位：××村"
    ws.merge_cells("A2:E2")
    ws["F2"] = "填报日期：    年  月  日"
    ws.merge_cells("F2:I2")
    for col, (top, sub) in enumerate(zip(HEADERS_TOP, HEADERS_SUB, strict=True), start=1):
        for row, text in ((3, top), (4, sub)):
            cell = ws.cell(row=row, column=col, value=text)
            cell.font = Font(name="黑体", bold=True)
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if sub is None and top is not None:
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    ws.merge_cells("F3:H3")
    fill = PatternFill("solid", fgColor="FFF2CC")
    for row in range(5, 5 + BLANK_ROWS):
        for col in range(1, 10):
            cell = ws.cell(row=row, column=col)
            cell.border = BOX
            cell.font = Font(name="仿宋", size=11)
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            if row == 5:
                cell.fill = fill
        ws.cell(row=row, column=2).number_format = "yyyy年m月d日"
        ws.row_dimensions[row].height = 30
    footer = 5 + BLANK_ROWS + 1
    ws.cell(row=footer, column=1, value="填报人：          审核人：")
    ws.merge_cells(start_row=footer, start_column=1, end_row=footer, end_column=6)
    ws.row_dimensions[footer].height = 24
    for col, width in zip("ABCDEFGHI", (6, 14, 12, 10, 22, 10, 24, 20, 10), strict=True):
        ws.column_dimensions[col].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:4"
    ws.oddFooter.center.text = "××村驻村工作队 第 &P 页"
    dv = DataValidation(type="list", formula1='"入户,电话,座谈"')
    dv.add(f"F5:F{4 + BLANK_ROWS}")
    ws.add_data_validation(dv)
    wb.save(path)
    return path


@pytest.fixture
def village(db):
    """A village with a profile, two team members, households and N_VISITS visits in November."""
    profile = db.profile.get()
    profile.village, profile.township = "青山村", "石门镇"
    profile.filled_by, profile.reviewed_by = "王五", "赵六"
    db.profile.save(profile)
    group = db.groups.add(Group(name="一组"))
    member = db.team.add(TeamMember(name="李书记"))
    homes = []
    for i in range(4):
        hh = db.households.add(
            Household(
                household_no=f"00{i + 1}", head_name=f"张{'一二三四'[i]}", group_uid=group.uid
            )
        )
        homes.append(hh)
    db.residents.add(Resident(household_uid=homes[0].uid, name="张一", id_number=ID_NUMBER))
    visits = []
    for i in range(N_VISITS):
        visits.append(
            db.visits.add(
                Visit(
                    date=date(2026, 11, 2 + i * 3),
                    household_uid=homes[i % 4].uid,
                    way=VisitWay.PHONE if i % 2 else VisitWay.HOME,
                    member_uids=[member.uid],
                    needs=f"诉求{i + 1}" if i != 3 else "=1+1",
                    handling=f"处置{i + 1}",
                )
            )
        )
    db.visits.add(Visit(date=date(2026, 10, 30), household_uid=homes[0].uid, needs="上月"))
    return visits, homes


def test_learn_finds_header_columns_and_rows(tmp_path):
    draft = learn_template(make_visit_form(tmp_path / "form.xlsx"))
    assert draft.header_rows == [3, 4]
    assert draft.first_data_row == 5
    assert draft.source_kind == "visits"
    rules = {c.col: (c.rule, c.value) for c in draft.columns}
    assert rules[1] == ("number", "")
    assert rules[2] == ("field", "date")
    assert rules[3] == ("field", "household")
    assert rules[4] == ("field", "group")
    assert rules[5] == ("field", "id_number")
    assert rules[6] == ("field", "way")
    assert rules[7] == ("field", "needs")
    assert rules[8] == ("field", "handling")
    assert rules[9] == ("field", "notes")


def test_fill_keeps_the_form_and_writes_the_rows(db, village, tmp_path):
    visits, homes = village
    form = make_visit_form(tmp_path / "form.xlsx")
    draft = learn_template(form)
    save_template(db, draft, "走访表", source_kind="visits", mapping={"I": "文字:无"})
    out = fill_template(db, "走访表", "2026-11", tmp_path / "out.xlsx", today=date(2026, 11, 29))
    ws = load_workbook(out)["走访登记"]
    src = load_workbook(form)["走访登记"]

    assert ws["A1"].value == "青山村走访情况登记表（11月）"
    assert ws["A2"].value.startswith("填报单位：青山村")
    assert ws["F2"].value == "填报日期：2026年11月29日"
    merged = {str(m) for m in ws.merged_cells.ranges}
    footer = 5 + N_VISITS  # right below the last row, as in the form
    assert {"A1:I1", "A2:E2", "F2:I2", "F3:H3", "A3:A4"} <= merged
    assert f"A{footer + 1}:F{footer + 1}" in merged
    assert ws.cell(row=footer + 1, column=1).value.startswith("填报人：王五")
    assert "审核人：赵六" in ws.cell(row=footer + 1, column=1).value
    assert ws.row_dimensions[footer + 1].height == 24

    template_cells = [src.cell(row=5, column=c) for c in range(1, 10)]
    for r in range(5, 5 + N_VISITS):
        assert ws.row_dimensions[r].height == 30
        for c, t in enumerate(template_cells, start=1):
            cell = ws.cell(row=r, column=c)
            assert _look(cell) == _look(t)
            assert cell.number_format == (t.number_format if c != 5 else "@")
    for col, width in zip("ABCDEFGHI", (6, 14, 12, 10, 22, 10, 24, 20, 10), strict=True):
        assert ws.column_dimensions[col].width == width
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$3:$4"
    assert ws.oddFooter.center.text == "青山村驻村工作队 第 &P 页"
    assert str(ws.data_validations.dataValidation[0].sqref) == f"F5:F{4 + N_VISITS}"

    for i, v in enumerate(visits):
        r = 5 + i
        row = [ws.cell(row=r, column=c).value for c in range(1, 10)]
        hh = next(h for h in homes if h.uid == v.household_uid)
        assert row[0] == i + 1
        assert row[1].date() == v.date
        assert row[2:4] == [hh.head_name, "一组"]
        assert row[4] == ("430124********1231" if hh is homes[0] else None)
        assert row[5:8] == [v.way.value, v.needs, v.handling]
        assert row[8] == "无"
    assert ws.cell(row=5 + 3, column=7).data_type == "s"  # "=1+1" stays text
    assert ws.cell(row=5, column=2).number_format == "yyyy年m月d日"


def test_fewer_rows_than_blank_rows_insert_nothing(db, village, tmp_path):
    draft = learn_template(make_visit_form(tmp_path / "form.xlsx"))
    save_template(db, draft, "走访表", source_kind="visits", mapping=None)
    out = fill_template(db, "走访表", "2026-10", tmp_path / "oct.xlsx", mask_ids=False)
    ws = load_workbook(out).active
    assert ws["A1"].value == "青山村走访情况登记表（10月）"
    assert [ws.cell(row=5, column=c).value for c in (1, 3, 7)] == [1, "张一", "上月"]
    assert ws.cell(row=6, column=1).value is None
    assert ws.cell(row=5 + BLANK_ROWS + 1, column=1).value.startswith("填报人：")
    assert f"A{5 + BLANK_ROWS + 1}:F{5 + BLANK_ROWS + 1}" in {
        str(m) for m in ws.merged_cells.ranges
    }


def make_people_form(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "××村独居老人花名册"
    ws.merge_cells("A1:G1")
    for col, text in enumerate(
        ["序号", "姓名", "性别", "身份证号码", "年龄", "户主姓名", "联系电话"], 1
    ):
        ws.cell(row=2, column=col, value=text).border = BOX
    for col in range(1, 8):
        ws.cell(row=3, column=col).border = BOX
    ws["A5"] = "合计"
    wb.save(path)
    return path


def test_residents_with_a_tag(db, tmp_path):
    hh = db.households.add(Household(household_no="007", head_name="孙大娘", phone="13800000000"))
    alone = [
        db.residents.add(
            Resident(
                household_uid=hh.uid,
                name=n,
                id_number=i,
                birth_date=date(1940, 5, 1),
                relation=rel,
                tags=[ResidentTag.LIVING_ALONE],
            )
        )  # fmt: skip
        for n, i, rel in (
            ("孙大娘", OLD_ID + id_check_char(OLD_ID), Relation.HEAD),
            ("孙二爷", "", Relation.SPOUSE),
        )
    ]
    db.residents.add(
        Resident(household_uid=hh.uid, name="孙小", relation=Relation.SON,
                 tags=[ResidentTag.PARTY_MEMBER])
    )  # fmt: skip
    draft = learn_template(make_people_form(tmp_path / "people.xlsx"))
    assert (draft.source_kind, draft.tag) == ("residents", "独居老人")
    save_template(db, draft, "独居老人", source_kind="residents", tag="独居老人", mapping=None)
    ws = load_workbook(fill_template(db, "独居老人", "2026-11", tmp_path / "o.xlsx")).active
    rows = [[ws.cell(row=r, column=c).value for c in range(1, 8)] for r in (3, 4)]
    assert rows[0] == [
        1,
        "孙大娘",
        "女",
        "430124********002" + id_check_char(OLD_ID),
        86,
        "孙大娘",
        "13800000000",
    ]
    assert rows[1][:2] == [2, alone[1].name]
    # the form had one blank row: one row was inserted, the 合计 row and the gap moved down
    assert ws["A6"].value == "合计"
    assert ws.max_row == 6
    assert _look(ws.cell(row=4, column=1)) == _look(ws.cell(row=3, column=1))


def test_list_delete_and_bad_templates(db, tmp_path):
    draft = learn_template(make_visit_form(tmp_path / "form.xlsx"))
    save_template(db, draft, "甲", source_kind="visits", mapping=None)
    with pytest.raises(ValidationError, match="已经有"):
        save_template(db, draft, "甲", source_kind="visits", mapping=None)
    assert [t.name for t in list_templates(db)] == ["甲"]
    with pytest.raises(ValidationError, match="没有名为“乙”的模板"):
        fill_template(db, "乙", "2026-11", tmp_path / "x.xlsx")
    delete_template(db, "甲")
    assert list_templates(db) == []
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ValidationError, match="损坏"):
        learn_template(broken)
    with pytest.raises(ValidationError, match="不存在"):
        learn_template(tmp_path / "missing.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
