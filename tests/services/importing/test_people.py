"""Rosters as teams really keep them: every messy case with its exact outcome."""

from __future__ import annotations

from datetime import date

import pytest

from tests.services.importing.conftest import IDS, idn, write_csv
from villagedesk.core.enums import Gender, HouseholdTag, MonitoringType, Relation, RiskCause
from villagedesk.core.records import Household, Resident
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import commit_import, plan_import
from villagedesk.services.importing.values import MANGLED_ID

HEAD = [
    "户编号",
    "户主姓名",
    "姓名",
    "性别",
    "身份证号码",
    "与户主关系",
    "出生日期",
    "联系电话",
    "村民小组",
]


def reasons(plan):
    return {r.row_no: (r.action, r.reason) for r in plan.rows}


def test_title_rows_two_row_header_blank_totals_and_notes(db, tmp_xlsx):
    rows = [
        ["白沙村农户花名册（2026年）"],
        ["填报单位：白沙村村委会", None, None, None, "填报日期：2026年11月1日"],
        ["序号", "户编号", "户主信息", None, "家庭成员信息", None, None, None, "备注"],
        [None, None, "户主姓名", "户联系电话", "姓名", "性别", "公民身份号码", "与户主关系", None],
        [1, "001", "张三", "13800138000", "张三", "男", IDS[1], "户主", None],
        [None] * 9,
        [2, "001", "张三", None, "李芳", "女", IDS[0], "配偶", "党员"],
        [3, "002", "王五", None, "王五", "男", IDS[3], "户主", None],
        ["合  计", None, None, None, "3人"],
        ["填报人：赵六", None, None, None, "审核人：钱七"],
    ]
    merges = ["A1:I1", "C3:D3", "E3:H3", "A3:A4", "B3:B4", "I3:I4"]
    plan = plan_import(db, tmp_xlsx(rows, merges=merges), "residents")
    assert plan.header.rows == [3, 4]
    assert plan.header.names[4] == "家庭成员信息/姓名"
    assert plan.mapping.field_of(4) == "name" and plan.mapping.field_of(2) == "head_name"
    assert plan.ignored == {"blank": 1, "totals": 1, "note": 1}
    assert [r.row_no for r in plan.rows] == [5, 7, 8]
    assert plan.counts()["to_add"] == 3, reasons(plan)
    commit_import(db, plan)
    assert [(h.household_no, h.head_name) for h in db.households.find()] == [
        ("001", "张三"),
        ("002", "王五"),
    ]
    h1 = db.households.by_number("001")
    assert h1.phone == "13800138000"
    people = {p.name: p for p in db.residents.of_household(h1.uid)}
    assert people["李芳"].relation == Relation.SPOUSE and people["李芳"].notes == "党员"
    assert people["张三"].gender == Gender.MALE
    keys = db.su.execute("select count(*) from search_keys where kind='resident'").fetchone()[0]
    assert keys > 0
    assert db.audit.count() >= 5  # every household and resident has its create row


def test_ids_stored_as_numbers_are_refused(db, tmp_xlsx):
    tail_zero = IDS[3][:15] + "000"
    assert idn(tail_zero[:17]) != tail_zero  # its check digit fails
    rows = [
        HEAD,
        ["001", "张三", "张三", "男", float(IDS[0][:17] + "0"), "户主", None, None, None],
        ["002", "李四", "李四", "男", "4.30124199E+17", "户主", None, None, None],
        ["003", "王五", "王五", None, tail_zero, "户主", None, None, None],
        ["004", "赵六", "赵六", None, IDS[4], "户主", None, None, None],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    assert reasons(plan) == {
        2: ("refuse", MANGLED_ID),
        3: ("refuse", MANGLED_ID),
        4: ("refuse", MANGLED_ID),
        5: ("add", ""),
    }
    commit_import(db, plan)
    assert [p.id_number for p in db.residents.find()] == [IDS[4]]


def test_lower_case_x_spaces_and_full_width(db, tmp_xlsx):
    x_ids = [i for i in IDS if i.endswith("X")]
    assert len(x_ids) >= 1
    spaced = " ".join([IDS[5][:6], IDS[5][6:14], IDS[5][14:]])
    rows = [HEAD, ["001", "甲", "甲", None, x_ids[0].lower(), "户主", None, None, None],
            ["002", "乙", "乙", None, spaced, "户主", None, None, None]]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    commit_import(db, plan)
    assert sorted(p.id_number for p in db.residents.find()) == sorted([x_ids[0], IDS[5]])


def test_dates_genders_and_bad_values(db, tmp_xlsx):
    born = date(1990, 1, 1)
    rows = [
        ["户编号", "姓名", "性别", "出生日期", "与户主关系", "民族"],
        ["001", "甲", "1", 32874, "户主", "苗族"],  # Excel serial for 1990-01-01
        ["001", "乙", "2", "1990.1.1", "之女", None],
        ["001", "丙", "男", "1990年1月1日", "儿子", None],
        ["001", "丁", "女", "19900101", "孙女", None],
        ["001", "戊", "未知", "1990/1/1", "孙子", None],
        ["001", "己", "男", "1990-02-30", "孙子", None],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    got = reasons(plan)
    assert got[6] == ("refuse", "无法识别的性别：未知（应为 男/女 或 1/2）")
    assert got[7] == ("refuse", "日期 1990-02-30 不存在")
    commit_import(db, plan)
    people = {p.name: p for p in db.residents.find()}
    assert set(people) == {"甲", "乙", "丙", "丁"}
    assert all(p.birth_date == born for p in people.values())
    assert [people[n].gender for n in "甲乙丙丁"] == [
        Gender.MALE,
        Gender.FEMALE,
        Gender.MALE,
        Gender.FEMALE,
    ]
    assert people["甲"].ethnicity == "苗族" and people["乙"].ethnicity == "汉族"
    assert people["乙"].relation == Relation.DAUGHTER and people["丙"].relation == Relation.SON


def test_gender_contradicting_id_refused(db, tmp_xlsx):
    male_id = next(i for i in IDS if int(i[16]) % 2 == 1)
    rows = [HEAD, ["001", "甲", "甲", "女", male_id, "户主", None, None, None]]
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    assert plan.rows[0].reason == "性别“女”与身份证号码（男）不一致"


def test_rare_characters_kept_exactly(db, tmp_xlsx):
    name = "\U00020bb7田𪚥"  # 𠮷 U+20BB7 and 𪚥 U+2A6A5, outside the basic CJK block
    rows = [HEAD, ["001", name, name, None, IDS[6], "户主", None, None, "𠮷组"]]
    commit_import(db, plan_import(db, tmp_xlsx(rows), "residents"))
    (person,) = db.residents.find()
    assert person.name == name and db.households.find()[0].head_name == name
    assert db.groups.find()[0].name == "𠮷组"


def test_households_roster_with_yes_no_and_tags(db, tmp_xlsx):
    rows = [
        [
            "户号",
            "户主",
            "身份证号",
            "家庭住址",
            "组别",
            "户类型",
            "监测对象类型",
            "风险类型",
            "风险是否消除",
            "手机号",
        ],
        ["001", "张三", IDS[7], "白沙村1号", "一组", "脱贫户", None, None, None, None],
        [
            "002",
            "李四",
            IDS[8],
            "白沙村2号",
            "一组",
            "监测户",
            "边缘易致贫户",
            "因病、因学",
            "否",
            "13900139000",
        ],
        ["003", "王五", None, "白沙村3号", "二组", "低保户、特困户", None, None, "√", None],
        ["004", "赵六", None, None, "二组", None, None, None, "是", "12345"],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "households")
    assert plan.counts()["to_add"] == 4
    commit_import(db, plan)
    hs = {h.household_no: h for h in db.households.find()}
    assert hs["001"].tags == [HouseholdTag.LIFTED]
    assert hs["002"].monitoring_type == MonitoringType.MARGINAL
    assert hs["002"].risk_causes == [RiskCause.ILLNESS, RiskCause.SCHOOLING]
    assert (
        hs["002"].risk_cleared is False
        and hs["003"].risk_cleared is True
        and hs["004"].risk_cleared is True
    )
    assert hs["003"].tags == [HouseholdTag.DIBAO, HouseholdTag.TEKUN]
    assert sorted(g.name for g in db.groups.find()) == ["一组", "二组"]
    assert hs["001"].group_uid == hs["002"].group_uid
    # the head of each household is also a resident
    heads = db.residents.find("relation = '户主'")
    assert sorted(p.name for p in heads) == ["张三", "李四", "王五", "赵六"]


def test_several_sheets_pick_one(db, tmp_xlsx):
    path = tmp_xlsx(
        [["说明：本表共两页"]],
        sheet="说明",
        extra_sheets={
            "花名册": [HEAD, ["001", "甲", "甲", None, IDS[9], "户主", None, None, None]]
        },
    )
    with pytest.raises(ValidationError, match="没有找到表头"):
        plan_import(db, path, "residents")
    plan = plan_import(db, path, "residents", sheet="花名册")
    assert plan.sheet == "花名册" and plan.sheets == ["说明", "花名册"]
    assert plan.counts()["to_add"] == 1


def test_members_grouped_by_head_rows_without_numbers(db, tmp_xlsx):
    rows = [["姓名", "与户主关系", "身份证号码"],
            ["甲", "户主", IDS[10]], ["乙", "妻子", IDS[11]], ["丙", "户主", IDS[12]], ["丁", "长子", IDS[13]]]  # fmt: skip
    commit_import(db, plan_import(db, tmp_xlsx(rows), "residents"))
    hs = db.households.find()
    assert [(h.household_no, h.head_name) for h in hs] == [("001", "甲"), ("002", "丙")]
    assert sorted(p.name for p in db.residents.of_household(hs[1].uid)) == ["丁", "丙"]


def test_member_without_head_refused(db, tmp_xlsx):
    rows = [["姓名", "与户主关系"], ["乙", "妻子"], ["甲", "户主"]]
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    assert reasons(plan)[2][0] == "refuse" and "找不到该成员所属的户主" in reasons(plan)[2][1]
    assert reasons(plan)[3] == ("add", "")


def _seed(db):
    h = db.households.add(Household(household_no="001", head_name="张三"))
    db.residents.add(
        Resident(household_uid=h.uid, name="张三", id_number=IDS[0], relation=Relation.HEAD)
    )
    return h


@pytest.mark.parametrize("policy", ["skip", "update", "keep_both"])
def test_duplicates_in_file_and_against_db(db, tmp_xlsx, policy):
    _seed(db)
    rows = [
        HEAD,
        ["001", "张三", "张三", None, IDS[0], "户主", None, "13700137000", None],  # in db already
        ["001", "张三", "李芳", None, IDS[1], "配偶", None, None, None],  # new member of 001
        ["002", "王五", "王五", None, IDS[2], "户主", None, None, None],
        ["002", "王五", "王五", None, IDS[2], "户主", None, "13600136000", None],  # same ID again
    ]
    plan = plan_import(db, tmp_xlsx(rows), "residents", duplicates=policy)
    got = reasons(plan)
    if policy == "skip":
        assert got[2] == ("skip", "张三 已登记在001 张三户（张三）（已跳过）")
        assert got[5][0] == "skip" and "与第 4 行重复" in got[5][1]
        assert got[3] == ("add", "") and got[4] == ("add", "")
    elif policy == "update":
        assert got[2][0] == "update"
        assert got[4][0] == "skip" and "以第 5 行为准" in got[4][1]
        assert got[5] == ("add", "")
    else:
        assert got[2][0] == "refuse" and "同一身份证号码不能登记两人" in got[2][1]
        assert got[5][0] == "refuse" and "与第 4 行相同" in got[5][1]
    commit_import(db, plan)
    zhang = db.residents.by_id_number(IDS[0])
    assert zhang.phone == ("13700137000" if policy == "update" else "")
    assert db.residents.count() == 3
    wang = db.residents.by_id_number(IDS[2])
    assert wang.phone == ("13600136000" if policy == "update" else "")
    assert db.residents.count("id_number = ?", [IDS[2]]) == 1


@pytest.mark.parametrize("policy", ["skip", "update", "keep_both"])
def test_household_number_duplicates(db, tmp_xlsx, policy):
    _seed(db)
    rows = [
        ["户编号", "户主姓名", "住址"],
        ["001", "张三", "新地址"],
        ["005", "孙八", None],
        ["005", "孙八", "重复"],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "households", duplicates=policy)
    commit_import(db, plan)
    numbers = sorted(h.household_no for h in db.households.find())
    if policy == "skip":
        assert numbers == ["001", "005"] and db.households.by_number("001").address == ""
        assert db.households.by_number("005").address == ""
    elif policy == "update":
        assert numbers == ["001", "005"] and db.households.by_number("001").address == "新地址"
        assert db.households.by_number("005").address == "重复"
    else:
        assert numbers == ["001", "001-2", "005", "005-2"]


def test_national_monitoring_export_needs_no_mapping(db, tmp_xlsx):
    header = ["序号", "县", "乡(镇)", "行政村", "自然村", "户编号", "人数", "户类型", "监测对象类型",
              "风险类型", "风险是否消除", "户联系电话", "人编号", "姓名", "证件号码", "与户主关系",
              "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况"]  # fmt: skip
    hh1, hh2 = "43012410100100001", "43012410100100002"
    rows = [
        ["防止返贫监测信息系统 农户信息导出"],
        header,
        [1, "某县", "某镇", "白沙村", "上屋组", hh1, 2, "脱贫户", None, None, None, "13800138000",
         hh1 + "01", "刘一", IDS[20], "户主", "汉族", "初中", None, "健康", "普通劳动力", "县内务工"],
        [2, "某县", "某镇", "白沙村", "上屋组", hh1, 2, "脱贫户", None, None, None, "13800138000",
         hh1 + "02", "陈二", IDS[21], "配偶", "汉族", "小学", None, "长期慢性病", "弱劳动力", None],
        [3, "某县", "某镇", "白沙村", "下屋组", hh2, 1, "监测户", "突发严重困难户", "因病", "否", None,
         hh2 + "01", "张三", IDS[22], "户主", "瑶族", "文盲或半文盲", None, "大病", "丧失劳动力", None],
    ]  # fmt: skip
    for kind in ("residents", "households"):
        plan = plan_import(db, tmp_xlsx(rows), kind)
        assert plan.layout == "national_export"
        assert plan.mapping_source == "guessed"
        assert plan.counts()["to_add"] == 3, kind
    commit_import(db, plan)
    h1, h2 = db.households.by_number(hh1), db.households.by_number(hh2)
    assert h1.head_name == "刘一" and h1.tags == [HouseholdTag.LIFTED] and h1.phone == "13800138000"
    assert h2.monitoring_type == MonitoringType.SUDDEN and HouseholdTag.MONITORED in h2.tags
    assert db.groups.get(h2.group_uid).name == "下屋组"
    chen = db.residents.by_id_number(IDS[21])
    assert (chen.person_no, chen.health, chen.labour_skill, chen.education) == (
        hh1 + "02",
        "长期慢性病",
        "弱劳动力",
        "小学",
    )


def test_gbk_and_bom_csv_rosters(db, tmp_path):
    rows = [
        ["户编号", "姓名", "与户主关系", "身份证号码"],
        ["001", "张三", "户主", IDS[30]],
        ["001", "李四", "妻", IDS[31]],
    ]
    write_csv(tmp_path / "gbk.csv", rows, encoding="gbk")
    write_csv(tmp_path / "bom.csv", [r[:] for r in rows], encoding="utf-8-sig")
    plan = plan_import(db, tmp_path / "gbk.csv", "residents")
    assert plan.counts()["to_add"] == 2
    commit_import(db, plan)
    plan2 = plan_import(db, tmp_path / "bom.csv", "residents")
    assert plan2.counts() == {
        "rows": 2,
        "to_add": 0,
        "to_update": 0,
        "skipped": 2,
        "refused": 0,
        "ignored": 0,
    }
    assert sorted(p.name for p in db.residents.find()) == ["张三", "李四"]


def test_keep_both_a_refused_head_takes_the_household_with_it(db, tmp_xlsx):
    # the head's ID number is registered in another household: the head is refused, so the
    # household is not made, and its other members are refused saying why (they used to fail
    # the whole import on a foreign key)
    h = db.households.add(Household(household_no="001", head_name="张三"))
    db.residents.add(
        Resident(household_uid=h.uid, name="张三", id_number=IDS[1], relation=Relation.HEAD)
    )
    rows = [
        HEAD,
        ["002", "张三", "张三", None, IDS[1], "户主", None, None, None],
        ["002", "张三", "李四", None, IDS[2], "配偶", None, None, None],
        ["003", "王五", "王五", None, IDS[3], "户主", None, None, None],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "residents", duplicates="keep_both")
    got = reasons(plan)
    assert got[2][0] == "refuse" and "同一身份证号码不能登记两人" in got[2][1]
    assert got[3] == ("refuse", "第 2 行（张三）未能导入，该户没有建立，同户成员未导入")
    assert got[4] == ("add", "")
    report = commit_import(db, plan)
    assert report.written == {"groups": 0, "households": 1, "residents": 1}
    assert [r.name for r in db.residents.find(order_by="name")] == ["张三", "王五"]
    assert db.households.by_number("002") is None


def test_update_that_the_stored_person_contradicts_is_refused_in_the_preview(db, tmp_xlsx):
    # no ID number in the row: matched by name in the household; its birth date contradicts
    # the stored ID number. The preview says so for that row; the rest imports
    _seed(db)
    rows = [
        HEAD,
        ["001", "张三", "张三", None, None, "户主", "1999-01-01", "13700137000", None],
        ["002", "王五", "王五", None, IDS[2], "户主", None, None, None],
    ]
    plan = plan_import(db, tmp_xlsx(rows), "residents", duplicates="update")
    got = reasons(plan)
    assert got[2][0] == "refuse"
    assert got[2][1].startswith("不能更新已登记在001 张三户（张三）的信息：出生日期 1999-01-01")
    assert got[3] == ("add", "")
    commit_import(db, plan)
    zhang = db.residents.by_id_number(IDS[0])
    assert zhang.phone == "" and zhang.birth_date != date(1999, 1, 1)  # left as it was
    assert db.residents.by_id_number(IDS[2]).name == "王五"
