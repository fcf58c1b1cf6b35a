"""The mark of an imported chat in the sidebar: a small "imported" icon before its title, and a
line in its tooltip saying from which file, in which format, and when.

The icon is drawn (an arrow into a tray) in a blue that reads on the light and the dark theme
alike, so a theme switch needs no redraw; the tooltip is written again with the list on a
language switch.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QTreeWidgetItem

from app.core.chats.import_mark import ImportedFrom
from app.core.chats.import_text import imported_note
from app.core.chats.store import Chat
from app.workers import i18n

IMPORTED = Qt.ItemDataRole.UserRole + 7  # the item's `ImportedFrom`, for tests and tools
COLOUR = "#4a86d9"
_SIDE = 64  # drawn large; Qt scales it down to the list's icon size


def mark_imported(item: QTreeWidgetItem, chat: Chat) -> None:
    """Mark `item` as imported when `chat` carries an import mark; else leave it as it is."""
    origin = ImportedFrom.of(chat)
    if origin is None:
        return
    item.setIcon(0, imported_icon())
    item.setData(0, IMPORTED, origin)
    note = i18n.say(imported_note(origin.file, origin.format_name, origin.at))
    shown = item.toolTip(0)
    item.setToolTip(0, f"{shown}\n{note}" if shown else note)


@cache
def imported_icon() -> QIcon:
    """An arrow going down into a tray, drawn once."""
    pixmap = QPixmap(_SIDE, _SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(COLOUR), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    tray = [QPointF(10, 38), QPointF(10, 54), QPointF(54, 54), QPointF(54, 38)]
    painter.drawPolyline(QPolygonF(tray))
    painter.drawLine(QPointF(32, 8), QPointF(32, 40))
    painter.drawPolyline(QPolygonF([QPointF(19, 28), QPointF(32, 41), QPointF(45, 28)]))
    painter.end()
    return QIcon(pixmap)
