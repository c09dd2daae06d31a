"""The import's shortcuts for big files give exactly what the plain functions give."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from villagedesk.core.enums import Gender, Relation
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing import values as v
from villagedesk.services.importing.layout import Header, classify_row, row_classifier
from villagedesk.services.importing.people import _Cells, _text


@pytest.mark.parametrize(
    "value", [None, " 张三 ", "", 12, 12.0, 1.5, True, date(2026, 1, 2), datetime(2026, 1, 2, 3, 4)]
)
def test_text_shortcut_is_values_text(value):
    assert _text(value) == v.text(value)


def test_blank_cells_skip_the_value_functions_because_they_give_the_same():
    # convert() uses these constants for a None cell instead of calling the functions
    assert v.household_tags(None) == [] and v.risk_causes(None) == []
    assert v.monitoring_type(None) is None and v.yes_no(None) is None
    assert v.gender(None) is None and v.relation(None) is None
    assert v.optional_date(None) is None and v.code_text(None, "户编号") == ""


def test_cells_fetch_pads_short_rows_and_unmapped_fields():
    cells = _Cells({"name": 0, "id_number": 3, "household_no": 1}, per_household=False)
    got = cells.fetch(["张三", "001"] + cells.pad)
    assert got[0] == "张三" and got[1] is None  # id_number: past the row's end
    assert got[2] is None  # gender: no column
    assert got[16] == "001"  # household_no


def test_cells_memo_keeps_text_and_numbers_apart():
    cells = _Cells({}, per_household=False)
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
