"""A stored chat turned into what the engine needs: its load spec and its `ChatSetup`.

The window (app/workers/session.py) and the CLI (`hearth chat --resume`) both call these, so a
chat answers with the same model settings, sampling, prompt, few-shot examples and documents
wherever it is opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.chats.options import ChatOptions
from app.core.chats.store import Chat
from app.core.conversation import ChatSetup
from app.core.engine.types import LoadSpec
from app.core.prompts.library import PromptTemplate
from app.core.rag.context import DocumentsSetup, Searcher
from app.core.settings import Settings, sampling_with


@dataclass(frozen=True)
class Collections:
    """The document collections a chat may answer from: the searcher, and the current names
    by id (None while they are not listed yet: the names stored with the chat are used)."""

    searcher: Searcher
    names: Mapping[int, str] | None = None


def load_spec_for(path: Path, settings: Settings, **overrides: Any) -> LoadSpec:
    """How to load the model at `path` under the engine settings (`overrides`: LoadSpec
    fields given on the command line, such as context_length or fallback_template)."""
    cfg = settings.engine
    fields: dict[str, Any] = {
        "context_length": cfg.context_length,
        "threads": cfg.threads,
        "gpu_layers": cfg.gpu_layers,
        "seed": settings.sampling.seed,
    }
    fields.update({k: v for k, v in overrides.items() if v is not None})
    return LoadSpec(path=path, **fields)


def setup_for(
    chat: Chat | None,
    settings: Settings,
    templates: Sequence[PromptTemplate],
    *,
    model_id: str,
    completion: bool = False,
    collections: Collections | None = None,
    sampling: Mapping[str, Any] | None = None,
) -> ChatSetup:
    """The setup `chat` answers with (None: a chat not started yet): the global sampling with
    the chat's own values over it (and `sampling`, such as command-line flags, over those),
    its prompt, system prompt, few-shot template and documents."""
    options = ChatOptions.from_settings(chat.settings if chat is not None else None)
    chosen = options.sampling_over(settings.sampling)
    if sampling:
        chosen = sampling_with(chosen, **{k: v for k, v in sampling.items() if v is not None})
    by_id = {t.id: t for t in templates}
    return ChatSetup(
        model_id=model_id,
        sampling=chosen,
        prompt=by_id.get(chat.prompt_id or "") if chat is not None else None,
        system_prompt=chat.system_prompt if chat is not None else None,
        completion=completion,
        few_shot=by_id.get(options.few_shot or ""),
        documents=documents_for(options, collections),
        think=options.think,
    )


def documents_for(options: ChatOptions, collections: Collections | None) -> DocumentsSetup | None:
    """The documents the chat answers from: its collections under their current names (a
    removed one is left out), and the whole files of those collections."""
    if not options.documents or collections is None:
        return None
    current = collections.names
    if current is not None:
        names = [current[d.id] for d in options.documents if d.id in current]
    else:
        names = [d.name for d in options.documents if d.name]
    if not names:
        return None
    known = current or {}
    files = [(known.get(w.id or -1, w.collection), w.path) for w in options.whole]
    whole = tuple((name, path) for name, path in files if name in names)
    return DocumentsSetup(collections.searcher, tuple(names), whole=whole)
