from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from villagedesk.core.validation import (
    IdNumberInfo,
    ValidationError,
    age_on,
    format_date_cn,
    format_fen,
    format_month_cn,
    id_check_char,
    is_probably_mangled_id,
    is_valid_id_number,
    legacy_id_to_18,
    mask_id_number,
    normalize_id_number,
    parse_date,
    parse_id_number,
    parse_money_to_fen,
    validate_phone,
)

TODAY = date(2026, 11, 29)

# Vectors computed by hand with the GB 11643 weights (see test_check_char_by_hand).
ANHUI = "341125196503120012"  # 安徽 定远县, born 1965-03-12, 17th digit 1 -> 男
ANHUI_X = "34112519650312008X"  # same region and birthday, check character X, 17th digit 8 -> 女
GB_EXAMPLE = "11010519491231002X"  # the standard's own example


# ---------------------------------------------------------------- ID numbers


def test_check_char_by_hand() -> None:
    # 3*7+4*9+1*10+1*5+2*8+5*4+1*2+9*1+6*6+5*3+0*7+3*9+1*10+2*5+0*8+0*4+1*2 = 219; 219 % 11 = 10
    assert id_check_char("34112519650312001") == "10X98765432"[10] == "2"
    assert id_check_char("34112519650312008") == "X"
    assert id_check_char("11010519491231002") == "X"


def test_check_char_rejects_non_digits() -> None:
    with pytest.raises(ValidationError):
        id_check_char("3411251965031200")
    with pytest.raises(ValidationError):
        id_check_char("3411251965031200A")


def test_valid_number_digit_check() -> None:
    info = parse_id_number(ANHUI, today=TODAY)
    assert info == IdNumberInfo(ANHUI, date(1965, 3, 12), "男", "341125", legacy=False)


def test_valid_number_x_check() -> None:
    info = parse_id_number(ANHUI_X, today=TODAY)
    assert info.number == ANHUI_X
    assert info.gender == "女"
    assert info.birth_date == date(1965, 3, 12)
    assert parse_id_number(GB_EXAMPLE, today=TODAY).birth_date == date(1949, 12, 31)


def test_lower_case_x_and_whitespace_normalised() -> None:
    info = parse_id_number(" 341125 19650312 008x\u3000", today=TODAY)
    assert info.number == ANHUI_X


def test_full_width_digits() -> None:
    full_width = "".join(chr(0xFF10 + int(c)) for c in ANHUI_X[:17]) + "ｘ"
    assert normalize_id_number(full_width) == ANHUI_X
    assert parse_id_number(full_width, today=TODAY).number == ANHUI_X


def test_wrong_check_digit() -> None:
    with pytest.raises(ValidationError) as err:
        parse_id_number("341125196503120015", today=TODAY)
    assert str(err.value) == "身份证号码校验位错误：最后一位应为 2，实际为 5"
    assert err.value.field == "id_number"
    with pytest.raises(ValidationError, match="最后一位应为 X，实际为 5"):
        parse_id_number("341125196503120085", today=TODAY)


def test_impossible_birth_date() -> None:
    first17 = "34112519900230001"
    number = first17 + id_check_char(first17)
    with pytest.raises(ValidationError) as err:
        parse_id_number(number, today=TODAY)
    assert str(err.value) == "身份证号码中的出生日期 19900230 不存在"


def test_leap_day_birth_is_fine() -> None:
    assert parse_id_number("440306198002290033", today=TODAY).birth_date == date(1980, 2, 29)


def test_future_birth_date() -> None:
    first17 = "34112520300101001"
    number = first17 + id_check_char(first17)
    with pytest.raises(ValidationError) as err:
        parse_id_number(number, today=TODAY)
    assert str(err.value) == "身份证号码中的出生日期晚于今天"
    assert parse_id_number(number, today=date(2030, 1, 1)).birth_date == date(2030, 1, 1)


def test_birth_before_1900() -> None:
    first17 = "34112518991231001"
    with pytest.raises(ValidationError, match="早于1900年"):
        parse_id_number(first17 + id_check_char(first17), today=TODAY)


@pytest.mark.parametrize("region", ["990101", "910101", "010101", "200101", "380101"])
def test_bad_region(region: str) -> None:
    first17 = region + "19900101001"
    with pytest.raises(ValidationError) as err:
        parse_id_number(first17 + id_check_char(first17), today=TODAY)
    assert str(err.value) == f"身份证号码的地区码 {region} 无效"


@pytest.mark.parametrize("region", ["110101", "650102", "710000", "810000", "820000", "830000"])
def test_edge_regions_accepted(region: str) -> None:
    first17 = region + "19900101001"
    assert is_valid_id_number(first17 + id_check_char(first17), today=TODAY)


@pytest.mark.parametrize("text, length", [(ANHUI[:17], 17), (ANHUI + "1", 19), ("3411", 4)])
def test_wrong_length(text: str, length: int) -> None:
    with pytest.raises(ValidationError) as err:
        parse_id_number(text, today=TODAY)
    assert str(err.value) == f"身份证号码应为18位，当前为{length}位"


@pytest.mark.parametrize("text", ["34112519650312A012", "3411251965031200X2", "34112519650312001Y"])
def test_non_digit_characters(text: str) -> None:
    with pytest.raises(ValidationError, match="身份证号码含有非数字字符"):
        parse_id_number(text, today=TODAY)


def test_empty_id() -> None:
    with pytest.raises(ValidationError):
        parse_id_number("  ", today=TODAY)


def test_legacy_15_digit() -> None:
    info = parse_id_number("430124650312123", today=TODAY)
    assert info.legacy is True
    assert info.number == "430124650312123"
    assert info.birth_date == date(1965, 3, 12)
    assert info.gender == "男"
    assert info.region == "430124"
    assert parse_id_number("430124650312124", today=TODAY).gender == "女"
    with pytest.raises(ValidationError, match="19650230 不存在"):
        parse_id_number("430124650230123", today=TODAY)
    with pytest.raises(ValidationError, match="地区码 990124 无效"):
        parse_id_number("990124650312123", today=TODAY)


def test_legacy_upgrade() -> None:
    upgraded = legacy_id_to_18("430124650312123")
    assert upgraded[:17] == "43012419650312123"
    assert parse_id_number(upgraded, today=TODAY).birth_date == date(1965, 3, 12)


def test_is_valid_id_number() -> None:
    assert is_valid_id_number(ANHUI, today=TODAY)
    assert not is_valid_id_number("341125196503120015", today=TODAY)


@given(st.text(max_size=40))
def test_parse_id_number_only_raises_validation_error(text: str) -> None:
    try:
        parse_id_number(text, today=TODAY)
    except ValidationError as err:
        assert str(err)


@given(st.text(alphabet="0123456789Xx \u3000０１２３４５６７８９", min_size=14, max_size=20))
def test_parse_id_number_near_miss_text(text: str) -> None:
    try:
        parse_id_number(text, today=TODAY)
    except ValidationError:
        pass


@given(
    region=st.sampled_from(["341125", "110105", "430124", "650102", "820000"]),
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    seq=st.integers(min_value=0, max_value=999),
)
def test_built_numbers_round_trip(region: str, born: date, seq: int) -> None:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    number = first17 + id_check_char(first17)
    info = parse_id_number(number.lower(), today=TODAY)
    assert info.number == number
    assert info.birth_date == born
    assert info.region == region
    assert info.gender == ("男" if seq % 2 else "女")
    assert not info.legacy
    wrong = "0" if number[17] != "0" else "1"
    assert not is_valid_id_number(first17 + wrong, today=TODAY)


def test_mangled_ids() -> None:
    assert is_probably_mangled_id(4.30124199001011e17)
    assert is_probably_mangled_id("4.30124199E+17")
    assert is_probably_mangled_id("4.30124199e17")
    assert is_probably_mangled_id("430124199001011000")  # check char would be 9
    assert is_probably_mangled_id(430124199001011000)
    assert is_probably_mangled_id("430124199001011000.0")
    assert not is_probably_mangled_id(ANHUI)
    assert not is_probably_mangled_id(GB_EXAMPLE)
    assert not is_probably_mangled_id("430124650312123")
    assert not is_probably_mangled_id(None)
    assert not is_probably_mangled_id(True)
    assert not is_probably_mangled_id(12.5)
    assert not is_probably_mangled_id("")


def test_mangled_rule_respects_valid_000_numbers() -> None:
    # 34112519650307000 has check character 0: a real number that happens to end in 000
    assert id_check_char("34112519650307000") == "0"
    assert not is_probably_mangled_id("341125196503070000")
    assert is_valid_id_number("341125196503070000", today=TODAY)


def test_mask() -> None:
    assert mask_id_number("430124199001011234") == "430124********1234"
    assert mask_id_number("430124650312123") == "430124*****2123"
    assert mask_id_number("") == ""
    assert mask_id_number("34112519650312008x") == "341125********008X"
    assert mask_id_number("1234") == "****"


# ---------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "text, expected",
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("008613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("19912345678", "19912345678"),
        ("0550-1234567", "0550-1234567"),
        ("05501234567", "0550-1234567"),
        ("0550 1234567", "0550-1234567"),
        ("(0550)1234567", "0550-1234567"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("021－87654321", "021-87654321"),
        ("2345678", "2345678"),
        ("87654321", "87654321"),
        ("12317", "12317"),
        ("12345", "12345"),
    ],
)
def test_valid_phones(text: str, expected: str) -> None:
    assert validate_phone(text) == expected


def test_mobile_length() -> None:
    with pytest.raises(ValidationError) as err:
        validate_phone("1381234567")
    assert str(err.value) == "手机号码应为11位数字，当前为10位"
    assert err.value.field == "phone"


def test_mobile_prefix() -> None:
    with pytest.raises(ValidationError) as err:
        validate_phone("12812345678")
    assert str(err.value) == "手机号码应以13-19开头"


@pytest.mark.parametrize(
    "text",
    ["abc", "0550-123", "0550-01234567", "234567", "+44 20 7946 0958", "0550-123-4567", "138x"],
)
def test_bad_phones(text: str) -> None:
    with pytest.raises(ValidationError, match="^电话号码格式不正确："):
        validate_phone(text)


def test_empty_phone() -> None:
    with pytest.raises(ValidationError):
        validate_phone("")


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value",
    [
        "2023-08-28",
        "2023-8-28",
        "2023.8.28",
        "2023/8/28",
        "2023/08/28",
        "2023年8月28日",
        "2023年8月28号",
        "2023年08月28日",
        " 2023年8月28日 ",
        "20230828",
        "２０２３－０８－２８",
        "2023-08-28 10:30:00",
        "2023-08-28T10:30",
        45166,
        45166.75,
        "45166",
        20230828,
        date(2023, 8, 28),
        datetime(2023, 8, 28, 17, 5),
    ],
)
def test_parse_date_formats(value: object) -> None:
    assert parse_date(value) == date(2023, 8, 28)


def test_excel_serial_epoch() -> None:
    assert parse_date(43831) == date(2020, 1, 1)
    assert parse_date(45351) == date(2024, 2, 29)


@pytest.mark.parametrize(
    "value, shown",
    [("2023-02-30", "2023-02-30"), ("2023年2月30日", "2023-02-30"), ("20231301", "2023-13-01")],
)
def test_impossible_dates(value: str, shown: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_date(value)
    assert str(err.value) == f"日期 {shown} 不存在"


@pytest.mark.parametrize(
    "value", ["明天", "2023-08", "2023-8/28", "", None, 100, 1e9, True, "8/28/2023"]
)
def test_unparseable_dates(value: object) -> None:
    with pytest.raises(ValidationError, match="^无法识别的日期："):
        parse_date(value)


def test_format_dates() -> None:
    assert format_date_cn(date(2026, 11, 29)) == "2026年11月29日"
    assert format_date_cn(date(2026, 1, 5)) == "2026年1月5日"
    assert format_month_cn(2026, 11) == "2026年11月"
    assert format_month_cn(2026, 3) == "2026年3月"


def test_age_on() -> None:
    born = date(1965, 3, 12)
    assert age_on(born, date(2026, 3, 11)) == 60
    assert age_on(born, date(2026, 3, 12)) == 61
    assert age_on(date(1980, 2, 29), date(2023, 2, 28)) == 42
    assert age_on(date(1980, 2, 29), date(2023, 3, 1)) == 43
    assert age_on(born, born) == 0
    with pytest.raises(ValidationError):
        age_on(born, born - timedelta(days=1))


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    "value, fen",
    [
        ("1200", 120000),
        ("1,200.50", 120050),
        ("¥1200", 120000),
        ("￥1,200", 120000),
        ("1200元", 120000),
        ("1200.5元", 120050),
        ("1.2万", 1200000),
        ("1.2万元", 1200000),
        (" 300 ", 30000),
        ("0.1", 10),
        (".5", 50),
        ("0", 0),
        ("-0", 0),
        ("0.005", 1),  # half up
        ("0.004", 0),
        ("2.675", 268),  # would be 267 through float
        ("1.005", 101),
        (1200, 120000),
        (0.1, 10),
        (2.675, 268),
        (Decimal("99.995"), 10000),
        ("１２００元", 120000),
    ],
)
def test_parse_money(value: object, fen: int) -> None:
    assert parse_money_to_fen(value) == fen


@pytest.mark.parametrize("value", ["-5", "-¥5", -1, -0.01, Decimal("-3"), "¥-5"])
def test_negative_money(value: object) -> None:
    with pytest.raises(ValidationError) as err:
        parse_money_to_fen(value)
    assert str(err.value) == "金额不能为负数"


@pytest.mark.parametrize(
    "value", ["", "abc", "12,34", "1.2.3", "元", "¥", "1e5", None, True, float("nan"), "9" * 60]
)
def test_garbage_money(value: object) -> None:
    with pytest.raises(ValidationError, match="^无法识别的金额："):
        parse_money_to_fen(value)


def test_format_fen() -> None:
    assert format_fen(120000) == "¥1,200.00"
    assert format_fen(120000, symbol=False) == "1200.00"
    assert format_fen(5) == "¥0.05"
    assert format_fen(123456789) == "¥1,234,567.89"
    assert format_fen(0, symbol=False) == "0.00"
    assert format_fen(-150) == "-¥1.50"


@given(st.integers(min_value=0, max_value=10**13))
def test_money_round_trip(fen: int) -> None:
    assert parse_money_to_fen(format_fen(fen)) == fen
    assert parse_money_to_fen(format_fen(fen, symbol=False)) == fen


def test_validation_error_is_value_error() -> None:
    err = ValidationError("金额不能为负数", "amount")
    assert isinstance(err, ValueError)
    assert str(err) == "金额不能为负数"
    assert err.field == "amount"
    assert ValidationError("x").field is None
