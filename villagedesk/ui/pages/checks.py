"""核查任务 (一比一派一查一救): the people of the departments' lists the team must check at home.

待核查 → 已入户核查 (linked to the visit that checked it) → 已纳入救助 (linked to the aid
given) / 不符合条件 (with the reason). One tab per status, with counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.monitoring import CHECK_TRANSITIONS, CheckStatus, CheckTask
from villagedesk.core.validation import ValidationError, format_fen
from villagedesk.storage.errors import StorageError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.checks_dialogs import NotEligibleDialog, PickDialog
from villagedesk.ui.widgets.search_box import debounce, search_edit
from villagedesk.ui.widgets.table_model import Column, RecordRole, RecordTableModel

STATUSES = (CheckStatus.PENDING, CheckStatus.VISITED, CheckStatus.AIDED, CheckStatus.NOT_ELIGIBLE)
UNCERTAIN_COLOR = QColor("#fff4ce")


@dataclass
class CheckRow:
    """One check task with what the table shows about it."""

    task: CheckTask
    list_name: str = ""
    source: str = ""
    name: str = ""
    head: str = ""
    group: str = ""
    detail: str = ""
    visit: str = ""
    aid: str = ""

    @property
    def haystack(self) -> str:
        return f"{self.name} {self.head} {self.group} {self.list_name} {self.source}"


def visit_text(visit) -> str:
    """A visit in one line: date, way, what was found."""
    if visit is None:
        return ""
    found = (visit.situation or visit.needs).replace("\n", " ")
    return f"{visit.date.isoformat()} {visit.way.value} {found[:30]}".strip()


def aid_text(aid) -> str:
    """An aid record in one line: date, money and goods."""
    if aid is None:
        return ""
    parts = [aid.date.isoformat(), aid.kind.value]
    if aid.amount_fen:
        parts.append(format_fen(aid.amount_fen))
    if aid.goods:
        parts.append(aid.goods + (f" {aid.quantity}" if aid.quantity else ""))
    return " ".join(parts)


def load_rows(db) -> list[CheckRow]:
    """Every check task with its list, person, household, visit and aid (through repos)."""
    lists = {lst.uid: lst for lst in db.monitoring_lists.find()}
    groups = db.groups.names()
    entries: dict[str, object] = {}
    for uid in lists:
        entries.update({e.uid: e for e in db.monitoring_lists.entries(uid)})
    households: dict[str, object] = {}
    rows = []
    for task in db.check_tasks.find():
        lst = lists.get(task.list_uid)
        entry = entries.get(task.entry_uid)
        person = db.residents.get(task.resident_uid)
        if task.household_uid not in households:
            households[task.household_uid] = db.households.get(task.household_uid)
        household = households[task.household_uid]
        rows.append(
            CheckRow(
                task=task,
                list_name=lst.name if lst else "",
                source=lst.source if lst else "",
                name=person.name if person else (entry.name if entry else ""),
                head=household.head_name if household else "",
                group=groups.get(household.group_uid, "") if household else "",
                detail=entry.detail if entry else "",
                visit=visit_text(db.visits.get(task.visit_uid)) if task.visit_uid else "",
                aid=aid_text(db.aid.get(task.aid_uid)) if task.aid_uid else "",
            )
        )
    return rows


class ChecksDialog(QDialog):
    """The check tasks of every monitoring list, by status, with the actions that move them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CheckRow] = []
        self.picker: PickDialog | None = None
        self.note_dialog: NotEligibleDialog | None = None
        self.setWindowTitle(self.tr("Monitoring checks"))
        self.resize(1240, 620)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for _status in STATUSES:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(lambda _i: self.show_rows())
        self.search = search_edit(self.tr("Search name, head, group, list…"), min_width=260)
        self._debounce = debounce(self.search, self.show_rows, self)
        self.model: RecordTableModel[CheckRow] = RecordTableModel(
            [
                Column(self.tr("List"), lambda r: r.list_name),
                Column(self.tr("Source"), lambda r: r.source),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Head"), lambda r: r.head),
                Column(self.tr("Village group"), lambda r: r.group),
                Column(self.tr("Why listed"), lambda r: r.detail),
                Column(self.tr("Matched by"), self._match_text),
                Column(self.tr("Status"), lambda r: r.task.status.value),
                Column(self.tr("Checking visit"), lambda r: r.visit),
                Column(self.tr("Aid record"), lambda r: r.aid),
            ]
        )
        self.model.highlight = lambda r: UNCERTAIN_COLOR if r.task.uncertain else None
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.view.doubleClicked.connect(lambda _i: self.open_household())
        self.visited_button = QPushButton(self.tr("Checked at home…"))
        self.visited_button.clicked.connect(lambda: self.mark_visited())
        self.aided_button = QPushButton(self.tr("Aid given…"))
        self.aided_button.clicked.connect(lambda: self.mark_aided())
        self.not_eligible_button = QPushButton(self.tr("Not eligible…"))
        self.not_eligible_button.clicked.connect(lambda: self.mark_not_eligible())
        self.household_button = QPushButton(self.tr("Household file"))
        self.household_button.clicked.connect(self.open_household)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #333;")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.search)
        side = QVBoxLayout()
        for b in (self.visited_button, self.aided_button, self.not_eligible_button):
            b.setMinimumWidth(b.sizeHint().width() + 24)  # never clip the Chinese labels
            side.addWidget(b)
        side.addSpacing(12)
        side.addWidget(self.household_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(side)
        legend = QLabel(
            self.tr("Yellow rows were matched by name only: make sure it is the same person.")
        )
        legend.setStyleSheet("color: #8a6d00;")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(legend, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.detail)
        layout.addLayout(bottom)
        self.refresh()

    # ---- loading -------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Reload every task and the counts on the tabs."""
        self.rows = load_rows(self.ctx.db)
        for i, status in enumerate(STATUSES):
            n = sum(1 for r in self.rows if r.task.status == status)
            self.tabs.setTabText(i, f"{status.value} ({n})")
        self.show_rows(select)

    def status(self) -> CheckStatus:
        """The status whose tab is shown."""
        return STATUSES[max(self.tabs.currentIndex(), 0)]

    def show_tab(self, status: CheckStatus) -> None:
        """Switch to a status tab."""
        self.tabs.setCurrentIndex(STATUSES.index(status))

    def show_rows(self, select: str | None = None) -> None:
        """The tasks of the shown status matching the search text."""
        status = self.status()
        words = self.search.text().split()
        rows = [
            r for r in self.rows if r.task.status == status and all(w in r.haystack for w in words)
        ]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), 220))
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, r in enumerate(rows):
            if r.task.uid == select:
                self.view.selectRow(i)
        self._selected()

    def current(self) -> CheckRow | None:
        """The selected task's row."""
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return None
        return self.model.data(index, RecordRole)

    def select_name(self, name: str) -> CheckRow | None:
        """Select the first shown task of a person (tests, and the dashboard)."""
        for i, r in enumerate(self.model.records()):
            if r.name == name:
                self.view.selectRow(i)
                return r
        return None

    def _selected(self) -> None:
        row = self.current()
        allowed = CHECK_TRANSITIONS[row.task.status] if row else frozenset()
        self.visited_button.setEnabled(CheckStatus.VISITED in allowed)
        self.aided_button.setEnabled(CheckStatus.AIDED in allowed)
        self.not_eligible_button.setEnabled(CheckStatus.NOT_ELIGIBLE in allowed)
        self.household_button.setEnabled(row is not None)
        if row is None:
            self.detail.setText("")
            return
        lines = [f"{row.name}：{row.detail}" if row.detail else row.name]
        if row.task.uncertain:
            lines.append(self.tr("Matched by name only — please confirm it is the same person."))
        if row.task.note:
            lines.append(self.tr("Note: %1").replace("%1", row.task.note))
        lines += row.task.history
        self.detail.setText("\n".join(lines))

    @staticmethod
    def _match_text(row: CheckRow) -> str:
        return "姓名（待确认）" if row.task.uncertain else "身份证号码"

    # ---- actions -------------------------------------------------------------------------
    def _move(self, row: CheckRow, to: CheckStatus, **kw) -> bool:
        try:
            self.ctx.db.check_tasks.move(row.task.uid, to, **kw)
        except (ValidationError, StorageError) as exc:
            QMessageBox.warning(self, self.tr("Cannot change the check"), str(exc))
            return False
        self.ctx.notify("check_task")
        self.refresh(select=row.task.uid)
        return True

    def mark_visited(self) -> PickDialog | None:
        """已入户核查: link one of the household's visits (or record a new one)."""
        row = self.current()
        if row is None:
            return None
        db = self.ctx.db
        picker = PickDialog(
            self.tr("Checked at home"),
            self.tr("Which visit checked %1 (%2's household)?")
            .replace("%1", row.name)
            .replace("%2", row.head),
            self.tr("New visit…"),
            self,
        )

        def fill(select: str | None = None) -> None:
            visits = db.visits.of_household(row.task.household_uid)
            picker.set_items([(v.uid, visit_text(v)) for v in visits], select)

        def new_visit() -> None:
            from villagedesk.ui.pages.visit_form import VisitForm

            form = VisitForm(self.ctx, parent=picker)
            form.picker.set_household(row.task.household_uid)
            form.situation.setPlainText(f"核查{row.list_name}：{row.name}")
            self.visit_form = form
            if form.exec() and form.saved is not None:
                fill(form.saved.uid)

        def accepted() -> None:
            visit = db.visits.get(picker.chosen() or "")
            if visit is not None:
                self._move(row, CheckStatus.VISITED, on=visit.date, visit_uid=visit.uid)

        picker.new_button.clicked.connect(new_visit)
        picker.accepted.connect(accepted)
        fill()
        self.picker = picker
        picker.open()
        return picker

    def mark_aided(self) -> PickDialog | None:
        """已纳入救助: link one of the household's aid records (or record a new one)."""
        row = self.current()
        if row is None:
            return None
        db = self.ctx.db
        picker = PickDialog(
            self.tr("Aid given"),
            self.tr("Which aid record helped %1 (%2's household)?")
            .replace("%1", row.name)
            .replace("%2", row.head),
            self.tr("New aid record…"),
            self,
        )

        def fill(select: str | None = None) -> None:
            records = db.aid.of_household(row.task.household_uid)
            picker.set_items([(a.uid, aid_text(a)) for a in records], select)

        def new_aid() -> None:
            from villagedesk.ui.pages.aid_form import AidForm

            form = AidForm(self.ctx, parent=picker)
            form.picker.set_household(row.task.household_uid)
            self.aid_form = form
            if form.exec() and form.saved is not None:
                self.ctx.notify("aid")
                fill(form.saved.uid)

        def accepted() -> None:
            aid = db.aid.get(picker.chosen() or "")
            if aid is not None:
                on = max(aid.date, row.task.checked_date or aid.date)
                self._move(row, CheckStatus.AIDED, on=min(on, today()), aid_uid=aid.uid)

        picker.new_button.clicked.connect(new_aid)
        picker.accepted.connect(accepted)
        fill()
        self.picker = picker
        picker.open()
        return picker

    def mark_not_eligible(self) -> NotEligibleDialog | None:
        """不符合条件: close the check with the reason."""
        row = self.current()
        if row is None:
            return None
        dialog = NotEligibleDialog(row.name, self)

        def accepted() -> None:
            self._move(
                row, CheckStatus.NOT_ELIGIBLE, on=today(), note=dialog.note.toPlainText().strip()
            )

        dialog.accepted.connect(accepted)
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def open_household(self) -> None:
        """Open the selected person's household file (一户一档)."""
        row = self.current()
        if row is not None:
            self.ctx.open_household(row.task.household_uid)
