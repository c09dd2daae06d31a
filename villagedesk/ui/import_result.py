"""Step 5 of the import wizard: the import (one transaction, in the background) and its report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from villagedesk.core.validation import ValidationError
from villagedesk.ui.import_pages import INFO_STYLE, cell_text, error_label, show_error
from villagedesk.ui.import_preview import result_table
from villagedesk.ui.import_wizard import NOTIFY_KINDS, commit_plan
from villagedesk.ui.tasks import run_task
from villagedesk.ui.widgets.table_model import Column, RecordTableModel

#: report keys (tables written) → their name in the summary
TABLE_NAMES = {
    "households": "农户",
    "residents": "村民",
    "groups": "村民小组",
    "visits": "走访记录",
    "issues": "问题",
    "aid": "帮扶慰问",
    "monitoring_entries": "名单行",
    "check_tasks": "核查任务",
}


class ResultPage(QWizardPage):
    """Step 5: the import (one transaction, in the background) and what it did."""

    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.running = False
        self.done = False
        self.setTitle(self.tr("Step 5 of 5: import"))
        self.setSubTitle(
            self.tr(
                "Every valid row is written in one step: all of them, or none if anything fails."
            )
        )
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(INFO_STYLE)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RecordTableModel = RecordTableModel(
            [
                Column(self.tr("Row"), lambda r: str(r["row"]), sort=lambda r: r["row"]),
                Column(self.tr("Name"), lambda r: r.get("name", "")),
                Column(self.tr("What happened"), lambda r: r["what"]),
                Column(self.tr("Why"), lambda r: r["why"]),
            ]
        )
        self.view = result_table(self.model)
        self.save_button = QPushButton(self.tr("Save the refused rows…"))
        self.save_button.setToolTip(
            self.tr(
                "A workbook of the refused rows with a reason column: fix it and import it again"
            )
        )
        self.save_button.clicked.connect(self.save_refused)
        self.checks_button = QPushButton(self.tr("Open the check tasks…"))
        self.checks_button.clicked.connect(self.wiz.open_checks)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.checks_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:  # noqa: N802 - Qt name
        s = self.wiz.state
        self.done = False
        self.running = True
        self.summary.setText(self.tr("Importing… (all rows or none)"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.save_button.hide()
        self.checks_button.hide()
        show_error(self.error, "")
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.wiz.preload()
        db_path, password = self.wiz.db_args()
        plan = s.plan
        run_task(
            lambda control: commit_plan(db_path, password, plan, control),
            on_success=self._imported,
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int, _stage: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _imported(self, result: tuple[Any, Path | None]) -> None:
        report, backup = result
        s = self.wiz.state
        s.report, s.backup = report, backup
        self.running, self.done = False, True
        self.progress.hide()
        self.summary.setText(self.summary_text(report, backup))
        self.model.set_rows(report_rows(s.plan, report))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save_button.setVisible(bool(report.refused))
        self.checks_button.setVisible(report.kind == "monitoring")
        for kind in NOTIFY_KINDS.get(report.kind, ()):
            self.wiz.ctx.notify(kind)
        self.completeChanged.emit()

    def summary_text(self, report, backup: Path | None) -> str:
        """The report in a few lines."""
        c = report.counts
        added = "、".join(f"{TABLE_NAMES.get(k, k)} {n}" for k, n in report.written.items() if n)
        text = (
            self.tr("Done: %1 rows added (%2), %3 updated, %4 skipped, %5 not imported.")
            .replace("%1", str(c["to_add"]))
            .replace("%2", added or "—")
            .replace("%3", str(c["to_update"]))
            .replace("%4", str(c["skipped"]))
            .replace("%5", str(c["refused"]))
        )
        if report.kind == "monitoring":
            x = report.extra
            text += "\n" + (
                self.tr("Matched by ID number: %1 · by name (please confirm): %2 · unmatched: %3")
                .replace("%1", str(x.get("matched", 0)))
                .replace("%2", str(len(x.get("uncertain", []))))
                .replace("%3", str(len(x.get("unmatched", []))))
            )
        if backup is not None:
            text += "\n" + self.tr("A backup was made first: %1").replace("%1", str(backup))
        return text

    def _failed(self, message: str, _details: str) -> None:
        self.running = False
        self.done = True
        self.progress.hide()
        self.summary.setText(self.tr("Nothing was imported: the database is unchanged."))
        show_error(self.error, message or self.tr("The import was stopped."))
        self.completeChanged.emit()

    def save_refused(self, _checked: bool = False, path: str | None = None) -> Path | None:
        """Write the refused rows (with a 原因 column) to a workbook the user chooses."""
        from villagedesk.services.importing import write_refused_rows

        s = self.wiz.state
        if path is None:
            default = s.path.with_name(f"{s.path.stem}-未导入的行.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the refused rows"), str(default),
                self.tr("Excel workbook (*.xlsx)"),
            )  # fmt: skip
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
        try:
            n = write_refused_rows(s.plan, out)
        except (ValidationError, OSError) as exc:
            show_error(self.error, str(exc))
            return None
        self.saved_label.setText(
            self.tr("%1 rows saved to %2").replace("%1", str(n)).replace("%2", str(out))
        )
        return out

    def isComplete(self) -> bool:  # noqa: N802 - Qt name
        return self.done

    def cleanupPage(self) -> None:  # noqa: N802 - Qt name
        pass


def report_rows(plan, report) -> list[dict]:
    """The rows the report explains: refused, skipped, warned and (lists) unmatched."""
    names = {}
    if plan is not None:
        col = plan.mapping.column_of("name")
        if col is None:
            col = plan.mapping.column_of("head_name")
        if col is not None:
            names = {r.row_no: cell_text(r.values[col]) for r in plan.rows if col < len(r.values)}
    rows = [
        {
            "row": r["row"],
            "what": QCoreApplication.translate("ImportPreview", "not imported"),
            "why": r["reason"],
        }
        for r in report.refused
    ]
    rows += [
        {
            "row": r["row"],
            "what": QCoreApplication.translate("ImportPreview", "skipped"),
            "why": r["reason"],
        }
        for r in report.skipped
    ]
    rows += [
        {
            "row": r["row"],
            "what": QCoreApplication.translate("ImportPreview", "imported, please check"),
            "why": r["warning"],
        }
        for r in report.warnings
    ]
    rows += [
        {
            "row": r["row"],
            "what": QCoreApplication.translate("ImportPreview", "not matched"),
            "why": r["reason"],
        }
        for r in report.extra.get("unmatched", [])
    ]
    for r in rows:
        r["name"] = names.get(r["row"], "")
    return sorted(rows, key=lambda r: r["row"])
