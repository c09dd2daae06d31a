"""Validation and normalisation of ID numbers, phone numbers, dates and money."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from operator import mul

__all__ = [
    "IdNumberInfo",
    "ValidationError",
    "age_on",
    "format_date_cn",
    "format_fen",
    "format_month_cn",
    "id_check_char",
    "is_probably_mangled_id",
    "is_valid_id_number",
    "legacy_id_to_18",
    "mask_id_number",
    "normalize_id_number",
    "parse_date",
    "parse_id_number",
    "parse_money_to_fen",
    "validate_phone",
]


class ValidationError(ValueError):
    """A user-facing validation failure; str(e) is the Chinese message."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- ID numbers (GB 11643-1999)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_MAP = "10X98765432"
_ZERO_TOTAL = ord("0") * sum(_ID_WEIGHTS)
_PROVINCE_CODES = frozenset(
    [11, 12, 13, 14, 15, 21, 22, 23]
    + list(range(31, 38))
    + list(range(41, 47))
    + list(range(50, 55))
    + list(range(61, 66))
    + [71, 81, 82, 83]
)
_EARLIEST_BIRTH = date(1900, 1, 1)
# Only ASCII digits: str.isdigit() and int() also accept e.g. Arabic-Indic digits.
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X"})
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class IdNumberInfo:
    """What a valid resident ID number says about its holder."""

    number: str
    birth_date: date
    gender: str
    region: str
    legacy: bool = False


def normalize_id_number(text: str) -> str:
    """Strip whitespace, turn full-width digits/X half-width and x into X."""
    text = str(text)
    if not (text.isascii() and text.isalnum()):  # the usual number has no space, no full-width
        text = _WHITESPACE.sub("", text).translate(_FULLWIDTH)
    return text.replace("x", "X")


def _is_digits(text: str) -> bool:
    return _DIGITS.fullmatch(text) is not None


def id_check_char(first17: str) -> str:
    """Return the GB 11643 check character ('0'-'9' or 'X') for the first 17 digits."""
    if len(first17) != 17 or not _is_digits(first17):
        raise ValidationError("身份证号码前17位应为数字", "id_number")
    # the digits' character codes times the weights, less 48 ("0") times the weights' sum:
    # the same total without an int() per digit
    total = sum(map(mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ZERO_TOTAL
    return _ID_CHECK_MAP[total % 11]


def _check_region(region: str) -> None:
    if int(region[:2]) not in _PROVINCE_CODES:
        raise ValidationError(f"身份证号码的地区码 {region} 无效", "id_number")


def _birth_date(text: str, today: date) -> date:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ValidationError(f"身份证号码中的出生日期 {text} 不存在", "id_number") from None
    if born > today:
        raise ValidationError("身份证号码中的出生日期晚于今天", "id_number")
    if born < _EARLIEST_BIRTH:
        raise ValidationError("身份证号码中的出生日期早于1900年", "id_number")
    return born


def _gender(digit: str) -> str:
    return "男" if int(digit) % 2 else "女"


def parse_id_number(text: str, *, today: date | None = None) -> IdNumberInfo:
    """Check an 18-digit (or legacy 15-digit) resident ID number and read it."""
    today = today or date.today()
    number = normalize_id_number(text)
    if not number:
        raise ValidationError("请填写身份证号码", "id_number")
    if len(number) == 15:
        if not _is_digits(number):
            raise ValidationError("身份证号码含有非数字字符", "id_number")
        _check_region(number[:6])
        born = _birth_date("19" + number[6:12], today)
        return IdNumberInfo(number, born, _gender(number[14]), number[:6], legacy=True)
    if len(number) != 18:
        raise ValidationError(f"身份证号码应为18位，当前为{len(number)}位", "id_number")
    if not _is_digits(number[:17]) or not (number[17] == "X" or _is_digits(number[17])):
        if "X" in number[:17]:
            raise ValidationError("身份证号码含有非数字字符（X 只能是最后一位）", "id_number")
        raise ValidationError("身份证号码含有非数字字符", "id_number")
    _check_region(number[:6])
    born = _birth_date(number[6:14], today)
    expected = id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError(
            f"身份证号码校验位错误：最后一位应为 {expected}，实际为 {number[17]}", "id_number"
        )
    return IdNumberInfo(number, born, _gender(number[16]), number[:6], legacy=False)


def is_valid_id_number(text: str, *, today: date | None = None) -> bool:
    """True when parse_id_number would accept the text."""
    try:
        parse_id_number(text, today=today)
    except ValidationError:
        return False
    return True


def legacy_id_to_18(number: str) -> str:
    """Upgrade a 15-digit legacy number to its 18-digit form (19YY and a check character)."""
    number = normalize_id_number(number)
    if len(number) != 15 or not _is_digits(number):
        raise ValidationError("旧身份证号码应为15位数字", "id_number")
    first17 = number[:6] + "19" + number[6:]
    return first17 + id_check_char(first17)


_SCIENTIFIC = re.compile(r"[+-]?[0-9](?:\.[0-9]+)?E\+?([0-9]+)", re.ASCII | re.IGNORECASE)


def is_probably_mangled_id(value: object) -> bool:
    """True if the value looks like an ID number that Excel turned into a number."""
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, float):
        # Excel keeps 15 significant digits; any ID-sized float has lost its tail.
        return math.isfinite(value) and abs(value) >= 1e14
    text = normalize_id_number(str(value))
    match = _SCIENTIFIC.fullmatch(text)
    if match:
        return int(match.group(1)) >= 14
    if text.endswith(".0"):
        text = text.rstrip("0").rstrip(".")
    if len(text) == 18 and _is_digits(text) and text.endswith("000"):
        return id_check_char(text[:17]) != text[17]
    return False


def mask_id_number(number: str) -> str:
    """Hide the middle of an ID number: 430124********1234."""
    number = normalize_id_number(number) if number else ""
    if not number:
        return ""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


# ---------------------------------------------------------------- phone numbers

_PHONE_TRANS = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)}
    | {"－": "-", "—": "-", "–": "-", "‐": "-", "（": "(", "）": ")", "＋": "+"}
)
_LANDLINE_PARENS = re.compile(r"\((0[0-9]{2,3})\)-?([0-9-]+)", re.ASCII)


def _phone_error(detail: str) -> ValidationError:
    return ValidationError(f"电话号码格式不正确：{detail}", "phone")


def validate_phone(text: str) -> str:
    """Normalise a mainland mobile, landline or 5-digit service number, or raise."""
    raw = str(text)
    s = _WHITESPACE.sub("", raw).translate(_PHONE_TRANS)
    if not s:
        raise ValidationError("请填写电话号码", "phone")
    if not re.fullmatch(r"[0-9()+-]+", s, re.ASCII):
        raise _phone_error(f"含有无法识别的字符 {raw.strip()}")
    for prefix in ("+86", "0086"):
        if s.startswith(prefix):
            s = s[len(prefix) :].lstrip("-")
            if not s.startswith("1"):
                raise _phone_error("国际区号后应为11位手机号码")
            break
    if "+" in s:
        raise _phone_error("只支持中国大陆号码")
    digits = re.sub(r"[-()]", "", s)
    if len(digits) == 13 and digits.startswith("861"):
        digits = digits[2:]
    if digits.startswith("1"):
        return _mobile_or_hotline(s, digits)
    if digits.startswith("0"):
        return _landline(s, digits)
    if "(" in s or ")" in s or s.count("-") > 1:
        raise _phone_error(f"无法识别 {raw.strip()}")
    if len(digits) in (7, 8):
        return digits
    raise _phone_error(f"本地号码应为7-8位，当前为{len(digits)}位")


def _mobile_or_hotline(s: str, digits: str) -> str:
    if "(" in s or ")" in s:
        raise _phone_error("手机号码不应含括号")
    if len(digits) == 5 and "-" not in s:
        return digits  # 12317, 12345 and other government service hotlines
    if len(digits) != 11:
        raise ValidationError(f"手机号码应为11位数字，当前为{len(digits)}位", "phone")
    if digits[1] not in "3456789":
        raise ValidationError("手机号码应以13-19开头", "phone")
    return digits


def _landline(s: str, digits: str) -> str:
    match = _LANDLINE_PARENS.fullmatch(s)
    if match:
        area, local = match.group(1), match.group(2).replace("-", "")
    elif "(" in s or ")" in s:
        raise _phone_error("括号位置不对")
    elif s.count("-") == 1:
        area, local = s.split("-")
    elif s.count("-") > 1:
        raise _phone_error("只能在区号后加一个连字符")
    else:
        # Beijing 010 and 020-029 have 3-digit area codes, all others 4.
        cut = 3 if digits[1] in "12" else 4
        area, local = digits[:cut], digits[cut:]
    if not re.fullmatch(r"0[0-9]{2,3}", area, re.ASCII):
        raise _phone_error(f"区号 {area} 应为0加2-3位数字")
    if not re.fullmatch(r"[1-9][0-9]{6,7}", local, re.ASCII):
        raise _phone_error(f"区号后的号码 {local} 应为7-8位数字")
    return f"{area}-{local}"


# ---------------------------------------------------------------- dates

_EXCEL_EPOCH = date(1899, 12, 30)  # 1900 date system, after Excel's phantom 1900-02-29
_TIME_TAIL = r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
_DATE_PATTERNS = (
    re.compile(r"([0-9]{4})([-./])([0-9]{1,2})\2([0-9]{1,2})" + _TIME_TAIL, re.ASCII),
    re.compile(r"([0-9]{4})()年([0-9]{1,2})月([0-9]{1,2})[日号]?", re.ASCII),
    re.compile(r"([0-9]{4})()([0-9]{2})([0-9]{2})", re.ASCII),
)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _excel_serial(serial: float) -> date | None:
    if 20000 <= serial <= 80000:
        return _EXCEL_EPOCH + timedelta(days=int(serial))
    return None


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"日期 {year:04d}-{month:02d}-{day:02d} 不存在", "date") from None


def parse_date(value: object) -> date:
    """Read a date from a date object, Chinese/ISO text, YYYYMMDD or an Excel serial."""
    if value.__class__ is str and _ISO_DAY.fullmatch(value):  # the common case, quickly
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # no such day: the patterns below say so
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    unknown = ValidationError(f"无法识别的日期：{value}", "date")
    if isinstance(value, bool) or value is None:
        raise unknown
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float | Decimal) and not math.isfinite(value):
            raise unknown
        if value == int(value) and 10000101 <= value <= 99991231:
            value = str(int(value))  # a YYYYMMDD number typed into a cell
        else:
            found = _excel_serial(float(value))
            if found is None:
                raise unknown
            return found
    text = unicodedata.normalize("NFKC", str(value)).strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, _, month, day = match.groups()
            return _make_date(int(year), int(month), int(day))
    if re.fullmatch(r"[0-9]{5}(?:\.[0-9]+)?", text, re.ASCII):
        found = _excel_serial(float(text))
        if found is not None:
            return found
    raise unknown


def format_date_cn(d: date) -> str:
    """Format a date the Chinese way without zero padding: 2026年11月29日."""
    return f"{d.year}年{d.month}月{d.day}日"


def format_month_cn(year: int, month: int) -> str:
    """Format a month: 2026年11月."""
    return f"{year}年{month}月"


def age_on(birth: date, on: date) -> int:
    """Whole years of age (周岁) on the given day."""
    if on < birth:
        raise ValidationError("日期早于出生日期", "date")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# ---------------------------------------------------------------- money (integer fen)

_AMOUNT = re.compile(r"([-+]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.([0-9]+))?", re.ASCII)
_CENT = Decimal("1")


def _to_fen(amount: Decimal, original: object) -> int:
    if not amount.is_finite():
        raise ValidationError(f"无法识别的金额：{original}", "amount")
    if amount < 0:
        raise ValidationError("金额不能为负数", "amount")
    try:
        return int((amount * 100).quantize(_CENT, rounding=ROUND_HALF_UP))
    except InvalidOperation:
        raise ValidationError(f"无法识别的金额：{original}", "amount") from None


def parse_money_to_fen(value: object) -> int:
    """Read an amount in yuan (number or text like ¥1,200.50 / 1200元 / 1.2万) as fen."""
    garbage = ValidationError(f"无法识别的金额：{value}", "amount")
    if value is None or isinstance(value, bool):
        raise garbage
    if isinstance(value, int):
        return _to_fen(Decimal(value), value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise garbage
        # repr() gives the shortest text that round-trips: 0.1 stays 0.1, not 0.1000000000000000055.
        return _to_fen(Decimal(repr(value)), value)
    if isinstance(value, Decimal):
        return _to_fen(value, value)
    text = _WHITESPACE.sub("", unicodedata.normalize("NFKC", str(value)))
    text = text.removeprefix("RMB").removeprefix("¥")  # NFKC already turned ￥ into ¥
    sign = ""
    if text.startswith(("-¥", "+¥")):
        sign, text = text[0], text[2:]
    text = text.removesuffix("整").removesuffix("元").removesuffix("圆")
    scale = Decimal(1)
    if text.endswith("万"):
        scale, text = Decimal(10000), text[:-1]
    match = _AMOUNT.fullmatch(sign + text)
    if not match or (match.group(2) is None and match.group(3) is None):
        raise garbage
    whole = (match.group(2) or "0").replace(",", "")
    amount = Decimal(f"{whole}.{match.group(3) or '0'}") * scale
    if match.group(1) == "-" and amount != 0:
        raise ValidationError("金额不能为负数", "amount")
    return _to_fen(amount, value)


def format_fen(fen: int, *, symbol: bool = True) -> str:
    """Show fen as yuan: ¥1,200.00, or 1200.00 without symbol and separators."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    if symbol:
        return f"{sign}¥{yuan:,}.{cents:02d}"
    return f"{sign}{yuan}.{cents:02d}"
