"""Random cells and broken files: only ValidationError escapes, and a refused import changes nothing."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.importing.conftest import IDS, db_fingerprint, write_csv, write_xlsx
from villagedesk.core.records import Household
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import commit_import, plan_import, write_refused_rows

KINDS = ["households", "residents", "visits", "issues", "aid", "monitoring"]
HEADERS = {
    "households": [
        "户编号",
        "户主姓名",
        "身份证号码",
        "联系电话",
        "户类型",
        "风险是否消除",
        "村民小组",
    ],
    "residents": ["户编号", "姓名", "与户主关系", "身份证号码", "性别", "出生日期", "联系电话"],
    "visits": ["走访日期", "走访对象", "走访方式", "家庭基本情况", "困难和诉求", "走访人员"],
    "issues": [
        "编号",
        "登记日期",
        "诉求事项",
        "状态",
        "办结日期",
        "办理时限",
        "办理方式",
        "满意度",
    ],
    "aid": ["日期", "对象", "慰问金", "物品", "身份证号码"],
    "monitoring": ["姓名", "身份证号码", "户主姓名", "类别"],
}

cell = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(["男", "女", "1", "2", "是", "否", "√", "户主", "妻", "已办结", "已销号", "办理中",
                     "张三", "001", "2026-11-01", "2026.8.28", "20230828", "1,200.50", "=SUM(A1:A3)",
                     "限期办", "4.30124199E+17", IDS[0], IDS[1].lower(), "\U00020bb7", "合计", "填报人：某"]),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.booleans(),
)  # fmt: skip


def _safe(value):
    if isinstance(value, str):  # openpyxl refuses control characters in cells
        return "".join(ch for ch in value if ch >= " ")
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    return value


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(KINDS), rows=st.lists(st.lists(cell, min_size=0, max_size=9), max_size=8),
       as_csv=st.booleans(), policy=st.sampled_from(["skip", "update", "keep_both"]))  # fmt: skip
def test_random_cells_never_crash(db, tmp_path, kind, rows, as_csv, policy):
    if not db.households.count():
        db.households.add(Household(household_no="001", head_name="张三"))
    data = [HEADERS[kind]] + [[_safe(v) for v in row] for row in rows]
    if as_csv:
        path = write_csv(tmp_path / "r.csv", data, encoding="utf-8-sig")
    else:
        path = write_xlsx(tmp_path / "r.xlsx", data)
    before = db_fingerprint(db)
    try:
        plan = plan_import(db, path, kind, duplicates=policy)
    except ValidationError:
        assert db_fingerprint(db) == before
        return
    assert db_fingerprint(db) == before  # planning writes nothing
    write_refused_rows(plan, tmp_path / "refused.xlsx")
    report = commit_import(db, plan)
    assert report.counts["refused"] == len(plan.refused)


def _broken_files(tmp_path):
    good = write_xlsx(
        tmp_path / "good.xlsx", [HEADERS["residents"], ["001", "张三", "户主", IDS[1]]]
    )
    yield "empty.xlsx", b""
    yield "notzip.xlsx", b"hello, this is not a zip" * 50
    yield "notzip.csv", bytes(range(256)) * 4
    yield "half.xlsx", good.read_bytes()[: len(good.read_bytes()) // 2]
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<not really>")
    yield "zipnotbook.xlsx", path.read_bytes()
    huge = tmp_path / "huge.csv"
    write_csv(huge, [HEADERS["residents"], ["001", "张" * 40000, "户主"]])
    yield "huge.csv", huge.read_bytes()
    yield "ole.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 3000


def test_broken_files_are_refused_and_change_nothing(db, tmp_path):
    before = db_fingerprint(db)
    for name, content in _broken_files(tmp_path):
        path = tmp_path / f"in-{name}"
        path.write_bytes(content)
        for kind in KINDS:
            try:
                plan_import(db, path, kind)
            except ValidationError as exc:
                assert str(exc), name
            else:
                raise AssertionError(f"{name} was accepted as {kind}")
    assert db_fingerprint(db) == before


def test_formula_cells_read_as_their_cached_values(db, tmp_path):
    # openpyxl writes formulas without cached values: the cells read as empty
    path = write_xlsx(tmp_path / "f.xlsx", [HEADERS["residents"], ["001", "张三", "户主", "=A1&B1", None, "=TODAY()"],
                                            ["合计", "=COUNTA(B2)"]])  # fmt: skip
    plan = plan_import(db, path, "residents")
    assert plan.counts()["to_add"] == 1 and plan.ignored == {"totals": 1}
    commit_import(db, plan)
    (person,) = db.residents.find()
    assert person.id_number == "" and person.birth_date is None


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(blob=st.binary(max_size=600), suffix=st.sampled_from([".xlsx", ".xls", ".csv"]))
def test_random_bytes_only_raise_validation_error(db, tmp_path, blob, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(blob)
    before = db_fingerprint(db)
    try:
        plan = plan_import(db, path, "residents")
    except ValidationError:
        pass
    else:
        commit_import(db, plan)
        return
    assert db_fingerprint(db) == before


def test_datetime_cells(db, tmp_path):
    path = write_xlsx(
        tmp_path / "d.xlsx",
        [HEADERS["visits"], [datetime(2026, 11, 3, 9, 30), "张三", None, "看望"]],
    )
    db.households.add(Household(household_no="001", head_name="张三"))
    commit_import(db, plan_import(db, path, "visits"))
    assert db.visits.find()[0].date == date(2026, 11, 3)
