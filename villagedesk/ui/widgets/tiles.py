"""Big clickable figure tiles (the dashboard) and small tag chips (households)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

#: the tile's frame (painted, not a style sheet: 14 tiles with style sheets made the
#: dashboard's first paint slow), normal and under the mouse
TILE_BORDER, TILE_BACKGROUND = "#d0d7de", "white"
TILE_HOVER_BORDER, TILE_HOVER_BACKGROUND = "#2e75b6", "#f3f8fd"
TILE_RADIUS = 6.0


def style_label(
    label: QLabel, color: str, *, point_size: float | None = None, bold: bool = False
) -> QLabel:
    """Colour (and size, weight) a label through its palette and font: a per-widget style
    sheet costs a style recomputation of the widget at the window's first paint."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(palette)
    if point_size is not None or bold:
        font = label.font()
        if point_size is not None:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


class FigureTile(QFrame):
    """A number with its caption; clicking it opens the rows behind the number."""

    clicked = Signal()

    def __init__(self, caption: str, color: str = "#1f4e79", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repaint the frame on enter/leave
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value_label = style_label(QLabel("–"), color, point_size=19, bold=True)
        self.caption_label = style_label(QLabel(caption), "#555")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt name
        hover = self.underMouse()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(TILE_HOVER_BORDER if hover else TILE_BORDER), 1))
        p.setBrush(QColor(TILE_HOVER_BACKGROUND if hover else TILE_BACKGROUND))
        p.drawRoundedRect(
            QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), TILE_RADIUS, TILE_RADIUS
        )
        p.end()

    def set_value(self, text: str, tooltip: str = "") -> None:
        self.value_label.setText(text)
        self.setToolTip(tooltip)

    def value(self) -> str:
        return self.value_label.text()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


CHIP_COLORS = {
    "监测户": "#c62828",
    "低保户": "#ef6c00",
    "特困户": "#6a1b9a",
    "脱贫户": "#2e7d32",
    "一般农户": "#546e7a",
}


def chips_html(tags: Iterable[str]) -> str:
    """Tags as coloured chips in rich text (for labels)."""
    parts = []
    for tag in tags:
        color = CHIP_COLORS.get(str(tag), "#1565c0")
        parts.append(f"<span style='background:{color}; color:white;'>&nbsp;{tag}&nbsp;</span>")
    return "&nbsp;".join(parts)


class ChipRow(QWidget):
    """A row of tag chips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)

    def set_tags(self, tags: Iterable[str]) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, tag in enumerate(tags):
            chip = QLabel(str(tag))
            chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            color = CHIP_COLORS.get(str(tag), "#1565c0")
            chip.setStyleSheet(
                f"background: {color}; color: white; border-radius: 8px; padding: 1px 8px;"
            )
            self._layout.insertWidget(i, chip)


CHIP_BUTTON_STYLE = """
QPushButton { border: 1px solid #b0bec5; border-radius: 10px; padding: 2px 10px; background: white; }
QPushButton:checked { background: #2e75b6; color: white; border-color: #2e75b6; }
"""


class ChipSelector(QWidget):
    """Tags as checkable chips: click to turn one on or off."""

    changed = Signal()

    def __init__(self, values: Iterable[str], parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QPushButton

        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for value in values:
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setStyleSheet(CHIP_BUTTON_STYLE)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.toggled.connect(lambda _on: self.changed.emit())
            self.buttons[str(value)] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def selected(self) -> list[str]:
        """The values switched on, in their order."""
        return [v for v, b in self.buttons.items() if b.isChecked()]

    def set_selected(self, values: Iterable[str]) -> None:
        chosen = {str(v) for v in values}
        for value, button in self.buttons.items():
            button.setChecked(value in chosen)
