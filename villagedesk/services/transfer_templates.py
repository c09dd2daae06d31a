"""The township templates of a dump file (its top-level ``templates`` list, format version 2).

Templates are keyed by name, not by uid: loading one whose name is new adds it; one whose
name and content are already in the database is skipped; a same-named template with other
content refuses the whole load (which of the two should win is for people to decide).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from villagedesk.core.templates import ROW_SOURCES, RULE_FIELD, RULE_KINDS, Template
from villagedesk.core.validation import ValidationError
from villagedesk.storage.templates import (
    FIELD_NAMES,
    all_templates,
    get_template,
    insert_template,
    template_fields,
    template_from_fields,
)

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

#: a blank form is a few dozen KB (as when learning one); anything bigger is not one
MAX_FORM_BYTES = 10 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_REQUIRED = ("name", "source_kind", "form", "columns")
#: the timestamps say when, not what: a template saved again unchanged is the same template
_NOT_CONTENT = ("created_at", "updated_at")


def dump_templates(db: Database) -> list[dict[str, Any]]:
    """Every saved template as a JSON-ready dict (the form's bytes in base64), by name."""
    out = []
    for template in all_templates(db):
        item = template_fields(template)
        item["form"] = base64.b64encode(item["form"]).decode("ascii")
        out.append(item)
    return out


@dataclass
class TemplatePlan:
    """What loading the file's templates will do."""

    new: list[Template] = field(default_factory=list)
    present: list[Template] = field(default_factory=list)  # same name and content: skipped


def _fail(where: str, message: str) -> ValidationError:
    return ValidationError(f"{where}：{message}", where)


def parse_templates(items: Any) -> list[tuple[str, Template]]:
    """Check the ``templates`` list of a file: every field, type and rule, with its place."""
    if not isinstance(items, list):
        raise _fail("templates", "应为列表")
    parsed: list[tuple[str, Template]] = []
    seen: dict[str, str] = {}
    for i, item in enumerate(items):
        where = f"templates[{i}]"
        template = _parse_one(item, where)
        if template.name in seen:
            raise _fail(
                f"{where}.name", f"模板“{template.name}”在文件中重复（另见 {seen[template.name]}）"
            )
        seen[template.name] = where
        parsed.append((where, template))
    return parsed


def _parse_one(item: Any, where: str) -> Template:
    # lazy: the template field tables cost 70 ms to import, and dump never needs them
    from villagedesk.services.templates.store import MAX_NAME

    if not isinstance(item, dict):
        raise _fail(where, "应为对象")
    unknown = sorted(set(item) - set(FIELD_NAMES))
    if unknown:
        raise _fail(where, f"有未知字段：{', '.join(unknown)}")
    for key in _REQUIRED:
        if key not in item:
            raise _fail(f"{where}.{key}", "缺失")

    def text(key: str, *, optional: bool = False) -> None:
        value = item.get(key)
        if not (isinstance(value, str) or (value is None and (optional or key not in item))):
            raise _fail(f"{where}.{key}", "应为文本" + ("或 null" if optional else ""))

    for key in ("name", "source_kind", "filename", "sheet", "created_at", "updated_at"):
        text(key)
    text("tag", optional=True)
    name = item["name"]
    # the rules save_template applies to a name (it strips it, so no spaces at the ends)
    if not name.strip() or name != name.strip() or any(ord(ch) < 32 for ch in name):
        raise _fail(f"{where}.name", "模板名称不能为空，不能以空格开头或结尾，不能包含控制字符")
    if len(name) > MAX_NAME:
        raise _fail(f"{where}.name", f"模板名称太长（最多 {MAX_NAME} 个字）")
    source = item["source_kind"]
    if source not in ROW_SOURCES:
        raise _fail(f"{where}.source_kind", f"值 {source!r} 无效，应为：{'、'.join(ROW_SOURCES)}")
    _check_tag(source, item.get("tag"), where)
    form = _form_bytes(item["form"], f"{where}.form")
    header_rows = item.get("header_rows", [])
    if not isinstance(header_rows, list) or not all(_positive(r) for r in header_rows):
        raise _fail(f"{where}.header_rows", "应为行号（正整数）的列表")
    if not _positive(item.get("first_data_row", 1)):
        raise _fail(f"{where}.first_data_row", "应为行号（正整数）")
    _check_columns(source, item["columns"], f"{where}.columns")
    return template_from_fields({**item, "form": form})


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _check_tag(source: str, tag: Any, where: str) -> None:
    from villagedesk.services.templates.fields import check_tag

    if source not in ("households", "residents"):
        if tag:
            raise _fail(f"{where}.tag", "只有列出农户或村民的模板才有标签，应为 null")
        return
    try:
        check_tag(source, tag)
    except ValidationError as err:
        raise _fail(f"{where}.tag", err.message) from None


def _form_bytes(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise _fail(where, "应为 base64 文本")
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        raise _fail(where, "不是有效的 base64 数据") from None
    if not data.startswith(_ZIP_MAGIC):
        raise _fail(where, "不是 Excel 工作簿（.xlsx）")
    if len(data) > MAX_FORM_BYTES:
        raise _fail(where, "太大（超过 10 MB），不像一张空白表格")
    return data


def _check_columns(source: str, columns: Any, where: str) -> None:
    """The column rules as ``save_template`` leaves them: known rules, real fields, one each."""
    from villagedesk.services.templates.fields import field_by_name

    if not isinstance(columns, list):
        raise _fail(where, "应为列表")
    cols: dict[int, str] = {}
    for k, column in enumerate(columns):
        cw = f"{where}[{k}]"
        if not isinstance(column, dict):
            raise _fail(cw, "应为对象")
        unknown = sorted(set(column) - {"col", "header", "rule", "value"})
        if unknown:
            raise _fail(cw, f"有未知字段：{', '.join(unknown)}")
        if not _positive(column.get("col")):
            raise _fail(f"{cw}.col", "应为列号（正整数，A 列为 1）")
        if column["col"] in cols:
            raise _fail(f"{cw}.col", f"第 {column['col']} 列重复（另见 {cols[column['col']]}）")
        cols[column["col"]] = cw
        for key in ("header", "value"):
            if not isinstance(column.get(key, ""), str):
                raise _fail(f"{cw}.{key}", "应为文本")
        rule = column.get("rule", "empty")
        if rule not in RULE_KINDS:
            raise _fail(f"{cw}.rule", f"值 {rule!r} 无效，应为：{'、'.join(RULE_KINDS)}")
        if rule == RULE_FIELD:
            found = field_by_name(source, column.get("value", ""))
            if found is None or found.name != column.get("value"):
                raise _fail(f"{cw}.value", f"“{column.get('value', '')}”不是 {source} 可填的字段")
    if not any(c.get("rule") == RULE_FIELD for c in columns):
        raise _fail(where, "没有任何一列对应到数据字段")


def _content(template: Template) -> dict[str, Any]:
    fields = template_fields(template)
    return {k: v for k, v in fields.items() if k not in _NOT_CONTENT}


def plan_templates(db: Database, parsed: list[tuple[str, Template]]) -> TemplatePlan:
    """Which templates are new and which are already there; a clash refuses the load."""
    plan = TemplatePlan()
    for where, template in parsed:
        there = get_template(db, template.name)
        if there is None:
            plan.new.append(template)
        elif _content(there) == _content(template):
            plan.present.append(template)
        else:
            raise _fail(
                f"{where}.name",
                f"数据库中已有同名模板“{template.name}”，内容与文件中的不同"
                "（要用文件中的模板，请先用 villagedesk template delete 删除数据库中的）",
            )
    return plan


def insert_templates(db: Database, plan: TemplatePlan) -> None:
    """Add the new templates inside the caller's transaction (audited like the records)."""
    for template in plan.new:
        insert_template(db, template)
