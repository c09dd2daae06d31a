"""背面：常用办事指南 — the text printed on the back of the contact card, one procedure a line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.services.cards_back import MAX_ITEMS, SUGGESTED_BACK, back_items
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.card_preview import CardPreview
from villagedesk.ui.printing import render_page
from villagedesk.ui.widgets.styles import ERROR_STYLE

PREVIEW_DPI = 160


def render_back_image(profile, out_dir: Path) -> QImage:
    """The back of a card drawn from ``profile`` (not yet saved), as an image."""
    from villagedesk.services.cards_back import write_back_sample

    return render_page(write_back_sample(profile, out_dir / "back.pdf"), 0, dpi=PREVIEW_DPI)


class CardBackDialog(QDialog):
    """Edit the common procedures for the card's back; saved to the village profile."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Back of the contact card"))
        self.resize(980, 460)
        intro = QLabel(
            self.tr(
                "The common procedures printed on the back of each card, one per line as "
                "“matter: what to do” (at most %1). Print the back from the reports page or "
                "below the card preview, with two-sided printing."
            ).replace("%1", str(MAX_ITEMS))
        )
        intro.setWordWrap(True)
        # the rest of the card (village, committee phone) as it is now: the preview draws from
        # it without going back to the database (the dialog is modal, nothing else changes it)
        self.profile = ctx.db.profile.get()
        self.text = QPlainTextEdit()
        self.text.setPlainText(self.profile.card_back)
        self.example_button = QPushButton(self.tr("Fill in an example"))
        self.example_button.setToolTip(
            self.tr("Replace the text with the usual procedures, to adapt to your county")
        )
        self.example_button.clicked.connect(lambda: self.text.setPlainText(SUGGESTED_BACK))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # the back as it prints, drawn again once the user pauses typing
        self.preview = CardPreview(
            ctx, self, render=self._render_back, caption=self.tr("The back as it prints")
        )
        self.text.textChanged.connect(self.preview.timer.start)
        row = QHBoxLayout()
        row.addWidget(self.example_button)
        row.addStretch(1)
        row.addWidget(buttons)
        body = QHBoxLayout()
        body.addWidget(self.text, 1)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.preview.refresh()

    def _render_back(self, out_dir: Path):
        profile = dataclasses.replace(self.profile, card_back=self._text())
        return lambda: render_back_image(profile, out_dir)

    def done(self, result: int) -> None:  # noqa: D102 - QDialog's; no redraw once closed
        self.preview.timer.stop()
        super().done(result)

    def _text(self) -> str:
        return "\n".join(line.strip() for line in self.text.toPlainText().splitlines()).strip()

    def save(self) -> bool:
        """Check and save the text; the dialog closes when it was saved."""
        text = self._text()
        count = len(back_items(text))
        if count > MAX_ITEMS:
            self.message.setText(
                self.tr("The back holds at most %1 procedures; there are %2. Remove some.")
                .replace("%1", str(MAX_ITEMS))
                .replace("%2", str(count))
            )
            self.message.show()
            return False
        profile = self.ctx.db.profile.get()
        profile.card_back = text
        self.ctx.db.profile.save(profile)
        self.ctx.notify("profile")
        self.accept()
        return True
