"""Typed errors with messages a user can act on.

Every error Hearth raises on purpose derives from `HearthError` and carries a `Msg` (a phrase
id with its arguments, see `app/core/text.py`) written for the person at the keyboard: what
happened and what to do. The window and the CLI show `error.msg` in the user's language;
`str(error)` is the English text, for logs.
"""

from __future__ import annotations

from app.core.text import AS_IS, QT_TRANSLATE_NOOP, Msg, Phrase


class HearthError(Exception):
    """Base of all errors Hearth raises on purpose.

    Raise it with a `Msg`. A plain string is accepted for text that is not Hearth's own (it is
    shown as it is, untranslated); tests keep core from raising with one."""

    def __init__(self, message: Msg | str = "", *args: object) -> None:
        super().__init__(message, *args)
        self.msg = message if isinstance(message, Msg) else Msg.plain(message)

    def __str__(self) -> str:
        return str(self.msg)


class InvalidModelFile(HearthError):
    """A file cannot be used as a GGUF model (missing, not GGUF, truncated, corrupt)."""


class ModelNotFound(HearthError):
    """No model in the library matches what the user asked for."""


class ModelLoadFailed(HearthError):
    """llama.cpp refused to load a model file."""


class NoModelLoaded(HearthError):
    """A generation was asked for before any model was loaded."""


class ContextOverflow(HearthError):
    """The newest message alone does not fit in the model's context window."""


class TemplateError(HearthError):
    """A chat template could not be rendered safely."""


class EngineCrashed(HearthError):
    """The engine process died; the partial answer (if any) is attached."""

    def __init__(self, message: Msg | str, partial_text: str = "") -> None:
        super().__init__(message, partial_text)
        self.partial_text = partial_text


class PromptLibraryError(HearthError):
    """A prompt file in the library is unreadable or invalid."""


class SettingsError(HearthError):
    """The settings file is unreadable; defaults were used instead."""


class ChatStoreError(HearthError):
    """The chat database could not be read or written."""


class ChatNotFound(ChatStoreError):
    """No chat has the given id."""


class ChatImportError(HearthError):
    """A file could not be imported as chats (not JSON, an unknown format, a newer version)."""


class HubError(HearthError):
    """Something went wrong talking to Hugging Face."""


class HubUnavailable(HubError):
    """Hugging Face cannot be reached (offline, DNS, TLS, server errors after retries)."""


class HubAccessDenied(HubError):
    """The repo is gated or private and the token is missing or not allowed."""


class HubNotFound(HubError):
    """No such repo, revision or file on Hugging Face."""


class DownloadError(HearthError):
    """A download could not finish; what was fetched is kept for a resume unless said."""


class DownloadStopped(DownloadError):
    """The user paused or cancelled the download."""


class ChecksumMismatch(DownloadError):
    """The downloaded bytes do not match the sha256 the hub reports; the file was deleted."""


class NotEnoughSpace(DownloadError):
    """The disk has too little free space for the download."""


class UnsafeFileName(DownloadError):
    """A repo file name would land outside the models folder, or is otherwise unsafe."""


class DocumentsError(HearthError):
    """Local documents: a collection, a folder or the index cannot be used as asked."""


class CollectionNotFound(DocumentsError):
    """No collection has the given name."""


class FileSkipped(DocumentsError):
    """One file cannot be indexed (binary, empty, too large, damaged, too slow to read...).
    The message is the reason shown in the collection's list of problems."""


class IndexUnavailable(DocumentsError):
    """The index host stopped or the index on disk cannot be opened."""


class DiskSpaceError(HearthError):
    """A large write does not fit on the disk (checked before writing), or the disk filled up
    while writing; the partial file was removed."""


class StarterUnavailable(HearthError):
    """A starter model that ships with Hearth cannot be set up (damaged chunks, no room)."""


class HubBadResponse(HubUnavailable):
    """Hugging Face (or the configured endpoint) answered with something that is not what it
    should send, e.g. a web page instead of JSON."""


class HubTokenRejected(HubAccessDenied):
    """The hub answered 401: the access token is missing, wrong, expired or not allowed."""


class InvalidSetting(HearthError):
    """A setting or option has a value Hearth cannot use (a context of 10 tokens, 0 threads, a
    temperature of 50). The message names the setting, the value and the allowed range."""

    def __init__(
        self, name: Msg | str, value: object, low: object = None, high: object = None
    ) -> None:
        shown = str(value)
        if low is not None and high is not None:
            message = _BETWEEN(name=name, value=shown, low=str(low), high=str(high))
        elif low is not None:
            message = _AT_LEAST(name=name, value=shown, low=str(low))
        elif high is not None:
            message = _AT_MOST(name=name, value=shown, high=str(high))
        else:
            message = _NOT_VALID(name=name, value=shown)
        super().__init__(message)
        self.name, self.value = name, value
        self.setting = (name, value, low, high)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), self.setting)


class ImportLimitExceeded(ChatImportError):
    """An import file is over one of the import limits (size, nesting depth, number of chats,
    time to read it); nothing was imported. The message names the limit."""


class AlreadyImported(ChatImportError):
    """The same file (by its sha256) was imported before and chats from it are still here;
    nothing was imported. The window asks first; the CLI needs `--again`."""


class ChatStoreFull(ChatStoreError):
    """The disk holding the chat database is full: nothing more can be saved until space is
    freed (what is saved is untouched, and the chats can still be read)."""


_BETWEEN = Phrase(
    "setting.between",
    QT_TRANSLATE_NOOP("Messages", "{name} cannot be {value}: it must be between {low} and {high}."),
)
_AT_LEAST = Phrase(
    "setting.at-least",
    QT_TRANSLATE_NOOP("Messages", "{name} cannot be {value}: it must be at least {low}."),
)
_AT_MOST = Phrase(
    "setting.at-most",
    QT_TRANSLATE_NOOP("Messages", "{name} cannot be {value}: it must be at most {high}."),
)
_NOT_VALID = Phrase(
    "setting.not-valid",
    QT_TRANSLATE_NOOP("Messages", "{name} cannot be {value}: it is not a valid value."),
)


_UNEXPECTED = Phrase(
    "error.unexpected",
    QT_TRANSLATE_NOOP("Messages", "Something went wrong that Hearth did not expect."),
)
_FAILED_BECAUSE = Phrase(
    "error.failed-because", QT_TRANSLATE_NOOP("Messages", "It did not work: {reason}.")
)
_SYSTEM = Phrase(
    "error.system",
    QT_TRANSLATE_NOOP("Messages", "The system refused: {reason}."),
)


def message_of(exc: BaseException) -> Msg:
    """What to show for any error: Hearth's own message, else a sentence with the library's or
    the system's words kept as the detail."""
    if isinstance(exc, HearthError):
        return exc.msg
    from app.core.crash import describe  # it names the common cases: a full disk, no access...

    named = describe(exc)
    if named.phrase is not AS_IS:
        return _FAILED_BECAUSE(reason=named)
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return _SYSTEM(reason=exc.strerror + where)
    return _UNEXPECTED(detail=f"{type(exc).__name__}: {exc}".rstrip(": "))
