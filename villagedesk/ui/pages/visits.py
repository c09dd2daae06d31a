"""走访记录: every visit, filtered while typing, with quick entry of a new one (Ctrl+N)."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import VisitWay
from villagedesk.services.figures import Month
from villagedesk.services.text_match import PinyinIndex
from villagedesk.services.visits_queries import (
    VisitFilter,
    VisitRow,
    find_visit_rows,
    search_visit_rows,
    visit_months,
)
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.issue_form import date_edit, get_date
from villagedesk.ui.pages.visit_form import VisitForm
from villagedesk.ui.widgets.search_box import debounce, search_edit
from villagedesk.ui.widgets.table_model import Column, RecordTableModel
from villagedesk.ui.widgets.tables import (
    current_record,
    fit_columns,
    make_table,
    row_of,
    sorted_like_header,
    user_sorted,
)

#: rows loaded at most (newest first) for the date/way/member filters: a village has a few
#: thousand visits; the search box then filters the loaded rows in memory, and the label says
#: so when the cap cut older ones off
ROW_CAP = 2000
CUSTOM = "custom"
TEXT_COLUMN_WIDTH = 170


def visit_columns(member_names: dict[str, str]) -> list[Column[VisitRow]]:
    """The visit ledger's columns (走访台账); ``member_names`` is read when drawn."""

    def members(r: VisitRow) -> str:
        return "、".join(member_names.get(u, "") for u in r.member_uids if u in member_names)

    return [
        Column(QCoreApplication.translate("VisitsPage", "Date"), lambda r: r.date.isoformat()),
        Column(QCoreApplication.translate("VisitsPage", "Household / group"), lambda r: r.target),
        Column(QCoreApplication.translate("VisitsPage", "Village group"), lambda r: r.group_name),
        Column(QCoreApplication.translate("VisitsPage", "Way"), lambda r: r.way),
        Column(QCoreApplication.translate("VisitsPage", "Visited by"), members),
        Column(QCoreApplication.translate("VisitsPage", "Family situation"), lambda r: r.situation),
        Column(
            QCoreApplication.translate("VisitsPage", "Difficulties and requests"), lambda r: r.needs
        ),
        Column(
            QCoreApplication.translate("VisitsPage", "Handled on the spot"), lambda r: r.handling
        ),
        Column(QCoreApplication.translate("VisitsPage", "Next step"), lambda r: r.next_step),
        Column(
            QCoreApplication.translate("VisitsPage", "Issue raised"),
            lambda r: "、".join(r.issue_numbers),
        ),
    ]


#: the long text columns (fixed width, elided; the full text is in the detail pane)
TEXT_COLUMNS = (5, 6, 7, 8)


class VisitsPage(Page):
    """The visit ledger."""

    watches = ("visit", "household", "group", "team_member", "issue")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = search_edit(self.tr("Search head (name or pinyin) or what was written"))
        self.way = QComboBox()
        self.way.addItem(self.tr("All ways"), None)
        for w in VisitWay:
            self.way.addItem(w.value, w.value)
        self.period = QComboBox()
        self.start = date_edit(today() - timedelta(days=30))
        self.end = date_edit(today())
        self.member = QComboBox()
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New visit"))
        self.new_button.setToolTip("Ctrl+N")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.household_button = QPushButton(self.tr("Household file"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for w in (self.way, self.period, self.start, self.end, self.member, self.count_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for b in (self.household_button, self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        # filled in place by _fill_members; the columns read it when drawn
        self._member_names: dict[str, str] = {}
        self.model: RecordTableModel[VisitRow] = RecordTableModel(
            visit_columns(self._member_names), self
        )
        self.table = make_table(self.model, sorted_by=0)  # the rows come newest first
        self._sized = False
        self.detail = QTextBrowser()
        self.detail.setMinimumWidth(260)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setSizes([880, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.timer = debounce(self.search, self._debounced, self)
        self._dates_changed = False  # a changed date range needs a reload, typing only a search
        self.loaded: list[VisitRow] = []
        self._detail_uid: str | None = None
        self._capped = False
        self._index: PinyinIndex | None = None
        # loaded stays in the header's sort order, so a keystroke filters without sorting
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_loaded)
        for combo in (self.way, self.member):
            combo.currentIndexChanged.connect(self.reload_rows)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.start.dateChanged.connect(self._date_changed)
        self.end.dateChanged.connect(self._date_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_visit())
        self.new_button.clicked.connect(self.new_visit)
        self.edit_button.clicked.connect(self.edit_visit)
        self.delete_button.clicked.connect(self.delete_visit)
        self.household_button.clicked.connect(self.open_household)
        self._fill_members()
        self._fill_periods()
        self._period_changed()

    # ---- filter bar ----------------------------------------------------------------
    def _fill_periods(self) -> None:
        keep = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        self.period.addItem(self.tr("All dates"), None)
        this = Month.of(today())
        months = [str(this), str(this.previous())]
        months += [m for m in visit_months(self.ctx.db) if m not in months]
        for m in months:
            self.period.addItem(Month.parse(m).chinese(), m)
        self.period.addItem(self.tr("Date range…"), CUSTOM)
        i = self.period.findData(keep)
        self.period.setCurrentIndex(max(i, 0))
        self.period.blockSignals(False)

    def _fill_members(self) -> None:
        keep = self.member.currentData()
        self.member.blockSignals(True)
        self.member.clear()
        self.member.addItem(self.tr("All team members"), None)
        self._member_names.clear()
        for m in self.ctx.db.team.find():
            self._member_names[m.uid] = m.name
            self.member.addItem(m.name, m.uid)
        self.member.setCurrentIndex(max(self.member.findData(keep), 0))
        self.member.blockSignals(False)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == CUSTOM
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        self.reload_rows()

    def current_filter(self) -> VisitFilter:
        """What the filter bar asks for."""
        period = self.period.currentData()
        start = end = None
        if period == CUSTOM:
            start, end = get_date(self.start), get_date(self.end)
        elif period:
            month = Month.parse(period)
            start, end = month.first, month.last
        return VisitFilter(
            text="",  # the search box filters the loaded rows (apply_search)
            way=self.way.currentData(),
            start=start,
            end=end,
            member_uid=self.member.currentData(),
        )

    # ---- data ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the filter choices (team, months), the heads' pinyin and the visits."""
        self._fill_members()
        self._fill_periods()
        self._index = None
        self._detail_uid = None  # the selected visit may have changed
        self.reload_rows()

    def _date_changed(self) -> None:
        self._dates_changed = True
        self.timer.start()

    def _debounced(self) -> None:
        if self._dates_changed:
            self.reload_rows()
        else:
            self.apply_search()

    def reload_rows(self) -> None:
        """Reload the visits matching the date, way and member filters, then search them."""
        self._dates_changed = False
        self.timer.stop()
        rows = find_visit_rows(self.ctx.db, self.current_filter(), limit=ROW_CAP + 1)
        self._capped = len(rows) > ROW_CAP
        self.loaded = rows[:ROW_CAP]
        if user_sorted(self.table, 0):
            self._sort_loaded()  # keep the order the user clicked for
        self.apply_search()
        if not self._sized and self.model.total():
            # size the columns once, from the first rows; later loads keep the user's widths
            self._sized = True
            fit_columns(self.table, TEXT_COLUMNS, TEXT_COLUMN_WIDTH)

    def _sort_loaded(self, *_args) -> None:
        self.loaded = sorted_like_header(self.table, self.model, self.loaded)

    def apply_search(self) -> None:
        """Filter the loaded visits by the search box (the debounce timer calls this)."""
        self.timer.stop()
        keep = self.selected_uid()
        text = self.search.text()
        if self._index is None and text.strip():
            self._index = PinyinIndex.load(self.ctx.db)
        rows = search_visit_rows(self.loaded, text, self._index)
        self.model.set_rows(rows)
        searching = len(rows) != len(self.loaded) or bool(text.strip())
        if self._capped and searching:
            label = self.tr("%1 of the latest %2 visits match; pick a month to search older ones")
            label = label.replace("%1", str(len(rows))).replace("%2", str(len(self.loaded)))
        elif self._capped:
            label = self.tr("Latest %1 shown; narrow the filter to see older ones")
            label = label.replace("%1", str(len(self.loaded)))
        elif searching:
            label = self.tr("%1 of %2 visits")
            label = label.replace("%1", str(len(rows))).replace("%2", str(len(self.loaded)))
        else:
            label = self.tr("%1 visits").replace("%1", str(len(self.loaded)))
        self.count_label.setText(label)
        self.select_visit(keep)

    def selected_uid(self) -> str | None:
        """The visit selected in the table."""
        row = current_record(self.table, self.model)
        return row.uid if row is not None else None

    def select_visit(self, uid: str | None) -> None:
        """Select a visit's row if it is shown."""
        row = row_of(self.model, uid)
        if row is not None:
            self.table.selectRow(row)
        elif self.model.rowCount():
            self.table.selectRow(0)  # something to read in the detail pane
        else:
            self._show_detail(None)

    def _row_changed(self, current, _previous) -> None:
        self._show_detail(self.model.record(current.row()) if current.isValid() else None)

    def _show_detail(self, row: VisitRow | None) -> None:
        if row is not None and row.uid == self._detail_uid:
            return  # already shown: a keystroke that kept the selected visit
        self._detail_uid = row.uid if row is not None else None
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.household_button.setEnabled(row is not None and row.household_uid is not None)
        if row is None:
            hint = escape(self.tr("Select a visit to read it in full"))
            self.detail.setHtml(f"<p style='color:#777'>{hint}</p>")
            return
        photos = len(self.ctx.db.attachments.of_owner(row.uid))
        names = self._member_names
        parts = [
            f"<h3 style='color:#1f4e79'>{escape(row.date.isoformat())}　{escape(row.way)}　"
            f"{escape(row.target)}</h3>",
            f"<p>{escape(row.household_no)} {escape(row.group_name)}</p>",
        ]
        fields = [
            (self.tr("Visited by"), "、".join(names.get(u, "") for u in row.member_uids if u in names)),
            (self.tr("Family situation"), row.situation),
            (self.tr("Difficulties and requests"), row.needs),
            (self.tr("Handled on the spot"), row.handling),
            (self.tr("Next step"), row.next_step),
            (self.tr("Issue raised"), "、".join(row.issue_numbers)),
            (self.tr("Photos"), str(photos) if photos else ""),
        ]  # fmt: skip
        for label, text in fields:
            if text:
                parts.append(f"<p><b>{escape(label)}</b><br>{escape(text)}</p>")
        self.detail.setHtml("".join(parts))

    # ---- actions -------------------------------------------------------------------
    def new_visit(self):
        """Open the quick entry form; returns the saved visit (or None)."""
        form = VisitForm(self.ctx, parent=self)
        if form.exec() and form.saved is not None:
            self.refresh()
            self.select_visit(form.saved.uid)
            return form.saved
        return None

    def edit_visit(self) -> None:
        """Edit the selected visit."""
        uid = self.selected_uid()
        visit = self.ctx.db.visits.get(uid) if uid else None
        if visit is None:
            return
        form = VisitForm(self.ctx, visit, parent=self)
        if form.exec():
            self.refresh()

    def open_household(self) -> None:
        """Open the household file of the selected visit's household."""
        row = current_record(self.table, self.model)
        if row is not None and row.household_uid:
            self.ctx.open_household(row.household_uid)

    def delete_visit(self) -> None:
        """Move the selected visit to the recycle bin after asking."""
        uid = self.selected_uid()
        if uid is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete visit"), self.tr("Move this visit to the recycle bin?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.visits.delete(uid)
        self.ctx.notify("visit")
        self.refresh()
