"""The Qt bindings themselves: a PySide6 release that loses references would crash a long chat.

PySide6 6.12.0 returned `None` from void methods without taking a reference. On Python 3.11
(where `None` is not immortal) the app aborted with "none_dealloc" after a few thousand calls,
which a long streamed answer reaches. This test pins the behaviour we rely on.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_methods_keep_the_reference_to_none() -> None:
    holder = QObject()
    document = QTextDocument()
    cursor = QTextCursor(document)
    calls = 2000
    before = sys.getrefcount(None)
    for _ in range(calls):
        holder.setObjectName("x")
        cursor.insertText("x")
    assert sys.getrefcount(None) - before > -calls // 2, (
        "these Qt bindings drop a reference to None on each void call; pin another PySide6"
    )
