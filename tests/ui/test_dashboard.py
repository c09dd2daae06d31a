"""The dashboard: its figures are the stats figures, and a click opens the rows behind one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from villagedesk.services.figures import Month, monthly_figures, monthly_series
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.dashboard import DashboardPage

TODAY = date(2026, 11, 29)  # pinned by tests/conftest.py


@pytest.fixture
def window(qtbot, make_window, demo_db):
    w = make_window(demo_db, page="dashboard")
    qtbot.waitUntil(lambda: w.page("dashboard").figures_loaded, timeout=3000)
    return w


def test_tiles_show_the_figures_of_the_stats_object(qtbot, demo_db):
    page = DashboardPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.refresh()
    # computed in the background so the window shows first; the tiles say … meanwhile
    assert page.tiles["total.collected"].value() in ("…", str(len(demo_db.issues.find())))
    qtbot.waitUntil(lambda: page.figures_loaded, timeout=3000)
    month = monthly_figures(demo_db, Month.of(TODAY), today=TODAY)
    total = monthly_figures(demo_db, today=TODAY)
    assert total["issues"]["collected"] > 0  # the demo village has work to show
    for scope, fig in (("month", month), ("total", total)):
        for key in ("collected", "solved", "tracking", "overdue"):
            assert page.tiles[f"{scope}.{key}"].value() == str(fig["issues"][key])
        visited = page.tiles[f"{scope}.visited"].value()
        assert visited == f"{fig['households_visited']} / {total['households']}"
        assert page.tiles[f"{scope}.cash"].value() == fig["aid"]["cash_yuan"]
        assert page.tiles[f"{scope}.goods"].value() == str(fig["aid"]["goods_records"])


def test_lists_and_chart_load_after_showing(qtbot, demo_db):
    page = DashboardPage(AppContext(demo_db))
    qtbot.addWidget(page)
    page.refresh()
    assert not page.lists_loaded  # deferred so the window shows first
    assert not page.lists_built  # the lists and charts themselves too: the tiles come first
    qtbot.waitUntil(lambda: page.lists_loaded, timeout=3000)
    overdue = [i.number for i in page.overdue_model.records()]
    assert len(overdue) == monthly_figures(demo_db, today=TODAY)["issues"]["overdue"]
    series = monthly_series(demo_db, today=TODAY)
    assert page.visits_chart.series[0].values == [p.visits for p in series]
    assert page.visits_chart.categories[-1] == "11月"


def test_clicking_a_tile_opens_the_issues_page(qtbot, monkeypatch, window):
    page = window.page("dashboard")
    issues = window.page("issues")
    calls = []
    if hasattr(issues, "apply_filter"):
        monkeypatch.setattr(issues, "apply_filter", lambda **kw: calls.append(kw))
    tile = page.tiles["total.overdue"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert window.current_page_key() == "issues"
    if hasattr(issues, "apply_filter"):
        assert calls == [{"figure": "overdue"}]
    window.show_page("dashboard")
    qtbot.mouseClick(page.tiles["month.solved"], Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert calls[-1] == {"figure": "solved", "month": "2026-11"}
    window.show_page("dashboard")
    qtbot.mouseClick(page.tiles["month.visited"], Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert window.current_page_key() == "visits"


def test_figures_follow_a_change(qtbot, window, demo_db):
    page = window.page("dashboard")
    before = int(page.tiles["total.collected"].value())
    issue = demo_db.issues.find(limit=1)[0]
    demo_db.issues.delete(issue.uid)
    page.ctx.notify("issue")
    qtbot.waitUntil(lambda: page.tiles["total.collected"].value() == str(before - 1))


@pytest.mark.parametrize("scope", ["total", "month"])
def test_each_issue_tile_opens_exactly_the_rows_it_counts(qtbot, window, demo_db, scope):
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: page.figures_loaded, timeout=3000)
    fig = (page.total_figures if scope == "total" else page.month_figures)["issues"]
    # the demo village has something behind most figures (else the test proves little)
    assert sum(1 for k in ("collected", "solved", "tracking", "overdue") if fig[k]) >= 3
    for key in ("collected", "solved", "tracking", "overdue"):
        window.show_page("dashboard")
        tile = page.tiles[f"{scope}.{key}"]
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
        issues = window.page("issues")
        assert window.current_page_key() == "issues"
        assert issues.model.total() == int(tile.value()) == fig[key], (scope, key)
        # a removable chip says which figure is shown
        assert issues.figure_chip.isVisibleTo(issues) and issues.figure_clear.isVisibleTo(issues)
        if scope == "month":
            assert "2026年11月" in issues.figure_chip.text()
    issues.figure_clear.click()
    assert not issues.figure_chip.isVisibleTo(issues) and issues.figure_filter() is None
    assert issues.model.total() == page.total_figures["issues"]["collected"]
