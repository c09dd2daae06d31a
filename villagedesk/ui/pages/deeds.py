"""为民办实事: the promises made to the village and how far each has come."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QSplitter, QTextBrowser, QWidget

from villagedesk.core.clock import today
from villagedesk.core.enums import DeedStatus
from villagedesk.core.records import Deed
from villagedesk.core.validation import format_fen
from villagedesk.services.deeds_queries import find_deeds
from villagedesk.ui.pages.deed_form import DeedForm
from villagedesk.ui.pages.list_page import ListPage
from villagedesk.ui.widgets.table_model import Column

#: status colours: done green, ongoing blue, not started grey; late ones red
STATUS_COLOURS = {
    DeedStatus.DONE: QColor("#e3f4e1"),
    DeedStatus.ONGOING: QColor("#e4eefa"),
    DeedStatus.PLANNED: QColor("#f1f1f1"),
}
LATE_COLOUR = QColor("#fde2e1")


def is_late(d: Deed) -> bool:
    """Not done and past its deadline."""
    return d.status != DeedStatus.DONE and d.promised_date is not None and d.promised_date < today()


def deed_columns() -> list[Column[Deed]]:
    """The deeds list's columns (为民办实事清单)."""
    return [
        Column(QCoreApplication.translate("DeedsPage", "Status"), lambda d: d.status.value),
        Column(QCoreApplication.translate("DeedsPage", "Deed"), lambda d: d.title),
        Column(QCoreApplication.translate("DeedsPage", "Area"), lambda d: d.area),
        Column(QCoreApplication.translate("DeedsPage", "Measures"), lambda d: d.measures),
        Column(QCoreApplication.translate("DeedsPage", "Expected goal"), lambda d: d.goal),
        Column(QCoreApplication.translate("DeedsPage", "Responsible"), lambda d: d.owner),
        Column(
            QCoreApplication.translate("DeedsPage", "Deadline"),
            lambda d: d.promised_date.isoformat() if d.promised_date else "",
        ),
        Column(
            QCoreApplication.translate("DeedsPage", "Handling mode"),
            lambda d: d.handling_mode.value if d.handling_mode else "",
        ),
        Column(
            QCoreApplication.translate("DeedsPage", "Done on"),
            lambda d: d.done_date.isoformat() if d.done_date else "",
        ),
        Column(
            QCoreApplication.translate("DeedsPage", "Beneficiaries"),
            lambda d: str(d.beneficiaries) if d.beneficiaries else "",
            sort=lambda d: d.beneficiaries,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("DeedsPage", "Investment (yuan)"),
            lambda d: format_fen(d.investment_fen, symbol=False) if d.investment_fen else "",
            sort=lambda d: d.investment_fen,
            align_right=True,
        ),
        Column(QCoreApplication.translate("DeedsPage", "Progress"), lambda d: d.progress),
    ]


class DeedsPage(ListPage):
    """The deeds list; the status column is coloured, late items red."""

    repo_name = "deeds"
    kind = "deed"
    text_columns = (1, 3, 4, 11)
    text_width = 170
    has_period = False
    watches = ("deed",)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.table.horizontalHeader().setSortIndicator(6, Qt.SortOrder.AscendingOrder)

    def search_hint(self) -> str:
        return self.tr("Search deed, area, measures, responsible")

    def new_text(self) -> str:
        return self.tr("New deed")

    def columns(self):
        return deed_columns()

    def fill_kinds(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("All statuses"), None)
        for s in DeedStatus:
            combo.addItem(s.value, s.value)

    def body(self) -> QWidget:
        self.detail = QTextBrowser()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([380, 260])
        return split

    def show_detail(self, d: Deed | None) -> None:
        if d is None:
            hint = escape(self.tr("Select a deed to read it in full"))
            self.detail.setHtml(f"<p style='color:#777'>{hint}</p>")
            return
        colour = (
            "#c62828"
            if is_late(d)
            else {"已完成": "#2e7d32", "推进中": "#1565c0"}.get(d.status.value, "#555")
        )
        head = (
            f"<h3 style='color:#1f4e79'>{escape(d.title)}　"
            f"<span style='color:{colour}'>{escape(d.status.value)}</span></h3>"
        )
        fields = [
            (self.tr("Area"), d.area),
            (self.tr("Measures"), d.measures),
            (self.tr("Expected goal"), d.goal),
            (self.tr("Responsible"), d.owner),
            (self.tr("Deadline"), d.promised_date.isoformat() if d.promised_date else ""),
            (self.tr("Handling mode"), d.handling_mode.value if d.handling_mode else ""),
            (self.tr("Progress"), d.progress),
            (self.tr("Done on"), d.done_date.isoformat() if d.done_date else ""),
            (self.tr("Beneficiaries"), str(d.beneficiaries) if d.beneficiaries else ""),
            (self.tr("Investment"), format_fen(d.investment_fen) if d.investment_fen else ""),
        ]
        rows = "".join(
            f"<tr><td style='color:#555;padding-right:12px' valign='top'><b>{escape(k)}</b></td>"
            f"<td>{escape(v)}</td></tr>"
            for k, v in fields
            if v
        )
        self.detail.setHtml(head + f"<table cellpadding='3'>{rows}</table>")

    def load(self, text: str, kind: Any, start: date | None, end: date | None) -> list[Deed]:
        return find_deeds(self.ctx.db, text, kind)

    def loaded(self, rows: list[Deed]) -> None:
        done = sum(1 for d in rows if d.status == DeedStatus.DONE)
        late = sum(1 for d in rows if is_late(d))
        text = self.tr("%1 items, %2 done").replace("%1", str(len(rows))).replace("%2", str(done))
        if late:
            text += self.tr(", %1 late").replace("%1", str(late))
        self.count_label.setText(text)

    def highlight(self, d: Deed):
        return LATE_COLOUR if is_late(d) else STATUS_COLOURS.get(d.status)

    def form(self, record):
        return DeedForm(self.ctx, record, parent=self)

    def delete_question(self) -> str:
        return self.tr("Move this deed to the recycle bin?")
