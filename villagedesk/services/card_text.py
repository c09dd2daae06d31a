"""Fitting Chinese text into the small boxes of a card (reportlab, the bundled font)."""

from __future__ import annotations

import re
from typing import Any


def text_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)


def fit(
    text: str, font: str, size: float, width: float, *, min_size: float = 4.5
) -> tuple[str, float]:
    """Shrink the size to make text fit; below ``min_size`` cut it with an ellipsis."""
    while size > min_size and text_width(text, font, size) > width:
        size -= 0.25
    if text_width(text, font, size) <= width:
        return text, size
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…", size


_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


#: runs kept on one line: numbers and Latin words (a phone number, 12317, 60周岁's 60)
_UNBROKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-%]*|.", re.DOTALL)


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Break text between characters (Chinese style), at most ``max_lines``, the last cut with ….

    Numbers and Latin words are not split (unless one is longer than a whole line).
    """
    lines: list[str] = []
    current = ""
    for token in _UNBROKEN.findall(" ".join(text.split())):
        fits = text_width(current + token, font, size) <= width
        if fits or token in _NO_LINE_START or (not current and len(token) == 1):
            current += token  # closing punctuation hangs rather than starting a line
            continue
        if len(token) > 1 and text_width(token, font, size) > width:
            for ch in token:  # a run longer than a line is broken where it must be
                if current and text_width(current + ch, font, size) > width:
                    lines.append(current)
                    current = ""
                current += ch
            continue
        lines.append(current)
        current = token.lstrip()
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and text_width(last + "…", font, size) > width:
            last = last[:-1]
        lines = lines[: max_lines - 1] + [last + "…"]
    return lines


def wrap_items(
    label: str, items: list[str], font: str, size: float, width: float, max_lines: int
) -> list[str]:
    """Items (a name and a phone) kept whole, filled into lines; what does not fit is left out."""
    indent = "　" * len(label)
    lines: list[list[str]] = [[]]
    for item in items:
        trial = (label if len(lines) == 1 else indent) + "　".join([*lines[-1], item])
        if lines[-1] and text_width(trial, font, size) > width:
            if len(lines) == max_lines:
                break
            lines.append([])
        lines[-1].append(item)
    texts = [(label if i == 0 else indent) + "　".join(parts) for i, parts in enumerate(lines)]
    return [fit(t, font, size, width, min_size=size)[0] for t in texts if t.strip()]


def bold_text(
    c: Any, x: float, y: float, text: str, font: str, size: float, color: tuple[float, ...]
) -> None:
    """Text that looks bold in ``color``: the bundled font has no bold face, so it is filled
    and stroked with a thin line of the same colour (whatever colours were set before)."""
    t = c.beginText(x, y)
    t.setFont(font, size)
    t.setTextRenderMode(2)
    t.textOut(text)
    c.saveState()
    c.setFillColorRGB(*color)
    c.setStrokeColorRGB(*color)
    c.setLineWidth(size * 0.035)
    c.drawText(t)
    c.restoreState()
