"""Where windows and dialogs open: centred on the window they belong to, whole on its screen.

`fit_rect` is the arithmetic (plain rectangles, so a test can ask about a 1,024 × 768 screen
on any machine); `place` applies it to a widget before it is shown. Every window and dialog
Hearth opens goes through `place`, so none opens partly off-screen or bigger than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# room kept for the title bar and frame the window manager adds (not known before showing)
FRAME = QSize(8, 36)


def fit_rect(wanted: QSize, minimum: QSize, anchor: QRect | None, screen: QRect) -> QRect:
    """The geometry (without frame) for a window that would like `wanted`, cannot be smaller
    than `minimum`, centred on `anchor` (the parent's frame; None: the screen) and kept inside
    `screen` (the screen's available geometry) with room for the frame."""
    room = screen.size() - FRAME
    width = max(min(wanted.width(), room.width()), min(minimum.width(), room.width()))
    height = max(min(wanted.height(), room.height()), min(minimum.height(), room.height()))
    centre = (anchor if anchor is not None and anchor.isValid() else screen).center()
    left = centre.x() - (width + FRAME.width()) // 2
    top = centre.y() - (height + FRAME.height()) // 2
    left = max(screen.left(), min(left, screen.right() + 1 - width - FRAME.width()))
    top = max(screen.top(), min(top, screen.bottom() + 1 - height - FRAME.height()))
    frame_left, frame_top = FRAME.width() // 2, FRAME.height() - FRAME.width() // 2
    return QRect(QPoint(left + frame_left, top + frame_top), QSize(width, height))


def available(widget: QWidget, anchor: QWidget | None = None) -> QRect:
    """The available geometry of the screen the anchor (or the widget) is on."""
    screen = (anchor or widget).screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def place(
    widget: QWidget,
    anchor: QWidget | None = None,
    wanted: QSize | None = None,
    screen: QRect | None = None,
) -> QRect:
    """Size `widget` to `wanted` (default: its current size) as far as the screen allows,
    and centre it on `anchor`. Returns the geometry set."""
    anchor = anchor if anchor is not None else widget.parentWidget()
    anchor = anchor.window() if anchor is not None else None
    area = screen if screen is not None else available(widget, anchor)
    if wanted is None:  # not resized yet: the size it would take when shown
        resized = widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
        wanted = widget.size() if resized else widget.sizeHint()
    size = wanted
    minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    frame = anchor.frameGeometry() if anchor is not None and anchor.isVisible() else None
    rect = fit_rect(size, minimum, frame, area)
    widget.setGeometry(rect)
    return rect
