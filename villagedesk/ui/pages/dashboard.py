"""首页: this month's and the cumulative figures, what needs doing, and a year of work."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from villagedesk.core.clock import today
from villagedesk.core.validation import format_date_cn
from villagedesk.services import figures
from villagedesk.services.dashboard_queries import (
    dashboard_figures,
    dashboard_lists,
    figures_of_file,
    take_prefetched,
)
from villagedesk.startup_trace import mark
from villagedesk.ui.pages.base import Page
from villagedesk.ui.tasks import run_task, with_own_connection
from villagedesk.ui.widgets.tiles import FigureTile, style_label

# tile key -> (page, filter arguments); an issues tile opens exactly the issues its figure
# counts (IssuesPage.apply_filter(figure=…), with the month for this month's tiles)
TILE_TARGETS: dict[str, tuple[str, dict]] = {
    "collected": ("issues", {"figure": "collected"}),
    "solved": ("issues", {"figure": "solved"}),
    "tracking": ("issues", {"figure": "tracking"}),
    "overdue": ("issues", {"figure": "overdue"}),
    "visited": ("visits", {}),
    "cash": ("aid", {}),
    "goods": ("aid", {}),
}
#: what a tile shows until its figure has been computed
PENDING = "…"


#: the lists and charts load just after the window's first paint, not competing with it
LISTS_DELAY_MS = 120


def _table():
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    view = QTableView()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DashboardPage(Page):
    """The first thing the team sees each day. Every figure opens the rows behind it."""

    watches = ("*",)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.month_figures: dict = {}
        self.total_figures: dict = {}
        self.lists_loaded = False
        self._lists_task = None
        self.figures_loaded = False
        self._figures_generation = 0  # a late answer to an older refresh is dropped
        self.heading = style_label(QLabel(), "#1f4e79", point_size=14, bold=True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        captions = {
            "collected": (self.tr("Issues collected"), "#1f4e79"),
            "solved": (self.tr("Solved"), "#2e7d32"),
            "tracking": (self.tr("Still tracking"), "#ef6c00"),
            "overdue": (self.tr("Overdue"), "#c62828"),
            "visited": (self.tr("Households visited"), "#1f4e79"),
            "cash": (self.tr("Aid money (yuan)"), "#6a1b9a"),
            "goods": (self.tr("Goods handed out (times)"), "#6a1b9a"),
        }
        self.tiles: dict[str, FigureTile] = {}
        for row, (scope, label) in enumerate(
            (("month", self.tr("This month")), ("total", self.tr("Cumulative")))
        ):
            title = style_label(QLabel(label), "#333", bold=True)
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, row, 0)
            for col, (key, (caption, color)) in enumerate(captions.items(), start=1):
                tile = FigureTile(caption, color)
                tile.clicked.connect(lambda k=key, s=scope: self.open_rows(k, s))
                self.tiles[f"{scope}.{key}"] = tile
                grid.addWidget(tile, row, col)
        for col in range(1, len(captions) + 1):
            grid.setColumnStretch(col, 1)

        # the lists and the charts (the second half) are built when their data is loaded,
        # just after the window's first paint: the tiles are what the first look needs
        self.lists_area = QHBoxLayout()
        self.lists_built = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addLayout(self.lists_area, 1)
        # 一比一派一查一救: the open monitoring checks, right of the heading
        from villagedesk.ui.widgets.open_checks import OpenChecksLabel

        self.open_checks = OpenChecksLabel(ctx)
        heading_row = QHBoxLayout()
        layout.removeWidget(self.heading)
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.open_checks)
        layout.insertLayout(0, heading_row)

    def build_lists_area(self) -> None:
        """The overdue / due-a-visit / recent lists and the two charts (once)."""
        if self.lists_built:
            return
        from PySide6.QtWidgets import QTabWidget

        from villagedesk.ui.charts import BarChart
        from villagedesk.ui.widgets.table_model import Column, RecordTableModel

        self.visits_chart = BarChart()
        self.issues_chart = BarChart()
        charts = QVBoxLayout()
        charts.setSpacing(4)
        charts.addWidget(self.visits_chart)
        charts.addWidget(self.issues_chart)
        self.overdue_model = RecordTableModel(
            [
                Column(self.tr("No."), lambda i: i.number),
                Column(self.tr("Deadline"), lambda i: i.deadline.isoformat() if i.deadline else ""),
                Column(
                    self.tr("Days overdue"),
                    lambda i: str((today() - i.deadline).days) if i.deadline else "",
                    sort=lambda i: (today() - i.deadline).days if i.deadline else 0,
                    align_right=True,
                ),
                Column(self.tr("Level"), lambda i: i.level or ""),
                Column(self.tr("Issue"), lambda i: i.description),
            ]
        )
        self.due_model = RecordTableModel(
            [
                Column(self.tr("Household no."), lambda d: d.household.household_no),
                Column(self.tr("Head"), lambda d: d.household.head_name),
                Column(
                    self.tr("Last visit"),
                    lambda d: d.last_visit.isoformat() if d.last_visit else self.tr("never"),
                ),
                Column(self.tr("Why"), lambda d: "、".join(d.reasons)),
            ]
        )
        self.recent_model = RecordTableModel(
            [
                Column(self.tr("Date"), lambda r: r.date.isoformat()),
                Column(self.tr("What"), lambda r: r.text),
            ]
        )
        self.overdue_view = _table()
        self.overdue_view.setModel(self.overdue_model)
        self.overdue_view.doubleClicked.connect(lambda _i: self.open_rows("overdue"))
        self.due_view = _table()
        self.due_view.setModel(self.due_model)
        self.due_view.doubleClicked.connect(self._open_due)
        self.recent_view = _table()
        self.recent_view.setModel(self.recent_model)
        self.lists = QTabWidget()
        self.lists.addTab(self.overdue_view, self.tr("Overdue issues"))
        self.lists.addTab(self.due_view, self.tr("Households due a visit"))
        self.lists.addTab(self.recent_view, self.tr("Recent activity"))
        self.lists_area.addLayout(charts, 5)
        self.lists_area.addWidget(self.lists, 6)
        self.lists_built = True

    # ---- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Figures in a background task (the window shows first; tiles say … until they
        arrive); the lists and the chart right after showing."""
        day = today()
        self.month = figures.Month.of(day)
        self._show_heading(self.ctx.db.profile.get().village, day)
        if not self.figures_loaded:
            for tile in self.tiles.values():
                tile.set_value(PENDING)
        self._figures_generation += 1
        generation, path = self._figures_generation, self.ctx.db_path
        password = self.ctx.db.password
        prefetch = None if self.figures_loaded else take_prefetched(path, day)
        if prefetch is not None and prefetch.done() and prefetch.result is not None:
            self.show_figures(*prefetch.result)  # computed while the app was starting
        else:
            run_task(
                lambda _control: (
                    (prefetch and prefetch.wait()) or figures_of_file(path, day, password=password)
                ),
                on_success=lambda result: self._figures_arrived(generation, result),
                on_failure=lambda *_: self._figures_arrived(generation, None),
            )
        self.lists_loaded = False
        QTimer.singleShot(LISTS_DELAY_MS, self, self.load_lists)

    def load_figures_now(self) -> None:
        """Compute and show the figures on this thread (tests and the screenshot)."""
        self._figures_generation += 1
        self.show_figures(*dashboard_figures(self.ctx.db, today()))

    def _figures_arrived(self, generation: int, result) -> None:
        if generation != self._figures_generation:
            return  # an older refresh's answer: a newer one is on its way
        if result is None:  # the background connection failed (e.g. locked): compute here
            result = dashboard_figures(self.ctx.db, today())
        self.show_figures(*result)

    def _show_heading(self, village: str, day) -> None:
        self.heading.setText(
            self.tr("%1 — figures for %2 (today %3)")
            .replace("%1", village or self.tr("Village"))
            .replace("%2", self.month.chinese())
            .replace("%3", format_date_cn(day))
        )

    def show_figures(self, month_figures: dict, total_figures: dict) -> None:
        """Fill the tiles from this month's and the cumulative figures."""
        self.month_figures, self.total_figures = month_figures, total_figures
        self.month = figures.Month.parse(month_figures["month"])
        total_households = self.total_figures["households"]
        for scope, fig in (("month", self.month_figures), ("total", self.total_figures)):
            issues = fig["issues"]
            self.tiles[f"{scope}.collected"].set_value(str(issues["collected"]))
            self.tiles[f"{scope}.solved"].set_value(
                str(issues["solved"]),
                self.tr("Explained (cannot be solved now): %1").replace(
                    "%1", str(issues["explained"])
                ),
            )
            self.tiles[f"{scope}.tracking"].set_value(str(issues["tracking"]))
            self.tiles[f"{scope}.overdue"].set_value(str(issues["overdue"]))
            self.tiles[f"{scope}.visited"].set_value(
                f"{fig['households_visited']} / {total_households}",
                self.tr("%1 visits").replace("%1", str(fig["visits"])),
            )
            self.tiles[f"{scope}.cash"].set_value(fig["aid"]["cash_yuan"])
            self.tiles[f"{scope}.goods"].set_value(str(fig["aid"]["goods_records"]))
        self.figures_loaded = True
        mark("figures shown")
        self.lists_loaded = False
        QTimer.singleShot(LISTS_DELAY_MS, self, self.load_lists)

    def load_lists(self) -> None:
        """Query the dashboard lists and the chart in the background, then show them."""
        if self.lists_loaded or self._lists_task is not None:
            return
        self.build_lists_area()
        path, password = self.ctx.db_path, self.ctx.db.password
        day = today()

        def work(_control):
            # no progress reports: the lists load while the user already sees the figures
            return with_own_connection(
                path, None, lambda db, _progress: dashboard_lists(db, day), password=password
            )

        def done(_result=None) -> None:
            self._lists_task = None

        self._lists_task = run_task(
            work, on_success=self.show_lists, on_failure=lambda *_: done(), on_finished=done
        )

    def load_lists_now(self) -> None:
        """The same as load_lists, on this thread (tests and the screenshot)."""
        self.show_lists(dashboard_lists(self.ctx.db, today()))

    def show_lists(self, result) -> None:
        from villagedesk.ui.charts import Series

        self.build_lists_area()
        overdue, due, recent, points, open_checks = result
        self.open_checks.show_count(open_checks)
        self.overdue_model.set_rows(overdue)
        self.due_model.set_rows(due)
        self.recent_model.set_rows(recent)
        months = [f"{p.month.month}月" for p in points]
        self.points = points
        self.visits_chart.set_data(
            months,
            [Series(self.tr("Visits"), "#2e75b6", [p.visits for p in points])],
            self.tr("Visits per month, last 12 months"),
        )
        self.issues_chart.set_data(
            months,
            [
                Series(
                    self.tr("Issues collected"), "#ef6c00", [p.issues_collected for p in points]
                ),
                Series(self.tr("Issues solved"), "#2e7d32", [p.issues_solved for p in points]),
            ],
            self.tr("Issues per month, last 12 months"),
        )
        for view in (self.overdue_view, self.due_view, self.recent_view):
            view.resizeColumnsToContents()
            view.horizontalHeader().setStretchLastSection(True)
        self.lists.setTabText(
            0, self.tr("Overdue issues (%1)").replace("%1", str(self.overdue_model.total()))
        )
        self.lists.setTabText(
            1, self.tr("Households due a visit (%1)").replace("%1", str(self.due_model.total()))
        )
        self.lists_loaded = True

    # ---- clicking a figure ------------------------------------------------------------
    def open_rows(self, key: str, scope: str = "total") -> QWidget | None:
        """Show the page with the rows behind a figure: an issues tile opens exactly the
        issues its number counts (this month's, or cumulative)."""
        page_key, args = TILE_TARGETS[key]
        window = self.window()
        if not hasattr(window, "show_page"):
            return None
        page = window.show_page(page_key)
        if page_key == "issues" and hasattr(page, "apply_filter"):
            if scope == "month":
                args = {**args, "month": str(self.month)}
            page.apply_filter(**args)
        return page

    def _open_due(self, index) -> None:
        from villagedesk.ui.widgets.table_model import RecordRole

        due = self.due_model.data(index, RecordRole)
        if due is not None:
            self.ctx.open_household(due.household.uid)
