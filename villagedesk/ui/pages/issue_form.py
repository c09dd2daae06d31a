"""Registering an issue (登记): the form of the 问题台账 page, and the issue fields it shares
with the visit form's "raise an issue from this visit" group.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from villagedesk.core import workflow
from villagedesk.core.clock import today
from villagedesk.core.enums import HandlingMode, IssueCategory, IssueLevel, IssueSource
from villagedesk.core.records import Issue
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.widgets.form_dialog import FormDialog
from villagedesk.ui.widgets.household_picker import HouseholdPicker

DEFAULT_DEADLINE_DAYS = 15


# ---- small shared helpers ------------------------------------------------------------
def date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar popup showing yyyy-MM-dd."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    set_date(edit, value or today())
    return edit


def set_date(edit: QDateEdit, value: date) -> None:
    """Show a Python date in a QDateEdit."""
    edit.setDate(QDate(value.year, value.month, value.day))


def get_date(edit: QDateEdit) -> date:
    """The Python date a QDateEdit holds."""
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def text_box(height: int = 52) -> QPlainTextEdit:
    """A short multi-line text box where Tab moves on instead of typing a tab."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def enum_combo(values, *, empty: str | None = None) -> QComboBox:
    """A combo of enum values (shown as stored, in Chinese); ``empty`` adds a None first."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for v in values:
        combo.addItem(v.value, v)
    return combo


def select_data(combo: QComboBox, value) -> None:
    """Select the item whose data is ``value`` (first item if none)."""
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


def default_actor(ctx: AppContext) -> str:
    """Who a step is recorded as done by: the first secretary (or the computer's user)."""
    team = ctx.db.team.work_team()
    return team[0].name if team else ctx.db.actor


def owner_combo(ctx: AppContext) -> QComboBox:
    """An editable list of the team's names, for 责任人 and 办理人."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem("")
    for m in ctx.db.team.find():
        combo.addItem(m.name)
    return combo


class IssueFields(QObject):
    """Category, description, reporter and the optional first hand-over of a new issue."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.category = enum_combo(IssueCategory)
        self.description = text_box(60)
        self.reporter = QLineEdit()
        self.level = enum_combo(IssueLevel, empty=self.tr("Not yet (only register)"))
        self.mode = enum_combo(HandlingMode)
        self.deadline_on = QCheckBox(self.tr("Set"))
        self.deadline = date_edit(today() + timedelta(days=DEFAULT_DEADLINE_DAYS))
        self.deadline.setEnabled(False)
        self.deadline_row = QWidget()
        row = QHBoxLayout(self.deadline_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.deadline_on)
        row.addWidget(self.deadline, 1)
        self.owner = owner_combo(ctx)
        self.deadline_on.toggled.connect(self.deadline.setEnabled)
        self.level.currentIndexChanged.connect(self._level_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._level_changed()

    def _level_changed(self) -> None:
        on = self.level.currentData() is not None
        for w in (self.mode, self.deadline_row, self.owner):
            w.setEnabled(on)

    def _mode_changed(self) -> None:
        # 限期办 and 分期办 need a deadline: tick it for the user
        if self.mode.currentData() != HandlingMode.AT_ONCE:
            self.deadline_on.setChecked(True)

    def build(
        self,
        *,
        number: str,
        collected: date,
        source: IssueSource,
        household_uid: str | None,
        group_uid: str | None,
        visit_uid: str | None = None,
        actor: str,
    ) -> Issue:
        """A registered (and, with a level chosen, handed over) issue; raises on bad input."""
        description = self.description.toPlainText().strip()
        if not description:
            raise ValidationError("请填写诉求事项", "description")
        level: IssueLevel | None = self.level.currentData()
        deadline = get_date(self.deadline) if level and self.deadline_on.isChecked() else None
        if deadline is not None and deadline < collected:
            raise ValidationError(f"办理时限 {deadline} 不能早于登记日期 {collected}", "deadline")
        issue = Issue(
            number=number,
            collected_date=collected,
            description=description,
            source=source,
            reporter=self.reporter.text().strip(),
            household_uid=household_uid,
            group_uid=group_uid,
            visit_uid=visit_uid,
            category=self.category.currentData(),
        )
        workflow.register(issue, actor=actor)
        if level is not None:
            try:
                workflow.assign(
                    issue,
                    on=collected,
                    actor=actor,
                    level=level,
                    mode=self.mode.currentData(),
                    deadline=deadline,
                    owner=self.owner.currentText().strip(),
                )
            except workflow.WorkflowError as exc:
                raise ValidationError(str(exc), "deadline") from exc
        return issue


class IssueForm(FormDialog):
    """Register a new issue, or correct the registered facts of an existing one."""

    def __init__(self, ctx: AppContext, issue: Issue | None = None, parent=None) -> None:
        title = self.tr("New issue") if issue is None else self.tr("Edit issue")
        super().__init__(ctx, title, parent)
        self.issue = issue
        self.f = IssueFields(ctx, self)
        self.number = QLineEdit(issue.number if issue else ctx.db.issues.next_number(today().year))
        self.collected = date_edit(issue.collected_date if issue else today())
        self.source = enum_combo(IssueSource)
        select_data(self.source, issue.source if issue else IssueSource.WALK_IN)
        self.picker = HouseholdPicker(ctx)
        self.group = QComboBox()
        self.group.addItem(self.tr("(none)"), None)
        for uid, name in sorted(ctx.db.groups.names().items(), key=lambda kv: kv[1]):
            self.group.addItem(name, uid)
        self.add_row("household_uid", self.tr("Household"), self.picker)
        self.add_row("group_uid", self.tr("Village group"), self.group)
        self.add_row("reporter", self.tr("Reported by"), self.f.reporter)
        self.add_row("source", self.tr("Source"), self.source)
        self.add_row("collected_date", self.tr("Registered on"), self.collected)
        self.add_row("number", self.tr("Number"), self.number)
        self.add_row("category", self.tr("Category"), self.f.category)
        self.add_row("description", self.tr("Request"), self.f.description)
        if issue is None:
            self.add_row("level", self.tr("Handled at"), self.f.level)
            self.add_row("handling_mode", self.tr("Handling mode"), self.f.mode)
            self.add_row("deadline", self.tr("Deadline"), self.f.deadline_row)
            self.add_row("owner", self.tr("Responsible"), self.f.owner)
        else:
            # the registration date is the first event of the timeline: a fact, not edited
            self.collected.setEnabled(False)
            self.picker.set_household(issue.household_uid)
            select_data(self.group, issue.group_uid)
            self.f.reporter.setText(issue.reporter)
            select_data(self.f.category, issue.category)
            self.f.description.setPlainText(issue.description)
        self.picker.changed.connect(self._household_changed)
        self.setMinimumWidth(560)

    def _household_changed(self, uid: str) -> None:
        household = self.picker.household()
        if household is None:
            return
        if household.group_uid:
            select_data(self.group, household.group_uid)
        if not self.f.reporter.text().strip():
            self.f.reporter.setText(household.head_name)

    def save(self) -> Issue:
        """Register the issue (one transaction), or save the corrected facts."""
        household_uid = self.picker.household_uid()
        group_uid = self.group.currentData()
        if self.picker.edit.text().strip() and household_uid is None:
            raise ValidationError(
                "请从下拉列表中选择农户（输入拼音首字母或姓名后选择）", "household_uid"
            )
        collected = get_date(self.collected)
        if collected > today():
            raise ValidationError("登记日期不能晚于今天", "collected_date")
        if not household_uid and not group_uid and not self.f.reporter.text().strip():
            raise ValidationError("请选择农户或村民小组，或填写反映人", "household_uid")
        if self.issue is not None:
            issue = self.ctx.db.issues.require(self.issue.uid)
            description = self.f.description.toPlainText().strip()
            if not description:
                raise ValidationError("请填写诉求事项", "description")
            issue.number = self.number.text()
            issue.source = self.source.currentData()
            issue.household_uid, issue.group_uid = household_uid, group_uid
            issue.reporter = self.f.reporter.text().strip()
            issue.category = self.f.category.currentData()
            issue.description = description
            with self.ctx.db.transaction():
                self.ctx.db.issues.update(issue)
        else:
            issue = self.f.build(
                number=self.number.text(),
                collected=collected,
                source=self.source.currentData(),
                household_uid=household_uid,
                group_uid=group_uid,
                actor=default_actor(self.ctx),
            )
            with self.ctx.db.transaction():
                self.ctx.db.issues.add(issue)
        self.ctx.notify("issue")
        return issue
