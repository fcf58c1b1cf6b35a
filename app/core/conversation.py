"""One chat, end to end: history from the store, a prompt for the engine, the reply saved.

Both the CLI and the window drive chats through `Conversation`. Whatever happens to a reply, it
is stored: finished (complete), stopped by the user or a signal (cancelled, partial text kept),
or cut by an error, an engine crash or a bug (failed, partial text and the reason kept).
`start_chat` makes a chat together with its first message, so a failed first write leaves no
empty chat behind.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.core.chats.store import Chat, ChatStore, Status, StoredMessage
from app.core.chats.titles import title_from
from app.core.engine.types import (
    Engine,
    GenerationRequest,
    GenerationResult,
    StreamEvent,
    TokenEvent,
    next_request_id,
)
from app.core.errors import EngineCrashed, HearthError, message_of
from app.core.messages import Message
from app.core.prompts.library import PromptTemplate
from app.core.prompts.texts import NO_REPLY
from app.core.rag.context import DocumentsSetup, augment
from app.core.reply_stream import ReplyStream
from app.core.settings import SamplingSettings
from app.core.text import QT_TRANSLATE_NOOP, Phrase
from app.core.thinking import Split

TITLE_LENGTH = 60

log = logging.getLogger(__name__)

NO_MESSAGE = Phrase(
    "engine.chat.no-message", QT_TRANSLATE_NOOP("Messages", "There is no message to answer yet.")
)
ONLY_YOURS = Phrase(
    "engine.chat.only-yours",
    QT_TRANSLATE_NOOP("Messages", "Only your own messages can be edited."),
)


def chat_title(text: str) -> str:
    """A chat's title from its first message, cut at a word with "…" (see `titles`)."""
    return title_from(text, TITLE_LENGTH)  # "" is untitled: shown as "New chat"


def start_chat(
    store: ChatStore,
    text: str,
    *,
    model: str | None = None,
    system_prompt: str | None = None,
    prompt_id: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Chat:
    """A new chat holding the user's first message `text`, written in one transaction: when
    the write fails (a full disk) there is neither a chat nor a message. Answer it with
    `Conversation(...).answer()`. `settings`: its options (`ChatOptions.to_settings`)."""
    now = time.time()
    chat = Chat(0, chat_title(text), now, now, model, system_prompt, prompt_id, settings or {})
    return store.import_chat(chat, [StoredMessage(0, 0, "user", text, "complete", now)])


@dataclass(frozen=True)
class ChatSetup:
    """How a chat talks to its model. A base model (`completion=True`) continues the text.

    `prompt` gives the system prompt (and its examples, for a few-shot prompt); `few_shot`
    adds the examples of a second, few-shot template; `system_prompt` overrides the text.
    """

    model_id: str
    sampling: SamplingSettings = field(default_factory=SamplingSettings)
    prompt: PromptTemplate | None = None
    system_prompt: str | None = None
    completion: bool = False
    few_shot: PromptTemplate | None = None
    documents: DocumentsSetup | None = None
    think: bool | None = None  # the chat's Think switch (None: on, as the model's authors mean)

    def head(self) -> list[Message]:
        """System prompt and few-shot examples: pinned before the conversation."""
        head = self.prompt.messages(self.system_prompt) if self.prompt is not None else []
        if self.prompt is None and self.system_prompt and self.system_prompt.strip():
            head = [Message("system", self.system_prompt)]
        if self.few_shot is not None and self.few_shot is not self.prompt:
            examples = [m for m in self.few_shot.messages("") if m.role != "system"]
            if not head and self.few_shot.system.strip():
                head = [Message("system", self.few_shot.system)]
            head += examples
        return head


def _reasoning(partial: Split) -> str | None:
    return partial.thinking or None


def _reason(error: BaseException) -> str:
    """What is stored as a failed reply's error: the message's id and arguments (`Msg.to_json`),
    so the chat shows it in the user's language, also after a language switch."""
    return message_of(error).to_json()


class Conversation:
    """Sends, regenerates, edits and continues messages in one stored chat, and saves every
    reply whatever its fate. Each method takes an optional `request_id` so that a caller on
    another thread can cancel the request before its first token."""

    def __init__(self, store: ChatStore, engine: Engine, chat_id: int, setup: ChatSetup) -> None:
        self.store = store
        self.engine = engine
        self.chat_id = chat_id
        self.setup = setup
        self.last_reply: StoredMessage | None = None
        self._sources: list[dict[str, object]] | None = None

    def send(self, text: str, request_id: int | None = None) -> Iterator[StreamEvent]:
        """Store `text`, stream the reply's events, then store the reply."""
        self._store_user(text)
        return self._reply(lambda: self._request(request_id))

    def answer(self, request_id: int | None = None) -> Iterator[StreamEvent]:
        """Stream and store the reply to the last message (of a chat made by `start_chat`)."""
        return self._reply(lambda: self._request(request_id))

    def regenerate(self, request_id: int | None = None) -> Iterator[StreamEvent]:
        """A new answer to the last user message, kept beside the earlier ones (versions)."""
        history = self.store.messages(self.chat_id)
        users = [m for m in history if m.role == "user"]
        if not users:
            raise HearthError(NO_MESSAGE())
        if history[-1].id != users[-1].id:
            self.store.show_up_to(self.chat_id, users[-1].id)
        return self._reply(lambda: self._request(request_id))

    def edit(
        self, message_id: int, text: str, request_id: int | None = None
    ) -> Iterator[StreamEvent]:
        """A new version of a user message, `text`, answered again; the earlier version and
        what followed it stay in the chat, one click away."""
        target = next((m for m in self.store.messages(self.chat_id) if m.id == message_id), None)
        if target is None or target.role != "user":
            raise HearthError(ONLY_YOURS())
        self.store.add_message(self.chat_id, "user", text, after=target.parent_id)
        return self._reply(lambda: self._request(request_id))

    def continue_reply(self, request_id: int | None = None) -> Iterator[StreamEvent]:
        """Carry on writing the last reply (cut off by max tokens, Stop or an error)."""
        history = self.store.messages(self.chat_id)
        last = history[-1] if history else None
        if last is None or last.role != "assistant" or not (last.content or last.reasoning):
            raise HearthError(NO_REPLY())
        return self._reply(lambda: self._request(request_id, continue_last=True), prefix=last)

    def cancel(self, request_id: int | None = None) -> None:
        self.engine.cancel(request_id)

    def _reply(
        self, request: Callable[[], GenerationRequest], prefix: StoredMessage | None = None
    ) -> Iterator[StreamEvent]:
        """Stream the reply and store it, whatever ends it. The request is built here, inside
        the guard, so that a failure to build it (documents that cannot be searched) is stored
        as a failed reply too. A reasoning model's thinking is told apart as it streams."""
        reply = ReplyStream(prefix, splits=not self.setup.completion)
        stored = False
        try:
            for event in self.engine.stream(request()):
                if isinstance(event, TokenEvent):
                    yield reply.token(event)
                    continue
                tail = reply.finish()
                if tail is not None:
                    yield tail
                event = reply.result(event)
                self._store_result(event, prefix)
                stored = True
                yield event
        except GeneratorExit:  # the caller stopped reading: keep what came, as stopped
            if not stored:
                self._store_end(prefix, reply.partial(), "cancelled", None)
            raise
        except EngineCrashed as crash:
            self._store_end(prefix, reply.partial(crash.partial_text), "failed", _reason(crash))
            raise
        except HearthError as error:
            self._store_end(prefix, reply.partial(), "failed", _reason(error))
            raise
        except (KeyboardInterrupt, SystemExit):
            if not stored:
                self._store_end(prefix, reply.partial(), "cancelled", None)
            raise
        except BaseException as error:  # a bug or an unexpected library error: keep the reason
            if not stored:
                self._store_end(prefix, reply.partial(), "failed", _reason(error))
            raise

    def _store_end(
        self, prefix: StoredMessage | None, partial: Split, status: Status, reason: str | None
    ) -> None:
        """Store a reply that did not finish. A failure to store it (a full disk) is logged,
        so that the caller sees the error that ended the reply."""
        try:
            self._store_failure(partial, reason, status, prefix)
        except Exception:
            log.exception("the unfinished reply of chat %s could not be stored", self.chat_id)

    def _request(self, request_id: int | None, continue_last: bool = False) -> GenerationRequest:
        stored = self.store.messages(self.chat_id)
        history = [m for m in stored if m.content]
        rid = next_request_id() if request_id is None else request_id
        if continue_last and stored and not stored[-1].content and stored[-1].reasoning:
            # cut off while thinking: the model carries on its thoughts, written out as they
            # came (the template's reasoning_content would close them)
            history.append(
                dataclasses.replace(
                    stored[-1], content=f"<think>\n{stored[-1].reasoning}", reasoning=None
                )
            )
        if self.setup.completion:
            document = "".join(m.content for m in history)
            return GenerationRequest(prompt=document, sampling=self.setup.sampling, request_id=rid)
        head = self.setup.head()
        # An answer's thinking goes with it; the template takes it or leaves it out.
        turns = [Message(m.role, m.content, m.reasoning) for m in history if m.role != "system"]
        turns = self._with_documents(turns)
        return GenerationRequest(
            messages=tuple(head + turns),
            sampling=self.setup.sampling,
            pinned=len(head),
            continue_last=continue_last,
            request_id=rid,
            think=self.setup.think,
        )

    def _with_documents(self, turns: list[Message]) -> list[Message]:
        """Put the passages retrieved for the last user message in front of it, and keep
        their sources for the reply. An empty list of sources means "searched, none found"."""
        self._sources = None
        documents = self.setup.documents
        users = [i for i, m in enumerate(turns) if m.role == "user"]
        if documents is None or not documents.collections or not users:
            return turns
        last = users[-1]
        passages = documents.retrieve(turns[last].content)
        self._sources = [p.source() for p in passages]
        turns = list(turns)
        turns[last] = Message("user", augment(turns[last].content, passages))
        return turns

    def _store_user(self, text: str) -> None:
        chat = self.store.get_chat(self.chat_id)
        self.store.add_message(self.chat_id, "user", text)
        if chat.message_count == 0 and chat.untitled:
            self.store.update_chat(self.chat_id, title=chat_title(text))

    def _store_result(self, result: GenerationResult, prefix: StoredMessage | None) -> None:
        status: Status = "cancelled" if result.finish_reason == "cancelled" else "complete"
        timings = dataclasses.asdict(result.timings)
        timings.update(
            tokens_per_second=result.timings.tokens_per_second,
            finish_reason=result.finish_reason,
            dropped_messages=result.dropped_messages,
        )
        self.last_reply = self.store.add_message(
            self.chat_id,
            "assistant",
            result.text,
            status,
            reasoning=result.reasoning,
            model=self.setup.model_id,
            params=self.setup.sampling.model_dump(mode="json"),
            timings=timings,
            prompt_tokens=result.timings.prompt_tokens,
            completion_tokens=result.timings.completion_tokens,
            sources=self._kept_sources(prefix),
            replacing=prefix.id if prefix is not None else None,
        )

    def _kept_sources(self, prefix: StoredMessage | None) -> list[dict[str, object]] | None:
        """The sources of this reply; a continued one keeps those of the answer it carries
        on when no documents were searched this time."""
        if self._sources is None and prefix is not None and prefix.sources is not None:
            return [s for s in prefix.sources if isinstance(s, dict)]
        return self._sources

    def _store_failure(
        self, partial: Split, reason: str | None, status: Status, prefix: StoredMessage | None
    ) -> None:
        """Store an unfinished reply (a continued one in place of the answer it carries on)."""
        self.last_reply = self.store.add_message(
            self.chat_id,
            "assistant",
            partial.answer,
            status,
            reasoning=_reasoning(partial),
            model=self.setup.model_id,
            params=self.setup.sampling.model_dump(mode="json"),
            sources=self._kept_sources(prefix),
            error=reason,
            replacing=prefix.id if prefix is not None else None,
        )
