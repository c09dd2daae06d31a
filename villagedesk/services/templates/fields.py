"""What a template column can show, per record kind, and guessing it from the form's headers.

Header words come from the import's alias tables (``importing.fields``) plus the words of
the township's output forms (序号, 年龄, 星期, 是否销号 …); our own words win a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from villagedesk.core.enums import HouseholdTag, ResidentTag
from villagedesk.core.templates import (
    ROW_SOURCES,
    RULE_EMPTY,
    RULE_FIELD,
    RULE_NUMBER,
    RULE_TEXT,
    ColumnRule,
)
from villagedesk.core.validation import ValidationError
from villagedesk.services.importing.fields import FIELDS as IMPORT_FIELDS
from villagedesk.services.importing.fields import normalize_header

#: how a value is written: text, date, money (yuan, 2 decimals), int, id (ID number, masked)
TEXT, DATE, MONEY, INT, ID = "text", "date", "money", "int", "id"


@dataclass(frozen=True)
class TemplateField:
    """One value a column can show."""

    name: str
    label: str
    type: str = TEXT
    aliases: tuple[str, ...] = ()


def _f(name: str, label: str, *aliases: str, type: str = TEXT) -> TemplateField:
    return TemplateField(name, label, type, aliases)


_HOUSE = (
    _f("household_no", "户编号", "户号"),
    _f("group", "村民小组", "组别", "组", "所在组", "网格"),
    _f("address", "家庭住址", "住址", "地址"),
    _f("phone", "联系电话", "电话", "手机号", "联系方式"),
)
COMMON = (
    _f("village", "村名", "行政村", "所在村", "村", "村(社区)"),
    _f("township", "乡镇", "乡(镇)", "所在乡镇", "乡镇(街道)"),
    _f("county", "县", "县(区)", "县(市、区)"),
    _f("dispatching_unit", "派出单位", "帮扶单位"),
    _f("month", "月份", "所属月份"),
)
KIND_FIELDS: dict[str, tuple[TemplateField, ...]] = {
    "visit": (
        _f("date", "走访日期", "日期", "走访时间", type=DATE),
        _f("household", "走访对象(户主)", "走访对象", "户主", "户主姓名", "姓名", "对象"),
        _f("id_number", "户主身份证号码", "身份证号码", "身份证号", type=ID),
        *_HOUSE,
        _f("way", "走访方式", "方式"),
        _f("members", "走访人员", "走访人", "走访干部"),
        _f("situation", "家庭基本情况", "基本情况", "走访情况"),
        _f("needs", "困难和诉求", "诉求", "困难诉求"),
        _f("handling", "现场处置或解释", "现场处置", "处置情况"),
        _f("next_step", "是否转入问题台账/下一步", "是否转入问题台账", "下一步"),
        _f("notes", "备注"),
    ),
    "issue": (
        _f("number", "编号", "问题编号"),
        _f("collected_date", "登记日期", "日期", "反映日期", type=DATE),
        _f("source", "来源渠道", "来源"),
        _f("reporter", "反映人", "姓名"),
        _f("id_number", "身份证号码", "身份证号", type=ID),
        *_HOUSE,
        _f("category", "问题类别", "类别"),
        _f("description", "诉求事项", "问题内容", "反映问题", "诉求内容"),
        _f("level", "办理层级", "层级"),
        _f("handling_mode", "办理方式"),
        _f("owner", "责任人"),
        _f("deadline", "办理时限", "时限", "完成时限", type=DATE),
        _f("progress", "办理进展", "进展情况"),
        _f("done_date", "办结日期", "办结时间", type=DATE),
        _f("result", "办理结果", "处理结果"),
        _f("follow_up", "回访情况及满意度", "回访情况", "回访"),
        _f("satisfaction", "满意度", "群众满意度"),
        _f("status", "状态", "办理状态"),
        _f("closed", "是否销号", "销号"),
        _f("overdue", "是否逾期", "逾期"),
    ),
    "aid": (
        _f("date", "日期", "慰问日期", "发放日期", type=DATE),
        _f("target", "对象(户主)", "慰问对象", "对象", "户主", "姓名"),
        _f("id_number", "身份证号码", "身份证号", type=ID),
        *_HOUSE,
        _f("hardship", "困难类别", "困难类型"),
        _f("kind", "慰问类型", "慰问方式"),
        _f("amount", "慰问金(元)", "慰问金", "金额", "金额(元)", type=MONEY),
        _f("goods", "物品及数量", "物品", "慰问品"),
        _f("funding_source", "资金来源"),
        _f("given_by", "慰问人", "慰问单位", "经办人"),
        _f("signature", "领取人签字", "签字", "领取人签名", "签名"),
        _f("notes", "备注"),
    ),
    "deed": (
        _f("title", "事项名称", "实事名称", "项目名称", "事项"),
        _f("area", "领域", "类别"),
        _f("measures", "具体举措", "举措", "主要措施"),
        _f("goal", "预期目标", "目标"),
        _f("owner", "责任人"),
        _f("promised_date", "完成时限", "时限", type=DATE),
        _f("handling_mode", "办理方式"),
        _f("state", "完成情况", "进展情况", "推进情况"),
        _f("status", "状态"),
        _f("done_date", "完成日期", type=DATE),
        _f("beneficiaries", "受益户(人)数", "受益户数", "受益人数", "受益群众", type=INT),
        _f("investment", "投入资金(元)", "投入资金", "资金", "金额", type=MONEY),
        _f("closed", "是否销号", "销号"),
    ),
    "activity": (
        _f("date", "日期", "活动日期", "时间", type=DATE),
        _f("kind", "类型", "活动类型", "形式"),
        _f("title", "主题", "活动主题", "活动名称", "会议名称"),
        _f("place", "地点", "活动地点"),
        _f("participants", "参加人数", "人数", "参与人数", type=INT),
        _f("summary", "主要内容", "内容", "活动内容"),
    ),
    "diary": (
        _f("date", "日期", type=DATE),
        _f("weekday", "星期"),
        _f("member", "人员", "姓名", "队员"),
        _f("presence", "在村/外出/请假", "在岗情况", "考勤", "在村情况"),
        _f("content", "工作内容", "内容", "主要工作"),
    ),
    "household": (
        _f("household_no", "户编号", "户号"),
        _f("head_name", "户主姓名", "户主", "姓名"),
        _f("id_number", "户主身份证号码", "身份证号码", "身份证号", "证件号码", type=ID),
        _f("gender", "户主性别", "性别"),
        _f("group", "村民小组", "组别", "组"),
        _f("address", "家庭住址", "住址"),
        _f("phone", "联系电话", "电话", "户联系电话"),
        _f("members", "人数", "家庭人口", "家庭人口数", type=INT),
        _f("tags", "户类型", "户属性"),
        _f("monitoring_type", "监测对象类型", "监测类型"),
        _f("risk_causes", "风险类型", "致贫原因"),
        _f("risk_cleared", "风险是否消除"),
        _f("living_status", "居住状态", "是否常住"),
        _f("notes", "备注"),
    ),
    "resident": (
        _f("name", "姓名"),
        _f("gender", "性别"),
        _f("id_number", "身份证号码", "身份证号", "证件号码", type=ID),
        _f("birth_date", "出生日期", "出生年月", type=DATE),
        _f("age", "年龄", "周岁", type=INT),
        _f("relation", "与户主关系"),
        _f("household_no", "户编号", "户号"),
        _f("head_name", "户主姓名", "户主"),
        _f("group", "村民小组", "组别", "组"),
        _f("address", "家庭住址", "住址"),
        _f("phone", "联系电话", "电话", "手机号"),
        _f("person_no", "人编号"),
        _f("ethnicity", "民族"),
        _f("education", "文化程度"),
        _f("health", "健康状况"),
        _f("labour_skill", "劳动技能"),
        _f("tags", "人员类别", "类别", "标签"),
        _f("notes", "备注"),
    ),
}
_IMPORT_KIND = {
    "visit": "visits",
    "issue": "issues",
    "aid": "aid",
    "household": "households",
    "resident": "residents",
}
NUMBER_HEADERS = ("序号", "序", "顺序号", "no", "no.", "行号")
#: words in a title that say which rows a form lists
_TITLE_HINTS = (
    ("visits", ("走访",)),
    ("issues-month", ("问题", "诉求", "民情")),
    ("aid", ("慰问", "救助", "发放", "帮扶")),
    ("deeds", ("实事",)),
    ("activities", ("活动", "会议")),
    ("diary", ("日志", "考勤")),
)
_TAG_WORDS = {
    "独居": "独居老人",
    "空巢": "空巢老人",
    "留守": "留守儿童",
    "困境": "困境儿童",
    "残疾": "残疾",
    "高龄": "高龄",
    "党员": "党员",
    "五老": "五老",
    "五保": "特困户",
}


def fields_of(source_kind: str) -> tuple[TemplateField, ...]:
    """Every field a column of this source can show (the record's, then the village's)."""
    return (*KIND_FIELDS[ROW_SOURCES[source_kind][0]], *COMMON)


def field_by_name(source_kind: str, name: str) -> TemplateField | None:
    """A field of a source by its code name or Chinese label."""
    norm = normalize_header(name)
    for f in fields_of(source_kind):
        if name == f.name or norm == normalize_header(f.label):
            return f
    return None


def _index(kind: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for f in (*KIND_FIELDS[kind], *COMMON):
        for alias in (f.label, *f.aliases):
            index.setdefault(normalize_header(alias), f.name)
    names = {f.name for f in KIND_FIELDS[kind]}
    for spec in IMPORT_FIELDS.get(_IMPORT_KIND.get(kind, ""), ()):
        if spec.name in names:
            for alias in spec.aliases:
                index.setdefault(normalize_header(alias), spec.name)
    return index


_INDEXES = {kind: _index(kind) for kind in KIND_FIELDS}


def match_field(header: str, source_kind: str) -> tuple[str, float] | None:
    """The field a header names for this source, with how sure (1.0 exact … 0.6 contained)."""
    norm = normalize_header(header)
    if not norm:
        return None
    index = _INDEXES[ROW_SOURCES[source_kind][0]]
    if norm in index:
        return index[norm], 1.0
    sub = norm.split("/")[-1]
    if sub in index:
        return index[sub], 0.9
    bare = re.sub(r"\([^)]*\)", "", sub)
    if bare in index:
        return index[bare], 0.8
    best = max((a for a in index if len(a) >= 2 and a in bare), key=len, default=None)
    return (index[best], 0.6) if best else None


def is_number_header(header: str) -> bool:
    """Whether a header asks for a running number (序号)."""
    return normalize_header(header).lower() in NUMBER_HEADERS


def guess_columns(headers: dict[int, str], source_kind: str) -> list[ColumnRule]:
    """A rule per column (1-based → header); the surest column naming a field wins it."""
    rules = {col: ColumnRule(col, text) for col, text in headers.items()}
    best: dict[str, tuple[int, float]] = {}
    for col, text in headers.items():
        if is_number_header(text):
            rules[col].rule = RULE_NUMBER
            continue
        match = match_field(text, source_kind)
        if match is None:
            continue
        name, score = match
        if name in best and best[name][1] >= score:
            continue
        if name in best:
            rules[best[name][0]] = ColumnRule(best[name][0], headers[best[name][0]])
        best[name] = (col, score)
        rules[col] = ColumnRule(col, text, RULE_FIELD, name)
    return [rules[c] for c in sorted(rules)]


def guess_source(headers: list[str], title: str) -> tuple[str, str | None]:
    """Which rows a form lists (a ROW_SOURCES key) and, for people lists, the tag."""
    scores: dict[str, float] = {}
    for source in ROW_SOURCES:
        if source in ("issues-tracking", "issues-all"):
            continue
        kind = ROW_SOURCES[source][0]
        own = {f.name for f in KIND_FIELDS[kind]}
        found = {m[0] for h in headers if (m := match_field(h, source)) and m[0] in own}
        scores[source] = len(found)
    for source, words in _TITLE_HINTS:
        if any(w in title for w in words):
            scores[source] += 3
    tag = _tag_in(title)
    people = any(normalize_header(h) in ("与户主关系", "性别", "年龄", "出生日期") for h in headers)
    if tag is not None:
        scores["residents" if tag in set(ResidentTag) else "households"] += 3
    if people:
        scores["residents"] += 2
    source = max(scores, key=lambda s: scores[s])  # ties: the order of ROW_SOURCES
    if source == "issues-month":
        if any(w in title for w in ("跟踪", "未办结", "在办", "未销号")):
            source = "issues-tracking"
        elif any(w in title for w in ("全部", "累计", "总台账")):
            source = "issues-all"
    if source not in ("households", "residents"):
        tag = None
    return source, tag


def _tag_in(text: str) -> str | None:
    for tag in (*ResidentTag, *HouseholdTag):
        if tag.value in text and tag != HouseholdTag.ORDINARY:
            return tag.value
    for word, tag in _TAG_WORDS.items():
        if word in text:
            return tag
    return None


def check_tag(source_kind: str, tag: str | None) -> str | None:
    """A valid tag for a people list (None for other sources); Chinese error otherwise."""
    if source_kind not in ("households", "residents"):
        return None
    allowed = [t.value for t in (ResidentTag if source_kind == "residents" else HouseholdTag)]
    if not tag:
        raise ValidationError(f"请指定标签（可选：{'、'.join(allowed)}）", "tag")
    if tag not in allowed:
        raise ValidationError(f"没有这个标签：{tag}（可选：{'、'.join(allowed)}）", "tag")
    return tag


def parse_rule(col: int, header: str, text: str, source_kind: str) -> ColumnRule:
    """A column rule from the user's words: a field (name or label), 序号, 空, or 文字:xxx."""
    text = text.strip()
    low = text.lower()
    if low in ("序号", "number", "#"):
        return ColumnRule(col, header, RULE_NUMBER)
    if low in ("空", "empty", "", "none"):
        return ColumnRule(col, header, RULE_EMPTY)
    for prefix in ("text:", "文字:", "文字：", "="):
        if text.startswith(prefix):
            return ColumnRule(col, header, RULE_TEXT, text[len(prefix) :])
    found = field_by_name(source_kind, text)
    if found is None:
        names = "、".join(f"{f.label}({f.name})" for f in fields_of(source_kind))
        raise ValidationError(
            f"“{text}”不是可填的字段。可用：序号、空、文字:内容，或 {names}", "mapping"
        )
    return ColumnRule(col, header, RULE_FIELD, found.name)
