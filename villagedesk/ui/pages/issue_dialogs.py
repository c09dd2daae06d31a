"""The workflow steps of an issue, one small dialog each: 上报/转办, 记录进展, 办结, 回访销号,
重新办理. Each calls the ``core.workflow`` function and saves the issue in one transaction;
a refused step (``WorkflowError``) shows its Chinese reason and changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QLineEdit

from villagedesk.core import workflow
from villagedesk.core.clock import today
from villagedesk.core.enums import HandlingMode, IssueLevel, IssueOutcome, Satisfaction
from villagedesk.core.records import Issue
from villagedesk.core.validation import ValidationError
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.issue_form import (
    DEFAULT_DEADLINE_DAYS,
    date_edit,
    default_actor,
    enum_combo,
    get_date,
    owner_combo,
    select_data,
    text_box,
)
from villagedesk.ui.widgets.form_dialog import FormDialog


class StepDialog(FormDialog):
    """A dated step done by someone; subclasses add their fields and ``apply``."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, "", parent)
        self.issue = issue
        heading = self.tr("%1 — issue %2").replace("%1", self.step_title())
        self.setWindowTitle(heading.replace("%2", issue.number))
        self.on = date_edit(today())
        self.actor = owner_combo(ctx)
        self.actor.setCurrentText(default_actor(ctx))
        self.add_row("on", self.tr("Date"), self.on)
        self.add_row("actor", self.tr("Done by"), self.actor)

    def step_title(self) -> str:
        """The step's name shown in the title."""
        return ""

    def apply(self, issue: Issue, *, on, actor: str) -> None:  # pragma: no cover - abstract
        """Run the workflow function on ``issue``."""
        raise NotImplementedError

    def save(self) -> Issue:
        """Apply the step to a fresh copy of the issue and save it in one transaction."""
        on = get_date(self.on)
        if on > today():
            raise ValidationError("办理日期不能晚于今天", "on")
        actor = self.actor.currentText().strip()
        if not actor:
            raise ValidationError("请填写办理人", "actor")
        db = self.ctx.db
        with db.transaction():
            issue = db.issues.require(self.issue.uid)
            self.apply(issue, on=on, actor=actor)
            db.issues.update(issue)
        self.ctx.notify("issue")
        return issue


class AssignDialog(StepDialog):
    """上报/转办: the level, handling mode, deadline and who answers for it."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, issue, parent)
        self.level = enum_combo(IssueLevel)
        select_data(self.level, issue.level or IssueLevel.VILLAGE)
        self.mode = enum_combo(HandlingMode)
        select_data(self.mode, issue.handling_mode or HandlingMode.WITH_DEADLINE)
        self.deadline = date_edit(issue.deadline or today() + timedelta(days=DEFAULT_DEADLINE_DAYS))
        self.owner = owner_combo(ctx)
        self.owner.setCurrentText(issue.owner)
        self.note = QLineEdit()
        self.add_row("level", self.tr("Handled at"), self.level)
        self.add_row("handling_mode", self.tr("Handling mode"), self.mode)
        self.add_row("deadline", self.tr("Deadline"), self.deadline)
        self.add_row("owner", self.tr("Responsible"), self.owner)
        self.add_row("note", self.tr("Note"), self.note)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def step_title(self) -> str:
        return self.tr("Escalate / assign")

    def _mode_changed(self) -> None:
        # 立刻办 has no deadline
        self.deadline.setEnabled(self.mode.currentData() != HandlingMode.AT_ONCE)

    def apply(self, issue: Issue, *, on, actor: str) -> None:
        mode = self.mode.currentData()
        deadline = get_date(self.deadline) if self.deadline.isEnabled() else None
        try:
            workflow.assign(
                issue,
                on=on,
                actor=actor,
                level=self.level.currentData(),
                mode=mode,
                deadline=deadline,
                owner=self.owner.currentText().strip(),
                note=self.note.text().strip(),
            )
        except workflow.WorkflowError as exc:
            field = "deadline" if "时限" in str(exc) else None
            raise ValidationError(str(exc), field) from exc


class ProgressDialog(StepDialog):
    """记录进展: a dated note."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, issue, parent)
        self.note = text_box(70)
        self.add_row("note", self.tr("Progress"), self.note)

    def step_title(self) -> str:
        return self.tr("Record progress")

    def apply(self, issue: Issue, *, on, actor: str) -> None:
        try:
            workflow.record_progress(issue, on=on, actor=actor, note=self.note.toPlainText())
        except workflow.WorkflowError as exc:
            raise ValidationError(str(exc), "note" if "进展" in str(exc) else None) from exc


class ConcludeDialog(StepDialog):
    """办结: solved (已解决) or explained (已解释), with the result."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, issue, parent)
        self.outcome = enum_combo(IssueOutcome)
        self.result_text = text_box(70)
        self.add_row("outcome", self.tr("Outcome"), self.outcome)
        self.add_row("result", self.tr("Result"), self.result_text)

    def step_title(self) -> str:
        return self.tr("Conclude")

    def apply(self, issue: Issue, *, on, actor: str) -> None:
        try:
            workflow.conclude(
                issue,
                on=on,
                actor=actor,
                outcome=self.outcome.currentData(),
                result=self.result_text.toPlainText(),
            )
        except workflow.WorkflowError as exc:
            raise ValidationError(str(exc), "result" if "结果" in str(exc) else None) from exc


class FollowUpDialog(StepDialog):
    """回访销号: the villager was told; satisfaction; struck off."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, issue, parent)
        self.satisfaction: QComboBox = enum_combo(Satisfaction)
        self.note = text_box(60)
        self.add_row("satisfaction", self.tr("Satisfaction"), self.satisfaction)
        self.add_row("note", self.tr("Follow-up notes"), self.note)

    def step_title(self) -> str:
        return self.tr("Follow up and close")

    def apply(self, issue: Issue, *, on, actor: str) -> None:
        workflow.follow_up(
            issue,
            on=on,
            actor=actor,
            satisfaction=self.satisfaction.currentData(),
            note=self.note.toPlainText().strip(),
        )


class ReopenDialog(StepDialog):
    """重新办理: back to 办理中, with the reason."""

    def __init__(self, ctx: AppContext, issue: Issue, parent=None) -> None:
        super().__init__(ctx, issue, parent)
        self.note = text_box(60)
        self.add_row("note", self.tr("Reason"), self.note)

    def step_title(self) -> str:
        return self.tr("Handle again")

    def apply(self, issue: Issue, *, on, actor: str) -> None:
        try:
            workflow.reopen(issue, on=on, actor=actor, note=self.note.toPlainText())
        except workflow.WorkflowError as exc:
            raise ValidationError(str(exc), "note" if "原因" in str(exc) else None) from exc
