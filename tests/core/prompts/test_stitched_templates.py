"""Real chat templates stitched onto the starter model: the engine loads, renders and answers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.engine.llama_engine import LlamaEngine
from app.core.engine.types import GenerationRequest, LoadSpec
from app.core.errors import TemplateError
from app.core.messages import Message
from app.core.settings import SamplingSettings
from tests.conftest import SMALL_CONTEXT, run
from tests.core.prompts.test_real_templates import ATTACK, TEMPLATES, conversation, reference

STITCHED = [
    "Qwen-Qwen3-0.6B.jinja",
    "meta-llama-Llama-3.1-8B-Instruct.jinja",
    "google-gemma-3-it.jinja",
    "mistralai-Mistral-Nemo-Instruct-2407.jinja",
    "THUDM-glm-4-9b-chat.jinja",
]
GREEDY = SamplingSettings(temperature=0.0, max_tokens=8)


def stitch(model: Path, template: str, out: Path) -> Path:
    """A copy of `model` whose GGUF chat template is `template`."""
    tool = Path(sys.executable).parent / "gguf-new-metadata"
    source = out.with_suffix(".jinja")
    source.write_text(template, encoding="utf-8")
    subprocess.run(
        [str(tool), "--force", "--chat-template-file", str(source), str(model), str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture
def engine() -> Iterator[LlamaEngine]:
    engine = LlamaEngine()
    yield engine
    engine.close()


@pytest.mark.parametrize("name", STITCHED)
def test_stitched_template_renders_and_answers(
    name: str, smollm2: Path, tmp_path: Path, engine: LlamaEngine
) -> None:
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    model = stitch(smollm2, source, tmp_path / "stitched.gguf")
    loaded = engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, seed=1))
    assert loaded.template == "gguf"
    messages = conversation(source, last=f"Say hi. {ATTACK}")
    tokens, dropped = engine.prompt_tokens(GenerationRequest(tuple(messages), sampling=GREEDY))
    assert dropped == 0
    bos = engine._bos_text
    eos = engine._special_text(engine._llm.token_eos())
    expected = reference(source, messages, bos_token=bos, eos_token=eos)
    text = engine._llm.detokenize(tokens, special=True).decode("utf-8")
    assert text.removeprefix(bos) == expected.removeprefix(bos)
    im_start = engine._llm.tokenize(b"<|im_start|>", add_bos=False, special=True)
    assert len(im_start) == 1  # one of the starter model's special tokens
    # ChatML templates open each turn with the special token; the user's typed one adds none.
    assert tokens.count(im_start[0]) == expected.count("<|im_start|>") - 1
    _, result = run(engine, GenerationRequest(tuple(messages), sampling=GREEDY))
    assert result.timings.completion_tokens >= 1


def test_a_broken_gguf_template_is_reported_at_load(
    smollm2: Path, tmp_path: Path, engine: LlamaEngine
) -> None:
    model = stitch(smollm2, "{% for m in messages %}{{ m.content }}", tmp_path / "broken.gguf")
    with pytest.raises(TemplateError, match=r"broken.*fallback"):
        engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, seed=1))
    loaded = engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, fallback_template="chatml"))
    assert loaded.template == "fallback"
    _, result = run(engine, GenerationRequest((Message("user", "Hi"),), sampling=GREEDY))
    assert result.text


def test_a_fallback_the_user_picks_stands_in_for_a_slow_template(
    smollm2: Path, tmp_path: Path, engine: LlamaEngine
) -> None:
    slow = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    model = stitch(smollm2, slow, tmp_path / "slow.gguf")
    engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, seed=1))
    request = GenerationRequest((Message("user", "Hi"),), sampling=GREEDY)
    with pytest.raises(TemplateError, match=r"ran longer than 1 s.*fallback"):
        run(engine, request)
    loaded = engine.load(LoadSpec(model, context_length=SMALL_CONTEXT, fallback_template="chatml"))
    assert loaded.template == "fallback"
    _, result = run(engine, request)
    assert result.text
