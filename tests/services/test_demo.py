"""The demo village: believable people, a consistent year of work, the same for the same seed."""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, timedelta

import pytest

from villagedesk.core import clock
from villagedesk.core.enums import (
    IssueEventKind,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Relation,
    TeamRole,
)
from villagedesk.core.records import Household
from villagedesk.core.validation import ValidationError, age_on, parse_id_number, validate_phone
from villagedesk.resources import font_path
from villagedesk.services import demo_data as dd
from villagedesk.services.demo import build_village, make_demo_village
from villagedesk.storage.database import open_database

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db")
    calls: list[tuple[int, int]] = []
    summary = make_demo_village(
        db,
        households=40,
        seed=7,
        today=TODAY,
        progress=lambda done, total: calls.append((done, total)),
    )
    yield db, summary, calls
    db.close()


def test_counts_are_plausible(demo):
    db, summary, _ = demo
    assert summary.households == db.households.count() == 40
    assert 80 <= summary.residents == db.residents.count() <= 200
    assert 6 <= summary.groups == db.groups.count() <= 8
    work_team = db.team.work_team()
    assert 3 <= len(work_team) <= 4 and 2 <= len(db.team.cadres()) <= 3
    assert [m.role for m in work_team][0] == TeamRole.FIRST_SECRETARY
    assert summary.visits == db.visits.count() >= 60
    assert summary.issues == db.issues.count() >= 16
    assert summary.aid == db.aid.count() > 0
    assert 8 <= summary.deeds == db.deeds.count() <= 12
    assert summary.activities == db.activities.count() >= 12
    assert summary.diary == db.diary.count() >= 3 * 200
    assert summary.end == TODAY and summary.start == TODAY - timedelta(days=364)
    profile = db.profile.get()
    assert profile.village and profile.township and profile.dispatching_unit
    assert profile.service_promise and profile.due_visit_days == 30


def test_everything_happens_inside_the_year(demo):
    db, summary, _ = demo
    for kind in (db.visits, db.aid, db.activities, db.diary):
        for record in kind.find():
            assert summary.start <= record.date <= TODAY
    for issue in db.issues.find():
        assert summary.start <= issue.collected_date <= TODAY


def test_progress_is_reported_to_the_end(demo):
    *_, calls = demo
    assert calls and calls[-1][0] == calls[-1][1]
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)


def test_id_numbers_match_birth_date_gender_and_relation(demo):
    db, *_ = demo
    residents = db.residents.find()
    assert len({r.id_number for r in residents}) == len(residents)
    by_household: dict[str, list] = {}
    for r in residents:
        info = parse_id_number(r.id_number, today=TODAY)
        assert info.number == r.id_number and not info.legacy
        assert info.birth_date == r.birth_date
        assert info.gender == r.gender.value
        if r.phone:
            assert validate_phone(r.phone) == r.phone
        by_household.setdefault(r.household_uid, []).append(r)
    for h in db.households.find():
        members = by_household[h.uid]
        assert 1 <= len(members) <= 6
        heads = [m for m in members if m.relation == Relation.HEAD]
        assert len(heads) == 1 and heads[0].name == h.head_name
        head = heads[0]
        head_age = age_on(head.birth_date, TODAY)
        assert 35 <= head_age <= 95
        for m in members:
            gap = head_age - age_on(m.birth_date, TODAY)
            if m.relation == Relation.SPOUSE:
                assert m.gender != head.gender and abs(gap) <= 10
            elif m.relation in (Relation.SON, Relation.DAUGHTER):
                assert 18 <= gap <= 36
                assert m.gender.value == ("男" if m.relation == Relation.SON else "女")
            elif m.relation in (Relation.GRANDSON, Relation.GRANDDAUGHTER):
                assert gap >= 38
            elif m.relation in (Relation.FATHER, Relation.MOTHER):
                assert 18 <= -gap <= 36


def test_household_tags_and_monitoring(demo):
    db, *_ = demo
    households = db.households.find()
    tags = [t for h in households for t in h.tags]
    assert tags.count("一般农户") > len(households) / 2
    assert "脱贫户" in tags and "监测户" in tags and "低保户" in tags
    for h in households:
        assert ("监测户" in h.tags) == (h.monitoring_type is not None)
        if h.monitoring_type:
            assert h.risk_causes


def test_issue_timelines_are_consistent(demo):
    db, *_ = demo
    issues = db.issues.find()
    for issue in issues:
        events = issue.events
        assert events[0].kind == IssueEventKind.REGISTER
        assert events[0].date == issue.collected_date
        assert events[0].from_status is None
        for before, after in zip(events, events[1:], strict=False):
            assert before.date <= after.date <= TODAY
            assert after.from_status == before.to_status
        assert events[-1].to_status == issue.status
        if issue.status in (IssueStatus.DONE, IssueStatus.CLOSED):
            assert issue.outcome and issue.result and issue.done_date
        if issue.status == IssueStatus.CLOSED:
            assert issue.satisfaction and issue.closed_date
        if issue.status != IssueStatus.REGISTERED:
            assert issue.level and issue.handling_mode and issue.owner
        if issue.visit_uid:
            visit = db.visits.get(issue.visit_uid)
            assert visit.date == issue.collected_date and visit.household_uid == issue.household_uid
    assert {i.status for i in issues} == set(IssueStatus)
    assert any(i.is_overdue(TODAY) for i in issues)
    assert db.issues.overdue(TODAY)
    assert any(i.level == IssueLevel.TOWNSHIP and i.is_tracking() for i in issues)
    levels = {e.level for i in issues for e in i.events}
    assert set(IssueLevel) <= levels
    kinds = {e.kind for i in issues for e in i.events}
    assert {IssueEventKind.ESCALATE, IssueEventKind.REOPEN} <= kinds
    outcomes = {i.outcome for i in issues if i.status == IssueStatus.DONE}
    assert outcomes == {IssueOutcome.SOLVED, IssueOutcome.EXPLAINED}
    assert sum(i.is_solved() for i in issues) > sum(i.is_tracking() for i in issues)


def test_deeds_activities_and_diary(demo):
    db, *_ = demo
    assert {d.status.value for d in db.deeds.find()} == {"未开始", "推进中", "已完成"}
    assert all(a.participants > 0 for a in db.activities.find())
    entries = db.diary.find()
    presence = [e.presence.value for e in entries]
    assert presence.count("在村") > 0.8 * len(entries)
    assert "外出" in presence and "请假" in presence
    work_team = {m.uid for m in db.team.work_team()}
    assert {e.member_uid for e in entries} == work_team
    aid = db.aid.find()
    assert {a.kind.value for a in aid} >= {"慰问金", "慰问品"}
    assert all(a.amount_fen % 100 == 0 for a in aid)


def test_database_is_intact(demo):
    db, *_ = demo
    assert db.integrity_problems() == []


def _content(db) -> dict[str, list[tuple]]:
    tables = [t for t in db.su.table_names() if t not in ("audit", "_sqlite_migrations")]
    return {t: sorted(db.su.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables}


def test_same_seed_gives_the_same_village(demo, tmp_path):
    first, *_ = demo
    second = open_database(tmp_path / "again.db")
    try:
        make_demo_village(second, households=40, seed=7, today=TODAY)
        assert _content(second) == _content(first)
    finally:
        second.close()
    other = build_village(households=40, seed=8, today=TODAY)
    names = {r.name for r in first.residents.find()}
    assert names != {r.name for r in other.residents}


def test_refuses_a_database_with_data(tmp_path):
    db = open_database(tmp_path / "used.db")
    try:
        db.households.add(Household(household_no="001", head_name="张三"))
        with pytest.raises(ValidationError, match="数据库中已有数据，演示村只能生成在空数据库中"):
            make_demo_village(db, households=5, seed=1, today=TODAY)
        assert db.households.count() == 1 and db.residents.count() == 0
    finally:
        db.close()


def test_a_future_today_is_allowed_and_the_clock_released(tmp_path):
    db = open_database(tmp_path / "future.db")
    later = date.today() + timedelta(days=400)
    try:
        summary = make_demo_village(db, households=3, seed=2, today=later)
        assert summary.households == 3 and summary.end == later
        assert clock.today() == date.today()
    finally:
        db.close()


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(k) + _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if is_dataclass(value):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    return []


def test_every_character_is_in_the_bundled_font(demo):
    """A character the font lacks prints as a box in the app and the PDFs."""
    from reportlab.pdfbase.ttfonts import TTFont

    glyphs = TTFont("demo-check", str(font_path()), subfontIndex=0).face.charToGlyph
    db, *_ = demo
    village = build_village(households=300, seed=3, today=TODAY)
    texts = _strings([village.profile, *village.records_in_order()])
    texts += [v for row in _content(db).values() for r in row for v in r if isinstance(v, str)]
    # the lists themselves, so a rare name the seeds above never drew is checked too
    texts += _strings([dd.names(), dd.phrases()])
    missing = {c for text in texts for c in text if c != "\n" and ord(c) not in glyphs}
    assert not missing, [f"{c} U+{ord(c):04X}" for c in sorted(missing)]
    rare = {n for names in dd.names()["rare_given_names"].values() for n in names}
    assert rare & {r.name[1:] for r in village.residents}  # rare names do reach the records
