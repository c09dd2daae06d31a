"""When the app reached each step of its start, for ``benchmarks/bench_ui.py --phases``.

Silent unless ``VILLAGEDESK_TRACE_START`` holds the wall-clock time (``time.time()``) at which
the benchmark started the process; then each :func:`mark` prints one line to stderr:
``startup-phase LABEL MILLISECONDS``. Costs a dictionary lookup when off.
"""

from __future__ import annotations

import os
import sys
import time

ENV = "VILLAGEDESK_TRACE_START"
_start = os.environ.get(ENV)


def mark(label: str) -> None:
    """Print how long after the process started ``label`` was reached (only when tracing)."""
    if _start is not None:
        ms = (time.time() - float(_start)) * 1000
        sys.stderr.write(f"startup-phase {label} {ms:.1f}\n")  # one write: threads mark too
        sys.stderr.flush()
