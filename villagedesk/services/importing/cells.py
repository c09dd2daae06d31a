"""A roster row's cells for the people import: fetched at once, repeated words converted once."""

from __future__ import annotations

from villagedesk.core.enums import Gender, Relation
from villagedesk.services.importing import values as v

RESIDENT_TEXT = ("person_no", "ethnicity", "education", "health", "labour_skill", "notes")
#: the fields ``convert`` reads, in the order it unpacks them ("name" is the head's name
#: in a one-row-per-household list)
_CELL_FIELDS = ("name", "id_number", "gender", "birth_date", "relation", "phone", *RESIDENT_TEXT,
                "tags", "monitoring_type", "risk_causes", "risk_cleared", "household_no",
                "head_name", "address", "group")  # fmt: skip


#: Gender(word) without the enum's call machinery (the ID number says 男 or 女)
GENDER_OF = {g.value: g for g in Gender}


def cell_text(value: object) -> str:
    """``values.text``, with the common case (a text cell) first."""
    return value.strip() if value.__class__ is str else v.text(value)


class RosterCells:
    """Where each field's cell is, and what the repeated words of a roster mean.

    A roster says 男, 户主 or 00012 thousands of times: each distinct text is converted once
    (only text: 1, 1.0 and True are equal keys but not equal cells). Failures are not kept,
    so a bad cell raises its own message every time.
    """

    def __init__(self, cols: dict[str, int], per_household: bool) -> None:
        from operator import itemgetter

        self.cols = cols
        width = max(cols.values(), default=-1) + 1
        # cells past a short row's end and fields no column feeds read as None: the row
        # is padded with width + 1 Nones, and an unmapped field reads the last of them
        self.pad: list[object] = [None] * (width + 1)
        names = [("head_name" if per_household else "name") if f == "name" else f
                 for f in _CELL_FIELDS]  # fmt: skip
        self.fetch = itemgetter(*[cols.get(f, -1) for f in names])
        self._gender: dict[str, Gender | None] = {}
        self._relation: dict[str, Relation | None] = {}
        self._household_no: dict[str, str] = {}

    def gender(self, value: object) -> Gender | None:
        """``values.gender`` of a cell, once per distinct text."""
        return _memo(self._gender, v.gender, value)

    def relation(self, value: object) -> Relation | None:
        """``values.relation`` of a cell, once per distinct text."""
        return _memo(self._relation, v.relation, value)

    def household_no(self, value: object) -> str:
        """``values.code_text`` of a 户编号 cell, once per distinct text."""
        if value.__class__ is not str:
            return v.code_text(value, "户编号")
        out = self._household_no.get(value)
        if out is None:
            out = self._household_no[value] = v.code_text(value, "户编号")
        return out


def _memo(memo: dict, convert, value: object):
    if value.__class__ is not str:
        return convert(value)
    try:
        return memo[value]
    except KeyError:
        out = memo[value] = convert(value)
        return out
