"""Widgets whose text never sets their width: a label, a push button and a combo box that
draw their text cut with "…" when it does not fit, and show it whole in their tooltip.

Their `text()` stays the whole text, so code and tests read what was set. Each can shrink to
`MIN_LETTERS` characters, so a long chat title, collection or prompt name never makes the
window wider; give them a maximum width where their natural size would be too big.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

MIN_LETTERS = 6
ELLIPSIS = "…"


def elided(metrics: QFontMetrics, text: str, width: int) -> str:
    """`text` cut at the right with "…" to fit `width` pixels (whole if it fits)."""
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))


def is_elided(widget: QWidget) -> bool:
    """Whether an eliding widget shows its text cut now (other widgets: never)."""
    check = getattr(widget, "text_is_elided", None)
    return bool(check()) if callable(check) else False


def _show_whole(widget: QWidget, event: QEvent, whole: str) -> bool:
    """A tooltip with the whole text (and the widget's own tooltip under it)."""
    assert isinstance(event, QHelpEvent)
    own = widget.toolTip()
    QToolTip.showText(event.globalPos(), whole + ("\n\n" + own if own else ""), widget)
    return True


class ElidedLabel(QLabel):
    """A one-line label that cuts its text with "…" rather than growing or clipping."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        letters = self.fontMetrics().averageCharWidth() * MIN_LETTERS
        return QSize(min(hint.width(), letters), hint.height())

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.margin() - 2 * max(self.indent(), 0)

    def shown_text(self) -> str:
        return elided(self.fontMetrics(), self.text(), self._room())

    def text_is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        rect = self.contentsRect().adjusted(self.margin(), 0, -self.margin(), 0)
        painter.drawItemText(
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.text_is_elided():
            return _show_whole(self, event, self.text())
        return super().event(event)


class ElidedButton(QPushButton):
    """A push button (with or without a menu) that cuts its text with "…" to its width."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        letters = self.fontMetrics().averageCharWidth() * MIN_LETTERS
        return QSize(min(hint.width(), letters + self._chrome()), hint.height())

    def _chrome(self) -> int:
        """The width a button needs around its text (frame, padding, menu arrow)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        empty = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(0, 0), self
        )
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self)
        return empty.width() + (arrow if self.menu() is not None else 0)

    def shown_text(self) -> str:
        return elided(self.fontMetrics(), self.text(), self.width() - self._chrome())

    def text_is_elided(self) -> bool:
        return self.shown_text() != self.text()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.text_is_elided():
            return _show_whole(self, event, self.text())
        return super().event(event)


class ElidedCombo(QComboBox):
    """A combo box that cuts the shown item with "…" (Qt clips it) and can shrink to a few
    letters; its list still shows every item whole."""

    def __init__(self, parent: QWidget | None = None, letters: int = 16) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(letters)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        letters = QSize(self.fontMetrics().averageCharWidth() * MIN_LETTERS, hint.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, letters, self)
        return QSize(min(hint.width(), size.width()), hint.height())

    def _room(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        icon = self.iconSize().width() + 4 if not option.currentIcon.isNull() else 0
        return field.width() - icon - 2

    def shown_text(self) -> str:
        return elided(self.fontMetrics(), self.currentText(), self._room())

    def text_is_elided(self) -> bool:
        return self.shown_text() != self.currentText()

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(_event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        """The list as wide as its longest item (the box itself may be cut short)."""
        view = self.view()
        view.setMinimumWidth(
            view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width()
        )
        super().showPopup()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.text_is_elided():
            summary = self.currentData(Qt.ItemDataRole.ToolTipRole)
            whole = self.currentText() + (f"\n{summary}" if summary else "")
            return _show_whole(self, event, whole)
        return super().event(event)
