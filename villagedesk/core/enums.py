"""The fixed vocabularies of village work, as the township writes them.

Values are the Chinese words of the glossary (they are what is stored, exported and
imported); member names are English so code reads in one language.
"""

from __future__ import annotations

from enum import StrEnum


class HouseholdTag(StrEnum):
    ORDINARY = "一般农户"
    LIFTED = "脱贫户"
    MONITORED = "监测户"
    DIBAO = "低保户"
    TEKUN = "特困户"


class MonitoringType(StrEnum):
    UNSTABLE = "脱贫不稳定户"
    MARGINAL = "边缘易致贫户"
    SUDDEN = "突发严重困难户"


class RiskCause(StrEnum):
    ILLNESS = "因病"
    DISABILITY = "因残"
    SCHOOLING = "因学"
    DISASTER = "因灾"
    ACCIDENT = "因意外"
    JOBLESS = "因务工就业不稳"
    NO_LABOUR = "缺劳动力"
    OTHER = "其他"


class LivingStatus(StrEnum):
    RESIDENT = "常住"
    AWAY = "外出"


class ResidentTag(StrEnum):
    DISABLED = "残疾"
    ELDERLY = "高龄"
    LIVING_ALONE = "独居老人"
    EMPTY_NEST = "空巢老人"
    LEFT_BEHIND_CHILD = "留守儿童"
    CHILD_IN_DIFFICULTY = "困境儿童"
    PARTY_MEMBER = "党员"
    FIVE_ELDERS = "五老"


class Gender(StrEnum):
    MALE = "男"
    FEMALE = "女"


class Relation(StrEnum):
    HEAD = "户主"
    SPOUSE = "配偶"
    SON = "之子"
    DAUGHTER = "之女"
    DAUGHTER_IN_LAW = "之儿媳"
    SON_IN_LAW = "之女婿"
    GRANDSON = "之孙子"
    GRANDDAUGHTER = "之孙女"
    FATHER = "之父"
    MOTHER = "之母"
    GRANDFATHER = "之祖父"
    GRANDMOTHER = "之祖母"
    SIBLING = "之兄弟姐妹"
    OTHER = "其他"


class TeamRole(StrEnum):
    FIRST_SECRETARY = "第一书记"
    LEADER = "队长"
    MEMBER = "队员"
    VILLAGE_CADRE = "村干部"


class GroupKind(StrEnum):
    GROUP = "村民小组"
    GRID = "网格"


class VisitWay(StrEnum):
    HOME = "入户"
    PHONE = "电话"
    MEETING = "座谈"


class IssueSource(StrEnum):
    VISIT = "走访"
    WALK_IN = "来访"
    PHONE = "电话"
    MEETING = "座谈会"
    MONITORING = "监测预警"
    DEPARTMENT = "部门转入"


class IssueCategory(StrEnum):
    INFRASTRUCTURE = "基础设施"
    INCOME = "就业增收"
    HEALTH = "医疗健康"
    EDUCATION = "教育助学"
    HOUSING = "住房安全"
    SOCIAL_SECURITY = "社会保障"
    INDUSTRY = "产业发展"
    DISPUTE = "矛盾纠纷"
    ENVIRONMENT = "人居环境"
    OTHER = "其他"


class IssueStatus(StrEnum):
    REGISTERED = "已登记"
    IN_PROGRESS = "办理中"
    DONE = "已办结"
    CLOSED = "已回访销号"


class IssueLevel(StrEnum):
    VILLAGE = "村级解决"
    TOWNSHIP = "上报乡镇"
    DISPATCH_UNIT = "报派出单位"
    COUNTY = "转县级部门"


class HandlingMode(StrEnum):
    AT_ONCE = "立刻办"
    WITH_DEADLINE = "限期办"
    IN_STAGES = "分期办"


#: still being worked on (what the ledger calls 跟踪中)
TRACKING_STATUSES = (IssueStatus.REGISTERED, IssueStatus.IN_PROGRESS)
#: concluded (办结), struck off or not
FINISHED_STATUSES = (IssueStatus.DONE, IssueStatus.CLOSED)


def sql_in(values) -> str:
    """``in (…)`` of enum values as SQL literals (fixed vocabularies only, never user text)."""
    return "in (" + ", ".join(f"'{v.value}'" for v in values) + ")"


class IssueOutcome(StrEnum):
    SOLVED = "已解决"
    EXPLAINED = "已解释"


class Satisfaction(StrEnum):
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"


class IssueEventKind(StrEnum):
    REGISTER = "登记"
    ASSIGN = "转办"
    ESCALATE = "上报"
    PROGRESS = "进展"
    CONCLUDE = "办结"
    FOLLOW_UP = "回访销号"
    REOPEN = "重新办理"


class AidKind(StrEnum):
    CASH = "慰问金"
    GOODS = "慰问品"
    SCHOOLING = "助学"
    MEDICAL = "医疗救助"
    PRODUCE_SALES = "代销农产品"


class DeedStatus(StrEnum):
    PLANNED = "未开始"
    ONGOING = "推进中"
    DONE = "已完成"


class ActivityKind(StrEnum):
    MEETING = "座谈会"
    VOLUNTEER = "志愿服务"
    CULTURE = "文娱活动"
    PUBLICITY = "政策宣讲"
    FREE_CLINIC = "义诊"
    OTHER = "其他"


class Presence(StrEnum):
    IN_VILLAGE = "在村"
    AWAY = "外出"
    LEAVE = "请假"


#: Household tags that make a household "due a visit" when it has not been seen lately.
ATTENTION_HOUSEHOLD_TAGS = (HouseholdTag.MONITORED, HouseholdTag.DIBAO, HouseholdTag.TEKUN)
#: Resident tags that make their household "due a visit".
ATTENTION_RESIDENT_TAGS = (ResidentTag.LIVING_ALONE, ResidentTag.LEFT_BEHIND_CHILD)
