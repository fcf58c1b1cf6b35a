"""Every sentence an import shows the user, in one place, as phrases (see `app/core/text.py`).

Each is written for the person at the keyboard (what happened, what to do). The functions take
the facts (a file name, a number) and return a `Msg`, shown in the user's language where it is
read; a library's own words (json's, the system's) are kept as the detail after the sentence.
"""

from __future__ import annotations

from app.core.text import QT_TRANSLATE_NOOP, Msg, Phrase, Seconds, Size, When

# -- what is wrong with one field (the end of "chat 2 "Trip": messages[3].sources: ...") -----

_MUST_BE_TEXT = Phrase("chats.field.text", QT_TRANSLATE_NOOP("Messages", "must be text"))
_MUST_BE_LIST = Phrase("chats.field.list", QT_TRANSLATE_NOOP("Messages", "must be a list"))
_MUST_BE_OBJECT = Phrase(
    "chats.field.object", QT_TRANSLATE_NOOP("Messages", "must be an object ({{...}})")
)
_MUST_BE_BOOL = Phrase("chats.field.bool", QT_TRANSLATE_NOOP("Messages", "must be true or false"))
_MUST_BE_NUMBER = Phrase("chats.field.number", QT_TRANSLATE_NOOP("Messages", "must be a number"))
_IS_MISSING = Phrase("chats.field.missing", QT_TRANSLATE_NOOP("Messages", "is missing"))
_TOO_DEEP_VALUE = Phrase(
    "chats.field.too-deep", QT_TRANSLATE_NOOP("Messages", "is nested too deeply")
)
_UNREADABLE_VALUE = Phrase(
    "chats.field.unreadable", QT_TRANSLATE_NOOP("Messages", "has a value Hearth cannot read")
)
_MUST_BE_TIME = Phrase(
    "chats.field.time",
    QT_TRANSLATE_NOOP(
        "Messages",
        "must be a time in seconds since 1970, between the years {low} and {high}",
    ),
)
_MUST_BE_COUNT = Phrase(
    "chats.field.count",
    QT_TRANSLATE_NOOP("Messages", "must be a whole number from 0 to {high}, or null"),
)
_MUST_BE_ONE_OF = Phrase(
    "chats.field.one-of", QT_TRANSLATE_NOOP("Messages", "must be {names}, not {value}")
)
_OR = Phrase("chats.field.or", QT_TRANSLATE_NOOP("Messages", "{some} or {last}"))
_AND_MORE = Phrase(
    "chats.field.and-more",
    QT_TRANSLATE_NOOP("Messages", "{problem} (and {n} more problem)"),
    QT_TRANSLATE_NOOP("Messages", "{problem} (and {n} more problems)"),
)

MUST_BE_TEXT = _MUST_BE_TEXT()
MUST_BE_LIST = _MUST_BE_LIST()
MUST_BE_OBJECT = _MUST_BE_OBJECT()
MUST_BE_BOOL = _MUST_BE_BOOL()
MUST_BE_NUMBER = _MUST_BE_NUMBER()
IS_MISSING = _IS_MISSING()
TOO_DEEP_VALUE = _TOO_DEEP_VALUE()
UNREADABLE_VALUE = _UNREADABLE_VALUE()


def must_be_time(low_year: int, high_year: int) -> Msg:
    return _MUST_BE_TIME(low=str(low_year), high=str(high_year))


def must_be_count(high: int) -> Msg:
    return _MUST_BE_COUNT(high=high)


def must_be_one_of(allowed: tuple[str, ...], value: str) -> Msg:
    names = ", ".join(allowed[:-1]) if len(allowed) > 1 else allowed[0]
    shown = _OR(some=names, last=allowed[-1]) if len(allowed) > 1 else Msg.plain(names)
    return _MUST_BE_ONE_OF(names=shown, value=value)


def and_more(problem: Msg, more: int) -> Msg:
    """`problem`, saying how many others the same chat has."""
    return _AND_MORE(problem=problem, n=more) if more else problem


# -- a whole file refused (raised as ChatImportError; nothing was imported) -----------------

_CANNOT_READ = Phrase(
    "chats.import.cannot-read",
    QT_TRANSLATE_NOOP("Messages", "{name} could not be read. Nothing was imported."),
)
_NOT_A_REGULAR_FILE = Phrase(
    "chats.import.not-regular",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is not a regular file (a folder, a device or a pipe); nothing was imported.",
    ),
)
_NOT_A_TEXT_FILE = Phrase(
    "chats.import.not-text",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is not a text file (it holds binary data); nothing was imported. Choose a "
        ".json file exported from Hearth or ChatGPT.",
    ),
)
_TOO_LARGE = Phrase(
    "chats.import.too-large",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{name} is {size}; Hearth imports files of at most {limit}. Nothing was imported. "
        "Export fewer chats at a time and import each file.",
    ),
)
# The refusals of a file that is no chat export say which files Hearth does import.
_NOT_JSON = Phrase(
    "chats.import.not-json",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This file is not a chat export Hearth can read (it is not JSON). Hearth imports a "
        "Hearth JSON export (.json) or ChatGPT's conversations.json; nothing was imported.",
    ),
)
_JSONL = Phrase(
    "chats.import.jsonl",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This file holds chat messages as JSONL (such as Hearth's fine-tuning export), which "
        "Hearth writes but does not read back. Hearth imports a Hearth JSON export (.json) or "
        "ChatGPT's conversations.json; nothing was imported.",
    ),
)
_TOO_DEEP = Phrase(
    "chats.import.too-deep",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The file is nested more than {limit} levels deep, deeper than any chat export; it is "
        "damaged or not a chat export. Nothing was imported.",
    ),
)
_TOO_SLOW = Phrase(
    "chats.import.too-slow",
    QT_TRANSLATE_NOOP(
        "Messages",
        "Reading the file took longer than {seconds}, so Hearth stopped; nothing was imported. "
        "Split the file into smaller exports and import each.",
    ),
)
_TOO_LARGE_FOR_MEMORY = Phrase(
    "chats.import.out-of-memory",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The file is too large to import on this machine: Hearth ran out of memory reading "
        "it. Nothing was imported. Export fewer chats at a time and import each file.",
    ),
)
_NOT_A_CHAT_FILE = Phrase(
    "chats.import.not-chats",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This file is JSON, but not a chat export Hearth can read. Hearth imports a Hearth "
        "JSON export (.json) or ChatGPT's conversations.json; nothing was imported.",
    ),
)
_CHATS_NOT_A_LIST = Phrase(
    "chats.import.chats-not-list",
    QT_TRANSLATE_NOOP(
        "Messages",
        'This Hearth chat export is damaged: its "chats" is {kind}, not a list of chats. '
        "Nothing was imported.",
    ),
)
_VERSION_MISSING = Phrase(
    "chats.import.version-missing",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This Hearth chat export has no format version, so Hearth cannot tell how to read it. "
        'Nothing was imported; export the chats again, or add "version": 1.',
    ),
)
_VERSION_NOT_A_NUMBER = Phrase(
    "chats.import.version-not-number",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This Hearth chat export's format version {value} is not a number, so Hearth cannot "
        "tell how to read it. Nothing was imported.",
    ),
)
_VERSION_UNKNOWN = Phrase(
    "chats.import.version-unknown",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This Hearth chat export has format version {version}, which no Hearth writes. "
        "Nothing was imported.",
    ),
)
_VERSION_NEWER = Phrase(
    "chats.import.version-newer",
    QT_TRANSLATE_NOOP(
        "Messages",
        "This export was written by a newer Hearth (format version {version}). Update Hearth "
        "to import it.",
    ),
)

# What a file's "chats" holds instead of a list.
_KINDS = {
    "missing": Phrase("chats.kind.missing", QT_TRANSLATE_NOOP("Messages", "missing")),
    "object": Phrase("chats.kind.object", QT_TRANSLATE_NOOP("Messages", "an object")),
    "text": Phrase("chats.kind.text", QT_TRANSLATE_NOOP("Messages", "text")),
    "bool": Phrase("chats.kind.bool", QT_TRANSLATE_NOOP("Messages", "true or false")),
    "number": Phrase("chats.kind.number", QT_TRANSLATE_NOOP("Messages", "a number")),
    "other": Phrase("chats.kind.other", QT_TRANSLATE_NOOP("Messages", "something else")),
}


def cannot_read(name: str, reason: str) -> Msg:
    return _CANNOT_READ(reason, name=name)


def not_a_regular_file(name: str) -> Msg:
    return _NOT_A_REGULAR_FILE(name=name)


def not_a_text_file(name: str) -> Msg:
    return _NOT_A_TEXT_FILE(name=name)


def too_large(name: str, size: int, limit: int) -> Msg:
    return _TOO_LARGE(name=name, size=Size(size), limit=Size(limit))


def not_json(detail: str) -> Msg:
    """json's own words (where and what) are kept as the detail."""
    return _NOT_JSON(detail)


def jsonl() -> Msg:
    return _JSONL()


def too_deep(limit: int) -> Msg:
    return _TOO_DEEP(limit=limit)


def too_slow(seconds: float) -> Msg:
    return _TOO_SLOW(seconds=Seconds(seconds))


def too_large_for_memory() -> Msg:
    return _TOO_LARGE_FOR_MEMORY()


def not_a_chat_file() -> Msg:
    return _NOT_A_CHAT_FILE()


def chats_not_a_list(kind: str) -> Msg:
    """`kind`: one of missing, object, text, bool, number, other."""
    return _CHATS_NOT_A_LIST(kind=_KINDS.get(kind, _KINDS["other"])())


def version_missing() -> Msg:
    return _VERSION_MISSING()


def version_not_a_number(value: object) -> Msg:
    return _VERSION_NOT_A_NUMBER(value=repr(value))


def version_unknown(version: float) -> Msg:
    return _VERSION_UNKNOWN(version=str(version))


def version_newer(version: int) -> Msg:
    return _VERSION_NEWER(version=str(version))


# -- one chat skipped (a line in ImportResult.skipped; the rest of the file goes in) --------

_CHAT_NAME = Phrase(
    "chats.import.chat-name", QT_TRANSLATE_NOOP("Messages", 'chat {number} "{title}"')
)
_CHAT_UNTITLED = Phrase(
    "chats.import.chat-untitled", QT_TRANSLATE_NOOP("Messages", 'chat {number} "untitled"')
)
_BAD_FIELD = Phrase(
    "chats.import.bad-field",
    QT_TRANSLATE_NOOP("Messages", "{chat}: {path}: {problem}. This chat was not imported."),
)
_BAD_CHAT = Phrase(
    "chats.import.bad-chat",
    QT_TRANSLATE_NOOP("Messages", "{chat}: {problem}. This chat was not imported."),
)
_NOT_AN_OBJECT = Phrase(
    "chats.import.not-object",
    QT_TRANSLATE_NOOP("Messages", "{chat}: is not a chat (not an object). It was not imported."),
)
_TOO_MANY_MESSAGES = Phrase(
    "chats.import.too-many-messages",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{chat}: has {count} messages; Hearth imports at most {limit} per chat. This chat was "
        "not imported.",
    ),
)
_NO_TEXT_MESSAGES = Phrase(
    "chats.import.no-text",
    QT_TRANSLATE_NOOP(
        "Messages", "{chat}: holds no text messages, so there was nothing to import."
    ),
)
_TEXT_CUT = Phrase(
    "chats.import.text-cut",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{chat}: {path} was longer than {limit} characters and was cut there; the chat was "
        "imported.",
    ),
)
_TOO_MANY_CHATS = Phrase(
    "chats.import.too-many-chats",
    QT_TRANSLATE_NOOP(
        "Messages",
        "The file holds {total} chats; Hearth imports at most {limit} from one file. The first "
        "{limit} were imported, the other {rest} were not: export them to a second file and "
        "import that.",
    ),
)


def chat_name(number: int, title: object) -> Msg:
    if isinstance(title, str) and title.strip():
        return _CHAT_NAME(number=str(number), title=title.strip()[:80])
    return _CHAT_UNTITLED(number=str(number))


def bad_field(chat: Msg, path: str, problem: Msg) -> Msg:
    if path:
        return _BAD_FIELD(chat=chat, path=path, problem=problem)
    return _BAD_CHAT(chat=chat, problem=problem)


def not_an_object(chat: Msg) -> Msg:
    return _NOT_AN_OBJECT(chat=chat)


def too_many_messages(chat: Msg, count: int, limit: int) -> Msg:
    return _TOO_MANY_MESSAGES(chat=chat, count=count, limit=limit)


def no_text_messages(chat: Msg) -> Msg:
    return _NO_TEXT_MESSAGES(chat=chat)


_VERSIONS_LEFT_OUT = Phrase(
    "chats.import.versions-left-out",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{chat}: its {count} other versions were left out (their links to the conversation "
        "do not fit together); the conversation as shown was imported.",
    ),
)


def versions_left_out(chat: Msg, count: int) -> Msg:
    return _VERSIONS_LEFT_OUT(chat=chat, count=count)


def text_cut(chat: Msg, path: str, limit: int) -> Msg:
    return _TEXT_CUT(chat=chat, path=path, limit=limit)


def too_many_chats(total: int, limit: int) -> Msg:
    return _TOO_MANY_CHATS(total=total, limit=limit, rest=total - limit)


# -- the same file again, and the mark an imported chat shows --------------------------------

_ALREADY_IMPORTED = Phrase(
    "chats.import.already",
    QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was imported on {when}, and {n} chat from it is still here (“{title}”). "
        "Importing it again adds a second copy.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was imported on {when}, and {n} chats from it are still here (such as "
        "“{title}”). Importing it again adds a second copy of each.",
    ),
)
_IMPORTED_NOTE = Phrase(
    "chats.import.note",
    QT_TRANSLATE_NOOP("Messages", "Imported from {file} ({format}) on {when}"),
)


def already_imported(file: str, when: float, count: int, title: Msg) -> Msg:
    """`count` chats from `file` (the first one titled `title`) were imported at `when`."""
    return _ALREADY_IMPORTED(file=file, when=When(when), n=count, title=title)


def imported_note(file: str, format_name: str, when: float) -> Msg:
    """The line an imported chat's tooltip adds: where it came from, and when."""
    return _IMPORTED_NOTE(file=file, format=format_name, when=When(when))
