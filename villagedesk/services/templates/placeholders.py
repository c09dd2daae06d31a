"""Fill a form's blanks outside the table: ××村, X月, 2026年X月, 填报单位/填报人/审核人 ….

Only placeholders are replaced (×, X, x, * or underscores, or a label followed by nothing);
text the township typed stays as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from villagedesk.core.records import VillageProfile

_MARK = r"[×xX＊*✕╳_＿]"
_BLANK = r"[ \u3000_＿]"
_VILLAGE = re.compile(rf"{_MARK}{{1,4}}\s*(村委会|社区|村)")
_TOWNSHIP = re.compile(rf"{_MARK}{{1,4}}\s*(乡镇|街道|乡|镇)")
_COUNTY = re.compile(rf"{_MARK}{{1,4}}\s*(县|区)(?!域)")
_YEAR_MONTH = re.compile(
    rf"(\d{{4}}|{_MARK}{{2,4}}|{_BLANK}{{2,}})\s*年\s*({_MARK}{{1,2}}|{_BLANK}+)\s*月(?!\s*{_BLANK}*\s*日)"
)
_MONTH = re.compile(rf"(?<![A-Za-z\d]){_MARK}{{1,2}}\s*月(?!\s*{_BLANK}*\s*日)")
_YEAR = re.compile(rf"(?<![A-Za-z\d]){_MARK}{{2,4}}\s*年")
_DATE = re.compile(
    rf"((?:填报|填表|制表)?日期[:：])\s*({_BLANK}*|{_MARK}*)\s*年\s*({_BLANK}*|{_MARK}*)\s*月\s*({_BLANK}*|{_MARK}*)\s*日"
)
_EMPTY_DATE = re.compile(r"((?:填报|填表|制表)日期[:：])(?=[ \u3000]*$)")


@dataclass
class Blanks:
    """What the blanks are filled with."""

    village: str
    township: str
    county: str
    unit: str
    year: int
    month: int
    today: date
    signers: dict[str, str]  # 填报人 -> name, …

    @classmethod
    def of(cls, profile: VillageProfile, year: int, month: int, today: date) -> Blanks:
        """Blanks from the village profile and the month."""
        from villagedesk.services.pdf_common import unit_line

        return cls(
            village=profile.village.strip(),
            township=profile.township.strip(),
            county=profile.county.strip(),
            unit=unit_line(profile) if profile.village else "",
            year=year,
            month=month,
            today=today,
            signers={
                "填报人": profile.filled_by,
                "填表人": profile.filled_by,
                "制表人": profile.filled_by,
                "审核人": profile.reviewed_by,
                "负责人": profile.responsible,
            },
        )


def _named(name: str, suffix: str, alternatives: tuple[str, ...]) -> str:
    # "青山" + 村 → 青山村; "青山村" stays; a 社区 keeps its own word
    return name if name.endswith(alternatives) else f"{name}{suffix}"


def fill_blanks(text: str, blanks: Blanks) -> str:
    """The text with its placeholders filled (unchanged when it has none)."""
    if not text or not isinstance(text, str):
        return text
    out = text
    if blanks.village:
        out = _VILLAGE.sub(lambda m: _named(blanks.village, m.group(1), ("村", "社区")), out)
    if blanks.township:
        out = _TOWNSHIP.sub(
            lambda m: _named(blanks.township, m.group(1), ("乡", "镇", "街道")), out
        )
    if blanks.county:
        out = _COUNTY.sub(lambda m: _named(blanks.county, m.group(1), ("县", "区", "市")), out)
    t = blanks.today
    out = _DATE.sub(lambda m: f"{m.group(1)}{t.year}年{t.month}月{t.day}日", out)
    out = _EMPTY_DATE.sub(lambda m: f"{m.group(1)}{t.year}年{t.month}月{t.day}日", out)
    out = _YEAR_MONTH.sub(f"{blanks.year}年{blanks.month}月", out)
    out = _MONTH.sub(f"{blanks.month}月", out)
    out = _YEAR.sub(f"{blanks.year}年", out)
    out = _fill_labels(out, blanks)
    return out


def _fill_labels(text: str, blanks: Blanks) -> str:
    """填报单位：/填报人： followed by nothing (or only spaces before the next label) get a value."""
    values = dict(blanks.signers)
    if blanks.unit:
        values["填报单位"] = blanks.unit
    pattern = re.compile(rf"({'|'.join(map(re.escape, values))})([:：])([ \u3000_＿]*)")

    def one(m: re.Match[str]) -> str:
        value = values.get(m.group(1), "")
        rest = text[m.end() :]
        followed = rest == "" or re.match(r"[^\s:：]{1,8}[:：]", rest) is not None
        if not value or not followed:
            return m.group(0)
        gap = m.group(3).replace("_", " ").replace("＿", " ")
        return f"{m.group(1)}{m.group(2)}{value}{'   ' if rest and len(gap) < 3 else gap}"

    return pattern.sub(one, text)
