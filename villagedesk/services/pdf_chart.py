"""The monthly report's chart: visits, and issues collected/solved, for the last 12 months.

Two bar charts side by side in one drawing: visits run in the hundreds and issues in the
tens, so on one axis the issue bars would be flat lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from villagedesk.services.figures import MonthPoint

VISIT_COLOUR = "#4472C4"
COLLECTED_COLOUR = "#ED7D31"
SOLVED_COLOUR = "#70AD47"


def _nice_max(value: int) -> tuple[int, int]:
    """An axis top and step that read well (5 steps or fewer), never zero."""
    value = max(value, 1)
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 5:
            top = -(-value // step) * step
            return top, step
    step = 10 ** len(str(value))
    return -(-value // step) * step, step


def _panel(
    x: float,
    y: float,
    width: float,
    height: float,
    labels: list[str],
    series: list[list[int]],
    names: list[str],
    colours: list[str],
    title: str,
    font: str,
) -> list[Any]:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    chart = VerticalBarChart()
    chart.x, chart.y = x + 26, y + 22
    chart.width, chart.height = width - 34, height - 58
    chart.data = series
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.3
    chart.categoryAxis.labels.dy = -2
    top, step = _nice_max(max((max(s) for s in series if s), default=0))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 0.5
    chart.groupSpacing = 4
    chart.bars.strokeColor = None
    for i, colour in enumerate(colours):
        chart.bars[i].fillColor = colors.HexColor(colour)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 5.5
    chart.barLabels.nudge = 5
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""

    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 56
    legend.colorNamePairs = [(colors.HexColor(c), n) for c, n in zip(colours, names, strict=True)]
    legend.x, legend.y = x + 28, y + height - 22
    heading = String(
        x + width / 2, y + height - 8, title, fontName=font, fontSize=9.5, textAnchor="middle"
    )
    shapes = [chart, legend, heading]
    if not any(any(s) for s in series):
        shapes.append(
            String(
                chart.x + chart.width / 2, chart.y + chart.height / 2, "暂无数据",
                fontName=font, fontSize=10, textAnchor="middle", fillColor=colors.HexColor("#888888"),
            )
        )  # fmt: skip
    return shapes


def monthly_chart(points: Sequence[MonthPoint], width: float, height: float) -> Any:
    """A reportlab Drawing: 走访次数 per month, and 收集问题/解决问题 per month."""
    from reportlab.graphics.shapes import Drawing

    from villagedesk.services.pdf_fonts import register_pdf_font

    font = register_pdf_font()
    labels = [f"{p.month.month}月" for p in points]
    if points:
        span = f"（{points[0].month.chinese()}—{points[-1].month.chinese()}）"
    else:
        span = ""
    drawing = Drawing(width, height)
    half = width / 2
    for shape in _panel(
        0, 0, half - 6, height, labels, [[p.visits for p in points]], ["走访次数"],
        [VISIT_COLOUR], f"每月走访{span}", font,
    ) + _panel(
        half + 6, 0, half - 6, height, labels,
        [[p.issues_collected for p in points], [p.issues_solved for p in points]],
        ["收集问题", "解决问题"], [COLLECTED_COLOUR, SOLVED_COLOUR], f"每月问题收集与解决{span}", font,
    ):  # fmt: skip
        drawing.add(shape)
    return drawing
