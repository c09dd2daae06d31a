"""报表导出: the township's files for a month — saved, and PDFs printed with a preview.

Every output runs in the background (its own database connection) with a progress dialog
whose cancel works, and ends with an offer to open the folder or a Chinese error.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from villagedesk.core.clock import today
from villagedesk.core.templates import Template
from villagedesk.services.figures import Month
from villagedesk.ui.context import AppContext
from villagedesk.ui.pages.base import Page
from villagedesk.ui.pages.report_templates import (
    FILL_MODULES,
    TemplatesBox,
    fill_in_background,
    template_file_name,
)
from villagedesk.ui.printing import open_file, print_pdf_with_preview
from villagedesk.ui.tasks import TaskControl, run_task, with_own_connection
from villagedesk.ui.widgets.household_picker import HouseholdPicker

LAST_DIR_KEY = "reports/last_dir"
MONTHS_OFFERED = 24


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


@dataclass(frozen=True)
class Output:
    """One file the page makes."""

    kind: str  # ledger, report, household, aid-sheet, cards
    title: str  # English; translated in the ReportsPage context
    what: str
    suffix: str
    name: str  # the default file name's middle part (Chinese, as the township files them)


OUTPUTS = [
    Output("ledger", QT_TRANSLATE_NOOP("ReportsPage", "Monthly ledger"),
           QT_TRANSLATE_NOOP("ReportsPage", "Excel workbook: summary, visits, issues, aid, deeds, activities, diary"),
           ".xlsx", "驻村工作台账"),
    Output("report", QT_TRANSLATE_NOOP("ReportsPage", "Monthly work report"),
           QT_TRANSLATE_NOOP("ReportsPage", "PDF: figures, chart, issues, aid, deeds, activities"),
           ".pdf", "驻村工作月度报告"),
    Output("household", QT_TRANSLATE_NOOP("ReportsPage", "Household files"),
           QT_TRANSLATE_NOOP("ReportsPage", "PDF: one household per page (all, or the one picked above)"),
           ".pdf", "一户一档"),
    Output("aid-sheet", QT_TRANSLATE_NOOP("ReportsPage", "Aid sign-off sheet"),
           QT_TRANSLATE_NOOP("ReportsPage", "PDF: the month's aid with a signature column"),
           ".pdf", "慰问金物资发放登记表"),
    Output("cards", QT_TRANSLATE_NOOP("ReportsPage", "Contact cards"),
           QT_TRANSLATE_NOOP("ReportsPage", "PDF: eight cards to an A4 sheet with cut marks, or one per household"),
           ".pdf", "便民联系卡"),
]  # fmt: skip
OUTPUT_BY_KIND = {o.kind: o for o in OUTPUTS}
#: the module each output's writer lives in (imported before its background task starts)
WRITER_MODULES = {
    "ledger": "villagedesk.services.ledger_xlsx",
    "report": "villagedesk.services.report_pdf",
    "household": "villagedesk.services.household_pdf",
    "aid-sheet": "villagedesk.services.aid_sheet",
    "cards": "villagedesk.services.cards_pdf",
}


@dataclass(frozen=True)
class ExportOptions:
    """What the page's controls ask for."""

    month: Month
    mask_ids: bool = True
    household_no: str | None = None
    per_household: bool = False
    card_back: bool = False  # each sheet of cards followed by its back (duplex printing)


def write_output(
    db_path: Path,
    kind: str,
    out: Path,
    opts: ExportOptions,
    control: TaskControl | None = None,
    *,
    password: str | None = None,
) -> Path:
    """Write one output with a fresh database connection (runs in the background task)."""

    def write(db, progress) -> Path:
        if kind == "ledger":
            from villagedesk.services.ledger_xlsx import write_monthly_ledger

            return write_monthly_ledger(
                db, opts.month, out, mask_ids=opts.mask_ids, progress=progress
            )
        if kind == "report":
            from villagedesk.services.report_pdf import write_monthly_report

            return write_monthly_report(db, opts.month, out, mask_ids=opts.mask_ids)
        if kind == "household":
            from villagedesk.services.household_pdf import write_household_files

            return write_household_files(
                db, out, household_no=opts.household_no, mask_ids=opts.mask_ids, progress=progress
            )
        if kind == "aid-sheet":
            from villagedesk.services.aid_sheet import write_aid_sheet

            return write_aid_sheet(db, opts.month, out, mask_ids=opts.mask_ids)
        if kind == "cards":
            from villagedesk.services.cards_pdf import write_contact_cards

            return write_contact_cards(
                db, out, per_household=opts.per_household, back=opts.card_back, progress=progress
            )
        raise ValueError(kind)

    return with_own_connection(db_path, control, write, password=password)


def default_file_name(village: str, kind: str, opts: ExportOptions) -> str:
    """E.g. 青石村驻村工作台账2026年11月.xlsx; household and card files carry no month."""
    o = OUTPUT_BY_KIND[kind]
    if kind == "household":
        tail = f"（{opts.household_no}户）" if opts.household_no else ""
        return f"{village}{o.name}{tail}{o.suffix}"
    if kind == "cards":
        tail = "（每户一张）" if opts.per_household else ""
        tail += "（双面）" if opts.card_back else ""
        return f"{village}{o.name}{tail}{o.suffix}"
    return f"{village}{o.name}{opts.month.chinese()}{o.suffix}"


class ExportJob:
    """One background export with its progress dialog; ``done``/``path``/``error`` after.

    ``kind`` names an output of OUTPUTS; other work (a township template) passes its own
    ``title``, ``work(control)`` and the ``modules`` it imports.
    """

    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        kind: str,
        out: Path,
        opts: ExportOptions,
        on_success: Callable[[Path], None],
        *,
        title: str | None = None,
        work: Callable[[TaskControl], Path] | None = None,
        modules: list[str] | None = None,
    ) -> None:
        self.parent, self.ctx, self.kind, self.out = parent, ctx, kind, out
        self.done = False
        self.path: Path | None = None
        self.error = ""
        self.cancelled = False
        self._on_success = on_success
        title = title or _t(OUTPUT_BY_KIND[kind].title)
        self.dialog = QProgressDialog(
            QCoreApplication.translate("ReportsPage", "Writing %1…").replace("%1", title),
            QCoreApplication.translate("ReportsPage", "Cancel"),
            0,
            0,
            parent,
        )
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if work is None:
            db_path, password = Path(ctx.db_path), ctx.db.password

            def work(control: TaskControl) -> Path:
                return write_output(db_path, kind, out, opts, control, password=password)

        self.handle = run_task(
            work,
            on_success=self._succeeded,
            on_failure=self._failed,
            on_progress=self._progress,
            on_finished=self._finished,
            modules=modules if modules is not None else [WRITER_MODULES[kind]],
        )
        self.dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        """Stop the export at its next progress step (nothing half-written is left)."""
        self.cancelled = True
        self.handle.cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 1:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _succeeded(self, path: Any) -> None:
        self.path = Path(path)
        self.dialog.close()
        self._on_success(self.path)

    def _failed(self, message: str, details: str) -> None:
        self.dialog.close()
        if not message:  # cancelled
            return
        self.error = message
        QMessageBox.warning(
            self.parent, QCoreApplication.translate("ReportsPage", "Export failed"), message
        )

    def _finished(self) -> None:
        self.done = True
        self.dialog.close()


def ask_output_path(parent: QWidget, title: str, name: str, suffix: str) -> Path | None:
    """Ask where to save (the last folder used, a suggested name); None when cancelled."""
    settings = QSettings()
    folder = settings.value(LAST_DIR_KEY) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    pattern = (
        QCoreApplication.translate("ReportsPage", "Excel workbook (*.xlsx)")
        if suffix == ".xlsx"
        else QCoreApplication.translate("ReportsPage", "PDF file (*.pdf)")
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReportsPage", "Save %1").replace("%1", title),
        str(Path(folder) / name),
        pattern,
    )
    if not chosen:
        return None
    out = Path(chosen)
    if out.suffix.lower() != suffix:
        out = out.with_name(out.name + suffix)
    settings.setValue(LAST_DIR_KEY, str(out.parent))
    return out


def offer_folder(parent: QWidget, path: Path) -> None:
    """Say where the file went and offer to open its folder."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ReportsPage", "Export done"),
        QCoreApplication.translate("ReportsPage", "Saved %1.\nOpen the folder?").replace(
            "%1", str(path)
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        open_file(path.parent)


def export_output(parent: QWidget, ctx: AppContext, kind: str, opts: ExportOptions):
    """Ask for a file name and write the output there; returns the job (None if not asked)."""
    o = OUTPUT_BY_KIND[kind]
    name = default_file_name(ctx.db.profile.get().village, kind, opts)
    out = ask_output_path(parent, _t(o.title), name, o.suffix)
    if out is None:
        return None
    return ExportJob(parent, ctx, kind, out, opts, lambda path: offer_folder(parent, path))


_print_dirs: list[tempfile.TemporaryDirectory] = []  # kept until the app quits


def print_output(parent: QWidget, ctx: AppContext, kind: str, **options: Any):
    """Write a PDF output to a temp file in the background, then show the print preview."""
    opts = options.pop("opts", None) or ExportOptions(month=Month.of(today()), **options)
    tmp = tempfile.TemporaryDirectory(prefix="vd-print-")
    _print_dirs.append(tmp)
    name = default_file_name(ctx.db.profile.get().village, kind, opts)
    out = Path(tmp.name) / name
    return ExportJob(parent, ctx, kind, out, opts, lambda p: print_pdf_with_preview(parent, p))


class ReportsPage(Page):
    """Month picker, options and one row of buttons per output."""

    watches = ("profile", "template")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.jobs: list[ExportJob] = []
        self.month = QComboBox()
        this = Month.of(today())
        m = this
        for _ in range(MONTHS_OFFERED):
            self.month.addItem(m.chinese(), str(m))
            m = m.previous()
        self.month.setCurrentIndex(1)  # last month: what the township asks for early in a month
        self.mask = QCheckBox(self.tr("Hide the middle digits of ID numbers"))
        self.picker = HouseholdPicker(ctx)
        self.per_household = QCheckBox(self.tr("One card per household (with head and number)"))
        self.card_back = QCheckBox(self.tr("Print the back too (common procedures, two-sided)"))
        options = QGroupBox(self.tr("Month and options"))
        grid = QGridLayout(options)
        grid.addWidget(QLabel(self.tr("Month")), 0, 0)
        grid.addWidget(self.month, 0, 1)
        grid.addWidget(self.mask, 0, 2)
        grid.addWidget(QLabel(self.tr("Household file of")), 1, 0)
        grid.addWidget(self.picker, 1, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("(empty: all households)")), 1, 3)
        grid.addWidget(QLabel(self.tr("Contact cards")), 2, 0)
        grid.addWidget(self.per_household, 2, 1)
        grid.addWidget(self.card_back, 2, 2, 1, 2)
        grid.setColumnStretch(2, 1)

        outputs = QGroupBox(self.tr("Files for the township"))
        og = QGridLayout(outputs)
        og.setVerticalSpacing(10)
        self.export_buttons: dict[str, QPushButton] = {}
        self.print_buttons: dict[str, QPushButton] = {}
        for row, o in enumerate(OUTPUTS):
            title = QLabel(f"<b>{_t(o.title)}</b>")
            what = QLabel(_t(o.what))
            what.setStyleSheet("color: #555;")
            export = QPushButton(self.tr("Save as file…"))
            export.clicked.connect(lambda _c=False, k=o.kind: self.export(k))
            self.export_buttons[o.kind] = export
            og.addWidget(title, row, 0)
            og.addWidget(what, row, 1)
            og.addWidget(export, row, 2)
            if o.suffix == ".pdf":
                printing = QPushButton(self.tr("Print…"))
                printing.clicked.connect(lambda _c=False, k=o.kind: self.print(k))
                self.print_buttons[o.kind] = printing
                og.addWidget(printing, row, 3)
        og.setColumnStretch(1, 1)
        note = QLabel(
            self.tr("Files are written to a temporary file first and only then put in place, "
                    "so a failed export never leaves half a file.")
        )  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #777;")
        self.templates = TemplatesBox(ctx, self.fill_template)
        layout = QVBoxLayout(self)
        layout.addWidget(options)
        layout.addWidget(outputs)
        layout.addWidget(self.templates, 1)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        """Take the masking default from the village profile; list the templates."""
        self.mask.setChecked(self.ctx.db.profile.get().mask_ids)
        self.templates.refresh()

    def options(self) -> ExportOptions:
        """What the controls ask for."""
        household = self.picker.household()
        return ExportOptions(
            month=Month.parse(self.month.currentData()),
            mask_ids=self.mask.isChecked(),
            household_no=household.household_no if household else None,
            per_household=self.per_household.isChecked(),
            card_back=self.card_back.isChecked(),
        )

    def export(self, kind: str) -> ExportJob | None:
        """Save an output as a file (asks where)."""
        job = export_output(self, self.ctx, kind, self.options())
        if job is not None:
            self.jobs.append(job)
        return job

    def print(self, kind: str) -> ExportJob:
        """Print a PDF output with a preview."""
        job = print_output(self, self.ctx, kind, opts=self.options())
        self.jobs.append(job)
        return job

    def fill_template(self, tpl: Template) -> ExportJob | None:
        """Fill a township template for the chosen month (asks where to save)."""
        opts = self.options()
        out = ask_output_path(self, tpl.name, template_file_name(tpl.name, opts.month), ".xlsx")
        if out is None:
            return None
        db_path, password = Path(self.ctx.db_path), self.ctx.db.password
        job = ExportJob(
            self, self.ctx, "template", out, opts, lambda path: offer_folder(self, path),
            title=tpl.name,
            work=lambda control: fill_in_background(
                db_path, tpl.name, opts.month, out, opts.mask_ids, control, password=password
            ),
            modules=FILL_MODULES,
        )  # fmt: skip
        self.jobs.append(job)
        return job
