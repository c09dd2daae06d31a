"""Quick entry of a visit (走访记录): household by pinyin, way, team, what was found, and
optionally the issue raised from it and photos, all saved in one transaction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.enums import IssueSource, VisitWay
from villagedesk.core.records import Issue, Visit
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.issue_form import (
    IssueFields,
    date_edit,
    get_date,
    select_data,
    set_date,
    text_box,
)
from villagedesk.ui.widgets.form_dialog import FormDialog
from villagedesk.ui.widgets.household_picker import HouseholdPicker

#: database path -> the team members ticked on the last visit saved there this session
#: (pre-fills the next visit: the same people usually walk together)
_last_members: dict[str, list[str]] = {}


#: the pressed way must be obvious at a glance
WAY_STYLE = (
    "QPushButton { padding: 4px 16px; }"
    "QPushButton:checked { background: #2e75b6; color: white; border: 1px solid #1f4e79;"
    " border-radius: 3px; }"
)


class VisitForm(FormDialog):
    """New or edited visit. ``saved`` is the Visit; ``raised`` the Issue created with it."""

    def __init__(self, ctx: AppContext, visit: Visit | None = None, parent=None) -> None:
        title = self.tr("New visit") if visit is None else self.tr("Edit visit")
        super().__init__(ctx, title, parent)
        self.visit = visit
        self.raised: Issue | None = None
        self._can_raise = True
        self.photos: list[tuple[str, bytes]] = []
        self._build_left()
        self._build_right()
        # the form sits beside the issue group: a wide, short dialog fits a 1366×768 screen
        outer = self.layout()
        outer.removeItem(self.form)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 3)
        columns.addLayout(self.right, 2)
        outer.insertLayout(1, columns)
        self.setMinimumWidth(960)
        if visit is not None:
            self._load(visit)
        self._set_tab_order()

    # ---- layout --------------------------------------------------------------------
    def _build_left(self) -> None:
        ctx = self.ctx
        self.picker = HouseholdPicker(ctx)
        self.group = QComboBox()
        self.group.addItem(self.tr("(by household)"), None)
        for uid, name in sorted(ctx.db.groups.names().items(), key=lambda kv: kv[1]):
            self.group.addItem(name, uid)
        self.way_buttons = QButtonGroup(self)
        way_row = QWidget()
        wl = QHBoxLayout(way_row)
        wl.setContentsMargins(0, 0, 0, 0)
        for way in VisitWay:
            b = QPushButton(way.value)
            b.setCheckable(True)
            b.setStyleSheet(WAY_STYLE)
            b.setProperty("way", way.value)
            self.way_buttons.addButton(b)
            wl.addWidget(b)
        self.way_buttons.buttons()[0].setChecked(True)
        wl.addStretch(1)
        self.date = date_edit(today())
        self.member_boxes: list[QCheckBox] = []
        members_row = QWidget()
        ml = QHBoxLayout(members_row)
        ml.setContentsMargins(0, 0, 0, 0)
        team = ctx.db.team.work_team()
        remembered = set(_last_members.get(str(ctx.db_path), ()))
        if not remembered & {m.uid for m in team}:
            remembered = {m.uid for m in team}
        for m in team:
            box = QCheckBox(m.name)
            box.setProperty("uid", m.uid)
            box.setChecked(m.uid in remembered)
            self.member_boxes.append(box)
            ml.addWidget(box)
        if not team:
            ml.addWidget(QLabel(self.tr("No team members yet (add them on the team page)")))
        ml.addStretch(1)
        self.situation = text_box()
        self.needs = text_box()
        self.handling = text_box()
        self.next_step = text_box(40)
        self.add_row("household_uid", self.tr("Household"), self.picker)
        self.add_row("group_uid", self.tr("Or village group"), self.group)
        self.add_row("way", self.tr("Way"), way_row)
        self.add_row("date", self.tr("Date"), self.date)
        self.add_row("member_uids", self.tr("Visited by"), members_row)
        self.add_row("situation", self.tr("Family situation / findings"), self.situation)
        self.add_row("needs", self.tr("Difficulties and requests"), self.needs)
        self.add_row("handling", self.tr("Handled or explained on the spot"), self.handling)
        self.add_row("next_step", self.tr("Next step"), self.next_step)
        self.picker.changed.connect(self._household_changed)
        self.needs.textChanged.connect(self._needs_changed)

    def _build_right(self) -> None:
        self.right = QVBoxLayout()
        self.issue_box = QGroupBox(self.tr("Raise an issue from this visit"))
        self.issue_box.setCheckable(True)
        self.issue_box.setChecked(False)
        self.f = IssueFields(self.ctx, self)
        form = QFormLayout(self.issue_box)
        form.addRow(self.tr("Category"), self.f.category)
        form.addRow(self.tr("Request"), self.f.description)
        form.addRow(self.tr("Reported by"), self.f.reporter)
        form.addRow(self.tr("Handled at"), self.f.level)
        form.addRow(self.tr("Handling mode"), self.f.mode)
        form.addRow(self.tr("Deadline"), self.f.deadline_row)
        form.addRow(self.tr("Responsible"), self.f.owner)
        self.fields["description"] = self.f.description
        self.fields["deadline"] = self.f.deadline_row
        self.existing_issue = QLabel()
        self.existing_issue.hide()
        self.photo_button = QPushButton(self.tr("Attach photos…"))
        self.photo_button.clicked.connect(self.choose_photos)
        self.photo_label = QLabel(self.tr("No photos"))
        self.photo_label.setWordWrap(True)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        self.right.addWidget(self.issue_box)
        self.right.addWidget(self.existing_issue)
        self.right.addLayout(photo_row)
        self.right.addStretch(1)
        self._description_touched = False
        self.f.description.textChanged.connect(self._description_edited)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.picker.edit, self.group, *self.way_buttons.buttons(),
                                self.date, *self.member_boxes, self.situation, self.needs,
                                self.handling, self.next_step, self.issue_box, self.f.category,
                                self.f.description, self.f.reporter, self.f.level, self.f.mode,
                                self.f.deadline_on, self.f.deadline, self.f.owner,
                                self.photo_button]  # fmt: skip
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.picker.edit.setFocus()

    # ---- behaviour -----------------------------------------------------------------
    def _household_changed(self, uid: str) -> None:
        household = self.picker.household()
        if household is not None:
            self.f.reporter.setText(household.head_name)
            if household.group_uid:
                select_data(self.group, household.group_uid)

    def _needs_changed(self) -> None:
        # the issue's request follows the needs until the user writes it differently
        if not self._description_touched:
            self.f.description.blockSignals(True)
            self.f.description.setPlainText(self.needs.toPlainText())
            self.f.description.blockSignals(False)

    def _description_edited(self) -> None:
        self._description_touched = True

    def way(self) -> VisitWay:
        """The way picked with the toggle buttons."""
        checked = self.way_buttons.checkedButton()
        return VisitWay(checked.property("way")) if checked else VisitWay.HOME

    def set_way(self, way: VisitWay) -> None:
        """Press the toggle button of a way."""
        for b in self.way_buttons.buttons():
            b.setChecked(b.property("way") == way.value)

    def member_uids(self) -> list[str]:
        """The team members ticked."""
        return [b.property("uid") for b in self.member_boxes if b.isChecked()]

    def choose_photos(self) -> None:
        """Ask for image files and keep them to store with the visit."""
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.bmp)")
        )
        bad = []
        for path in files:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError:
                bad.append(path)
                continue
            if QImage.fromData(data).isNull():
                bad.append(path)
                continue
            self.photos.append((path.replace("\\", "/").rsplit("/", 1)[-1], data))
        if bad:
            self.show_error("以下文件不是可识别的图片，未添加：" + "、".join(bad))
        self._show_photos()

    def _show_photos(self) -> None:
        names = [name for name, _ in self.photos]
        self.photo_label.setText("、".join(names) if names else self.tr("No photos"))

    def _load(self, v: Visit) -> None:
        self.picker.set_household(v.household_uid)
        select_data(self.group, v.group_uid)
        self.set_way(v.way)
        set_date(self.date, v.date)
        for b in self.member_boxes:
            b.setChecked(b.property("uid") in v.member_uids)
        self.situation.setPlainText(v.situation)
        self.needs.setPlainText(v.needs)
        self.handling.setPlainText(v.handling)
        self.next_step.setPlainText(v.next_step)
        numbers = [i.number for i in self.ctx.db.issues.find("visit_uid = ?", [v.uid])]
        if numbers:
            self._can_raise = False
            self.issue_box.hide()
            self.existing_issue.setText(
                self.tr("Issue raised from this visit: %1").replace("%1", "、".join(numbers))
            )
            self.existing_issue.show()
        kept = len(self.ctx.db.attachments.of_owner(v.uid))
        if kept:
            self.photo_label.setText(self.tr("%1 photo(s) kept").replace("%1", str(kept)))

    # ---- saving --------------------------------------------------------------------
    def _check(self) -> tuple[str | None, str | None, date]:
        household_uid = self.picker.household_uid()
        group_uid = self.group.currentData()
        if self.picker.edit.text().strip() and household_uid is None:
            raise ValidationError(
                "请从下拉列表中选择农户（输入拼音首字母或姓名后选择）", "household_uid"
            )
        if not household_uid and not group_uid:
            raise ValidationError("请选择走访的农户或村民小组", "household_uid")
        on = get_date(self.date)
        if on > today():
            raise ValidationError("走访日期不能晚于今天", "date")
        if not (self.situation.toPlainText().strip() or self.needs.toPlainText().strip()):
            raise ValidationError("请填写了解到的情况或困难诉求", "situation")
        return household_uid, group_uid, on

    def save(self) -> Visit:
        """Save the visit, its issue and its photos together, or nothing."""
        household_uid, group_uid, on = self._check()
        visit = self.ctx.db.visits.require(self.visit.uid) if self.visit else Visit(date=on)
        visit.date, visit.way = on, self.way()
        visit.household_uid, visit.group_uid = household_uid, group_uid
        visit.member_uids = self.member_uids()
        visit.situation = self.situation.toPlainText().strip()
        visit.needs = self.needs.toPlainText().strip()
        visit.handling = self.handling.toPlainText().strip()
        visit.next_step = self.next_step.toPlainText().strip()
        issue = None
        if self._can_raise and self.issue_box.isChecked():
            names = {b.property("uid"): b.text() for b in self.member_boxes}
            ticked = [names[u] for u in visit.member_uids if u in names]
            issue = self.f.build(
                number=self.ctx.db.issues.next_number(on.year),
                collected=on,
                source=IssueSource.VISIT,
                household_uid=household_uid,
                group_uid=group_uid,
                visit_uid=visit.uid,
                actor=ticked[0] if ticked else self.ctx.db.actor,
            )
        db = self.ctx.db
        with db.transaction():
            if self.visit is None:
                db.visits.add(visit)
            else:
                db.visits.update(visit)
            if issue is not None:
                db.issues.add(issue)
            for name, data in self.photos:
                db.attachments.add_photo("visit", visit.uid, data, filename=name)
        _last_members[str(self.ctx.db_path)] = list(visit.member_uids)
        self.raised = issue
        self.ctx.notify("visit")
        if issue is not None:
            self.ctx.notify("issue")
        return visit
