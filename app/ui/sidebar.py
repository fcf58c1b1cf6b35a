"""The chats sidebar: new chat, search across every chat, chats grouped by date, rename, delete.

A chat not titled yet shows as "New chat" in the user's language; a live language switch writes
the list (and the search results) again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.chats.store import Chat, SearchHit
from app.core.chats.texts import title_msg
from app.ui.elide import ElidedLabel
from app.ui.import_mark import mark_imported
from app.workers import i18n

CHAT_ID = Qt.ItemDataRole.UserRole
MESSAGE_ID = Qt.ItemDataRole.UserRole + 1  # a search hit's message (its version is shown)
SEARCH_DELAY_MS = 200
WIDTH = 250  # px, until the user drags the splitter: its contents never change it


class ChatSidebar(QWidget):
    """Lists chats and search results.

    Signals:
        new_chat_requested(), chat_selected(int), hit_selected(int, int): a search hit in a
        message (chat id, message id), rename_requested(int, str),
        delete_requested(int, str), search_requested(str) (empty: back to the list),
        undo_requested(), export_requested(list, str): chat ids and a title for the file.
    """

    new_chat_requested = Signal()
    chat_selected = Signal(int)
    hit_selected = Signal(int, int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(int, str)
    search_requested = Signal(str)
    undo_requested = Signal()
    export_requested = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newChat")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Ctrl/Shift+click selects several chats (to export them together) without opening them.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.undo_label = ElidedLabel()  # a long chat title is cut, it never widens the sidebar
        self.undo_button = QPushButton()
        self.undo_bar = QWidget()
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(0, 0, 0, 0)
        undo.addWidget(self.undo_label, 1)
        undo.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.new_button)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.undo_bar)
        self._chats: list[Chat] = []
        self._hits: tuple[str, list[SearchHit]] | None = None  # the results shown
        self._current: int | None = None
        self._deleted_title = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.new_button.clicked.connect(self.new_chat_requested)
        self.search.textChanged.connect(self._debounce.start)
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.customContextMenuRequested.connect(self._on_tree_context_menu)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        # Delete removes the selected chat (Undo brings it back); F2 renames it.
        for key, slot in (
            (QKeySequence.StandardKey.Delete, self._delete_current),
            (QKeySequence(Qt.Key.Key_F2), self._rename_current),
        ):
            shortcut = QShortcut(key, self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New chat"))
        self.search.setPlaceholderText(self.tr("Search all chats"))
        self.search.setToolTip(self.tr("Search the text of every chat (Ctrl+F)"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_label.setText(self.tr('Deleted "{0}"').format(self._deleted_title))
        if not self.search.text().strip():
            self.show_chats(self._chats)
        elif self._hits is not None:
            self.show_hits(*self._hits)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        """The same width whatever the chats' titles or the language."""
        return QSize(WIDTH, super().sizeHint().height())

    # -- contents ----------------------------------------------------------------------

    def show_chats(self, chats: list[Chat]) -> None:
        self._chats = chats
        if self.search.text().strip():
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        today = dt.date.today()
        for chat in chats:
            label = self._group_label(today, dt.date.fromtimestamp(chat.updated_at))
            if label not in groups:
                groups[label] = self._group(label)
            title = i18n.say(chat.title_msg())
            item = QTreeWidgetItem(groups[label], [title])
            item.setData(0, CHAT_ID, chat.id)
            changed = self.tr("Last changed {0}").format(i18n.moment_text(chat.updated_at))
            item.setToolTip(0, f"{title}\n{changed}")
            mark_imported(item, chat)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            if chat.id == self._current:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.search.text().strip():
            return  # an older search came back late
        self._hits = (query, hits)
        self.tree.blockSignals(True)
        self.tree.clear()
        title = self.tr("No chat contains “{0}”") if not hits else self.tr("Results for “{0}”")
        group = self._group(title.format(query))
        seen: set[tuple[int, int | None]] = set()
        for hit in hits:
            if (hit.chat_id, hit.message_id) in seen:
                continue
            seen.add((hit.chat_id, hit.message_id))
            snippet = " ".join(hit.snippet.split())
            title = i18n.say(title_msg(hit.chat_title))
            item = QTreeWidgetItem(group, [f"{title}\n{snippet[:80]}"])
            item.setData(0, CHAT_ID, hit.chat_id)
            item.setData(0, MESSAGE_ID, hit.message_id)
            item.setToolTip(0, snippet)
        self.tree.blockSignals(False)

    def set_current(self, chat_id: int | None) -> None:
        self._current = chat_id
        for item in self._chat_items():
            if item.data(0, CHAT_ID) == chat_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)

    def show_deleted(self, title: str) -> None:
        self._deleted_title = title
        self.undo_label.setText(self.tr('Deleted "{0}"').format(title))
        self.undo_bar.show()
        QTimer.singleShot(8000, self.undo_bar.hide)

    def selected_chats(self) -> list[tuple[int, str]]:
        """(id, title) of the selected chats, in list order; the open chat when none is."""
        chosen = [(int(i.data(0, CHAT_ID)), self._title(i)) for i in self._selected_items()]
        if not chosen and self._current is not None:
            chosen = [(c.id, i18n.say(c.title_msg())) for c in self._chats if c.id == self._current]
        return chosen

    def context_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The menu for a chat: rename, export (every selected chat, if this one is among
        them), delete. Built here and shown by the caller, so tests can trigger its actions."""
        chat_id, title = int(item.data(0, CHAT_ID)), self._title(item)
        selected = self._selected_items()
        if chat_id not in [i.data(0, CHAT_ID) for i in selected]:
            selected = [item]
        menu = QMenu(self)
        menu.addAction(self.tr("Rename"), lambda: self.tree.editItem(item))
        if len(selected) == 1:
            export_text = self.tr("Export…")
        else:
            export_text = self.tr("Export {0} chats…").format(i18n.count_text(len(selected)))
        ids = [int(i.data(0, CHAT_ID)) for i in selected]
        export_title = title if len(ids) == 1 else self.tr("Hearth chats")
        menu.addAction(export_text, lambda: self.export_requested.emit(ids, export_title))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(chat_id, title))
        return menu

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- helpers -----------------------------------------------------------------------

    def _group_label(self, today: dt.date, day: dt.date) -> str:
        age = (today - day).days
        if age <= 0:
            return self.tr("Today")
        if age == 1:
            return self.tr("Yesterday")
        if age < 7:
            return self.tr("Previous 7 days")
        if age < 30:
            return self.tr("Previous 30 days")
        return self.tr("Older")

    def _group(self, label: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [label])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        group.setFont(0, font)
        group.setExpanded(True)
        return group

    def _selected_items(self) -> list[QTreeWidgetItem]:
        """Selected chat rows in list order, one per chat (search can list a chat twice)."""
        chosen = {i.data(0, CHAT_ID) for i in self.tree.selectedItems()} - {None}
        rows: dict[int, QTreeWidgetItem] = {}
        for item in self._chat_items():
            chat_id = item.data(0, CHAT_ID)
            if chat_id in chosen:
                rows.setdefault(int(chat_id), item)
        return list(rows.values())

    @staticmethod
    def _title(item: QTreeWidgetItem) -> str:
        return str(item.text(0)).split("\n")[0]

    def _chat_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is not None:
                items += [c for i in range(group.childCount()) if (c := group.child(i))]
        return items

    # -- slots -------------------------------------------------------------------------

    def _on_debounce_timeout(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.show_chats(self._chats)
        self.search_requested.emit(query)

    def _on_tree_item_clicked(self, item: QTreeWidgetItem) -> None:
        chat_id = item.data(0, CHAT_ID)
        picking = QApplication.keyboardModifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if chat_id is not None and not picking:
            self._current = int(chat_id)
            message_id = item.data(0, MESSAGE_ID)
            if isinstance(message_id, int):  # found in a message: show the version it is in
                self.hit_selected.emit(int(chat_id), message_id)
            else:
                self.chat_selected.emit(int(chat_id))

    def _on_tree_item_changed(self, item: QTreeWidgetItem) -> None:
        chat_id = item.data(0, CHAT_ID)
        if chat_id is not None and item.text(0).strip():
            self.rename_requested.emit(int(chat_id), item.text(0).strip())

    def _on_tree_context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.data(0, CHAT_ID) is None:
            return
        menu = self.context_menu(item)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _delete_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, CHAT_ID) is not None:
            self.delete_requested.emit(int(item.data(0, CHAT_ID)), self._title(item))

    def _rename_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, CHAT_ID) is not None:
            self.tree.editItem(item)

    def _on_undo_clicked(self) -> None:
        self.undo_bar.hide()
        self.undo_requested.emit()
