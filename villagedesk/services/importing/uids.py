"""Uids for the thousands of records one import makes, as ``new_uid`` makes them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

# uuid4 sets the version nibble (character 12) to 4 and the top two bits of character 16
# to 10: that hex digit becomes 8, 9, a or b
_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def uid_source(batch: int = 1024) -> Callable[[], str]:
    """A function giving a fresh uid per call: ``uuid.uuid4().hex`` from the same random
    source, drawn ``batch`` uids at a time (a quarter of the time per uid)."""
    return _uids(batch).__next__


def _uids(batch: int) -> Iterator[str]:
    while True:
        h = os.urandom(16 * batch).hex()
        for i in range(0, 32 * batch, 32):
            yield f"{h[i : i + 12]}4{h[i + 13 : i + 16]}{_VARIANT[h[i + 16]]}{h[i + 17 : i + 32]}"
