"""Repositories: audit trail, soft delete, validation that saves nothing, photos."""

from __future__ import annotations

import io
from datetime import date

import pytest
from builders import make_id

from villagedesk.core.enums import Gender, HouseholdTag
from villagedesk.core.records import Household, Resident, TeamMember
from villagedesk.core.validation import ValidationError

ZHANG_ID = make_id("34112519800101001")  # born 1980-01-01, male


@pytest.fixture
def household(db) -> Household:
    return db.households.add(Household(household_no="001", head_name="张三", phone="13800138000"))


def table_counts(db) -> dict[str, int]:
    return {t: db.su[t].count for t in ("households", "residents", "attachments", "audit")}


def test_add_writes_a_create_audit_row_with_the_record(db, household):
    (entry,) = db.audit.entries(uid=household.uid)
    assert entry.action == "create"
    assert entry.kind == "household"
    assert entry.actor == "测试员"
    assert entry.before is None
    assert entry.after["household_no"] == "001"
    assert entry.after["head_name"] == "张三"
    assert household.created_at and household.updated_at


def test_update_audits_only_what_changed(db, household):
    household.head_name = "张三丰"
    household.tags = [HouseholdTag.DIBAO]
    db.households.update(household)
    entry = db.audit.entries(uid=household.uid)[0]
    assert entry.action == "update"
    # updated_at may or may not change within the same second; the edited fields must show
    assert {k: entry.before[k] for k in ("head_name", "tags")} == {
        "head_name": "张三",
        "tags": "[]",
    }
    assert set(entry.before) <= {"head_name", "tags", "updated_at"}
    assert entry.after["head_name"] == "张三丰"
    assert entry.after["tags"] == '["低保户"]'
    assert "phone" not in entry.after
    assert db.households.get(household.uid).tags == [HouseholdTag.DIBAO]


def test_soft_delete_hides_and_restore_brings_back(db, household):
    db.households.delete(household.uid)
    assert db.households.get(household.uid) is None
    assert db.households.find() == []
    assert db.households.count() == 0
    gone = db.households.get(household.uid, include_deleted=True)
    assert gone.deleted_at is not None
    assert [h.uid for h in db.households.find(deleted_only=True)] == [household.uid]
    entry = db.audit.entries(uid=household.uid)[0]
    assert (entry.action, entry.before, entry.after) == (
        "delete",
        {"deleted_at": None},
        {"deleted_at": gone.deleted_at},
    )

    db.households.restore(household.uid)
    back = db.households.get(household.uid)
    assert back is not None and back.deleted_at is None
    assert db.households.count() == 1
    entry = db.audit.entries(uid=household.uid)[0]
    assert (entry.action, entry.before, entry.after) == (
        "restore",
        {"deleted_at": gone.deleted_at},
        {"deleted_at": None},
    )
    assert [e.action for e in db.audit.entries(uid=household.uid)] == [
        "restore",
        "delete",
        "create",
    ]


def test_duplicate_household_number_saves_nothing(db, household):
    before = table_counts(db)
    with pytest.raises(ValidationError) as info:
        db.households.add(Household(household_no=" 001 ", head_name="李四"))
    assert "户编号 001 已经存在" in str(info.value)
    assert table_counts(db) == before


def test_number_of_a_deleted_household_may_be_reused(db, household):
    db.households.delete(household.uid)
    db.households.add(Household(household_no="001", head_name="李四"))
    assert [h.head_name for h in db.households.find()] == ["李四"]


def test_resident_id_number_fills_birth_date_and_gender(db, household):
    person = db.residents.add(
        Resident(household_uid=household.uid, name="张三", id_number=ZHANG_ID.lower())
    )
    saved = db.residents.get(person.uid)
    assert saved.birth_date == date(1980, 1, 1)
    assert saved.gender == Gender.MALE
    assert saved.id_number == ZHANG_ID


def test_duplicate_id_number_saves_nothing(db, household):
    db.residents.add(Resident(household_uid=household.uid, name="张三", id_number=ZHANG_ID))
    other = db.households.add(Household(household_no="002", head_name="李四"))
    before = table_counts(db)
    with pytest.raises(ValidationError) as info:
        db.residents.add(Resident(household_uid=other.uid, name="李四", id_number=ZHANG_ID))
    assert "已登记在 001 张三户" in str(info.value)
    assert table_counts(db) == before


def test_wrong_check_digit_saves_nothing(db, household):
    wrong = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
    before = table_counts(db)
    with pytest.raises(ValidationError) as info:
        db.residents.add(Resident(household_uid=household.uid, name="张三", id_number=wrong))
    assert "校验位错误" in str(info.value)
    assert info.value.field == "id_number"
    assert table_counts(db) == before


def test_birth_date_contradicting_id_number_saves_nothing(db, household):
    before = table_counts(db)
    with pytest.raises(ValidationError) as info:
        db.residents.add(
            Resident(
                household_uid=household.uid,
                name="张三",
                id_number=ZHANG_ID,
                birth_date=date(1981, 1, 1),
            )
        )
    assert "不一致" in str(info.value)
    assert table_counts(db) == before


def test_failed_update_leaves_the_record_and_audit_as_they_were(db, household):
    db.households.add(Household(household_no="002", head_name="李四"))
    audit_before = db.audit.count()
    household.household_no = "002"
    with pytest.raises(ValidationError):
        db.households.update(household)
    assert db.households.get(household.uid).household_no == "001"
    assert db.audit.count() == audit_before


def _picture(width: int, height: int, fmt: str = "PNG") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


def test_photos_are_stored_as_resized_jpeg(db):
    from PIL import Image

    member = db.team.add(TeamMember(name="王书记"))
    big = db.attachments.add_photo("visit", "v1", _picture(3000, 2000), filename="a.png")
    with Image.open(io.BytesIO(db.attachments.get(big.uid).data)) as img:
        assert img.format == "JPEG"
        assert img.size == (1280, 853)
    face = db.attachments.add_photo("team_member", member.uid, _picture(800, 1200), square=True)
    with Image.open(io.BytesIO(db.attachments.get(face.uid).data)) as img:
        assert img.size == (600, 600)
    assert [a.uid for a in db.attachments.of_owner(member.uid)] == [face.uid]
    # the audit row records the size, not the bytes
    (entry,) = db.audit.entries(uid=face.uid)
    assert entry.after["data"].startswith("<") and entry.after["data"].endswith(" bytes>")


def test_a_file_that_is_not_a_picture_saves_nothing(db):
    before = table_counts(db)
    with pytest.raises(ValidationError) as info:
        db.attachments.add_photo("visit", "v1", b"%PDF-1.4 not a photo")
    assert "不是可识别的图片" in str(info.value)
    assert table_counts(db) == before
