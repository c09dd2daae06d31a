from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagedesk.core.pinyin import full, initials, looks_like_pinyin_query, name_keys


def test_plain_name() -> None:
    assert name_keys("张三") == ["zhangsan", "zs"]
    assert initials("张三") == "zs"
    assert full("张三") == "zhangsan"


def test_zeng_surname_both_readings_surname_first() -> None:
    assert name_keys("曾小明") == ["zengxiaoming", "zxm", "cengxiaoming", "cxm"]
    assert full("曾小明") == "zengxiaoming"
    assert initials("曾小明") == "zxm"


def test_shan_surname_reading_first() -> None:
    keys = name_keys("单田芳")
    assert keys[:2] == ["shantianfang", "stf"]
    assert "dantianfang" in keys
    assert "dtf" in keys


@pytest.mark.parametrize(
    "name, first, other",
    [
        ("解晓东", "xiexiaodong", "jiexiaodong"),
        ("仇建国", "qiujianguo", "choujianguo"),
        ("查海生", "zhahaisheng", "chahaisheng"),
        ("区家明", "oujiaming", "qujiaming"),
        ("朴正浩", "piaozhenghao", "puzhenghao"),
        ("覃小红", "qinxiaohong", "tanxiaohong"),
        ("乐嘉", "yuejia", "lejia"),
        ("盖丽丽", "gelili", "gailili"),
        ("翟志刚", "zhaizhigang", "dizhigang"),
        ("秘书华", "bishuhua", "mishuhua"),
        ("繁荣", "porong", "fanrong"),
        ("参军", "canjun", "shenjun"),
        ("召明", "shaoming", "zhaoming"),
        ("员工", "yungong", "yuangong"),
    ],
)
def test_heteronym_surnames(name: str, first: str, other: str) -> None:
    keys = name_keys(name)
    assert keys[0] == first
    assert other in keys
    assert keys.index(first) < keys.index(other)


@pytest.mark.parametrize(
    "name, key, abbr",
    [
        ("尉迟恭", "yuchigong", "ycg"),
        ("万俟卨", "moqixie", "mqx"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("缪娟", "miaojuan", "mj"),
        ("欧阳修", "ouyangxiu", "oyx"),
    ],
)
def test_single_reading_surnames(name: str, key: str, abbr: str) -> None:
    assert name_keys(name)[:2] == [key, abbr]


def test_surname_reading_only_applies_to_first_character() -> None:
    # 曾 inside a given name keeps pypinyin's ordinary reading
    assert name_keys("王曾")[0] in {"wangceng", "wangzeng"}
    assert len(name_keys("王曾")) == 2


def test_lone_surname() -> None:
    assert name_keys("曾") == ["zeng", "z", "ceng", "c"]


@pytest.mark.parametrize("name", ["李𠮷", "𠮷", "王䶮", "䶮", "陈\U0002a6a5平", "\U000f0000"])
def test_rare_characters_do_not_crash(name: str) -> None:
    keys = name_keys(name)
    assert all(key.isascii() and key.isalnum() and key == key.lower() for key in keys)


def test_unknown_rare_character_contributes_nothing() -> None:
    assert name_keys("李𠮷") == ["li", "l"]
    assert name_keys("𠮷") == []
    assert full("𠮷") == ""
    assert initials("𠮷") == ""


def test_symbols_dropped_and_letters_kept() -> None:
    assert name_keys("买买提·艾力")[:2] == ["maimaitiaili", "mmtal"]
    assert name_keys("王2")[0] == "wang2"
    assert name_keys(" 张 三 ") == ["zhangsan", "zs"]
    assert name_keys("") == []


def test_u_umlaut_is_ascii() -> None:
    assert name_keys("吕绿")[0] == "lvlv"


@given(st.text(max_size=12))
def test_keys_always_clean(name: str) -> None:
    keys = name_keys(name)
    assert len(keys) == len(set(keys))
    for key in keys:
        assert key and key.isascii() and key.isalnum() and key == key.lower()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zs", True),
        ("ZhangSan", True),
        ("z", True),
        (" zs ", True),
        ("", False),
        ("张三", False),
        ("zs1", False),
        ("zhang san", False),
        ("ü", False),
    ],
)
def test_looks_like_pinyin_query(text: str, expected: bool) -> None:
    assert looks_like_pinyin_query(text) is expected


def test_pypinyin_not_imported_at_module_import() -> None:
    code = (
        "import sys, villagedesk.core.pinyin; "
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported eagerly'; "
        "villagedesk.core.pinyin.name_keys('张三'); "
        "assert 'pypinyin' in sys.modules"
    )
    repo_root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=repo_root)
