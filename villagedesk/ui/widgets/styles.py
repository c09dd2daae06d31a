"""Style sheets shared by forms and messages (no Qt import: the window's start uses them)."""

from __future__ import annotations

#: a message saying what is wrong (forms, the password prompt, the lock screen)
ERROR_STYLE = "QLabel { color: #b00020; background: #fdecea; padding: 6px; border-radius: 4px; }"
#: the field that is wrong
INVALID_STYLE = "border: 1px solid #d32f2f;"
