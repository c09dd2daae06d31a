"""The fields each import kind fills, the many header words for each, and mapping guesses.

A ``Mapping`` says which column feeds which field. Guesses come from alias tables; a
mapping the user corrected is remembered per "file shape" (the normalised header row).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from villagedesk.core.validation import ValidationError

if TYPE_CHECKING:
    from villagedesk.storage.database import Database

KINDS = ("households", "residents", "visits", "issues", "aid", "monitoring")
KIND_NAMES = {
    "households": "农户",
    "residents": "村民",
    "visits": "走访记录",
    "issues": "问题台账",
    "aid": "帮扶慰问",
    "monitoring": "监测比对名单",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field an import can fill: its code name, Chinese label and header aliases."""

    name: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


def _f(name: str, label: str, *aliases: str, required: bool = False) -> FieldSpec:
    return FieldSpec(name, label, (label, *aliases), required)


_HOUSEHOLD_NO = _f("household_no", "户编号", "户号", "户码", "农户编号", "家庭编号")
_GROUP = _f("group", "村民小组", "组别", "组", "所在组", "小组", "村组", "网格", "自然村", "组名")
_ADDRESS = _f("address", "家庭住址", "住址", "地址", "现住址", "居住地址", "家庭地址")
_PHONE = _f("phone", "联系电话", "手机号", "电话", "手机号码", "户联系电话", "电话号码", "手机")
_ID = _f(
    "id_number", "身份证号", "身份证号码", "证件号码", "公民身份号码", "身份证", "证件号",
    "身份证件号码",
)  # fmt: skip
_NOTES = _f("notes", "备注", "说明")
_HEAD_NAME = _f("head_name", "户主姓名", "户主", "户主名字")
_MEMBERS = _f("members", "人数", "家庭人口", "家庭人口数", "人口数", "家庭人数", "户人数")
_TAGS = _f("tags", "户类型", "户属性", "农户类型", "户别", "家庭类型")
_MONITORING = _f("monitoring_type", "监测对象类型", "监测类型")
_RISKS = _f(
    "risk_causes", "风险类型", "致贫原因", "主要致贫原因", "致贫风险类型", "主要风险类型",
    "返贫致贫风险", "风险原因",
)  # fmt: skip
_CLEARED = _f("risk_cleared", "风险是否消除", "是否消除风险", "风险消除")
_RESIDENT_FIELDS = (
    _f("name", "姓名", "名字", "成员姓名", "家庭成员姓名", "人员姓名", required=True),
    _f("gender", "性别"),
    _ID,
    _f("relation", "与户主关系", "关系", "家庭关系", "与户主的关系"),
    _f("birth_date", "出生日期", "出生年月", "出生年月日", "生日"),
    _f("ethnicity", "民族"),
    _f("education", "文化程度", "学历"),
    _f("health", "健康状况", "身体状况"),
    _f("labour_skill", "劳动技能", "劳动能力"),
    _f("person_no", "人编号", "人员编号", "个人编号"),
)

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "households": (
        _HOUSEHOLD_NO,
        _f("head_name", "户主姓名", "户主", "姓名", "名字", "户主名字", required=True),
        _f("id_number", *_ID.aliases, "户主身份证号", "户主身份证号码", "户主证件号码"),
        _PHONE,
        _ADDRESS,
        _GROUP,
        _MEMBERS,
        _TAGS,
        _MONITORING,
        _RISKS,
        _CLEARED,
        _NOTES,
        _f("gender", "性别", "户主性别"),
    ),  # fmt: skip
    "residents": (
        _HOUSEHOLD_NO,
        _HEAD_NAME,
        *_RESIDENT_FIELDS,
        _PHONE,
        _ADDRESS,
        _GROUP,
        _MEMBERS,
        _TAGS,
        _MONITORING,
        _RISKS,
        _CLEARED,
        _NOTES,
    ),  # fmt: skip
    "visits": (
        _f("date", "走访日期", "日期", "走访时间", "时间", required=True),
        _f("household", "走访对象", "户主", "户主姓名", "走访对象(户主)", "对象", "姓名", "走访户"),
        _HOUSEHOLD_NO,
        _GROUP,
        _f("way", "走访方式", "方式", "走访形式"),
        _f("members", "走访人员", "走访人", "走访干部", "走访队员"),
        _f("situation", "家庭基本情况", "基本情况", "了解情况", "走访情况", "家庭情况"),
        _f("needs", "困难和诉求", "诉求", "困难诉求", "主要诉求", "困难及诉求", "存在困难"),
        _f("handling", "现场处置", "处理情况", "现场处置或解释", "现场处置情况", "处置情况"),
        _f("next_step", "下一步", "是否转入问题台账", "是否转入问题台账/下一步", "下一步打算"),
        _NOTES,
    ),  # fmt: skip
    "issues": (
        _f("number", "编号", "问题编号", "台账编号"),
        _f("collected_date", "登记日期", "收集日期", "反映日期", "日期", "受理日期"),
        _f("source", "来源渠道", "来源", "问题来源", "收集渠道"),
        _f("reporter", "反映人", "反映群众", "诉求人", "姓名", "反映对象"),
        _HOUSEHOLD_NO,
        _GROUP,
        _f("category", "问题类别", "类别", "问题类型", "诉求类别"),
        _f(
            "description",
            "诉求事项",
            "问题内容",
            "诉求内容",
            "问题描述",
            "反映问题",
            "具体问题",
            "反映事项",
            required=True,
        ),
        _f("level", "办理层级", "层级", "责任层级"),
        _f("handling_mode", "办理方式", "办理类型"),
        _f("owner", "责任人", "办理人", "责任单位"),
        _f("deadline", "办理时限", "时限", "完成时限"),
        _f("progress", "办理进展", "进展情况", "进展"),
        _f("done_date", "办结日期", "办结时间", "完成日期"),
        _f("result", "办理结果", "结果", "处理结果"),
        _f("satisfaction", "满意度", "回访情况及满意度", "群众满意度", "回访满意度"),
        _f("status", "状态", "是否销号", "办理状态", "状态(是否销号)", "是否办结"),
        _f("follow_up", "回访情况"),
    ),  # fmt: skip
    "aid": (
        _f("date", "日期", "慰问日期", "发放日期", "时间", required=True),
        _f("target", "对象", "慰问对象", "对象(户主)", "户主", "户主姓名", "姓名", "帮扶对象"),
        _HOUSEHOLD_NO,
        _ID,
        _f("hardship", "困难类别", "类别", "困难类型", "困难情况"),
        _f("amount", "慰问金", "金额", "慰问金(元)", "金额(元)", "慰问金额", "发放金额"),
        _f("goods", "物品", "物品及数量", "慰问品", "慰问物品", "物资"),
        _f("funding_source", "资金来源", "经费来源"),
        _f("given_by", "慰问人", "慰问单位", "经办人", "慰问人员"),
        _NOTES,
    ),  # fmt: skip
    "monitoring": (
        _f("name", "姓名", "名字", "患者姓名", "人员姓名", "对象姓名", required=True),
        _ID,
        _HOUSEHOLD_NO,
        _HEAD_NAME,
        _GROUP,
        _ADDRESS,
        _f(
            "detail",
            "类别",
            "比对类别",
            "事项",
            "情况",
            "费用",
            "自付费用",
            "医疗费用",
            "残疾类别",
            "预警信息",
            "比对结果",
        ),
        _NOTES,
    ),  # fmt: skip
}

#: columns of the national poverty-monitoring system's household export (one row per person)
NATIONAL_EXPORT_MARKERS = ("户编号", "人编号", "证件号码", "与户主关系", "行政村")


def normalize_header(value: object) -> str:
    """Header text as compared: NFKC, no spaces, no required-marks or trailing colons."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = re.sub(r"[\s*＊:：]+", "", text)
    return text.replace("（", "(").replace("）", ")")


def _strip_parens(text: str) -> str:
    return re.sub(r"\([^)]*\)", "", text)


@dataclass(frozen=True)
class FieldMatch:
    """One column's field and how sure the guess is (1.0 exact, lower for looser matches)."""

    field: str
    confidence: float


@dataclass
class Mapping:
    """Column index (0-based) → field, as guessed or as the user set it."""

    kind: str
    columns: dict[int, FieldMatch] = field(default_factory=dict)

    def field_of(self, col: int) -> str | None:
        """The field a column feeds, or None when it is ignored."""
        match = self.columns.get(col)
        return match.field if match else None

    def column_of(self, name: str) -> int | None:
        """The column feeding a field, or None."""
        for col, match in self.columns.items():
            if match.field == name:
                return col
        return None

    def set(self, col: int, name: str | None) -> None:
        """The user's correction: this column feeds ``name`` (None: ignore the column)."""
        if name is None:
            self.columns.pop(col, None)
            return
        if name not in {f.name for f in FIELDS[self.kind]}:
            raise ValidationError(f"“{name}”不是{KIND_NAMES[self.kind]}的字段")
        for other in [c for c, m in self.columns.items() if m.field == name and c != col]:
            del self.columns[other]
        self.columns[col] = FieldMatch(name, 1.0)

    def missing_required(self) -> list[FieldSpec]:
        """Required fields no column feeds."""
        used = {m.field for m in self.columns.values()}
        return [f for f in FIELDS[self.kind] if f.required and f.name not in used]

    def to_json(self) -> dict[str, str]:
        """Plain form for settings and reports."""
        return {str(c): m.field for c, m in sorted(self.columns.items())}


def field_label(kind: str, name: str) -> str:
    """The Chinese label of a field."""
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec.label
    return name


def _alias_index(kind: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for spec in FIELDS[kind]:
        for alias in spec.aliases:
            index.setdefault(normalize_header(alias), spec.name)
    return index


_INDEX = {kind: _alias_index(kind) for kind in KINDS}


def match_header(text: object, kind: str) -> FieldMatch | None:
    """The field a header cell names (combined headers "组/子" match on the sub-header)."""
    norm = normalize_header(text)
    if not norm:
        return None
    index = _INDEX[kind]
    parts = norm.split("/") if "/" in norm and norm not in index else [norm]
    sub = parts[-1]
    if norm in index:
        return FieldMatch(index[norm], 1.0)
    if sub in index:
        return FieldMatch(index[sub], 0.9)
    bare = _strip_parens(sub)
    if bare in index:
        return FieldMatch(index[bare], 0.8)
    # "户主身份证号码（18位）", "联系电话（手机）": the longest alias the header contains
    best = max((a for a in index if len(a) >= 2 and a in bare), key=len, default=None)
    if best is not None:
        return FieldMatch(index[best], 0.6)
    return None


def is_national_export(headers: list[str]) -> bool:
    """Whether a header row is the national monitoring system's household export."""
    norm = {normalize_header(h) for h in headers}
    return all(normalize_header(m) in norm for m in NATIONAL_EXPORT_MARKERS)


def guess_mapping(headers: list[str], kind: str) -> Mapping:
    """Guess which column feeds which field; the first column naming a field wins."""
    if kind not in FIELDS:
        raise ValidationError(f"不支持导入的类型：{kind}")
    mapping = Mapping(kind)
    taken: dict[str, tuple[int, float]] = {}
    for col, header in enumerate(headers):
        match = match_header(header, kind)
        if match is None:
            continue
        prev = taken.get(match.field)
        if prev is not None and prev[1] >= match.confidence:
            continue
        if prev is not None:
            del mapping.columns[prev[0]]
        taken[match.field] = (col, match.confidence)
        mapping.columns[col] = match
    return mapping


def shape_key(kind: str, headers: list[str]) -> str:
    """The settings key under which a file shape's mapping is remembered."""
    text = "\x1f".join(normalize_header(h) for h in headers)
    return f"import_mapping:{kind}:{hashlib.sha1(text.encode('utf-8')).hexdigest()}"


def remember_mapping(db: Database, kind: str, headers: list[str], mapping: Mapping) -> None:
    """Store a mapping for the next file with the same header row."""
    value = json.dumps(mapping.to_json(), ensure_ascii=False, sort_keys=True)
    key = shape_key(kind, headers)
    if db.get_setting(key) != value:
        db.set_setting(key, value)


def recall_mapping(db: Database, kind: str, headers: list[str]) -> Mapping | None:
    """The mapping remembered for this file shape, if any (ignoring stale entries)."""
    raw = db.get_setting(shape_key(kind, headers))
    if not raw:
        return None
    try:
        data = json.loads(raw)
        names = {f.name for f in FIELDS[kind]}
        columns = {
            int(c): FieldMatch(f, 1.0)
            for c, f in data.items()
            if f in names and 0 <= int(c) < len(headers)
        }
    except (ValueError, TypeError, AttributeError):
        return None
    return Mapping(kind, columns)
