"""The background-task helper: results on the UI thread, progress, cancel, late answers."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QLabel

from villagedesk.core.validation import ValidationError
from villagedesk.ui.tasks import TaskCancelled, run_task


def test_result_and_progress_arrive_on_the_ui_thread(qtbot):
    seen = []
    ui_thread = threading.get_ident()

    def work(control):
        control.progress(1, 2, "half")
        return threading.get_ident()

    run_task(
        work,
        on_success=lambda worker: seen.append(("done", worker != ui_thread, threading.get_ident())),
        on_progress=lambda d, t, text: seen.append(("progress", d, t, text)),
    )
    qtbot.waitUntil(lambda: any(s[0] == "done" for s in seen), timeout=5000)
    assert ("progress", 1, 2, "half") in seen
    assert ("done", True, ui_thread) in seen


def test_a_user_error_becomes_its_chinese_message(qtbot):
    failures = []

    def work(_control):
        raise ValidationError("月份格式不正确")

    run_task(work, on_failure=lambda msg, details: failures.append((msg, details)))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == [("月份格式不正确", "")]


def test_cancel_stops_at_the_next_progress_report(qtbot):
    failures, started, release = [], threading.Event(), threading.Event()

    def work(control):
        started.set()
        release.wait(5)
        control.progress(1, 10)  # raises TaskCancelled: the user pressed cancel
        raise AssertionError("not reached")

    handle = run_task(work, on_failure=lambda msg, details: failures.append((msg, details)))
    started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == [("", "cancelled")]
    assert TaskCancelled  # the exception type tasks may catch to clean up


def test_an_answer_for_a_closed_widget_is_dropped_quietly(qtbot):
    label = QLabel()
    release, finished = threading.Event(), []

    def work(_control):
        release.wait(5)
        return "late"

    run_task(
        work, on_success=lambda text: label.setText(text), on_finished=lambda: finished.append(True)
    )
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)  # no exception reached Qt


def test_named_modules_are_imported_before_the_task_starts(qtbot):
    sys.modules.pop("villagedesk.services.audit_export", None)
    imported_before = []

    def work(_control):
        return "villagedesk.services.audit_export" in sys.modules

    run_task(
        work,
        on_success=imported_before.append,
        modules=["villagedesk.services.audit_export", "no_such_module_here"],
    )
    qtbot.waitUntil(lambda: bool(imported_before), timeout=5000)
    assert imported_before == [True]


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
