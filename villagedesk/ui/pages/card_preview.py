"""A live preview of the real contact card (便民联系卡).

The card is written by ``services.cards_pdf`` to a temp PDF in a background task (its own
database connection) and its first card is rasterised with pypdfium2 — the same file that
prints, not an imitation. Without pypdfium2 the preview says so.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from villagedesk.ui.context import AppContext
from villagedesk.ui.printing import render_page, renderer_available
from villagedesk.ui.tasks import run_task

PREVIEW_DPI = 200
#: white around the card in the preview (points), so its cut marks show
BORDER_PT = 8


def render_card_image(
    db_path: Path, out_dir: Path, dpi: float = PREVIEW_DPI, *, password: str | None = None
) -> QImage:
    """Write the card sheet for the database at ``db_path`` and return its first card as image."""
    from villagedesk.services import cards_pdf
    from villagedesk.ui.tasks import with_own_connection

    pdf = with_own_connection(
        db_path,
        None,
        lambda db, _progress: cards_pdf.write_contact_cards(db, out_dir / "card-preview.pdf"),
        password=password,
    )
    x, y = cards_pdf.card_origin(0)
    crop = (
        max(x - BORDER_PT, 0),
        max(y - BORDER_PT, 0),
        max(cards_pdf.PAGE_W - x - cards_pdf.CARD_W - BORDER_PT, 0),
        max(cards_pdf.PAGE_H - y - cards_pdf.CARD_H - BORDER_PT, 0),
    )
    return render_page(pdf, 0, dpi=dpi, crop=crop)


#: what a preview draws: given its temp folder (UI thread), the work for a background task
Renderer = Callable[[Path], Callable[[], QImage]]


class CardPreview(QWidget):
    """Shows the first card of the real card sheet; ``refresh()`` renders it again.

    ``render`` draws something else the same way (the card's back, from unsaved text);
    ``caption`` is said under it.
    """

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        render: Renderer | None = None,
        caption: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._render = render or self._render_sheet
        self._caption = caption or self.tr("The card as it prints (first of the sheet)")
        self.image: QImage | None = None
        self.busy = False
        self._again = False
        self._tmp = tempfile.TemporaryDirectory(prefix="vd-card-")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumSize(320, 220)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.label.setStyleSheet("QLabel { background: #e9e9e9; border-radius: 4px; }")
        self.status = QLabel()
        self.status.setStyleSheet("color: #777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)  # typing in the promise box: render once the user pauses
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """Render the card again in the background (one render at a time)."""
        if not renderer_available():
            self.label.setText(
                self.tr("The card preview needs the PDF renderer (pypdfium2). "
                        "Print the cards to see them.")
            )  # fmt: skip
            return
        if self.busy:
            self._again = True
            return
        self.busy = True
        self.status.setText(self.tr("Drawing the card…"))
        work = self._render(Path(self._tmp.name))
        run_task(
            lambda _control: work(),
            on_success=self._shown,
            on_failure=self._failed,
            on_finished=self._finished,
            modules=["villagedesk.services.cards_pdf", "pypdfium2"],
        )

    def _render_sheet(self, out_dir: Path) -> Callable[[], QImage]:
        db_path, password = Path(self.ctx.db_path), self.ctx.db.password
        return lambda: render_card_image(db_path, out_dir, password=password)

    def _shown(self, image: QImage) -> None:
        self.image = image
        self.status.setText(self._caption)
        self._fit()

    def _failed(self, message: str, _details: str) -> None:
        self.image = None
        self.label.setPixmap(QPixmap())
        self.label.setText(message)
        self.status.setText("")

    def _finished(self) -> None:
        self.busy = False
        if self._again:
            self._again = False
            self.refresh()

    def _fit(self) -> None:
        if self.image is None:
            return
        pixmap = QPixmap.fromImage(self.image).scaled(
            self.label.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.label.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit()
