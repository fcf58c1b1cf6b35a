"""Pydantic models of what an import may hold: Hearth's JSON export and ChatGPT's
conversations.json. Every field that reaches the store is checked and typed here, so nothing
goes in that the exports, the window or the CLI cannot show.

The rules, the same for both formats:

- text fields take text; a number is taken as its digits (a title of 42 becomes "42"); other
  types are refused. Lone surrogates (which UTF-8 cannot hold) become "?".
- times are seconds since 1970 (UTC), finite, from 1970 to the year 3000; outside that they
  are refused, not clamped (a clamped date would be a made-up one).
- token counts are whole numbers from 0 to 2**53, or null.
- role and status come from the allowed sets.
- params, timings and settings are JSON objects; NaN and Infinity inside them become null.
- sources are a list of objects; the fields the exports and the window read (file, path,
  title, heading, snippet, text, collection, page, score, file_chunks, whole, chunk_id) are
  typed, others are kept as they are.

A refused field makes the chat it is in skipped; `describe` names the field.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from app.core.chats import import_text as say
from app.core.chats.import_limits import MAX_COUNT, MAX_TIME, MAX_YEAR, MIN_TIME, MIN_YEAR
from app.core.text import Msg

ROLES = ("system", "user", "assistant")
STATUSES = ("complete", "cancelled", "failed")
_MAX_NESTING = 200  # for values handed over as Python objects (files are held to Limits)


def _refuse(problem: Msg) -> PydanticCustomError:
    """A refused value: pydantic's message is the English text, the `Msg` rides in its context
    (`describe` takes it back out)."""
    return PydanticCustomError("hearth", "{problem}", {"problem": problem})


def clean_text(text: str) -> str:
    """`text` as SQLite and UTF-8 files can hold it (lone surrogates become "?")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def plain_json(value: Any, depth: int = 0) -> Any:
    """`value` as plain JSON that every writer accepts: finite numbers, clean text."""
    if depth > _MAX_NESTING:
        raise _refuse(say.TOO_DEEP_VALUE)
    if isinstance(value, str):
        return clean_text(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple):
        return [plain_json(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): plain_json(v, depth + 1) for k, v in value.items()}
    raise _refuse(say.UNREADABLE_VALUE)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    raise _refuse(say.MUST_BE_TEXT)


def _optional_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _time(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _refuse(say.must_be_time(MIN_YEAR, MAX_YEAR))
    if isinstance(value, int) and not MIN_TIME <= value <= MAX_TIME:  # before float(): 1e400
        raise _refuse(say.must_be_time(MIN_YEAR, MAX_YEAR))
    seconds = float(value)
    if not (math.isfinite(seconds) and MIN_TIME <= seconds <= MAX_TIME):
        raise _refuse(say.must_be_time(MIN_YEAR, MAX_YEAR))
    return seconds


def _optional_time(value: Any) -> float | None:
    return None if value is None else _time(value)


def _count(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
        raise _refuse(say.must_be_count(MAX_COUNT))
    return value


def _one_of(allowed: tuple[str, ...], default: str | None = None) -> Any:
    def check(value: Any) -> str:
        if value is None and default is not None:
            return default
        if isinstance(value, str) and value in allowed:
            return value
        shown = repr(value)[:40] if isinstance(value, str) else type(value).__name__
        raise _refuse(say.must_be_one_of(allowed, shown))

    return check


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _refuse(say.MUST_BE_OBJECT)
    result: dict[str, Any] = plain_json(value)
    return result


def _optional_object(value: Any) -> dict[str, Any] | None:
    return None if value is None else _object(value)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _refuse(say.MUST_BE_LIST)
    return value


def _optional_list(value: Any) -> list[Any] | None:
    return None if value is None else _list(value)


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _refuse(say.MUST_BE_NUMBER)
    return value


def _flag(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise _refuse(say.MUST_BE_BOOL)


def _text_or_count(value: Any) -> str | int | None:
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_COUNT:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _optional_text(value)


Text = Annotated[str, BeforeValidator(_text)]
OptionalText = Annotated[str | None, BeforeValidator(_optional_text)]
Time = Annotated[float, BeforeValidator(_time)]
OptionalTime = Annotated[float | None, BeforeValidator(_optional_time)]
Count = Annotated[int | None, BeforeValidator(_count)]
JsonObject = Annotated[dict[str, Any], BeforeValidator(_object)]
OptionalJsonObject = Annotated[dict[str, Any] | None, BeforeValidator(_optional_object)]
Role = Annotated[str, BeforeValidator(_one_of(ROLES))]
Status = Annotated[str, BeforeValidator(_one_of(STATUSES, default="complete"))]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


# -- Hearth JSON -----------------------------------------------------------------------------


class Source(BaseModel):
    """One passage an answer was given. Extra fields are kept (as plain JSON)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    file: OptionalText = None
    path: OptionalText = None
    title: OptionalText = None
    heading: OptionalText = None
    snippet: OptionalText = None
    text: OptionalText = None
    collection: OptionalText = None
    page: Annotated[str | int | None, BeforeValidator(_text_or_count)] = None
    chunk_id: Annotated[str | int | None, BeforeValidator(_text_or_count)] = None
    score: Annotated[float | int | None, BeforeValidator(_number)] = None
    file_chunks: Count = None
    whole: Annotated[bool | None, BeforeValidator(_flag)] = None

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            raise _refuse(say.MUST_BE_OBJECT)
        return plain_json(value)

    def stored(self) -> dict[str, Any]:
        """As stored: the fields the file had, typed; nothing added."""
        return self.model_dump(exclude_unset=True)


class HearthMessage(_Model):
    role: Role
    content: Text
    status: Status = "complete"
    created_at: Time
    model: OptionalText = None
    params: OptionalJsonObject = None
    timings: OptionalJsonObject = None
    prompt_tokens: Count = None
    completion_tokens: Count = None
    sources: Annotated[list[Source] | None, BeforeValidator(_optional_list)] = None
    error: OptionalText = None
    reasoning: OptionalText = None  # a reasoning model's thinking, apart from the answer
    id: Count = None  # names the message within its chat (versions: see `parent`)
    parent: Count = None  # the id of the message it follows, in a chat with versions


class HearthChat(_Model):
    title: Text
    created_at: Time
    updated_at: OptionalTime = None
    model: OptionalText = None
    system_prompt: OptionalText = None
    prompt_id: OptionalText = None
    settings: Annotated[
        dict[str, Any], BeforeValidator(lambda v: _object({} if v is None else v))
    ] = {}
    messages: Annotated[list[HearthMessage], BeforeValidator(_list)]
    # the versions not shown (earlier answers, edited questions), each naming its parent
    other_versions: Annotated[
        list[HearthMessage], BeforeValidator(lambda v: _list([] if v is None else v))
    ] = []


def _dict(value: Any) -> dict[str, Any]:
    """A mapping kept as it is (its nodes are checked one by one as the walk reaches them)."""
    if not isinstance(value, dict):
        raise _refuse(say.MUST_BE_OBJECT)
    return value


# -- ChatGPT conversations.json --------------------------------------------------------------


class GptAuthor(_Model):
    role: OptionalText = None


class GptMessage(_Model):
    author: GptAuthor | None = None
    content: OptionalJsonObject = None  # {"parts": [...]} or {"text": ...}; others ignored
    create_time: OptionalTime = None
    metadata: OptionalJsonObject = None


class GptNode(_Model):
    """One node of a conversation's mapping; checked as the walk reaches it."""

    parent: OptionalText = None
    children: Annotated[list[Text], BeforeValidator(lambda v: _list(v if v is not None else []))]
    message: GptMessage | None = None

    @model_validator(mode="before")
    @classmethod
    def _children_default(cls, value: Any) -> Any:
        if isinstance(value, dict) and "children" not in value:
            return {**value, "children": []}
        return value


class GptConversation(_Model):
    title: OptionalText = None
    create_time: OptionalTime = None
    update_time: OptionalTime = None
    mapping: Annotated[dict[str, Any], BeforeValidator(lambda v: _dict(v))]
    current_node: OptionalText = None
    default_model_slug: OptionalText = None


# -- naming what is wrong --------------------------------------------------------------------

_PROBLEMS = {
    "missing": say.IS_MISSING,
    "model_type": say.MUST_BE_OBJECT,
    "model_attributes_type": say.MUST_BE_OBJECT,
    "dict_type": say.MUST_BE_OBJECT,
    "list_type": say.MUST_BE_LIST,
    "string_type": say.MUST_BE_TEXT,
    "bool_type": say.MUST_BE_BOOL,
}


def describe(error: ValidationError, prefix: str = "") -> tuple[str, Msg]:
    """(where, what) for the first problem: ("messages[3].sources", "must be a list")."""
    first = error.errors(include_url=False)[0]
    where = prefix
    for part in first["loc"]:
        if isinstance(part, int):
            where += f"[{part}]"
        else:
            where += f".{part}" if where else str(part)
    found = (first.get("ctx") or {}).get("problem") if first["type"] == "hearth" else None
    if isinstance(found, Msg):
        problem = found
    else:
        problem = _PROBLEMS.get(first["type"], say.UNREADABLE_VALUE)
    return where, say.and_more(problem, error.error_count() - 1)
