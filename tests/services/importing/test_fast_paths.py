"""The import's shortcuts for big files give exactly what the plain functions give."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from villagedesk.core.enums import Gender, Relation
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import values as v
from villagedesk.services.importing.cells import RosterCells, cell_text
from villagedesk.services.importing.layout import Header, classify_row, row_classifier


@pytest.mark.parametrize(
    "value", [None, " 张三 ", "", 12, 12.0, 1.5, True, date(2026, 1, 2), datetime(2026, 1, 2, 3, 4)]
)
def test_text_shortcut_is_values_text(value):
    assert cell_text(value) == v.text(value)


def test_blank_cells_skip_the_value_functions_because_they_give_the_same():
    # convert() uses these constants for a None cell instead of calling the functions
    assert v.household_tags(None) == [] and v.risk_causes(None) == []
    assert v.monitoring_type(None) is None and v.yes_no(None) is None
    assert v.gender(None) is None and v.relation(None) is None
    assert v.optional_date(None) is None and v.code_text(None, "户编号") == ""


def test_cells_fetch_pads_short_rows_and_unmapped_fields():
    cells = RosterCells({"name": 0, "id_number": 3, "household_no": 1}, per_household=False)
    got = cells.fetch(["张三", "001"] + cells.pad)
    assert got[0] == "张三" and got[1] is None  # id_number: past the row's end
    assert got[2] is None  # gender: no column
    assert got[16] == "001"  # household_no


def test_cells_memo_keeps_text_and_numbers_apart():
    cells = RosterCells({}, per_household=False)
    assert cells.gender("1") is Gender.MALE and cells.gender(1) is Gender.MALE
    with pytest.raises(ValidationError, match="是"):
        cells.gender(True)  # equal to 1 as a dict key, but 是 is no gender
    with pytest.raises(ValidationError):
        cells.gender("x")
    with pytest.raises(ValidationError):  # a failure is not remembered as a value
        cells.gender("x")
    assert cells.relation("妻") is Relation.SPOUSE and cells.relation("妻") is Relation.SPOUSE
    assert cells.household_no("007") == "007" and cells.household_no(7.0) == "7"
    with pytest.raises(ValidationError):
        cells.household_no("4.3E+17")


def test_relation_words():
    for word, rel in [("户主", Relation.HEAD), ("之孙女", Relation.GRANDDAUGHTER), ("邻居", Relation.OTHER),
                      (" 孙 子 ", Relation.GRANDSON), ("之兄弟姐妹", Relation.SIBLING), ("", None)]:  # fmt: skip
        assert v.relation(word) is rel


ROWS = [
    [],
    [None, None],
    ["合 计", 3],
    [1, "小计"],
    ["填报人：张三", None, "审核人"],
    ["填报人：张三", 1, 2, 3, 4],
    ["序号", "姓名", "身份证号"],
    [" 序 号 ", "姓名"],
    ["序号", "名字"],
    [1, "张三", "430124"],
]


@pytest.mark.parametrize("row", ROWS)
def test_row_classifier_is_classify_row(row):
    header = Header([2], ["序号", "姓名", "身份证号"], [])
    assert row_classifier(header)(row) == classify_row(row, header)
    assert row_classifier(Header([1], [], []))(row) == classify_row(row, Header([1], [], []))


def test_row_classifier_kinds():
    classify = row_classifier(Header([2], ["序号", "姓名", "身份证号"], []))
    assert [classify(r) for r in ROWS] == [
        "blank", "blank", "totals", "totals", "note", None, "header", "header", None, None,
    ]  # fmt: skip


def test_uid_source_gives_uuid4_hex():
    import uuid

    from villagedesk.services.importing.uids import uid_source

    next_uid = uid_source(batch=4)
    uids = [next_uid() for _ in range(50)]  # across several batches
    assert len(set(uids)) == 50
    for uid in uids:
        parsed = uuid.UUID(hex=uid)
        assert parsed.hex == uid and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def test_paused_gc_restores_the_collector():
    import gc

    from villagedesk.services.importing.plan import paused_gc

    assert gc.isenabled()
    with pytest.raises(ValidationError), paused_gc():
        assert not gc.isenabled()
        raise ValidationError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()


def test_page_cache_is_raised_while_writing_then_put_back(db):
    from villagedesk.services.importing.bulk_write import page_cache as _page_cache

    def size():
        return db.su.conn.execute("pragma cache_size").fetchone()[0]

    before = size()
    with _page_cache(db, 8):
        assert size() == -8 * 1024
    assert size() == before
    db.su.conn.execute("pragma cache_size = -20000")
    with _page_cache(db, 8):
        assert size() == -20000  # never made smaller
    assert size() == -20000


def test_bulk_rows_are_fast_row_in_field_order():
    from villagedesk.core.enums import HouseholdTag, MonitoringType, RiskCause
    from villagedesk.core.records import Household, Resident
    from villagedesk.services.importing.bulk_write import _shape, fast_row

    records = [
        Household(household_no="001", head_name="𠮷", tags=[HouseholdTag.MONITORED],
                  monitoring_type=MonitoringType.SUDDEN, risk_causes=[RiskCause.ILLNESS],
                  risk_cleared=True),
        Household(household_no="002", head_name="乙", created_at="2026-11-29T10:00:00"),
        Resident(household_uid="x", name="甲", gender=Gender.FEMALE, birth_date=date(1990, 1, 2),
                 relation=Relation.SPOUSE, notes="a\nb\"c"),
        Resident(household_uid="x", name="乙", tags=[]),
    ]  # fmt: skip
    for record in records:
        shape = _shape(type(record))
        assert dict(zip(shape.names, shape.row(record), strict=True)) == fast_row(record)
        assert list(fast_row(record)) == list(shape.names)
    assert not _shape(Household).has_bytes and not _shape(Resident).has_bytes


def test_committed_rows_and_audit_are_the_repository_text(db, tmp_xlsx):
    import json

    from villagedesk.services.importing import commit_import, plan_import
    from villagedesk.storage.repository import _audit_view, record_to_row

    rows = [["户编号", "户主姓名", "姓名", "与户主关系", "性别"],
            ["001", "张三", "张三", "户主", "男"], ["001", "张三", "李四", "妻", "女"]]  # fmt: skip
    plan = plan_import(db, tmp_xlsx(rows), "residents")
    commit_import(db, plan)
    for pr in plan.rows:
        for record in (pr.payload.household_add, pr.payload.resident_add):
            if record is None:
                continue
            row = record_to_row(record)
            table = "households" if record.__class__.__name__ == "Household" else "residents"
            stored = db.su.execute(f"select * from {table} where uid = ?", [record.uid]).fetchone()
            assert stored == tuple(row.values())
            (after,) = db.su.execute(
                "select after from audit where uid = ? and action = 'create'", [record.uid]
            ).fetchone()
            assert after == json.dumps(_audit_view(row), ensure_ascii=False)
    keys = db.su.execute("select key, kind from search_keys order by key, kind").fetchall()
    assert ("zhangsan", "household") in keys and ("zs", "resident") in keys
    assert ("lisi", "resident") in keys and ("ls", "household") not in keys


def test_households_without_numbers_are_numbered_after_the_largest(db, tmp_xlsx):
    from villagedesk.core.records import Household
    from villagedesk.services.importing import commit_import, plan_import

    db.households.add(Household(household_no="005", head_name="甲"))
    db.households.add(Household(household_no="A7", head_name="乙"))
    rows = [["户主姓名", "家庭住址"], ["张三", "东"], ["李四", "西"], ["王五", "南"]]
    commit_import(db, plan_import(db, tmp_xlsx(rows), "households"))
    assert sorted(h.household_no for h in db.households.find()) == [
        "005", "006", "007", "008", "A7",
    ]  # fmt: skip


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=6))
def test_audit_json_is_json_dumps(row):
    import json

    from villagedesk.services.importing.bulk_write import _JSON

    assert _JSON(row) == json.dumps(row, ensure_ascii=False)


def _bulk_write(db, records):
    from villagedesk.services.importing.bulk_write import Bulk

    with db.transaction():
        bulk = Bulk(db)
        bulk.insert("households", "household", records)
        bulk.flush_audit()


def _audit_after(db, uid):
    (after,) = db.su.execute(
        "select after from audit where uid = ? and action = 'create'", [uid]
    ).fetchone()
    return after


def test_sqlite_writes_the_audit_json_as_json_dumps_would(db):
    import json

    from villagedesk.core.records import Household
    from villagedesk.services.importing import bulk_write
    from villagedesk.storage.repository import _audit_view, record_to_row

    assert bulk_write._sqlite_quotes_like_json(db.su.conn)
    odd = "".join(map(chr, range(1, 128))) + "\u2028\u00a0𠮷"
    records = [Household(household_no=f"{i:03d}", head_name=odd[i:], notes="\x00" * i)
               for i in range(40)]  # fmt: skip
    used = []
    real = bulk_write.audit_in_sql
    bulk_write.audit_in_sql = lambda *a: used.append(real(*a)) or used[-1]
    try:
        _bulk_write(db, records)
    finally:
        bulk_write.audit_in_sql = real
    assert used == [True]
    for rec in records:
        assert _audit_after(db, rec.uid) == json.dumps(
            _audit_view(record_to_row(rec)), ensure_ascii=False
        )


@given(st.lists(st.text(), min_size=1, max_size=5))
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_audit_json_from_sqlite_for_any_text(db, names):
    import json

    from villagedesk.core.records import Household
    from villagedesk.storage.repository import record_to_row

    names = [n.replace("\ud800", "") for n in names]  # (no lone surrogates: SQLite refuses them)
    records = [Household(household_no=n, head_name=n, address=n) for n in names]
    _bulk_write(db, records)
    for rec in records:
        assert _audit_after(db, rec.uid) == json.dumps(record_to_row(rec), ensure_ascii=False)


def test_audit_json_made_in_python_when_a_value_would_be_stored_differently(db):
    import json

    from villagedesk.core.records import Household
    from villagedesk.services.importing import bulk_write
    from villagedesk.storage.repository import record_to_row

    odd = Household(household_no="001", head_name="甲", address=12)  # TEXT column: stored "12"
    plain = Household(household_no="002", head_name="乙")
    conn = db.su.conn
    assert not bulk_write.audit_in_sql(conn, "households", ["uid", "address"], [("u", 12)], 0)
    assert not bulk_write.audit_in_sql(conn, "households", ["uid", "risk_cleared"], [("u", 1.0)], 0)
    _bulk_write(db, [odd, plain])
    for rec in (odd, plain):
        assert _audit_after(db, rec.uid) == json.dumps(record_to_row(rec), ensure_ascii=False)
    assert '"address": 12' in _audit_after(db, odd.uid)


def test_imported_search_keys_are_what_a_rebuild_makes(db, tmp_xlsx):
    from villagedesk.services.importing import commit_import, plan_import
    from villagedesk.storage.search import rebuild_search_keys

    rows = [["户编号", "户主姓名", "姓名", "与户主关系"],
            ["001", "欧阳修", "欧阳修", "户主"], ["001", "欧阳修", "曾巩", "之子"],
            ["002", "单田芳", "单田芳", "户主"], ["002", "单田芳", "欧阳修", "配偶"],
            ["003", "Tom 李", "Tom 李", "户主"]]  # fmt: skip
    commit_import(db, plan_import(db, tmp_xlsx(rows), "residents"))

    def keys():
        return sorted(db.su.execute("select key, kind, uid from search_keys").fetchall())

    imported = keys()
    rebuild_search_keys(db.su)
    assert imported == keys() and len(imported) > 10
