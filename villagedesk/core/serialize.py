"""Turn records into plain dicts (JSON / database rows) and back, checking every field.

The same conversion serves the database, ``dump``/``load`` and the importers, so a
record has exactly one text form.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from villagedesk.core.validation import ValidationError

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """The stored field names of a record class (nested lists of records excluded)."""
    return tuple(
        f.name for f in dataclasses.fields(cls) if not _is_record_list(_hints(cls)[f.name])
    )


@cache
def list_field_names(cls: type) -> frozenset[str]:
    """The stored fields that hold lists (JSON text in the database)."""
    return frozenset(
        n
        for n in field_names(cls)
        if typing.get_origin(_unwrap_optional(_hints(cls)[n])[0]) is list
    )


def _is_record_list(tp: Any) -> bool:
    if typing.get_origin(tp) is list:
        (arg,) = typing.get_args(tp)
        return dataclasses.is_dataclass(arg)
    return False


def _dump_value(value: Any, *, binary: str) -> Any:
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        if binary == "base64":
            return base64.b64encode(value).decode("ascii")
        return value
    if isinstance(value, list):
        return [_dump_value(v, binary=binary) for v in value]
    return value


def to_dict(record: Any, *, binary: str = "bytes") -> dict[str, Any]:
    """A record as a dict of plain values (dates ISO, enums their Chinese word).

    ``binary="base64"`` makes bytes JSON-safe; nested record lists are left out.
    """
    cls = type(record)
    return {name: _dump_value(getattr(record, name), binary=binary) for name in field_names(cls)}


def _load_value(tp: Any, value: Any, where: str, *, binary: str) -> Any:
    inner, optional = _unwrap_optional(tp)
    if value is None or (value == "" and optional and inner is not str):
        if optional:
            return None
        raise ValidationError(f"{where} 不能为空", where)
    if inner is str:
        if not isinstance(value, str):
            raise ValidationError(f"{where} 应为文本", where)
        return value
    if inner is bool:
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise ValidationError(f"{where} 应为 true/false", where)
    if inner is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{where} 应为整数", where)
        return value
    if inner is date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValidationError(
                f"{where} 应为 YYYY-MM-DD 日期，实际为 {value!r}", where
            ) from None
    if inner is bytes:
        if isinstance(value, bytes):
            return value
        if binary == "base64" and isinstance(value, str):
            try:
                return base64.b64decode(value, validate=True)
            except ValueError:
                raise ValidationError(f"{where} 不是有效的 base64 数据", where) from None
        raise ValidationError(f"{where} 应为二进制数据", where)
    if isinstance(inner, type) and issubclass(inner, Enum):
        try:
            return inner(value)
        except ValueError:
            allowed = "、".join(m.value for m in inner)
            raise ValidationError(f"{where} 的值 {value!r} 无效，应为：{allowed}", where) from None
    if typing.get_origin(inner) is list:
        (arg,) = typing.get_args(inner)
        if not isinstance(value, list):
            raise ValidationError(f"{where} 应为列表", where)
        return [_load_value(arg, v, f"{where}[{i}]", binary=binary) for i, v in enumerate(value)]
    if inner is dict:
        return value
    raise TypeError(f"unsupported field type {tp!r} at {where}")  # a programming error


@cache
def _plan(cls: type) -> tuple[tuple[str, Any, Any, bool, bool], ...]:
    """Per field: name, declared type, inner type, optional, has a default."""
    hints = _hints(cls)
    names = set(field_names(cls))
    plan = []
    for f in dataclasses.fields(cls):
        if f.name not in names:
            continue
        inner, optional = _unwrap_optional(hints[f.name])
        has_default = (
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        )
        plan.append((f.name, hints[f.name], inner, optional, has_default))
    return tuple(plan)


_MISSING = object()


def _fast_value(inner: Any, value: Any) -> Any:
    """The common well-formed cases, without building messages; _MISSING means "check fully"."""
    if inner is str:
        return value if type(value) is str else _MISSING
    if inner is int:
        return value if type(value) is int else _MISSING
    if inner is bool:
        return value if type(value) is bool else (bool(value) if value in (0, 1) else _MISSING)
    if inner is date:
        if type(value) is str and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                return _MISSING
        return _MISSING
    if isinstance(inner, type) and issubclass(inner, Enum):
        return inner._value2member_map_.get(value, _MISSING)
    return _MISSING


def from_dict(cls: type[T], data: dict[str, Any], *, where: str = "", binary: str = "bytes") -> T:
    """Build a record from a dict, refusing unknown or wrongly typed fields with a reason."""
    if not isinstance(data, dict):
        raise ValidationError(f"{where or cls.__name__} 应为对象", where)
    plan = _plan(cls)
    unknown = data.keys() - _known_keys(cls)
    if unknown:
        raise ValidationError(f"{where} 有未知字段：{', '.join(sorted(unknown))}", where)
    kwargs: dict[str, Any] = {}
    for name, declared, inner, optional, has_default in plan:
        if name not in data:
            if has_default:
                continue
            label = f"{where}.{name}" if where else name
            raise ValidationError(f"{label} 缺失", label)
        value = data[name]
        if value is None and optional:
            kwargs[name] = None
            continue
        fast = _fast_value(inner, value) if value is not None else _MISSING
        if fast is _MISSING:
            label = f"{where}.{name}" if where else name
            fast = _load_value(declared, value, label, binary=binary)
        kwargs[name] = fast
    return cls(**kwargs)


@cache
def _known_keys(cls: type) -> frozenset[str]:
    return frozenset(field_names(cls)) | {"events"}
