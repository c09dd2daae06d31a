"""Issues (问题台账) with their timeline of events."""

from __future__ import annotations

from datetime import date

from villagedesk.core.enums import TRACKING_STATUSES, sql_in
from villagedesk.core.records import Issue, IssueEvent
from villagedesk.core.validation import ValidationError
from villagedesk.storage.repository import Repository, record_to_row, row_to_record


class IssueRepo(Repository[Issue]):
    record_class = Issue
    kind = "issue"
    default_order = "collected_date desc, number desc"

    def validate(self, record: Issue) -> None:
        record.number = record.number.strip()
        if not record.number:
            raise ValidationError("请填写问题编号", "number")
        if not record.description.strip():
            raise ValidationError("请填写诉求事项", "description")
        if record.deadline and record.deadline < record.collected_date:
            raise ValidationError(
                f"办理时限 {record.deadline} 不能早于登记日期 {record.collected_date}", "deadline"
            )
        if record.household_uid and not self.db.households.get(record.household_uid):
            raise ValidationError("所选农户不存在或已删除", "household_uid")
        if self.count("number = ? and uid != ?", [record.number, record.uid]):
            raise ValidationError(f"问题编号 {record.number} 已经存在", "number")
        if not record.events:
            raise ValidationError("问题没有登记记录（请通过登记创建问题）")

    def next_number(self, year: int) -> str:
        """The next free number of a year: 2026-001, 2026-002, …"""
        rows = self.db.query("select number from issues where number like ?", [f"{year}-%"])
        used = [int(n) for row in rows if (n := row["number"].split("-", 1)[1]).isdigit()]
        return f"{year}-{(max(used) + 1) if used else 1:03d}"

    def iter(self, *args, **kwargs):
        """Issues with their timelines, loading the events of a batch in one query."""
        batch: list[Issue] = []
        for issue in super().iter(*args, **kwargs):
            batch.append(issue)
            if len(batch) >= 500:
                yield from self._with_events(batch)
                batch = []
        yield from self._with_events(batch)

    def get(self, uid: str, *, include_deleted: bool = False) -> Issue | None:
        issue = super().get(uid, include_deleted=include_deleted)
        if issue is not None:
            issue.events = self.events_of(issue.uid)
        return issue

    def _with_events(self, issues: list[Issue]) -> list[Issue]:
        if not issues:
            return issues
        by_uid = {i.uid: i for i in issues}
        marks = ",".join("?" * len(by_uid))
        for row in self.db.query(
            f"select * from issue_events where issue_uid in ({marks}) and deleted_at is null "
            "order by date, created_at, rowid",
            list(by_uid),
        ):
            by_uid[row["issue_uid"]].events.append(row_to_record(IssueEvent, row))
        return issues

    def events_of(self, issue_uid: str) -> list[IssueEvent]:
        """An issue's timeline, oldest first."""
        return [
            row_to_record(IssueEvent, row)
            for row in self.db.query(
                "select * from issue_events where issue_uid = ? and deleted_at is null "
                "order by date, created_at, rowid",
                [issue_uid],
            )
        ]

    def _after_write(self, record: Issue) -> None:
        saved = {
            row["uid"]
            for row in self.db.query(
                "select uid from issue_events where issue_uid = ?", [record.uid]
            )
        }
        for event in record.events:
            if event.uid not in saved:
                event.issue_uid = record.uid
                event.created_at = event.created_at or record.updated_at
                event.updated_at = event.updated_at or record.updated_at
                self.db.su["issue_events"].insert(record_to_row(event))

    def overdue(self, on: date) -> list[Issue]:
        """Tracking issues past their deadline, most overdue first."""
        return self.find(
            f"status {sql_in(TRACKING_STATUSES)} and deadline is not null and deadline < ?",
            [on.isoformat()],
            order_by="deadline, number",
        )
