"""PySide6 6.12.0 drops a reference to True on every Python signal emit; the app emits
thousands of signals in a session (progress, notifications), so True's count reaches zero and
the interpreter aborts. This pins that the installed PySide6 does not have the bug."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    value = Signal(object)
    flag = Signal(bool)


def test_emitting_signals_keeps_the_refcounts_of_true_and_false(qtbot):
    emitter = _Emitter()
    received = []
    emitter.value.connect(lambda v: received.append(v))
    emitter.flag.connect(lambda v: received.append(v))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(500):
        emitter.value.emit(i)
        emitter.flag.emit(i % 2 == 0)
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after == before
