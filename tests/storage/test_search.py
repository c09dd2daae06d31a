"""Search-as-you-type: names, pinyin (heteronym surnames), ID digits, phones, ranking."""

from __future__ import annotations

import pytest
from builders import make_id

from villagedesk.core.records import Household, Resident
from villagedesk.storage.search import search

LI_ID = make_id("34112519550505002")


@pytest.fixture
def village(db):
    people = {}
    for no, head, phone, extra in [
        ("001", "张三", "13800138000", []),
        ("002", "张三丰", "", []),
        ("003", "曾小明", "", []),
        ("004", "单立国", "", []),
        ("005", "李四", "13912345678", [("王芳", "配偶", LI_ID)]),
        ("006", "赵六", "", []),
    ]:
        hh = db.households.add(Household(household_no=no, head_name=head, phone=phone))
        people[head] = db.residents.add(Resident(household_uid=hh.uid, name=head, phone=phone))
        for name, relation, id_number in extra:
            people[name] = db.residents.add(
                Resident(household_uid=hh.uid, name=name, relation=relation, id_number=id_number)
            )
    db.residents.delete(people["赵六"].uid)
    db.households.delete(people["赵六"].household_uid)
    return people


def names(db, text: str) -> list[str]:
    return [h.name for h in search(db, text)]


def test_full_name(db, village):
    assert names(db, "张三")[0] == "张三"


def test_exact_name_ranks_before_prefix(db, village):
    assert names(db, "张三") == ["张三", "张三丰"]
    hits = search(db, "张三")
    assert hits[0].rank < hits[1].rank


def test_surname_prefix(db, village):
    assert set(names(db, "张")) == {"张三", "张三丰"}


def test_pinyin_initials(db, village):
    assert names(db, "zs")[0] == "张三"
    assert "张三丰" in names(db, "zs")  # zsf starts with zs
    assert names(db, "ZSF") == ["张三丰"]


def test_full_pinyin(db, village):
    assert names(db, "zhangsan")[0] == "张三"
    assert names(db, "zhangsanfeng") == ["张三丰"]


def test_heteronym_surname_zeng_found_by_both_readings(db, village):
    assert names(db, "zxm") == ["曾小明"]
    assert names(db, "cxm") == ["曾小明"]
    assert names(db, "zengxiaoming") == ["曾小明"]


def test_surname_shan_found_by_its_surname_reading(db, village):
    assert names(db, "slg") == ["单立国"]
    assert names(db, "shanliguo") == ["单立国"]


def test_last_four_id_digits(db, village):
    hits = search(db, LI_ID[-4:])
    assert [h.name for h in hits if h.matched == "id"] == ["王芳"]
    assert hits[0].masked_id() == LI_ID[:6] + "********" + LI_ID[-4:]


def test_phone_prefix(db, village):
    hits = search(db, "1380013")
    assert (hits[0].kind, hits[0].name, hits[0].matched) == ("resident", "张三", "phone")
    assert {h.name for h in hits} == {"张三"}
    assert {h.name for h in search(db, "139")} == {"李四"}


def test_phone_query_lists_a_head_of_household_once(db, village):
    assert names(db, "1380013") == ["张三"]


def test_deleted_records_are_not_found(db, village):
    assert names(db, "赵六") == []
    assert names(db, "zl") == []
    db.households.restore(village["赵六"].household_uid)
    # the household is back (its head's name is on it); the deleted resident is still gone
    assert [(h.kind, h.name) for h in search(db, "赵六")] == [("household", "赵六")]
    db.residents.restore(village["赵六"].uid)
    assert [(h.kind, h.name) for h in search(db, "zl")] == [("resident", "赵六")]


def test_deleted_household_hides_its_residents(db, village):
    db.households.delete(village["李四"].household_uid)
    assert names(db, "王芳") == []
    assert names(db, LI_ID[-4:]) == []


def test_blank_and_unknown_queries_find_nothing(db, village):
    assert search(db, "   ") == []
    assert search(db, "qqqq") == []


def test_renamed_person_found_by_new_name_only(db, village):
    person = village["单立国"]
    person.name = "单立新"
    db.residents.update(person)
    assert "单立新" in names(db, "slx")
    assert names(db, "slg") == ["单立国"]  # still the household head name on the household
