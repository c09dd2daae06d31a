"""Township templates (乡镇报表模板): the township's own blank form plus how to fill it.

A template is the form file's bytes, where its table starts, what each column gets (a field
of a record, a fixed text, a running number 序号, or nothing) and which rows it lists.
Plain data: no Qt, no SQL, no openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: what a template can list -> (record kind, Chinese description)
ROW_SOURCES: dict[str, tuple[str, str]] = {
    "visits": ("visit", "当月走访记录"),
    "issues-month": ("issue", "当月收集的问题"),
    "issues-tracking": ("issue", "月底仍在跟踪（已登记、办理中）的问题"),
    "issues-all": ("issue", "截至月底收集的全部问题"),
    "aid": ("aid", "当月帮扶慰问"),
    "deeds": ("deed", "为民办实事清单"),
    "activities": ("activity", "当月活动会议"),
    "diary": ("diary", "当月驻村日志"),
    "households": ("household", "带某个标签的农户（如 脱贫户、监测户）"),
    "residents": ("resident", "带某个标签的村民（如 独居老人、留守儿童）"),
}
#: sources whose rows are chosen by a tag
TAGGED_SOURCES = ("households", "residents")

#: what a column gets
RULE_FIELD = "field"
RULE_TEXT = "text"
RULE_NUMBER = "number"
RULE_EMPTY = "empty"
RULE_KINDS = (RULE_FIELD, RULE_TEXT, RULE_NUMBER, RULE_EMPTY)


@dataclass
class ColumnRule:
    """One column of the form: ``col`` is 1-based; ``value`` is the field name or fixed text."""

    col: int
    header: str
    rule: str = RULE_EMPTY
    value: str = ""

    def to_json(self) -> dict[str, object]:
        """Plain form for storage."""
        return {"col": self.col, "header": self.header, "rule": self.rule, "value": self.value}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ColumnRule:
        """Read back what ``to_json`` wrote."""
        rule = str(data.get("rule") or RULE_EMPTY)
        if rule not in RULE_KINDS:
            rule = RULE_EMPTY
        return cls(
            int(data["col"]), str(data.get("header") or ""), rule, str(data.get("value") or "")
        )


@dataclass
class TemplateDraft:
    """What ``learn_template`` found in a blank form: header, columns and guesses."""

    filename: str
    form: bytes
    sheet: str
    sheets: list[str]
    header_rows: list[int]  # 1-based rows of the header (one or two)
    first_data_row: int
    columns: list[ColumnRule]
    source_kind: str  # the guessed ROW_SOURCES key
    tag: str | None = None
    title: str = ""  # the text above the header (title, 填报单位 …), for showing


@dataclass
class Template:
    """A saved township template."""

    name: str
    source_kind: str
    filename: str
    form: bytes
    sheet: str
    header_rows: list[int]
    first_data_row: int
    columns: list[ColumnRule] = field(default_factory=list)
    tag: str | None = None
    created_at: str = ""
    updated_at: str = ""

    def describe_rows(self) -> str:
        """What the template lists, in Chinese."""
        text = ROW_SOURCES.get(self.source_kind, ("", self.source_kind))[1]
        if self.tag:
            text = f"{text.split('（')[0]}：{self.tag}"
        return text
