"""The monthly work report PDF, read back with pdfplumber/pypdf."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from villagedesk.core import workflow
from villagedesk.core.enums import (
    ActivityKind,
    DeedStatus,
    HandlingMode,
    IssueLevel,
    IssueOutcome,
    Relation,
    TeamRole,
)
from villagedesk.core.records import (
    Activity,
    Aid,
    Deed,
    Household,
    Issue,
    Resident,
    TeamMember,
    VillageProfile,
    Visit,
)
from villagedesk.core.validation import ValidationError
from villagedesk.services.pdf_common import ExportError
from villagedesk.services.report_pdf import write_monthly_report

TODAY = date(2026, 11, 29)  # the date tests/conftest.py pins

NAMES = ["王秀英", "李桂兰", "张志强", "刘红梅", "陈德明", "杨玉珍", "赵海波", "黄春生"]


def seed_village(db) -> list[Household]:
    """The seed article's case: 43 issues collected in November 2026, 35 solved, 8 tracked."""
    db.profile.save(
        VillageProfile(
            village="青石村", township="界牌镇", county="远山县", dispatching_unit="市民政局",
            village_committee_phone="0550-7316218", filled_by="李明", reviewed_by="王强",
            responsible="张建国",
        )
    )  # fmt: skip
    db.team.add(TeamMember(name="张建国", role=TeamRole.FIRST_SECRETARY, phone="13905501234"))
    db.team.add(TeamMember(name="李明", role=TeamRole.MEMBER, phone="13905505678"))
    households = []
    for i, name in enumerate(NAMES):
        h = db.households.add(Household(household_no=f"H{i + 1:03d}", head_name=name))
        db.residents.add(Resident(household_uid=h.uid, name=name, relation=Relation.HEAD))
        db.visits.add(
            Visit(date=date(2026, 11, 2 + i), household_uid=h.uid, situation="入户了解情况")
        )
        households.append(h)
    for n in range(43):
        h = households[n % len(households)]
        day = date(2026, 11, 1) + timedelta(days=n % 15)
        issue = Issue(
            number=f"2026-{n + 1:03d}", collected_date=day, household_uid=h.uid,
            description=f"{h.head_name}反映村道破损（第{n + 1}件）",
        )  # fmt: skip
        workflow.register(issue, actor="张建国")
        workflow.assign(
            issue, on=day, actor="张建国", level=IssueLevel.TOWNSHIP,
            mode=HandlingMode.WITH_DEADLINE, deadline=day + timedelta(days=30), owner="李明",
        )  # fmt: skip
        if n < 35:
            workflow.conclude(
                issue, on=day + timedelta(days=3), actor="李明",
                outcome=IssueOutcome.SOLVED, result=f"已修复路面{n + 1}",
            )  # fmt: skip
        db.issues.add(issue)
    db.aid.add(Aid(date=date(2026, 11, 10), household_uid=households[0].uid, amount_fen=50050))
    db.aid.add(Aid(date=date(2026, 11, 12), household_uid=households[1].uid, amount_fen=30000))
    db.deeds.add(Deed(title="修建便民桥", status=DeedStatus.ONGOING, progress="桥墩已完工"))
    db.activities.add(
        Activity(
            date=date(2026, 11, 15),
            title="冬季防火宣讲",
            kind=ActivityKind.PUBLICITY,
            participants=46,
        )
    )
    return households


def _lines(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as doc:
        return [line for page in doc.pages for line in (page.extract_text() or "").splitlines()]


@pytest.fixture
def seeded(db):
    seed_village(db)
    return db


def test_seed_case_figures_rows(seeded, tmp_path: Path) -> None:
    out = write_monthly_report(seeded, "2026-11", tmp_path / "月报.pdf", today=TODAY)
    assert out == (tmp_path / "月报.pdf").absolute()
    lines = _lines(out)
    # the figures table: 指标 | 本月 | 累计 (all 43 issues were collected this month)
    assert "收集问题（件） 43 43" in lines
    assert "解决问题（件） 35 35" in lines
    assert "跟踪办理（件） 8 8" in lines
    assert "其中逾期（件） 0 0" in lines
    assert "慰问金（元） 800.50 800.50" in lines
    text = "\n".join(lines)
    assert "青石村驻村工作队2026年11月工作报告" in text
    assert "远山县" in text and "市民政局" in text and "张建国" in text


def test_sections_list_the_month(seeded, tmp_path: Path) -> None:
    text = "\n".join(
        _lines(write_monthly_report(seeded, "2026-11", tmp_path / "r.pdf", today=TODAY))
    )
    assert "三、本月解决的问题" in text and "已修复路面35" in text
    # the 8 tracked issues are 2026-036 … 2026-043, with level and deadline
    assert "2026-043" in text and "上报乡镇" in text
    assert "王秀英" in text  # a resident (the reporter) by name, in Chinese
    assert "合计 2 次" in text and "800.50" in text
    assert "修建便民桥" in text and "冬季防火宣讲" in text
    assert "填报人：李明" in text and "审核人：王强" in text
    # the chart's Chinese labels and legend are text in the PDF
    assert "收集问题" in text and "解决问题" in text and "11月" in text
    assert "第 1 页 共" in text and "内部资料 注意保密" in text


def test_overdue_marked_at_month_end(seeded, tmp_path: Path) -> None:
    later = date(2026, 12, 31)
    text = "\n".join(
        _lines(write_monthly_report(seeded, "2026-12", tmp_path / "r.pdf", today=later))
    )
    assert "跟踪办理（件） 8 8" in text
    assert "其中逾期（件） 8 8" in text
    assert "逾期" in text and "天" in text


def test_empty_month_still_a_report(seeded, tmp_path: Path) -> None:
    text = "\n".join(
        _lines(write_monthly_report(seeded, "2026-02", tmp_path / "r.pdf", today=TODAY))
    )
    assert "青石村驻村工作队2026年2月工作报告" in text
    assert "收集问题（件） 0 43" in text
    for phrase in (
        "本月无已解决的问题",
        "本月末无仍在办理的问题",
        "本月无帮扶慰问记录",
        "本月无活动会议记录",
    ):
        assert phrase in text


def test_empty_database(db, tmp_path: Path) -> None:
    text = "\n".join(_lines(write_monthly_report(db, "2026-11", tmp_path / "r.pdf", today=TODAY)))
    assert "收集问题（件） 0 0" in text and "暂无数据" in text and "尚无为民办实事事项" in text


def test_font_embedded_as_subset(seeded, tmp_path: Path) -> None:
    reader = PdfReader(write_monthly_report(seeded, "2026-11", tmp_path / "r.pdf", today=TODAY))
    embedded = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if "/FontDescriptor" not in font:
                continue  # reportlab's unused default Helvetica
            prefix, _, rest = str(font["/BaseFont"]).lstrip("/").partition("+")
            assert len(prefix) == 6 and prefix.isupper(), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
            embedded.append(rest)
    assert embedded and all("WenQuanYi" in name for name in embedded)


def test_bad_month_and_unwritable_path(seeded, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="月份"):
        write_monthly_report(seeded, "2026-13", tmp_path / "r.pdf", today=TODAY)
    with pytest.raises(ExportError, match="不存在"):
        write_monthly_report(seeded, "2026-11", tmp_path / "nowhere" / "r.pdf", today=TODAY)
    assert not any(p.suffix in (".pdf", ".tmp") for p in tmp_path.rglob("*"))


def test_failed_build_leaves_nothing(seeded, tmp_path: Path, monkeypatch) -> None:
    import villagedesk.services.report_pdf as report_pdf

    def boom(*args, **kwargs):
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(report_pdf, "_activities", boom)
    target = tmp_path / "r.pdf"
    with pytest.raises(RuntimeError):
        write_monthly_report(seeded, "2026-11", target, today=TODAY)
    assert not any(p.suffix in (".pdf", ".tmp") for p in tmp_path.iterdir())


def test_long_issue_lists_say_how_many_were_left_out(seeded, tmp_path: Path, monkeypatch) -> None:
    import villagedesk.services.report_pdf as report_pdf

    monkeypatch.setattr(report_pdf, "MAX_SOLVED_ROWS", 10)
    monkeypatch.setattr(report_pdf, "MAX_TRACKED_ROWS", 5)
    text = "".join(_lines(write_monthly_report(seeded, "2026-11", tmp_path / "r.pdf", today=TODAY)))
    # the lists hold exactly the issues the figures count (35 solved, 8 tracking)
    assert "本月共解决 35 件，此处列出前 10 件" in text
    assert "共 8 件仍在办理" in text
