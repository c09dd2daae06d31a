"""Small builders the tests share: valid ID numbers, a household with its head, a solved issue.

Plain functions (not fixtures) so each test keeps its own data in sight; import with
``from builders import ...`` (tests/ is on sys.path through tests/conftest.py).
"""

from __future__ import annotations

from datetime import date

from villagedesk.core import workflow as wf
from villagedesk.core.enums import HandlingMode, IssueLevel, IssueOutcome, Relation
from villagedesk.core.records import Household, Issue, Resident
from villagedesk.core.validation import id_check_char


def make_id(first17: str) -> str:
    """A valid 18-digit ID number: the 17 digits given plus their GB 11643 check character."""
    return first17 + id_check_char(first17)


#: 张大山's ID number (born 1958-03-12), the head of household in the export tests
HEAD_ID = make_id("43012419580312001")


def add_head_household(db, household_no: str, head_name: str, *, id_number: str = "", **fields):
    """Add a household and its head as a resident (relation 户主); returns the household."""
    household = db.households.add(
        Household(household_no=household_no, head_name=head_name, **fields)
    )
    db.residents.add(
        Resident(
            household_uid=household.uid, name=head_name, id_number=id_number, relation=Relation.HEAD
        )
    )
    return household


def solved_issue(
    number: str,
    collected: date,
    description: str,
    *,
    actor: str,
    assigned_on: date,
    solved_on: date,
    result: str,
    solver: str | None = None,
    **fields,
) -> Issue:
    """An issue put through the real workflow: registered, 村级 立刻办, concluded 已解决 (not saved)."""
    issue = Issue(number=number, collected_date=collected, description=description, **fields)
    wf.register(issue, actor=actor)
    wf.assign(
        issue, on=assigned_on, actor=actor, level=IssueLevel.VILLAGE, mode=HandlingMode.AT_ONCE
    )
    wf.conclude(
        issue,
        on=solved_on,
        actor=solver or actor,
        outcome=IssueOutcome.SOLVED,
        result=result,
    )
    return issue
