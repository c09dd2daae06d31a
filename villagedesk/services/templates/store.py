"""Save, list and delete township templates (the rules checked here, the rows in storage)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from villagedesk.core.templates import (
    ROW_SOURCES,
    RULE_FIELD,
    ColumnRule,
    Template,
    TemplateDraft,
)
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.fields import normalize_header
from villagedesk.services.templates.fields import (
    check_tag,
    field_by_name,
    guess_columns,
    parse_rule,
)

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

MAX_NAME = 40


def parse_source(text: str) -> tuple[str, str | None]:
    """``visits``, ``issues-tracking``, ``residents:独居老人`` → (source, tag)."""
    kind, _, tag = (text or "").strip().partition(":")
    kind = {"issues": "issues-month"}.get(kind, kind)
    if kind not in ROW_SOURCES:
        choices = "、".join(f"{k}（{v[1]}）" for k, v in ROW_SOURCES.items())
        raise ValidationError(f"不认识的行类型“{text}”。可选：{choices}", "source_kind")
    return kind, tag.strip() or None


def column_of(spec: str | int, columns: list[ColumnRule]) -> ColumnRule:
    """The column a user means: a letter (C), a number (3) or its header text (走访日期)."""
    from openpyxl.utils import column_index_from_string

    text = str(spec).strip()
    col: int | None = None
    if isinstance(spec, int) or text.isdigit():
        col = int(text)
    elif re.fullmatch(r"[A-Za-z]{1,3}", text):
        col = column_index_from_string(text.upper())
    else:
        norm = normalize_header(text)
        hits = [c for c in columns if normalize_header(c.header) == norm]
        hits = hits or [c for c in columns if normalize_header(c.header).endswith(norm)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise ValidationError(f"有多列的表头是“{text}”，请用列字母（如 C）指定", "mapping")
    for c in columns:
        if c.col == col:
            return c
    raise ValidationError(f"模板表头里没有“{text}”这一列", "mapping")


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("请给模板起一个名字", "name")
    if len(name) > MAX_NAME:
        raise ValidationError(f"模板名称太长（最多 {MAX_NAME} 个字）", "name")
    if any(ord(ch) < 32 for ch in name):
        raise ValidationError("模板名称不能包含控制字符", "name")
    return name


def save_template(
    db: Database,
    draft: TemplateDraft,
    name: str,
    *,
    source_kind: str,
    mapping: Mapping[str | int, str] | list[ColumnRule] | None,
    tag: str | None = None,
    replace: bool = False,
) -> Template:
    """Save a learned form under ``name``: its rows and the column rules.

    ``source_kind`` is a ROW_SOURCES key (``residents:独居老人`` carries the tag);
    ``mapping`` is either the complete list of column rules, or corrections to the guesses
    (column letter/number/header → field name or label, 序号, 空, 文字:内容), or None.
    """
    from villagedesk.storage.templates import get_template, put_template

    name = _check_name(name)
    source, tag_in_kind = parse_source(source_kind)
    tag = check_tag(source, tag or tag_in_kind)
    if isinstance(mapping, list):
        columns = [ColumnRule(c.col, c.header, c.rule, c.value) for c in mapping]
        for c in columns:
            if c.rule == RULE_FIELD and field_by_name(source, c.value) is None:
                raise ValidationError(f"“{c.value}”不是可填的字段（第 {c.col} 列）", "mapping")
    else:
        if source == draft.source_kind:
            columns = [ColumnRule(c.col, c.header, c.rule, c.value) for c in draft.columns]
        else:  # other rows, other fields: guess again for them
            columns = guess_columns({c.col: c.header for c in draft.columns}, source)
        for spec, text in (mapping or {}).items():
            target = column_of(spec, columns)
            rule = parse_rule(target.col, target.header, text, source)
            if rule.rule == RULE_FIELD:  # one column per field: the user's choice wins
                for other in columns:
                    if (
                        other is not target
                        and other.rule == RULE_FIELD
                        and other.value == rule.value
                    ):
                        other.rule, other.value = "empty", ""
            target.rule, target.value = rule.rule, rule.value
    if not any(c.rule == RULE_FIELD for c in columns):
        raise ValidationError(
            "没有任何一列对应到数据字段，请用映射指定（如 C=走访日期）", "mapping"
        )
    if not replace and get_template(db, name) is not None:
        raise ValidationError(f"已经有名为“{name}”的模板（要替换它，请选择替换）", "name")
    template = Template(
        name=name,
        source_kind=source,
        tag=tag,
        filename=draft.filename,
        form=draft.form,
        sheet=draft.sheet,
        header_rows=list(draft.header_rows),
        first_data_row=draft.first_data_row,
        columns=columns,
    )
    return put_template(db, template)


def list_templates(db: Database) -> list[Template]:
    """Every saved template, by name."""
    from villagedesk.storage.templates import all_templates

    return all_templates(db)


def delete_template(db: Database, name: str) -> None:
    """Delete a template, or a Chinese error when there is none of that name."""
    from villagedesk.storage.templates import remove_template

    if not remove_template(db, name):
        raise ValidationError(f"没有名为“{name}”的模板", "name")
