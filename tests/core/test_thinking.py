"""Thinking told apart from the answer, whatever size the streamed pieces come in."""

from __future__ import annotations

import pytest

from app.core.thinking import Split, ThinkingSplitter, opens_thinking, split_reply

REPLY = "<think>\nThe user greets me. I should greet back.\n</think>\n\nHello! How can I help?"
THOUGHT = "The user greets me. I should greet back.\n"
ANSWER = "Hello! How can I help?"


def streamed(text: str, size: int, started: bool = False) -> Split:
    splitter = ThinkingSplitter(started)
    out = Split()
    for at in range(0, len(text), size):
        out = out + splitter.feed(text[at : at + size])
    return out + splitter.finish()


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 1000])
def test_the_model_opens_its_thinking_itself(size: int) -> None:
    assert streamed(REPLY, size) == Split(THOUGHT, ANSWER)


@pytest.mark.parametrize("size", [1, 4, 1000])
def test_the_template_opened_the_thinking_for_the_model(size: int) -> None:
    reply = REPLY.removeprefix("<think>\n")
    assert streamed(reply, size, started=True) == Split(THOUGHT, ANSWER)


@pytest.mark.parametrize("size", [1, 3, 1000])
def test_a_reply_without_thinking_is_all_answer(size: int) -> None:
    text = "  <b>Bold</b> and a <think> tag explained later"
    assert streamed(text, size) == Split("", text)


def test_thinking_cut_off_keeps_the_thoughts_so_far() -> None:
    splitter = ThinkingSplitter()
    got = splitter.feed("<think>Still working it ou") + splitter.feed("t </thi")
    assert splitter.state == "thinking" and got.thinking == "Still working it out "
    assert splitter.finish() == Split(thinking="</thi")
    assert splitter.thought


def test_the_state_follows_the_stream() -> None:
    splitter = ThinkingSplitter()
    assert splitter.state == "before" and not splitter.thought
    splitter.feed("  <thi")
    assert splitter.state == "before"  # could still be the tag
    splitter.feed("nk>hmm")
    assert splitter.state == "thinking" and splitter.thought
    assert splitter.feed("</think>Answer") == Split("", "Answer")
    assert splitter.state == "answer"


def test_whole_replies_and_prompts() -> None:
    assert split_reply(REPLY) == Split(THOUGHT, ANSWER)
    assert split_reply("Plain answer") == Split("", "Plain answer")
    assert opens_thinking("<|im_start|>assistant\n<think>\n")
    assert not opens_thinking("<|im_start|>assistant\n")
