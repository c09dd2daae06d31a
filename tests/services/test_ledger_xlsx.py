"""The monthly ledger workbook, read back with openpyxl."""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from builders import HEAD_ID, make_id, solved_issue

from villagedesk.core import workflow as wf
from villagedesk.core.enums import (
    AidKind,
    DeedStatus,
    HandlingMode,
    HouseholdTag,
    IssueLevel,
    IssueOutcome,
    Presence,
    Relation,
    Satisfaction,
    TeamRole,
    VisitWay,
)
from villagedesk.core.records import (
    Activity,
    Aid,
    Deed,
    DiaryEntry,
    Group,
    Household,
    Issue,
    Resident,
    TeamMember,
    VillageProfile,
    Visit,
)
from villagedesk.core.validation import ValidationError
from villagedesk.services.figures import monthly_figures
from villagedesk.services.ledger_xlsx import SHEET_NAMES, SUMMARY_ITEMS, write_monthly_ledger
from villagedesk.services.pdf_common import ExportError

NOV = "2026-11"


WIFE_ID = make_id("43012419600715002")


def add_issue(
    db, number, collected, *, deadline=None, solve_on=None, explain_on=None, close_on=None, hh=None
):
    """An issue put through the real workflow."""
    issue = Issue(
        number=number, collected_date=collected, description=f"诉求{number}", household_uid=hh
    )
    wf.register(issue, actor="周建国")
    if deadline or solve_on or explain_on:
        wf.assign(
            issue,
            on=collected,
            actor="周建国",
            level=IssueLevel.TOWNSHIP,
            mode=HandlingMode.WITH_DEADLINE,
            deadline=deadline or collected,
            owner="孙丽",
        )
    if solve_on:
        wf.conclude(issue, on=solve_on, actor="孙丽", outcome=IssueOutcome.SOLVED, result="已修好")
    if explain_on:
        wf.conclude(
            issue, on=explain_on, actor="孙丽", outcome=IssueOutcome.EXPLAINED, result="政策不符"
        )
    if close_on:
        wf.follow_up(
            issue, on=close_on, actor="孙丽", satisfaction=Satisfaction.SATISFIED, note="电话回访"
        )
    return db.issues.add(issue)


def build_village(db) -> dict:
    """A small village with a month of work in November 2026 and some October history."""
    db.profile.save(
        VillageProfile(
            village="青山村",
            township="石门镇",
            dispatching_unit="市农业农村局",
            filled_by="李文",
            reviewed_by="王强",
            responsible="赵敏",
        )
    )
    sec = db.team.add(TeamMember(name="周建国", role=TeamRole.FIRST_SECRETARY))
    mem = db.team.add(TeamMember(name="孙丽", role=TeamRole.MEMBER))
    g1 = db.groups.add(Group(name="一组"))
    hh = db.households.add(
        Household(
            household_no="430124001",
            head_name="张大山",
            group_uid=g1.uid,
            tags=[HouseholdTag.DIBAO],
        )
    )
    hh2 = db.households.add(
        Household(household_no="430124002", head_name="李秀英", group_uid=g1.uid)
    )
    db.residents.add(
        Resident(household_uid=hh.uid, name="张大山", id_number=HEAD_ID, relation=Relation.HEAD)
    )
    wife = db.residents.add(
        Resident(household_uid=hh.uid, name="王桂兰", id_number=WIFE_ID, relation=Relation.SPOUSE)
    )
    visit = db.visits.add(
        Visit(
            date=date(2026, 11, 5),
            household_uid=hh.uid,
            member_uids=[sec.uid, mem.uid],
            situation="老两口务农，身体一般",
            needs="屋后排水沟堵塞",
            handling="当场联系村委",
            next_step="一周内清理",
        )
    )
    db.visits.add(
        Visit(
            date=date(2026, 11, 9), way=VisitWay.PHONE, household_uid=hh2.uid, situation="电话问候"
        )
    )
    db.visits.add(Visit(date=date(2026, 10, 9), household_uid=hh2.uid, situation="十月走访"))
    # issues: one from the visit, solved; one overdue from October; one done in October (excluded)
    issue = solved_issue(
        "2026-010", date(2026, 11, 5), "排水沟堵塞", actor="周建国", assigned_on=date(2026, 11, 5),
        solved_on=date(2026, 11, 8), solver="孙丽", result="已清理",
        household_uid=hh.uid, visit_uid=visit.uid,
    )  # fmt: skip
    db.issues.add(issue)
    add_issue(db, "2026-001", date(2026, 10, 3), deadline=date(2026, 10, 20), hh=hh2.uid)
    add_issue(
        db, "2026-002", date(2026, 10, 4), solve_on=date(2026, 10, 10), close_on=date(2026, 10, 12)
    )
    add_issue(db, "2026-003", date(2026, 10, 6), explain_on=date(2026, 11, 12))
    db.aid.add(
        Aid(date=date(2026, 11, 10), household_uid=hh.uid, amount_fen=50050, goods="大米", quantity="1袋",
            hardship="低保户", funding_source="派出单位", given_by="周建国")
    )  # fmt: skip
    db.aid.add(
        Aid(
            date=date(2026, 11, 11),
            resident_uid=wife.uid,
            amount_fen=30025,
            hardship="因病",
            given_by="孙丽",
        )
    )
    db.aid.add(
        Aid(
            date=date(2026, 11, 12),
            household_uid=hh2.uid,
            kind=AidKind.GOODS,
            goods="棉被",
            quantity="2床",
        )
    )
    db.aid.add(Aid(date=date(2026, 10, 1), household_uid=hh2.uid, amount_fen=99999))
    db.deeds.add(Deed(title="修建村道路灯", area="基础设施", status=DeedStatus.DONE, done_date=date(2026, 11, 20),
                      investment_fen=1234567, beneficiaries=120))  # fmt: skip
    db.deeds.add(Deed(title="开办农民夜校", area="教育", promised_date=date(2026, 12, 31)))
    db.activities.add(
        Activity(date=date(2026, 11, 15), title="村民代表座谈会", place="村委会", participants=32)
    )
    db.diary.add(DiaryEntry(date=date(2026, 11, 2), member_uid=sec.uid, content="入户走访3户"))
    db.diary.add(
        DiaryEntry(
            date=date(2026, 11, 3), member_uid=sec.uid, presence=Presence.AWAY, content="到镇里开会"
        )
    )
    db.diary.add(DiaryEntry(date=date(2026, 11, 3), member_uid=mem.uid, content="整理台账"))
    return {"household": hh, "wife": wife}


def table(ws) -> list[tuple]:
    """The data rows under the header (row 3), up to the first row whose 序号 is not a number."""
    out = []
    for row in ws.iter_rows(min_row=4, values_only=True):
        if not isinstance(row[0], int):
            break
        out.append(row)
    return out


@pytest.fixture
def village(db):
    return build_village(db)


@pytest.fixture
def ledger(db, village, tmp_path) -> Path:
    return write_monthly_ledger(db, NOV, tmp_path / "台账.xlsx", today=date(2026, 11, 29))


def test_every_sheet_is_a_titled_bordered_form(ledger):
    wb = openpyxl.load_workbook(ledger)
    assert tuple(wb.sheetnames) == SHEET_NAMES
    for ws in wb.worksheets:
        assert "青山村驻村工作队" in ws["A1"].value
        assert "2026年11月" in ws["A1"].value
        assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges), ws.title
        assert ws["A1"].alignment.horizontal == "center"
        assert ws["A2"].value == "填报单位：市农业农村局 青山村驻村工作队"
        assert "填报日期：2026-11-29" in [c.value for c in ws[2]]
        assert ws["A3"].value == "序号"
        assert ws["A3"].font.b and ws["A3"].fill.fgColor.rgb.endswith("D9E1F2")
        assert ws["B4"].border.left.style == "thin"
    issues = wb["问题台账"]
    assert [c.value for c in issues[3]][:4] == ["序号", "编号", "登记日期", "来源渠道"]
    assert "回访情况及满意度" in [c.value for c in issues[3]]


def test_print_setup_is_a4_landscape_one_page_wide(ledger):
    wb = openpyxl.load_workbook(ledger)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9
        assert ws.print_title_rows == "$3:$3"
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.freeze_panes == "A4"
        assert "填报人：李文" in ws.oddFooter.left.text and "审核人：王强" in ws.oddFooter.left.text
        assert "负责人：赵敏" in ws.oddFooter.left.text
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        assert ws.column_dimensions["B"].width >= 6


def test_visits_of_the_month_with_dates_as_dates_and_issue_link(ledger):
    ws = openpyxl.load_workbook(ledger)["走访台账"]
    rows = table(ws)
    assert [r[0] for r in rows] == [1, 2]  # October's visit left out
    first = rows[0]
    assert first[1] == datetime(2026, 11, 5)
    assert ws["B4"].number_format == "yyyy-mm-dd"
    assert first[2] == "张大山" and first[3] == "一组" and first[4] == "入户"
    assert first[5] == "周建国、孙丽"
    assert first[9] == "是（问题 2026-010）；一周内清理"


def test_issue_ledger_rows_status_and_overdue_mark(ledger):
    ws = openpyxl.load_workbook(ledger)["问题台账"]
    rows = {r[1]: r for r in table(ws)}
    # collected in Nov, still tracking from Oct, concluded in Nov; not the one closed in Oct
    assert set(rows) == {"2026-001", "2026-003", "2026-010"}
    overdue = rows["2026-001"]
    assert overdue[16] == "办理中（逾期）" and overdue[17] == "否"
    assert overdue[11] == datetime(2026, 10, 20)
    row_no = 4 + sorted(rows).index("2026-001")
    assert ws.cell(row_no, 17).fill.fgColor.rgb.endswith("F8CBAD")
    solved = rows["2026-010"]
    assert solved[13] == datetime(2026, 11, 8) and solved[14] == "已解决：已清理"
    assert solved[8] == "村级解决" and solved[9] == "立刻办"
    assert rows["2026-003"][14] == "已解释：政策不符"


def test_aid_ids_are_masked_text_and_total_keeps_fen(ledger):
    ws = openpyxl.load_workbook(ledger)["帮扶慰问台账"]
    rows = table(ws)
    assert len(rows) == 3
    assert rows[0][2] == "张大山"
    assert rows[1][2] == "王桂兰（户主 张大山）"
    ids = [r[3] for r in rows[:2]]
    assert ids == [HEAD_ID[:6] + "********" + HEAD_ID[-4:], WIFE_ID[:6] + "********" + WIFE_ID[-4:]]
    assert all(isinstance(i, str) for i in ids)
    assert ws.cell(4, 4).data_type == "s"
    assert rows[0][7] == pytest.approx(500.50) and ws.cell(4, 8).number_format == "0.00"
    total = list(ws.iter_rows(min_row=4 + len(rows), max_row=4 + len(rows), values_only=True))[0]
    assert total[0] == "合计"
    assert Decimal(str(total[7])) == Decimal("800.75")  # 500.50 + 300.25, never a lost fen
    assert Decimal(str(total[7])) == sum(Decimal(str(r[7] or 0)) for r in rows)


def test_show_ids_writes_the_full_number(db, village, tmp_path):
    out = write_monthly_ledger(db, NOV, tmp_path / "full.xlsx", mask_ids=False)
    ws = openpyxl.load_workbook(out)["帮扶慰问台账"]
    assert ws.cell(4, 4).value == HEAD_ID and ws.cell(4, 4).data_type == "s"


def _summary_values(ws) -> dict[str, tuple]:
    return {r[1]: (r[2], r[3]) for r in table(ws)}


def _figure(fig, path):
    value = fig
    for key in path:
        value = value[key]
    return float(Decimal(value)) if isinstance(value, str) else value


def test_summary_equals_monthly_figures(db, ledger):
    got = _summary_values(openpyxl.load_workbook(ledger)["汇总"])
    month = monthly_figures(db, NOV, today=date(2026, 11, 29))
    cumulative = monthly_figures(db, None, today=date(2026, 11, 29))
    assert len(got) == len(SUMMARY_ITEMS)
    for label, path, _note in SUMMARY_ITEMS:
        assert got[label] == (_figure(month, path), _figure(cumulative, path)), label
    assert got["慰问金(元)"] == (800.75, 1800.74)
    assert got["逾期"][0] == 1


def test_seed_case_43_collected_35_solved_8_tracking(db, tmp_path):
    db.profile.save(VillageProfile(village="石门村"))
    for n in range(1, 44):
        collected = date(2026, 11, 1 + n % 20)
        if n <= 35:
            add_issue(
                db,
                f"2026-{n:03d}",
                collected,
                solve_on=date(2026, 11, 25),
                close_on=date(2026, 11, 26),
            )
        else:
            add_issue(db, f"2026-{n:03d}", collected, deadline=date(2026, 12, 31))
    out = write_monthly_ledger(db, NOV, tmp_path / "seed.xlsx")
    wb = openpyxl.load_workbook(out)
    got = _summary_values(wb["汇总"])
    assert got["收集问题"] == (43, 43)
    assert got["已解决"] == (35, 35)
    assert got["跟踪中"] == (8, 8)
    assert len(table(wb["问题台账"])) == 43


def test_empty_month_still_writes_every_sheet(db, tmp_path):
    db.profile.save(VillageProfile(village="青山村"))
    out = write_monthly_ledger(db, "2026-03", tmp_path / "empty.xlsx")
    wb = openpyxl.load_workbook(out)
    assert tuple(wb.sheetnames) == SHEET_NAMES
    for name in SHEET_NAMES[1:]:
        ws = wb[name]
        assert "无" in ws["A4"].value, name
        assert any(str(r).startswith("A4:") for r in ws.merged_cells.ranges)
    assert wb["走访台账"]["A4"].value == "本月无记录"
    assert wb["帮扶慰问台账"]["A4"].value == "本月无慰问记录"
    assert all(v == (0, 0) for v in _summary_values(wb["汇总"]).values())


def test_progress_reaches_the_end(db, village, tmp_path):
    seen: list[tuple[int, int]] = []
    write_monthly_ledger(db, NOV, tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 1


def test_unknown_month_is_refused_and_writes_nothing(db, tmp_path):
    for bad in ("2026-13", "abc"):
        with pytest.raises(ValidationError, match="月份"):
            write_monthly_ledger(db, bad, tmp_path / "x.xlsx")
    assert not [p for p in tmp_path.iterdir() if ".xlsx" in p.name]


def test_missing_folder_or_folder_as_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(ExportError, match="无法写入文件.*不存在"):
        write_monthly_ledger(db, NOV, tmp_path / "nope" / "x.xlsx")
    assert not (tmp_path / "nope").exists()
    with pytest.raises(ExportError, match="文件夹"):
        write_monthly_ledger(db, NOV, tmp_path)


def test_failure_while_replacing_leaves_nothing_behind(db, village, tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "台账.xlsx").write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="权限不足"):
        write_monthly_ledger(db, NOV, out_dir / "台账.xlsx")
    assert sorted(p.name for p in out_dir.iterdir()) == ["台账.xlsx"]
    assert (out_dir / "台账.xlsx").read_bytes() == b"old"


def test_wrapped_rows_get_room_and_the_fallback_writer_gives_the_same_cells(
    db, village, tmp_path, monkeypatch
):
    from villagedesk.services import xlsx_style

    fast = write_monthly_ledger(db, NOV, tmp_path / "fast.xlsx")
    ws = openpyxl.load_workbook(fast)["走访台账"]
    assert ws.row_dimensions[1].height == 32
    assert ws.row_dimensions[4].height >= 18
    # the plain ws.append() path (used if openpyxl's internals change) writes the same workbook
    monkeypatch.setattr(xlsx_style, "_open_stream", lambda ws: False)
    slow = write_monthly_ledger(db, NOV, tmp_path / "slow.xlsx")
    a, b = openpyxl.load_workbook(fast), openpyxl.load_workbook(slow)
    for name in SHEET_NAMES:
        cells_a = [[(c.value, c.style_id) for c in row] for row in a[name].iter_rows()]
        cells_b = [[(c.value, c.style_id) for c in row] for row in b[name].iter_rows()]
        assert cells_a == cells_b, name
        assert a[name].row_dimensions[4].height == b[name].row_dimensions[4].height


def test_text_that_looks_like_a_formula_stays_text(db, village, tmp_path):
    db.activities.add(Activity(date=date(2026, 11, 20), title='=HYPERLINK("x")', summary="a\x07b"))
    ws = openpyxl.load_workbook(write_monthly_ledger(db, NOV, tmp_path / "f.xlsx"))["活动会议"]
    titles = [r[3] for r in table(ws)]
    assert '=HYPERLINK("x")' in titles
    assert ws.cell(5, 4).data_type == "s"
    assert "ab" in [r[6] for r in table(ws)]
