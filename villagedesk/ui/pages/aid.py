"""帮扶慰问: aid handed out, filtered while typing, with the totals of what is shown."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from villagedesk.core.enums import AidKind
from villagedesk.core.validation import format_fen
from villagedesk.services.aid_queries import (
    AidFilter,
    AidRow,
    AidTotals,
    aid_months,
    aid_totals,
    find_aid_rows,
)
from villagedesk.ui.pages.aid_form import AidForm
from villagedesk.ui.pages.list_page import ListPage
from villagedesk.ui.widgets.table_model import Column


def aid_columns() -> list[Column[AidRow]]:
    """The aid ledger's columns (帮扶慰问台账)."""
    return [
        Column(QCoreApplication.translate("AidPage", "Date"), lambda r: r.date.isoformat()),
        Column(QCoreApplication.translate("AidPage", "Recipient (head)"), lambda r: r.target),
        Column(QCoreApplication.translate("AidPage", "Village group"), lambda r: r.group_name),
        Column(QCoreApplication.translate("AidPage", "Kind"), lambda r: r.kind),
        Column(QCoreApplication.translate("AidPage", "Hardship"), lambda r: r.hardship),
        Column(
            QCoreApplication.translate("AidPage", "Money (yuan)"),
            lambda r: format_fen(r.amount_fen, symbol=False) if r.amount_fen else "",
            sort=lambda r: r.amount_fen,
            align_right=True,
        ),
        Column(QCoreApplication.translate("AidPage", "Goods and quantity"), lambda r: r.goods_text),
        Column(QCoreApplication.translate("AidPage", "Funding source"), lambda r: r.funding_source),
        Column(QCoreApplication.translate("AidPage", "Given by"), lambda r: r.given_by),
        Column(QCoreApplication.translate("AidPage", "Notes"), lambda r: r.notes),
    ]


class AidPage(ListPage):
    """The aid ledger with its 合计 line."""

    repo_name = "aid"
    kind = "aid"
    text_columns = (4, 6, 9)
    watches = ("aid", "household", "resident", "group", "team_member")

    def search_hint(self) -> str:
        return self.tr("Search head (name or pinyin), goods, funding, given by")

    def new_text(self) -> str:
        return self.tr("New aid record")

    def columns(self):
        return aid_columns()

    def fill_kinds(self, combo: QComboBox) -> None:
        combo.addItem(self.tr("All kinds"), None)
        for k in AidKind:
            combo.addItem(k.value, k.value)

    def body(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("aidTotals")
        self.totals_label.setStyleSheet(
            "QLabel { background: #eef4fa; color: #1f4e79; padding: 6px 10px;"
            " border: 1px solid #c9d9ea; border-radius: 4px; font-weight: bold; }"
        )
        layout.addWidget(self.totals_label)
        return box

    def load(self, text: str, kind: Any, start: date | None, end: date | None) -> list[AidRow]:
        return find_aid_rows(self.ctx.db, AidFilter(text=text, kind=kind, start=start, end=end))

    def months(self) -> list[str]:
        return aid_months(self.ctx.db)

    def loaded(self, rows: list[AidRow]) -> None:
        self.totals = aid_totals(rows)
        self.totals_label.setText(self.totals_text(self.totals))

    def totals_text(self, totals: AidTotals) -> str:
        """合计 line: records, money, goods records."""
        text = self.tr("Total of the rows shown: %1 records, money %2, goods %3 records")
        return (
            text.replace("%1", str(totals.records))
            .replace("%2", format_fen(totals.amount_fen))
            .replace("%3", str(totals.goods_records))
        )

    def form(self, record):
        return AidForm(self.ctx, record, parent=self)

    def delete_question(self) -> str:
        return self.tr("Move this aid record to the recycle bin?")
