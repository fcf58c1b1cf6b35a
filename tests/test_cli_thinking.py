"""`hearth ask` with a reasoning model: the thinking on stderr, the answer alone on stdout, the
thinking stored apart, and `--no-think` kept with the chat for `chat --resume`."""

from __future__ import annotations

from pathlib import Path

from app.core.chats.options import ChatOptions
from app.core.chats.store import ChatStore
from app.core.paths import default_paths
from tests.core.prompts.test_real_templates import TEMPLATES
from tests.core.prompts.test_stitched_templates import stitch
from tests.core.test_conversation_thinking import OPENS_THINK
from tests.test_cli import hearth


def test_ask_prints_the_thinking_apart_from_the_answer(
    hearth_home: Path, smollm2: Path, tmp_path: Path
) -> None:
    model = stitch(smollm2, OPENS_THINK, tmp_path / "thinker.gguf")
    ask = ("ask", "-m", str(model), "--temperature", "0", "--max-tokens", "12", "What is 2 + 2?")
    done = hearth(*ask, home=hearth_home)
    assert done.returncode == 0, done.stderr
    assert "[hearth] thinking…" in done.stderr and "[hearth] thought for" in done.stderr
    with ChatStore(default_paths().chats_db) as store:
        reply = store.messages(store.list_chats()[0].id)[-1]
    assert reply.reasoning and reply.reasoning.strip() in done.stderr
    assert reply.reasoning.strip() not in done.stdout
    assert done.stdout.strip() == reply.content.strip()
    hidden = hearth(*ask[:-1], "--hide-thinking", "What is 3 + 3?", home=hearth_home)
    assert hidden.returncode == 0, hidden.stderr
    assert "[hearth] thought for" in hidden.stderr
    with ChatStore(default_paths().chats_db) as store:
        again = store.messages(store.list_chats()[0].id)[-1]
    assert again.reasoning and again.reasoning.strip() not in hidden.stderr


def test_no_think_is_kept_with_the_chat(hearth_home: Path, smollm2: Path, tmp_path: Path) -> None:
    source = (TEMPLATES / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    model = stitch(smollm2, source, tmp_path / "qwen3.gguf")
    done = hearth(
        "ask", "-m", str(model), "--max-tokens", "4", "--no-think", "Hi", home=hearth_home
    )
    assert done.returncode == 0, done.stderr
    with ChatStore(default_paths().chats_db) as store:
        chat = store.list_chats()[0]
    assert ChatOptions.from_settings(chat.settings).think is False
