"""File-name parsing, grouping of split models, and fit verdicts (pure functions)."""

from __future__ import annotations

import pytest

from app.core.models.fit import GIB, Hardware, ModelDims, Verdict, best_choice, estimate
from app.core.models.quants import RemoteFile, group_choices, parse_name


@pytest.mark.parametrize(
    ("path", "quant", "part", "parts", "projector"),
    [
        ("Llama-3.2-1B-Instruct-Q4_K_M.gguf", "Q4_K_M", 1, 1, False),
        ("model.q8_0.gguf", "Q8_0", 1, 1, False),
        ("qwen2.5-7b-instruct-q4_k_m-00002-of-00003.gguf", "Q4_K_M", 2, 3, False),
        ("mmproj-model-f16.gguf", "F16", 1, 1, True),
        ("Q5_K_M/big-Q5_K_M-00001-of-00002.gguf", "Q5_K_M", 1, 2, False),
        ("ggml-model-IQ4_XS.gguf", "IQ4_XS", 1, 1, False),
        ("gemma-3-270m-bf16.gguf", "BF16", 1, 1, False),
        ("plain-name.gguf", "", 1, 1, False),
    ],
)
def test_names(path: str, quant: str, part: int, parts: int, projector: bool) -> None:
    name = parse_name(path)
    assert (name.quant, name.part, name.parts, name.is_projector) == (quant, part, parts, projector)


def test_split_parts_become_one_choice_and_projectors_come_last() -> None:
    files = [
        RemoteFile("m-Q8_0-00002-of-00002.gguf", 600),
        RemoteFile("m-Q8_0-00001-of-00002.gguf", 500),
        RemoteFile("m-Q4_K_M.gguf", 700),
        RemoteFile("mmproj-m-f16.gguf", 100),
        RemoteFile("m-Q2_K-00001-of-00002.gguf", 100),  # part 2 missing: not offered
        RemoteFile("README.md", 5),
    ]
    choices = group_choices(files)
    assert [(c.quant, c.size, len(c.files)) for c in choices] == [
        ("Q4_K_M", 700, 1),
        ("Q8_0", 1100, 2),
        ("F16", 100, 1),
    ]
    assert choices[1].first.path == "m-Q8_0-00001-of-00002.gguf"
    assert choices[-1].is_projector and "not a chat model" in str(choices[-1].note)


# an 8B llama: 32 layers, 8 KV heads of 128 → 128 KiB of KV per token
LLAMA_8B = ModelDims(n_layers=32, n_kv_heads=8, head_dim=128)


def test_kv_cache_counts_in_the_verdict() -> None:
    laptop = Hardware(ram_bytes=16 * GIB)
    small_ctx = estimate(int(4.9 * GIB), LLAMA_8B, 4096, laptop)
    huge_ctx = estimate(int(4.9 * GIB), LLAMA_8B, 131072, laptop)
    assert small_ctx.kv_bytes == 512 * 1024**2
    assert small_ctx.verdict == Verdict.FITS_RAM
    assert huge_ctx.kv_bytes == 16 * GIB and huge_ctx.verdict == Verdict.TOO_BIG


@pytest.mark.parametrize(
    ("hardware", "verdict"),
    [
        (Hardware(ram_bytes=32 * GIB, vram_bytes=24 * GIB, gpu_name="RTX 4090"), Verdict.FITS_GPU),
        (Hardware(ram_bytes=32 * GIB, vram_bytes=4 * GIB, gpu_name="GTX 1650"), Verdict.FITS_RAM),
        (Hardware(ram_bytes=8 * GIB), Verdict.TIGHT),
        (Hardware(ram_bytes=4 * GIB), Verdict.TOO_BIG),
        (Hardware(ram_bytes=16 * GIB, unified_memory=True), Verdict.FITS_GPU),
    ],
)
def test_verdicts_for_several_machines(hardware: Hardware, verdict: Verdict) -> None:
    assert estimate(int(5.7 * GIB), LLAMA_8B, 4096, hardware).verdict == verdict


def test_best_choice_is_the_best_quant_that_fits() -> None:
    files = [
        RemoteFile("m-Q2_K.gguf", int(3.2 * GIB)),
        RemoteFile("m-Q4_K_M.gguf", int(4.9 * GIB)),
        RemoteFile("m-Q6_K.gguf", int(6.6 * GIB)),
        RemoteFile("m-Q8_0.gguf", int(8.5 * GIB)),
        RemoteFile("mmproj-m-f16.gguf", int(0.6 * GIB)),
    ]
    choices = group_choices(files)
    gpu8 = Hardware(ram_bytes=16 * GIB, vram_bytes=8 * GIB)
    # Q6_K would need 7.7 GB with its cache: more than 90% of 8 GB, so the GPU gets Q4_K_M
    assert best_choice(choices, LLAMA_8B, 4096, gpu8).quant == "Q4_K_M"  # type: ignore[union-attr]
    cpu16 = Hardware(ram_bytes=16 * GIB)
    assert best_choice(choices, LLAMA_8B, 4096, cpu16).quant == "Q8_0"  # type: ignore[union-attr]
    cpu8 = Hardware(ram_bytes=8 * GIB)
    assert best_choice(choices, LLAMA_8B, 4096, cpu8).quant == "Q2_K"  # type: ignore[union-attr]
    assert best_choice(choices, LLAMA_8B, 4096, Hardware(ram_bytes=2 * GIB)) is None
