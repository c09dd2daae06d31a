"""Township templates in the window: what a template lists, and the table of column rules.

The rule table is a QTableWidget with a combo box (and a fixed-text entry) per form column:
it edits rules, it does not list records, so RecordTableModel does not fit here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from villagedesk.core.enums import HouseholdTag, ResidentTag
from villagedesk.core.templates import (
    RULE_EMPTY,
    RULE_FIELD,
    RULE_NUMBER,
    RULE_TEXT,
    TAGGED_SOURCES,
    ColumnRule,
)
from villagedesk.core.validation import ValidationError

CONTEXT = "TemplateRules"

#: what a template lists, as the user reads it (ROW_SOURCES order)
SOURCE_LABELS = {
    "visits": QT_TRANSLATE_NOOP("TemplateRules", "Visits of the month"),
    "issues-month": QT_TRANSLATE_NOOP("TemplateRules", "Issues (registered this month)"),
    "issues-tracking": QT_TRANSLATE_NOOP("TemplateRules", "Issues (still being tracked)"),
    "issues-all": QT_TRANSLATE_NOOP("TemplateRules", "All issues"),
    "aid": QT_TRANSLATE_NOOP("TemplateRules", "Aid of the month"),
    "deeds": QT_TRANSLATE_NOOP("TemplateRules", "Deeds for the people"),
    "activities": QT_TRANSLATE_NOOP("TemplateRules", "Activities of the month"),
    "diary": QT_TRANSLATE_NOOP("TemplateRules", "Work diary of the month"),
    "households": QT_TRANSLATE_NOOP("TemplateRules", "Households with a tag"),
    "residents": QT_TRANSLATE_NOOP("TemplateRules", "Residents with a tag"),
}
COL_LETTER, COL_HEADER, COL_RULE, COL_TEXT = range(4)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def source_label(source: str, tag: str | None = None) -> str:
    """``Residents with a tag: 独居老人`` in the user's language."""
    text = _t(SOURCE_LABELS.get(source, source))
    if not tag:
        return text
    return (
        QCoreApplication.translate("TemplateRules", "%1: %2").replace("%1", text).replace("%2", tag)
    )


def tags_of(source: str) -> list[str]:
    """The tags a people list can be chosen by (none for the other sources)."""
    if source == "households":
        return [t.value for t in HouseholdTag if t != HouseholdTag.ORDINARY]
    if source == "residents":
        return [t.value for t in ResidentTag]
    return []


def column_letter(col: int) -> str:
    """1 → A, 27 → AA (without importing openpyxl)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class RuleTable(QTableWidget):
    """One row per form column: its letter, its header and what it gets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Column"),
                self.tr("Header in the form"),
                self.tr("Filled with"),
                self.tr("Fixed text"),
            ]
        )
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        head = self.horizontalHeader()
        head.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(COL_LETTER, 36)
        self.setColumnWidth(COL_RULE, 210)
        self.setColumnWidth(COL_TEXT, 150)
        self.source = "visits"
        self.cols: list[int] = []
        self.headers: list[str] = []
        self.combos: list[QComboBox] = []
        self.texts: list[QLineEdit] = []

    def set_rules(self, rules: list[ColumnRule], source: str) -> None:
        """Show the columns of a form with their rules, choices from ``source``'s fields."""
        from villagedesk.services.templates.fields import fields_of

        self.source = source
        fields = fields_of(source)
        self.setRowCount(len(rules))
        self.cols = [r.col for r in rules]
        self.headers = [r.header for r in rules]
        self.combos, self.texts = [], []
        for row, rule in enumerate(rules):
            self._item(row, COL_LETTER, column_letter(rule.col))
            self._item(row, COL_HEADER, rule.header)
            combo = QComboBox()
            combo.addItem(self.tr("(empty)"), (RULE_EMPTY, ""))
            combo.addItem(self.tr("Running number"), (RULE_NUMBER, ""))
            combo.addItem(self.tr("Fixed text →"), (RULE_TEXT, ""))
            combo.insertSeparator(combo.count())
            for f in fields:
                combo.addItem(f.label, (RULE_FIELD, f.name))
            combo.setMaxVisibleItems(20)
            text = QLineEdit()
            text.setPlaceholderText(self.tr("Same text in every row"))
            self.setCellWidget(row, COL_RULE, combo)
            self.setCellWidget(row, COL_TEXT, text)
            self.combos.append(combo)
            self.texts.append(text)
            self.set_rule(row, rule.rule, rule.value)
            combo.currentIndexChanged.connect(lambda _i, r=row: self._picked(r))
        self.resizeColumnToContents(COL_LETTER)
        self.setColumnWidth(COL_RULE, 210)
        self.setColumnWidth(COL_TEXT, 150)

    def set_rule(self, row: int, rule: str, value: str = "") -> None:
        """Choose what a row's column gets (as the user does with its combo box)."""
        combo, text = self.combos[row], self.texts[row]
        key = (rule, value if rule == RULE_FIELD else "")
        index = next((i for i in range(combo.count()) if combo.itemData(i) == key), 0)
        combo.setCurrentIndex(index)
        text.setText(value if rule == RULE_TEXT else "")
        self._picked(row)

    def _picked(self, row: int) -> None:
        is_text = self.combos[row].currentData()[0] == RULE_TEXT
        self.texts[row].setEnabled(is_text)
        if is_text and not self.texts[row].text():
            self.texts[row].setFocus()

    def row_of(self, col: int) -> int:
        """The table row showing a form column (1-based)."""
        return self.cols.index(col)

    def rules(self) -> list[ColumnRule]:
        """The rules as chosen; a fixed-text column left blank is a Chinese error."""
        out = []
        for row, col in enumerate(self.cols):
            rule, value = self.combos[row].currentData()
            if rule == RULE_TEXT:
                value = self.texts[row].text().strip()
                if not value:
                    self.texts[row].setFocus()
                    raise ValidationError(
                        self.tr("Column %1 gets a fixed text: type it in, or choose another rule.")
                        .replace("%1", column_letter(col)),
                        "mapping",
                    )  # fmt: skip
            out.append(ColumnRule(col, self.headers[row], rule, value))
        return out

    def change_source(self, source: str) -> None:
        """Other rows, other fields: guess again for them, keeping fixed texts the user typed."""
        from villagedesk.services.templates.fields import guess_columns

        typed = {r.col: r for r in self._current() if r.rule == RULE_TEXT and r.value}
        guessed = guess_columns(dict(zip(self.cols, self.headers, strict=True)), source)
        self.set_rules([typed.get(r.col, r) for r in guessed], source)

    def _current(self) -> list[ColumnRule]:
        out = []
        for row, col in enumerate(self.cols):
            rule, value = self.combos[row].currentData()
            if rule == RULE_TEXT:
                value = self.texts[row].text().strip()
            out.append(ColumnRule(col, self.headers[row], rule, value))
        return out

    def _item(self, row: int, col: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        self.setItem(row, col, item)


def is_tagged(source: str) -> bool:
    """Whether a source's rows are chosen by a tag."""
    return source in TAGGED_SOURCES
