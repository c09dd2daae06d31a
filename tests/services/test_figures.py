"""The figures the township gets: the seed article's 43 / 35 / 8, months, due visits, series."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from villagedesk.core import workflow as wf
from villagedesk.core.enums import (
    AidKind,
    DeedStatus,
    HandlingMode,
    HouseholdTag,
    IssueLevel,
    IssueOutcome,
    ResidentTag,
    Satisfaction,
)
from villagedesk.core.records import Activity, Aid, Deed, Household, Issue, Resident, Visit
from villagedesk.core.validation import ValidationError
from villagedesk.services.figures import (
    Month,
    households_due_visit,
    monthly_figures,
    monthly_series,
    overdue_issues,
)

TODAY = date(2026, 11, 29)  # pinned by tests/conftest.py


def collect(db, n: int, on: date, *, text: str = "道路破损需要修补") -> Issue:
    issue = Issue(number=f"2026-{n:03d}", collected_date=on, description=text)
    wf.register(issue, actor="王书记")
    return issue


def handle(issue: Issue, on: date, *, deadline: date | None = None) -> None:
    wf.assign(
        issue,
        on=on,
        actor="王书记",
        level=IssueLevel.VILLAGE,
        mode=HandlingMode.WITH_DEADLINE if deadline else HandlingMode.AT_ONCE,
        deadline=deadline,
    )


def solve(issue: Issue, on: date, *, outcome: IssueOutcome = IssueOutcome.SOLVED) -> None:
    wf.conclude(issue, on=on, actor="李主任", outcome=outcome, result="已办理并告知村民")


@pytest.fixture
def seed_ledger(db):
    """The seed article: 43 collected, 35 solved, 8 still tracked (2 of them overdue)."""
    start = date(2026, 3, 2)
    issues = []
    for n in range(1, 44):
        collected = start + timedelta(days=5 * n)  # 2026-03-07 … 2026-10-25
        issue = collect(db, n, collected)
        if n <= 35:
            handle(issue, collected)
            solve(issue, collected + timedelta(days=3))
            if n % 3 == 0:  # some also went back to the villager and were struck off
                wf.follow_up(
                    issue,
                    on=collected + timedelta(days=5),
                    actor="王书记",
                    satisfaction=Satisfaction.SATISFIED,
                )
        elif n <= 38:
            pass  # still 已登记
        elif n <= 41:
            handle(issue, collected, deadline=date(2026, 12, 31))  # in progress, in time
        else:
            handle(issue, collected, deadline=date(2026, 11, 15))  # in progress, overdue
        db.issues.add(issue)
        issues.append(issue)
    return issues


def test_seed_case_43_collected_35_solved_8_tracking(db, seed_ledger):
    fig = monthly_figures(db)
    assert fig["issues"] == {
        "collected": 43,
        "solved": 35,
        "explained": 0,
        "tracking": 8,
        "overdue": 2,
    }
    assert sorted(i.number for i in overdue_issues(db)) == ["2026-042", "2026-043"]
    # the numbers come from the saved issues, statuses as the workflow left them
    statuses = [i.status.value for i in db.issues.find()]
    assert statuses.count("已回访销号") == 11 and statuses.count("已办结") == 24
    assert statuses.count("已登记") == 3 and statuses.count("办理中") == 5


def test_deleted_issues_do_not_count(db, seed_ledger):
    db.issues.delete(seed_ledger[0].uid)
    db.issues.delete(seed_ledger[-1].uid)
    fig = monthly_figures(db)["issues"]
    assert (fig["collected"], fig["solved"], fig["tracking"], fig["overdue"]) == (41, 34, 7, 1)


def test_explained_counts_apart_from_solved(db):
    issue = collect(db, 1, date(2026, 11, 2))
    handle(issue, date(2026, 11, 2))
    solve(issue, date(2026, 11, 3), outcome=IssueOutcome.EXPLAINED)
    db.issues.add(issue)
    fig = monthly_figures(db)["issues"]
    assert (fig["collected"], fig["solved"], fig["explained"], fig["tracking"]) == (1, 0, 1, 0)


def test_collected_in_october_solved_in_november(db):
    issue = collect(db, 1, date(2026, 10, 20))
    handle(issue, date(2026, 10, 21), deadline=date(2026, 10, 30))
    solve(issue, date(2026, 11, 5))
    db.issues.add(issue)
    october = monthly_figures(db, "2026-10")
    november = monthly_figures(db, Month(2026, 11))
    assert october["month"] == "2026-10" and november["month"] == "2026-11"
    assert october["issues"] == {
        "collected": 1,
        "solved": 0,
        "explained": 0,
        "tracking": 1,  # still open on 31 October
        "overdue": 1,  # past its 30 October deadline at the month's end
    }
    assert november["issues"] == {
        "collected": 0,
        "solved": 1,
        "explained": 0,
        "tracking": 0,
        "overdue": 0,
    }
    # cumulative: the same issue once
    assert monthly_figures(db)["issues"]["solved"] == 1


def test_struck_off_issue_is_not_tracking_at_month_end(db):
    issue = collect(db, 1, date(2026, 9, 10))
    handle(issue, date(2026, 9, 10))
    solve(issue, date(2026, 9, 20))
    wf.follow_up(issue, on=date(2026, 10, 3), actor="甲", satisfaction=Satisfaction.SATISFIED)
    db.issues.add(issue)
    assert monthly_figures(db, "2026-09")["issues"]["solved"] == 1
    assert monthly_figures(db, "2026-09")["issues"]["tracking"] == 0
    assert monthly_figures(db, "2026-10")["issues"]["tracking"] == 0


def test_month_figures_for_visits_aid_deeds_activities(db):
    hh = db.households.add(Household(household_no="001", head_name="张三"))
    hh2 = db.households.add(Household(household_no="002", head_name="李四"))
    for d, h in [(date(2026, 10, 3), hh), (date(2026, 11, 3), hh), (date(2026, 11, 4), hh),
                 (date(2026, 11, 5), hh2)]:  # fmt: skip
        db.visits.add(Visit(date=d, household_uid=h.uid, situation="身体尚可"))
    db.aid.add(Aid(date=date(2026, 11, 6), household_uid=hh.uid, amount_fen=50000))
    db.aid.add(
        Aid(
            date=date(2026, 11, 7),
            household_uid=hh2.uid,
            kind=AidKind.GOODS,
            amount_fen=12050,
            goods="大米",
            quantity="1袋",
        )
    )
    db.aid.add(Aid(date=date(2026, 10, 7), household_uid=hh2.uid, amount_fen=30000))
    db.deeds.add(Deed(title="修路灯", status=DeedStatus.DONE, done_date=date(2026, 11, 10)))
    db.deeds.add(Deed(title="修水渠", status=DeedStatus.ONGOING))
    db.activities.add(Activity(date=date(2026, 11, 12), title="政策宣讲会"))
    nov = monthly_figures(db, "2026-11")
    assert (nov["visits"], nov["households_visited"]) == (3, 2)
    assert nov["aid"] == {"records": 2, "cash_yuan": "620.50", "goods_records": 1}
    assert nov["deeds"] == {"total": 2, "done": 1}
    assert nov["activities"] == 1
    oct_ = monthly_figures(db, "2026-10")
    assert (oct_["visits"], oct_["households_visited"]) == (1, 1)
    assert oct_["aid"]["cash_yuan"] == "300.00"
    assert oct_["deeds"] == {"total": 2, "done": 0}
    total = monthly_figures(db)
    assert (total["households"], total["visits"], total["households_visited"]) == (2, 4, 2)
    assert total["aid"]["cash_yuan"] == "920.50"


def test_bad_month_is_refused():
    for text in ("2026-13", "26-11", "November", ""):
        with pytest.raises(ValidationError):
            Month.parse(text)
    assert str(Month.parse("2026年3月")) == "2026-03"


def test_households_due_visit(db):
    def household(no: str, tags=(), resident_tags=()) -> Household:
        hh = db.households.add(Household(household_no=no, head_name=f"户{no}", tags=list(tags)))
        db.residents.add(Resident(household_uid=hh.uid, name=f"户{no}", tags=list(resident_tags)))
        return hh

    never = household("001", [HouseholdTag.DIBAO])
    long_ago = household("002", [HouseholdTag.TEKUN])
    recent = household("003", [HouseholdTag.MONITORED])
    alone = household("004", resident_tags=[ResidentTag.LIVING_ALONE])
    household("005", [HouseholdTag.ORDINARY])  # needs no special attention
    db.visits.add(
        Visit(date=TODAY - timedelta(days=45), household_uid=long_ago.uid, situation="好")
    )
    db.visits.add(Visit(date=TODAY - timedelta(days=3), household_uid=recent.uid, situation="好"))
    db.visits.add(Visit(date=TODAY - timedelta(days=31), household_uid=alone.uid, situation="好"))

    due = households_due_visit(db)
    assert [d.household.household_no for d in due] == ["001", "002", "004"]
    assert due[0].last_visit is None and due[0].reasons == ("低保户",)
    assert due[1].days_since(TODAY) == 45
    assert due[2].reasons == ("独居老人",)
    assert never.uid == due[0].household.uid
    # a tighter setting catches the recent one too
    assert len(households_due_visit(db, days=2)) == 4


def test_monthly_series(db):
    hh = db.households.add(Household(household_no="001", head_name="张三"))
    for d in (date(2026, 11, 1), date(2026, 11, 20), date(2026, 9, 9), date(2025, 1, 1)):
        db.visits.add(Visit(date=d, household_uid=hh.uid, situation="好"))
    issue = collect(db, 1, date(2026, 10, 20))
    handle(issue, date(2026, 10, 20))
    solve(issue, date(2026, 11, 2))
    db.issues.add(issue)
    series = monthly_series(db, months=3)
    assert [str(p.month) for p in series] == ["2026-09", "2026-10", "2026-11"]
    assert [(p.visits, p.issues_collected, p.issues_solved) for p in series] == [
        (1, 0, 0),
        (0, 1, 0),
        (2, 0, 1),
    ]
    assert len(monthly_series(db)) == 12 and str(monthly_series(db)[0].month) == "2025-12"


@pytest.mark.parametrize(
    ("month", "last"),
    [("2026-01", 31), ("2026-02", 28), ("2024-02", 29), ("2100-02", 28), ("2000-02", 29),
     ("2026-04", 30), ("2026-11", 30), ("2026-12", 31)],
)  # fmt: skip
def test_last_day_of_a_month(month, last):
    m = Month.parse(month)
    assert m.last == date(m.year, m.month, last)
