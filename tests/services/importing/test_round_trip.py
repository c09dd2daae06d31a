"""Export the monthly ledger, import its visits and issues into an empty database: same figures."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from villagedesk.services.figures import monthly_figures
from villagedesk.services.importing import commit_import, plan_import
from villagedesk.services.ledger_xlsx import write_monthly_ledger
from villagedesk.storage.database import open_database


@pytest.mark.parametrize("month", ["2026-10", "2026-11"])
def test_ledger_round_trip(demo_db, tmp_path, month):
    ledger = write_monthly_ledger(demo_db, month, tmp_path / "台账.xlsx", mask_ids=True)
    # the households come first (a roster), as a team would bring them in
    roster = Workbook()
    ws = roster.active
    ws.append(["户编号", "户主姓名", "村民小组"])
    names = demo_db.groups.names()
    for h in demo_db.households.find():
        ws.append([h.household_no, h.head_name, names.get(h.group_uid, "")])
    roster.save(tmp_path / "roster.xlsx")

    fresh = open_database(tmp_path / "fresh.db", actor="测试员")
    try:
        commit_import(fresh, plan_import(fresh, tmp_path / "roster.xlsx", "households"))
        for kind, sheet in (("visits", "走访台账"), ("issues", "问题台账")):
            plan = plan_import(fresh, ledger, kind, sheet=sheet, duplicates="keep_both")
            assert plan.refused == [], [(r.row_no, r.reason) for r in plan.refused]
            commit_import(fresh, plan)
        before, after = monthly_figures(demo_db, month), monthly_figures(fresh, month)
        assert after["visits"] == before["visits"] > 0
        assert after["households_visited"] == before["households_visited"]
        assert after["issues"] == before["issues"]
        assert before["issues"]["collected"] > 0
    finally:
        fresh.close()
