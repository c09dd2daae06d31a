"""Today and now, in one place so tests and the demo village can pin them."""

from __future__ import annotations

from datetime import date, datetime

_fixed_today: date | None = None


def today() -> date:
    """The local date (or the pinned one)."""
    return _fixed_today or date.today()


def now_iso() -> str:
    """The local time as ISO text, to the second."""
    return datetime.now().isoformat(timespec="seconds")


def pin_today(day: date | None) -> None:
    """Pin (or with ``None`` release) the date ``today()`` returns."""
    global _fixed_today
    _fixed_today = day
