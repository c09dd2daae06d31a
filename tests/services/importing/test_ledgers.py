"""Visit, issue and aid ledgers: matching to households, status words, workflow events, money."""

from __future__ import annotations

from datetime import date

import pytest

from villagedesk.core.enums import (
    AidKind,
    IssueEventKind,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Satisfaction,
    VisitWay,
)
from villagedesk.core.records import Household, TeamMember
from villagedesk.services.importing import commit_import, plan_import
from villagedesk.services.importing.ledgers import issue_status


@pytest.fixture
def village(db):
    db.households.add(Household(household_no="001", head_name="张三"))
    db.households.add(Household(household_no="002", head_name="李四"))
    db.households.add(Household(household_no="003", head_name="李四"))
    db.team.add(TeamMember(name="王书记"))
    return db


def test_visit_ledger(village, tmp_xlsx):
    db = village
    rows = [
        ["白沙村入户走访台账"],
        ["序号", "走访日期", "走访对象(户主)", "村民小组", "走访方式", "走访人员", "家庭基本情况", "困难和诉求",
         "现场处置或解释", "是否转入问题台账/下一步", "备注"],
        [1, "2026.11.3", "张三", "一组", "入户", "王书记、小刘", "务工收入稳定", "路灯坏了", "已联系电工", "否", None],
        [2, 46330, "李四", None, "电话", "王书记", "孩子上学", None, None, None, None],
        [3, "2026年11月5日", "钱九", None, None, None, "外出", None, None, None, None],
        [4, "2026-11-06", "张三", None, None, None, None, None, None, None, None],
        [5, "2026-12-30", "张三", None, None, None, "未来", None, None, None, None],
    ]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(rows, merges=["A1:K1"]), "visits")
    got = {r.row_no: (r.action, r.reason) for r in plan.rows}
    assert got[3] == ("add", "")
    assert got[4] == ("refuse", "有 2 户的户主都叫“李四”，请在文件中填写户编号")
    assert got[5] == ("refuse", "找不到户主为“钱九”的农户")
    assert got[6][0] == "refuse" and "请填写了解到的情况或诉求" in got[6][1]
    assert got[7] == ("refuse", "走访日期不能晚于今天")
    commit_import(db, plan)
    (visit,) = db.visits.find()
    assert visit.date == date(2026, 11, 3) and visit.way == VisitWay.HOME
    assert visit.needs == "路灯坏了" and visit.handling == "已联系电工" and visit.next_step == "否"
    assert visit.member_uids == [db.team.find()[0].uid]
    assert visit.notes == "走访人员：小刘"
    assert db.groups.get(visit.group_uid).name == "一组"
    # the same file again: every row is a duplicate now
    again = plan_import(db, tmp_xlsx(rows), "visits")
    assert again.counts()["skipped"] == 1 and again.counts()["to_add"] == 0


def test_visit_matched_by_household_number(village, tmp_xlsx):
    rows = [["日期", "户号", "户主", "诉求", "方式"], [46330, "003", "李四", "修房", "电话"]]
    plan = plan_import(village, tmp_xlsx(rows), "visits")
    commit_import(village, plan)
    (visit,) = village.visits.find()
    assert visit.household_uid == village.households.by_number("003").uid
    assert visit.date == date(2026, 11, 4) and visit.way == VisitWay.PHONE


@pytest.mark.parametrize(
    ("word", "status", "outcome"),
    [
        ("已办结", IssueStatus.DONE, IssueOutcome.SOLVED),
        ("已解决", IssueStatus.DONE, IssueOutcome.SOLVED),
        ("办结", IssueStatus.DONE, IssueOutcome.SOLVED),
        ("已解释", IssueStatus.DONE, IssueOutcome.EXPLAINED),
        ("已销号", IssueStatus.CLOSED, IssueOutcome.SOLVED),
        ("已回访", IssueStatus.CLOSED, IssueOutcome.SOLVED),
        ("是", IssueStatus.CLOSED, IssueOutcome.SOLVED),
        ("办理中", IssueStatus.IN_PROGRESS, None),
        ("正在办理", IssueStatus.IN_PROGRESS, None),
        ("跟踪", IssueStatus.IN_PROGRESS, None),
        ("未办", IssueStatus.REGISTERED, None),
        ("待办", IssueStatus.REGISTERED, None),
        ("已登记", IssueStatus.REGISTERED, None),
        ("", IssueStatus.REGISTERED, None),
        ("未销号", IssueStatus.REGISTERED, None),
    ],
)
def test_status_words(word, status, outcome):
    assert issue_status(word, done=False, moving=False) == (status, outcome)


def test_issue_ledger_builds_workflow_timeline(village, tmp_xlsx):
    db = village
    header = ["序号", "编号", "登记日期", "来源渠道", "反映人", "问题类别", "诉求事项", "办理层级", "办理方式",
              "责任人", "办理时限", "办理进展", "办结日期", "办理结果", "回访情况及满意度", "状态(是否销号)"]  # fmt: skip
    rows = [
        ["白沙村问题台账"], header,
        [1, "2026-001", "2026.10.8", "走访", "张三", "基础设施", "路灯坏了", "村级解决", "立刻办", "王书记",
         None, None, "2026.10.9", "已更换路灯", "满意", "已销号"],
        [2, None, "2026年10月10日", "电话", "某村民", "医疗", "报销慢", "上报乡镇", "限期办", "乡卫生院",
         "2026-12-31", "已转乡镇", None, None, None, "办理中"],
        [3, None, "2026-10-12", "来访", "张三", None, "想修路", None, None, None, None, None, "2026-10-20",
         "资金不足，已解释", None, "已解释"],
        [4, "2026-002", "2026-10-13", None, None, None, "宅基地纠纷", None, None, None, None, None, None, None, None, "未办"],
        [5, "2026-003", "2026-10-14", None, None, None, "无时限", "上报乡镇", "限期办", None, None, None, None, None, None, "办理中"],
        [6, "2026-004", "2026-10-15", None, None, None, "日期倒了", None, None, None, None, None, "2026-10-01", "好了", None, "已办结"],
        [7, "2026-005", "2026-10-16", None, None, None, "状态怪", None, None, None, None, None, None, None, None, "研究研究"],
    ]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(rows, merges=["A1:P1"]), "issues")
    got = {r.row_no: (r.action, r.reason) for r in plan.rows}
    assert got[7] == ("refuse", "限期办的问题必须填写办理时限")
    assert got[8] == ("refuse", "办结日期 2026-10-01 早于登记日期 2026-10-15")
    assert got[9] == ("refuse", "无法识别的办理状态：研究研究")
    assert plan.counts()["to_add"] == 4, got
    commit_import(db, plan)
    issues = {i.number: i for i in db.issues.find()}
    assert sorted(issues) == ["2026-001", "2026-002", "2026-006", "2026-007"]
    closed = issues["2026-001"]
    assert closed.status == IssueStatus.CLOSED and closed.outcome == IssueOutcome.SOLVED
    assert closed.satisfaction == Satisfaction.SATISFIED and closed.done_date == date(2026, 10, 9)
    assert [e.kind for e in closed.events] == [
        IssueEventKind.REGISTER, IssueEventKind.ASSIGN, IssueEventKind.CONCLUDE, IssueEventKind.FOLLOW_UP,
    ]  # fmt: skip
    assert closed.household_uid == db.households.by_number("001").uid
    tracking = issues["2026-006"]
    assert tracking.status == IssueStatus.IN_PROGRESS and tracking.level == IssueLevel.TOWNSHIP
    assert tracking.deadline == date(2026, 12, 31) and tracking.progress == "已转乡镇"
    assert [e.kind for e in tracking.events] == [
        IssueEventKind.REGISTER,
        IssueEventKind.ASSIGN,
        IssueEventKind.PROGRESS,
    ]
    explained = issues["2026-007"]
    assert explained.status == IssueStatus.DONE and explained.outcome == IssueOutcome.EXPLAINED
    assert explained.result == "资金不足，已解释"
    assert (
        issues["2026-002"].status == IssueStatus.REGISTERED and len(issues["2026-002"].events) == 1
    )


@pytest.mark.parametrize("policy", ["skip", "update", "keep_both"])
def test_issue_number_duplicates(village, tmp_xlsx, policy):
    db = village
    first = [["编号", "登记日期", "诉求事项", "状态"], ["2026-001", "2026-10-01", "路灯", "未办"]]
    commit_import(db, plan_import(db, tmp_xlsx(first), "issues"))
    second = [["编号", "登记日期", "诉求事项", "状态", "办结日期", "办理结果"],
              ["2026-001", "2026-10-01", "路灯", "已办结", "2026-10-05", "修好了"]]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(second), "issues", duplicates=policy)
    commit_import(db, plan)
    issues = db.issues.find(order_by="number")
    if policy == "skip":
        assert [(i.number, i.status) for i in issues] == [("2026-001", IssueStatus.REGISTERED)]
    elif policy == "update":
        (issue,) = issues
        assert issue.status == IssueStatus.DONE and issue.result == "修好了"
        assert [e.kind for e in issue.events] == [
            IssueEventKind.REGISTER,
            IssueEventKind.ASSIGN,
            IssueEventKind.CONCLUDE,
        ]
    else:
        assert [(i.number, i.status) for i in issues] == [
            ("2026-001", IssueStatus.REGISTERED), ("2026-002", IssueStatus.DONE),
        ]  # fmt: skip


def test_aid_ledger(village, tmp_xlsx):
    db = village
    rows = [
        ["帮扶慰问发放登记表"],
        ["序号", "日期", "对象(户主)", "户编号", "困难类别", "慰问金(元)", "物品及数量", "资金来源", "慰问人", "领取人签字", "备注"],
        [1, "2026-11-01", "张三", None, "因病", "1,200.50", None, "派出单位", "王书记", None, None],
        [2, 46330, "李四", "003", "独居老人", 500, "大米1袋", "村集体", None, None, None],
        [3, "2026-11-02", "李四", "002", None, None, "食用油2桶", None, None, None, None],
        [4, "2026-11-02", "钱九", None, None, "200元", None, None, None, None, None],
        [5, "2026-11-02", "张三", None, None, "两百", None, None, None, None, None],
        [6, "2026-11-02", "张三", None, None, None, None, None, None, None, None],
        ["合计", None, None, None, None, 1700.5, None, None, None, None, None],
    ]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(rows, merges=["A1:K1"]), "aid")
    got = {r.row_no: (r.action, r.reason) for r in plan.rows}
    assert got[6] == ("refuse", "找不到户主为“钱九”的农户")
    assert got[7] == ("refuse", "无法识别的金额：两百")
    assert got[8] == ("refuse", "慰问金和物品都为空")
    assert plan.ignored == {"totals": 1}
    commit_import(db, plan)
    aid = {a.household_uid: a for a in db.aid.find()}
    zhang = aid[db.households.by_number("001").uid]
    assert zhang.amount_fen == 120050 and zhang.hardship == "因病" and zhang.kind == AidKind.CASH
    li3 = aid[db.households.by_number("003").uid]
    assert li3.amount_fen == 50000 and li3.goods == "大米1袋" and li3.date == date(2026, 11, 4)
    li2 = aid[db.households.by_number("002").uid]
    assert li2.kind == AidKind.GOODS and li2.amount_fen == 0
