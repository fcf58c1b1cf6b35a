"""Typed errors with messages a user can act on.

Every error Hearth raises on purpose derives from `HearthError`; its `str()` is written for the
person at the keyboard (what happened and what to do), not for a developer.
"""

from __future__ import annotations


class HearthError(Exception):
    """Base of all errors Hearth raises on purpose."""


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

    def __init__(self, message: str, partial_text: str = "") -> None:
        super().__init__(message)
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

    def __init__(self, name: str, value: object, low: object = None, high: object = None) -> None:
        if low is not None and high is not None:
            allowed = f"it must be between {low} and {high}"
        elif low is not None:
            allowed = f"it must be at least {low}"
        elif high is not None:
            allowed = f"it must be at most {high}"
        else:
            allowed = "it is not a valid value"
        super().__init__(f"{name} cannot be {value}: {allowed}.")
        self.name, self.value = name, value


class ImportLimitExceeded(ChatImportError):
    """An import file is over one of the import limits (size, nesting depth, number of chats,
    time to read it); nothing was imported. The message names the limit."""


class ChatStoreFull(ChatStoreError):
    """The disk holding the chat database is full: nothing more can be saved until space is
    freed (what is saved is untouched, and the chats can still be read)."""
