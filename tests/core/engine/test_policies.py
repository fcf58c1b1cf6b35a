"""Pure pieces of the engine: the context policy and the stop-string text stream."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.core.engine.context import answer_reserve, fit_to_context
from app.core.engine.text_stream import TextStream
from app.core.errors import ContextOverflow
from app.core.messages import Message


def count_words(messages: Sequence[Message]) -> list[int]:
    return [0] * sum(len(m.content.split()) for m in messages)


def test_fit_drops_oldest_turns_after_the_pinned_ones() -> None:
    messages = [
        Message("system", "s s"),
        Message("user", "example q"),
        Message("assistant", "example a"),  # few-shot, pinned
        Message("user", "one one one"),
        Message("assistant", "two two two"),
        Message("user", "three three three"),
        Message("assistant", "four four four"),
        Message("user", "five"),
    ]
    tokens, dropped = fit_to_context(messages, 3, count_words, budget=14)
    assert dropped == 2  # the first user turn and its reply
    assert len(tokens) == 2 + 4 + 6 + 1
    _, dropped = fit_to_context(messages, 3, count_words, budget=7)
    assert dropped == 4
    with pytest.raises(ContextOverflow):
        fit_to_context(messages, 3, count_words, budget=6)


def test_answer_reserve_is_capped_at_half_the_context() -> None:
    assert answer_reserve(4096, 512) == 512
    assert answer_reserve(1024, 4096) == 512


def test_text_stream_joins_split_utf8_and_cuts_at_the_stop_string() -> None:
    stream = TextStream(stops=["</end>"])
    data = "你好 world </end> tail".encode()
    out = "".join(stream.feed(data[i : i + 1]) for i in range(len(data)))
    assert stream.stopped
    assert out == stream.text == "你好 world "
    assert stream.flush() == ""


def test_text_stream_releases_held_text_when_no_stop_follows() -> None:
    stream = TextStream(stops=["###"])
    assert stream.feed(b"a #") == "a"  # " #" may begin "###": held back
    assert stream.feed(b"# b") == " ##"  # now "## b" is not a stop, but " b" could precede one
    out = "a ##" + stream.flush()
    assert out == "a ## b" and not stream.stopped


def test_backend_names_follow_the_build_and_the_layers() -> None:
    from app.core.engine.backend import backend_name, effective_gpu_layers

    cuda_info = "CPU : SSE3 = 1 | CUDA : ARCHS = 890 | USE_GRAPHS = 1"
    assert backend_name(cuda_info, offload_supported=True, gpu_layers=-1) == "CUDA"
    assert backend_name(cuda_info, offload_supported=True, gpu_layers=0) == "CPU"
    assert backend_name("Metal : EMBED_LIBRARY = 1", True, 10) == "Metal"
    assert backend_name("CPU : AVX2 = 1", offload_supported=False, gpu_layers=-1) == "CPU"
    assert effective_gpu_layers(-1, offload_supported=False) == 0
    assert effective_gpu_layers(-1, offload_supported=True) == -1
