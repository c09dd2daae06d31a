"""Header aliases, mapping guesses, corrections remembered per file shape, previews."""

from __future__ import annotations

import json

import pytest

from tests.services.importing.conftest import IDS
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import (
    commit_import,
    guess_mapping,
    plan_import,
    preview_rows,
    recall_mapping,
)
from villagedesk.services.importing.fields import shape_key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", "name"), ("名字", "name"), ("户主姓名", "head_name"),
        ("身份证号", "id_number"), ("身份证号码", "id_number"), ("证件号码", "id_number"),
        ("公民身份号码", "id_number"), ("身份证号码（18位）", "id_number"),
        ("联系电话", "phone"), ("手机号", "phone"), ("电话", "phone"), ("手机号码", "phone"),
        ("性别", "gender"), ("与户主关系", "relation"), ("家庭住址", "address"), ("住址", "address"),
        ("地址", "address"), ("村民小组", "group"), ("组别", "group"), ("组", "group"),
        ("户编号", "household_no"), ("户号", "household_no"), ("人数", "members"),
        ("户类型", "tags"), ("户属性", "tags"), ("出生日期", "birth_date"), ("民族", "ethnicity"),
        ("文化程度", "education"), ("健康状况", "health"), ("劳动技能", "labour_skill"),
        (" 姓 名 ", "name"), ("*姓名", "name"), ("家庭成员信息/姓名", "name"),
    ],
)  # fmt: skip
def test_resident_aliases(header, field):
    mapping = guess_mapping(["序号", header], "residents")
    assert mapping.field_of(1) == field
    assert mapping.field_of(0) is None


@pytest.mark.parametrize(
    ("kind", "headers", "fields"),
    [
        ("visits", ["走访日期", "走访对象", "走访方式", "走访人员", "家庭基本情况", "困难和诉求", "现场处置", "备注"],
         ["date", "household", "way", "members", "situation", "needs", "handling", "notes"]),
        ("visits", ["日期", "户主", "诉求", "处理情况"], ["date", "household", "needs", "handling"]),
        ("issues", ["编号", "登记日期", "来源渠道", "反映人", "问题类别", "诉求事项", "办理层级", "办理方式",
                    "责任人", "办理时限", "办理进展", "办结日期", "办理结果", "满意度", "状态"],
         ["number", "collected_date", "source", "reporter", "category", "description", "level",
          "handling_mode", "owner", "deadline", "progress", "done_date", "result", "satisfaction", "status"]),
        ("issues", ["问题内容", "是否销号"], ["description", "status"]),
        ("aid", ["日期", "对象", "困难类别", "慰问金", "物品", "资金来源", "慰问人"],
         ["date", "target", "hardship", "amount", "goods", "funding_source", "given_by"]),
        ("aid", ["金额", "物品及数量"], ["amount", "goods"]),
    ],
)  # fmt: skip
def test_ledger_aliases(kind, headers, fields):
    mapping = guess_mapping(headers, kind)
    assert [mapping.field_of(i) for i in range(len(headers))] == fields


def test_missing_required_column_is_a_clear_error(db, tmp_xlsx):
    path = tmp_xlsx([["户编号", "住址", "性别"], ["001", "x", "男"]])
    with pytest.raises(ValidationError, match="表头里没有找到“姓名”列"):
        plan_import(db, path, "residents")


def test_user_correction_is_remembered_for_the_same_shape(db, tmp_xlsx):
    headers = ["户编号", "成员", "与户主关系", "身份号"]  # 成员 and 身份号 are not known words
    path = tmp_xlsx([headers, ["001", "张三", "户主", IDS[1]]])
    with pytest.raises(ValidationError):
        plan_import(db, path, "residents")
    mapping = guess_mapping(headers, "residents")
    mapping.set(1, "name")
    mapping.set(3, "id_number")
    plan = plan_import(db, path, "residents", mapping=mapping)
    assert plan.mapping_source == "given"
    commit_import(db, plan)
    stored = json.loads(db.get_setting(shape_key("residents", headers)))
    assert stored == {"0": "household_no", "1": "name", "2": "relation", "3": "id_number"}
    assert recall_mapping(db, "residents", headers).field_of(3) == "id_number"
    # next month's file of the same shape needs no help
    path2 = tmp_xlsx([headers, ["002", "李四", "户主", IDS[3]]])
    plan2 = plan_import(db, path2, "residents")
    assert plan2.mapping_source == "remembered" and plan2.counts()["to_add"] == 1


def test_mapping_rejects_unknown_field():
    mapping = guess_mapping(["姓名"], "residents")
    with pytest.raises(ValidationError, match="不是村民的字段"):
        mapping.set(0, "salary")


def test_preview_reads_only_the_first_rows(tmp_xlsx):
    rows = [["姓名", "与户主关系", "身份证号码"]] + [
        [f"人{i}", "户主", IDS[i % 60]] for i in range(500)
    ]
    rows[3][2] = 4.30124199e17
    plan = preview_rows(tmp_xlsx(rows), "residents", n=5)
    assert [r.row_no for r in plan.rows] == [2, 3, 4, 5, 6]
    assert plan.rows[2].action == "refuse"


def test_bulk_rows_have_the_repository_text_form():
    from datetime import date

    from villagedesk.core.enums import Gender, HouseholdTag, MonitoringType, RiskCause
    from villagedesk.core.records import Household, Resident
    from villagedesk.services.importing.commit import fast_row
    from villagedesk.storage.repository import record_to_row

    h = Household(household_no="001", head_name="𠮷", tags=[HouseholdTag.MONITORED],
                  monitoring_type=MonitoringType.SUDDEN, risk_causes=[RiskCause.ILLNESS], risk_cleared=True)  # fmt: skip
    r = Resident(household_uid=h.uid, name="甲", gender=Gender.FEMALE, birth_date=date(1990, 1, 2))
    for record in (h, r, Resident(household_uid="x", name="乙")):
        assert fast_row(record) == record_to_row(record)
