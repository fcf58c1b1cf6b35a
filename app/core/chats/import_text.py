"""Every sentence an import shows the user, in one place.

Each is written for the person at the keyboard (what happened, what to do). A later change turns
them into translated message ids, so they are built here and nowhere else: the functions take
the facts (a file name, a number) and return the sentence.
"""

from __future__ import annotations

# -- what is wrong with one field (the end of "chat 2 "Trip": messages[3].sources: ...") -----

MUST_BE_TEXT = "must be text"
MUST_BE_LIST = "must be a list"
MUST_BE_OBJECT = "must be an object ({...})"
MUST_BE_BOOL = "must be true or false"
MUST_BE_NUMBER = "must be a number"
IS_MISSING = "is missing"
TOO_DEEP_VALUE = "is nested too deeply"
UNREADABLE_VALUE = "has a value Hearth cannot read"


def must_be_time(low_year: int, high_year: int) -> str:
    return f"must be a time in seconds since 1970, between the years {low_year} and {high_year}"


def must_be_count(high: int) -> str:
    return f"must be a whole number from 0 to {high}, or null"


def must_be_one_of(allowed: tuple[str, ...]) -> str:
    names = ", ".join(allowed[:-1]) + f" or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
    return f"must be {names}, not {{value}}"  # {value}: filled in by pydantic's context


# -- a whole file refused (raised as ChatImportError; nothing was imported) -----------------


def cannot_read(name: str, reason: str) -> str:
    return f"{name} could not be read: {reason}. Nothing was imported."


def not_a_regular_file(name: str) -> str:
    return f"{name} is not a regular file (a folder, a device or a pipe); nothing was imported."


def not_a_text_file(name: str) -> str:
    return (
        f"{name} is not a text file (it holds binary data); nothing was imported. "
        "Choose a .json file exported from Hearth or ChatGPT."
    )


def too_large(name: str, size: int, limit: int) -> str:
    return (
        f"{name} is {_mib(size)}; Hearth imports files of at most {_mib(limit)}. "
        "Nothing was imported. Export fewer chats at a time and import each file."
    )


def not_json(detail: str) -> str:
    return f"The file is not JSON ({detail}); nothing was imported."


def too_deep(limit: int) -> str:
    return (
        f"The file is nested more than {limit} levels deep, deeper than any chat export; "
        "it is damaged or not a chat export. Nothing was imported."
    )


def too_slow(seconds: float) -> str:
    return (
        f"Reading the file took longer than {seconds:g} seconds, so Hearth stopped; "
        "nothing was imported. Split the file into smaller exports and import each."
    )


def not_a_chat_file() -> str:
    return (
        "The file is neither a Hearth chat export nor ChatGPT's conversations.json; "
        "nothing was imported."
    )


def chats_not_a_list(kind: str) -> str:
    return (
        f'This Hearth chat export is damaged: its "chats" is {kind}, not a list of chats. '
        "Nothing was imported."
    )


def version_missing() -> str:
    return (
        "This Hearth chat export has no format version, so Hearth cannot tell how to read it. "
        'Nothing was imported; export the chats again, or add "version": 1.'
    )


def version_not_a_number(value: object) -> str:
    return (
        f"This Hearth chat export's format version {value!r} is not a number, so Hearth cannot "
        "tell how to read it. Nothing was imported."
    )


def version_unknown(version: float) -> str:
    return (
        f"This Hearth chat export has format version {version}, which no Hearth writes. "
        "Nothing was imported."
    )


def version_newer(version: int) -> str:
    return (
        f"This export was written by a newer Hearth (format version {version}). "
        "Update Hearth to import it."
    )


# -- one chat skipped (a line in ImportResult.skipped; the rest of the file goes in) --------


def chat_name(number: int, title: object) -> str:
    shown = title.strip() if isinstance(title, str) and title.strip() else "untitled"
    return f'chat {number} "{shown[:80]}"'


def bad_field(chat: str, path: str, problem: str) -> str:
    where = f"{path}: " if path else ""
    return f"{chat}: {where}{problem}. This chat was not imported."


def not_an_object(chat: str) -> str:
    return f"{chat}: is not a chat (not an object). It was not imported."


def too_many_messages(chat: str, count: int, limit: int) -> str:
    return (
        f"{chat}: has {count} messages; Hearth imports at most {limit} per chat. "
        "This chat was not imported."
    )


def no_text_messages(chat: str) -> str:
    return f"{chat}: holds no text messages, so there was nothing to import."


def text_cut(chat: str, path: str, limit: int) -> str:
    return (
        f"{chat}: {path} was longer than {limit} characters and was cut there; "
        "the chat was imported."
    )


def too_many_chats(total: int, limit: int) -> str:
    return (
        f"The file holds {total} chats; Hearth imports at most {limit} from one file. "
        f"The first {limit} were imported, the other {total - limit} were not: "
        "export them to a second file and import that."
    )


def _mib(size: int) -> str:
    if size >= 10 << 20:
        return f"{size >> 20} MiB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MiB"
    return f"{size} bytes"
