"""Dump format version 2: monitoring lists, their rows and check tasks, and township templates
travel to a new database; a clash or a dangling link refuses the whole load."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from builders import make_id
from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

from villagedesk.core.enums import AidKind, Relation
from villagedesk.core.monitoring import CheckStatus
from villagedesk.core.records import Aid, Household, Resident, Visit
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.monitoring_lists import (
    commit_monitoring_list,
    plan_monitoring_list,
)
from villagedesk.services.templates import learn_template, save_template
from villagedesk.services.transfer import dump_records, load_records
from villagedesk.storage.bulk import RECORD_TABLES
from villagedesk.storage.database import open_database
from villagedesk.storage.templates import get_template, template_fields

ZHANG, LI, STRANGER = (
    make_id("43012419650302001"),
    make_id("43012419680411002"),
    make_id("43012419700101009"),
)
TEMPLATE = "乡镇走访表"


def _department_list(path):
    """A department's list: one person by ID, one by name + 户编号, one stranger."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2026年10月医疗费用超5000元人员比对名单"])
    ws.append(["序号", "姓名", "身份证号码", "户编号", "自付费用"])
    ws.append([1, "张三", ZHANG, None, "8,200元"])
    ws.append([2, "王芳", None, "H002", "6,100元"])
    ws.append([3, "外村人", STRANGER, None, "5,300元"])
    ws.merge_cells("A1:E1")
    wb.save(path)
    return path


def _blank_form(path):
    """A small styled township form: merged title, a bordered header, two blank rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "走访登记"
    ws["A1"] = "××村走访情况登记表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws.merge_cells("A1:E1")
    box = Border(*(Side(style="thin"),) * 4)
    for col, text in enumerate(["序号", "走访日期", "走访对象（户主）", "困难和诉求", "备注"], 1):
        cell = ws.cell(row=2, column=col, value=text)
        cell.font, cell.border = Font(bold=True), box
        for row in (3, 4):
            ws.cell(row=row, column=col).border = box
    wb.save(path)
    return path


def _fill(db, tmp_path) -> None:
    """Two households, a list imported the real way, its checks moved on, a learned template."""
    h1 = db.households.add(Household(household_no="H001", head_name="张三"))
    h2 = db.households.add(Household(household_no="H002", head_name="李四"))
    db.residents.add(Resident(household_uid=h1.uid, name="张三", id_number=ZHANG))
    db.residents.add(Resident(household_uid=h2.uid, name="李四", id_number=LI))
    db.residents.add(Resident(household_uid=h2.uid, name="王芳", relation=Relation.SPOUSE))
    visit = db.visits.add(Visit(date=date(2026, 11, 20), household_uid=h1.uid, situation="住院"))
    aid = db.aid.add(
        Aid(date=date(2026, 11, 25), household_uid=h1.uid, kind=AidKind.CASH, amount_fen=50000)
    )
    plan = plan_monitoring_list(
        db, _department_list(tmp_path / "名单.xlsx"), source="县医保局",
        list_date=date(2026, 11, 10), name="医疗费用超5000元",
    )  # fmt: skip
    commit_monitoring_list(db, plan)
    tasks = {db.residents.get(t.resident_uid).name: t for t in db.check_tasks.find()}
    zhang, wang = tasks["张三"], tasks["王芳"]
    db.check_tasks.move(zhang.uid, CheckStatus.VISITED, on=date(2026, 11, 20), visit_uid=visit.uid)
    db.check_tasks.move(zhang.uid, CheckStatus.AIDED, on=date(2026, 11, 25), aid_uid=aid.uid)
    db.check_tasks.move(wang.uid, CheckStatus.NOT_ELIGIBLE, on=date(2026, 11, 21), note="已报销")
    stranger = next(e for e in db.monitoring_entries.find() if e.resident_uid is None)
    db.monitoring_entries.delete(stranger.uid)  # the recycle bin travels too
    draft = learn_template(_blank_form(tmp_path / "form.xlsx"))
    save_template(db, draft, TEMPLATE, source_kind="visits", mapping={"E": "文字:无"})


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The filled database's dump (through JSON text, as a file would carry it) and path."""
    from villagedesk.core import clock

    folder = tmp_path_factory.mktemp("v2")
    clock.pin_today(date(2026, 11, 29))  # module scope runs outside conftest's pinning
    db = open_database(folder / "src.db", actor="测试员")
    try:
        _fill(db, folder)
        data = json.loads(json.dumps(dump_records(db), ensure_ascii=False))
    finally:
        db.close()
        clock.pin_today(None)
    return data, folder / "src.db"


@pytest.fixture
def dumped(source):
    return copy.deepcopy(source[0])


def _counts(db) -> dict[str, int]:
    tables = [*RECORD_TABLES, "issue_events", "templates", "audit", "search_keys"]
    return {t: db.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables}


def _task(data, status: str) -> tuple[int, dict]:
    return next(
        (i, t) for i, t in enumerate(data["records"]["check_tasks"]) if t["status"] == status
    )


def test_dump_load_dump_carries_monitoring_and_templates(source, db):
    data, src_path = source
    assert data["version"] == 2
    records = data["records"]
    assert [len(records[k]) for k in ("monitoring_lists", "monitoring_entries", "check_tasks")] == [
        1, 3, 2,
    ]  # fmt: skip
    assert [t["name"] for t in data["templates"]] == [TEMPLATE]

    summary = load_records(db, copy.deepcopy(data))
    assert {k: summary.counts[k] for k in ("monitoring_lists", "monitoring_entries", "check_tasks")} == {
        "monitoring_lists": 1, "monitoring_entries": 3, "check_tasks": 2,
    }  # fmt: skip
    assert (summary.templates_added, summary.templates_present) == (1, 0)
    again = json.loads(json.dumps(dump_records(db), ensure_ascii=False))
    assert again["records"] == records and again["templates"] == data["templates"]
    assert again["profile"] == data["profile"]

    src = open_database(src_path)
    try:
        want_tasks = src.check_tasks.find(include_deleted=True)
        want_entries = src.monitoring_entries.find(include_deleted=True)
        want_template = get_template(src, TEMPLATE)
    finally:
        src.close()
    assert db.check_tasks.find(include_deleted=True) == want_tasks
    assert db.monitoring_entries.find(include_deleted=True) == want_entries
    got = get_template(db, TEMPLATE)
    assert got.form == want_template.form and template_fields(got) == template_fields(want_template)
    aided = next(t for t in db.check_tasks.find() if t.status == CheckStatus.AIDED)
    assert db.visits.get(aided.visit_uid).situation == "住院"
    assert db.aid.get(aided.aid_uid).amount_fen == 50000
    assert len(aided.history) == 2 and db.check_tasks.count_open() == 0
    audit = "select kind, uid from audit where action = 'load' and kind = 'template'"
    assert db.execute(audit).fetchall() == [("template", TEMPLATE)]
    assert db.integrity_problems() == []


def _spoil_visit(d):
    _task(d, "已纳入救助")[1]["visit_uid"] = "f" * 32


def _spoil_entry_resident(d):
    d["records"]["monitoring_entries"][0]["resident_uid"] = "e" * 32


def _spoil_household(d):
    _task(d, "已纳入救助")[1]["household_uid"] = ""


@pytest.mark.parametrize(
    ("spoil", "place", "words"),
    [
        (_spoil_visit, "check_tasks[{aided}].visit_uid", "在文件和数据库中都不存在"),
        (_spoil_entry_resident, "monitoring_entries[0].resident_uid", "在文件和数据库中都不存在"),
        (_spoil_household, "check_tasks[{aided}].household_uid", "不能为空"),
    ],
)
def test_a_dangling_link_is_refused_with_its_place(dumped, db, spoil, place, words):
    spoil(dumped)
    before = _counts(db)
    with pytest.raises(ValidationError) as err:
        load_records(db, dumped)
    where = "records." + place.format(aided=_task(dumped, "已纳入救助")[0])
    assert err.value.field == where
    assert str(err.value).startswith(f"{where}：") and words in str(err.value)
    assert _counts(db) == before


def _closed_before_checked(d):
    _task(d, "已纳入救助")[1]["closed_date"] = "2026-11-19"


def _aided_without_aid(d):
    _task(d, "已纳入救助")[1]["aid_uid"] = None


def _not_eligible_without_note(d):
    _task(d, "不符合条件")[1]["note"] = " "


def _list_without_source(d):
    d["records"]["monitoring_lists"][0]["source"] = ""


@pytest.mark.parametrize(
    ("spoil", "place", "message"),
    [
        (
            _closed_before_checked,
            "check_tasks[{aided}].closed_date",
            "日期 2026-11-19 早于核查日期 2026-11-20",
        ),
        (_aided_without_aid, "check_tasks[{aided}].aid_uid", "纳入救助请关联一条帮扶慰问记录"),
        (_not_eligible_without_note, "check_tasks[{other}].note", "请说明不符合条件的原因"),
        (_list_without_source, "monitoring_lists[0].source", "请填写名单来源（哪个部门）"),
    ],
)
def test_the_monitoring_rules_apply_to_live_records(dumped, db, spoil, place, message):
    spoil(dumped)
    before = _counts(db)
    with pytest.raises(ValidationError) as err:
        load_records(db, dumped)
    where = "records." + place.format(
        aided=_task(dumped, "已纳入救助")[0], other=_task(dumped, "不符合条件")[0]
    )
    assert str(err.value) == f"{where}：{message}"
    assert _counts(db) == before


def test_a_task_linking_a_deleted_visit_and_aid_still_loads(dumped, db):
    # linked when they were live, deleted afterwards: the app allows it, so must a load
    for kind in ("visits", "aid"):
        dumped["records"][kind][0]["deleted_at"] = "2026-11-28T10:00:00"
    load_records(db, dumped)
    (aided,) = [t for t in db.check_tasks.find() if t.status == CheckStatus.AIDED]
    assert db.visits.get(aided.visit_uid) is None and db.aid.get(aided.aid_uid) is None
    assert db.visits.get(aided.visit_uid, include_deleted=True).situation == "住院"


def test_a_task_in_the_recycle_bin_is_not_rule_checked(dumped, db):
    i, task = _task(dumped, "已纳入救助")
    task.update(aid_uid=None, deleted_at="2026-11-28T10:00:00")
    assert load_records(db, dumped).counts["check_tasks"] == 2
    assert db.check_tasks.count() == 1


def _other_template(db, tmp_path, name=TEMPLATE):
    draft = learn_template(_blank_form(tmp_path / "other.xlsx"))
    return save_template(db, draft, name, source_kind="visits", mapping={"E": "文字:有"})


def test_a_same_named_different_template_refuses_the_whole_load(dumped, db, tmp_path):
    theirs = dumped["templates"][0]
    # the database already holds 别的表 exactly as the file has it, and its own 乡镇走访表
    load_records(db, {**copy.deepcopy(dumped), "records": {}, "templates": [
        {**theirs, "name": "别的表"}]})  # fmt: skip
    mine = _other_template(db, tmp_path)
    dumped["templates"] = [{**theirs, "name": "新表"}, {**theirs, "name": "别的表"}, theirs]
    before = _counts(db)
    with pytest.raises(ValidationError) as err:
        load_records(db, dumped)
    assert err.value.field == "templates[2].name"
    assert str(err.value).startswith(f"templates[2].name：数据库中已有同名模板“{TEMPLATE}”")
    assert _counts(db) == before
    assert template_fields(get_template(db, TEMPLATE)) == template_fields(mine)
    assert get_template(db, "新表") is None


def test_an_identical_template_is_skipped_and_counted(dumped, db):
    only_templates = {**copy.deepcopy(dumped), "records": {}}
    first = load_records(db, only_templates)
    assert (first.total, first.templates_added, first.templates_present) == (0, 1, 0)
    saved = get_template(db, TEMPLATE)
    summary = load_records(db, dumped)
    assert (summary.templates_added, summary.templates_present) == (0, 1)
    assert summary.counts["check_tasks"] == 2 and db.check_tasks.count() == 2
    assert template_fields(get_template(db, TEMPLATE)) == template_fields(saved)
    assert db.execute("select count(*) from templates").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("change", "place"),
    [
        ({"form": "not base64!"}, "templates[0].form"),
        ({"form": "aGVsbG8="}, "templates[0].form"),  # "hello": not a workbook
        ({"source_kind": "pets"}, "templates[0].source_kind"),
        ({"tag": "独居老人"}, "templates[0].tag"),  # a visits form has no tag
        ({"first_data_row": 0}, "templates[0].first_data_row"),
        ({"header_rows": ["2"]}, "templates[0].header_rows"),
        ({"name": " "}, "templates[0].name"),
        ({"colour": "red"}, "templates[0]"),
        ({"columns": [{"col": 1, "header": "序号", "rule": "magic"}]}, "templates[0].columns[0].rule"),
        ({"columns": [{"col": 2, "rule": "field", "value": "shoe_size"}]}, "templates[0].columns[0].value"),
        ({"columns": [{"col": 1, "rule": "number"}]}, "templates[0].columns"),
    ],
)  # fmt: skip
def test_a_bad_template_is_refused_with_its_place(dumped, db, change, place):
    dumped["templates"][0].update(change)
    with pytest.raises(ValidationError) as err:
        load_records(db, dumped)
    assert err.value.field == place and str(err.value).startswith(f"{place}：")
    assert _counts(db)["households"] == 0 and get_template(db, TEMPLATE) is None


def test_a_version_1_file_still_loads(db):
    data = {
        "format": "villagedesk-dump",
        "version": 1,
        "records": {
            "households": [{"uid": "h" * 32, "household_no": "009", "head_name": "钱七"}],
            "residents": [{"uid": "r" * 32, "household_uid": "h" * 32, "name": "钱七"}],
        },
    }
    summary = load_records(db, data)
    assert summary.total == 2 and summary.templates_added == 0
    assert [p.name for p in db.residents.find()] == ["钱七"]


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        ({"version": 3}, "version", "请先升级驻村工作台"),
        ({"version": 1}, "records", "版本 2 才有"),  # a version 1 file has no monitoring lists
        ({"version": 1, "records": {}}, "templates", "版本 2 才有"),
    ],
)
def test_versions_other_than_2_hold_only_their_own_lists(dumped, db, change, place, words):
    before = _counts(db)
    with pytest.raises(ValidationError) as err:
        load_records(db, {**dumped, **change})
    assert err.value.field == place and words in str(err.value)
    assert _counts(db) == before
