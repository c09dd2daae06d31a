"""load_records' bulk checks say what the repositories say, and a load is whole and searchable."""

from __future__ import annotations

import copy
import json

import pytest

from villagedesk.core.validation import ValidationError
from villagedesk.services.transfer import dump_records, load_records
from villagedesk.storage.database import open_database
from villagedesk.storage.search import rebuild_search_keys


@pytest.fixture(scope="module")
def dumped(tmp_path_factory):
    from datetime import date

    from villagedesk.services.demo import make_demo_village

    db = open_database(tmp_path_factory.mktemp("src") / "src.db")
    make_demo_village(db, households=12, seed=4, today=date(2026, 11, 29))
    data = json.loads(json.dumps(dump_records(db), ensure_ascii=False))
    db.close()
    return data


def _rows(db, table):
    return sorted(db.su.execute(f"select * from [{table}]").fetchall(), key=repr)


def test_a_load_is_audited_and_searchable_like_saved_records(dumped, tmp_path):
    db = open_database(tmp_path / "t.db")
    summary = load_records(db, copy.deepcopy(dumped))
    n = sum(len(v) for v in dumped["records"].values())
    events = sum(len(i["events"]) for i in dumped["records"]["issues"])
    assert summary.total == n and summary.counts["issue_events"] == events
    load = "select count(*), count(distinct uid) from audit where action = 'load'"
    assert db.su.execute(load).fetchone() == (n + events, n + events)
    keys = _rows(db, "search_keys")
    assert keys and keys == (rebuild_search_keys(db.su), _rows(db, "search_keys"))[1]
    assert db.integrity_problems() == []


def _resident(data, i=0):
    return data["records"]["residents"][i]


@pytest.mark.parametrize(
    ("spoil", "place"),
    [
        (lambda d: _resident(d, 1).update({k: _resident(d, 0)[k]
                                           for k in ("id_number", "birth_date", "gender")}),
         "id_number"),
        (lambda d: d["records"]["households"][1].update(
            household_no=d["records"]["households"][0]["household_no"]), "household_no"),
        (lambda d: d["records"]["groups"][1].update(name=d["records"]["groups"][0]["name"]),
         "name"),
        (lambda d: d["records"]["issues"][1].update(number=d["records"]["issues"][0]["number"]),
         "number"),
        (lambda d: d["records"]["diary"][1].update(
            date=d["records"]["diary"][0]["date"],
            member_uid=d["records"]["diary"][0]["member_uid"]), "date"),
    ],
)  # fmt: skip
def test_a_clash_inside_the_file_is_refused_as_the_repository_would(dumped, tmp_path, spoil, place):
    data = copy.deepcopy(dumped)
    spoil(data)
    db = open_database(tmp_path / "t.db")
    with pytest.raises(ValidationError) as err:
        load_records(db, data)
    assert err.value.field.endswith(f"[1].{place}")
    assert all(db.su.execute(f"select count(*) from [{t}]").fetchone()[0] == 0
               for t in ("households", "residents", "audit", "search_keys"))  # fmt: skip


def test_a_clash_with_the_database_has_the_repositorys_message(dumped, tmp_path):
    from villagedesk.core.records import Household, Resident

    db = open_database(tmp_path / "t.db")
    first = dumped["records"]["residents"][0]
    h = db.households.add(Household(household_no="999", head_name="王五"))
    db.residents.add(Resident(household_uid=h.uid, name="王五", id_number=first["id_number"]))
    with pytest.raises(ValidationError) as err:
        load_records(db, copy.deepcopy(dumped))
    number = first["id_number"]
    assert err.value.field == "records.residents[0].id_number"
    assert err.value.message.endswith(f"身份证号码 {number} 已登记在 999 王五户（王五）")
    assert db.residents.count() == 1 and db.households.count() == 1


def test_an_empty_reference_is_refused_with_its_place_not_a_foreign_key_error(dumped, tmp_path):
    # "" is no uid: it used to pass the checks and fail the insert with a bare database error
    data = copy.deepcopy(dumped)
    data["records"]["households"][0]["group_uid"] = ""
    db = open_database(tmp_path / "t.db")
    with pytest.raises(ValidationError) as err:
        load_records(db, data)
    assert str(err.value) == "records.households[0].group_uid：不能为空（不引用时写 null）"
    assert db.households.count(include_deleted=True) == 0


def test_a_household_deleted_after_its_visits_loads_back(tmp_path):
    # the app lets a household go to the recycle bin and keeps its visits, issues and aid:
    # a dump of such a database must load again, with the same records
    from datetime import date

    from villagedesk.services.demo import make_demo_village

    src = open_database(tmp_path / "src.db")
    make_demo_village(src, households=6, seed=2, today=date(2026, 11, 29))
    visit = next(v for v in src.visits.find() if v.household_uid)
    src.households.delete(visit.household_uid)
    assert src.visits.get(visit.uid).deleted_at is None  # the visit stays
    data = json.loads(json.dumps(dump_records(src), ensure_ascii=False))
    first = data["records"]
    db = open_database(tmp_path / "t.db")
    load_records(db, data)
    again = dump_records(db)["records"]
    assert again == first
    assert db.visits.get(visit.uid).household_uid == visit.household_uid
    assert db.households.get(visit.household_uid, include_deleted=True).deleted_at is not None


def test_of_several_missing_references_the_first_in_the_file_is_reported(dumped, tmp_path):
    data = copy.deepcopy(dumped)
    data["records"]["visits"][3]["household_uid"] = "nohousehold"
    data["records"]["aid"][0]["resident_uid"] = "noresident"
    data["records"]["visits"][1]["household_uid"] = "nohousehold2"
    db = open_database(tmp_path / "t.db")
    with pytest.raises(ValidationError) as err:
        load_records(db, data)
    assert str(err.value).startswith("records.visits[1].household_uid：")
