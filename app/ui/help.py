"""Help: the keyboard shortcuts, About Hearth, and the folder where Hearth keeps its data.

The shortcuts are read from the window's own actions and shortcuts each time the list is
shown, so it says what the keys really do. About shows what `app.core.about` gathers, with
Qt's version added here. Every text is said again on a live language switch.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, qVersion
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.about import AboutFacts, about_facts
from app.ui.placement import place
from app.workers import i18n
from app.workers.engine import EngineController

# The description a window-wide QShortcut carries (it has no text of its own).
DESCRIPTION = "description"
_MNEMONIC = re.compile(r"\(&\w\)")  # a translation's "(&N)"


def open_folder(path: Path) -> bool:
    """Show `path` in the system's file manager."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Export…" → "Export…", "导出(&E)" → "导出")."""
    text = _MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(sequences: list[QKeySequence]) -> str:
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences]
    return ", ".join(t for t in texts if t)


def window_shortcuts(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(action, keys)]) for every menu action with a key, in menu order, then the
    window's own shortcuts under "" (described by their `DESCRIPTION` property)."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [
            (_plain(action.text()), _keys(action.shortcuts()))
            for action in menu.actions()
            if isinstance(action, QAction) and not action.isSeparator() and action.shortcuts()
        ]
        if rows:
            groups.append((_plain(menu_action.text()), rows))
    own = [
        (str(shortcut.property(DESCRIPTION) or ""), _keys([shortcut.key()]))
        for shortcut in window.findChildren(QShortcut)
        if shortcut.parent() is window and shortcut.isEnabled() and not shortcut.key().isEmpty()
    ]
    if own:
        groups.append(("", own))
    return groups


class ShortcutsDialog(QDialog):
    """The keys of the window's menus and shortcuts, and those of the message box."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.window_ = window
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutList")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.tree)
        column.addWidget(buttons)
        self.resize(460, 480)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate)  # after the window has renamed its actions
        super().changeEvent(event)

    def refresh(self) -> None:
        """List the keys as the window has them now."""
        self.tree.clear()
        groups = window_shortcuts(self.window_)
        groups.append((self.tr("Message box"), self._composer_keys()))
        for title, rows in groups:
            self._group(title or self.tr("Anywhere in the window"), rows)

    def rows(self) -> list[tuple[str, str]]:
        """Every (action, keys) listed, groups included as their own rows with no keys."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def _group(self, title: str, rows: list[tuple[str, str]]) -> None:
        heading = QTreeWidgetItem([title, ""])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(heading)
        for name, keys in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(["    " + name, keys]))

    def _composer_keys(self) -> list[tuple[str, str]]:
        """The message box's keys (its key handler, not actions)."""
        return [
            (self.tr("Send the message"), _keys([QKeySequence(Qt.Key.Key_Enter)])),
            (
                self.tr("Start a new line"),
                _keys([QKeySequence(Qt.KeyboardModifier.ShiftModifier | Qt.Key.Key_Enter)]),
            ),
        ]


class AboutDialog(QDialog):
    """Versions, the compute backend and the data folder, with a button to open it and one
    to copy everything (for a bug report)."""

    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.facts = facts
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.blurb = QLabel()
        self.blurb.setWordWrap(True)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for key in ("hearth", "llama_cpp", "llama_cpp_python", "qt", "pyside", "python"):
            self._row(key)
        for key in ("system", "backend", "data"):
            self._row(key)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openDataFolder")
        self.open_button.clicked.connect(lambda: open_folder(self.facts.data_folder))
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.values["data"], 1)
        folder_row.addWidget(self.open_button)
        self.form.addRow(self.names["data"], folder_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.blurb)
        column.addSpacing(6)
        column.addLayout(self.form)
        column.addWidget(buttons)
        self.setMinimumWidth(480)
        self.retranslate()

    def _row(self, key: str) -> None:
        name, value = QLabel(), QLabel()
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.names[key], self.values[key] = name, value
        if key != "data":
            self.form.addRow(name, value)

    def retranslate(self) -> None:
        f = self.facts
        self.setWindowTitle(self.tr("About Hearth"))
        self.title.setText(self.tr("Hearth {0}").format(f.hearth))
        self.blurb.setText(
            self.tr("Chat with language models on this computer. Nothing leaves it.")
        )
        unknown = self.tr("unknown")
        texts = {
            "hearth": ("Hearth", f.hearth),
            "llama_cpp": ("llama.cpp", f.llama_cpp or unknown),
            "llama_cpp_python": (
                "llama-cpp-python",
                f.llama_cpp_python or self.tr("not installed"),
            ),
            "qt": ("Qt", qVersion()),
            "pyside": ("PySide6", f.pyside or unknown),
            "python": ("Python", f.python),
            "system": (self.tr("System"), f.system),
            "backend": (self.tr("Compute backend"), i18n.say(f.backend)),
            "data": (self.tr("Data folder"), str(f.data_folder)),
        }
        for key, (name, value) in texts.items():
            self.names[key].setText(name)
            self.values[key].setText(value)
        self.values["data"].setToolTip(str(f.data_folder))
        self._elide_folder()
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show the data folder in the file manager"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy these details, for a bug report"))
        self.adjustSize()

    def _elide_folder(self) -> None:
        """A long path is cut in the middle to the room there is; its tooltip has it whole."""
        label = self.values["data"]
        room = max(label.width(), 200)
        text = label.fontMetrics().elidedText(
            str(self.facts.data_folder), Qt.TextElideMode.ElideMiddle, room
        )
        label.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_folder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        """Every row as "name: value" lines."""
        lines = [f"{self.names[k].text()}: {self.values[k].text()}" for k in self.names]
        lines[-1] = f"{self.names['data'].text()}: {self.facts.data_folder}"
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


class HelpUi:
    """The Help menu's actions for the main window; About asks `engine` (the window's
    `EngineController`) which model runs, and on which backend."""

    def __init__(self, window: QMainWindow, data_folder: Path, engine: EngineController) -> None:
        self.window = window
        self.data_folder = data_folder
        self.engine = engine
        self.shortcuts: ShortcutsDialog | None = None

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts is None:
            self.shortcuts = ShortcutsDialog(self.window)
        self.shortcuts.refresh()
        if not self.shortcuts.isVisible():
            place(self.shortcuts, self.window)
        self.shortcuts.show()
        self.shortcuts.raise_()
        return self.shortcuts

    def show_about(self) -> AboutDialog:
        """About, with the backend the engine reports for the loaded model, if any."""
        loaded = self.engine.loaded
        backend = loaded.backend if loaded is not None else ""
        model = (self.engine.loaded_id or "").split("/")[-1]
        dialog = AboutDialog(about_facts(self.data_folder, backend, model), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        place(dialog, self.window)
        dialog.open()
        return dialog

    def open_data_folder(self) -> bool:
        return open_folder(self.data_folder)
