"""Names, places and fixed facts of the demo village (fictional, but shaped like a real one).

Surname weights follow the national frequency order (per ten thousand people, rounded);
given names follow the fashions of the decade a person was born in. The phrases the team
writes (visits, issues, diary …) live in ``resources/demo/phrases.json``. The people are
built in ``demo_people``, the year of work in ``demo_work``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from random import Random
from typing import Any

from villagedesk.core.enums import (
    HouseholdTag,
    IssueLevel,
    IssueOutcome,
    IssueStatus,
    Satisfaction,
)
from villagedesk.core.validation import id_check_char
from villagedesk.resources import resource_path

VILLAGE = "青石村"
TOWNSHIP = "界牌镇"
COUNTY = "远山县"
DISPATCHING_UNIT = "市民政局"
VILLAGE_COMMITTEE_PHONE = "0550-7316218"
SERVICE_PROMISE = (
    "有困难请找我们：小事不出村组、大事不出乡镇；群众诉求当天登记、限期办理、办结回访，"
    "做到发现一个、办结一个、销号一个。"
)

#: The county's six-digit region code, and neighbouring counties (brides and grooms marry in).
HOME_REGION = "341125"
NEIGHBOUR_REGIONS = ("341124", "341182", "340121", "341122", "341126", "340322")

#: (name, dominant surname or "") of the village groups (村民小组).
GROUPS = (
    ("张湾组", "张"),
    ("石桥组", ""),
    ("大郢组", "王"),
    ("后塘组", ""),
    ("小李庄组", "李"),
    ("东庄组", ""),
    ("新集组", ""),
    ("陈洼组", "陈"),
)

#: Surname weights follow the national frequency order (per ten thousand people, rounded);
#: given names by gender and era (born before 1965, 1965-1984, 1985-2004, 2005 on), and a
#: few rare ones (堃 喆 犇 頫 龑 …) that trip up pinyin tables and input methods. Every one
#: is in the bundled font (a test checks): a character it lacks would print as a box.
#: They live in ``resources/demo/names.json``.
RARE_NAME_SHARE = 0.012

MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181", "182",
    "183", "186", "187", "188", "189", "191", "199",
)  # fmt: skip

#: (name, role, unit, note) of the resident work team.
TEAM = (
    ("周明远", "第一书记", "市民政局", "兼任驻村工作队队长"),
    ("沈佳怡", "队员", "市民政局", "负责台账和慰问物资"),
    ("郭鹏", "队员", "市民政局", "负责产业和就业帮扶"),
    ("汪立新", "队员", "界牌镇人民政府", "负责与镇直部门对接"),
)
#: (name, unit, post) of the village cadres; each answers for a share of the groups.
CADRES = (
    ("张德胜", "青石村党总支", "村党总支书记"),
    ("李秀梅", "青石村村委会", "村委会副主任兼妇联主席"),
    ("陈文斌", "青石村村委会", "村委会委员兼报账员"),
)

#: Household size (members) -> weight; a township generator may pass its own.
HOUSEHOLD_SIZES = {1: 10, 2: 22, 3: 19, 4: 22, 5: 17, 6: 10}

#: Share of households carrying each tag (the rest are 一般农户).
TAG_SHARES = {"脱贫户": 0.15, "监测户": 0.04, "低保户": 0.06, "特困户": 0.02}
AWAY_SHARE = 0.07
DISABLED_SHARE = 0.05
PARTY_MEMBER_SHARE = 0.07

HEALTH = ("健康", "健康", "健康", "长期慢性病")
SERIOUS_ILLNESSES = ("尿毒症", "脑梗后遗症", "肺癌", "乳腺癌", "白血病", "重度精神障碍", "冠心病")
DISABILITIES = ("肢体三级", "肢体二级", "视力二级", "听力四级", "智力三级", "精神二级")
SKILLS_ADULT = ("普通劳动力", "普通劳动力", "普通劳动力", "技能劳动力")
OLD_SKILLS = ("弱劳动力或半劳动力", "丧失劳动力")
WORK_AWAY_PLACES = ("南京", "合肥", "上海", "苏州", "杭州", "宁波", "深圳", "滁州")


@cache
def phrases() -> dict[str, Any]:
    """The phrase templates the team's texts are built from."""
    with open(resource_path("demo", "phrases.json"), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def names() -> dict[str, Any]:
    """Surname weights, given names by gender and era, and rare given names."""
    with open(resource_path("demo", "names.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data["surname_list"] = list(data["surnames"])
    data["surname_weights"] = list(data["surnames"].values())
    return data


def pick_surname(rng: Random) -> str:
    """A surname drawn by national frequency."""
    n = names()
    return rng.choices(n["surname_list"], weights=n["surname_weights"])[0]


def given_name(rng: Random, gender: str, birth_year: int) -> str:
    """A given name in the fashion of the person's birth decade."""
    if rng.random() < RARE_NAME_SHARE:
        return rng.choice(names()["rare_given_names"][gender])
    era = 0 if birth_year < 1965 else 1 if birth_year < 1985 else 2 if birth_year < 2005 else 3
    return rng.choice(names()["given_names"][gender][era])


def birth_for_age(rng: Random, today: date, age: int) -> date:
    """A birth date giving exactly ``age`` whole years on ``today``."""
    latest = _years_before(today, age)
    earliest = _years_before(today, age + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def id_number(rng: Random, region: str, birth: date, male: bool, used: set[str]) -> str:
    """A valid, unused 18-digit ID number (GB 11643) for this region, birth date and gender."""
    while True:
        seq = rng.randrange(500) * 2 + (1 if male else 0)
        first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
        number = first17 + id_check_char(first17)
        if number not in used:
            used.add(number)
            return number


def mobile(rng: Random, used: set[str]) -> str:
    """An unused mainland mobile number."""
    while True:
        number = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if number not in used:
            used.add(number)
            return number


# ---------------------------------------------------------------- the year of work

CROPS = ("水稻", "小麦", "油菜", "黄桃", "葡萄", "草莓", "花生")
HARDSHIP_ORDER = (HouseholdTag.TEKUN, HouseholdTag.MONITORED, HouseholdTag.DIBAO)
MODES = {
    IssueLevel.VILLAGE: ("限期办",),
    IssueLevel.TOWNSHIP: ("限期办", "限期办", "分期办"),
    IssueLevel.DISPATCH_UNIT: ("限期办", "分期办"),
    IssueLevel.COUNTY: ("限期办", "分期办", "分期办"),
}
_S, _L, _O = IssueStatus, IssueLevel, IssueOutcome
#: Issues every demo has, so every status, level and the overdue and reopened cases show.
SCRIPTED_ISSUES = (
    {"status": _S.REGISTERED, "age": (0, 4)},
    {"status": _S.REGISTERED, "age": (1, 8)},
    {"status": _S.IN_PROGRESS, "age": (5, 20), "level": _L.VILLAGE},
    {"status": _S.IN_PROGRESS, "age": (15, 40), "level": _L.TOWNSHIP, "escalate": True},
    {"status": _S.IN_PROGRESS, "age": (80, 120), "level": _L.TOWNSHIP, "overdue": True},
    {"status": _S.IN_PROGRESS, "age": (20, 60), "level": _L.DISPATCH_UNIT},
    {
        "status": _S.IN_PROGRESS,
        "age": (110, 160),
        "level": _L.COUNTY,
        "overdue": True,
        "escalate": True,
    },
    {
        "status": _S.IN_PROGRESS,
        "age": (90, 150),
        "level": _L.VILLAGE,
        "reopen": True,
        "escalate": False,
    },
    {"status": _S.DONE, "age": (15, 40), "outcome": _O.SOLVED},
    {"status": _S.DONE, "age": (20, 60), "outcome": _O.EXPLAINED, "level": _L.COUNTY},
    {
        "status": _S.CLOSED,
        "age": (60, 300),
        "outcome": _O.EXPLAINED,
        "satisfaction": Satisfaction.BASICALLY,
    },
    {"status": _S.CLOSED, "age": (40, 300), "outcome": _O.SOLVED, "level": _L.DISPATCH_UNIT},
    {
        "status": _S.CLOSED,
        "age": (40, 300),
        "outcome": _O.SOLVED,
        "level": _L.TOWNSHIP,
        "escalate": True,
    },
)
