"""农户与村民: households with search-as-you-type, tag and group filters, and their members."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import HouseholdTag
from villagedesk.core.records import Resident
from villagedesk.core.validation import ValidationError, age_on, mask_id_number
from villagedesk.services.households_queries import (
    HouseholdRow,
    filter_rows,
    household_rows,
    load_pinyin_index,
    search_rows,
)
from villagedesk.ui.pages.base import Page
from villagedesk.ui.widgets.search_box import debounce, search_edit
from villagedesk.ui.widgets.table_model import Column, RecordRole, RecordTableModel
from villagedesk.ui.widgets.tables import table_over_details
from villagedesk.ui.widgets.tiles import chips_html


def household_columns() -> list[Column[HouseholdRow]]:
    """The households table's columns (also used by tests and the benchmark)."""
    return [
        Column(
            QCoreApplication.translate("HouseholdsPage", "Household no."),
            lambda r: r.household.household_no,
        ),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Head"), lambda r: r.household.head_name
        ),
        Column(QCoreApplication.translate("HouseholdsPage", "Group"), lambda r: r.group_name),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Members"),
            lambda r: str(r.members),
            sort=lambda r: r.members,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Type"),
            lambda r: "、".join(r.household.tags),
        ),
        Column(QCoreApplication.translate("HouseholdsPage", "Phone"), lambda r: r.household.phone),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Last visit"),
            lambda r: r.last_visit.isoformat() if r.last_visit else "",
            sort=lambda r: r.last_visit.isoformat() if r.last_visit else "",
        ),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Address"), lambda r: r.household.address
        ),
    ]


def resident_age(r: Resident) -> str:
    if r.birth_date is None:
        return ""
    try:
        return str(age_on(r.birth_date, today()))
    except ValidationError:
        return ""


def member_columns() -> list[Column[Resident]]:
    """The members table's columns."""
    return [
        Column(QCoreApplication.translate("HouseholdsPage", "Name"), lambda r: r.name),
        Column(QCoreApplication.translate("HouseholdsPage", "Relation"), lambda r: r.relation),
        Column(QCoreApplication.translate("HouseholdsPage", "Gender"), lambda r: r.gender or ""),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Age"),
            resident_age,
            sort=lambda r: int(resident_age(r) or -1),
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("HouseholdsPage", "ID number"),
            lambda r: mask_id_number(r.id_number),
        ),
        Column(QCoreApplication.translate("HouseholdsPage", "Phone"), lambda r: r.phone),
        Column(QCoreApplication.translate("HouseholdsPage", "Health"), lambda r: r.health),
        Column(
            QCoreApplication.translate("HouseholdsPage", "Needs attention"),
            lambda r: "、".join(r.tags),
        ),
    ]


def _view() -> QTableView:
    view = QTableView()
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().setDefaultSectionSize(26)
    view.verticalHeader().hide()  # row numbers say nothing here, and cost on every reload
    view.horizontalHeader().setStretchLastSection(True)
    return view


class HouseholdsPage(Page):
    """Households on top, the selected household's members below."""

    watches = ("household", "resident", "visit", "group", "*")

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.all_rows: list[HouseholdRow] = []
        self._text_rows: list[HouseholdRow] = []  # all_rows matching the search box
        self._index = None  # pinyin keys of heads and members, loaded with the rows
        self._members_sized = False
        self._members_of: str | None = None
        self.search = search_edit(
            self.tr("Name, pinyin initials (zs), ID digits, phone, no."), min_width=220
        )
        self._timer = debounce(self.search, self.apply_search, self)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(self.tr("All types"), None)
        for tag in HouseholdTag:
            self.tag_filter.addItem(tag.value, tag.value)
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.group_filter = QComboBox()
        self.group_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.count_label = QLabel()
        self.new_button = QPushButton(self.tr("New household"))
        self.new_button.clicked.connect(self.new_household)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_household)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_household)
        self.file_button = QPushButton(self.tr("Household file"))
        self.file_button.clicked.connect(self.open_file)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.group_filter)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for b in (self.new_button, self.edit_button, self.delete_button, self.file_button):
            bar.addWidget(b)

        self.model = RecordTableModel(household_columns())
        self.view = _view()
        self.view.setModel(self.model)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # all_rows stay in the shown order, so a keystroke filters without sorting again
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_all_rows)
        self.view.doubleClicked.connect(lambda _i: self.open_file())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_members())

        self.member_title = QLabel()
        self.member_title.setStyleSheet("font-weight: bold; color: #1f4e79;")
        self.members = RecordTableModel(member_columns())
        self.member_view = _view()
        self.member_view.setModel(self.members)
        self.member_view.doubleClicked.connect(lambda _i: self.edit_member())
        self.add_member_button = QPushButton(self.tr("Add member"))
        self.add_member_button.clicked.connect(self.add_member)
        self.edit_member_button = QPushButton(self.tr("Edit member"))
        self.edit_member_button.clicked.connect(self.edit_member)
        self.delete_member_button = QPushButton(self.tr("Delete member"))
        self.delete_member_button.clicked.connect(self.delete_member)
        head = QHBoxLayout()
        head.addWidget(self.member_title)
        head.addStretch(1)
        for b in (self.add_member_button, self.edit_member_button, self.delete_member_button):
            head.addWidget(b)
        table_over_details(self, bar, self.view, [head, self.member_view])

    # ---- loading and filtering ----------------------------------------------------------
    def refresh(self) -> None:
        """Reload households (keeping the filters and the selected household)."""
        keep = self.current_household_uid()
        self._reload_groups()
        self.all_rows = household_rows(self.ctx.db)
        self._index = load_pinyin_index(self.ctx.db)
        self._sort_all_rows()
        self._members_of = None
        self._text_rows = search_rows(self.all_rows, self.search.text(), self._index)
        self.apply_filters(select_uid=keep)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)

    def _sort_all_rows(self, *_args) -> None:
        header = self.view.horizontalHeader()
        section = header.sortIndicatorSection()
        if not (0 <= section < self.model.columnCount()) or not self.all_rows:
            return
        scratch = RecordTableModel(self.model.columns)
        scratch.set_rows(self.all_rows)
        scratch.sort(section, header.sortIndicatorOrder())
        self.all_rows = scratch.records()
        self._text_rows = search_rows(self.all_rows, self.search.text(), self._index)

    def _reload_groups(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("All groups"), None)
        for g in self.ctx.db.groups.find(order_by="name"):
            self.group_filter.addItem(g.name, g.uid)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        self.group_filter.blockSignals(False)

    def apply_search(self) -> None:
        """Run the text search now (the debounce timer calls this)."""
        self._timer.stop()
        self._text_rows = search_rows(self.all_rows, self.search.text(), self._index)
        self.apply_filters()

    def apply_filters(self, select_uid: str | None = None) -> None:
        rows = filter_rows(
            self._text_rows,
            tag=self.tag_filter.currentData(),
            group_uid=self.group_filter.currentData(),
        )
        self.model.set_rows(rows)  # all_rows are kept in the header's sort order
        self.count_label.setText(
            self.tr("%1 of %2 households")
            .replace("%1", str(len(rows)))
            .replace("%2", str(len(self.all_rows)))
        )
        if select_uid:
            self.select_household(select_uid)
        if self.view.currentIndex().row() < 0 and rows:
            self.view.selectRow(0)
        self.show_members()

    def select_household(self, uid: str) -> bool:
        for row, rec in enumerate(self.model.records()):
            if rec.uid == uid:
                while self.model.rowCount() <= row and self.model.canFetchMore():
                    self.model.fetchMore()
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def current_row(self) -> HouseholdRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, RecordRole) if index.isValid() else None

    def current_household_uid(self) -> str | None:
        row = self.current_row()
        return row.uid if row else None

    def show_members(self) -> None:
        row = self.current_row()
        if row is None:
            self._members_of = None
            self.member_title.setText(self.tr("No household selected"))
            self.members.set_rows([])
            return
        if row.uid == self._members_of:
            return  # already shown (a keystroke that kept the same household on top)
        self._members_of = row.uid
        h = row.household
        tags = [*h.tags, *([h.monitoring_type] if h.monitoring_type else []), *h.risk_causes]
        title = self.tr("Members of %1 (no. %2)").replace("%1", h.head_name)
        self.member_title.setText(
            title.replace("%2", h.household_no) + "&nbsp;&nbsp;" + chips_html(tags)
        )
        self.members.set_rows(self.ctx.db.residents.of_household(h.uid))
        if not self._members_sized and self.members.total():
            # sized once: resizing on every keystroke costs more than the search itself
            self._members_sized = True
            self.member_view.resizeColumnsToContents()
            self.member_view.horizontalHeader().setStretchLastSection(True)

    # ---- actions -------------------------------------------------------------------------
    def new_household(self) -> None:
        from villagedesk.ui.pages.household_form import HouseholdForm

        form = HouseholdForm(self.ctx, parent=self)
        if form.exec() and form.saved is not None:
            self.refresh()
            self.select_household(form.saved.uid)

    def edit_household(self) -> None:
        from villagedesk.ui.pages.household_form import HouseholdForm

        row = self.current_row()
        if row is None:
            return
        household = self.ctx.db.households.get(row.uid)
        if household is None:
            return
        form = HouseholdForm(self.ctx, household, parent=self)
        if form.exec():
            self.refresh()

    def delete_household(self) -> None:
        row = self.current_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete household"),
            self.tr("Move household %1 (%2) to the recycle bin? It can be restored there.")
            .replace("%1", row.household.head_name)
            .replace("%2", row.household.household_no),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.households.delete(row.uid)
        self.ctx.notify("household")
        self.refresh()

    def open_file(self) -> None:
        uid = self.current_household_uid()
        if uid:
            self.ctx.open_household(uid)

    def current_member(self) -> Resident | None:
        index = self.member_view.currentIndex()
        return self.members.data(index, RecordRole) if index.isValid() else None

    def add_member(self) -> None:
        from villagedesk.ui.pages.resident_form import ResidentForm

        uid = self.current_household_uid()
        if uid is None:
            return
        form = ResidentForm(self.ctx, uid, parent=self)
        if form.exec():
            self.refresh()

    def edit_member(self) -> None:
        from villagedesk.ui.pages.resident_form import ResidentForm

        member = self.current_member()
        if member is None:
            return
        form = ResidentForm(self.ctx, member.household_uid, member, parent=self)
        if form.exec():
            self.refresh()

    def delete_member(self) -> None:
        member = self.current_member()
        if member is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete member"),
            self.tr("Move %1 to the recycle bin? It can be restored there.").replace(
                "%1", member.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.db.residents.delete(member.uid)
        self.ctx.notify("resident")
        self.refresh()


__all__ = ["HouseholdsPage", "household_columns", "member_columns"]
