"""Every word the chat store says to a person, as phrases (see `app/core/text.py`).

Opening, saving, keeping a damaged database aside, exporting and importing all speak through
these; the sentences about what an import file holds live in `import_text.py`. A recovery
notice is stored with its reason as a `Msg` (`recovery.py`), so it shows in the user's language
on every start, and one an older Hearth wrote in English is shown as it is.

A new chat is *untitled* (its title is ""), and is shown as the phrase `UNTITLED`, "New chat",
in the user's language. An older Hearth stored the English words themselves: that exact title
reads as untitled too.
"""

from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase

# -- chat titles -----------------------------------------------------------------------------

UNTITLED = Phrase("chats.untitled", QT_TRANSLATE_NOOP("Messages", "New chat"))
OLD_UNTITLED = "New chat"  # what an older Hearth stored for a chat not yet titled


def is_untitled(title: str) -> bool:
    """Whether a stored title means "not titled yet" (shown as `UNTITLED`)."""
    return not title.strip() or title == OLD_UNTITLED


def title_msg(title: str) -> Msg:
    """A stored chat title as shown: the title itself, or "New chat" in the user's language."""
    return UNTITLED() if is_untitled(title) else Msg.plain(title)


def english_title(title: str) -> str:
    """A stored chat title for an export: the title itself, or "New chat"."""
    return str(title_msg(title))


# -- opening the database --------------------------------------------------------------------

START_LOCK_TIMEOUT = Phrase(
    "chats.open.start-lock",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Another Hearth has been opening {name} for over {seconds}. Close other Hearth windows "
        "and try again; your chats are untouched.",
    ),
)
CANNOT_KEEP_ASIDE = Phrase(
    "chats.open.cannot-keep-aside",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The chat database {path} is damaged ({reason}), and it cannot be kept aside to start "
        "a new one. Free some space or allow writing to {folder}, then start Hearth again; the "
        "file was left as it is.",
    ),
)
NEWER_SCHEMA = Phrase(
    "chats.open.newer",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was written by a newer version of Hearth (database schema version {found}; "
        "this Hearth reads up to {known}). Update Hearth to open these chats; the file was "
        "left as it is.",
    ),
)
DISK_FULL = Phrase(
    "chats.open.full",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding {folder} is full. Free some space and try again; your saved chats "
        "are untouched.",
    ),
)
LOCKED = Phrase(
    "chats.open.locked",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Another program is holding {name} locked. Close other Hearth windows (or whatever has "
        "the file open) and try again; your chats are untouched.",
    ),
)
DENIED = Phrase(
    "chats.open.denied",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Hearth may not write to {path} (no permission, or a read-only disk). Check the "
        "folder's permissions; your chats are untouched.",
    ),
)
IO_ERROR = Phrase(
    "chats.open.io-error",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding {path} reported a read or write error. If it is full, free some "
        "space; then try again. Your chats are untouched.",
    ),
)
UNUSABLE = Phrase(
    "chats.open.unusable",
    QT_TRANSLATE_NOOP("Messages", "The chat database could not be used. Try again."),
)

# Why SQLite cannot read a database (the reason in a recovery notice).
NOT_A_DATABASE = Phrase(
    "chats.damage.not-a-database", QT_TRANSLATE_NOOP("Messages", "the file is not a database")
)
CHECK_FAILED = Phrase(
    "chats.damage.check-failed", QT_TRANSLATE_NOOP("Messages", "its integrity check failed")
)
SQLITE_DAMAGE = Phrase(
    "chats.damage.sqlite", QT_TRANSLATE_NOOP("Messages", "SQLite found it damaged")
)

# -- the store -------------------------------------------------------------------------------

NO_SUCH_CHAT = Phrase(
    "chats.store.no-such-chat", QT_TRANSLATE_NOOP("Messages", "There is no chat with id {id}.")
)
NO_SUCH_MESSAGE = Phrase(
    "chats.store.no-such-message",
    QT_TRANSLATE_NOOP("Messages", "This message is no longer in the chat (id {id})."),
)
READ_ONLY = Phrase(
    "chats.store.read-only",
    QT_TRANSLATE_NOOP("Messages", "The chat database is read-only right now."),
)
REPLACED = Phrase(
    "chats.store.replaced",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name} was replaced while this Hearth had it open (another Hearth found it damaged "
        "and kept it aside). Restart Hearth to use the new database; nothing already saved "
        "was lost.",
    ),
)
NOT_SAVED = Phrase(
    "chats.store.not-saved", QT_TRANSLATE_NOOP("Messages", "The chat could not be saved. {reason}")
)

# -- recovery notices ------------------------------------------------------------------------

NOTICE_SALVAGEABLE = Phrase(
    "chats.recovery.salvageable",
    QT_TRANSLATE_NOOP(
        "Messages",
        "On {when} the chat database could not be read: {reason}. It was kept, whole, in "
        "{kept}, and a new one was started. Hearth can salvage what is still readable from it "
        "into your chats.",
    ),
)
NOTICE_SALVAGED = Phrase(
    "chats.recovery.salvaged",
    QT_TRANSLATE_NOOP(
        "Messages",
        "On {when} the chat database could not be read: {reason}. It was kept, whole, in "
        "{kept}, and a new one was started. {chats} chat(s) and {messages} message(s) were "
        "salvaged from it into your chats.",
    ),
)

# -- export and import as whole operations ---------------------------------------------------

CHAT_NUMBER = Phrase("chats.transfer.chat-id", QT_TRANSLATE_NOOP("Messages", "Chat {id}"))
QUOTED = Phrase("chats.transfer.quoted", QT_TRANSLATE_NOOP("Messages", "“{title}”"))
GONE = Phrase(
    "chats.transfer.gone",
    QT_TRANSLATE_NOOP("Messages", "{name} no longer exists and was left out."),
)
UNREADABLE_CHAT = Phrase(
    "chats.transfer.unreadable",
    QT_TRANSLATE_NOOP("Messages", "{name} could not be read and was left out: {reason}"),
)
DAMAGED_DATA = Phrase(
    "chats.transfer.damaged-data", QT_TRANSLATE_NOOP("Messages", "Its stored data is damaged.")
)
CANNOT_READ = Phrase(
    "chats.transfer.cannot-read", QT_TRANSLATE_NOOP("Messages", "It cannot be read.")
)
NOTHING_TO_EXPORT = Phrase(
    "chats.export.nothing", QT_TRANSLATE_NOOP("Messages", "There are no chats to export.")
)
PDF_FAILED = Phrase(
    "chats.export.pdf-failed",
    QT_TRANSLATE_NOOP("Messages", "The PDF could not be written to {path}."),
)
EXPORT_FAILED = Phrase(
    "chats.export.failed",
    QT_TRANSLATE_NOOP("Messages", "The export could not be written to {path}."),
)
LEFT_WAITING = Phrase(
    "chats.import.left-waiting",
    QT_TRANSLATE_NOOP("Messages", "{n} chat(s) could not be added: {reason}"),
)
NOT_ADDED = Phrase(
    "chats.import.not-added",
    QT_TRANSLATE_NOOP("Messages", "{name} could not be added: {reason}"),
)
