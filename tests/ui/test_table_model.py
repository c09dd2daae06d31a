"""The Qt table models alone, without a window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from villagedesk.core.enums import HouseholdTag
from villagedesk.core.records import Household, Resident
from villagedesk.services.households_queries import HouseholdRow, household_rows
from villagedesk.ui.pages.households import household_columns, member_columns
from villagedesk.ui.pages.recycle_bin import BinRow, bin_columns
from villagedesk.ui.widgets.table_model import PAGE_SIZE, RecordRole, RecordTableModel, SortRole


def _rows(n: int) -> list[HouseholdRow]:
    return [
        HouseholdRow(
            Household(household_no=f"{i:05d}", head_name=f"户主{i}", tags=[HouseholdTag.DIBAO]),
            "一组",
            i % 5,
            date(2026, 1, 1) if i % 2 else None,
        )
        for i in range(n)
    ]


def test_household_model_pages_rows_in_and_shows_cells(qapp):
    model = RecordTableModel(household_columns())
    model.set_rows(_rows(PAGE_SIZE * 2 + 10))
    assert model.total() == PAGE_SIZE * 2 + 10
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 10
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Household no."
    assert model.data(model.index(3, 0)) == "00003"
    assert model.data(model.index(3, 4)) == "低保户"
    assert model.data(model.index(3, 6)) == "2026-01-01"
    assert model.data(model.index(2, 6)) == ""
    assert model.data(model.index(3, 0), RecordRole).household.head_name == "户主3"


def test_household_model_sorts_members_as_numbers(qapp):
    model = RecordTableModel(household_columns())
    model.set_rows(_rows(12))
    model.sort(3, Qt.SortOrder.DescendingOrder)
    counts = [model.data(model.index(r, 3), SortRole) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert model.data(model.index(0, 3)) == "4"


def test_member_model_masks_id_numbers_and_shows_age(qapp):
    model = RecordTableModel(member_columns())
    person = Resident(
        household_uid="h",
        name="张三",
        id_number="11010519491231002X",
        birth_date=date(1949, 12, 31),
    )
    model.set_rows([person])
    assert model.data(model.index(0, 4)) == "110105********002X"
    assert model.data(model.index(0, 3)) == "76"  # on the pinned today, 2026-11-29


def test_household_rows_come_from_the_database(db):
    h = db.households.add(Household(household_no="001", head_name="张三", phone="13800138000"))
    db.residents.add(Resident(household_uid=h.uid, name="张三"))
    db.residents.add(Resident(household_uid=h.uid, name="李四", relation="配偶"))
    rows = household_rows(db)
    assert [(r.household.head_name, r.members, r.last_visit) for r in rows] == [("张三", 2, None)]


def test_bin_model_names_the_kind(qapp):
    model = RecordTableModel(bin_columns())
    rec = Household(household_no="009", head_name="王五", deleted_at="2026-11-28T10:00:00")
    model.set_rows([BinRow("household", rec)])
    assert model.data(model.index(0, 0)) == "Household"
    assert model.data(model.index(0, 1)) == "2026-11-28 10:00:00"
    assert "王五" in model.data(model.index(0, 2))
