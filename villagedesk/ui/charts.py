"""A small bar chart drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    """One kind of bar: its legend name, colour and a value per category."""

    name: str
    color: str
    values: Sequence[int]


class BarChart(QWidget):
    """Grouped bars per category (e.g. month), a legend on top, values above the bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.title = ""
        self.setMinimumSize(320, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self, categories: Sequence[str], series: Sequence[Series], title: str = ""
    ) -> None:
        """Replace what the chart shows."""
        self.categories = list(categories)
        self.series = list(series)
        self.title = title
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(560, 260)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a GlobalColor, not QColor("white"): that overload makes PySide6 create QGradient's
        # enums (1.5 ms) during the window's first paint
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        fm = p.fontMetrics()
        line = fm.height()
        top = 6
        if self.title:
            p.setPen(QColor("#1f4e79"))
            p.drawText(
                QRectF(8, top, self.width() - 16, line), Qt.AlignmentFlag.AlignLeft, self.title
            )
        # legend at the top right, on the line below the title
        legend_y = top + line + 2
        x = self.width() - 8
        for s in reversed(self.series):
            w = fm.horizontalAdvance(s.name)
            x -= w
            p.setPen(QColor("#333"))
            p.drawText(QRectF(x, legend_y, w + 2, line), Qt.AlignmentFlag.AlignLeft, s.name)
            x -= 16
            p.fillRect(QRectF(x, legend_y + line / 2 - 5, 10, 10), QColor(s.color))
            x -= 12
        if not self.categories or not self.series:
            return
        left, right = 10.0, 10.0
        plot_top = top + line + 2 * line
        plot_bottom = self.height() - line - 10
        height = max(plot_bottom - plot_top, 10)
        top_value = max([max(s.values, default=0) for s in self.series] + [1])
        slot = (self.width() - left - right) / len(self.categories)
        bar = max(min(slot * 0.8 / len(self.series), 26), 2)
        p.setPen(QPen(QColor("#c8d0d8")))
        p.drawLine(int(left), int(plot_bottom), int(self.width() - right), int(plot_bottom))
        for i, category in enumerate(self.categories):
            x0 = left + i * slot + (slot - bar * len(self.series)) / 2
            for j, s in enumerate(self.series):
                value = s.values[i] if i < len(s.values) else 0
                h = height * value / top_value
                rect = QRectF(x0 + j * bar, plot_bottom - h, bar - 1, h)
                p.fillRect(rect, QColor(s.color))
                if value and bar >= fm.horizontalAdvance(str(value)) - 2:
                    p.setPen(QColor("#333"))
                    p.drawText(
                        QRectF(rect.x() - 6, rect.y() - line, bar + 12, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        str(value),
                    )
            p.setPen(QColor("#555"))
            p.drawText(
                QRectF(left + i * slot, plot_bottom + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                category,
            )
        p.end()
