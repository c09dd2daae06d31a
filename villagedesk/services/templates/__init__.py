"""Township templates (乡镇报表模板): learn a blank form once, fill it every month.

::

    draft = learn_template("走访登记表.xlsx")          # header, columns, guessed rules and rows
    save_template(db, draft, "乡镇走访表", source_kind=draft.source_kind, mapping={"K": "备注"})
    fill_template(db, "乡镇走访表", "2026-11", "11月走访表.xlsx")

openpyxl is imported inside the functions that need it.
"""

from __future__ import annotations

from villagedesk.core.templates import ROW_SOURCES, ColumnRule, Template, TemplateDraft
from villagedesk.services.templates.fields import fields_of
from villagedesk.services.templates.fill import fill_template, load_template
from villagedesk.services.templates.learn import learn_template
from villagedesk.services.templates.store import (
    delete_template,
    list_templates,
    parse_source,
    save_template,
)

__all__ = [
    "ROW_SOURCES",
    "ColumnRule",
    "Template",
    "TemplateDraft",
    "delete_template",
    "fields_of",
    "fill_template",
    "learn_template",
    "list_templates",
    "load_template",
    "parse_source",
    "save_template",
]
