"""Pinyin search keys for Chinese personal names (pypinyin is imported lazily)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["full", "initials", "looks_like_pinyin_query", "name_keys"]

# Surname readings: the surname reading first, then the everyday reading people also type.
# pypinyin reads a lone character by its most common reading, which is often wrong for names.
_COMPOUND_SURNAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "尉迟": (("yu", "chi"),),
    "万俟": (("mo", "qi"),),
    "长孙": (("zhang", "sun"),),
    "单于": (("chan", "yu"),),
    "澹台": (("tan", "tai"),),
    "令狐": (("ling", "hu"),),
    "欧阳": (("ou", "yang"),),
    "司马": (("si", "ma"),),
    "诸葛": (("zhu", "ge"),),
    "上官": (("shang", "guan"),),
    "皇甫": (("huang", "fu"),),
    "公孙": (("gong", "sun"),),
    "宇文": (("yu", "wen"),),
    "夏侯": (("xia", "hou"),),
    "东方": (("dong", "fang"),),
    "慕容": (("mu", "rong"),),
    "司徒": (("si", "tu"),),
    "轩辕": (("xuan", "yuan"),),
    "呼延": (("hu", "yan"),),
    "闻人": (("wen", "ren"),),
}
_COMPOUND_FIRSTS = frozenset(surname[0] for surname in _COMPOUND_SURNAMES)
_SURNAMES: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "解": ("xie", "jie"),
    "仇": ("qiu", "chou"),
    "查": ("zha", "cha"),
    "区": ("ou", "qu"),
    "朴": ("piao", "pu"),
    "覃": ("qin", "tan"),
    "乐": ("yue", "le"),
    "盖": ("ge", "gai"),
    "召": ("shao", "zhao"),
    "员": ("yun", "yuan"),
    "缪": ("miao",),
    "翟": ("zhai", "di"),
    "秘": ("bi", "mi"),
    "繁": ("po", "fan"),
    "参": ("can", "shen"),
    "种": ("chong", "zhong"),
    "折": ("she", "zhe"),
    "黑": ("he", "hei"),
    "尉": ("yu", "wei"),
    "句": ("gou", "ju"),
    "能": ("nai", "neng"),
    "谌": ("chen", "shen"),
    "莘": ("shen", "xin"),
    "隗": ("wei", "kui"),
    "长": ("chang", "zhang"),
    "重": ("chong", "zhong"),
    "柏": ("bai", "bo"),
    "藏": ("zang", "cang"),
    "牟": ("mou", "mu"),
    "晟": ("cheng", "sheng"),
    "沈": ("shen",),
    "都": ("du", "dou"),
    "车": ("che",),
    "宿": ("su",),
    "冼": ("xian",),
    "洗": ("xian", "xi"),
    "郇": ("huan", "xun"),
    "贲": ("ben", "bi"),
    "郗": ("xi", "chi"),
    "行": ("xing", "hang"),
    "薄": ("bo",),
    "华": ("hua",),
    "任": ("ren",),
    "燕": ("yan",),
    "叶": ("ye",),
    "过": ("guo",),
    "纪": ("ji",),
    "褚": ("chu",),
    "逄": ("pang",),
    "粘": ("nian", "zhan"),
    "相": ("xiang",),
    "应": ("ying",),
    "宁": ("ning",),
}
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_QUERY = re.compile(r"[A-Za-z]+")
# pypinyin's NORMAL style writes ü as "v" already; these cover the few other non-ASCII finals.
_FOLD = str.maketrans({"ü": "v", "ê": "e", "ḿ": "m", "ń": "n", "ň": "n", "ǹ": "n"})


def _keep_ascii(chars: str) -> list[str]:
    """pypinyin `errors` handler: keep letters/digits lower-case as one word, drop the rest."""
    word = "".join(_ASCII_WORD.findall(chars.lower()))
    return [word] if word else []


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    """Normal (toneless, non-heteronym) pinyin of text, one ASCII item per syllable/word.

    Cached: given names repeat a lot in a village (a township import converts each once).
    """
    if not text:
        return ()
    from pypinyin import Style, lazy_pinyin  # lazy: importing pypinyin costs ~0.25 s

    items = lazy_pinyin(text, style=Style.NORMAL, errors=_keep_ascii)
    cleaned = ("".join(_ASCII_WORD.findall(item.lower().translate(_FOLD))) for item in items)
    return tuple(item for item in cleaned if item)


def _surname_readings(name: str) -> tuple[list[tuple[str, ...]], str]:
    """Split off a known surname; return its readings (surname reading first) and the rest."""
    if name[:1] in _COMPOUND_FIRSTS:  # most names start with none of them: skip the scan
        for surname, readings in _COMPOUND_SURNAMES.items():
            if name.startswith(surname) and len(name) > len(surname):
                return list(readings), name[len(surname) :]
    first = name[:1]
    if first in _SURNAMES:
        return [(reading,) for reading in _SURNAMES[first]], name[1:]
    return [tuple(_syllables(first))], name[1:]


@lru_cache(maxsize=65536)
def _pairs(name: str) -> tuple[tuple[str, str], ...]:
    """(full pinyin, initials) for each surname reading, surname reading first."""
    name = "".join(name.split())
    if not name:
        return ()
    readings, rest = _surname_readings(name)
    given = _syllables(rest)
    pairs = []
    for surname in readings:
        syllables = [*surname, *given]
        if syllables:
            pairs.append(("".join(syllables), "".join([s[0] for s in syllables])))
    return tuple(pairs)


def name_keys(name: str) -> list[str]:
    """Search keys for a personal name: full pinyin and initials, e.g. 张三 -> zhangsan, zs."""
    keys: list[str] = []
    for pair in _pairs(name):
        for key in pair:
            if key not in keys:
                keys.append(key)
    return keys


def full(name: str) -> str:
    """Full pinyin of the name's first (surname) reading, e.g. 张三 -> zhangsan."""
    pairs = _pairs(name)
    return pairs[0][0] if pairs else ""


def initials(name: str) -> str:
    """Initials of the name's first (surname) reading, e.g. 张三 -> zs."""
    pairs = _pairs(name)
    return pairs[0][1] if pairs else ""


def looks_like_pinyin_query(text: str) -> bool:
    """True if the text is only ASCII letters, i.e. what someone types to search by pinyin."""
    return _QUERY.fullmatch(text.strip()) is not None
