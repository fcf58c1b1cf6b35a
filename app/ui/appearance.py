"""Theme (light, dark, or the system's), font size and language, applied to the whole app.

Switching language installs Hearth's translator and Qt's own (standard buttons, dialogs); Qt
then sends every widget a LanguageChange event, and each widget sets its texts again.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.workers import i18n

LANGUAGES = i18n.LANGUAGES
TRANSLATOR_NAME = "hearth-translator"

_STYLE = """
#errorBanner, #recoveryBanner {
    background: %(error_bg)s; border: 1px solid %(error_border)s; border-radius: 6px;
}
#errorBanner QLabel, #recoveryBanner QLabel { color: %(error_fg)s; }
#baseBadge { background: #b06d00; color: white; border-radius: 4px; padding: 1px 6px; }
#composer { border: 1px solid %(border)s; border-radius: 6px; padding: 4px; }
#sendButton { padding: 6px 14px; }
QTreeWidget { border: none; }
QStatusBar QLabel { padding: 0 8px; }
#repoTitle { font-weight: bold; font-size: 120%%; }
#downloadRow { border-bottom: 1px solid %(border)s; }
#downloadTitle { font-weight: bold; }
#downloadDetail[failed="true"] { color: %(error_fg)s; }
"""


def resolve_language(language: str) -> str:
    """'system' becomes the system's language when Hearth has it, else English."""
    if language in LANGUAGES:
        return language
    return i18n.language_of(QLocale.system().name())


class Appearance:
    """Applies settings to the QApplication; keeps the translators alive while installed."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._translators: list[QTranslator] = []
        self.dark = False
        self.language = "en"
        app.setStyle("Fusion")

    def apply_language(self, language: str) -> str:
        """Install translations for `language`; returns the language in use."""
        wanted = resolve_language(language)
        if wanted == self.language and self._translators:
            return wanted
        for translator in self.app.findChildren(QTranslator, TRANSLATOR_NAME):
            self.app.removeTranslator(translator)
            translator.deleteLater()
        self.language = wanted
        self._translators = i18n.load_translators(wanted, self.app)
        # core's messages speak the new language before any widget re-translates itself
        i18n.use_language(wanted, self._translators)
        for translator in self._translators:
            translator.setObjectName(TRANSLATOR_NAME)
            self.app.installTranslator(translator)
        return wanted

    def apply_theme(self, theme: str, font_size: int) -> bool:
        """Set palette, style sheet and font; returns True for a dark theme."""
        self.dark = self._is_dark(theme)
        self.app.setPalette(_dark_palette() if self.dark else self.app.style().standardPalette())
        font = self.app.font()
        font.setPointSize(font_size)
        self.app.setFont(font)
        colours = (
            {"error_bg": "#4a1f1f", "error_border": "#a33", "error_fg": "#ffd7d7", "border": "#555"}
            if self.dark
            else {
                "error_bg": "#fdecea",
                "error_border": "#e0a0a0",
                "error_fg": "#7a1010",
                "border": "#c8ccd2",
            }
        )
        self.app.setStyleSheet(_STYLE % colours)
        return self.dark

    def _is_dark(self, theme: str) -> bool:
        if theme in ("light", "dark"):
            return theme == "dark"
        return self.app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202225",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26292e",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2b2e33",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3b6fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2e33",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Link: "#7aa7ff",
        QPalette.ColorRole.PlaceholderText: "#8a8f98",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b6f76"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b6f76"))
    return palette
