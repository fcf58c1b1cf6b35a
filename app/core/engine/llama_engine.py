"""The in-process engine: a small adapter over llama-cpp-python's `Llama`.

This is the only module that imports `llama_cpp`, and only when a model is loaded or the engine
is asked about the backend. It renders prompts itself (sandboxed template, user text kept as
plain text), leaves KV-cache reuse to `Llama.generate` (which keeps the longest matching token
prefix), and counts the tokens it really evaluates so the reuse can be verified.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import Any

from app.core.engine.backend import backend_name, default_threads, effective_gpu_layers
from app.core.engine.context import answer_reserve, fit_to_context
from app.core.engine.runtime import prepare_backends, system_info
from app.core.engine.text_stream import TextStream
from app.core.engine.texts import (
    BASE_MODEL,
    BASE_MODEL_UNNAMED,
    LOAD_FAILED,
    NO_MODEL,
    TEXT_TOO_LONG,
    UNREADABLE_LENGTH,
)
from app.core.engine.types import (
    EngineInfo,
    FinishReason,
    GenerationRequest,
    GenerationResult,
    LoadedModel,
    LoadProgress,
    LoadSpec,
    StreamEvent,
    Timings,
    TokenEvent,
    mark_cancelled,
)
from app.core.errors import ContextOverflow, ModelLoadFailed, NoModelLoaded, TemplateError
from app.core.messages import Message
from app.core.models.model_info import ModelInfo, read_model_info
from app.core.prompts.fallbacks import fallback_template
from app.core.prompts.template import ChatTemplate, open_last_message
from app.core.thinking import opens_thinking


class CancelCell:
    """Holds the highest cancelled request id. The engine host passes a shared-memory value
    with the same `.value` attribute, so the GUI process can cancel without a message."""

    def __init__(self) -> None:
        self.value = 0


class _Cancelled(Exception):
    pass


def _llama_cpp() -> ModuleType:
    import llama_cpp

    prepare_backends(llama_cpp)  # a build with dispatched CPU variants loads them first
    return llama_cpp


class LlamaEngine:
    """Loads one model at a time and streams generations from it. Not thread-safe except
    `cancel`, which may be called from any thread while `stream` runs."""

    def __init__(self, cancel_cell: Any = None) -> None:
        self._cancel = cancel_cell if cancel_cell is not None else CancelCell()
        self._llm: Any = None
        self._loaded: LoadedModel | None = None
        self._model: ModelInfo | None = None
        self._template: ChatTemplate | None = None
        self._bos_text = ""
        self._variables: dict[str, Any] = {}  # what the template gets besides the messages
        self._current = 0
        self._evaluated = 0

    # -- lifecycle -------------------------------------------------------------------------

    def load(
        self, spec: LoadSpec, progress: Callable[[LoadProgress], None] | None = None
    ) -> LoadedModel:
        """Validate the file, then load it; replaces any model already loaded. `progress` hears
        how far the load has come (from llama.cpp's own callback, then the warm-up)."""
        model = read_model_info(spec.path)
        if model.chat_template and not spec.fallback_template:
            ChatTemplate(model.chat_template)  # one that does not parse is reported before the load
        llama_cpp = _llama_cpp()
        self.unload()
        offload = bool(llama_cpp.llama_supports_gpu_offload())
        gpu_layers = effective_gpu_layers(spec.gpu_layers, offload)
        threads = spec.threads or default_threads()
        n_ctx = min(spec.context_length, model.context_length or spec.context_length)
        report = _Reporter(progress)
        started = time.perf_counter()
        settings = {
            "n_ctx": n_ctx,
            "n_threads": threads,
            "n_threads_batch": threads,
            "n_gpu_layers": gpu_layers,
            "seed": spec.seed if spec.seed is not None else llama_cpp.LLAMA_DEFAULT_SEED,
        }
        llm = _open(llama_cpp, spec, settings, report)
        report(1.0)
        self._llm, self._model = llm, model
        self._wrap_eval(llm)
        try:  # a template that does not parse is reported now, not at the first message
            self._template, template_kind = self._pick_template(model, spec.fallback_template)
        except TemplateError:
            self.unload()
            raise
        self._loaded = LoadedModel(
            path=spec.path,
            context_length=llm.n_ctx(),
            backend=backend_name(system_info(llama_cpp), offload, gpu_layers),
            gpu_offload_supported=offload,
            gpu_layers=gpu_layers,
            threads=threads,
            is_base=model.is_base,
            template=template_kind,
            load_seconds=time.perf_counter() - started,
            thinking_switch=self._template is not None and self._template.thinking_switch,
        )
        return self._loaded

    def load_steps(self, spec: LoadSpec) -> Iterator[LoadProgress | LoadedModel]:
        """`load` as a stream (it crosses the engine host's pipe): `LoadProgress` items, then
        the `LoadedModel`. The load runs on a thread of its own; its errors are raised here."""
        steps: queue.SimpleQueue[LoadProgress | LoadedModel | BaseException | None]
        steps = queue.SimpleQueue()

        def work() -> None:
            try:
                steps.put(self.load(spec, steps.put))
            except BaseException as exc:  # handed to the reader, raised there
                steps.put(exc)
            finally:
                steps.put(None)

        threading.Thread(target=work, name="hearth-load", daemon=True).start()
        while (step := steps.get()) is not None:
            if isinstance(step, BaseException):
                raise step
            yield step

    def unload(self) -> None:
        """Free the model now (leaving it to `__del__` at exit raises inside llama_cpp)."""
        llm, self._llm, self._loaded, self._template = self._llm, None, None, None
        if llm is not None:
            llm.close()

    def close(self) -> None:
        self.unload()

    def info(self) -> EngineInfo:
        llama_cpp = _llama_cpp()
        return EngineInfo(
            loaded=self._loaded,
            gpu_offload_supported=bool(llama_cpp.llama_supports_gpu_offload()),
            system_info=system_info(llama_cpp),
        )

    def cancel(self, request_id: int | None = None) -> None:
        """Stop the given request (default: the current one) at the next token."""
        mark_cancelled(self._cancel, self._current if request_id is None else request_id)

    # -- generation ------------------------------------------------------------------------

    def stream(self, request: GenerationRequest) -> Iterator[StreamEvent]:
        """Yield `TokenEvent`s as text becomes ready, then one `GenerationResult`."""
        llm = self._require_llm()
        self._current = request.request_id
        started = time.perf_counter()
        tokens, dropped = self.prompt_tokens(request)
        sampling = request.sampling
        if sampling.seed is not None:
            llm.set_seed(sampling.seed)
        text = TextStream(sampling.stop)
        self._evaluated = 0
        first = last = None
        evaluated_prompt = 0
        produced = 0
        reason: FinishReason = "length"
        vocab, is_eog = llm._model.vocab, _llama_cpp().llama_vocab_is_eog
        opened = self._opens_thinking(request, tokens)
        yield TokenEvent(request.request_id, "", prompt_tokens=len(tokens), thinking_opened=opened)
        generator = llm.generate(
            tokens,
            top_k=sampling.top_k,
            top_p=sampling.top_p,
            min_p=sampling.min_p,
            temp=sampling.temperature,
            repeat_penalty=sampling.repeat_penalty,
            reset=True,
        )
        try:
            for token in generator:
                now = time.perf_counter()
                if first is None:
                    first, evaluated_prompt = now, self._evaluated
                if self._is_cancelled(request.request_id):
                    reason = "cancelled"
                    break
                if is_eog(vocab, token):
                    reason = "stop"
                    break
                produced, last = produced + 1, now
                piece = text.feed(llm.detokenize([token]))
                if piece:
                    yield TokenEvent(request.request_id, piece, len(tokens), produced)
                if text.stopped:
                    reason = "stop"
                    break
                if produced >= sampling.max_tokens:
                    break
                if llm.n_tokens + 1 >= llm.n_ctx():
                    reason = "context_full"
                    break
        except _Cancelled:
            reason, evaluated_prompt = "cancelled", self._evaluated
        finally:
            generator.close()
        tail = text.flush()
        if tail:
            yield TokenEvent(request.request_id, tail, len(tokens), produced)
        first = first if first is not None else time.perf_counter()
        timings = Timings(
            prompt_tokens=len(tokens),
            prompt_tokens_evaluated=evaluated_prompt,
            completion_tokens=produced,
            context_used=int(llm.n_tokens),
            context_length=int(llm.n_ctx()),
            time_to_first_token_s=first - started,
            decode_seconds=(last - first) if last is not None else 0.0,
        )
        yield GenerationResult(request.request_id, text.text, reason, timings, dropped)

    # -- helpers ---------------------------------------------------------------------------

    def _require_llm(self) -> Any:
        if self._llm is None:
            raise NoModelLoaded(NO_MODEL())
        return self._llm

    def _is_cancelled(self, request_id: int) -> bool:
        return int(self._cancel.value) >= request_id

    def _wrap_eval(self, llm: Any) -> None:
        """Count evaluated tokens and honour cancel between batches of a long prompt."""
        original = llm.eval
        batch = max(1, int(llm.n_batch))

        def counting_eval(tokens: Sequence[int]) -> None:
            for start in range(0, len(tokens), batch):
                if len(tokens) > 1 and self._is_cancelled(self._current):
                    raise _Cancelled
                chunk = tokens[start : start + batch]
                original(chunk)
                self._evaluated += len(chunk)

        llm.eval = counting_eval

    def _pick_template(
        self, model: ModelInfo, fallback: str | None
    ) -> tuple[ChatTemplate | None, Any]:
        bos, eos = (
            self._special_text(self._llm.token_bos()),
            self._special_text(self._llm.token_eos()),
        )
        self._bos_text = bos
        if fallback:  # picked by the user: for a base model, or over a broken or slow template
            return ChatTemplate(fallback_template(fallback), bos, eos), "fallback"
        if model.chat_template:
            return ChatTemplate(model.chat_template, bos, eos), "gguf"
        return None, "none"

    def _opens_thinking(self, request: GenerationRequest, tokens: list[int]) -> bool:
        """Whether the prompt ends inside a `<think>` block the template opened, so the model's
        first text is thinking (never for plain completions or a continued reply)."""
        if request.is_completion or request.continue_last or not tokens:
            return False
        tail = bytes(self._llm.detokenize(tokens[-8:], special=True))
        return opens_thinking(tail.decode("utf-8", "replace"))

    def _special_text(self, token: int) -> str:
        if token < 0:
            return ""
        return bytes(self._llm.detokenize([token], special=True)).decode("utf-8", "replace")

    def prompt_tokens(self, request: GenerationRequest) -> tuple[list[int], int]:
        """The tokens the request will evaluate, and how many messages were left out to fit."""
        llm = self._require_llm()
        budget = llm.n_ctx() - answer_reserve(llm.n_ctx(), request.sampling.max_tokens)
        if request.prompt is not None:
            tokens = self._tokenize(request.prompt, literal=True, add_special=True)
            if len(tokens) > budget:
                raise ContextOverflow(TEXT_TOO_LONG(tokens=len(tokens), budget=budget))
            return tokens, 0
        if self._template is None:
            raise TemplateError(
                BASE_MODEL(model=self._model.name) if self._model else BASE_MODEL_UNNAMED()
            )
        self._variables = {}
        if self._template.thinking_switch:  # the Think switch: on unless the chat turned it off
            self._variables["enable_thinking"] = request.think is not False
        if request.continue_last:
            return fit_to_context(request.messages, request.pinned, self._continue_tokens, budget)
        return fit_to_context(request.messages, request.pinned, self._chat_tokens, budget)

    def _continue_tokens(self, messages: Sequence[Message]) -> list[int]:
        return self._chat_tokens(messages, continue_last=True)

    def _chat_tokens(self, messages: Sequence[Message], continue_last: bool = False) -> list[int]:
        assert self._template is not None
        segments = self._template.render(
            messages, add_generation_prompt=not continue_last, **self._variables
        )
        if continue_last:
            segments = open_last_message(segments)
        bos = self._bos_text
        add_special = not (bos and segments and segments[0].text.startswith(bos))
        tokens: list[int] = []
        for segment in segments:
            if segment.text:
                tokens += self._tokenize(segment.text, segment.literal, add_special and not tokens)
        return tokens

    def _tokenize(self, text: str, literal: bool, add_special: bool) -> list[int]:
        try:
            return list(
                self._llm.tokenize(text.encode("utf-8"), add_bos=add_special, special=not literal)
            )
        except RuntimeError as exc:
            raise ContextOverflow(UNREADABLE_LENGTH()) from exc


class _Reporter:
    """Passes load progress on, at most once per percent, never backwards."""

    def __init__(self, listener: Callable[[LoadProgress], None] | None) -> None:
        self._listener = listener
        self._last = -1.0

    def __call__(self, fraction: float) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        if self._listener is not None and fraction >= self._last + 0.01:
            self._last = fraction
            self._listener(LoadProgress(fraction))


# llama.cpp reads the weights (its progress) in this share of a load; the warm-up is the rest
READ_SHARE = 0.9


@contextlib.contextmanager
def _load_callback(llama_cpp: ModuleType, report: _Reporter) -> Iterator[None]:
    """Hand llama.cpp a progress callback for the loads made inside: `Llama` takes none, so
    its default model parameters get one while the model loads. A build without the hook
    loads the same, without progress."""
    low: Any = getattr(llama_cpp, "llama_cpp", None)
    defaults = getattr(low, "llama_model_default_params", None)
    kind = getattr(low, "llama_progress_callback", None)
    if defaults is None or kind is None:
        yield
        return

    def on_progress(fraction: float, _data: Any) -> bool:
        with contextlib.suppress(Exception):  # never raise into C: a lost report is harmless
            report(fraction * READ_SHARE)
        return True

    callback = kind(on_progress)  # kept alive here for as long as the load runs

    def with_callback() -> Any:
        params = defaults()
        params.progress_callback = callback
        return params

    low.llama_model_default_params = with_callback
    try:
        yield
    finally:
        low.llama_model_default_params = defaults


@contextlib.contextmanager
def _tolerant_chat_formats(llama_cpp: ModuleType) -> Iterator[None]:
    """`Llama` compiles the GGUF's chat template for chat handlers Hearth does not use; a
    template that does not parse must not stop the load (Hearth reports it, or uses the
    fallback the user picked)."""
    formats = llama_cpp.llama_chat_format
    original = formats.Jinja2ChatFormatter

    class Tolerant(original):  # type: ignore[misc, valid-type]
        def __init__(self, template: str, *args: Any, **kwargs: Any) -> None:
            try:
                super().__init__(template, *args, **kwargs)
            except Exception:  # jinja2's syntax errors; the handler is never used anyway
                super().__init__("", *args, **kwargs)

    formats.Jinja2ChatFormatter = Tolerant
    try:
        yield
    finally:
        formats.Jinja2ChatFormatter = original


def _open(
    llama_cpp: ModuleType, spec: LoadSpec, settings: dict[str, Any], report: _Reporter
) -> Any:
    """The `Llama` for `spec`, read with progress and warmed up (closed again if that fails)."""
    try:
        with _load_callback(llama_cpp, report), _tolerant_chat_formats(llama_cpp):
            llm = llama_cpp.Llama(model_path=str(spec.path), verbose=False, **settings)
    except (ValueError, RuntimeError, OSError) as exc:
        raise ModelLoadFailed(LOAD_FAILED(str(exc), file=spec.path.name)) from exc
    try:
        _warm_up(llm)
    except (ValueError, RuntimeError, OSError) as exc:
        llm.close()
        raise ModelLoadFailed(LOAD_FAILED(str(exc), file=spec.path.name)) from exc
    return llm


def _warm_up(llm: Any) -> None:
    """Run one token through the model and forget it, as llama.cpp's own tools do: the weights
    are paged in from the file and the compute buffers set up now, as part of the load, not
    during the first answer (whose first-token time would then count the load)."""
    bos = int(llm.token_bos())
    llm.eval([bos if bos >= 0 else 0])
    llm.reset()
