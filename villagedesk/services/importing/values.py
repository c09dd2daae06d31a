"""Turn one spreadsheet cell into a value we store, or raise ValidationError saying why."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from villagedesk.core.enums import (
    Gender,
    HandlingMode,
    HouseholdTag,
    IssueCategory,
    IssueLevel,
    IssueSource,
    MonitoringType,
    Relation,
    RiskCause,
    Satisfaction,
    VisitWay,
)
from villagedesk.core.validation import (
    ValidationError,
    is_probably_mangled_id,
    normalize_id_number,
    parse_date,
    parse_id_number,
)

MANGLED_ID = "身份证号码被 Excel 存成了数字，后几位已丢失，请把该列设为文本后重新填写"
MANGLED_NUMBER = "{label}被 Excel 存成了数字，后几位可能已丢失，请把该列设为文本后重新填写"
_SPLIT = re.compile(r"[、,，/;；\s]+")
_SPACES = re.compile(r"\s+")
_MANGLED_CODE = re.compile(r"[0-9.]+[eE]\+?[0-9]+")


def text(value: object) -> str:
    """A cell as text: numbers without a trailing .0, dates as ISO, rare characters untouched."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def code_text(value: object, label: str) -> str:
    """A number-like code (户编号, 人编号, 编号) that must survive as text."""
    if isinstance(value, float) and (abs(value) >= 1e15 or not value.is_integer()):
        if abs(value) >= 1e15:
            raise ValidationError(MANGLED_NUMBER.format(label=label))
    out = text(value)
    if _MANGLED_CODE.fullmatch(out) and "e+" in out.lower():
        raise ValidationError(MANGLED_NUMBER.format(label=label))
    return out


def id_number(value: object, today: date) -> str:
    """A checked 18-digit ID number ('' when blank); numbers Excel mangled are refused."""
    if value is None or text(value) == "":
        return ""
    if is_probably_mangled_id(value):
        raise ValidationError(MANGLED_ID, "id_number")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    info = parse_id_number(normalize_id_number(text(value)), today=today)
    return info.number


def optional_date(value: object) -> date | None:
    """A date from any of the ways ledgers write one (None when blank)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def gender(value: object) -> Gender | None:
    """男/女, 1/2, 男性/女性, M/F."""
    t = unicodedata.normalize("NFKC", text(value)).upper()
    if not t:
        return None
    if t in ("男", "1", "男性", "M"):
        return Gender.MALE
    if t in ("女", "2", "女性", "F"):
        return Gender.FEMALE
    raise ValidationError(f"无法识别的性别：{t}（应为 男/女 或 1/2）", "gender")


_TRUE = {"是", "√", "✓", "✔", "☑", "Y", "YES", "TRUE", "1", "对", "有", "已消除", "消除"}
_FALSE = {"否", "×", "✗", "✘", "X", "N", "NO", "FALSE", "0", "无", "未消除", "不"}


def yes_no(value: object) -> bool | None:
    """是/否, √/×, 1/0, Y/N (None when blank)."""
    t = unicodedata.normalize("NFKC", text(value)).upper()
    if not t:
        return None
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValidationError(f"无法识别的是/否：{t}")


_RELATIONS: list[tuple[tuple[str, ...], Relation]] = [
    (("户主", "本人", "户主本人"), Relation.HEAD),
    (("配偶", "妻", "妻子", "丈夫", "夫", "之妻", "之夫", "老伴"), Relation.SPOUSE),
    (("儿媳", "之儿媳", "媳妇"), Relation.DAUGHTER_IN_LAW),
    (("女婿", "之女婿"), Relation.SON_IN_LAW),
    (("孙女", "之孙女", "外孙女"), Relation.GRANDDAUGHTER),
    (("孙子", "之孙子", "孙", "外孙", "外孙子"), Relation.GRANDSON),
    (("祖父", "之祖父", "爷爷", "外祖父"), Relation.GRANDFATHER),
    (("祖母", "之祖母", "奶奶", "外祖母"), Relation.GRANDMOTHER),
    (("父亲", "之父", "父"), Relation.FATHER),
    (("母亲", "之母", "母"), Relation.MOTHER),
    (
        ("兄弟姐妹", "之兄弟姐妹", "兄", "弟", "姐", "妹", "哥哥", "弟弟", "姐姐", "妹妹"),
        Relation.SIBLING,
    ),
    (("之子", "子", "儿子", "长子", "次子", "三子", "独子", "养子", "继子"), Relation.SON),
    (("之女", "女", "女儿", "长女", "次女", "三女", "独女", "养女", "继女"), Relation.DAUGHTER),
]
_RELATION_INDEX = {word: rel for words, rel in _RELATIONS for word in words}
# the rosters' words first, then the enum's own values: built once, not per cell
_RELATION_WORDS = {r.value: r for r in Relation} | _RELATION_INDEX


def relation(value: object) -> Relation | None:
    """与户主关系 in the words rosters use (None when blank; other words → 其他)."""
    t = _SPACES.sub("", text(value))
    if not t:
        return None
    return _RELATION_WORDS.get(t, Relation.OTHER)


def household_tags(value: object) -> list[HouseholdTag]:
    """户类型 words ("脱贫户、低保户", "监测户", "五保户") as tags."""
    out: list[HouseholdTag] = []
    for part in _SPLIT.split(text(value)):
        tag = None
        if "脱贫" in part:
            tag = HouseholdTag.LIFTED
        elif "监测" in part or "边缘" in part or "突发" in part:
            tag = HouseholdTag.MONITORED
        elif "低保" in part:
            tag = HouseholdTag.DIBAO
        elif "特困" in part or "五保" in part or "分散供养" in part:
            tag = HouseholdTag.TEKUN
        elif "一般" in part or "非贫困" in part:
            tag = HouseholdTag.ORDINARY
        if tag and tag not in out:
            out.append(tag)
    return out


def monitoring_type(value: object) -> MonitoringType | None:
    """监测对象类型 by the words it contains."""
    t = text(value)
    if not t:
        return None
    for key, kind in (("不稳定", MonitoringType.UNSTABLE), ("边缘", MonitoringType.MARGINAL),
                      ("突发", MonitoringType.SUDDEN)):  # fmt: skip
        if key in t:
            return kind
    raise ValidationError(f"无法识别的监测对象类型：{t}")


def risk_causes(value: object) -> list[RiskCause]:
    """致贫/风险类型 words as causes (unknown words become 其他)."""
    out: list[RiskCause] = []
    for part in _SPLIT.split(text(value)):
        if not part:
            continue
        cause = RiskCause.OTHER
        for rc in RiskCause:
            if rc.value in part or rc.value.removeprefix("因") in part:
                cause = rc
                break
        if "务工" in part or "就业" in part:
            cause = RiskCause.JOBLESS
        if "劳动力" in part:
            cause = RiskCause.NO_LABOUR
        if cause not in out:
            out.append(cause)
    return out


def _by_words(value: object, enum, words: dict[str, object], what: str, default=None):
    t = _SPACES.sub("", text(value))
    if not t:
        return default
    for member in enum:
        if t == member.value:
            return member
    for key, member in words.items():
        if key in t:
            return member
    raise ValidationError(f"无法识别的{what}：{t}")


def visit_way(value: object) -> VisitWay:
    """入户 / 电话 / 座谈 (blank: 入户)."""
    words = {"电话": VisitWay.PHONE, "微信": VisitWay.PHONE, "座谈": VisitWay.MEETING,
             "会": VisitWay.MEETING, "入户": VisitWay.HOME, "上门": VisitWay.HOME,
             "走访": VisitWay.HOME, "实地": VisitWay.HOME}  # fmt: skip
    return _by_words(value, VisitWay, words, "走访方式", VisitWay.HOME)


def issue_source(value: object) -> IssueSource:
    """来源渠道 (blank: 走访)."""
    words = {"走访": IssueSource.VISIT, "入户": IssueSource.VISIT, "来访": IssueSource.WALK_IN,
             "上门反映": IssueSource.WALK_IN, "电话": IssueSource.PHONE, "热线": IssueSource.PHONE,
             "座谈": IssueSource.MEETING, "会": IssueSource.MEETING, "监测": IssueSource.MONITORING,
             "预警": IssueSource.MONITORING, "部门": IssueSource.DEPARTMENT,
             "转": IssueSource.DEPARTMENT}  # fmt: skip
    return _by_words(value, IssueSource, words, "来源渠道", IssueSource.VISIT)


def issue_category(value: object) -> IssueCategory:
    """问题类别 (unknown words: 其他)."""
    t = text(value)
    words = {"路": IssueCategory.INFRASTRUCTURE, "水": IssueCategory.INFRASTRUCTURE,
             "电": IssueCategory.INFRASTRUCTURE, "基础设施": IssueCategory.INFRASTRUCTURE,
             "就业": IssueCategory.INCOME, "增收": IssueCategory.INCOME,
             "医": IssueCategory.HEALTH, "病": IssueCategory.HEALTH, "教育": IssueCategory.EDUCATION,
             "学": IssueCategory.EDUCATION, "房": IssueCategory.HOUSING,
             "低保": IssueCategory.SOCIAL_SECURITY, "保障": IssueCategory.SOCIAL_SECURITY,
             "养老": IssueCategory.SOCIAL_SECURITY, "产业": IssueCategory.INDUSTRY,
             "纠纷": IssueCategory.DISPUTE, "矛盾": IssueCategory.DISPUTE,
             "环境": IssueCategory.ENVIRONMENT, "卫生": IssueCategory.ENVIRONMENT}  # fmt: skip
    try:
        return _by_words(t, IssueCategory, words, "问题类别", IssueCategory.OTHER)
    except ValidationError:
        return IssueCategory.OTHER


def issue_level(value: object) -> IssueLevel | None:
    """办理层级 (None when blank)."""
    words = {"村": IssueLevel.VILLAGE, "乡": IssueLevel.TOWNSHIP, "镇": IssueLevel.TOWNSHIP,
             "派出": IssueLevel.DISPATCH_UNIT, "单位": IssueLevel.DISPATCH_UNIT,
             "县": IssueLevel.COUNTY, "部门": IssueLevel.COUNTY}  # fmt: skip
    return _by_words(value, IssueLevel, words, "办理层级")


def handling_mode(value: object) -> HandlingMode | None:
    """立刻办 / 限期办 / 分期办 (None when blank)."""
    words = {"立": HandlingMode.AT_ONCE, "即": HandlingMode.AT_ONCE, "马上": HandlingMode.AT_ONCE,
             "限期": HandlingMode.WITH_DEADLINE, "分期": HandlingMode.IN_STAGES,
             "分步": HandlingMode.IN_STAGES}  # fmt: skip
    return _by_words(value, HandlingMode, words, "办理方式")


def satisfaction(value: object) -> Satisfaction | None:
    """满意 / 基本满意 / 不满意 found in the text (None when absent)."""
    t = text(value)
    if "不满意" in t:
        return Satisfaction.UNSATISFIED
    if "基本满意" in t or "较满意" in t or "比较满意" in t:
        return Satisfaction.BASICALLY
    if "满意" in t:
        return Satisfaction.SATISFIED
    return None
