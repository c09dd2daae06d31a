"""What the database already holds, loaded once per import so every row is checked in memory."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import TYPE_CHECKING

from villagedesk.core.records import Group

if TYPE_CHECKING:
    from villagedesk.storage.database import Database


class Lookup:
    """Indexes of existing households, residents, groups, team members and ledger keys.

    With no database (a quick preview before one is chosen) every index is empty and
    ``offline`` is True, so matching against stored records is not judged.
    """

    def __init__(self, db: Database | None) -> None:
        self.db = db
        self.offline = db is None

    def _query(self, sql: str, params: list | tuple = ()) -> list[dict]:
        if self.db is None:
            return []
        return list(self.db.query(sql, params))

    @cached_property
    def households_by_no(self) -> dict[str, dict]:
        """household_no → {uid, head_name, address, household_no}."""
        rows = self._query(
            "select uid, household_no, head_name, address, group_uid from households "
            "where deleted_at is null"
        )
        return {r["household_no"]: r for r in rows}

    @cached_property
    def households_by_head(self) -> dict[str, list[dict]]:
        """head name → households with that head."""
        out: dict[str, list[dict]] = defaultdict(list)
        for r in self.households_by_no.values():
            out[r["head_name"]].append(r)
        return out

    @cached_property
    def households_by_uid(self) -> dict[str, dict]:
        """uid → household row."""
        return {r["uid"]: r for r in self.households_by_no.values()}

    @cached_property
    def residents(self) -> list[dict]:
        """Every stored resident (uid, household_uid, name, id_number, relation)."""
        return self._query(
            "select uid, household_uid, name, id_number, relation from residents "
            "where deleted_at is null"
        )

    @cached_property
    def residents_by_id(self) -> dict[str, dict]:
        """ID number → resident row."""
        return {r["id_number"]: r for r in self.residents if r["id_number"]}

    @cached_property
    def residents_by_name(self) -> dict[str, list[dict]]:
        """name → residents with that name."""
        out: dict[str, list[dict]] = defaultdict(list)
        for r in self.residents:
            out[r["name"]].append(r)
        return out

    @cached_property
    def heads(self) -> dict[str, dict]:
        """household uid → its head resident."""
        return {r["household_uid"]: r for r in self.residents if r["relation"] == "户主"}

    @cached_property
    def groups_by_name(self) -> dict[str, str]:
        """group name → uid."""
        rows = self._query("select uid, name from groups where deleted_at is null")
        return {r["name"]: r["uid"] for r in rows}

    @cached_property
    def team_by_name(self) -> dict[str, str]:
        """team member name → uid."""
        rows = self._query("select uid, name from team_members where deleted_at is null")
        return {r["name"]: r["uid"] for r in rows}

    @cached_property
    def issue_numbers(self) -> dict[str, str]:
        """issue number → uid."""
        rows = self._query("select uid, number from issues where deleted_at is null")
        return {r["number"]: r["uid"] for r in rows}

    @cached_property
    def issue_keys(self) -> dict[tuple, str]:
        """(collected date, description, reporter) → uid, to spot unnumbered duplicates."""
        rows = self._query(
            "select uid, collected_date, description, reporter from issues where deleted_at is null"
        )
        return {
            (r["collected_date"], r["description"], r["reporter"] or ""): r["uid"] for r in rows
        }

    @cached_property
    def visit_keys(self) -> dict[tuple, str]:
        """(household uid, date, situation, needs) → uid of stored visits."""
        rows = self._query(
            "select uid, household_uid, group_uid, date, situation, needs from visits "
            "where deleted_at is null"
        )
        return {
            (
                r["household_uid"] or r["group_uid"],
                r["date"],
                r["situation"] or "",
                r["needs"] or "",
            ): r["uid"]
            for r in rows
        }

    @cached_property
    def aid_keys(self) -> dict[tuple, str]:
        """(household uid, resident uid, date, fen, goods) → uid of stored aid."""
        rows = self._query(
            "select uid, household_uid, resident_uid, date, amount_fen, goods from aid "
            "where deleted_at is null"
        )
        return {
            (
                r["household_uid"],
                r["resident_uid"],
                r["date"],
                r["amount_fen"],
                r["goods"] or "",
            ): r["uid"]
            for r in rows
        }

    def find_household(
        self, *, number: str = "", head: str = "", address: str = "", group_uid: str | None = None
    ) -> tuple[dict | None, str]:
        """A stored household by number, else by head name (and address or group); with why not."""
        if number:
            found = self.households_by_no.get(number)
            if found:
                return found, ""
            if not head:
                return None, f"找不到户编号为 {number} 的农户"
        if head:
            cands = self.households_by_head.get(head, [])
            if address and len(cands) > 1:
                cands = [c for c in cands if (c["address"] or "") == address] or cands
            if group_uid and len(cands) > 1:
                cands = [c for c in cands if c["group_uid"] == group_uid] or cands
            if len(cands) == 1:
                return cands[0], ""
            if len(cands) > 1:
                return None, f"有 {len(cands)} 户的户主都叫“{head}”，请在文件中填写户编号"
            return None, f"找不到户主为“{head}”的农户"
        return None, "没有填写户主或户编号"


def group_uid(lookup: Lookup, new_groups: dict[str, Group], name: str) -> str | None:
    """The uid of the 村民小组 called ``name``: a stored one, else one this import adds
    (made once per name and kept in ``new_groups``); None for no name."""
    if not name:
        return None
    uid = lookup.groups_by_name.get(name)
    if uid:
        return uid
    if name not in new_groups:
        new_groups[name] = Group(name=name)
    return new_groups[name].uid
