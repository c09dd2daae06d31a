"""Monitoring lists (一比一派一查一救): matching, uncertain and unmatched rows, check tasks."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.importing.conftest import IDS
from villagedesk.core.enums import Relation
from villagedesk.core.monitoring import CheckStatus, MatchKind
from villagedesk.core.records import Aid, Household, Resident, Visit
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import commit_import, plan_monitoring_list
from villagedesk.services.importing.values import MANGLED_ID
from villagedesk.storage.monitoring import CheckTaskRepo, MonitoringListRepo


@pytest.fixture
def village(db):
    h1 = db.households.add(Household(household_no="001", head_name="张三"))
    h2 = db.households.add(Household(household_no="002", head_name="李四"))
    db.residents.add(
        Resident(household_uid=h1.uid, name="张三", id_number=IDS[1], relation=Relation.HEAD)
    )
    db.residents.add(Resident(household_uid=h1.uid, name="王芳", relation=Relation.SPOUSE))
    db.residents.add(
        Resident(household_uid=h2.uid, name="李四", id_number=IDS[3], relation=Relation.HEAD)
    )
    db.residents.add(Resident(household_uid=h2.uid, name="王芳", relation=Relation.DAUGHTER_IN_LAW))
    return db


def test_list_matched_tasks_created(village, tmp_xlsx):
    db = village
    rows = [
        ["2026年10月医疗费用超5000元人员比对名单"],
        ["序号", "姓名", "身份证号码", "户主姓名", "自付费用"],
        [1, "张三", IDS[1], None, 8000],
        [2, "王芳", None, "李四", 6200],
        [3, "王芳", None, None, 5100],
        [4, "陌生人", IDS[5], None, 9000],
        [5, "李四", 4.30124199e17, None, 7000],
        [6, "张三", IDS[1], None, 8000],
    ]
    plan = plan_monitoring_list(db, tmp_xlsx(rows, merges=["A1:E1"]), source="县医保局",
                                list_date=date(2026, 11, 2), name="医疗费用超5000元")  # fmt: skip
    got = {r.row_no: (r.action, r.reason) for r in plan.rows}
    assert got[7] == ("refuse", MANGLED_ID)
    assert got[8][0] == "skip" and "与第 3 行是同一人" in got[8][1]
    report = commit_import(db, plan)
    assert report.extra["matched"] == 1
    assert report.extra["uncertain"] == [{"row": 4, "name": "王芳"}]
    assert report.extra["unmatched"] == [
        {"row": 5, "name": "王芳", "reason": "有 2 位村民叫“王芳”，请补充身份证号码或户编号"},
        {"row": 6, "name": "陌生人", "reason": "村里没有登记这个身份证号码的村民"},
    ]
    lists, checks = MonitoringListRepo(db), CheckTaskRepo(db)
    (lst,) = lists.find()
    assert (lst.source, lst.list_date, lst.name) == (
        "县医保局",
        date(2026, 11, 2),
        "医疗费用超5000元",
    )
    entries = lists.entries(lst.uid)
    assert [e.row_no for e in entries] == [3, 4, 5, 6]
    assert entries[0].match == MatchKind.EXACT and entries[0].detail == "8000"
    assert [e.name for e in lists.unmatched(lst.uid)] == ["王芳", "陌生人"]
    tasks = checks.open_tasks()
    assert len(tasks) == 2 and checks.count_open() == 2
    uncertain = next(t for t in tasks if t.uncertain)
    assert (
        db.residents.get(uncertain.resident_uid).household_uid == db.households.by_number("002").uid
    )
    # the same list again is refused unless asked to keep both
    with pytest.raises(ValidationError, match="已经导入过"):
        plan_monitoring_list(
            db, plan.path, source="县医保局", list_date=date(2026, 11, 2), name="医疗费用超5000元"
        )


def test_check_task_workflow(village, tmp_xlsx):
    db = village
    rows = [["姓名", "身份证号码"], ["张三", IDS[1]]]
    commit_import(db, plan_monitoring_list(db, tmp_xlsx(rows), source="县残联"))
    checks = CheckTaskRepo(db)
    (task,) = checks.open_tasks()
    assert task.status == CheckStatus.PENDING
    with pytest.raises(ValidationError, match="不能改为“已纳入救助”"):
        checks.move(task.uid, CheckStatus.AIDED, on=date(2026, 11, 5))
    h = db.households.by_number("001")
    visit = db.visits.add(
        Visit(date=date(2026, 11, 5), household_uid=h.uid, situation="核查住院情况")
    )
    checks.move(task.uid, CheckStatus.VISITED, on=date(2026, 11, 5), visit_uid=visit.uid)
    with pytest.raises(ValidationError, match="请关联一条帮扶慰问记录"):
        checks.move(task.uid, CheckStatus.AIDED, on=date(2026, 11, 6))
    aid = db.aid.add(Aid(date=date(2026, 11, 6), household_uid=h.uid, amount_fen=50000))
    done = checks.move(task.uid, CheckStatus.AIDED, on=date(2026, 11, 6), aid_uid=aid.uid)
    stored = checks.get(task.uid)
    assert (
        stored.status == CheckStatus.AIDED
        and stored.visit_uid == visit.uid
        and stored.aid_uid == aid.uid
    )
    assert stored.checked_date == date(2026, 11, 5) and stored.closed_date == date(2026, 11, 6)
    assert len(stored.history) == 2 and done.status == CheckStatus.AIDED
    assert checks.count_open() == 0
    assert [e.action for e in db.audit.entries(uid=task.uid)] == ["update", "update", "create"]
